import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { EligibilityAssessment } from '../../src/domain/eligibility/assessment.ts';
import type { AnyNumber } from '../../src/domain/numbers/detect-number.ts';
import type { Validation } from '../../src/domain/shared/issue.ts';
import type { DomainParts } from '../../src/domain/validate/domain.ts';
import type { EmailParts } from '../../src/domain/validate/email.ts';
import type {
  ForeignPermanentResidenceParts,
  HkMacaoPermitParts,
  PassportParts,
  TaiwanPermitParts,
} from '../../src/domain/validate/person-documents.ts';
import type { LandlineParts, MobileParts } from '../../src/domain/validate/phone.ts';
import type { ResidentIdParts } from '../../src/domain/validate/resident-id.ts';
import type { SiteNameParts } from '../../src/domain/validate/site-name.ts';
import type { UsccParts } from '../../src/domain/validate/uscc.ts';
import type { eligibilityAssessmentSchema } from '../../src/server/schemas/eligibility.ts';
import type { numberValidationSchema } from '../../src/server/schemas/numbers.ts';
import type {
  domainValidationSchema,
  emailValidationSchema,
  foreignPermanentResidenceValidationSchema,
  hkMacaoPermitValidationSchema,
  landlineValidationSchema,
  mobileValidationSchema,
  passportValidationSchema,
  residentIdValidationSchema,
  siteNameValidationSchema,
  taiwanPermitValidationSchema,
  usccValidationSchema,
} from '../../src/server/schemas/validators.ts';

/** Flattens intersections (FilingNumber's `service` is one) so equal shapes compare equal. */
type Flat<T> = T extends readonly (infer U)[]
  ? Flat<U>[]
  : T extends object
    ? { [K in keyof T]: Flat<T[K]> }
    : T;

/**
 * The wire schemas restate the domain's types for OpenAPI; these checks (run by tsc) fail when the two
 * drift, e.g. when the domain adds a field the response schema would silently drop.
 */
describe('wire schemas equal the domain types', () => {
  it('eligibility', () => {
    expectTypeOf<Flat<z.output<typeof eligibilityAssessmentSchema>>>().toEqualTypeOf<
      Flat<EligibilityAssessment>
    >();
  });

  it('numbers', () => {
    expectTypeOf<Flat<z.output<typeof numberValidationSchema>>>().toEqualTypeOf<
      Flat<Validation<AnyNumber>>
    >();
  });

  it('validators', () => {
    expectTypeOf<Flat<z.output<typeof residentIdValidationSchema>>>().toEqualTypeOf<
      Flat<Validation<ResidentIdParts>>
    >();
    expectTypeOf<Flat<z.output<typeof usccValidationSchema>>>().toEqualTypeOf<Flat<Validation<UsccParts>>>();
    expectTypeOf<Flat<z.output<typeof domainValidationSchema>>>().toEqualTypeOf<
      Flat<Validation<DomainParts>>
    >();
    expectTypeOf<Flat<z.output<typeof siteNameValidationSchema>>>().toEqualTypeOf<
      Flat<Validation<SiteNameParts>>
    >();
    expectTypeOf<Flat<z.output<typeof mobileValidationSchema>>>().toEqualTypeOf<
      Flat<Validation<MobileParts>>
    >();
    expectTypeOf<Flat<z.output<typeof landlineValidationSchema>>>().toEqualTypeOf<
      Flat<Validation<LandlineParts>>
    >();
    expectTypeOf<Flat<z.output<typeof emailValidationSchema>>>().toEqualTypeOf<
      Flat<Validation<EmailParts>>
    >();
    expectTypeOf<Flat<z.output<typeof passportValidationSchema>>>().toEqualTypeOf<
      Flat<Validation<PassportParts>>
    >();
    expectTypeOf<Flat<z.output<typeof hkMacaoPermitValidationSchema>>>().toEqualTypeOf<
      Flat<Validation<HkMacaoPermitParts>>
    >();
    expectTypeOf<Flat<z.output<typeof taiwanPermitValidationSchema>>>().toEqualTypeOf<
      Flat<Validation<TaiwanPermitParts>>
    >();
    expectTypeOf<Flat<z.output<typeof foreignPermanentResidenceValidationSchema>>>().toEqualTypeOf<
      Flat<Validation<ForeignPermanentResidenceParts>>
    >();
  });
});

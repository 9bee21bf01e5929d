import type { LicenceKind, LicenceScope } from '../../domain/licence/licence-kind.ts';
import type { LicenceFacts } from '../../domain/licence/licence-prerequisites.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { normalizeText } from '../../domain/shared/normalize.ts';
import { validateUscc } from '../../domain/validate/uscc.ts';
import { describeUser } from '../audit/actor-label.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { validateFactsOrThrow } from './check-licence-prerequisites.ts';
import type { LicenceDeps } from './licence-deps.ts';
import { assertLicenceAllowed, invalidInput, toLicenceError } from './licence-errors.ts';
import { formatLicenceReference } from './licence-reference.ts';
import type { MaterialMarks } from './licence-store.ts';
import { readLicenceView } from './load-licence-details.ts';
import { checkMaterialMarks } from './material-marks.ts';
import type { LicenceApplicationView } from './present-licence-application.ts';

export const MAX_COMPANY_NAME_LENGTH = 200;

export interface CreateLicenceApplicationInput {
  actor: Actor;
  kind: LicenceKind;
  scope: LicenceScope;
  /** The company's province (where its business licence was issued): code, name or abbreviation. */
  province: string;
  companyName: string;
  /** The company's unified social credit code. */
  uscc: string;
  facts: LicenceFacts;
  /** Materials already marked provided, by material id. */
  materials?: MaterialMarks;
  /** The agency applying for a client (the actor must be its agent). */
  agentOrgId?: string;
  /** The client applied for; the agency must hold the client's letter of authorisation. */
  clientUserId?: string;
}

function checkActor(input: CreateLicenceApplicationInput): void {
  const { actor } = input;
  if (!actor.roles.includes('applicant') && !actor.roles.includes('agent')) assertLicenceAllowed('forbidden');
  if (input.agentOrgId !== undefined) {
    if (!actor.roles.includes('agent') || !actor.organisationIds.includes(input.agentOrgId)) {
      throw invalidInput(
        'not_an_agent_of_agency',
        'You can apply for an agency only as one of its agents.',
        '只有代理机构的经办人才能以该机构名义申请。',
        'agentOrgId',
      );
    }
  }
  if (input.clientUserId !== undefined && input.agentOrgId === undefined) {
    throw invalidInput(
      'client_requires_agency',
      'Name the agency that applies for the client.',
      '请填写代为申请的代理机构。',
      'agentOrgId',
    );
  }
}

function checkCompanyName(name: string): string {
  const normalized = typeof name === 'string' ? normalizeText(name) : '';
  if (normalized === '' || normalized.length > MAX_COMPANY_NAME_LENGTH) {
    throw invalidInput(
      'invalid_company_name',
      `Enter the company's registered name (1–${MAX_COMPANY_NAME_LENGTH} characters).`,
      `请填写公司登记名称（1–${MAX_COMPANY_NAME_LENGTH} 个字符）。`,
      'companyName',
    );
  }
  return normalized;
}

function checkUscc(uscc: string): string {
  const result = validateUscc(typeof uscc === 'string' ? uscc : '');
  if (!result.valid) {
    throw toLicenceError(
      result.errors.map((found) => ({ ...found, params: { ...found.params, field: 'uscc' } })),
    );
  }
  return result.normalized;
}

/**
 * Opens a draft ICP or EDI licence application for a company. The facts go through the prerequisite
 * checks (company, filing number, capital, foreign ownership): only malformed input is refused here; a
 * failing check is kept on the application as a blocking check, shown with its explanation and source,
 * and refuses the submission until it passes. Errors: validation_failed (malformed kind, scope, province,
 * company, USCC, facts or materials; an agency without the client's letter), forbidden (roles other than
 * applicant and agent).
 */
export async function createLicenceApplication(
  deps: LicenceDeps,
  input: CreateLicenceApplicationInput,
): Promise<LicenceApplicationView> {
  checkActor(input);
  const { actor } = input;
  const companyName = checkCompanyName(input.companyName);
  const uscc = checkUscc(input.uscc);
  const checked = validateFactsOrThrow(deps.catalogue, input);
  const materials = checkMaterialMarks(
    { kind: input.kind, scope: input.scope, provinceCode: checked.provinceCode, facts: checked.facts },
    input.materials ?? {},
    deps.catalogue,
  );
  if (input.clientUserId !== undefined && input.agentOrgId !== undefined) {
    if (!(await deps.directory.isAgencyClient(input.agentOrgId, input.clientUserId))) {
      throw invalidInput(
        'client_not_authorised',
        "The agency holds no letter of authorisation from this client; record the client's letter first.",
        '代理机构尚未取得该客户的授权委托书，请先登记授权委托书。',
        'clientUserId',
      );
    }
  }
  const now = deps.clock.now();
  const application = await deps.persistence.transact(async (stores) => {
    const id = await stores.licences.insertApplication({
      kind: input.kind,
      scope: input.scope,
      provinceCode: checked.provinceCode,
      authorityMode: deps.authorityMode ?? 'sandbox',
      applicantUserId: actor.userId,
      ...(input.agentOrgId === undefined ? {} : { agentOrgId: input.agentOrgId }),
      ...(input.clientUserId === undefined ? {} : { clientUserId: input.clientUserId }),
      companyName,
      uscc,
      facts: checked.facts,
      materials,
      createdAt: now,
    });
    const created = await stores.licences.findApplication(id);
    if (!created) throw new Error(`Licence application ${id} vanished inside its own transaction`);
    const actorLabel = describeUser(actor);
    await stores.licences.appendEvents(id, actorLabel, [
      {
        type: 'created',
        from: 'draft',
        to: 'draft',
        at: now,
        details: { kind: created.kind, scope: created.scope, provinceCode: created.provinceCode },
      },
    ]);
    await appendAuditEvent(
      { auditLog: stores.auditLog },
      {
        occurredAt: now,
        actor: actorLabel,
        action: 'licence.created',
        subjectType: 'licence_application',
        subjectId: String(id),
        payload: {
          reference: formatLicenceReference(id, now),
          kind: created.kind,
          scope: created.scope,
          provinceCode: created.provinceCode,
          authorityMode: created.authorityMode,
          ...(created.agentOrgId === undefined ? {} : { agentOrgId: created.agentOrgId }),
        },
      },
    );
    return created;
  });
  return readLicenceView(deps, actor, application);
}

import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import {
  type CreateLicenceApplicationInput,
  createLicenceApplication,
} from '../../src/app/licences/create-licence-application.ts';
import type { LicenceDeps, LicenceDirectory } from '../../src/app/licences/licence-deps.ts';
import type { MaterialMarks } from '../../src/app/licences/licence-store.ts';
import type { LicenceApplicationView } from '../../src/app/licences/present-licence-application.ts';
import { runLicenceAuthorityCommand } from '../../src/app/licences/run-licence-authority-command.ts';
import { submitLicenceApplication } from '../../src/app/licences/submit-licence-application.ts';
import { updateLicenceDraft } from '../../src/app/licences/update-licence-draft.ts';
import type { Addressee } from '../../src/app/orders/order-deps.ts';
import { createWorkingDayCalendar } from '../../src/domain/calendar/working-day-calendar.ts';
import { defaultCatalogue } from '../../src/domain/catalogue/default-catalogue.ts';
import type { LicenceFacts } from '../../src/domain/licence/licence-prerequisites.ts';
import { buildEnterpriseUscc } from '../../src/domain/order-content/fixtures.ts';
import type { Actor } from '../../src/domain/policy/order-access.ts';
import type { AuthorityMode } from '../../src/domain/workflow/order-snapshot.ts';
import { createFieldCipher, deriveDataKeys } from '../../src/infra/crypto/envelope.ts';
import type { Database } from '../../src/infra/db/database.ts';
import { createLicencePersistence } from '../../src/infra/db/repositories/licence-repository.ts';
import { createRegistryRepository } from '../../src/infra/db/repositories/registry-repository.ts';
import { actors, START, TestClock } from '../orders/order-test-kit.ts';

export { actors, START, TestClock };

/** The people of the licence tests, with the platform administrators MIIT's sandbox relies on. */
export class TestLicenceDirectory implements LicenceDirectory {
  readonly users = new Map<string, Addressee>();
  readonly authorityReviewers = new Map<string, string[]>();
  readonly platformAdmins: string[] = [];
  readonly clients = new Set<string>();

  /** Organisations' names by id; a user's display name is "User <id>". */
  readonly organisationNames = new Map<string, { en: string; zh: string }>();

  async findUserNames(userIds: readonly string[]): Promise<{ userId: string; name: string }[]> {
    return userIds.filter((id) => this.users.has(id)).map((userId) => ({ userId, name: `User ${userId}` }));
  }
  async findOrganisationNames(
    ids: readonly string[],
  ): Promise<{ id: string; name: { en: string; zh: string } }[]> {
    return ids.flatMap((id) => {
      const name = this.organisationNames.get(id);
      return name ? [{ id, name }] : [];
    });
  }
  async findUsers(userIds: readonly string[]): Promise<Addressee[]> {
    return userIds.flatMap((id) => {
      const user = this.users.get(id);
      return user ? [user] : [];
    });
  }
  async listAuthorityReviewers(provinceCode: string): Promise<Addressee[]> {
    return this.findUsers(this.authorityReviewers.get(provinceCode) ?? []);
  }
  async listPlatformAdmins(): Promise<Addressee[]> {
    return this.findUsers(this.platformAdmins);
  }
  async isAgencyClient(agentOrgId: string, clientUserId: string): Promise<boolean> {
    return this.clients.has(`${agentOrgId}:${clientUserId}`);
  }
}

export interface LicenceKit {
  deps: LicenceDeps;
  clock: TestClock;
  directory: TestLicenceDirectory;
}

export function createLicenceKit(db: Database, options: { authorityMode?: AuthorityMode } = {}): LicenceKit {
  const clock = new TestClock(new Date(START));
  const calendar = createWorkingDayCalendar();
  const directory = new TestLicenceDirectory();
  for (const actor of Object.values(actors)) {
    directory.users.set(actor.userId, { userId: actor.userId, email: `user${actor.userId}@openbeian.test` });
  }
  directory.authorityReviewers.set('11', [actors.beijingAuthority.userId]);
  directory.authorityReviewers.set('44', [actors.guangdongAuthority.userId]);
  directory.platformAdmins.push(actors.platformAdmin.userId);
  directory.clients.add(`50:${actors.client.userId}`);
  const deps: LicenceDeps = {
    persistence: createLicencePersistence(db),
    clock,
    calendar: { getCalendar: async () => calendar },
    catalogue: defaultCatalogue,
    fieldCipher: createFieldCipher(deriveDataKeys(randomBytes(32))),
    directory,
    registry: createRegistryRepository(db.kysely, db.dialect),
    ...(options.authorityMode === undefined ? {} : { authorityMode: options.authorityMode }),
  };
  return { deps, clock, directory };
}

let companies = 0;

/** A distinct, valid USCC of a Beijing (Chaoyang) company per call. */
export function nextUscc(county = '110105'): string {
  companies += 1;
  return buildEnterpriseUscc(county, `MA${String(companies).padStart(6, '0')}`);
}

export const beijingFacts: LicenceFacts = {
  applicantKind: 'chinese_company',
  registeredCapitalRmb: 2_000_000,
  icpFilingNumber: '京ICP备2024012345号',
};

/** A Beijing ICP application input; override anything. */
export function beijingIcpInput(
  actor: Actor,
  overrides: Partial<CreateLicenceApplicationInput> = {},
): CreateLicenceApplicationInput {
  return {
    actor,
    kind: 'icp',
    scope: 'provincial',
    province: '11',
    companyName: '北京星河信息技术有限公司',
    uscc: nextUscc(),
    facts: beijingFacts,
    ...overrides,
  };
}

/** Every material of the application marked provided. */
export function provideAll(view: LicenceApplicationView): MaterialMarks {
  return Object.fromEntries(view.materials.map((m) => [m.id, { provided: true }]));
}

/**
 * Creates an application, marks every material provided, submits it and takes it through the
 * authority's acceptance to review: the state in which it can be approved.
 */
export async function bringToReview(
  kit: LicenceKit,
  input: CreateLicenceApplicationInput,
  decider: Actor,
): Promise<LicenceApplicationView> {
  const created = await createLicenceApplication(kit.deps, input);
  await updateLicenceDraft(kit.deps, {
    actor: input.actor,
    applicationId: created.id,
    materials: provideAll(created),
  });
  await submitLicenceApplication(kit.deps, { actor: input.actor, applicationId: created.id });
  const command = (kind: 'start_acceptance_check' | 'accept') =>
    runLicenceAuthorityCommand(kit.deps, { actor: decider, applicationId: created.id, command: { kind } });
  await command('start_acceptance_check');
  const accepted = await command('accept');
  expect(accepted.application.status).toBe('under_review');
  return accepted.application;
}

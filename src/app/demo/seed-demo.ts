import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { JsonObject } from '../audit/audit-chain.ts';
import type { AuditLogStore } from '../audit/audit-log-store.ts';
import type { DemoAccount } from './demo-accounts.ts';
import type { CompleteDemoStep, DemoSeedDeps, DemoSeedStep } from './demo-seed-step.ts';
import { seedAccountsStep } from './seed-accounts.ts';
import { seedLicencesStep } from './seed-licences.ts';
import { seedOrdersStep } from './seed-orders.ts';
import { seedRegistryStep } from './seed-registry.ts';

/**
 * The demo, in order: later steps may use what earlier ones wrote (the orders step files as the
 * accounts step's people, and checks its domains against the registry; the licences step applies for
 * a company the orders step filed).
 */
export const DEMO_SEED_STEPS: readonly DemoSeedStep[] = [
  seedRegistryStep,
  seedAccountsStep,
  seedOrdersStep,
  seedLicencesStep,
];

/** The first event of a demo database: it marks every record in it as made up. */
export const DEMO_STARTED_ACTION = 'demo.started';
export const DEMO_STEP_COMPLETED_ACTION = 'demo.step_completed';
const DEMO_STEP_SUBJECT = 'demo_step';
const ACTOR = 'system';
const AUDIT_PAGE = 500;

export interface DemoStepResult {
  name: string;
  /** The counts the step recorded in the audit log. */
  summary: JsonObject;
}

export interface DemoSeedReport {
  /**
   * `seeded`: steps ran now (on an empty database, or to finish an interrupted or extended demo);
   * `already_seeded`: a demo database with every step done; `not_empty`: real data, left alone.
   */
  status: 'seeded' | 'already_seeded' | 'not_empty';
  /** The steps that ran now. */
  steps: DemoStepResult[];
  /** The demo sign-ins, on a demo database. */
  logins: readonly DemoAccount[];
}

type DemoState = { kind: 'empty' } | { kind: 'demo'; completed: ReadonlySet<string> } | { kind: 'other' };

/** The names of the steps recorded as completed in events 1…`untilSequence`. */
async function readCompletedSteps(auditLog: AuditLogStore, untilSequence: number): Promise<Set<string>> {
  const completed = new Set<string>();
  for (let after = 0; after < untilSequence; ) {
    const events = await auditLog.readEvents(after, AUDIT_PAGE);
    for (const event of events) {
      if (event.sequence > untilSequence) break;
      if (event.action === DEMO_STEP_COMPLETED_ACTION && event.subjectType === DEMO_STEP_SUBJECT) {
        completed.add(event.subjectId);
      }
    }
    const last = events.at(-1);
    if (!last) break;
    after = last.sequence;
  }
  return completed;
}

/**
 * Empty means nothing ever happened: every change writes the audit log, so its head is still at 0,
 * and no step finds data of its kind (bulk loads that bypass the log). A demo database is one whose
 * first audit event is the demo marker.
 */
async function readDemoState(deps: DemoSeedDeps, steps: readonly DemoSeedStep[]): Promise<DemoState> {
  const head = await deps.auditLog.readHead();
  if (head.sequence === 0) {
    for (const step of steps) if (await step.hasData(deps)) return { kind: 'other' };
    return { kind: 'empty' };
  }
  const [first] = await deps.auditLog.readEvents(0, 1);
  if (first?.action !== DEMO_STARTED_ACTION) return { kind: 'other' };
  return { kind: 'demo', completed: await readCompletedSteps(deps.auditLog, head.sequence) };
}

class DemoAlreadyStartedError extends Error {}

/**
 * Claims a fresh database for the demo by writing the marker as audit event 1. Two servers starting
 * on one fresh database both get here; the second one's event is not the first, so it rolls back.
 */
async function claimDatabase(deps: DemoSeedDeps, steps: readonly DemoSeedStep[]): Promise<boolean> {
  try {
    await deps.transact(async (stores) => {
      const event = await appendAuditEvent(stores, {
        occurredAt: deps.clock.now(),
        actor: ACTOR,
        action: DEMO_STARTED_ACTION,
        subjectType: 'demo',
        subjectId: 'demo',
        payload: { steps: steps.map((step) => step.name) },
      });
      if (event.sequence !== 1) throw new DemoAlreadyStartedError();
    });
    return true;
  } catch (error) {
    if (error instanceof DemoAlreadyStartedError) return false;
    throw error;
  }
}

class StepCompletedElsewhereError extends Error {}

/** The step's result, or undefined when a seed running at the same time completed it first. */
async function runStep(deps: DemoSeedDeps, step: DemoSeedStep): Promise<DemoStepResult | undefined> {
  let summary: JsonObject | undefined;
  const complete: CompleteDemoStep = async (stores, counts) => {
    const event = await appendAuditEvent(stores, {
      occurredAt: deps.clock.now(),
      actor: ACTOR,
      action: DEMO_STEP_COMPLETED_ACTION,
      subjectType: DEMO_STEP_SUBJECT,
      subjectId: step.name,
      payload: counts,
    });
    // The append waited for the audit log's lock, so what a concurrent seed committed is visible now.
    const completed = await readCompletedSteps(stores.auditLog, event.sequence - 1);
    if (completed.has(step.name)) throw new StepCompletedElsewhereError();
    summary = counts;
  };
  try {
    await step.run(deps, complete);
  } catch (error) {
    if (error instanceof StepCompletedElsewhereError) return undefined;
    throw error;
  }
  if (summary === undefined)
    throw new Error(`Demo step "${step.name}" finished without recording its completion`);
  return { name: step.name, summary };
}

/**
 * Seeds the demo on an empty database, finishes an interrupted one, and leaves any other database
 * alone. Idempotent: a later start finds the steps done in the audit log and writes nothing.
 */
export async function seedDemoData(
  deps: DemoSeedDeps,
  steps: readonly DemoSeedStep[] = DEMO_SEED_STEPS,
): Promise<DemoSeedReport> {
  const logins = steps.flatMap((step) => step.logins ?? []);
  const state = await readDemoState(deps, steps);
  if (state.kind === 'other') return { status: 'not_empty', steps: [], logins: [] };
  if (state.kind === 'empty' && !(await claimDatabase(deps, steps))) {
    // Another process claimed it a moment ago and is seeding it now.
    return { status: 'already_seeded', steps: [], logins };
  }
  const completed = state.kind === 'demo' ? state.completed : new Set<string>();
  const results: DemoStepResult[] = [];
  for (const step of steps) {
    if (completed.has(step.name)) continue;
    const result = await runStep(deps, step);
    if (result) results.push(result);
  }
  return { status: results.length > 0 ? 'seeded' : 'already_seeded', steps: results, logins };
}

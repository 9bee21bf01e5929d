import type { Actor } from '../../domain/policy/order-access.ts';

/**
 * How the audit log, order events and licence events name who acted: "user:<id>" for a signed-in
 * person, "system" for the platform's own jobs (expiry sweeps, the demo seed). One place writes and
 * reads the label, so a timeline can tell a person from a job.
 */

export type ActorLabel = { kind: 'user'; userId: string } | { kind: 'system' };

/** "user:<id>". */
export function describeUser(actor: Pick<Actor, 'userId'>): string {
  return `user:${actor.userId}`;
}

/** "user:<id>", or "system" for the platform's jobs. */
export function describeActor(actor: Pick<Actor, 'userId'> | 'system'): string {
  return actor === 'system' ? 'system' : describeUser(actor);
}

/** The inverse of describeActor; anything else (a label from an older release) reads as the system. */
export function parseActorLabel(label: string): ActorLabel {
  const match = /^user:(\d+)$/u.exec(label);
  return match?.[1] === undefined ? { kind: 'system' } : { kind: 'user', userId: match[1] };
}

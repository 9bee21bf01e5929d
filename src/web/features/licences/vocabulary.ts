import type { LicenceApplicationStatus } from '../../../domain/licence/licence-status.ts';
import type { LicenceChangeKind } from './api.ts';

/**
 * Value lists the pages offer, repeated from the domain on purpose: importing its modules would pull
 * the calendar and catalogue code into the pages' chunks (the types and locales.test.ts keep them in
 * step).
 */

/** The changes the API records (LICENCE_CHANGE_KINDS, licence-obligations.ts), named in locales.ts. */
export const CHANGE_KINDS = [
  'company_name',
  'legal_representative',
  'registered_capital',
  'shareholders',
  'address',
  'business_scope',
] as const satisfies readonly LicenceChangeKind[];

/** The reviewer queue's views: what waits for the authority, for the applicant, the decided ones. */
export const QUEUE_VIEWS = {
  waiting: ['submitted', 'acceptance_check', 'under_review'],
  materials_requested: ['materials_requested'],
  decided: ['approved', 'rejected', 'withdrawn'],
} as const satisfies Record<string, readonly LicenceApplicationStatus[]>;
export type QueueView = keyof typeof QUEUE_VIEWS;

import * as z from 'zod/mini';
import { ORDER_STATUSES } from '../../../../domain/workflow/order-status.ts';
import { ORDER_TYPE_IDS, type OrderTypeId } from '../../../../domain/workflow/order-type.ts';

/**
 * The reviewers' queue filters as the URL holds them (/provider?flag=overdue&province=44&page=2), so a
 * reload, back and forward, and a shared link show the same list. A value the page cannot use is
 * dropped rather than failing the route. Kept free of React and of the API, since the router (in the
 * first chunk) reads it.
 */

export const QUEUE_FLAGS = ['overdue', 'due_today', 'due_soon', 'on_track'] as const;
export type QueueFlag = (typeof QUEUE_FLAGS)[number];

/** The search text's longest form; the API allows 100 characters after normalisation. */
export const MAX_QUEUE_SEARCH = 100;

export const optional = <T extends z.core.SomeType>(schema: T) => z.catch(z.optional(schema), undefined);
export const page = optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(40_000)));

const queueSearchSchema = z.object({
  view: optional(z.enum(['queue', 'all'])),
  status: optional(z.enum(ORDER_STATUSES)),
  type: optional(z.enum(ORDER_TYPE_IDS as [OrderTypeId, ...OrderTypeId[]])),
  /** A number, as the router reads `province=44` (its query values are JSON); the API takes it as text. */
  province: optional(z.coerce.number().check(z.int(), z.minimum(10), z.maximum(99))),
  flag: optional(z.enum(QUEUE_FLAGS)),
  // `q=123` reads as a number: searched as text all the same.
  q: optional(z.coerce.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_QUEUE_SEARCH))),
  page,
  /** The authority's second list (orders at the SMS step) pages on its own. */
  smsPage: page,
});

export type QueueSearch = z.infer<typeof queueSearchSchema>;

/** validateSearch of /provider and /authority. */
export function parseQueueSearch(search: Record<string, unknown>): QueueSearch {
  const parsed = queueSearchSchema.parse(search);
  // Defaults stay out of the URL, so a plain link and the default view are the same page.
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined)) as QueueSearch;
}

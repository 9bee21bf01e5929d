import { ORDER_STATUSES, type OrderStatus } from '../../../../domain/workflow/order-status.ts';
import { ORDER_TYPE_IDS, type OrderTypeId } from '../../../../domain/workflow/order-type.ts';
import { presentOnly, readInteger, readOneOf, readPage, readText } from '../../../lib/search-params.ts';

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

export interface QueueSearch {
  view?: 'queue' | 'all';
  status?: OrderStatus;
  type?: OrderTypeId;
  /** A number, as the router reads `province=44`; the API takes it as text. */
  province?: number;
  flag?: QueueFlag;
  /** `q=123` reads as a number: searched as text all the same. */
  q?: string;
  page?: number;
  /** The authority's second list (orders at the SMS step) pages on its own. */
  smsPage?: number;
}

/** validateSearch of /provider and /authority. */
export function parseQueueSearch(search: Record<string, unknown>): QueueSearch {
  return presentOnly({
    view: readOneOf(search.view, ['queue', 'all'] as const),
    status: readOneOf(search.status, ORDER_STATUSES),
    type: readOneOf(search.type, ORDER_TYPE_IDS),
    province: readInteger(search.province, 10, 99),
    flag: readOneOf(search.flag, QUEUE_FLAGS),
    q: readText(search.q, MAX_QUEUE_SEARCH),
    page: readPage(search.page),
    smsPage: readPage(search.smsPage),
  });
}

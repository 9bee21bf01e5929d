import { domainToASCII } from 'node:url';
import { getStartOfChinaDay } from '../../domain/calendar/china-date.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/working-day-calendar.ts';
import { findProvince } from '../../domain/catalogue/catalogue.ts';
import { type Actor, listOrderScopes, type OrderScope } from '../../domain/policy/order-access.ts';
import { issue } from '../../domain/shared/issue.ts';
import { isOrderStatus, type OrderStatus } from '../../domain/workflow/order-status.ts';
import { ORDER_TYPE_IDS, type OrderTypeId } from '../../domain/workflow/order-type.ts';
import {
  classifyOrderDeadline,
  type DeadlineFlag,
  findDeadlineFlagRange,
} from '../../domain/workflow/queue-flags.ts';
import { DomainError } from '../errors.ts';
import type { OrderDeps } from './order-deps.ts';
import { toDomainError } from './order-errors.ts';
import { parseOrderReference } from './order-reference.ts';
import { computeEntityNameIndex, normalizeSearchText } from './order-search-keys.ts';
import type { OrderDeadlineRange, OrderListQuery, OrderListSlice, OrderSearch } from './order-store.ts';
import { listPersonalDataScopes, type OrderSummaryView, presentOrderSummary } from './present-order.ts';

export const MAX_ORDER_PAGE = 100;
/** The longest search text, in characters after normalisation. */
export const MAX_ORDER_SEARCH_LENGTH = 100;
export const DEADLINE_FLAGS: readonly DeadlineFlag[] = [
  'overdue',
  'due_today',
  'due_soon',
  'on_track',
  'none',
];

export interface ListOrdersInput {
  actor: Actor;
  /**
   * `all` (default): every order the actor may see, latest change first. `queue`: the orders waiting
   * for the actor's move (applicants: drafts, returns, rejections, SMS codes; provider reviewers:
   * submitted to ready-for-authority, and recorded-mode decisions; authority reviewers: authority
   * review), the nearest deadline first.
   */
  view?: 'all' | 'queue';
  statuses?: OrderStatus[];
  types?: OrderTypeId[];
  /** Provinces by code, name or abbreviation (findProvince). */
  provinces?: string[];
  /** The deadline flags as the summaries carry them, computed at the same instant with the same calendar. */
  deadlineFlags?: DeadlineFlag[];
  /**
   * Free text: a reference (OB-2026-000123) or id, part of the domain (or an IDN typed in Unicode),
   * of the entity or service number, of an organisation's name, or an individual's whole name (only
   * in the orders whose names the actor sees unmasked: listPersonalDataScopes).
   */
  search?: string;
  /**
   * Agents: only the orders filed for this client, who must have authorised one of the agent's agencies
   * (platform administrators: any client). Anyone else, or an unknown client: not_found.
   */
  clientUserId?: string;
  /** Default: `deadline` for the queue, `updated` for all. */
  sort?: 'deadline' | 'updated';
  /** 1–100, default 50. */
  limit?: number;
  offset?: number;
}

export interface ListOrdersResult {
  orders: OrderSummaryView[];
  hasMore: boolean;
  /** Every order the filters match, over all pages. */
  total: number;
}

const APPLICANT_MOVES: readonly OrderStatus[] = [
  'draft',
  'returned_by_provider',
  'rejected_by_authority',
  'sms_verification',
];
const PROVIDER_MOVES: readonly OrderStatus[] = [
  'submitted',
  'provider_review',
  'identity_verification',
  'ready_for_authority',
];
const OPEN: readonly OrderStatus[] = [...APPLICANT_MOVES, ...PROVIDER_MOVES, 'authority_review'];

function queueSlices(actor: Actor, scope: OrderScope): OrderListSlice[] {
  switch (scope.kind) {
    case 'all':
      return [{ scope, statuses: OPEN }];
    case 'owner':
    case 'client':
    case 'agency':
      return [{ scope, statuses: APPLICANT_MOVES }];
    case 'provider':
      // Provider administrators see the provider's orders but do not review them.
      return actor.roles.includes('provider_reviewer')
        ? [
            { scope, statuses: PROVIDER_MOVES },
            { scope, statuses: ['authority_review'], authorityMode: 'recorded' },
          ]
        : [];
    case 'authority':
      return [{ scope, statuses: ['authority_review'] }];
  }
}

function readPage(input: ListOrdersInput): { limit: number; offset: number } {
  const limit = input.limit ?? 50;
  const offset = input.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ORDER_PAGE) {
    throw toDomainError(
      issue('invalid_limit', `limit must be 1–${MAX_ORDER_PAGE}.`, `limit 应为 1–${MAX_ORDER_PAGE}。`, {
        params: { field: 'limit' },
      }),
    );
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw toDomainError(
      issue('invalid_offset', 'offset must be 0 or more.', 'offset 应不小于 0。', {
        params: { field: 'offset' },
      }),
    );
  }
  return { limit, offset };
}

function invalidFilter(field: string, en: string, zh: string): DomainError {
  return toDomainError(issue('invalid_filter', en, zh, { params: { field } }));
}

function readProvinceCodes(deps: OrderDeps, provinces: readonly string[]): string[] {
  return provinces.map((key) => {
    const province = findProvince(deps.catalogue, key);
    if (!province) {
      throw invalidFilter(
        'province',
        `No such province: ${key}. Use a code (44), a name (Guangdong, 广东) or an abbreviation (粤).`,
        `没有这个省份：${key}。请使用代码（44）、名称（广东）或简称（粤）。`,
      );
    }
    return province.code;
  });
}

function readDeadlineRanges(
  flags: readonly DeadlineFlag[],
  now: Date,
  calendar: WorkingDayCalendar,
): (OrderDeadlineRange | 'none')[] {
  return flags.map((flag) => {
    if (!DEADLINE_FLAGS.includes(flag)) {
      throw invalidFilter('flag', `Unknown deadline flag: ${flag}.`, `未知的截止提示：${flag}。`);
    }
    return flag === 'none' ? 'none' : findDeadlineFlagRange(flag, now, calendar);
  });
}

function readSearch(deps: OrderDeps, actor: Actor, search: string): OrderSearch | undefined {
  const text = normalizeSearchText(search);
  if (text === '') return undefined;
  if ([...text].length > MAX_ORDER_SEARCH_LENGTH) {
    throw invalidFilter(
      'q',
      `Search with at most ${MAX_ORDER_SEARCH_LENGTH} characters.`,
      `搜索内容不能超过 ${MAX_ORDER_SEARCH_LENGTH} 个字符。`,
    );
  }
  const found: OrderSearch = {
    text,
    // An individual's name only where the actor sees it unmasked: elsewhere a match would confirm it.
    entityName: {
      index: computeEntityNameIndex(deps.fieldCipher, text),
      scopes: listPersonalDataScopes(actor),
    },
  };
  const reference = parseOrderReference(text);
  if (reference) {
    found.order = {
      id: reference.id,
      createdFrom: getStartOfChinaDay(`${String(reference.year).padStart(4, '0')}-01-01`),
      ...(reference.year < 9999
        ? { createdBefore: getStartOfChinaDay(`${String(reference.year + 1).padStart(4, '0')}-01-01`) }
        : {}),
    };
  } else if (/^\d{1,15}$/u.test(text) && Number(text) > 0) {
    found.order = { id: Number(text) };
  }
  // An internationalised domain typed as people read it (例子.中国) is stored in ASCII (xn--…).
  if (text.includes('.') && [...text].some((char) => (char.codePointAt(0) ?? 0) > 0x7f)) {
    const ascii = domainToASCII(text);
    if (ascii !== '' && ascii !== text) found.domain = ascii;
  }
  return found;
}

function noSuchClient(): DomainError {
  return new DomainError('not_found', {
    en: 'No such client: the client has not authorised your agency.',
    zh: '没有这个客户：该客户未授权贵机构。',
  });
}

/** An agent's client must have authorised one of the agent's agencies; an administrator may name anyone. */
async function checkClient(deps: OrderDeps, actor: Actor, clientUserId: string): Promise<void> {
  if (actor.roles.includes('platform_admin')) return;
  if (actor.roles.includes('agent')) {
    for (const organisationId of actor.organisationIds) {
      if (await deps.directory.isAgencyClient(organisationId, clientUserId)) return;
    }
  }
  throw noSuchClient();
}

/**
 * The caller's orders, or the caller's queue (see `view`), as summaries with the deadline flag
 * (overdue, due_today, due_soon …) computed in China working days, filtered and paged by the database
 * with the total count. Only orders the policy lets the actor see are listed. Errors:
 * validation_failed (bad paging or filters), not_found (a client the agent may not list).
 */
export async function listOrders(deps: OrderDeps, input: ListOrdersInput): Promise<ListOrdersResult> {
  const { limit, offset } = readPage(input);
  if (
    input.statuses?.some((s) => !isOrderStatus(s)) ||
    input.types?.some((t) => !ORDER_TYPE_IDS.includes(t))
  ) {
    throw toDomainError(
      issue(
        'invalid_filter',
        'Unknown status or order type in the filter.',
        '筛选条件中有未知的状态或订单类型。',
        {
          params: { field: 'statuses' },
        },
      ),
    );
  }
  const provinceCodes = input.provinces === undefined ? undefined : readProvinceCodes(deps, input.provinces);
  const search = input.search === undefined ? undefined : readSearch(deps, input.actor, input.search);
  if (input.clientUserId !== undefined) await checkClient(deps, input.actor, input.clientUserId);
  const scopes = listOrderScopes(input.actor);
  const view = input.view ?? 'all';
  const slices =
    view === 'queue'
      ? scopes.flatMap((scope) => queueSlices(input.actor, scope))
      : scopes.map((scope) => ({ scope }));
  // One instant and one calendar for the filter and the flags the summaries show, so they agree.
  const calendar = await deps.calendar.getCalendar();
  const now = deps.clock.now();
  const query: OrderListQuery = {
    slices,
    ...(input.statuses === undefined ? {} : { statuses: input.statuses }),
    ...(input.types === undefined ? {} : { types: input.types }),
    ...(provinceCodes === undefined ? {} : { provinceCodes }),
    ...(input.deadlineFlags === undefined
      ? {}
      : { activeDeadlines: readDeadlineRanges(input.deadlineFlags, now, calendar) }),
    ...(input.clientUserId === undefined ? {} : { clientUserId: input.clientUserId }),
    ...(search === undefined ? {} : { search }),
  };
  const orders = deps.persistence.read.orders;
  const [rows, total] = await Promise.all([
    orders.listOrders({
      ...query,
      sort: input.sort ?? (view === 'queue' ? 'deadline' : 'updated'),
      limit: limit + 1,
      offset,
    }),
    orders.countOrders(query),
  ]);
  const page = rows.slice(0, limit);
  // One query for the page's open SMS challenges, so monitors need no read per order.
  const atSms = page.filter((order) => order.status === 'sms_verification').map((order) => order.id);
  const challenges = await deps.persistence.read.orders.listOpenSmsChallenges(atSms);
  const smsOf = new Map(challenges.map((sms) => [sms.orderId, sms]));
  return {
    orders: page.map((order) =>
      presentOrderSummary(order, classifyOrderDeadline(order, now, calendar), smsOf.get(order.id)),
    ),
    hasMore: rows.length > limit,
    total,
  };
}

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/** GET /api/inbox (openapi: InboxPage, InboxMessage). */
export interface InboxMessage {
  id: number;
  kind: string;
  orderId?: number;
  title: { en: string; zh: string };
  body: { en: string; zh: string };
  createdAt: string;
  readAt?: string;
}

export interface InboxPage {
  items: InboxMessage[];
  unread: number;
  nextBeforeId?: number;
}

const PAGE = 30;

export function useInbox(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: ['inbox', { unreadOnly }],
    queryFn: ({ pageParam }) =>
      api.get<InboxPage>('/api/inbox', {
        limit: PAGE,
        beforeId: pageParam,
        unreadOnly: unreadOnly ? 'true' : undefined,
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBeforeId,
  });
}

/** How often the header asks for the unread count while the page is open. */
const UNREAD_REFRESH_MS = 60_000;

/**
 * The count of unread messages for the header badge: asked every minute and when the window gets the
 * focus back, and again at once after messages are marked read or a command changes an order (both
 * invalidate the 'inbox' queries).
 */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: ['inbox', 'unread'],
    queryFn: async () => (await api.get<InboxPage>('/api/inbox', { limit: 1 })).unread,
    enabled,
    refetchInterval: UNREAD_REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

/** The caller's messages about one order, newest first (the order page's notifications). */
export function useOrderInbox(orderId: number) {
  return useQuery({
    queryKey: ['inbox', { orderId }],
    queryFn: () => api.get<InboxPage>('/api/inbox', { limit: 20, orderId }),
  });
}

/** Marks the messages read (all unread ones without ids). */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: number[]) =>
      api.post<{ updated: number }>('/api/inbox/read', ids === undefined ? {} : { ids }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['inbox'] }),
  });
}

import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
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

/** Marks the messages read (all unread ones without ids). */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: number[]) =>
      api.post<{ updated: number }>('/api/inbox/read', ids === undefined ? {} : { ids }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['inbox'] }),
  });
}

import { useParams } from '@tanstack/react-router';

/**
 * The route's site id (the router's `page()` helper does not keep its path in the route types); 0 for
 * an id that is not a positive whole number, which the API answers with 400 like any bad id.
 */
export function useSiteId(): number {
  const params = useParams({ strict: false }) as { id?: string };
  const id = Number(params.id);
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
}

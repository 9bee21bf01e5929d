import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import type { RandomSource, WorkflowPersistence } from '../orders/order-deps.ts';
import type { Clock } from '../ports.ts';

/** What the provider use cases need (a subset of OrderDeps: pass that object). */
export interface ProviderDeps {
  persistence: WorkflowPersistence;
  clock: Clock;
  catalogue: Catalogue;
  random: RandomSource;
}

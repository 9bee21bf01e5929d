import type { FieldCipherPort, WorkflowPersistence } from '../orders/order-deps.ts';
import type { Clock } from '../ports.ts';

/** What the inbox and outbox use cases need (a subset of OrderDeps: pass that object). */
export interface NotificationDeps {
  persistence: WorkflowPersistence;
  clock: Clock;
  fieldCipher: FieldCipherPort;
}

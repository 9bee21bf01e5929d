/** Providers' instances and their single-use service codes (reference §3.2). */

export interface InstanceRecord {
  id: number;
  providerOrgId: string;
  ownerUserId: string;
  name: string;
  region: string;
  provinceCode: string;
  publicIp: string;
  /** YYYY-MM-DD. */
  subscriptionStart: string;
  /** YYYY-MM-DD, last day covered. */
  subscriptionEnd: string;
  createdAt: Date;
  createdBy: string;
}

export type NewInstance = Omit<InstanceRecord, 'id'>;

export type ServiceCodeKind = 'service' | 'authorization';
export type ServiceCodeStatus = 'available' | 'bound' | 'burnt';

export interface ServiceCodeRecord {
  id: number;
  instanceId: number;
  code: string;
  kind: ServiceCodeKind;
  granteeUserId?: string;
  status: ServiceCodeStatus;
  boundOrderId?: number;
  issuedAt: Date;
  issuedBy: string;
  expiresAt?: Date;
  burntAt?: Date;
}

export type NewServiceCode = Omit<ServiceCodeRecord, 'id' | 'status' | 'boundOrderId' | 'burntAt'>;

export interface InstanceFilter {
  /** Instances of this customer account. */
  ownerUserId?: string;
  /** Instances of this provider. */
  providerOrgId?: string;
}

export interface ProviderStore {
  insertInstance(instance: NewInstance): Promise<InstanceRecord>;
  findInstance(id: number): Promise<InstanceRecord | undefined>;
  /** Reads the instance and holds it until the transaction ends (PostgreSQL: FOR UPDATE). */
  lockInstance(id: number): Promise<InstanceRecord | undefined>;
  /** Instances matching any of the filters given (none: every instance), newest first. */
  listInstances(filters: readonly InstanceFilter[] | 'all'): Promise<InstanceRecord[]>;
  listServiceCodes(instanceIds: readonly number[]): Promise<ServiceCodeRecord[]>;
  countServiceCodes(instanceId: number): Promise<number>;
  insertServiceCode(code: NewServiceCode): Promise<ServiceCodeRecord>;
  findServiceCode(code: string): Promise<ServiceCodeRecord | undefined>;
  /** Binds an available code (or one already bound to this order); false when another order holds it. */
  bindServiceCode(codeId: number, orderId: number): Promise<boolean>;
  /** Makes the order's bound codes available again, except `keep`. */
  releaseServiceCodes(orderId: number, keep?: readonly number[]): Promise<void>;
  /** Burns the codes bound to the order; returns them as they were before. */
  burnServiceCodes(orderId: number, at: Date): Promise<ServiceCodeRecord[]>;
  listBoundServiceCodes(orderId: number): Promise<ServiceCodeRecord[]>;
}

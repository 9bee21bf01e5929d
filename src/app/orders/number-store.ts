/** Issued numbers and the per-province, per-year entity serial (ref-6-numbers). */
export interface IssuedNumber {
  number: string;
  kind: 'entity' | 'service';
  entityNumber: string;
  orderId: number;
  issuedAt: Date;
}

export interface NumberStore {
  /**
   * Creates the sequence row when missing and holds it until the transaction ends (PostgreSQL:
   * FOR UPDATE; SQLite: BEGIN IMMEDIATE already serialises writers). Returns the last serial issued.
   */
  lockSequence(provinceCode: string, year: number): Promise<number>;
  saveSequence(provinceCode: string, year: number, lastSerial: number): Promise<void>;
  /** The last serial issued, read without a lock or a write (0 when the year has none): for previews. */
  findLastSerial(provinceCode: string, year: number): Promise<number>;
  /**
   * The highest entity number between `from` and `to` (same prefix, six-digit serials) issued here or
   * present in the public registry (imported records), so a sandbox serial never meets an existing one.
   */
  findHighestEntityNumber(from: string, to: string): Promise<string | undefined>;
  /** Every service number the entity ever held: issued here (cancelled ones too) or in the registry. */
  listServiceNumbers(entityNumber: string): Promise<string[]>;
  isIssued(number: string): Promise<boolean>;
  /** @throws on a number issued before (unique constraint): duplicates are impossible. */
  recordIssued(numbers: readonly IssuedNumber[]): Promise<void>;
}

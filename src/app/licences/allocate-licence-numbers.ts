import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import {
  getLicenceSequenceKey,
  type LicenceNumbers,
  type LicenceNumberTarget,
  nextLicenceNumbers,
} from '../../domain/licence/licence-numbering.ts';
import { toLicenceError } from './licence-errors.ts';
import type { LicenceStore } from './licence-store.ts';

/**
 * The sandbox authority's numbers for an approval, allocated inside the approval transaction: the
 * authority's sequence for the issue year is locked (one counter per province or MIIT, shared by ICP
 * and EDI, licence-numbering.ts), the next serial taken, and serials whose numbers a recorded licence
 * already holds are skipped. The sequence only moves forward and the numbers are unique by constraint,
 * so none is issued twice or reused. Errors: conflict (serial_space_exhausted), validation_failed
 * (an issue year the ICP证 form cannot print).
 */
export async function allocateLicenceNumbers(
  store: LicenceStore,
  catalogue: Catalogue,
  target: LicenceNumberTarget,
  issueYear: number,
): Promise<LicenceNumbers> {
  const key = getLicenceSequenceKey(target);
  let last = await store.lockSequence(key, issueYear);
  for (;;) {
    const next = nextLicenceNumbers({ ...target, issueYear, lastSerial: last }, catalogue);
    if (!next.ok) throw toLicenceError(next.error);
    const { serial, ...numbers } = next.value;
    last = serial;
    if (!(await store.isLicenceNumberTaken(numbers))) {
      await store.saveSequence(key, issueYear, serial);
      return numbers;
    }
  }
}

import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files that measure timings: they run after every other file, on a machine with nothing else to do. */
const MEASURING_FILES = /\/lighthouse\.e2e\.test\.ts$/;

/** Vitest's usual order (failed and slow files first), with the measuring browser tests moved last. */
export class E2eSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isMeasuring = (file: TestSpecification) => MEASURING_FILES.test(file.moduleId);
    return [...sorted.filter((file) => !isMeasuring(file)), ...sorted.filter(isMeasuring)];
  }
}

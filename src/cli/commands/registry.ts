import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { domainToUnicode } from 'node:url';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { exportRegistry, formatRegistryCsv } from '../../app/registry/export-registry.ts';
import { type ImportReport, importRegistry } from '../../app/registry/import-registry.ts';
import type { RegistryEntry, RegistryEntryInput } from '../../app/registry/registry-store.ts';
import type { Localized } from '../../domain/shared/localized.ts';
import { createRegistryTransaction } from '../../infra/db/registry-transaction.ts';
import {
  createRegistryRepository,
  refreshRegistryStatistics,
} from '../../infra/db/repositories/registry-repository.ts';
import { generateRegistrySample } from '../../infra/db/seed/registry-sample.ts';
import { CliInputError, type Output, pick } from '../output.ts';
import { parseIntegerOption } from '../parse-options.ts';
import { addDatabaseOptions, type DatabaseCliOptions, withDatabase } from './db.ts';

const TEXT = {
  imported: { en: 'Imported', zh: '已导入' },
  of: { en: 'of', zh: '/' },
  rowsFrom: { en: 'rows from', zh: '行，来源' },
  failedRows: { en: 'row(s) failed', zh: '行失败' },
  more: { en: 'more problem(s) not shown', zh: '个问题未显示' },
  exported: { en: 'Exported the registry to', zh: '备案库已导出到' },
  generated: { en: 'Wrote sample rows to', zh: '示例数据已写入' },
} satisfies Record<string, Localized>;

/** Counts bytes as they pass, for a progress bar over the file size. */
async function* countBytes(
  source: AsyncIterable<Buffer>,
  onBytes: (bytes: number) => void,
): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    onBytes(chunk.length);
    yield chunk;
  }
}

/** Writes text chunks to a file, or to standard output when no file is given. */
async function writeChunks(chunks: AsyncIterable<string>, file: string | undefined): Promise<void> {
  if (file) {
    try {
      await pipeline(chunks, createWriteStream(file));
    } catch (error) {
      throw new CliInputError(`--out: cannot write ${file}: ${(error as Error).message}`, 'cannot_write');
    }
    return;
  }
  // A reader that stops early (`| head`) closes the pipe: stop writing quietly, as Unix tools do. The
  // listener stays, since the error can arrive after the last write.
  let isClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    isClosed = true;
  });
  for await (const chunk of chunks) {
    if (isClosed) return;
    if (!process.stdout.write(chunk)) {
      // Not events.once: it rejects on 'error', which here only means the reader has gone.
      await new Promise<void>((resolve) => {
        process.stdout.once('drain', resolve);
        process.stdout.once('error', () => resolve());
      });
    }
  }
}

function printImportReport(out: Output, report: ImportReport, source: string): void {
  if (out.json) {
    const errors = report.errors.map(({ line, issue }) => ({
      line,
      code: issue.code,
      message: pick(issue.message, out.lang),
    }));
    out.out(JSON.stringify({ ...report, errors }, null, 2));
    return;
  }
  const lang = out.lang;
  out.out(
    `${pick(TEXT.imported, lang)} ${report.imported} ${pick(TEXT.of, lang)} ${report.rows} ${pick(TEXT.rowsFrom, lang)} ${source}`,
  );
  if (report.failed === 0) return;
  out.err(`${report.failed} ${pick(TEXT.failedRows, lang)}:`);
  for (const { line, issue } of report.errors) {
    const where = lang === 'zh' ? `第 ${line} 行` : `line ${line}`;
    out.err(`  ${where}: [${issue.code}] ${pick(issue.message, lang)}`);
  }
  if (report.omittedErrors > 0) out.err(`  … ${report.omittedErrors} ${pick(TEXT.more, lang)}`);
}

function toEntry(input: RegistryEntryInput): RegistryEntry {
  return {
    entity: input.entity,
    services: input.services.map((s) => ({
      ...s,
      domains: s.domains.map((ascii) => ({ ascii, unicode: domainToUnicode(ascii) || ascii })),
    })),
  };
}

export function registerRegistryCommand(program: Command, output: () => Output): void {
  const registry = program
    .command('registry')
    .description('the public ICP registry: import, export, sample data');

  addDatabaseOptions(
    registry
      .command('import')
      .description(
        'import a registry CSV (upserts by number; bad rows are reported with their line and skipped)',
      )
      .argument('<csv>', 'UTF-8 CSV with the columns `registry export` writes')
      .option('--batch-size <rows>', 'rows per transaction', '500'),
  ).action(async (file: string, opts: DatabaseCliOptions & { batchSize: string }) => {
    const out = output();
    const batchSize = parseIntegerOption(opts.batchSize, '--batch-size');
    if (batchSize < 1 || batchSize > 10_000) {
      throw new CliInputError('--batch-size must be 1–10000', 'invalid_number');
    }
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch (error) {
      throw new CliInputError(`cannot read ${file}: ${(error as Error).message}`, 'cannot_read');
    }
    const bar =
      process.stderr.isTTY && !out.json
        ? new cliProgress.SingleBar(
            {
              format: '{bar} {percentage}% | {rows} rows, {failed} failed | ETA {eta_formatted}',
              stream: process.stderr,
            },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
    let bytes = 0;
    let committed = 0;
    const counts = { rows: 0, failed: 0 };
    bar?.start(size, 0, counts);
    const result = await withDatabase(opts, async (db) => {
      const imported = await importRegistry(
        { transact: createRegistryTransaction(db), now: () => new Date() },
        {
          source: countBytes(createReadStream(file), (n) => {
            bytes += n;
          }),
          sourceName: basename(file),
          actor: 'cli',
          batchSize,
          onProgress: (progress) => {
            committed = progress.imported;
            bar?.update(bytes, { rows: progress.rows, failed: progress.failed });
          },
        },
      );
      if (imported.ok && imported.value.imported > 0) await refreshRegistryStatistics(db.kysely, db.dialect);
      return imported;
    })
      .catch((error: unknown) => {
        if (error instanceof CliInputError) throw error;
        // The database or the file failed mid-way: committed batches stay, say how far it got.
        const message = error instanceof Error ? error.message : String(error);
        throw new CliInputError(
          `import of ${file} stopped after ${committed} committed rows, which are kept: ${message}`,
          'import_interrupted',
        );
      })
      .finally(() => {
        bar?.update(bytes);
        bar?.stop();
      });
    if (!result.ok) {
      throw new CliInputError(`${file}: ${pick(result.error.message, out.lang)}`, result.error.code);
    }
    printImportReport(out, result.value, basename(file));
    process.exitCode = result.value.failed > 0 ? 1 : 0;
  });

  addDatabaseOptions(
    registry
      .command('export')
      .description('write the whole registry as CSV (the format import reads)')
      .option('--out <file>', 'write to this file instead of standard output'),
  ).action(async (opts: DatabaseCliOptions & { out?: string }) => {
    const out = output();
    await withDatabase(opts, (db) =>
      writeChunks(exportRegistry({ registry: createRegistryRepository(db.kysely, db.dialect) }), opts.out),
    );
    if (opts.out && !out.json) out.err(`${pick(TEXT.exported, out.lang)} ${opts.out}`);
  });

  registry
    .command('generate')
    .description('write a deterministic sample registry CSV (fictional records in all 31 provinces)')
    .requiredOption('--count <services>', 'number of services (CSV rows)')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--seed <n>', 'random seed; the same seed gives the same records', '1')
    .option('--last-year <year>', 'latest approval year', '2025')
    .action(async (opts: { count: string; out?: string; seed: string; lastYear: string }) => {
      const out = output();
      const count = parseIntegerOption(opts.count, '--count');
      if (count < 1 || count > 20_000_000)
        throw new CliInputError('--count must be 1–20000000', 'invalid_number');
      const lastYear = parseIntegerOption(opts.lastYear, '--last-year');
      if (lastYear < 2006 || lastYear > 2099)
        throw new CliInputError('--last-year must be 2006–2099', 'invalid_number');
      const seed = parseIntegerOption(opts.seed, '--seed');
      const entries = (function* () {
        for (const input of generateRegistrySample({ services: count, seed, lastYear })) yield toEntry(input);
      })();
      await writeChunks(formatRegistryCsv(entries), opts.out);
      if (opts.out && !out.json) out.err(`${pick(TEXT.generated, out.lang)} ${opts.out}`);
    });
}

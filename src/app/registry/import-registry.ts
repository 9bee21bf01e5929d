import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { type Issue, issue } from '../../domain/shared/issue.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AuditLogStore } from '../audit/audit-log-store.ts';
import {
  type HeaderMapping,
  parseRegistryRow,
  readRegistryHeader,
  readRegistryRecord,
} from './registry-csv.ts';
import { RegistryConflictError, type RegistryEntryInput, type RegistryStore } from './registry-store.ts';

/** The stores a registry write needs, bound to one transaction. */
export interface RegistryWriteStores {
  registry: RegistryStore;
  auditLog: AuditLogStore;
}

export interface ImportRegistryDeps {
  /** Runs `work` in one transaction with stores bound to it; commits when it resolves. */
  transact: <T>(work: (stores: RegistryWriteStores) => Promise<T>) => Promise<T>;
  now: () => Date;
}

export interface ImportRegistryInput {
  /** The CSV bytes (UTF-8, optional BOM), e.g. a file read stream. */
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>;
  /** Shown in the audit log; a file's base name, not a path. */
  sourceName: string;
  /** Who imports, for the audit log: "cli", "user:<id>". */
  actor: string;
  /** Rows per transaction. */
  batchSize?: number;
  /** Row errors kept in the report (all are counted). */
  maxReportedErrors?: number;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  /** Data rows read so far (header excluded). */
  rows: number;
  imported: number;
  failed: number;
}

export interface ImportRowError {
  /** 1-based line of the file where the row starts. */
  line: number;
  issue: Issue;
}

export interface ImportReport extends ImportProgress {
  /** The first `maxReportedErrors` problems, in file order (a row may have several). */
  errors: ImportRowError[];
  /** Problems beyond those kept in `errors`. */
  omittedErrors: number;
}

interface PendingRow {
  line: number;
  entry: RegistryEntryInput;
}

interface ParsedRecord {
  record: string[];
  info: { lines: number; empty_lines: number };
}

const DEFAULT_BATCH_SIZE = 500;

function conflictIssue(error: RegistryConflictError): Issue {
  switch (error.code) {
    case 'domain_taken':
      return issue(
        'domain_taken',
        `Domain ${error.params.domain} is already filed under ${error.params.serviceNumber}.`,
        `域名 ${error.params.domain} 已在 ${error.params.serviceNumber} 下备案。`,
        { params: error.params },
      );
    case 'service_of_other_entity':
      return issue(
        'service_number_mismatch',
        `${error.params.serviceNumber} does not belong to entity ${error.params.entityNumber}.`,
        `${error.params.serviceNumber} 不属于主体 ${error.params.entityNumber}。`,
        { params: error.params },
      );
    case 'entity_not_found':
      return issue(
        'entity_not_found',
        `Entity ${error.params.entityNumber} is not in the registry.`,
        `主体 ${error.params.entityNumber} 不在备案库中。`,
        { params: error.params },
      );
  }
}

/**
 * Imports a registry CSV (see registry-csv.ts) by upserting batches of rows, each batch in its own
 * transaction with one audit event. A bad row is reported with its line and skipped; rows already
 * committed stay committed whatever happens later. When a batch is refused as a whole (a domain
 * filed under another service, say) its rows are retried one by one so only the guilty rows fail.
 * Returns an error only for a file that cannot be read as a registry CSV at all (bad header).
 */
export async function importRegistry(
  deps: ImportRegistryDeps,
  input: ImportRegistryInput,
): Promise<Result<ImportReport, Issue>> {
  const batchSize = input.batchSize ?? DEFAULT_BATCH_SIZE;
  const maxErrors = input.maxReportedErrors ?? 1_000;
  const report: ImportReport = { rows: 0, imported: 0, failed: 0, errors: [], omittedErrors: 0 };
  const fail = (line: number, issues: readonly Issue[]) => {
    report.failed += 1;
    for (const found of issues) {
      if (report.errors.length < maxErrors) report.errors.push({ line, issue: found });
      else report.omittedErrors += 1;
    }
  };

  const write = (rows: readonly PendingRow[]) =>
    deps.transact(async (stores) => {
      await stores.registry.upsertEntries(rows.map((r) => r.entry));
      await appendAuditEvent(
        { auditLog: stores.auditLog },
        {
          occurredAt: deps.now(),
          actor: input.actor,
          action: 'registry.imported',
          subjectType: 'registry',
          subjectId: 'registry',
          payload: {
            source: input.sourceName,
            firstLine: rows[0]?.line ?? 0,
            lastLine: rows.at(-1)?.line ?? 0,
            rows: rows.length,
          },
        },
      );
    });

  const flush = async (rows: PendingRow[]) => {
    if (rows.length === 0) return;
    try {
      await write(rows);
      report.imported += rows.length;
    } catch (error) {
      if (!(error instanceof RegistryConflictError)) throw error;
      for (const row of rows) {
        try {
          await write([row]);
          report.imported += 1;
        } catch (rowError) {
          if (!(rowError instanceof RegistryConflictError)) throw rowError;
          fail(row.line, [conflictIssue(rowError)]);
        }
      }
    }
    input.onProgress?.({ rows: report.rows, imported: report.imported, failed: report.failed });
  };

  // Where the next record starts: after the previous record, skipped record or empty lines.
  let lastLine = 0;
  let emptyLines = 0;
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      const line = typeof error?.lines === 'number' ? error.lines : lastLine + 1;
      report.rows += 1;
      fail(line, [
        issue(
          'malformed_csv',
          `Not a valid CSV record: ${error?.message ?? 'unreadable'}.`,
          `不是有效的 CSV 记录：${error?.message ?? '无法读取'}。`,
        ),
      ]);
      lastLine = line;
      return undefined;
    },
  });
  // A read error of the source reaches the loop below through the parser; an early return destroys
  // the parser, which ends the pipeline with a premature-close error nobody needs to see.
  pipeline(input.source, parser).catch(() => undefined);

  let mapping: HeaderMapping | undefined;
  let batch: PendingRow[] = [];
  for await (const { record, info } of parser as AsyncIterable<ParsedRecord>) {
    const line = lastLine + 1 + (info.empty_lines - emptyLines);
    lastLine = info.lines;
    emptyLines = info.empty_lines;
    if (!mapping) {
      const header = readRegistryHeader(record);
      if (!header.ok) return err(header.error);
      mapping = header.value;
      continue;
    }
    report.rows += 1;
    if (record.length !== mapping.width) {
      fail(line, [
        issue(
          'wrong_column_count',
          `Expected ${mapping.width} columns as in the header, found ${record.length}.`,
          `应与表头一致为 ${mapping.width} 列，实际为 ${record.length} 列。`,
          { params: { expected: mapping.width, found: record.length } },
        ),
      ]);
      continue;
    }
    const parsed = parseRegistryRow(readRegistryRecord(mapping, record));
    if (!parsed.ok) {
      fail(line, parsed.error);
      continue;
    }
    batch.push({ line, entry: parsed.value });
    if (batch.length >= batchSize) {
      await flush(batch);
      batch = [];
    }
  }
  if (!mapping) {
    return err(issue('empty_file', 'The file is empty: it needs a header row.', '文件为空：需要表头行。'));
  }
  await flush(batch);
  return ok(report);
}

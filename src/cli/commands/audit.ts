import type { Command } from 'commander';
import type { AuditBreakReason } from '../../app/audit/verify-audit-log.ts';
import { verifyAuditLog } from '../../app/audit/verify-audit-log.ts';
import type { Localized } from '../../domain/shared/localized.ts';
import { createAuditLogRepository } from '../../infra/db/repositories/audit-log-repository.ts';
import { type Output, pick } from '../output.ts';
import { addDatabaseOptions, type DatabaseCliOptions, withDatabase } from './db.ts';

const REASONS: Record<AuditBreakReason, Localized> = {
  hash_mismatch: {
    en: 'its content does not match its hash (the event was edited)',
    zh: '内容与哈希不符（该事件被修改）',
  },
  prev_hash_mismatch: {
    en: 'it does not link to the event before it (an event was edited and rehashed, replaced or reordered)',
    zh: '未链接到前一事件（事件被修改后重算哈希、被替换或顺序被打乱）',
  },
  sequence_gap: { en: 'it is missing (events were deleted)', zh: '该事件缺失（事件被删除）' },
  head_mismatch: {
    en: 'the chain head does not match the last event (the tail was cut off or the head rewritten)',
    zh: '链头与最后一个事件不符（尾部被截断或链头被改写）',
  },
};

export function registerAuditCommand(program: Command, output: () => Output): void {
  const audit = program.command('audit').description('the append-only, hash-chained audit log');
  addDatabaseOptions(
    audit.command('verify').description('recompute every hash and link; exit 1 at the first broken link'),
  ).action(async (opts: DatabaseCliOptions) => {
    const out = output();
    const result = await withDatabase(opts, (db) =>
      verifyAuditLog({ auditLog: createAuditLogRepository(db.kysely) }),
    );
    if (out.json) {
      out.out(JSON.stringify(result, null, 2));
    } else if (result.ok) {
      out.out(
        out.lang === 'zh'
          ? `OK：${result.count} 个事件，链头 ${result.headHash}`
          : `OK: ${result.count} events, head ${result.headHash}`,
      );
    } else {
      const reason = pick(REASONS[result.reason], out.lang);
      out.out(
        out.lang === 'zh'
          ? `审计日志在第 ${result.brokenAt} 个事件处断开：${reason}。此前 ${result.count} 个事件完好。`
          : `BROKEN at event ${result.brokenAt}: ${reason}. Events verified before it: ${result.count}.`,
      );
    }
    process.exitCode = result.ok ? 0 : 1;
  });
}

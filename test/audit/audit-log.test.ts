import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { AuditEventError, appendAuditEvent } from '../../src/app/audit/append-audit-event.ts';
import { computeAuditHash, GENESIS_HASH, type JsonObject } from '../../src/app/audit/audit-chain.ts';
import { verifyAuditLog } from '../../src/app/audit/verify-audit-log.ts';
import type { Database } from '../../src/infra/db/database.ts';
import { createAuditLogRepository } from '../../src/infra/db/repositories/audit-log-repository.ts';
import { describeEachDatabase, type TestDatabase } from '../support/databases.ts';

const at = new Date('2026-03-01T08:00:00.000Z');

function append(db: Database, n: number, payload: Record<string, string | number> = {}) {
  return db.transaction((trx) =>
    appendAuditEvent(
      { auditLog: createAuditLogRepository(trx) },
      {
        occurredAt: new Date(at.getTime() + n * 1000),
        actor: 'user:42',
        action: 'order.submitted',
        subjectType: 'order',
        subjectId: `order-${n}`,
        payload: { n, ...payload },
      },
    ),
  );
}

function verify(db: Database, batchSize?: number) {
  return verifyAuditLog({ auditLog: createAuditLogRepository(db.kysely) }, { batchSize });
}

/** Runs `fn` with the append-only guards of audit_events switched off, as an attacker with DB access could. */
async function withGuardsOff(database: TestDatabase, fn: () => Promise<void>): Promise<void> {
  const { db } = database;
  if (database.dialect === 'postgres') {
    await sql`alter table audit_events disable trigger user`.execute(db.kysely);
    try {
      await fn();
    } finally {
      await sql`alter table audit_events enable trigger user`.execute(db.kysely);
    }
    return;
  }
  const { rows } = await sql<{ name: string; sql: string }>`
    select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_events'`.execute(
    db.kysely,
  );
  for (const row of rows) await sql.raw(`drop trigger ${row.name}`).execute(db.kysely);
  try {
    await fn();
  } finally {
    for (const row of rows) await sql.raw(row.sql).execute(db.kysely);
  }
}

describeEachDatabase('audit log', (database) => {
  it('starts empty and valid', async () => {
    expect(await verify(database.db)).toEqual({ ok: true, count: 0, headHash: GENESIS_HASH });
  });

  it('appends linked events that verify', async () => {
    const first = await append(database.db, 1);
    const second = await append(database.db, 2, { status: 'provider_review' });
    expect(first).toMatchObject({ sequence: 1, prevHash: GENESIS_HASH, payload: '{"n":1}' });
    expect(second).toMatchObject({ sequence: 2, prevHash: first.hash });
    expect(second.payload).toBe('{"n":2,"status":"provider_review"}');
    expect(second.hash).toMatch(/^[0-9a-f]{64}$/);
    await append(database.db, 3);
    expect(await verify(database.db, 2)).toEqual({ ok: true, count: 3, headHash: expect.any(String) });
  });

  it('writes nothing when the caller’s transaction rolls back', async () => {
    const before = await verify(database.db);
    await expect(
      database.db.transaction(async (trx) => {
        await appendAuditEvent(
          { auditLog: createAuditLogRepository(trx) },
          { occurredAt: at, actor: 'system', action: 'order.approved', subjectType: 'order', subjectId: 'x' },
        );
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    expect(await verify(database.db)).toEqual(before);
  });

  it('refuses UPDATE and DELETE of events in the database itself', async () => {
    const { kysely } = database.db;
    await expect(
      sql`update audit_events set actor = 'someone' where sequence = 1`.execute(kysely),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events where sequence = 3`.execute(kysely)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_chain_head`.execute(kysely)).rejects.toThrow(/cannot be deleted/);
    await expect(sql`update audit_chain_head set last_sequence = 1`.execute(kysely)).rejects.toThrow(
      /only moves forward/,
    );
    if (database.dialect === 'postgres') {
      await expect(sql`truncate audit_events`.execute(kysely)).rejects.toThrow(/append-only/);
    }
    expect((await verify(database.db)).ok).toBe(true);
  });

  it('refuses an event inserted past the chain head', async () => {
    await expect(
      sql`insert into audit_events (sequence, occurred_at, actor, action, subject_type, subject_id, payload, prev_hash, hash)
          values (99, '2026-01-01T00:00:00.000Z', 'x', 'y', 'z', 'w', '{}', ${GENESIS_HASH}, ${GENESIS_HASH})`.execute(
        database.db.kysely,
      ),
    ).rejects.toThrow(/extend the chain head/);
  });

  it('appends only inside a transaction and keeps personal data out', async () => {
    await expect(
      appendAuditEvent(
        { auditLog: createAuditLogRepository(database.db.kysely) },
        { occurredAt: at, actor: 'system', action: 'a', subjectType: 's', subjectId: '1' },
      ),
    ).rejects.toThrow(/inside the transaction/);
    const payloads: JsonObject[] = [
      { idNumber: '11010519491231002X' },
      { contact: { mobile: '13812345678' } },
      { emails: ['zhang.san@example.com'] },
    ];
    for (const payload of payloads) {
      await expect(
        database.db.transaction((trx) =>
          appendAuditEvent(
            { auditLog: createAuditLogRepository(trx) },
            { occurredAt: at, actor: 'system', action: 'a', subjectType: 's', subjectId: '1', payload },
          ),
        ),
      ).rejects.toBeInstanceOf(AuditEventError);
    }
  });

  it('keeps one valid chain under 50 concurrent appends', async () => {
    const before = await verify(database.db);
    if (!before.ok) throw new Error('chain broken before the test');
    const events = await Promise.all(Array.from({ length: 50 }, (_, i) => append(database.db, 100 + i)));
    const sequences = events.map((e) => e.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => before.count + 1 + i));
    expect(await verify(database.db, 7)).toMatchObject({ ok: true, count: before.count + 50 });
  });
});

describeEachDatabase('audit log tampering', (database) => {
  it('reports the first broken link for an edited, rehashed, deleted or truncated event', async () => {
    const { db } = database;
    for (let n = 1; n <= 6; n++) await append(db, n);
    expect(await verify(db)).toMatchObject({ ok: true, count: 6 });
    const original = await createAuditLogRepository(db.kysely).readEvents(0, 10);
    const restore = async () => {
      await sql`delete from audit_events`.execute(db.kysely);
      for (const e of original) {
        await sql`insert into audit_events (sequence, occurred_at, actor, action, subject_type, subject_id, payload, prev_hash, hash)
          values (${e.sequence}, ${e.occurredAt}, ${e.actor}, ${e.action}, ${e.subjectType}, ${e.subjectId}, ${e.payload}, ${e.prevHash}, ${e.hash})`.execute(
          db.kysely,
        );
      }
    };

    await withGuardsOff(database, async () => {
      await sql`update audit_events set payload = '{"n":99}' where sequence = 3`.execute(db.kysely);
      expect(await verify(db)).toEqual({ ok: false, count: 2, brokenAt: 3, reason: 'hash_mismatch' });
      await restore();
      expect((await verify(db)).ok).toBe(true);

      // An editor who also recomputes the hash breaks the next link instead.
      const fourth = original[3];
      if (!fourth) throw new Error('event 4 missing');
      const forged = computeAuditHash({ ...fourth, actor: 'user:7' });
      await sql`update audit_events set actor = 'user:7', hash = ${forged} where sequence = 4`.execute(
        db.kysely,
      );
      expect(await verify(db, 2)).toEqual({ ok: false, count: 4, brokenAt: 5, reason: 'prev_hash_mismatch' });
      await restore();

      await sql`delete from audit_events where sequence = 2`.execute(db.kysely);
      expect(await verify(db)).toEqual({ ok: false, count: 1, brokenAt: 2, reason: 'sequence_gap' });
      await restore();

      await sql`delete from audit_events where sequence >= 5`.execute(db.kysely);
      expect(await verify(db)).toEqual({ ok: false, count: 4, brokenAt: 5, reason: 'sequence_gap' });
      await restore();

      await sql`update audit_events set prev_hash = ${GENESIS_HASH} where sequence = 6`.execute(db.kysely);
      expect(await verify(db)).toMatchObject({ ok: false, brokenAt: 6, reason: 'prev_hash_mismatch' });
      await restore();
    });
    expect(await verify(db)).toMatchObject({ ok: true, count: 6 });
  });
});

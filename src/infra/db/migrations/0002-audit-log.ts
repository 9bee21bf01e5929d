import { type Kysely, sql } from 'kysely';
import type { DatabaseDialect } from '../database.ts';

/** prev_hash of the first event. */
const GENESIS_HASH = '0'.repeat(64);

/**
 * The append-only, hash-chained audit log. The database itself refuses UPDATE, DELETE (and, on
 * PostgreSQL, TRUNCATE) of events, refuses an event that does not extend the chain head, and never
 * lets the head move backwards; the application computes the hashes and `openbeian audit verify`
 * recomputes them.
 */
export async function up(db: Kysely<unknown>, dialect: DatabaseDialect): Promise<void> {
  const isSqlite = dialect === 'sqlite';
  const sequenceType = isSqlite ? 'integer' : 'bigint';

  await db.schema
    .createTable('audit_events')
    .addColumn('sequence', sequenceType, (c) => c.primaryKey())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addCheckConstraint('audit_events_sequence_positive', sql`sequence > 0`)
    .execute();
  await db.schema
    .createIndex('audit_events_subject')
    .on('audit_events')
    .columns(['subject_type', 'subject_id'])
    .execute();

  await db.schema
    .createTable('audit_chain_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_sequence', sequenceType, (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .addCheckConstraint('audit_chain_head_single_row', sql`id = 1`)
    .execute();
  await sql`insert into audit_chain_head (id, last_sequence, last_hash) values (1, 0, ${GENESIS_HASH})`.execute(
    db,
  );

  const statements = isSqlite ? sqliteGuards : postgresGuards;
  for (const statement of statements) await sql.raw(statement).execute(db);
}

const sqliteGuards = [
  `create trigger audit_events_no_update before update on audit_events begin
     select raise(abort, 'audit_events is append-only');
   end`,
  `create trigger audit_events_no_delete before delete on audit_events begin
     select raise(abort, 'audit_events is append-only');
   end`,
  `create trigger audit_events_extend_head before insert on audit_events
   when new.sequence is not (select last_sequence from audit_chain_head where id = 1)
     or new.prev_hash is not (select last_hash from audit_chain_head where id = 1) begin
     select raise(abort, 'an audit event must extend the chain head');
   end`,
  `create trigger audit_chain_head_no_delete before delete on audit_chain_head begin
     select raise(abort, 'the audit chain head cannot be deleted');
   end`,
  `create trigger audit_chain_head_forward_only before update on audit_chain_head
   when new.last_sequence < old.last_sequence or new.id is not old.id begin
     select raise(abort, 'the audit chain head only moves forward');
   end`,
];

const postgresGuards = [
  `create function audit_events_refuse_change() returns trigger language plpgsql as $$
   begin
     raise exception 'audit_events is append-only';
   end
   $$`,
  `create trigger audit_events_append_only before update or delete on audit_events
     for each row execute function audit_events_refuse_change()`,
  `create trigger audit_events_no_truncate before truncate on audit_events
     for each statement execute function audit_events_refuse_change()`,
  `create function audit_events_check_link() returns trigger language plpgsql as $$
   declare
     head audit_chain_head%rowtype;
   begin
     select * into head from audit_chain_head where id = 1;
     if new.sequence is distinct from head.last_sequence or new.prev_hash is distinct from head.last_hash then
       raise exception 'an audit event must extend the chain head';
     end if;
     return new;
   end
   $$`,
  `create trigger audit_events_extend_head before insert on audit_events
     for each row execute function audit_events_check_link()`,
  `create function audit_chain_head_guard() returns trigger language plpgsql as $$
   begin
     if tg_op = 'DELETE' then
       raise exception 'the audit chain head cannot be deleted';
     end if;
     if new.last_sequence < old.last_sequence or new.id is distinct from old.id then
       raise exception 'the audit chain head only moves forward';
     end if;
     return new;
   end
   $$`,
  `create trigger audit_chain_head_forward_only before update or delete on audit_chain_head
     for each row execute function audit_chain_head_guard()`,
  `create trigger audit_chain_head_no_truncate before truncate on audit_chain_head
     for each statement execute function audit_events_refuse_change()`,
];

import { type Kysely, sql } from 'kysely';

/**
 * The audit log: `audit_events`, a hash chain per organisation (and one for
 * system events, organisation NULL), and `audit_heads`, the last sequence and
 * hash of each chain, written in the same transaction as every append so that
 * a truncated tail is detectable. See docs/decisions/0022-append-only-audit-log.md.
 *
 * No foreign key to organisations: the log must outlive the rows it names,
 * and a cascading delete would be a delete of audit rows.
 * SQL here must run on PostgreSQL 15 (production) and PGlite (PostgreSQL 18).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const hexHash = (column: string) => sql.raw(`${column} ~ '^[0-9a-f]{64}$'`);
  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('organisation_id', 'uuid')
    .addColumn('sequence', 'bigint', (col) => col.notNull().check(sql`sequence > 0`))
    .addColumn('event_type', 'text', (col) =>
      col.notNull().check(sql`event_type ~ '^[a-z]+[.][a-z_]+$'`),
    )
    .addColumn('actor', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`actor = 'system' OR actor ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`,
        ),
    )
    .addColumn('subject', 'uuid')
    .addColumn('details', 'jsonb', (col) =>
      col.notNull().defaultTo(sql`'{}'::jsonb`).check(sql`jsonb_typeof(details) = 'object'`),
    )
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull())
    .addColumn('previous_hash', 'text', (col) => col.notNull().check(hexHash('previous_hash')))
    .addColumn('hash', 'text', (col) => col.notNull().check(hexHash('hash')))
    .execute();
  // One event per place in a chain; the system chain (NULL) included.
  await sql`ALTER TABLE audit_events ADD CONSTRAINT audit_events_chain_sequence_key
    UNIQUE NULLS NOT DISTINCT (organisation_id, sequence)`.execute(db);
  // "Who touched this person" is the question a data report asks.
  await sql`CREATE INDEX audit_events_subject_idx ON audit_events (subject) WHERE subject IS NOT NULL`.execute(
    db,
  );

  await db.schema
    .createTable('audit_heads')
    .addColumn('organisation_id', 'uuid')
    .addColumn('sequence', 'bigint', (col) => col.notNull().check(sql`sequence > 0`))
    .addColumn('hash', 'text', (col) => col.notNull().check(hexHash('hash')))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`ALTER TABLE audit_heads ADD CONSTRAINT audit_heads_chain_key
    UNIQUE NULLS NOT DISTINCT (organisation_id)`.execute(db);

  // Enforced for every role, the owner included, until someone with the
  // right to alter the table disables the trigger: the hash chain is what
  // catches that.
  await sql`CREATE FUNCTION audit_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END
  $$`.execute(db);
  await sql`CREATE FUNCTION audit_heads_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.organisation_id IS DISTINCT FROM OLD.organisation_id OR NEW.sequence <= OLD.sequence THEN
        RAISE EXCEPTION 'audit_heads only moves forward'
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NEW;
    END
  $$`.execute(db);
  await sql`CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_forbid_change()`.execute(db);
  await sql`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_forbid_change()`.execute(db);
  await sql`CREATE TRIGGER audit_heads_no_delete BEFORE DELETE ON audit_heads
    FOR EACH ROW EXECUTE FUNCTION audit_forbid_change()`.execute(db);
  await sql`CREATE TRIGGER audit_heads_no_truncate BEFORE TRUNCATE ON audit_heads
    FOR EACH STATEMENT EXECUTE FUNCTION audit_forbid_change()`.execute(db);
  await sql`CREATE TRIGGER audit_heads_forward BEFORE UPDATE ON audit_heads
    FOR EACH ROW EXECUTE FUNCTION audit_heads_forward_only()`.execute(db);

  // A migration has no config object; this is the one environment variable it
  // reads, and only to name a role, never to decide what the schema is.
  const appRole = process.env.BELONG_APP_ROLE;
  if (appRole) await revokeAuditChanges(db, appRole);
}

/**
 * Takes from the application's role every right to change the log. Does
 * nothing when the role does not exist (PGlite, or a server without one).
 * Runs again safely: REVOKE of a right not held is a no-op.
 */
export async function revokeAuditChanges<DB>(db: Kysely<DB>, role: string): Promise<boolean> {
  const found = await sql<{ found: number }>`
    SELECT 1 AS found FROM pg_roles WHERE rolname = ${role}`.execute(db);
  if (found.rows.length === 0) return false;
  await sql`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${sql.id(role)}`.execute(db);
  await sql`REVOKE DELETE, TRUNCATE ON audit_heads FROM ${sql.id(role)}`.execute(db);
  return true;
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_heads').execute();
  await db.schema.dropTable('audit_events').execute();
  await sql`DROP FUNCTION audit_heads_forward_only()`.execute(db);
  await sql`DROP FUNCTION audit_forbid_change()`.execute(db);
}

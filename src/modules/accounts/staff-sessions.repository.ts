import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Only the SHA-256 of a session's secret is stored: a copy of the table opens no session. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface StoredSession {
  idHash: string;
  staffId: string;
  createdAt: Date;
  lastSeenAt: Date;
  secondFactorAt: Date | null;
}

function toSession(row: {
  id_hash: string;
  staff_id: string;
  created_at: Date;
  last_seen_at: Date;
  second_factor_at: Date | null;
}): StoredSession {
  return {
    idHash: row.id_hash,
    staffId: row.staff_id,
    createdAt: new Date(row.created_at),
    lastSeenAt: new Date(row.last_seen_at),
    secondFactorAt: row.second_factor_at ? new Date(row.second_factor_at) : null,
  };
}

export class StaffSessionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(idHash: string, staffId: string, now: Date): Promise<void> {
    await this.db
      .insertInto('staff_sessions')
      .values({ id_hash: idHash, staff_id: staffId, created_at: now, last_seen_at: now })
      .execute();
  }

  async find(idHash: string): Promise<StoredSession | undefined> {
    const row = await this.db
      .selectFrom('staff_sessions')
      .selectAll()
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    return row ? toSession(row) : undefined;
  }

  /**
   * Marks the session seen at `now` if it is still live (seen since
   * `idleSince`, created since `createdSince`) and its account is not
   * disabled: one statement for every signed-in request.
   */
  async touch(
    idHash: string,
    now: Date,
    idleSince: Date,
    createdSince: Date,
  ): Promise<(StoredSession & { passwordMustChange: boolean }) | undefined> {
    const row = await this.db
      .updateTable('staff_sessions')
      .from('staff_accounts')
      .set({ last_seen_at: now })
      .whereRef('staff_accounts.id', '=', 'staff_sessions.staff_id')
      .where('staff_sessions.id_hash', '=', idHash)
      .where('staff_sessions.last_seen_at', '>', idleSince)
      .where('staff_sessions.created_at', '>', createdSince)
      .where('staff_accounts.disabled_at', 'is', null)
      .returning([
        'staff_sessions.id_hash',
        'staff_sessions.staff_id',
        'staff_sessions.created_at',
        'staff_sessions.last_seen_at',
        'staff_sessions.second_factor_at',
        'staff_accounts.password_must_change',
      ])
      .executeTakeFirst();
    return row ? { ...toSession(row), passwordMustChange: row.password_must_change } : undefined;
  }

  /**
   * Gives the session a new secret (its hash) and, when the second factor
   * was just accepted, records when: a session id is never carried across
   * a change of what it proves (no fixation).
   */
  async rotate(
    idHash: string,
    newIdHash: string,
    now: Date,
    secondFactorAt: Date | null,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('staff_sessions')
      .set({
        id_hash: newIdHash,
        last_seen_at: now,
        ...(secondFactorAt ? { second_factor_at: secondFactorAt } : {}),
      })
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Starts a passkey ceremony: any earlier challenge of this session is replaced. */
  async setPasskeyChallenge(idHash: string, challenge: string, now: Date): Promise<void> {
    await this.db
      .updateTable('staff_sessions')
      .set({ passkey_challenge: challenge, passkey_challenge_at: now })
      .where('id_hash', '=', idHash)
      .execute();
  }

  async passkeyChallenge(
    idHash: string,
  ): Promise<{ challenge: string; issuedAt: Date } | undefined> {
    const row = await this.db
      .selectFrom('staff_sessions')
      .select(['passkey_challenge', 'passkey_challenge_at'])
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    if (!row?.passkey_challenge || !row.passkey_challenge_at) return undefined;
    return { challenge: row.passkey_challenge, issuedAt: new Date(row.passkey_challenge_at) };
  }

  /**
   * Spends the challenge: compare and clear in one statement, so of two
   * requests carrying the same signed response only one gets through.
   */
  async consumePasskeyChallenge(idHash: string, challenge: string): Promise<boolean> {
    const result = await this.db
      .updateTable('staff_sessions')
      .set({ passkey_challenge: null, passkey_challenge_at: null })
      .where('id_hash', '=', idHash)
      .where('passkey_challenge', '=', challenge)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(idHash: string): Promise<number> {
    const result = await this.db
      .deleteFrom('staff_sessions')
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteAllOf(staffId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('staff_sessions')
      .where('staff_id', '=', staffId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Every session of the staff member other than `keepIdHash`. */
  async deleteOthersOf(staffId: string, keepIdHash: string): Promise<number> {
    const result = await this.db
      .deleteFrom('staff_sessions')
      .where('staff_id', '=', staffId)
      .where('id_hash', '!=', keepIdHash)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** The staff member's sessions past either limit, as they sign in again. */
  async deleteExpiredOf(staffId: string, idleSince: Date, createdSince: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('staff_sessions')
      .where('staff_id', '=', staffId)
      .where((eb) =>
        eb.or([eb('last_seen_at', '<=', idleSince), eb('created_at', '<=', createdSince)]),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

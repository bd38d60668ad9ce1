import { type Kysely, sql } from 'kysely';
import type { AuditEvent } from '../audit/audit.repository.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import type { Database, KeyStoreDatabase } from '../db/schema.ts';
import { AppError, isAppError } from '../errors.ts';
import { PersonKeysRepository } from './person-keys.repository.ts';
import { normalisePersonId, type PersonKeysService } from './person-keys.service.ts';
import type { PersonalDataHolder, PersonalDataSection } from './personal-data-holder.ts';
import { RetentionRepository } from './retention.repository.ts';

export interface ForgetOptions {
  /** A staff account id, or 'system' (the default). */
  actor?: string;
  reason?: 'request' | 'retention';
}

export interface ForgetResult {
  /** 'forgotten' by this call, or 'already-forgotten' by an earlier one. */
  status: 'forgotten' | 'already-forgotten';
  destroyedAt: Date;
  /** The `person.forgotten` event this call appended; absent when one already existed. */
  event: AuditEvent | undefined;
  /** Whether the key store was vacuumed, so the old row version is gone from its tables. */
  vacuumed: boolean;
  /** Records whose personal fields were erased, blind indexes included. */
  erased: number;
}

/** Everything Belong holds about one person, as `belong privacy report` prints it. */
export interface PersonReport {
  personId: string;
  generatedAt: string;
  dataKey: {
    /** 'live': their sealed fields can be opened; 'destroyed': forgotten; 'none': never had one. */
    state: 'live' | 'destroyed' | 'none';
    createdAt: string | null;
    destroyedAt: string | null;
  };
  /** Every record each feature holds about the person, sealed fields opened while the key lives. */
  records: PersonalDataSection[];
  /** The fields a blind index was made of (the index values themselves say nothing). */
  blindIndexes: string[];
  /** When the person's data is to be forgotten, per program. */
  retention: { program: string; basis: string; basisAt: string; forgetAfter: string }[];
  /** Every audit event about the person, oldest first: who did what, when. */
  auditEvents: {
    id: string;
    type: string;
    actor: string;
    organisationId: string | null;
    occurredAt: string;
    details: Record<string, unknown>;
  }[];
  /** The `person.report_created` event recording this report (not in `auditEvents`). */
  reportEventId: string;
}

/**
 * The two things a person may ask of Belong: forget me, and tell me what you
 * hold. Keys are in the key store; the audit log is in the main database.
 * The two are separate databases, so no transaction spans them: forgetting
 * destroys the key first and then records the event, and a forget that
 * finds the key already destroyed records the event if it is missing (a
 * crash between the two is finished by running it again).
 */
export interface PersonPrivacyOptions {
  /** Every feature that stores something about a person (src/modules/personal-data-holders.ts). */
  holders?: readonly PersonalDataHolder[];
  /** Unwraps the person's key so the report can open their sealed fields. */
  personKeys?: PersonKeysService;
}

export class PersonPrivacyService {
  private readonly keys: PersonKeysRepository;
  private readonly holders: readonly PersonalDataHolder[];
  private readonly personKeys: PersonKeysService | undefined;

  constructor(
    private readonly main: Kysely<Database>,
    private readonly keyStore: Kysely<KeyStoreDatabase>,
    options: PersonPrivacyOptions = {},
  ) {
    this.keys = new PersonKeysRepository(keyStore);
    this.holders = options.holders ?? [];
    this.personKeys = options.personKeys;
  }

  /**
   * Destroys the person's data key: every value sealed under it becomes
   * unreadable wherever it is, including in backups of the main database.
   * BLG_PERSON_KEY_NOT_FOUND when the person never had a key.
   */
  async forget(id: string, options: ForgetOptions = {}): Promise<ForgetResult> {
    const personId = normalisePersonId(id);
    const actor = options.actor ?? 'system';
    // The key first: once it is gone nothing sealed can be read, whatever
    // happens to the rest of this call.
    const destroyed = await this.keys.destroy(personId);
    const stored = await this.keys.find(personId);
    // Then what the main database keeps beside the sealed values, even for a
    // person who never had a key, so a retention entry cannot stay due forever.
    const erased = await this.eraseRemnants(personId);
    if (!stored) throw new AppError('BLG_PERSON_KEY_NOT_FOUND');
    if (!stored.destroyedAt) throw new Error('a destroyed key reads back live');
    const vacuumed = destroyed ? await this.vacuum() : false;
    const audited = destroyed
      ? false
      : (await new AuditRepository(this.main).listForSubject(personId)).some(
          (event) => event.eventType === 'person.forgotten',
        );
    const event = audited
      ? undefined
      : await recordAuditEvent(this.main, {
          organisationId: null,
          type: 'person.forgotten',
          actor,
          subject: personId,
          details: { reason: options.reason ?? 'request' },
        });
    return {
      status: destroyed ? 'forgotten' : 'already-forgotten',
      destroyedAt: stored.destroyedAt,
      event,
      vacuumed,
      erased,
    };
  }

  /** Each feature's personal fields, the blind indexes and the retention schedule. */
  private async eraseRemnants(personId: string): Promise<number> {
    let erased = 0;
    for (const holder of this.holders) erased += await holder.erase(this.main, personId);
    const indexes = await this.main
      .deleteFrom('person_blind_indexes')
      .where('person_id', '=', personId)
      .executeTakeFirst();
    erased += Number(indexes.numDeletedRows);
    await new RetentionRepository(this.main).deleteFor(personId);
    return erased;
  }

  /**
   * Lists what Belong holds about the person and records that a report was
   * made: the state of their data key, every record each feature holds
   * (sealed fields opened while the key lives), the fields indexed, the
   * retention dates, and every audit event whose subject they are.
   */
  async report(id: string, options: { actor?: string } = {}): Promise<PersonReport> {
    const personId = normalisePersonId(id);
    const stored = await this.keys.find(personId);
    const events = await new AuditRepository(this.main).listForSubject(personId);
    const dataKey = stored && !stored.destroyedAt ? await this.openKey(personId) : undefined;
    const records: PersonalDataSection[] = [];
    for (const holder of this.holders) {
      records.push(await holder.describe(this.main, personId, dataKey));
    }
    const indexRows = await this.main
      .selectFrom('person_blind_indexes')
      .select('domain')
      .where('person_id', '=', personId)
      .orderBy('domain')
      .execute();
    const retention = await new RetentionRepository(this.main).listFor(personId);
    const recorded = await recordAuditEvent(this.main, {
      organisationId: null,
      type: 'person.report_created',
      actor: options.actor ?? 'system',
      subject: personId,
      details: {},
    });
    return {
      personId,
      generatedAt: recorded.occurredAt.toISOString(),
      dataKey: {
        state: !stored ? 'none' : stored.destroyedAt ? 'destroyed' : 'live',
        createdAt: stored?.createdAt.toISOString() ?? null,
        destroyedAt: stored?.destroyedAt?.toISOString() ?? null,
      },
      records,
      blindIndexes: indexRows.map((row) => row.domain),
      retention: retention.map((entry) => ({
        program: entry.program,
        basis: entry.basis,
        basisAt: entry.basisAt.toISOString(),
        forgetAfter: entry.forgetAfter.toISOString(),
      })),
      auditEvents: events.map((event) => ({
        id: event.id,
        type: event.eventType,
        actor: event.actor,
        organisationId: event.organisationId,
        occurredAt: event.occurredAt.toISOString(),
        details: event.details,
      })),
      reportEventId: recorded.id,
    };
  }

  /** The person's key for the report; undefined when no key provider was given or it cannot open. */
  private async openKey(personId: string): Promise<Uint8Array | undefined> {
    if (!this.personKeys) return undefined;
    try {
      return await this.personKeys.get(personId);
    } catch (error) {
      if (isAppError(error)) return undefined;
      throw error;
    }
  }

  /**
   * PostgreSQL keeps the old version of an updated row (here: the wrapped
   * key) until VACUUM reclaims it. Vacuuming `person_keys` right after a
   * forget removes it from the table; what VACUUM cannot reach (WAL,
   * replicas, backups of the key store) is in decision 0023. Best effort: a
   * role that may not vacuum leaves the work to autovacuum.
   */
  private async vacuum(): Promise<boolean> {
    if (this.keyStore.isTransaction) return false;
    try {
      await sql`VACUUM person_keys`.execute(this.keyStore);
      return true;
    } catch {
      return false;
    }
  }
}

import { type Kysely, sql } from 'kysely';
import type { AuditEvent } from '../audit/audit.repository.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import type { Database, KeyStoreDatabase } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { PersonKeysRepository } from './person-keys.repository.ts';
import { normalisePersonId } from './person-keys.service.ts';

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
export class PersonPrivacyService {
  private readonly keys: PersonKeysRepository;

  constructor(
    private readonly main: Kysely<Database>,
    private readonly keyStore: Kysely<KeyStoreDatabase>,
  ) {
    this.keys = new PersonKeysRepository(keyStore);
  }

  /**
   * Destroys the person's data key: every value sealed under it becomes
   * unreadable wherever it is, including in backups of the main database.
   * BLG_PERSON_KEY_NOT_FOUND when the person never had a key.
   */
  async forget(id: string, options: ForgetOptions = {}): Promise<ForgetResult> {
    const personId = normalisePersonId(id);
    const actor = options.actor ?? 'system';
    const destroyed = await this.keys.destroy(personId);
    const stored = await this.keys.find(personId);
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
    };
  }

  /**
   * Lists what Belong holds about the person and records that a report was
   * made. Today that is the state of their data key and every audit event
   * whose subject they are; sealed fields join it as later issues add them.
   */
  async report(id: string, options: { actor?: string } = {}): Promise<PersonReport> {
    const personId = normalisePersonId(id);
    const stored = await this.keys.find(personId);
    const events = await new AuditRepository(this.main).listForSubject(personId);
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

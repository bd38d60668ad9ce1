import { createHmac, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { addDays, dayOf, formatDay } from '../../engine/dates.ts';
import { AppError, isAppError } from '../../errors.ts';
import { applicationFlow } from '../../flow/application-flows.ts';
import { getAnswer, ruleAnswers, validateAnswers } from '../../flow/flow.ts';
import type { FieldError, FlowAnswers, FlowDefinition } from '../../flow/flow-definition.ts';
import type { BlindIndexRepository, IndexedValue } from '../../privacy/blind-index.repository.ts';
import type { PersonKeysService } from '../../privacy/person-keys.service.ts';
import type { RetentionService } from '../../privacy/retention.service.ts';
import { infoRequestMessage } from '../casework/sealed-fields.ts';
import type { RulesService } from '../rules/rules.service.ts';
import { ApplicationDraftsRepository } from './application-drafts.repository.ts';
import { canonicalJson } from './canonical-json.ts';
import { type CaseStatusRow, CasesRepository } from './cases.repository.ts';
import {
  codeHash,
  newAccessToken,
  newClaimCode,
  newReference,
  newResumeCode,
  normaliseCode,
  normaliseReference,
} from './codes.ts';
import { caseFields, draftFields } from './sealed-fields.ts';

/** A draft opened for the browser that holds it. */
export interface DraftView {
  id: string;
  program: string;
  personId: string;
  answers: FlowAnswers;
  resumeCode: string;
  /** Set once submitted: the draft then only leads to its confirmation. */
  caseId: string | null;
}

/** What a person (or a partner) is given back for a submission. */
export interface Receipt {
  caseId: string;
  reference: string;
  claimCode: string;
  program: string;
  status: string;
  decisionDueOn: string;
  /** The rules' outcome on the answers when they were sent (a person decides). */
  screeningOutcome: 'yes' | 'no' | 'maybe' | null;
  /** True when this answered a retry of a submission already made. */
  replayed: boolean;
}

/** Answers that are not well-formed, field by field. */
export class ApplicationInvalid extends Error {
  override name = 'ApplicationInvalid';
  constructor(readonly fields: readonly FieldError[]) {
    super(`${fields.length} field(s) malformed`);
  }
}

export interface ApplicationsDependencies {
  db: Kysely<Database>;
  personKeys: PersonKeysService;
  blindIndexes: BlindIndexRepository;
  rules: RulesService;
  retention: RetentionService;
  /** The time of day; tests move it. */
  now?: () => Date;
}

/** Failed resumes (right code, wrong birth date) before a draft is locked. */
const maxFailedResumes = 5;
const idempotencyKeyPattern = /^[\x21-\x7e]{1,255}$/;

/** The flow of a program that takes applications; BLG_UNKNOWN_PROGRAM otherwise. */
export function flowOf(program: string): FlowDefinition {
  const flow = applicationFlow(program);
  if (!flow) throw new AppError('BLG_UNKNOWN_PROGRAM');
  return flow;
}

/**
 * The public journey's writes (issue 5): drafts saved at every page and
 * sealed under the applicant's own data key, resume by code and birth
 * date, idempotent submission, and the status a claim code opens. One
 * application is one person: each draft gets a new person id and data key,
 * so forgetting one application never touches another.
 */
export class ApplicationsService {
  private readonly drafts: ApplicationDraftsRepository;
  private readonly now: () => Date;

  constructor(private readonly deps: ApplicationsDependencies) {
    this.drafts = new ApplicationDraftsRepository(deps.db);
    this.now = deps.now ?? (() => new Date());
  }

  /** Starts a draft: a person and their key, an empty sealed answer set, a resume code. */
  async startDraft(
    program: string,
  ): Promise<{ draftId: string; accessToken: string; resumeCode: string }> {
    const personId = randomUUID();
    const draftId = randomUUID();
    const key = await this.deps.personKeys.create(personId);
    const accessToken = newAccessToken();
    const resumeCode = newResumeCode();
    const sealed = draftFields.seal({ answers: {}, resume_code: resumeCode }, key, draftId);
    await this.drafts.insert({
      id: draftId,
      personId,
      program,
      flowVersion: flowOf(program).version,
      accessHash: codeHash(accessToken),
      resumeHash: codeHash(resumeCode),
      resumeCode: sealed.resume_code,
      answers: sealed.answers,
    });
    await this.deps.retention.schedule(personId, program, 'draft-saved', this.now());
    return { draftId, accessToken, resumeCode };
  }

  /** The draft behind a browser's cookie. BLG_DRAFT_NOT_FOUND when gone, expired or not theirs. */
  async openDraft(draftId: string, accessToken: string): Promise<DraftView> {
    const row = await this.drafts.findById(draftId);
    if (!row || row.access_hash !== codeHash(accessToken) || !applicationFlow(row.program)) {
      throw new AppError('BLG_DRAFT_NOT_FOUND');
    }
    const key = await this.keyOrGone(row.person_id);
    const opened = draftFields.open(
      { answers: row.answers, resume_code: row.resume_code },
      key,
      row.id,
    );
    return {
      id: row.id,
      program: row.program,
      personId: row.person_id,
      answers: opened.answers,
      resumeCode: opened.resume_code,
      caseId: row.case_id,
    };
  }

  /** Saves the draft's answers (sealed) and moves its expiry date on. */
  async saveAnswers(draft: DraftView, answers: FlowAnswers): Promise<void> {
    if (draft.caseId) throw new AppError('BLG_DRAFT_SUBMITTED');
    const key = await this.keyOrGone(draft.personId);
    const sealed = draftFields.seal({ answers }, key, draft.id);
    await this.drafts.saveAnswers(draft.id, sealed.answers);
    await this.deps.retention.schedule(draft.personId, draft.program, 'draft-saved', this.now());
  }

  /**
   * Reopens a draft from its resume code and the applicant's birth date,
   * giving a new cookie secret (the old one stops working). Every failure
   * is the same BLG_RESUME_FAILED, so a guess learns nothing; a draft whose
   * code was right five times with the wrong birth date is locked.
   */
  async resume(
    typedCode: string,
    birthDate: string,
  ): Promise<{ draftId: string; accessToken: string; program: string }> {
    const code = normaliseCode(typedCode, 3);
    const row = code ? await this.drafts.findByResumeHash(codeHash(code)) : undefined;
    if (!row || !applicationFlow(row.program)) throw new AppError('BLG_RESUME_FAILED');
    if (row.failed_resumes >= maxFailedResumes) throw new AppError('BLG_RESUME_LOCKED');
    const key = await this.keyOrGone(row.person_id).catch((error: unknown) => {
      if (isAppError(error)) throw new AppError('BLG_RESUME_FAILED');
      throw error;
    });
    const { answers } = draftFields.open({ answers: row.answers }, key, row.id);
    const known = birthDateOf(answers);
    if (known === undefined || known !== birthDate) {
      await this.drafts.recordFailedResume(row.id);
      throw new AppError('BLG_RESUME_FAILED');
    }
    const accessToken = newAccessToken();
    await this.drafts.grantAccess(row.id, codeHash(accessToken));
    return { draftId: row.id, accessToken, program: row.program };
  }

  /**
   * Submits a draft. Idempotent on the draft's id: a reload, a double
   * click or a retry after a lost connection gives the same receipt.
   * Resolves only after the case is committed.
   */
  async submitDraft(draft: DraftView, language: string): Promise<Receipt> {
    if (draft.caseId) return this.receiptFor(draft.caseId, true);
    const { answers, errors } = validateAnswers(flowOf(draft.program), draft.answers);
    if (errors.length > 0) throw new ApplicationInvalid(errors);
    const key = await this.keyOrGone(draft.personId);
    const receipt = await this.createCase({
      program: draft.program,
      personId: draft.personId,
      key,
      answers,
      idempotencyKey: `draft:${draft.id}`,
      requestDigest: null,
      language,
      channel: 'web',
      draftId: draft.id,
    });
    return receipt;
  }

  /** The receipt of a draft already submitted (the confirmation page). */
  /**
   * The answers a draft was sent with, for the browser that sent it: its
   * printable summary (issue 5, item 6). The draft itself keeps none once sent.
   */
  async submittedAnswers(caseId: string): Promise<FlowAnswers> {
    const row = await new CasesRepository(this.deps.db).findById(caseId);
    if (!row || row.claim_code === null) throw new AppError('BLG_DRAFT_NOT_FOUND');
    const key = await this.keyOrGone(row.person_id);
    return caseFields.open({ answers: row.answers }, key, row.id).answers ?? {};
  }

  async receiptFor(caseId: string, replayed = false): Promise<Receipt> {
    const row = await new CasesRepository(this.deps.db).findById(caseId);
    if (!row || row.claim_code === null) throw new AppError('BLG_DRAFT_NOT_FOUND');
    const key = await this.keyOrGone(row.person_id);
    const { claim_code } = caseFields.open({ claim_code: row.claim_code }, key, row.id);
    return {
      caseId: row.id,
      reference: row.reference,
      claimCode: claim_code,
      program: row.program,
      status: row.status,
      decisionDueOn: row.decision_due_on,
      screeningOutcome: row.screening_outcome,
      replayed,
    };
  }

  /**
   * A partner's submission through the API. The Idempotency-Key makes a
   * retry safe: the same key with the same request gives the same receipt;
   * the same key with a different request is refused.
   */
  async submitApi(
    program: string,
    rawAnswers: unknown,
    idempotencyKey: string | undefined,
    language: string,
  ): Promise<Receipt> {
    if (idempotencyKey === undefined || !idempotencyKeyPattern.test(idempotencyKey)) {
      throw new AppError('BLG_IDEMPOTENCY_KEY_REQUIRED');
    }
    const flow = flowOf(program);
    const storedKey = `api:${codeHash(idempotencyKey)}`;
    const request = canonicalJson({ program, answers: rawAnswers });
    const { answers, errors } = validateAnswers(flow, rawAnswers);
    if (errors.length > 0) {
      // A retry of an accepted request is answered as accepted, even if
      // the flow has since changed what it accepts.
      const existing = await new CasesRepository(this.deps.db).findByIdempotencyKey(storedKey);
      if (existing) return this.replay(existing, request);
      throw new ApplicationInvalid(errors);
    }
    // The common case is a new key: insert first, and look for the earlier
    // request only when the key turns out to be taken.
    const personId = randomUUID();
    const key = await this.deps.personKeys.create(personId);
    try {
      return await this.createCase({
        program,
        personId,
        key,
        answers,
        idempotencyKey: storedKey,
        requestDigest: digest(key, request),
        language,
        channel: 'api',
        draftId: null,
      });
    } catch (error) {
      if (!(error instanceof LostRace)) throw error;
      // Two requests with one key at once: the other won. This one's key
      // sealed nothing that was kept, so it is destroyed.
      await this.deps.personKeys.destroy(personId);
      const winner = await new CasesRepository(this.deps.db).findByIdempotencyKey(storedKey);
      if (!winner) throw error;
      return this.replay(winner, request);
    }
  }

  /** The status a reference and its claim code open; one coded 404 for any mismatch. */
  async status(typedReference: string, typedClaimCode: string): Promise<CaseStatusRow> {
    const reference = normaliseReference(typedReference);
    const claimCode = normaliseCode(typedClaimCode, 3);
    const row =
      reference && claimCode
        ? await new CasesRepository(this.deps.db).statusByReference(reference)
        : undefined;
    if (!row || !claimCode || row.claimHash !== codeHash(claimCode)) {
      throw new AppError('BLG_CASE_NOT_FOUND');
    }
    const { claimHash: _, caseId, personId, ...status } = row;
    const requests = await new CasesRepository(this.deps.db).openInfoRequests(caseId);
    // What a caseworker asks is sealed under the applicant's key; the claim
    // code proves this is the applicant, so it is opened for them.
    const key = requests.length > 0 ? await this.keyOrGone(personId) : undefined;
    return {
      ...status,
      infoRequests: requests.map((request) => ({
        message: key ? infoRequestMessage.open(request.message, key, request.id) : '',
        dueOn: request.due_on,
      })),
    };
  }

  private async replay(
    row: { id: string; person_id: string; request_digest: string | null },
    request: string,
  ): Promise<Receipt> {
    const key = await this.deps.personKeys.get(row.person_id).catch((error: unknown) => {
      if (isAppError(error)) throw new AppError('BLG_IDEMPOTENCY_KEY_REUSED');
      throw error;
    });
    if (row.request_digest !== digest(key, request)) {
      throw new AppError('BLG_IDEMPOTENCY_KEY_REUSED');
    }
    return this.receiptFor(row.id, true);
  }

  private async createCase(input: {
    program: string;
    personId: string;
    key: Uint8Array;
    answers: FlowAnswers;
    idempotencyKey: string;
    requestDigest: string | null;
    language: string;
    channel: 'web' | 'api';
    draftId: string | null;
  }): Promise<Receipt> {
    const now = this.now();
    const today = dayOf(now);
    const caseId = randomUUID();
    const claimCode = newClaimCode();
    const sealed = caseFields.seal(
      { answers: input.answers, claim_code: claimCode },
      input.key,
      caseId,
    );
    const decisionDueOn = formatDay(
      addDays(
        today,
        this.deps.rules.parameters.number(`belong/service-level/${input.program}`, today),
      ),
    );
    const screeningOutcome = this.screen(input.program, input.answers, today);
    const cases = new CasesRepository(this.deps.db);
    const indexes = this.deps.blindIndexes.indexValues(identityIndexes(input.answers));
    // The answers now live in the case; the draft keeps only the link.
    const draft = input.draftId
      ? {
          id: input.draftId,
          answers: draftFields.seal({ answers: {} }, input.key, input.draftId).answers,
        }
      : null;
    let inserted: string | null = null;
    // A reference is 40 random bits; a clash is rare, and retried.
    for (let attempt = 0; attempt < 5 && inserted === null; attempt++) {
      const reference = newReference();
      const ok = await cases.insertSubmitted(
        {
          id: caseId,
          reference,
          claimHash: codeHash(claimCode),
          claimCode: sealed.claim_code,
          personId: input.personId,
          organisationId: null,
          program: input.program,
          answers: sealed.answers,
          requestDigest: input.requestDigest,
          screeningOutcome,
          rulesVersion: this.deps.rules.parameters.version,
          flowVersion: flowOf(input.program).version,
          idempotencyKey: input.idempotencyKey,
          language: input.language,
          channel: input.channel,
          decisionDueOn,
        },
        { indexes, draft },
      );
      if (ok) inserted = reference;
      else if (await cases.findByIdempotencyKey(input.idempotencyKey)) break;
    }
    if (inserted === null) {
      const winner = await cases.findByIdempotencyKey(input.idempotencyKey);
      if (!winner) throw new Error('no free reference after 5 tries');
      // A draft's other submission won: the same case, the same receipt.
      if (input.draftId) return this.receiptFor(winner.id, true);
      throw new LostRace();
    }
    return {
      caseId,
      reference: inserted,
      claimCode,
      program: input.program,
      status: 'submitted',
      decisionDueOn,
      screeningOutcome,
      replayed: false,
    };
  }

  /** The rules' outcome on the day of submission, recorded with the rules version. */
  private screen(program: string, answers: FlowAnswers, today: number) {
    try {
      return this.deps.rules.evaluate(program, ruleAnswers(answers), today).outcome;
    } catch {
      // Answers the flow accepts always parse; if a program disagrees, the
      // case is still taken and screened again by a caseworker.
      return null;
    }
  }

  private async keyOrGone(personId: string): Promise<Buffer> {
    try {
      return await this.deps.personKeys.get(personId);
    } catch (error) {
      // A forgotten person's draft is as gone as one never made.
      if (isAppError(error)) throw new AppError('BLG_DRAFT_NOT_FOUND');
      throw error;
    }
  }
}

class LostRace extends Error {
  override name = 'LostRace';
}

function digest(key: Uint8Array, request: string): string {
  return createHmac('sha256', key).update(request, 'utf8').digest('hex');
}

/** The applicant's birth date, where the flows put it. */
export function birthDateOf(answers: FlowAnswers): string | undefined {
  const value = getAnswer(answers, 'applicant.birthDate') ?? getAnswer(answers, 'birthDate');
  return typeof value === 'string' ? value : undefined;
}

/** Blind indexes that let casework find a possible duplicate without reading anyone. */
function identityIndexes(answers: FlowAnswers): IndexedValue[] {
  const text = (path: string) => {
    const value = getAnswer(answers, path);
    return typeof value === 'string' ? value : undefined;
  };
  return [
    { domain: 'applicant.family_name', kind: 'name', value: text('applicant.familyName') },
    { domain: 'applicant.given_name', kind: 'name', value: text('applicant.givenName') },
    { domain: 'applicant.birth_date', kind: 'date', value: birthDateOf(answers) },
    { domain: 'applicant.phone', kind: 'phone', value: text('applicant.phone') },
    { domain: 'applicant.email', kind: 'email', value: text('applicant.email') },
  ];
}

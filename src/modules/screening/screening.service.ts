import type { Citation } from '../../engine/citation.ts';
import { type Day, formatDay, parseDay } from '../../engine/dates.ts';
import { type Evaluation, notCoveredRule, type Outcome } from '../../engine/evaluate.ts';
import type { ProgramKind, Tristate } from '../../engine/program.ts';
import type { MessageKey } from '../../i18n/message-key.ts';
import { type RulesService, sharedRulesService } from '../rules/rules.service.ts';
import { type LegalHelp, loadLegalHelp } from './legal-help.repository.ts';
import { type AnswerError, answerSource, parseScreeningAnswers } from './screening-answers.ts';

/** Answers that are not well-formed; each error names the field and a stable code. */
export class ScreeningInputError extends Error {
  override name = 'ScreeningInputError';
  constructor(readonly errors: readonly AnswerError[]) {
    super(errors.map((error) => `${error.path || 'answers'}: ${error.code}`).join('; '));
  }
}

export interface ScreeningReason {
  rule: string;
  met: Tristate;
  /** Reported but does not change the outcome. */
  informational: boolean;
  messageKey: MessageKey;
  messageValues: Record<string, string | number>;
  citations: readonly Citation[];
}

/** A condition that keeps the answer from being "yes": not met, or not known yet. */
export interface ScreeningChange {
  rule: string;
  met: false | null;
  messageKey: MessageKey;
  messageValues: Record<string, string | number>;
  /** Screener answers that would decide it (empty when only a person can). */
  missing: string[];
}

export type FeeOption = 'full' | 'reduced' | 'waiver' | 'exempt';

/** What filing Form N-400 costs this person (the naturalization-fee program). */
export interface FeeSummary {
  /** The lowest fee they can pay, in US dollars; null until it can be worked out. */
  amount: number | null;
  option: FeeOption | null;
  filingMethod: 'online' | 'paper' | null;
  /** The standard fee, biometrics included. */
  fullFee: { paper: number; online: number } | null;
  reducedFee: number | null;
  waiverEligible: Tristate;
  reducedFeeEligible: Tristate;
}

/** TPS for the person's country as of the screening date. */
export interface TpsSummary {
  designation: string | null;
  status: string | null;
  designatedThrough: string | null;
  terminationDate: string | null;
  residenceRequiredSince: string | null;
  presenceRequiredSince: string | null;
  dataReviewedOn: string | null;
  dataStale: boolean | null;
  fees: Record<string, number> | null;
}

/** Children who would become citizens with the parent (INA 320). */
export interface DerivedCitizenship {
  /** How many; null when no children were listed or some cannot be told yet. */
  count: number | null;
  /** Some children listed lack an answer that decides it. */
  undetermined: boolean;
}

export interface ProgramScreening {
  program: string;
  kind: ProgramKind;
  title: MessageKey;
  outcome: Outcome;
  reasons: ScreeningReason[];
  /** What keeps the answer from "yes", with the answers that would decide it. */
  changes: ScreeningChange[];
  /** Every answer still missing, as screener answer paths. */
  missing: string[];
  /** The program's outputs as JSON values (dates as YYYY-MM-DD). */
  values: Record<string, unknown>;
  earliestFilingDate: string | null;
  fee: FeeSummary | null;
  derivedCitizenship: DerivedCitizenship | null;
  tps: TpsSummary | null;
  nextSteps: MessageKey[];
  /** Where an application starts, for the programs Belong takes applications for. */
  applyPath: string | null;
  rulesVersion: string;
}

export interface Screening {
  asOf: string;
  rulesVersion: string;
  results: ProgramScreening[];
}

/** Programs Belong takes applications for (the apply journey, issue 5). */
const applicationPrograms = new Set(['naturalization', 'tps', 'wa-relief', 'wage-replacement']);

const nextStepKeys: Readonly<Record<string, Record<Outcome, MessageKey[]>>> = {
  naturalization: {
    yes: ['check.nextNaturalizationYes', 'check.nextPrepareClinic'],
    maybe: ['check.nextNaturalizationMaybe', 'check.nextLegalHelp'],
    no: ['check.nextNaturalizationNo', 'check.nextLegalHelp'],
  },
  'naturalization-fee': {
    yes: ['check.nextFeeYes'],
    maybe: ['check.nextFeeMaybe'],
    no: ['check.nextFeeNo'],
  },
  tps: {
    yes: ['check.nextTpsYes', 'check.nextPrepareClinic'],
    maybe: ['check.nextTpsMaybe', 'check.nextLegalHelp'],
    no: ['check.nextTpsNo', 'check.nextLegalHelp'],
  },
  'us-citizenship-act-2021': {
    yes: ['check.nextProposal'],
    maybe: ['check.nextProposal'],
    no: ['check.nextProposal'],
  },
  'wa-relief': {
    yes: ['check.nextWaReliefYes'],
    maybe: ['check.nextWaReliefMaybe', 'check.nextLegalHelp'],
    no: ['check.nextWaReliefNo', 'check.nextLegalHelp'],
  },
  'wage-replacement': {
    yes: ['check.nextWageReplacement'],
    maybe: ['check.nextWageReplacement'],
    no: ['check.nextWageReplacement', 'check.nextLegalHelp'],
  },
};

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

/** A derived fact's value when known, else undefined. */
function factValue(evaluation: Evaluation, path: string): unknown {
  const result = evaluation.facts.get(path);
  return result && result.status !== 'incomplete' ? result.value : undefined;
}

function dateOrNull(value: unknown): string | null {
  return typeof value === 'number' ? formatDay(value) : null;
}

/**
 * The screener: every program at once on one person's answers, each with
 * its outcome, reasons and citations, and what matters to the person next
 * (the earliest filing date, the fee, children who would become citizens,
 * TPS for their country today, next steps). Pure apart from the rules and
 * help files read at construction; nothing about the person is kept.
 */
export class ScreeningService {
  constructor(
    readonly rules: RulesService = sharedRulesService(),
    readonly legalHelp: LegalHelp = loadLegalHelp(),
  ) {}

  /** The programs screened, in the order results are given. */
  programIds(): string[] {
    return this.rules.programIds();
  }

  private programs() {
    return this.rules.programIds().map((id) => this.rules.program(id).program);
  }

  /** Malformed answers, field by field; empty when the answers can be screened. */
  check(answers: unknown, asOf: Day): AnswerError[] {
    const parsed = parseScreeningAnswers(this.programs(), answers, asOf);
    return parsed.ok ? [] : parsed.errors;
  }

  /** Screens the answers as of a date; throws {@link ScreeningInputError} when malformed. */
  screen(answers: unknown, asOf: Day): Screening {
    const parsed = parseScreeningAnswers(this.programs(), answers, asOf);
    if (!parsed.ok) throw new ScreeningInputError(parsed.errors);
    const results: ProgramScreening[] = [];
    let naturalizationPath: unknown;
    for (const programId of this.rules.programIds()) {
      const facts = { ...(parsed.inputs.get(programId) as Record<string, unknown>) };
      if (programId === 'naturalization-fee' && parsed.answers.militaryService === undefined) {
        // No fee is charged to those who naturalize through military service
        // (INA 328(b)(4), 329(b)(4)): the fee follows the path the
        // naturalization rules report, and stays unknown while it is.
        if (typeof naturalizationPath === 'string') {
          facts.militaryService = naturalizationPath.startsWith('military-');
        } else if (parsed.answers.servedInMilitary === true) {
          delete facts.militaryService;
        }
      }
      const evaluation = this.rules.evaluateFacts(programId, facts, asOf);
      if (programId === 'naturalization') naturalizationPath = evaluation.values.path;
      results.push(this.summarise(evaluation, parsed.answers));
    }
    return {
      asOf: formatDay(asOf),
      rulesVersion: this.rules.parameters.version,
      results,
    };
  }

  private summarise(evaluation: Evaluation, answers: Record<string, unknown>): ProgramScreening {
    const { program } = this.rules.program(evaluation.program);
    const informational = new Map(
      program.criteria.map((criterion) => [criterion.rule, criterion.informational === true]),
    );
    const source = (path: string) => answerSource(program.id, path, answers);
    const reasons: ScreeningReason[] = evaluation.reasons.map((reason) => ({
      rule: reason.rule,
      met: reason.met,
      informational: informational.get(reason.rule) ?? false,
      messageKey: reason.messageKey,
      messageValues: reason.messageValues,
      citations: reason.citations,
    }));
    const changes: ScreeningChange[] = [];
    for (const criterion of program.criteria) {
      if (criterion.informational) continue;
      const reason = evaluation.reasons.find((candidate) => candidate.rule === criterion.rule);
      if (!reason || reason.met === true) continue;
      const result = evaluation.facts.get(String(criterion.fact));
      const missing =
        result?.status === 'incomplete' ? [...new Set(result.missing.map(source))].sort() : [];
      changes.push({
        rule: reason.rule,
        met: reason.met,
        messageKey: reason.messageKey,
        messageValues: reason.messageValues,
        missing,
      });
    }
    const notCovered = evaluation.reasons.find((reason) => reason.rule === notCoveredRule);
    if (notCovered) {
      changes.push({
        rule: notCovered.rule,
        met: null,
        messageKey: notCovered.messageKey,
        messageValues: notCovered.messageValues,
        missing: [],
      });
    }
    return {
      program: program.id,
      kind: program.kind,
      title: program.title,
      outcome: evaluation.outcome,
      reasons,
      changes,
      missing: [...new Set(evaluation.missing.map(source))].sort(),
      values: evaluation.values,
      earliestFilingDate:
        program.id === 'naturalization' ? stringOrNull(evaluation.values.earliestFilingDate) : null,
      fee: program.id === 'naturalization-fee' ? feeSummary(evaluation) : null,
      derivedCitizenship: program.id === 'naturalization' ? derivedCitizenship(evaluation) : null,
      tps: program.id === 'tps' ? tpsSummary(evaluation) : null,
      nextSteps: nextStepKeys[program.id]?.[evaluation.outcome] ?? [],
      applyPath: applicationPrograms.has(program.id) ? `/apply/${program.id}` : null,
      rulesVersion: evaluation.rulesVersion,
    };
  }
}

function tristate(value: unknown): Tristate {
  return typeof value === 'boolean' ? value : null;
}

function feeSummary(evaluation: Evaluation): FeeSummary {
  const option = factValue(evaluation, 'option');
  const method = factValue(evaluation, 'filingMethod');
  const fullFee = factValue(evaluation, 'fullFee') as { paper: number; online: number } | undefined;
  return {
    amount: numberOrNull(factValue(evaluation, 'fee')),
    option: typeof option === 'string' ? (option as FeeOption) : null,
    filingMethod: method === 'online' || method === 'paper' ? method : null,
    fullFee: fullFee ? { paper: fullFee.paper, online: fullFee.online } : null,
    reducedFee: numberOrNull(factValue(evaluation, 'reducedFee')),
    waiverEligible: tristate(factValue(evaluation, 'waiverEligible')),
    reducedFeeEligible: tristate(factValue(evaluation, 'reducedFeeEligible')),
  };
}

function derivedCitizenship(evaluation: Evaluation): DerivedCitizenship | null {
  const deriving = factValue(evaluation, 'childrenDeriving');
  if (typeof deriving !== 'number') return null;
  return deriving < 0
    ? { count: null, undetermined: true }
    : { count: deriving, undetermined: false };
}

function tpsSummary(evaluation: Evaluation): TpsSummary {
  const { values } = evaluation;
  const fees = values.fees;
  return {
    designation: stringOrNull(values.designation),
    status: stringOrNull(values.status),
    designatedThrough: stringOrNull(values.designatedThrough),
    terminationDate: dateOrNull(factValue(evaluation, 'terminationDate')),
    residenceRequiredSince: stringOrNull(values.residenceRequiredSince),
    presenceRequiredSince: stringOrNull(values.presenceRequiredSince),
    dataReviewedOn: stringOrNull(values.dataReviewedOn),
    dataStale: typeof values.dataStale === 'boolean' ? values.dataStale : null,
    fees:
      typeof fees === 'object' && fees !== null ? { ...(fees as Record<string, number>) } : null,
  };
}

let shared: ScreeningService | undefined;

/** One service per process, built on first use: compiling the programs and reading the files once. */
export function sharedScreeningService(): ScreeningService {
  shared ??= new ScreeningService();
  return shared;
}

/**
 * Today in Washington, the date the screener answers for when none is
 * given: Pacific time, not UTC, so that an evening visit is not a day ahead.
 */
export function todayInWashington(now: Date = new Date()): Day {
  const iso = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Los_Angeles',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return parseDay(iso) as Day;
}

import type { Day } from '../../engine/dates.ts';
import {
  type CivicsLibrary,
  type CivicsQuestion,
  type CivicsVersion,
  loadCivicsLibrary,
  type ResolvedOffice,
} from './civics-questions.ts';
import {
  type CivicsRules,
  isFinished,
  loadCivicsRules,
  type QuestionSet,
  questionOrder,
  type SessionState,
  type TestFormat,
} from './civics-session.ts';

/** A question as a page shows it, in the person's language where there is a bank. */
export interface ShownQuestion {
  number: number;
  text: string;
  answers: string[];
  senior: boolean;
  /** The language the text is in: the page's, or English when not translated yet. */
  language: string;
  /** The English source, when the text is a translation. */
  english?: { text: string; answers: string[] };
  /** The dated answer, for questions about who holds office or about the state. */
  office?: ResolvedOffice;
}

/** How a bank in the person's language came to be what they see. */
export type BankStatus = 'source' | 'machine-drafted' | 'translated' | 'not-translated';

/**
 * What the civics pages ask for, over the question banks and the dated test
 * formats, both read once at start.
 */
export class CivicsService {
  constructor(
    readonly library: CivicsLibrary = loadCivicsLibrary(),
    readonly rules: CivicsRules = loadCivicsRules(),
  ) {}

  format(version: CivicsVersion, set: QuestionSet): TestFormat {
    return this.rules.format(version, set);
  }

  bankStatus(version: CivicsVersion, language: string): BankStatus {
    if (language === 'en') return 'source';
    const bank = this.library.translation(version, language);
    if (!bank) return 'not-translated';
    return bank.machineDrafted ? 'machine-drafted' : 'translated';
  }

  /** Every question of a test (or of its 65/20 set), in USCIS order. */
  questions(version: CivicsVersion, set: QuestionSet, language: string, day: Day): ShownQuestion[] {
    return this.library
      .english(version)
      .questions.filter((question) => set === 'all' || question.senior)
      .map((question) => this.show(version, question, language, day));
  }

  /** The question a session shows next. */
  current(state: SessionState, language: string, day: Day): ShownQuestion {
    const format = this.format(state.version, state.set);
    if (isFinished(state, format)) throw new RangeError('the session is over');
    const order = this.order(state);
    const english = this.library.english(state.version);
    const question = english.questions[(order[state.index] as number) - 1] as CivicsQuestion;
    return this.show(state.version, question, language, day);
  }

  order(state: SessionState): number[] {
    const numbers = this.library
      .english(state.version)
      .questions.filter((question) => state.set === 'all' || question.senior)
      .map((question) => question.number);
    return questionOrder(numbers, this.format(state.version, state.set), state.seed);
  }

  private show(
    version: CivicsVersion,
    source: CivicsQuestion,
    language: string,
    day: Day,
  ): ShownQuestion {
    const translated = this.library.translation(version, language);
    const question = translated?.questions[source.number - 1] ?? source;
    return {
      number: source.number,
      text: question.text,
      answers: question.answers,
      senior: source.senior,
      language: translated ? language : 'en',
      ...(translated && language !== 'en'
        ? { english: { text: source.text, answers: source.answers } }
        : {}),
      ...(source.office ? { office: this.library.office(source.office, day) } : {}),
    };
  }
}

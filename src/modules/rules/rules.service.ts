import { type CompiledProgram, compileProgram } from '../../engine/compile.ts';
import type { Day } from '../../engine/dates.ts';
import { type EvaluateOptions, type Evaluation, evaluate } from '../../engine/evaluate.ts';
import type { ParameterSet } from '../../engine/parameters.ts';
import type { Program } from '../../engine/program.ts';
import { programs as allPrograms } from '../../programs/index.ts';
import { loadParameters } from './parameters.repository.ts';

/** Answers that are not well-formed (a date that is not a date, a list that is not a list). */
export class RulesInputError extends Error {
  override name = 'RulesInputError';
  constructor(readonly errors: { path: string; message: string }[]) {
    super(errors.map((error) => `${error.path || 'input'}: ${error.message}`).join('; '));
  }
}

export class UnknownProgramError extends Error {
  override name = 'UnknownProgramError';
  constructor(readonly programId: string) {
    super(`unknown program '${programId}'`);
  }
}

/**
 * The rules engine with Belong's programs and parameters loaded: compiled
 * once, then used for any number of people.
 */
export class RulesService {
  // biome-ignore lint/suspicious/noExplicitAny: programs differ in fact types; each is used only with its own input.
  private readonly compiled = new Map<string, CompiledProgram<any>>();

  constructor(
    // biome-ignore lint/suspicious/noExplicitAny: as above, a registry of programs of different fact types.
    programs: readonly Program<any>[] = allPrograms,
    readonly parameters: ParameterSet = loadParameters(),
  ) {
    for (const program of programs) this.compiled.set(program.id, compileProgram(program));
  }

  programIds(): string[] {
    return [...this.compiled.keys()];
  }

  program(programId: string): CompiledProgram<unknown> {
    const compiled = this.compiled.get(programId);
    if (!compiled) throw new UnknownProgramError(programId);
    return compiled;
  }

  /** Evaluates answers already parsed by the program's `parseInput`. */
  evaluateFacts(
    programId: string,
    facts: unknown,
    asOf: Day,
    options?: EvaluateOptions,
  ): Evaluation {
    return evaluate(
      this.program(programId),
      facts as Partial<unknown>,
      { asOf, parameters: this.parameters },
      options,
    );
  }

  /** Evaluates a JSON object of answers; throws {@link RulesInputError} when malformed. */
  evaluate(programId: string, raw: unknown, asOf: Day, options?: EvaluateOptions): Evaluation {
    const compiled = this.program(programId);
    const parsed = compiled.program.parseInput(raw, asOf);
    if (!parsed.ok) throw new RulesInputError(parsed.errors);
    return evaluate(compiled, parsed.facts, { asOf, parameters: this.parameters }, options);
  }
}

let shared: RulesService | undefined;

/**
 * The rules with Belong's own programs and parameters, one per process: the
 * server, the screener and the applications all decide with the same
 * compiled programs and the same rules version, read from disk once.
 */
export function sharedRulesService(): RulesService {
  shared ??= new RulesService();
  return shared;
}

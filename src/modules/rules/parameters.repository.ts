import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { parseDay } from '../../engine/dates.ts';
import { type Parameter, ParameterSet } from '../../engine/parameters.ts';

export const parametersDirectory = fileURLToPath(
  new URL('../../../rules/parameters/', import.meta.url),
);
const programsDirectory = fileURLToPath(new URL('../../programs/', import.meta.url));

const isoDate = z
  .string()
  .refine((value) => parseDay(value) !== undefined, 'not a YYYY-MM-DD date');

const parameterValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.number(),
    z.string(),
    z.boolean(),
    z.null(),
    z.array(parameterValue),
    z.record(z.string(), parameterValue),
  ]),
);

/** The shape of `rules/parameters/**.yaml`. */
export const parameterFileSchema = z.strictObject({
  description: z.string().min(10),
  unit: z.string().min(1),
  reviewed_until: isoDate.optional(),
  values: z
    .record(isoDate, parameterValue)
    .refine((values) => Object.keys(values).length > 0, 'no dated value'),
  references: z
    .array(
      z.strictObject({ title: z.string().min(3), href: z.url(), quote: z.string().optional() }),
    )
    .min(1, 'at least one reference'),
  notes: z.string().optional(),
});

export class ParameterFileError extends Error {
  override name = 'ParameterFileError';
}

function listFiles(directory: string, extension: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

export function parseParameterFile(name: string, text: string): Parameter {
  const parsed = parameterFileSchema.safeParse(parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ParameterFileError(`${name}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const file = parsed.data;
  return {
    name,
    description: file.description,
    unit: file.unit,
    values: Object.entries(file.values)
      .map(([from, value]) => ({
        from: parseDay(from) as number,
        value: value as Parameter['values'][number]['value'],
      }))
      .sort((a, b) => a.from - b.from),
    reviewedUntil: file.reviewed_until ? parseDay(file.reviewed_until) : undefined,
    references: file.references,
  };
}

/**
 * Reads every parameter under `rules/parameters/`. A parameter's name is its
 * path there without `.yaml` (`uscis/fees/n400-paper`). The rules version is
 * a digest of every parameter file and every program's source, so any change
 * to what decides a case changes the version a decision records.
 */
export function loadParameters(directory = parametersDirectory): ParameterSet {
  const digest = createHash('sha256');
  const parameters = listFiles(directory, '.yaml').map((file) => {
    const text = readFileSync(file, 'utf8');
    const name = path.relative(directory, file).slice(0, -'.yaml'.length).split(path.sep).join('/');
    digest.update(name).update(text);
    return parseParameterFile(name, text);
  });
  for (const file of listFiles(programsDirectory, '.ts').filter((f) => !f.endsWith('.test.ts'))) {
    digest.update(path.relative(programsDirectory, file)).update(readFileSync(file));
  }
  return new ParameterSet(parameters, `rules-${digest.digest('hex').slice(0, 12)}`);
}

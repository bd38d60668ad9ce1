import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { parseDay } from '../../engine/dates.ts';
import type { MessageKey } from '../../i18n/message-key.ts';

export const legalHelpFile = fileURLToPath(
  new URL('../../../rules/help/washington.yaml', import.meta.url),
);

/**
 * Each provider's name and description are messages, so that they are
 * translated with the page; the id picks them. A provider added to the data
 * file is added here too, with its messages in every language.
 */
const providerMessages = {
  waisn: { name: 'check.helpNameWaisn', body: 'check.helpBodyWaisn' },
  nwirp: { name: 'check.helpNameNwirp', body: 'check.helpBodyNwirp' },
} as const satisfies Record<string, { name: MessageKey; body: MessageKey }>;

type ProviderId = keyof typeof providerMessages;

const citation = z.strictObject({
  title: z.string().min(3),
  href: z.url(),
  quote: z.string().optional(),
});

const helpFileSchema = z.strictObject({
  description: z.string().min(10),
  reviewed_on: z.string().refine((value) => parseDay(value) !== undefined, 'not a YYYY-MM-DD date'),
  providers: z
    .array(
      z.strictObject({
        id: z.enum(Object.keys(providerMessages) as [ProviderId, ...ProviderId[]]),
        phone: z
          .string()
          .regex(/^[0-9-]+$/)
          .optional(),
        href: z.url(),
        references: z.array(citation).min(1, 'at least one reference'),
      }),
    )
    .min(1),
});

export interface LegalHelpProvider {
  id: ProviderId;
  name: MessageKey;
  body: MessageKey;
  phone: string | undefined;
  href: string;
  references: readonly { title: string; href: string; quote?: string | undefined }[];
}

export interface LegalHelp {
  /** The date the entries were last checked against their sources. */
  reviewedOn: string;
  providers: readonly LegalHelpProvider[];
}

export class LegalHelpFileError extends Error {
  override name = 'LegalHelpFileError';
}

/** Parses the help file's text; throws {@link LegalHelpFileError} naming what is wrong. */
export function parseLegalHelp(text: string): LegalHelp {
  const parsed = helpFileSchema.safeParse(parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LegalHelpFileError(
      `rules/help/washington.yaml: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
    );
  }
  return {
    reviewedOn: parsed.data.reviewed_on,
    providers: parsed.data.providers.map((provider) => ({
      id: provider.id,
      ...providerMessages[provider.id],
      phone: provider.phone,
      href: provider.href,
      references: provider.references,
    })),
  };
}

/** Free legal help in Washington, read once from `rules/help/washington.yaml`. */
export function loadLegalHelp(file: string = legalHelpFile): LegalHelp {
  return parseLegalHelp(readFileSync(file, 'utf8'));
}

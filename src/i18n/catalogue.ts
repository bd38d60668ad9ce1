import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SupportedLocale } from './locales.ts';

export const localesDirectory = fileURLToPath(new URL('../../locales/', import.meta.url));

export type FlatMessages = Record<string, string>;

/**
 * Reads `locales/<locale>/*.json` into one flat map of `<area>.<key>` to ICU
 * message. Files are flat objects of strings; the file name is the area.
 */
export function loadMessages(locale: SupportedLocale): FlatMessages {
  const directory = `${localesDirectory}${locale}/`;
  const messages: FlatMessages = {};
  for (const file of readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const area = file.slice(0, -'.json'.length);
    const content: unknown = JSON.parse(readFileSync(directory + file, 'utf8'));
    if (typeof content !== 'object' || content === null || Array.isArray(content)) {
      throw new Error(`${locale}/${file} must hold one JSON object of strings`);
    }
    for (const [key, value] of Object.entries(content)) {
      if (typeof value !== 'string') throw new Error(`${locale}/${file}: ${key} is not a string`);
      messages[`${area}.${key}`] = value;
    }
  }
  return messages;
}

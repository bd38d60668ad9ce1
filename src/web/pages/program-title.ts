import type { MessageKey } from '../../i18n/message-key.ts';

/** The message key of a program's name (`<program>.title` in locales). */
export function programTitle(program: string): MessageKey {
  return `${program}.title` as MessageKey;
}

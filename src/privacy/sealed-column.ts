import { open, type SealContext, seal } from './sealing.ts';

declare const sealedOf: unique symbol;

/**
 * A sealed value as it is stored: text in the `v1.<nonce>.<ciphertext>`
 * encoding, branded with the type it opens to so a repository cannot mix
 * up columns or hand a sealed string to code that expects plaintext.
 */
export type Sealed<T> = string & { readonly [sealedOf]: T };

export interface SealedColumnOptions<T> {
  table: string;
  column: string;
  /** Turns the value into bytes; JSON by default. */
  encode?: (value: T) => string;
  /**
   * Turns opened text back into a value; JSON by default. Pass a validating
   * parser (a zod schema's `parse`) when the column's type matters.
   */
  decode?: (text: string) => T;
}

/**
 * One personal column: seals on write and opens on read, with the table and
 * column fixed once so a repository passes only the key and the record id.
 *
 * ```ts
 * const birthDate = sealedColumn<string>({ table: 'people', column: 'birth_date' });
 * row.birth_date = birthDate.seal('1990-04-01', key, personId);
 * const value = birthDate.open(row.birth_date, key, personId);
 * ```
 */
export interface SealedColumn<T> {
  readonly table: string;
  readonly column: string;
  seal(value: T, key: Uint8Array, recordId: string): Sealed<T>;
  open(sealed: Sealed<T> | string, key: Uint8Array, recordId: string): T;
}

export function sealedColumn<T>(options: SealedColumnOptions<T>): SealedColumn<T> {
  const encode = options.encode ?? ((value: T) => JSON.stringify(value));
  const decode = options.decode ?? ((text: string) => JSON.parse(text) as T);
  const context = (recordId: string): SealContext => ({
    table: options.table,
    column: options.column,
    recordId,
  });
  return {
    table: options.table,
    column: options.column,
    seal: (value, key, recordId) => seal(encode(value), key, context(recordId)) as Sealed<T>,
    open: (sealed, key, recordId) => decode(open(sealed, key, context(recordId)).toString('utf8')),
  };
}

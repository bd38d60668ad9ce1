import { type Sealed, type SealedColumn, sealedColumn } from './sealed-column.ts';

/** How each personal column of a table is encoded; JSON unless given. */
export type ColumnCodecs<Plain> = {
  [Column in keyof Plain & string]: Omit<SealedColumnOptionsFor<Plain[Column]>, 'table' | 'column'>;
};

interface SealedColumnOptionsFor<T> {
  encode?: (value: T) => string;
  decode?: (text: string) => T;
}

/** The stored form of a record's personal fields: each one sealed. */
export type SealedFields<Plain> = { [Column in keyof Plain]: Sealed<Plain[Column]> };

/**
 * The personal columns of one table, sealed and opened together, so a
 * repository writes `people.seal(fields, key, id)` into its insert and
 * `people.open(row, key, id)` after its select, and never handles a
 * column's encryption by hand. Fields absent from the object (optional
 * answers not given) are left out rather than sealed as null.
 *
 * ```ts
 * const people = sealedRecord<{ family_name: string; birth_date: string }>('people', {
 *   family_name: {},
 *   birth_date: {},
 * });
 * ```
 */
export interface SealedRecord<Plain> {
  readonly table: string;
  readonly columns: readonly (keyof Plain & string)[];
  seal<Fields extends Partial<Plain>>(
    fields: Fields,
    key: Uint8Array,
    recordId: string,
  ): { [Column in keyof Fields]: Sealed<Plain[Column & keyof Plain]> };
  open<Row extends Partial<Record<keyof Plain, string | null>>>(
    row: Row,
    key: Uint8Array,
    recordId: string,
  ): {
    [Column in keyof Row & keyof Plain]: Row[Column] extends string
      ? Plain[Column]
      : Plain[Column] | null;
  };
}

export function sealedRecord<Plain extends object>(
  table: string,
  codecs: ColumnCodecs<Plain>,
): SealedRecord<Plain> {
  const columns = Object.keys(codecs) as (keyof Plain & string)[];
  const byColumn = new Map<string, SealedColumn<unknown>>();
  for (const column of columns) {
    const codec = codecs[column] as SealedColumnOptionsFor<unknown>;
    byColumn.set(column, sealedColumn<unknown>({ table, column, ...codec }));
  }
  const columnOf = (name: string): SealedColumn<unknown> => {
    const column = byColumn.get(name);
    // A programming error: the repository passed a field this table does not seal.
    if (!column) throw new TypeError(`${table} has no sealed column ${name}`);
    return column;
  };
  return {
    table,
    columns,
    seal(fields, key, recordId) {
      const sealed: Record<string, string> = {};
      for (const [name, value] of Object.entries(fields)) {
        if (value === undefined) continue;
        sealed[name] = columnOf(name).seal(value, key, recordId);
      }
      return sealed as never;
    },
    open(row, key, recordId) {
      const opened: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(row)) {
        if (!byColumn.has(name) || value === undefined) continue;
        opened[name] = value === null ? null : columnOf(name).open(value as string, key, recordId);
      }
      return opened as never;
    },
  };
}

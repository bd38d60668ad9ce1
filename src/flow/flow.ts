import type { MessageKey } from '../i18n/message-key.ts';
import type {
  FieldError,
  FieldKind,
  FieldOption,
  FlowAnswers,
  FlowCondition,
  FlowDefinition,
  FlowField,
  FlowPage,
} from './flow-definition.ts';

/*
 * The flow engine: which pages a person sees, where they go next, how a
 * page's form post and a partner's answers JSON are read and checked, and
 * what check-your-answers lists. Pure: no I/O, no clock; answers are plain
 * JSON and never mutated (every change returns a new object).
 */

// ---------------------------------------------------------------- paths

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

const indexPattern = /^(0|[1-9][0-9]*)$/;

/** Segments that would reach into an object's prototype: never a path. */
const unsafeSegments = new Set(['__proto__', 'prototype', 'constructor']);

function segmentsOf(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

/** The value at a dot path (`trips.2.returned`); numeric segments index lists. */
export function getAnswer(answers: unknown, path: string): unknown {
  let current: unknown = answers;
  for (const segment of segmentsOf(path)) {
    if (Array.isArray(current)) {
      if (!indexPattern.test(segment)) return undefined;
      current = current[Number(segment)];
    } else if (isPlain(current)) {
      if (unsafeSegments.has(segment) || !Object.hasOwn(current, segment)) return undefined;
      current = current[segment];
    } else {
      return undefined;
    }
  }
  return current;
}

function setIn(container: unknown, segments: readonly string[], value: unknown): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) return value;
  if (unsafeSegments.has(head)) throw new Error(`unsafe answer path segment: ${head}`);
  if (Array.isArray(container) && indexPattern.test(head)) {
    const index = Number(head);
    const copy = [...container];
    const next = setIn(copy[index], rest, value);
    if (next === undefined && index >= copy.length) return copy;
    // A hole would not survive JSON; fill it with an empty item.
    while (copy.length < index) copy.push({});
    copy[index] = next === undefined ? {} : next;
    return copy;
  }
  if (container === undefined && indexPattern.test(head)) {
    if (value === undefined) return undefined;
    const list: unknown[] = [];
    while (list.length < Number(head)) list.push({});
    list.push(setIn(undefined, rest, value));
    return list;
  }
  const copy: Plain = isPlain(container) ? { ...container } : {};
  const next = setIn(copy[head], rest, value);
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy;
}

/**
 * A copy of `answers` with `value` at `path`; `undefined` removes it. Objects
 * and lists along the path are copied, never changed in place; a missing
 * step is created (a list when the next segment is an index).
 */
export function setAnswer(answers: FlowAnswers, path: string, value: unknown): FlowAnswers {
  const segments = segmentsOf(path);
  if (segments.length === 0) return isPlain(value) ? { ...value } : {};
  return setIn(answers, segments, value) as FlowAnswers;
}

/** Removes `path` and then any object it leaves empty on the way up. */
function removeAnswer(answers: FlowAnswers, path: string): FlowAnswers {
  if (getAnswer(answers, path) === undefined) return answers;
  let result = setAnswer(answers, path, undefined);
  const segments = segmentsOf(path);
  for (let end = segments.length - 1; end > 0; end--) {
    const parent = segments.slice(0, end).join('.');
    const value = getAnswer(result, parent);
    if (isPlain(value) && Object.keys(value).length === 0) {
      result = setAnswer(result, parent, undefined);
    } else {
      break;
    }
  }
  return result;
}

// ---------------------------------------------------------------- conditions

function holds(condition: FlowCondition, answers: FlowAnswers): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, answers));
  if ('any' in condition) return condition.any.some((c) => holds(c, answers));
  if ('not' in condition) return !holds(condition.not, answers);
  const value = getAnswer(answers, condition.path);
  if ('equals' in condition) return value === condition.equals;
  if ('in' in condition) {
    return (
      (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') &&
      condition.in.includes(value)
    );
  }
  return (value !== undefined) === condition.answered;
}

function isVisible(page: FlowPage, answers: FlowAnswers): boolean {
  return page.when === undefined || holds(page.when, answers);
}

/** The pages whose condition holds, in order. */
export function visiblePages(flow: FlowDefinition, answers: FlowAnswers): FlowPage[] {
  return learn(flow).pages.filter((page) => isVisible(page, answers));
}

export function pageByKey(flow: FlowDefinition, key: string): FlowPage | undefined {
  return learn(flow).pages.find((page) => page.key === key);
}

// ---------------------------------------------------------------- values

const defaultMaxLength = 200;
const emailMaxLength = 254;
const minYear = 1900;
const maxYear = 2100;

type Checked = { ok: true; value: unknown } | { ok: false; code: FieldError['code'] };

const fail = (code: FieldError['code']): Checked => ({ ok: false, code });
const ok = (value: unknown): Checked => ({ ok: true, value });

/** A real calendar date, `YYYY-MM-DD`, with a year from 1900 to 2100. */
function isFlowDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < minYear || year > maxYear || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function countDigits(value: string): number | undefined {
  const stripped = value.replace(/^\+/, '').replace(/[\s\-.()]/g, '');
  return /^\d+$/.test(stripped) ? stripped.length : undefined;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

function checkBounds(field: FlowField, value: number): Checked {
  const min = field.min ?? (field.kind === 'money' ? 0 : undefined);
  if (min !== undefined && value < min) return fail('too-small');
  if (field.max !== undefined && value > field.max) return fail('too-large');
  return ok(value);
}

/**
 * Checks a stored (JSON) value of a field that is present. The same check
 * decides whether a page is complete and whether a partner's answers are
 * well formed, so the web form and the API accept exactly the same answers.
 */
function checkStored(field: FlowField, value: unknown): Checked {
  switch (field.kind) {
    case 'text':
    case 'long-text': {
      if (typeof value !== 'string' || value.trim() === '') return fail('required');
      const text = value.trim();
      if (text.length > (field.maxLength ?? defaultMaxLength)) return fail('too-long');
      return ok(text);
    }
    case 'date':
      return typeof value === 'string' && isFlowDate(value) ? ok(value) : fail('invalid-date');
    case 'yes-no':
      return typeof value === 'boolean' ? ok(value) : fail('invalid-yes-no');
    case 'choice':
      return typeof value === 'string' && (field.options ?? []).some((o) => o.value === value)
        ? ok(value)
        : fail('invalid-choice');
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value)
        ? checkBounds(field, value)
        : fail('invalid-integer');
    case 'money':
      return typeof value === 'number' &&
        Number.isFinite(value) &&
        Math.abs(Math.round(value * 100) - value * 100) < 1e-6
        ? checkBounds(field, value)
        : fail('invalid-money');
    case 'email':
      if (typeof value !== 'string') return fail('invalid-email');
      if (value.trim().length > emailMaxLength) return fail('too-long');
      return emailPattern.test(value.trim()) ? ok(value.trim()) : fail('invalid-email');
    case 'phone': {
      if (typeof value !== 'string') return fail('invalid-phone');
      const digits = countDigits(value.trim());
      return digits !== undefined && digits >= 7 && digits <= 20
        ? ok(value.trim())
        : fail('invalid-phone');
    }
  }
}

/**
 * Whether a well-formed value breaks its relation to another answer of the
 * same page or item, read from `source`: a number above its `atMost`, a
 * date before its `notBefore`. Dates compare as `YYYY-MM-DD` text.
 */
function brokenRelation(
  field: FlowField,
  value: unknown,
  source: unknown,
): FieldError['code'] | undefined {
  if (field.atMost !== undefined && typeof value === 'number') {
    const limit = getAnswer(source, field.atMost);
    if (typeof limit === 'number' && value > limit) return 'too-large';
  }
  if (field.notBefore !== undefined && typeof value === 'string') {
    const earlier = getAnswer(source, field.notBefore);
    if (typeof earlier === 'string' && isFlowDate(earlier) && value < earlier) return 'date-order';
  }
  return undefined;
}

/**
 * The errors of a list of well-formed items as a whole: ranges that overlap
 * (`noOverlap`) and items given twice (`unique`). The same checks as the
 * programs' parsers, so that answers the flow accepts, the rules accept.
 */
function listErrors(page: FlowPage, list: readonly unknown[]): FieldError[] {
  const repeat = page.repeat;
  if (!repeat) return [];
  const errors: FieldError[] = [];
  const items = list.map((item, index) => ({ item, index }));
  const { noOverlap, unique } = repeat;
  if (noOverlap) {
    const at = (item: unknown, path: string) => String(getAnswer(item, path));
    const ordered = [...items].sort((a, b) =>
      at(a.item, noOverlap.start).localeCompare(at(b.item, noOverlap.start)),
    );
    for (let i = 1; i < ordered.length; i++) {
      const previous = ordered[i - 1];
      const current = ordered[i];
      if (!previous || !current) continue;
      if (at(current.item, noOverlap.start) < at(previous.item, noOverlap.end)) {
        const index = Math.max(previous.index, current.index);
        errors.push({
          path: `${repeat.path}.${index}.${noOverlap.start}`,
          code: 'overlapping-items',
        });
      }
    }
  }
  if (unique && unique.length > 0) {
    const seen = new Set<string>();
    for (const { item, index } of items) {
      const identity = JSON.stringify(unique.map((path) => getAnswer(item, path) ?? null));
      if (seen.has(identity)) {
        errors.push({ path: `${repeat.path}.${index}.${unique[0]}`, code: 'duplicate-item' });
      }
      seen.add(identity);
    }
  }
  return errors;
}

/** A value counts as not answered when absent, null or blank text. */
function isEmpty(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

function listMin(page: FlowPage): number {
  return page.repeat?.min ?? 0;
}

/**
 * The errors of one page's stored answers and its well-formed values, with
 * full paths. A page is complete when this finds no error.
 */
function checkPage(
  page: FlowPage,
  answers: unknown,
  collect: (path: string, value: unknown) => void,
): FieldError[] {
  const errors: FieldError[] = [];
  const checkFields = (base: string, source: unknown) => {
    for (const field of page.fields) {
      const path = base + field.path;
      const value = getAnswer(source, field.path);
      if (isEmpty(value)) {
        if (!field.optional) errors.push({ path, code: 'required' });
        continue;
      }
      const checked = checkStored(field, value);
      if (!checked.ok) errors.push({ path, code: checked.code });
      else {
        const broken = brokenRelation(field, checked.value, source);
        if (broken) errors.push({ path, code: broken });
        else collect(path, checked.value);
      }
    }
  };
  if (!page.repeat) {
    checkFields('', answers);
    return errors;
  }
  const listPath = page.repeat.path;
  const list = getAnswer(answers, listPath);
  // A list not given at all is unanswered, even when it may be empty: an
  // empty list is an answer ("no trips"), a missing one is not.
  if (!Array.isArray(list)) return [{ path: listPath, code: 'required' }];
  if (list.length > page.repeat.max) errors.push({ path: listPath, code: 'too-many-items' });
  if (list.length < listMin(page)) errors.push({ path: listPath, code: 'required' });
  collect(listPath, []);
  list.slice(0, page.repeat.max).forEach((item, index) => {
    const base = `${listPath}.${index}.`;
    collect(`${listPath}.${index}`, {});
    if (!isPlain(item)) {
      for (const field of page.fields) errors.push({ path: base + field.path, code: 'required' });
      return;
    }
    checkFields(base, item);
  });
  if (errors.length === 0) errors.push(...listErrors(page, list));
  return errors;
}

function isComplete(page: FlowPage, answers: FlowAnswers): boolean {
  return checkPage(page, answers, () => {}).length === 0;
}

// ---------------------------------------------------------------- navigation

/** The page is visible and every visible page before it is complete. */
export function canVisit(flow: FlowDefinition, answers: FlowAnswers, key: string): boolean {
  for (const page of visiblePages(flow, answers)) {
    if (page.key === key) return true;
    if (!isComplete(page, answers)) return false;
  }
  return false;
}

/** The next visible page after `currentKey`; null when the next stop is check-your-answers. */
export function nextPageKey(
  flow: FlowDefinition,
  answers: FlowAnswers,
  currentKey: string,
): string | null {
  const index = learn(flow).pages.findIndex((page) => page.key === currentKey);
  if (index < 0) return null;
  for (const page of flow.pages.slice(index + 1)) {
    if (isVisible(page, answers)) return page.key;
  }
  return null;
}

/** Where "resume" sends a person: the first visible page not complete; null when all are. */
export function firstIncompletePageKey(flow: FlowDefinition, answers: FlowAnswers): string | null {
  return visiblePages(flow, answers).find((page) => !isComplete(page, answers))?.key ?? null;
}

// ---------------------------------------------------------------- forms

type FormData = Record<string, string | string[]>;

function formValue(form: FormData, name: string): string | undefined {
  if (!Object.hasOwn(form, name)) return undefined;
  const value = form[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Reads one field from a form post; undefined value when left empty. */
function readFormField(field: FlowField, form: FormData, name: string): Checked {
  if (field.kind === 'date') {
    const parts = ['day', 'month', 'year'].map((part) =>
      (formValue(form, `${name}.${part}`) ?? '').trim(),
    );
    const [day = '', month = '', year = ''] = parts;
    if (parts.every((part) => part === '')) return ok(undefined);
    if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
      return fail('invalid-date');
    }
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    return isFlowDate(iso) ? ok(iso) : fail('invalid-date');
  }
  const raw = (formValue(form, name) ?? '').trim();
  if (raw === '') return ok(undefined);
  switch (field.kind) {
    case 'yes-no':
      if (raw === 'yes') return ok(true);
      if (raw === 'no') return ok(false);
      return fail('invalid-yes-no');
    case 'integer': {
      const text = raw.replace(/[\s,]/g, '');
      if (!/^-?\d{1,15}$/.test(text)) return fail('invalid-integer');
      return checkBounds(field, Number(text));
    }
    case 'money': {
      const text = raw.replace(/^\$/, '').replace(/[\s,]/g, '').replace(/^-\$/, '-');
      if (!/^-?\d{1,13}(\.\d{1,2})?$/.test(text)) return fail('invalid-money');
      return checkBounds(field, Number(text));
    }
    default:
      return checkStored(field, raw);
  }
}

/** The item indexes a repeating page's form post holds, in order. */
function postedIndexes(listPath: string, form: FormData): number[] {
  const prefix = `${listPath}.`;
  const indexes = new Set<number>();
  for (const name of Object.keys(form)) {
    if (!name.startsWith(prefix)) continue;
    const segment = name.slice(prefix.length).split('.')[0] ?? '';
    if (indexPattern.test(segment) && segment.length <= 4) indexes.add(Number(segment));
  }
  return [...indexes].sort((a, b) => a - b);
}

/**
 * Reads an HTML form post for one page into typed values at their paths,
 * and the errors of malformed input. Only malformed input is an error,
 * never an answer that would not qualify. Unknown form fields (the CSRF
 * token, the button pressed) are ignored. On a repeating page, items are
 * renumbered from 0 in the order posted and an item left entirely blank is
 * dropped; a value left out of `values` was blank or malformed.
 */
export function parsePageForm(
  page: FlowPage,
  form: Record<string, string | string[]>,
): { values: FlowAnswers; errors: FieldError[] } {
  let values: FlowAnswers = {};
  const errors: FieldError[] = [];
  const readFields = (formBase: string, valueBase: string): boolean => {
    let any = false;
    const itemErrors: FieldError[] = [];
    for (const field of page.fields) {
      const checked = readFormField(field, form, formBase + field.path);
      if (checked.ok && checked.value === undefined) {
        if (!field.optional) itemErrors.push({ path: valueBase + field.path, code: 'required' });
        continue;
      }
      any = true;
      if (checked.ok) values = setAnswer(values, valueBase + field.path, checked.value);
      else itemErrors.push({ path: valueBase + field.path, code: checked.code });
    }
    for (const field of page.fields) {
      const path = valueBase + field.path;
      const item = valueBase === '' ? values : getAnswer(values, valueBase.slice(0, -1));
      const broken = brokenRelation(field, getAnswer(values, path), item);
      if (broken) {
        itemErrors.push({ path, code: broken });
        values = setAnswer(values, path, undefined);
      }
    }
    if (any || !page.repeat) errors.push(...itemErrors);
    return any;
  };
  if (!page.repeat) {
    readFields('', '');
    return { values, errors };
  }
  const listPath = page.repeat.path;
  values = setAnswer(values, listPath, []);
  let count = 0;
  for (const index of postedIndexes(listPath, form)) {
    const valueBase = `${listPath}.${count}.`;
    if (readFields(`${listPath}.${index}.`, valueBase)) {
      // An item whose every value was malformed still holds its place.
      if (getAnswer(values, `${listPath}.${count}`) === undefined) {
        values = setAnswer(values, `${listPath}.${count}`, {});
      }
      count++;
    }
  }
  if (count > page.repeat.max) errors.push({ path: listPath, code: 'too-many-items' });
  if (errors.length === 0) {
    const list = getAnswer(values, listPath);
    errors.push(...listErrors(page, Array.isArray(list) ? list : []));
  }
  if (count < listMin(page)) {
    const first = page.fields.find((field) => !field.optional) ?? page.fields[0];
    errors.push({
      path: first ? `${listPath}.${count}.${first.path}` : listPath,
      code: 'required',
    });
  }
  return { values, errors };
}

// ---------------------------------------------------------------- whole answers

/** Every path a flow may write, as a tree of allowed keys (`[]` marks a list item). */
interface Shape {
  [key: string]: Shape;
}

function shapeOf(flow: FlowDefinition): Shape {
  const root: Shape = {};
  const add = (path: string) => {
    let node = root;
    for (const segment of segmentsOf(path)) {
      node[segment] ??= {};
      node = node[segment] as Shape;
    }
  };
  for (const page of flow.pages) {
    if (page.repeat) {
      for (const field of page.fields) add(`${page.repeat.path}.[].${field.path}`);
    } else {
      for (const field of page.fields) add(field.path);
    }
  }
  return root;
}

function unknownFields(value: unknown, shape: Shape, base: string, errors: FieldError[]): void {
  if (Object.keys(shape).length === 0) return;
  const item = shape['[]'];
  if (item !== undefined) {
    if (Array.isArray(value)) {
      value.forEach((entry, index) => {
        unknownFields(entry, item, `${base}${index}.`, errors);
      });
    }
    return;
  }
  if (!isPlain(value)) return;
  for (const key of Object.keys(value)) {
    const child = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (child === undefined) errors.push({ path: base + key, code: 'unknown-field' });
    else unknownFields(value[key], child, `${base}${key}.`, errors);
  }
}

/**
 * Validates a whole answers object (a partner's API request): every visible
 * page's required fields present and well formed, JSON types right (booleans,
 * numbers, `YYYY-MM-DD` strings), lists within their bounds, and no key the
 * flow does not know. Returns the well-formed answers of the visible pages
 * only (answers to hidden pages are dropped, not refused: they were simply
 * not needed).
 */
export function validateAnswers(
  flow: FlowDefinition,
  answers: unknown,
): { answers: FlowAnswers; errors: FieldError[] } {
  if (!isPlain(answers)) return { answers: {}, errors: [{ path: '', code: 'required' }] };
  const errors: FieldError[] = [];
  unknownFields(answers, shapeOf(flow), '', errors);
  let result: FlowAnswers = {};
  for (const page of visiblePages(flow, answers)) {
    errors.push(
      ...checkPage(page, answers, (path, value) => {
        result = setAnswer(result, path, value);
      }),
    );
  }
  return { answers: pruneAnswers(flow, result), errors };
}

// ---------------------------------------------------------------- changing answers

function pagePaths(page: FlowPage): string[] {
  return page.repeat ? [page.repeat.path] : page.fields.map((field) => field.path);
}

/**
 * The flow each page object belongs to, learnt whenever a function here is
 * given a flow, so that `mergePageAnswers(answers, page, values)` can prune
 * with the flow its page came from (a route always finds the page through
 * `pageByKey` or `visiblePages` first). A cache of immutable data, not state.
 */
const flowOfPage = new WeakMap<FlowPage, FlowDefinition>();

function learn(flow: FlowDefinition): FlowDefinition {
  const first = flow.pages[0];
  if (first !== undefined && flowOfPage.get(first) !== flow) {
    for (const page of flow.pages) flowOfPage.set(page, flow);
  }
  return flow;
}

/**
 * The answers with one page's values set (a repeating page replaces its
 * whole list; a field left out of `values` is removed), then pruned with
 * the page's flow: `flow` when given, else the flow the page was found in.
 */
export function mergePageAnswers(
  answers: FlowAnswers,
  page: FlowPage,
  values: FlowAnswers,
  flow?: FlowDefinition,
): FlowAnswers {
  const owner = flow ?? flowOfPage.get(page);
  if (owner === undefined || !owner.pages.includes(page)) {
    throw new Error(`mergePageAnswers: pass the flow that page ${page.key} belongs to`);
  }
  let result = answers;
  if (page.repeat) {
    const list = getAnswer(values, page.repeat.path);
    result = setAnswer(result, page.repeat.path, Array.isArray(list) ? list : []);
  } else {
    for (const field of page.fields) {
      const value = getAnswer(values, field.path);
      result =
        value === undefined
          ? removeAnswer(result, field.path)
          : setAnswer(result, field.path, value);
    }
  }
  return pruneAnswers(owner, result);
}

const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/**
 * Drops the answers of pages no longer visible, so that changing an earlier
 * answer never leaves hidden, stale data behind (data minimisation).
 * Repeats until nothing changes: dropping one answer may hide another page.
 */
export function pruneAnswers(flow: FlowDefinition, answers: FlowAnswers): FlowAnswers {
  let result = answers;
  for (let round = 0; round <= flow.pages.length; round++) {
    const visible = visiblePages(flow, result);
    const kept = visible.flatMap(pagePaths);
    let changed = false;
    for (const page of flow.pages) {
      if (visible.includes(page)) continue;
      for (const path of pagePaths(page)) {
        if (kept.some((keptPath) => related(keptPath, path))) continue;
        const next = removeAnswer(result, path);
        if (next !== result) {
          result = next;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return result;
}

// ---------------------------------------------------------------- check your answers

export interface CheckAnswerRow {
  pageKey: string;
  /** Full path, with the item index on a repeating page. */
  path: string;
  label: MessageKey;
  value: unknown;
  kind: FieldKind;
  options?: readonly FieldOption[];
  /** On a repeating page: the item's number from 1, for its heading ("Trip 2"). */
  item?: number;
  /** On a repeating page: the heading of one item, with `{number}`. */
  itemLabel?: MessageKey;
}

/** One row per answered field of each visible page, in order. */
export function checkAnswerRows(flow: FlowDefinition, answers: FlowAnswers): CheckAnswerRow[] {
  const rows: CheckAnswerRow[] = [];
  const row = (page: FlowPage, field: FlowField, path: string, source: unknown) => {
    const value = getAnswer(source, field.path);
    if (isEmpty(value)) return undefined;
    const entry: CheckAnswerRow = {
      pageKey: page.key,
      path,
      label: field.label,
      value,
      kind: field.kind,
    };
    if (field.options) entry.options = field.options;
    return entry;
  };
  for (const page of visiblePages(flow, answers)) {
    if (page.repeat) {
      const list = getAnswer(answers, page.repeat.path);
      if (!Array.isArray(list)) continue;
      list.forEach((item, index) => {
        for (const field of page.fields) {
          const entry = row(page, field, `${page.repeat?.path}.${index}.${field.path}`, item);
          if (entry && page.repeat) {
            rows.push({ ...entry, item: index + 1, itemLabel: page.repeat.itemLabel });
          }
        }
      });
    } else {
      for (const field of page.fields) {
        const entry = row(page, field, field.path, answers);
        if (entry) rows.push(entry);
      }
    }
  }
  return rows;
}

/** The answers the rules read: without the `applicant` subtree (identity and contact). */
export function ruleAnswers(answers: FlowAnswers): FlowAnswers {
  const { applicant: _applicant, ...rest } = answers;
  return rest;
}

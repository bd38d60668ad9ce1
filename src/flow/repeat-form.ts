import type { FlowPage } from './flow-definition.ts';

type FormData = Record<string, string | string[]>;

const indexPattern = /^(0|[1-9][0-9]{0,3})$/;

function isBlank(value: string | string[] | undefined): boolean {
  if (value === undefined) return true;
  return (Array.isArray(value) ? value : [value]).every((part) => part.trim() === '');
}

/**
 * A repeating page's form post as the page should show it again: the items
 * posted, in order, with one removed (the "remove" button, whose value is
 * the item's index as shown) and items left entirely blank dropped, then
 * renumbered from 0 — the same numbering `parsePageForm` gives its values
 * and errors, so each error lands on its own item. `add` asks for one more,
 * empty item. Fields that are not items (the CSRF token, the buttons) are
 * left out. `itemCount` is how many items to show: at least one, so a page
 * never shows nothing to fill in.
 */
export function repeatFormState(
  page: FlowPage,
  form: FormData,
  edit: { add?: boolean; remove?: number } = {},
): { form: FormData; itemCount: number } {
  const repeat = page.repeat;
  if (!repeat) return { form: {}, itemCount: 1 };
  const prefix = `${repeat.path}.`;
  const items = new Map<number, FormData>();
  for (const [name, value] of Object.entries(form)) {
    if (!name.startsWith(prefix)) continue;
    const rest = name.slice(prefix.length);
    const dot = rest.indexOf('.');
    const index = dot < 0 ? '' : rest.slice(0, dot);
    if (!indexPattern.test(index)) continue;
    const item = items.get(Number(index)) ?? {};
    item[rest.slice(dot + 1)] = value;
    items.set(Number(index), item);
  }
  const kept = [...items.entries()]
    .filter(([index, item]) => index !== edit.remove && !Object.values(item).every(isBlank))
    .sort(([a], [b]) => a - b)
    .map(([, item]) => item);
  const result: FormData = {};
  kept.forEach((item, index) => {
    for (const [field, value] of Object.entries(item)) result[`${prefix}${index}.${field}`] = value;
  });
  const wanted = kept.length + (edit.add && kept.length < repeat.max ? 1 : 0);
  return { form: result, itemCount: Math.max(1, wanted) };
}

/**
 * The list as the page shows it again after an "add another" or a "remove"
 * button (fields `add` and `remove`, whose value is the item's index), or
 * undefined when neither was pressed and the post is an answer to save.
 */
export function repeatEditOf(
  page: FlowPage,
  form: FormData,
): { form: FormData; itemCount: number } | undefined {
  const first = (name: string) => {
    const value = form[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const add = first('add') !== undefined;
  const removeText = first('remove');
  if (!page.repeat || !(add || removeText !== undefined)) return undefined;
  const remove = removeText !== undefined && /^\d{1,4}$/.test(removeText) ? Number(removeText) : -1;
  return repeatFormState(page, form, { add, remove });
}

/** The form as a page shows it back with its errors: a list renumbered, anything else as posted. */
export function shownForm(page: FlowPage, form: FormData): { form: FormData; itemCount?: number } {
  return page.repeat ? repeatFormState(page, form) : { form };
}

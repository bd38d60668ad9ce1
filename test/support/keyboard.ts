import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';

/*
 * A person who uses the keyboard only: focus moves with Tab and Shift+Tab,
 * text is typed, radios are chosen with the arrow keys and Space, boxes are
 * ticked with Space, buttons pressed with Enter or Space. Nothing here
 * clicks, focuses an element directly or sets a value: whatever the page
 * does not let a keyboard reach, these helpers cannot reach either.
 */

/**
 * The few DOM members the page functions below use, which run in the
 * browser: the project compiles without TypeScript's DOM library.
 */
interface InPage {
  document: {
    activeElement: InPageElement | null;
    body: InPageElement;
  };
}
interface InPageElement {
  outerHTML: string;
  checked?: boolean;
  compareDocumentPosition(other: InPageElement): number;
}
/** Node.DOCUMENT_POSITION_PRECEDING. */
const precedingBit = 2;

/** More Tab presses than any Belong page needs between two of its controls. */
const defaultMaxPresses = 60;

/** Whether the focused element is one of the elements `target` matches. */
function holdsFocus(target: Locator): Promise<boolean> {
  return target.evaluateAll((elements) =>
    (elements as unknown[]).includes((globalThis as unknown as InPage).document.activeElement),
  );
}

/** A short description of the focused element, for a failure message. */
function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as InPage;
    const element = document.activeElement;
    if (!element || element === document.body) return 'nothing (the page itself)';
    return element.outerHTML.slice(0, 160);
  });
}

/**
 * Presses Tab (or Shift+Tab when `target` comes before the focused element)
 * until one of the elements `target` matches has focus. Fails after `max`
 * presses: an element the keyboard cannot reach, or a trap that holds focus.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  options: { max?: number; backward?: boolean } = {},
): Promise<void> {
  if (await holdsFocus(target)) return;
  const backward =
    options.backward ??
    (await target.first().evaluate((element, preceding) => {
      const { document } = globalThis as unknown as InPage;
      const focused = document.activeElement;
      if (!focused || focused === document.body) return false;
      return (
        (focused.compareDocumentPosition(element as unknown as InPageElement) & preceding) !== 0
      );
    }, precedingBit));
  const key = backward ? 'Shift+Tab' : 'Tab';
  const max = options.max ?? defaultMaxPresses;
  // The elements are found once: a check per press is then one round trip.
  const handles = await target.elementHandles();
  try {
    for (let presses = 0; presses < max; presses++) {
      await page.keyboard.press(key);
      const reached = await page.evaluate(
        (elements) =>
          (elements as unknown[]).includes(
            (globalThis as unknown as InPage).document.activeElement,
          ),
        handles,
      );
      if (reached) return;
    }
  } finally {
    await Promise.all(handles.map((handle) => handle.dispose()));
  }
  assert.fail(
    `${max} presses of ${key} did not reach ${target}; focus is on ${await describeFocus(page)}`,
  );
}

/**
 * From the top of a freshly loaded page: Tab to the skip link and follow it
 * with Enter, so the next Tab lands in the main content. Checks the skip
 * link is the first thing the keyboard reaches, as it must be.
 */
export async function skipToMain(page: Page): Promise<void> {
  await page.keyboard.press('Tab');
  const skip = page.locator('a.usa-skipnav');
  assert.ok(await holdsFocus(skip), `the first Tab reaches ${await describeFocus(page)}`);
  await page.keyboard.press('Enter');
  const main = page.locator('#main-content');
  assert.ok(await holdsFocus(main), `the skip link leaves focus on ${await describeFocus(page)}`);
}

/** Tabs to a text box, selects what it holds and types `text` in its place. */
export async function typeInto(page: Page, input: Locator, text: string): Promise<void> {
  await tabTo(page, input);
  await page.keyboard.press('ControlOrMeta+A');
  if (text === '') await page.keyboard.press('Delete');
  else await page.keyboard.type(text);
  assert.equal(await input.inputValue(), text, `typed into ${input}`);
}

/**
 * Chooses the radio of the group `name` whose value is `value`: Tab into
 * the group (on its checked radio, or its first), Space to check the one
 * focused, then the arrow key that moves to the next radio and checks it,
 * until the wanted one is checked. Arrow keys wrap, so the loop ends.
 */
export async function chooseRadio(
  page: Page,
  form: Locator,
  name: string,
  value: string,
): Promise<void> {
  const group = form.locator(`input[type="radio"][name="${name}"]`);
  const wanted = form.locator(`input[type="radio"][name="${name}"][value="${value}"]`);
  const count = await group.count();
  assert.ok(count > 0, `no radio named ${name}`);
  await tabTo(page, group);
  const focusedChecked = await page.evaluate(
    () => (globalThis as unknown as InPage).document.activeElement?.checked === true,
  );
  if (!focusedChecked) {
    await page.keyboard.press('Space');
  }
  for (let presses = 0; presses <= count && !(await wanted.isChecked()); presses++) {
    await page.keyboard.press('ArrowDown');
  }
  assert.ok(await wanted.isChecked(), `${name}=${value} is checked`);
  assert.ok(await holdsFocus(wanted), `focus stays on the chosen radio ${name}=${value}`);
}

/** Tabs to a checkbox and ticks it with Space (leaves it ticked if it already is). */
export async function tick(page: Page, checkbox: Locator): Promise<void> {
  await tabTo(page, checkbox);
  if (!(await checkbox.isChecked())) await page.keyboard.press('Space');
  assert.ok(await checkbox.isChecked(), `${checkbox} is ticked`);
}

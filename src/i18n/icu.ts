import {
  isArgumentElement,
  isDateElement,
  isLiteralElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  type MessageFormatElement,
  parse,
} from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';

/** The names of the arguments a message uses (`{name}`, `{count, plural, …}`), nested ones too. */
export function messageArguments(message: string): Set<string> {
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (
        isArgumentElement(element) ||
        isNumberElement(element) ||
        isDateElement(element) ||
        isTimeElement(element)
      ) {
        names.add(element.value);
      } else if (isPluralElement(element) || isSelectElement(element)) {
        names.add(element.value);
        for (const option of Object.values(element.options)) visit(option.value);
      } else if (isTagElement(element)) {
        names.add(`<${element.value}>`);
        visit(element.children);
      }
    }
  };
  visit(parse(message));
  return names;
}

/** Rewrites the literal text of a message, leaving its arguments and syntax intact. */
export function mapLiteralText(message: string, rewrite: (text: string) => string): string {
  const visit = (elements: MessageFormatElement[]): MessageFormatElement[] =>
    elements.map((element) => {
      if (isLiteralElement(element)) return { ...element, value: rewrite(element.value) };
      if (isPluralElement(element) || isSelectElement(element)) {
        const options = Object.fromEntries(
          Object.entries(element.options).map(([key, option]) => [
            key,
            { ...option, value: visit(option.value) },
          ]),
        );
        return { ...element, options } as MessageFormatElement;
      }
      if (isTagElement(element)) return { ...element, children: visit(element.children) };
      return element;
    });
  return printAST(visit(parse(message)));
}

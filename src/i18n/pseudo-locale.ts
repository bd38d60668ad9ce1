import { mapLiteralText } from './icu.ts';

const accented: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ó',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ú',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ó',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Ú',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

/**
 * Turns an English message into its pseudo-localised form: every letter
 * accented, the whole wrapped in ⟦ ⟧ and padded by about a third, as longer
 * languages are. Arguments such as `{code}` are kept, so values still show.
 * Text on a page that has plain ASCII letters did not come from `locales/`.
 */
export function pseudoLocalise(message: string): string {
  const body = mapLiteralText(message, (text) =>
    text.replace(/[A-Za-z]/g, (ch) => accented[ch] ?? ch),
  );
  const padding = '~'.repeat(Math.ceil(message.length / 3));
  return `⟦${body}${padding}⟧`;
}

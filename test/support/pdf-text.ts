import { inflateSync } from 'node:zlib';

/*
 * The text of a PDF that pdfkit made, for tests: pdfkit sets text in
 * embedded fonts as glyph ids, with a ToUnicode map per font, and
 * compresses its streams. This reads exactly that much of PDF (objects,
 * Flate streams, `Tf` and `TJ`, `bfrange` arrays and `bfchar`), no more;
 * a PDF it cannot read fails the test that uses it.
 */

interface PdfObject {
  dictionary: string;
  stream?: Buffer;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const found = new Map<number, PdfObject>();
  for (const match of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2] as string;
    const at = body.indexOf('stream');
    if (at < 0) {
      found.set(Number(match[1]), { dictionary: body });
      continue;
    }
    const dictionary = body.slice(0, at);
    const start = body.indexOf('\n', at) + 1;
    const end = body.lastIndexOf('endstream');
    let stream = Buffer.from(body.slice(start, end).replace(/\r?\n$/, ''), 'latin1');
    if (/\/Filter\s*\/FlateDecode/.test(dictionary)) stream = inflateSync(stream);
    found.set(Number(match[1]), { dictionary, stream });
  }
  return found;
}

function hexUnits(hex: string): string {
  let out = '';
  for (let at = 0; at + 4 <= hex.length; at += 4) {
    out += String.fromCharCode(Number.parseInt(hex.slice(at, at + 4), 16));
  }
  return out;
}

function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const entry of (block[1] as string).matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
    )) {
      const first = Number.parseInt(entry[1] as string, 16);
      const target = entry[3] as string;
      if (target.startsWith('[')) {
        [...target.matchAll(/<([0-9a-fA-F ]*)>/g)].forEach((unit, index) => {
          map.set(first + index, hexUnits((unit[1] as string).replace(/ /g, '')));
        });
      } else {
        const last = Number.parseInt(entry[2] as string, 16);
        const base = Number.parseInt(target.slice(1, -1), 16);
        for (let code = first; code <= last; code++) {
          map.set(code, String.fromCharCode(base + code - first));
        }
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const entry of (block[1] as string).matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      map.set(Number.parseInt(entry[1] as string, 16), hexUnits(entry[2] as string));
    }
  }
  return map;
}

/** The text of every page, in the order it was set. */
export function pdfText(pdf: Buffer): string {
  const all = objects(pdf);
  const fonts = new Map<string, Map<number, string>>();
  let text = '';
  for (const object of all.values()) {
    if (!/\/Type\s*\/Page\b/.test(object.dictionary)) continue;
    const resources = /\/Resources\s+(\d+) 0 R/.exec(object.dictionary);
    const resourceText = resources
      ? (all.get(Number(resources[1]))?.dictionary ?? '')
      : object.dictionary;
    for (const font of resourceText.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)) {
      const fontObject = all.get(Number(font[2]));
      const cmapRef = /\/ToUnicode\s+(\d+) 0 R/.exec(fontObject?.dictionary ?? '');
      const cmap = cmapRef ? all.get(Number(cmapRef[1]))?.stream : undefined;
      if (cmap) fonts.set(font[1] as string, toUnicode(cmap.toString('latin1')));
    }
    const contents = /\/Contents\s+(\d+) 0 R/.exec(object.dictionary);
    const stream = contents ? all.get(Number(contents[1]))?.stream : undefined;
    if (!stream) continue;
    let current = new Map<number, string>();
    for (const op of stream
      .toString('latin1')
      .matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|\[((?:<[0-9a-fA-F]*>|[\s\d.-])*)\]\s*TJ|(ET)/g)) {
      if (op[1]) current = fonts.get(op[1]) ?? new Map();
      else if (op[3]) text += '\n';
      else {
        for (const hex of (op[2] as string).matchAll(/<([0-9a-fA-F]*)>/g)) {
          const glyphs = hex[1] as string;
          for (let at = 0; at + 4 <= glyphs.length; at += 4) {
            text += current.get(Number.parseInt(glyphs.slice(at, at + 4), 16)) ?? '\uFFFD';
          }
        }
      }
    }
  }
  return text;
}

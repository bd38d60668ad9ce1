import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { create, type Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import type { Locale } from '../../i18n/locales.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { ApplicationSummary } from '../apply-summary.ts';

/*
 * The summary as a PDF, made on the server with pdfkit (decision 0026).
 * Fonts come from the @fontsource/noto-sans package, whose files are cut
 * into Unicode subsets (latin, latin-ext, vietnamese, cyrillic, ...): a PDF
 * font cannot fall back from one file to another, so each line is split
 * into runs by the subset that holds each character, and each run is set
 * in its own font. pdfkit embeds only the glyphs used, so a summary stays
 * small. Chinese, Korean, Amharic and Arabic are not among these subsets
 * (and pdfkit does not order right-to-left text): in those languages the
 * PDF is in English, says why, and points to the summary page, which the
 * browser prints in any script.
 */

/** The languages whose script the fonts below can show. */
const pdfLocales: ReadonlySet<Locale> = new Set([
  'en',
  'es',
  'vi',
  'ru',
  'uk',
  'so',
  'tl',
  'en-XA',
]);

export function pdfCanShow(locale: Locale): boolean {
  return pdfLocales.has(locale);
}

const subsets = ['latin', 'latin-ext', 'vietnamese', 'cyrillic', 'cyrillic-ext', 'greek'] as const;
type Subset = (typeof subsets)[number];
const weights = ['400', '700'] as const;
type Weight = (typeof weights)[number];

interface Fonts {
  /**
   * Parsed once and shared by every PDF: pdfkit takes a fontkit font as
   * well as a file, and parsing a font for each document (and laying out
   * its first line) cost ~30 ms a font, most of a summary's time.
   */
  files: Map<string, Font>;
  /** For each subset, its Unicode ranges as [first, last] code points. */
  ranges: Map<Subset, [number, number][]>;
}

/**
 * A WOFF 1.0 file as the TrueType/OpenType file it wraps
 * (https://www.w3.org/TR/WOFF/, "WOFF File", "Table Directory"): each table
 * inflated once, here, with node's zlib. fontkit reads WOFF itself, but
 * inflates tables in JavaScript on every read, each time a PDF embeds a
 * subset: over a second a summary.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 file');
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let index = 0; index < numTables; index++) {
    const at = 44 + index * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compressed = woff.readUInt32BE(at + 8);
    const original = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compressed);
    tables.push({
      tag: woff.readUInt32BE(at),
      checksum: woff.readUInt32BE(at + 16),
      data: compressed < original ? inflateSync(raw) : raw,
    });
  }
  const padded = (length: number) => (length + 3) & ~3;
  let size = 12 + 16 * numTables;
  for (const table of tables) size += padded(table.data.length);
  const sfnt = Buffer.alloc(size);
  sfnt.writeUInt32BE(woff.readUInt32BE(4), 0);
  sfnt.writeUInt16BE(numTables, 4);
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  sfnt.writeUInt16BE(searchRange, 6);
  sfnt.writeUInt16BE(entrySelector, 8);
  sfnt.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = 12 + 16 * numTables;
  tables.forEach((table, index) => {
    const at = 12 + index * 16;
    sfnt.writeUInt32BE(table.tag, at);
    sfnt.writeUInt32BE(table.checksum, at + 4);
    sfnt.writeUInt32BE(offset, at + 8);
    sfnt.writeUInt32BE(table.data.length, at + 12);
    table.data.copy(sfnt, offset);
    offset += padded(table.data.length);
  });
  return sfnt;
}

let loaded: Fonts | undefined;

/** Reads the font files once, on the first PDF. */
function fonts(): Fonts {
  if (loaded) return loaded;
  // The package's exports map every path to a stylesheet; its files sit beside LICENSE.
  const root = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans/LICENSE'));
  const unicode = JSON.parse(readFileSync(join(root, 'unicode.json'), 'utf8')) as Record<
    string,
    string
  >;
  const files = new Map<string, Font>();
  const ranges = new Map<Subset, [number, number][]>();
  for (const subset of subsets) {
    for (const weight of weights) {
      const font = create(
        woffToSfnt(readFileSync(join(root, 'files', `noto-sans-${subset}-${weight}-normal.woff`))),
      );
      if (!('layout' in font)) throw new Error(`noto-sans ${subset} ${weight} is a collection`);
      files.set(`${subset}-${weight}`, font);
    }
    ranges.set(
      subset,
      (unicode[subset] ?? '').split(',').map((range) => {
        const [first, last] = range.replace(/U\+/g, '').split('-');
        const start = Number.parseInt(first ?? '', 16);
        return [start, last === undefined ? start : Number.parseInt(last, 16)];
      }),
    );
  }
  loaded = { files, ranges };
  return loaded;
}

/** Replaces what no font here can show. */
const missing = '\uFFFD';

function subsetOf(ranges: Fonts['ranges'], codePoint: number): Subset | undefined {
  for (const subset of subsets) {
    for (const [first, last] of ranges.get(subset) ?? []) {
      if (codePoint >= first && codePoint <= last) return subset;
    }
  }
  return undefined;
}

/** The text as runs of one subset each. */
export function fontRuns(text: string): { subset: Subset; text: string }[] {
  const { ranges } = fonts();
  const runs: { subset: Subset; text: string }[] = [];
  // Precomposed characters where they exist (Vietnamese), so one glyph is one
  // character; compatibility forms (full-width brackets in a translation) as plain ones.
  for (const character of text.normalize('NFKC')) {
    const codePoint = character.codePointAt(0) ?? 0;
    const found = subsetOf(ranges, codePoint);
    const subset = found ?? 'latin';
    const shown = found ? character : missing;
    const last = runs.at(-1);
    // Strictly by range: only the latin file holds spaces, digits and punctuation.
    if (last && last.subset === subset) {
      last.text += shown;
    } else {
      runs.push({ subset, text: shown });
    }
  }
  return runs;
}

export interface Style {
  size: number;
  weight?: Weight;
  color?: string;
  gap?: number;
  indent?: number;
}

export interface SummaryPdfOptions {
  /** A note printed first, when the PDF is not in the person's own language. */
  note?: string;
  /** For tests: leave the page streams uncompressed so their text can be read. */
  compress?: boolean;
}

/** Where text goes in a PDF being written: `write` lays out and wraps one paragraph. */
export interface PdfWriter {
  document: PDFKit.PDFDocument;
  write(text: string, style: Style): void;
  /** Finishes the document and resolves with its bytes. */
  end(): Promise<Buffer>;
}

/**
 * A LETTER-size PDF in the translator's language with Belong's fonts, and a
 * `write` that sets a paragraph in them (see `pdfCanShow` for the scripts
 * they cover). The summary and the decision letter are both written with it.
 */
export function createPdfWriter(
  t: Translator,
  title: string,
  options: { compress?: boolean } = {},
): PdfWriter {
  const { files } = fonts();
  const document = new PDFDocument({
    size: 'LETTER',
    margin: 54,
    compress: options.compress ?? true,
    lang: t.locale === 'en-XA' ? 'en' : t.locale,
    displayTitle: true,
    info: { Title: title, Creator: 'Belong' },
    pdfVersion: '1.7',
  });
  for (const [name, font] of files) {
    // pdfkit's types name only files; its PDFFontFactory.open takes a fontkit font too.
    document.registerFont(name, font as unknown as Buffer);
  }
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });

  /** Width of `text` set in `weight` at `size`, run by run; each word is laid out once. */
  const widths = new Map<string, number>();
  const widthOf = (text: string, weight: Weight, size: number) => {
    const key = `${weight} ${size} ${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      width = 0;
      for (const run of fontRuns(text)) {
        width += document.font(`${run.subset}-${weight}`).fontSize(size).widthOfString(run.text);
      }
      widths.set(key, width);
    }
    return width;
  };

  /*
   * Lines are broken here, at spaces, rather than by pdfkit: it wraps each
   * run on its own, so a word set in two fonts (Vietnamese letters sit in
   * their own file) could break in the middle. A line's width is the sum of
   * its words' (kerning across a space is nil in practice).
   */
  const linesOf = (text: string, weight: Weight, size: number, width: number): string[] => {
    const lines: string[] = [];
    let line = '';
    let lineWidth = 0;
    for (const word of text.split(/(?<= )/)) {
      const wordWidth = widthOf(word.trimEnd(), weight, size);
      const spaceWidth = word.endsWith(' ') ? widthOf(' ', weight, size) : 0;
      if (line !== '' && lineWidth + wordWidth > width) {
        lines.push(line.trimEnd());
        line = '';
        lineWidth = 0;
      }
      line += word;
      lineWidth += wordWidth + spaceWidth;
    }
    lines.push(line.trimEnd());
    return lines;
  };

  const write = (text: string, style: Style) => {
    const weight = style.weight ?? '400';
    const x = document.page.margins.left + (style.indent ?? 0);
    const width = document.page.width - document.page.margins.right - x;
    document.fillColor(style.color ?? '#1b1b1b');
    const lineHeight = style.size * 1.35;
    for (const line of linesOf(text, weight, style.size, width)) {
      if (document.y + lineHeight > document.page.height - document.page.margins.bottom) {
        document.addPage();
      }
      const top = document.y;
      const runs = fontRuns(line);
      runs.forEach((run, index) => {
        document.font(`${run.subset}-${weight}`).fontSize(style.size);
        const continued = index < runs.length - 1;
        if (index === 0) document.text(run.text, x, top, { lineBreak: false, continued });
        else document.text(run.text, { lineBreak: false, continued });
      });
      document.x = document.page.margins.left;
      document.y = top + lineHeight;
    }
    document.moveDown(style.gap ?? 0.2);
  };

  return {
    document,
    write,
    end: () => {
      document.end();
      return done;
    },
  };
}

/** The summary as PDF bytes, in the translator's language. */
export async function summaryPdf(
  t: Translator,
  summary: ApplicationSummary,
  options: SummaryPdfOptions = {},
): Promise<Buffer> {
  const { document, write, end } = createPdfWriter(
    t,
    `${t.t('documents.title')}: ${summary.program}`,
    options.compress === undefined ? {} : { compress: options.compress },
  );
  if (options.note) {
    write(options.note, { size: 10, weight: '700', color: '#8b0a03', gap: 0.8 });
  }
  write(t.t('documents.title'), { size: 20, weight: '700', gap: 0.4 });
  write(`${t.t('documents.programLabel')}: ${summary.program}`, { size: 12 });
  write(`${t.t('documents.referenceLabel')}: ${summary.reference ?? t.t('documents.notSent')}`, {
    size: 12,
    weight: summary.reference ? '700' : '400',
  });
  write(t.t('documents.madeOn', { date: summary.madeOn }), { size: 9, color: '#565c65', gap: 1 });

  write(t.t('documents.documentsTitle'), { size: 15, weight: '700', gap: 0.3 });
  if (summary.documents.length === 0) {
    write(t.t('documents.none'), { size: 11, gap: 0.8 });
  } else {
    write(t.t('documents.documentsLead'), { size: 11, gap: 0.5 });
    for (const item of summary.documents) {
      // A box to tick at the clinic, drawn rather than typed: no font needed.
      document
        .lineWidth(0.8)
        .rect(document.page.margins.left, document.y + 2, 9, 9)
        .stroke('#1b1b1b');
      write(item.label, { size: 11, weight: '700', indent: 16, gap: 0.1 });
      if (item.hint) write(item.hint, { size: 10, indent: 16, gap: 0.1 });
      write(t.t('documents.source', { source: item.source }), {
        size: 8,
        color: '#565c65',
        indent: 16,
        gap: 0.6,
      });
    }
  }

  write(t.t('documents.answersTitle'), { size: 15, weight: '700', gap: 0.3 });
  for (const group of summary.groups) {
    write(group.title, { size: 12, weight: '700', gap: 0.2 });
    for (const row of group.rows) {
      // A page that asks one thing has its question as its title: say it once.
      if (row.question !== group.title) {
        write(row.question, { size: 9, color: '#565c65', indent: 8, gap: 0 });
      }
      write(row.answer, { size: 11, indent: 8, gap: 0.4 });
    }
    document.moveDown(0.3);
  }
  return end();
}

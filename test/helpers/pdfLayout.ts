import { execFileSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { delimiter, join } from 'path';
import { inflateSync } from 'zlib';

/** A program on the PATH, or undefined (tests that need it skip cleanly). */
export function onPath(cmd: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map((d) => join(d, cmd))
    .find((p) => existsSync(p));
}

export interface PdfWord {
  readonly page: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly text: string;
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly words: PdfWord[];
}

/**
 * Every word of a PDF with its box (points), page by page, as poppler's `pdftotext -bbox` finds
 * them. A word's height is close to its font size (within a few per cent for the fonts LibreOffice
 * and Chromium embed here), which is what "no text smaller than …" is checked with.
 */
export function pdfPages(pdf: string): PdfPage[] {
  const out = execFileSync(onPath('pdftotext') as string, ['-enc', 'UTF-8', '-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const pages: PdfPage[] = [];
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  for (const m of out.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words: PdfWord[] = [];
    for (const w of m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ page: pages.length + 1, x0: Number(w[1]), y0: Number(w[2]), x1: Number(w[3]), y1: Number(w[4]), text: unescape(w[5]).normalize('NFC') });
    }
    pages.push({ width: Number(m[1]), height: Number(m[2]), words });
  }
  return pages;
}

/** The smallest word height on these pages (≈ the smallest font size, in points). */
export function smallestText(pages: ReadonlyArray<PdfPage>): { height: number; word?: PdfWord } {
  let best: { height: number; word?: PdfWord } = { height: Infinity };
  for (const p of pages) for (const w of p.words) if (w.y1 - w.y0 < best.height) best = { height: w.y1 - w.y0, word: w };
  return best;
}

/**
 * Pairs of words whose boxes overlap by more than a quarter of the smaller one: wrapped text
 * running into the next row, a label printed over a number. Words of one line never do.
 */
export function overlappingWords(pages: ReadonlyArray<PdfPage>): string[] {
  const found: string[] = [];
  for (const p of pages) {
    // Sorted by top edge: only words whose vertical ranges meet are compared.
    const words = [...p.words].sort((a, b) => a.y0 - b.y0);
    for (let i = 0; i < words.length; i++) {
      const a = words[i];
      for (let j = i + 1; j < words.length && words[j].y0 < a.y1; j++) {
        const b = words[j];
        const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        if (w <= 0 || h <= 0) continue;
        const smaller = Math.min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0));
        if (w * h > 0.25 * smaller) found.push(`page ${p.words[0]?.page}: "${a.text}" over "${b.text}"`);
      }
    }
  }
  return found;
}

/** The text of one page, words joined by spaces. */
export function pageText(page: PdfPage): string {
  return page.words.map((w) => w.text).join(' ');
}

/**
 * The size (points) of every run of text a PDF shows, read from its page content streams: the
 * font size of `Tf` scaled by the text matrix (`Tm`) and the graphics matrix (`cm`, through
 * `q`/`Q`), as a printer draws it. Exact where word boxes are not (a box's height is the font's
 * ascent and descent, some 15–20 % more than its size). Streams that are not Flate-compressed
 * content (images, fonts) are passed over; text in form XObjects is not seen (neither LibreOffice
 * nor Chromium puts any there).
 */
export function pdfTextSizes(pdf: string): { size: number; text: string }[] {
  const bytes = readFileSync(pdf);
  const raw = bytes.toString('latin1');
  const out: { size: number; text: string }[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = (m.index as number) + m[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(bytes.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    if (!/\bT[fj]\b|TJ/.test(content)) continue;
    showSizes(content, out);
  }
  return out;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const scaleOf = (m: Matrix) => Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));

function showSizes(content: string, out: { size: number; text: string }[]): void {
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let tm: Matrix = IDENTITY;
  let font = 0;
  const operands: string[] = [];
  for (const t of content.matchAll(/\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|\[|\]|\/[^\s/[\]()<>]+|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*]+\d?\*?/g)) {
    const tok = t[0];
    if (/^[-+]?[\d.]/.test(tok) || tok.startsWith('/') || tok.startsWith('(') || tok.startsWith('<') || tok === '[' || tok === ']') {
      operands.push(tok);
      continue;
    }
    const nums = operands.filter((o) => /^[-+]?[\d.]/.test(o)).map(Number);
    const six = nums.slice(-6) as Matrix;
    switch (tok) {
      case 'q':
        stack.push(ctm);
        break;
      case 'Q':
        ctm = stack.pop() ?? IDENTITY;
        break;
      case 'cm':
        if (six.length === 6) ctm = times(six, ctm);
        break;
      case 'BT':
        tm = IDENTITY;
        break;
      case 'Tm':
        if (six.length === 6) tm = six;
        break;
      case 'Tf':
        font = nums[nums.length - 1] ?? font;
        break;
      case 'Tj':
      case 'TJ':
      case "'":
      case '"': {
        const shown = operands.filter((o) => o.startsWith('<') || o.startsWith('(')).join('');
        if (shown.replace(/[<>()\s]/g, '') !== '') out.push({ size: Math.round(font * scaleOf(tm) * scaleOf(ctm) * 100) / 100, text: shown.slice(0, 40) });
        break;
      }
    }
    operands.length = 0;
  }
}

import { execFileSync } from 'child_process';
import { existsSync } from 'fs';
import { delimiter, join } from 'path';

/** A program on the PATH, or undefined (tests that need it skip cleanly). */
export function onPath(cmd: string): string | undefined {
  return (process.env.PATH ?? '').split(delimiter).map((d) => join(d, cmd)).find((p) => existsSync(p));
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
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
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

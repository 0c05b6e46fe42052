/**
 * Makes the "everyday template" workbooks in samples/everyday/ and samples/everyday/expected.json.
 *
 *   npx ts-node --transpile-only scripts/make-everyday-samples.ts
 *   (also run at the end of `npm run samples`)
 *
 * The forms every Vietnamese public office uses (DOMAIN.md, "Everyday templates"): plan /
 * done / comparison columns, cumulative periods, a monthly series, breakdown rows, grouped
 * headers with units in rows, text and tables around the data, spelling without diacritics
 * and numbers typed as text. Each workbook is written by ExcelJS or by openpyxl
 * (scripts/make-everyday-samples-openpyxl.py), some are opened and saved again by LibreOffice.
 *
 * Every figure is defined once, below. The same definitions give the cells written and the
 * statuses in expected.json: this file is the oracle, and it shares no code with the reader
 * (src/tables, src/evaluate). After writing, each workbook is read back by ExcelJS and by
 * openpyxl and every intended cell compared; any difference stops the script.
 *
 * Needs python3 with openpyxl (PYTHON=…) and LibreOffice (SOFFICE=…). Without openpyxl the
 * openpyxl workbooks are written by ExcelJS instead; without LibreOffice the re-save is
 * skipped; expected.json is the same either way, and the script says what it did.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { findSoffice, resaveWithLibreOffice } from './libreOffice';
import { IndicatorKey as Key, RuleId, Target, TARGETS } from './sampleTargets';

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'samples', 'everyday');
const PY_HELPER = path.join(__dirname, 'make-everyday-samples-openpyxl.py');

// ───────────────────────────── values as people type them ─────────────────────────────

/** What one input cell holds. */
type Input =
  | { kind: 'number'; value: number }
  | { kind: 'text'; text: string }
  | { kind: 'blank' }
  | { kind: 'error'; error: string }
  /** A formula with the result Excel would cache (undefined: written without a cached result). */
  | { kind: 'formula'; formula: string; result: number | undefined };

const num = (value: number): Input => ({ kind: 'number', value });
const txt = (text: string): Input => ({ kind: 'text', text });
const BLANK: Input = { kind: 'blank' };
const err = (error: string): Input => ({ kind: 'error', error });
const NBSP = '\u00a0';

/**
 * The number a careful person reads in an input, or null for no data. Vietnamese text numbers:
 * `1.234`, `1 234`, `1\u00a0234` (thousands) and `12,5` / `1.245,6` (decimal comma). A blank,
 * an error value or words (`chưa thống kê`) are no data.
 */
function numericValue(input: Input): number | null {
  if (input.kind === 'number') return input.value;
  if (input.kind === 'formula') return input.result ?? null;
  if (input.kind !== 'text') return null;
  const s = input.text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(-?\d{1,3}(?:\.\d{3})+)(,\d+)?$/.exec(s))) return Number(m[1].replace(/\./g, '') + (m[2] ?? '').replace(',', '.'));
  if ((m = /^(-?\d{1,3}(?:[ \u00a0]\d{3})+)(,\d+)?$/.exec(s))) return Number(m[1].replace(/[ \u00a0]/g, '') + (m[2] ?? '').replace(',', '.'));
  if (/^-?\d+(,\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  return null;
}

/** `-7.0720` → `-7,07`. */
function viDecimal(x: number, digits: number): string {
  return x.toFixed(digits).replace('.', ',');
}
/** 1234 → `1.234`, `1 234` or `1\u00a0234`. */
function viThousands(n: number, sep: '.' | ' ' | typeof NBSP): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

// ───────────────────────────── the default pack's targets ─────────────────────────────

interface Located {
  ref: string;
  input: Input;
}
interface Figure {
  cur: Located;
  base?: Located;
}
interface UnitFigures {
  unit: string;
  figures: Partial<Record<Key, Figure>>;
  /** The text of the plan cell where the workbook states its own target for a rule. */
  pledged: Partial<Record<RuleId, string>>;
}

type Status = 'met' | 'shortfall' | 'no-data';
interface Expectation {
  ruleId: string;
  unit: string;
  status: Status;
  actual: number | null;
  cells: string[];
  sheet: string;
  pledgedInWorkbook?: string;
}

const round9 = (x: number): number => Math.round(x * 1e9) / 1e9;

/** Two decimals, half away from zero; refuses ties so no implementation can round differently. */
function round2(x: number, what: string): number {
  const scaled = Math.abs(x) * 100;
  const frac = scaled - Math.floor(scaled);
  if (Math.abs(frac - 0.5) < 1e-6) throw new Error(`${what}: ${x} is a rounding tie; change the sample numbers`);
  const r = (Math.sign(x) * Math.round(scaled)) / 100;
  return r === 0 ? 0 : r;
}

function evaluate(target: Target, u: UnitFigures, sheet: string): Expectation | undefined {
  const f = u.figures;
  let value: number | null;
  let cells: string[];
  let pass: (v: number) => boolean;
  if (target.kind === 'change' || target.kind === 'count') {
    const fig = f[target.of];
    if (!fig) return undefined;
    cells = [fig.cur.ref];
    const cur = numericValue(fig.cur.input);
    if (target.kind === 'count') value = cur;
    else {
      if (!fig.base) return undefined; // no same-period figure: the workbook cannot answer a change
      const base = numericValue(fig.base.input);
      // The baseline cell is an input too; list it when it is the one that is missing.
      if (cur !== null && (base === null || base === 0)) cells.push(fig.base.ref);
      value = cur === null || base === null || base === 0 ? null : ((cur - base) / base) * 100;
    }
    const limit = target.atMost;
    pass = (v) => v <= limit;
  } else {
    const n = f[target.num];
    const d = f[target.den];
    if (!n || !d) return undefined;
    cells = [n.cur.ref, d.cur.ref];
    const a = numericValue(n.cur.input);
    const b = numericValue(d.cur.input);
    value = a === null || b === null || b === 0 ? null : (a / b) * 100;
    const limit = target.atLeast;
    pass = (v) => v >= limit;
  }
  const pledged = u.pledged[target.ruleId];
  const extra = pledged !== undefined ? { pledgedInWorkbook: pledged } : {};
  if (value === null) return { ruleId: target.ruleId, unit: u.unit, status: 'no-data', actual: null, cells, sheet, ...extra };
  const v = round9(value);
  return {
    ruleId: target.ruleId,
    unit: u.unit,
    status: pass(v) ? 'met' : 'shortfall',
    actual: round2(v, `${u.unit} ${target.ruleId}`),
    cells,
    sheet,
    ...extra,
  };
}

// ───────────────────────────── a workbook described as data ─────────────────────────────

type SpecValue = number | string | null | { formula: string; result?: number | string | { error: string } } | { error: string };

interface CellStyle {
  font?: { name?: string; size?: number; bold?: boolean; italic?: boolean; underline?: boolean };
  alignment?: { horizontal?: 'left' | 'center' | 'right'; vertical?: 'top' | 'middle' | 'bottom'; wrapText?: boolean };
  border?: boolean;
  numFmt?: string;
}
interface CellSpec {
  ref: string;
  value?: SpecValue;
  style?: CellStyle;
}
interface SheetSpec {
  name: string;
  cells: CellSpec[];
  merges: string[];
  widths: number[];
  heights: Record<number, number>;
  hiddenRows: number[];
  hiddenCols: number[];
  freeze?: string;
  page: { orientation: 'portrait' | 'landscape'; printTitleRows?: string };
}
interface WorkbookSpec {
  properties: { creator: string; title: string; created: string };
  sheets: SheetSpec[];
  /** Index of the sheet that is open when the file is opened. */
  activeSheet?: number;
}

const FONT = 'Times New Roman';
const S = {
  text: { font: { name: FONT, size: 12 } } as CellStyle,
  bold: { font: { name: FONT, size: 12, bold: true } } as CellStyle,
  italic: { font: { name: FONT, size: 12, italic: true } } as CellStyle,
  centerBold: { font: { name: FONT, size: 12, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } } as CellStyle,
  center: { font: { name: FONT, size: 12 }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } } as CellStyle,
  centerItalic: { font: { name: FONT, size: 12, italic: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } } as CellStyle,
  title: { font: { name: FONT, size: 14, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } } as CellStyle,
  para: { font: { name: FONT, size: 12 }, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } } as CellStyle,
  label: { font: { name: FONT, size: 12 }, alignment: { vertical: 'middle', wrapText: true } } as CellStyle,
  labelBold: { font: { name: FONT, size: 12, bold: true }, alignment: { vertical: 'middle', wrapText: true } } as CellStyle,
};
const boxed = (base: CellStyle, extra: Partial<CellStyle> = {}): CellStyle => ({ ...base, ...extra, border: true });
const numStyle = (numFmt?: string, bold = false): CellStyle =>
  boxed({ font: { name: FONT, size: 12, bold }, alignment: { horizontal: 'right', vertical: 'middle' }, numFmt });

function colLetter(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
function colIndex(letters: string): number {
  return letters.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

class SheetBuilder {
  readonly spec: SheetSpec;
  constructor(name: string, widths: number[], orientation: 'portrait' | 'landscape') {
    this.spec = { name, cells: [], merges: [], widths, heights: {}, hiddenRows: [], hiddenCols: [], page: { orientation } };
  }
  set(ref: string, value: SpecValue | undefined, style?: CellStyle): void {
    this.spec.cells.push({ ref, value, style });
  }
  /** A value in the top-left cell of a range, borders on every cell of it, and the merge. */
  mergeSet(range: string, value: SpecValue, style?: CellStyle): void {
    const [a, b] = range.split(':');
    const ma = /^([A-Z]+)(\d+)$/.exec(a)!;
    const mb = /^([A-Z]+)(\d+)$/.exec(b)!;
    for (let r = Number(ma[2]); r <= Number(mb[2]); r++) {
      for (let c = colIndex(ma[1]); c <= colIndex(mb[1]); c++) {
        const ref = `${colLetter(c)}${r}`;
        this.set(ref, ref === a ? value : undefined, style);
      }
    }
    this.spec.merges.push(range);
  }
  height(row: number, h: number): void {
    this.spec.heights[row] = h;
  }
}

/**
 * Gives rows with wrapped text in unmerged cells the height Excel's AutoFit would (no writer
 * measures text), so the printed page does not overlap. Rough: 1.4 characters of Times New Roman
 * per width unit, 16 pt a line. Rows with a height already set keep it.
 */
function fitRowHeights(sheet: SheetSpec): void {
  const merged = new Set(sheet.merges.map((m) => m.split(':')[0]));
  const lines = new Map<number, number>();
  for (const c of sheet.cells) {
    if (typeof c.value !== 'string' || !c.style?.alignment?.wrapText || merged.has(c.ref)) continue;
    const m = /^([A-Z]+)(\d+)$/.exec(c.ref)!;
    const width = sheet.widths[colIndex(m[1]) - 1] ?? 9;
    const perLine = width * ((c.style.font?.size ?? 12) <= 11 ? 1.5 : 1.4) * (c.style.font?.bold ? 0.9 : 1);
    const n = Math.ceil(c.value.length / perLine);
    const row = Number(m[2]);
    lines.set(row, Math.max(lines.get(row) ?? 1, n));
  }
  for (const [row, n] of lines) if (n > 1 && sheet.heights[row] === undefined) sheet.heights[row] = 16 * n + 2;
}

function inputValue(input: Input): SpecValue {
  switch (input.kind) {
    case 'number':
      return input.value;
    case 'text':
      return input.text;
    case 'blank':
      return null;
    case 'error':
      return { error: input.error };
    case 'formula':
      return { formula: input.formula, result: input.result };
  }
}

/** The letterhead every official document carries (merged, two blocks). */
function letterhead(b: SheetBuilder, left: string[], right: string[], place: string, leftCols: string, rightCols: string): void {
  const [l0, l1] = leftCols.split(':');
  const [r0, r1] = rightCols.split(':');
  const letter: CellStyle = { font: { name: FONT, size: 12 }, alignment: { horizontal: 'center' } };
  left.forEach((t, i) => {
    b.set(`${l0}${i + 1}`, t, { ...letter, font: { name: FONT, size: 12, bold: i > 0 } });
    b.spec.merges.push(`${l0}${i + 1}:${l1}${i + 1}`);
  });
  right.forEach((t, i) => {
    b.set(`${r0}${i + 1}`, t, { ...letter, font: { name: FONT, size: 12, bold: true, underline: i === 1 } });
    b.spec.merges.push(`${r0}${i + 1}:${r1}${i + 1}`);
  });
  b.set(`${r0}3`, place, { ...letter, font: { name: FONT, size: 12, italic: true } });
  b.spec.merges.push(`${r0}3:${r1}3`);
}

/** Nơi nhận + signature block under a table. */
function signature(b: SheetBuilder, row: number, leftCol: string, signCols: string, recipients: string[], sign: string[]): void {
  const [s0, s1] = signCols.split(':');
  b.set(`${leftCol}${row}`, 'Nơi nhận:', { font: { name: FONT, size: 12, bold: true, italic: true } });
  recipients.forEach((t, i) => b.set(`${leftCol}${row + 1 + i}`, t, { font: { name: FONT, size: 11 } }));
  sign.forEach((t, i) => {
    const style: CellStyle = i === sign.length - 1 || i < 2 ? S.centerBold : S.centerItalic;
    b.set(`${s0}${row + i}`, t, style);
    b.spec.merges.push(`${s0}${row + i}:${s1}${row + i}`);
  });
}

// ───────────────────────────── one-unit tables (layout A) ─────────────────────────────

type AColKind = 'stt' | 'label' | 'uom' | 'plan' | 'cur' | 'base' | 'diff' | 'ratio' | 'change' | 'self' | 'note' | 'month' | 'part';
interface ACol {
  kind: AColKind;
  header: string;
  width: number;
  /** month: which month; part: which predecessor. */
  index?: number;
  hidden?: boolean;
}
interface ASection {
  roman: string;
  section: string;
}
interface AIndicator {
  stt?: number | string;
  label: string;
  uom?: string;
  key?: Key;
  cur?: Input;
  base?: Input;
  /** Monthly figures (the current cell is then their SUM). */
  months?: number[];
  /** The baseline split by predecessor units (the baseline cell is then their sum). */
  parts?: number[];
  plan?: number | string;
  planFmt?: string;
  /** The rule this row's plan cell states a target for. */
  pledgeFor?: RuleId;
  self?: string;
  note?: string;
  money?: boolean;
  /** Values are rates stored as fractions (a "Tỷ lệ" row). */
  fraction?: boolean;
}
type ARow = ASection | AIndicator;

interface ATableOptions {
  top: number;
  left: number;
  cols: ACol[];
  rows: ARow[];
  /** ExcelJS files get formulas with cached results; openpyxl files typed values. */
  formulas: boolean;
  /** How the "change" column is written. */
  changeAs?: 'fraction' | 'number1' | 'text';
  /** How the "ratio" column is written. */
  ratioAs?: 'fraction' | 'number1';
  /** How "diff" is written when typed. */
  headerHeight?: number;
  numFmtCount?: string;
}

/** A plan cell's text as it reads (a number with a % format reads "80%"). */
function planText(plan: number | string, fmt?: string): string {
  if (typeof plan === 'string') return plan;
  if (fmt && fmt.includes('%')) return `${round9(plan * 100)}%`;
  return fmt && fmt.includes('#,##0') ? viThousands(plan, '.') : String(plan);
}

function writeATable(b: SheetBuilder, unit: string, o: ATableOptions): { unit: UnitFigures; lastRow: number } {
  const L = (i: number) => colLetter(o.left + i);
  const colOf = (kind: AColKind, index?: number) => {
    const i = o.cols.findIndex((c) => c.kind === kind && (index === undefined || c.index === index));
    return i < 0 ? undefined : L(i);
  };
  o.cols.forEach((c, i) => {
    b.set(`${L(i)}${o.top}`, c.header, boxed(S.centerBold));
    if (c.hidden) b.spec.hiddenCols.push(o.left + i);
  });
  b.height(o.top, o.headerHeight ?? 48);
  const countFmt = o.numFmtCount ?? '#,##0';
  const figures: Partial<Record<Key, Figure>> = {};
  const pledged: Partial<Record<RuleId, string>> = {};
  let r = o.top + 1;
  for (const row of o.rows) {
    if ('section' in row) {
      o.cols.forEach((c, i) => {
        const ref = `${L(i)}${r}`;
        if (c.kind === 'stt') b.set(ref, row.roman, boxed(S.centerBold));
        else if (c.kind === 'label') b.set(ref, row.section, boxed(S.labelBold));
        else b.set(ref, null, boxed(S.text));
      });
      r++;
      continue;
    }
    const fmt = row.fraction ? '0.00%' : row.money ? '#,##0.00' : countFmt;
    const curCol = colOf('cur');
    const baseCol = colOf('base');
    let cur: Input = row.cur ?? BLANK;
    let base: Input = row.base ?? BLANK;
    if (row.months) {
      const first = colOf('month', 1)!;
      const last = colOf('month', row.months.length)!;
      const sum = row.months.reduce((a, x) => a + x, 0);
      cur = o.formulas ? { kind: 'formula', formula: `SUM(${first}${r}:${last}${r})`, result: sum } : num(sum);
    }
    if (row.parts) {
      const sum = round9(row.parts.reduce((a, x) => a + x, 0));
      const refs = row.parts.map((_, k) => `${colOf('part', k + 1)}${r}`);
      base = o.formulas ? { kind: 'formula', formula: refs.join('+'), result: sum } : num(sum);
    }
    const c = numericValue(cur);
    const p = numericValue(base);
    const bothNumbers = (cur.kind === 'number' || cur.kind === 'formula') && (base.kind === 'number' || base.kind === 'formula');
    o.cols.forEach((col, i) => {
      const ref = `${L(i)}${r}`;
      switch (col.kind) {
        case 'stt':
          b.set(ref, row.stt ?? null, boxed(S.center));
          break;
        case 'label':
          b.set(ref, row.label, boxed(S.label));
          break;
        case 'uom':
          b.set(ref, row.uom ?? null, boxed(S.center));
          break;
        case 'plan':
          b.set(ref, row.plan ?? null, boxed(S.center, row.planFmt ? { numFmt: row.planFmt } : {}));
          break;
        case 'cur':
          b.set(ref, inputValue(cur), numStyle(fmt));
          break;
        case 'base':
          b.set(ref, inputValue(base), numStyle(fmt));
          break;
        case 'month':
          b.set(ref, row.months ? row.months[col.index! - 1] : null, numStyle(fmt));
          break;
        case 'part':
          b.set(ref, row.parts ? row.parts[col.index! - 1] : null, numStyle(fmt));
          break;
        case 'diff': {
          // So sánh (+/-): current minus baseline.
          let v: SpecValue = null;
          if (c !== null && p !== null) {
            const d = round9(c - p);
            v = o.formulas && bothNumbers ? { formula: `${curCol}${r}-${baseCol}${r}`, result: d } : d;
          }
          b.set(ref, v, numStyle(row.fraction ? '+0.00%;-0.00%;0' : row.money ? '+#,##0.00;-#,##0.00;0' : '+#,##0;-#,##0;0'));
          break;
        }
        case 'ratio': {
          // Tỷ lệ %: current as a share of the baseline.
          let v: SpecValue = null;
          if (c !== null && p !== null && !row.fraction) {
            if (o.formulas && bothNumbers) v = { formula: `${curCol}${r}/${baseCol}${r}`, result: p === 0 ? { error: '#DIV/0!' } : c / p };
            else if (p !== 0) v = o.ratioAs === 'number1' ? Math.round((c / p) * 1000) / 10 : Math.round((c / p) * 1000) / 1000;
          }
          b.set(ref, v, numStyle(o.ratioAs === 'number1' ? '0.0' : '0.0%'));
          break;
        }
        case 'change': {
          // Tăng, giảm %: rounded as the clerk rounds it, never the figure.
          let v: SpecValue = null;
          if (c !== null && p !== null) {
            if (row.fraction) v = o.changeAs === 'text' ? `${c - p >= 0 ? '+' : ''}${viDecimal((c - p) * 100, 1)} điểm %` : round9(c - p);
            else if (p === 0) v = o.formulas && bothNumbers ? { formula: `(${curCol}${r}-${baseCol}${r})/${baseCol}${r}`, result: { error: '#DIV/0!' } } : null;
            else {
              const ch = (c - p) / p;
              if (o.formulas && bothNumbers) v = { formula: `(${curCol}${r}-${baseCol}${r})/${baseCol}${r}`, result: ch };
              else if (o.changeAs === 'number1') v = Math.round(ch * 1000) / 10;
              else if (o.changeAs === 'text') v = `${ch < 0 ? 'giảm' : 'tăng'} ${viDecimal(Math.abs(ch) * 100, 1)}%`;
              else v = Math.round(ch * 1000) / 1000;
            }
          }
          b.set(ref, v, numStyle(o.changeAs === 'number1' ? '+0.0;-0.0;0' : o.changeAs === 'text' ? undefined : '0.0%'));
          break;
        }
        case 'self':
          b.set(ref, row.self ?? null, boxed(S.center));
          break;
        case 'note':
          b.set(ref, row.note ?? null, boxed({ font: { name: FONT, size: 11, italic: true }, alignment: { vertical: 'middle', wrapText: true } }));
          break;
      }
    });
    if (row.key && curCol)
      figures[row.key] = { cur: { ref: `${curCol}${r}`, input: cur }, ...(baseCol ? { base: { ref: `${baseCol}${r}`, input: base } } : {}) };
    if (row.pledgeFor && row.plan !== undefined) pledged[row.pledgeFor] = planText(row.plan, row.planFmt);
    r++;
  }
  return { unit: { unit, figures, pledged }, lastRow: r - 1 };
}

// ───────────────────────────── units in rows (layout C) ─────────────────────────────

interface CDataCol {
  col: string;
  key?: Key;
  period?: 'cur' | 'base';
  fmt?: string;
}
interface CUnitRow {
  unit: string;
  values: Record<string, Input>;
  note?: string;
}

/** Writes one row per unit, then a `Tổng cộng` row; returns each unit's figures. */
function writeUnitRows(
  b: SheetBuilder,
  o: {
    firstRow: number;
    sttCol?: string;
    unitCol: string;
    noteCol?: string;
    cols: CDataCol[];
    rows: CUnitRow[];
    totals: 'cached' | 'nocache' | 'plain' | 'none';
    totalLabel?: string;
  },
): { units: UnitFigures[]; lastRow: number } {
  const units: UnitFigures[] = [];
  o.rows.forEach((u, i) => {
    const r = o.firstRow + i;
    if (o.sttCol) b.set(`${o.sttCol}${r}`, i + 1, boxed(S.center));
    b.set(`${o.unitCol}${r}`, u.unit, boxed(S.label));
    const figures: Partial<Record<Key, Figure>> = {};
    for (const c of o.cols) {
      const input = u.values[c.col] ?? BLANK;
      const ref = `${c.col}${r}`;
      b.set(ref, inputValue(input), numStyle(c.fmt ?? '#,##0'));
      if (c.key && c.period) {
        const fig = (figures[c.key] ??= { cur: { ref: '', input: BLANK } });
        fig[c.period] = { ref, input };
      }
    }
    if (o.noteCol)
      b.set(`${o.noteCol}${r}`, u.note ?? null, boxed({ font: { name: FONT, size: 11, italic: true }, alignment: { vertical: 'middle', wrapText: true } }));
    for (const k of Object.keys(figures) as Key[]) if (!figures[k]!.cur.ref) delete figures[k]; // a baseline alone is no figure
    units.push({ unit: u.unit, figures, pledged: {} });
  });
  let lastRow = o.firstRow + o.rows.length - 1;
  if (o.totals !== 'none') {
    const r = lastRow + 1;
    if (o.sttCol) b.set(`${o.sttCol}${r}`, null, boxed(S.center));
    b.set(`${o.unitCol}${r}`, o.totalLabel ?? 'Tổng cộng', boxed(S.labelBold));
    for (const c of o.cols) {
      const vals = o.rows.map((u) => u.values[c.col] ?? BLANK);
      const anyError = vals.find((v) => v.kind === 'error');
      const sum = round9(vals.reduce((a, v) => a + (v.kind === 'number' ? v.value : v.kind === 'formula' ? (v.result ?? 0) : 0), 0));
      const formula = `SUM(${c.col}${o.firstRow}:${c.col}${lastRow})`;
      let v: SpecValue;
      if (o.totals === 'plain') v = anyError ? null : sum;
      else if (o.totals === 'nocache') v = { formula };
      else v = { formula, result: anyError && anyError.kind === 'error' ? { error: anyError.error } : sum };
      b.set(`${c.col}${r}`, v, numStyle(c.fmt ?? '#,##0', true));
    }
    if (o.noteCol) b.set(`${o.noteCol}${r}`, null, boxed(S.text));
    lastRow = r;
  }
  return { units, lastRow };
}

// ───────────────────────────── the workbooks ─────────────────────────────

interface Sample {
  file: string;
  layout: 'A' | 'B' | 'C';
  writer: 'exceljs' | 'openpyxl';
  resave: boolean;
  sheet: string;
  unit?: string;
  spec: WorkbookSpec;
  units: UnitFigures[];
}

const P = (v: number | string | null): Input => (v === null ? BLANK : typeof v === 'number' ? num(v) : txt(v));

/** 1. Kế hoạch / Thực hiện / So sánh, Công an tỉnh Hà Tĩnh — ExcelJS. */
function haTinh(): Sample {
  const unit = 'Công an tỉnh Hà Tĩnh';
  const sheet = 'Biểu kết quả';
  const b = new SheetBuilder(sheet, [6, 46, 9, 16, 13, 13, 11, 10, 14], 'landscape');
  letterhead(
    b,
    ['CÔNG AN TỈNH HÀ TĨNH', 'PHÒNG THAM MƯU'],
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    'Hà Tĩnh, ngày 17 tháng 12 năm 2025',
    'A:C',
    'E:I',
  );
  b.set('A5', 'BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU GIAO ƯỚC THI ĐUA "VÌ AN NINH TỔ QUỐC" NĂM 2025', S.title);
  b.spec.merges.push('A5:I5');
  b.height(5, 36);
  b.set('A6', '(Số liệu từ ngày 15/12/2024 đến ngày 14/12/2025)', S.centerItalic);
  b.spec.merges.push('A6:I6');
  b.set(
    'A7',
    'Năm 2025, toàn tỉnh xảy ra 611 vụ phạm pháp hình sự, giảm 2,7% so với năm 2024; điều tra khám phá 503 vụ, đạt 82,3%; tiếp nhận 1.230 tin báo, tố giác tội phạm và kiến nghị khởi tố, đã giải quyết 1.118 tin (90,9%). Tai nạn giao thông làm chết 133 người, giảm 6,3%. (Số liệu sơ bộ đến ngày 30/11/2025, chi tiết tại biểu dưới đây.)',
    S.para,
  );
  b.spec.merges.push('A7:I7');
  b.height(7, 66);
  const cols: ACol[] = [
    { kind: 'stt', header: 'STT', width: 6 },
    { kind: 'label', header: 'Nội dung', width: 46 },
    { kind: 'uom', header: 'ĐVT', width: 9 },
    { kind: 'plan', header: 'Chỉ tiêu giao ước năm 2025', width: 16 },
    { kind: 'base', header: 'Thực hiện năm 2024', width: 13 },
    { kind: 'cur', header: 'Thực hiện năm 2025', width: 13 },
    { kind: 'diff', header: 'So sánh (+/-)', width: 11 },
    { kind: 'ratio', header: 'Tỷ lệ %', width: 10 },
    { kind: 'self', header: 'Tự đánh giá (Đạt/Không đạt)', width: 14 },
  ];
  const rows: ARow[] = [
    { roman: 'I', section: 'CÔNG TÁC ĐẤU TRANH PHÒNG, CHỐNG TỘI PHẠM' },
    {
      stt: 1,
      label: 'Số vụ phạm pháp hình sự',
      uom: 'vụ',
      key: 'pphs',
      plan: 'Giảm 3%',
      pledgeFor: 'criminal-cases-down-5pct',
      base: num(628),
      cur: num(605),
      self: 'Đạt',
    },
    {
      label: '- Trong đó: đã điều tra khám phá',
      uom: 'vụ',
      key: 'pphsCleared',
      plan: '≥ 80%',
      pledgeFor: 'cases-cleared-80pct',
      base: num(512),
      cur: num(498),
      self: 'Đạt',
    },
    { stt: 2, label: 'Án rất nghiêm trọng, đặc biệt nghiêm trọng', uom: 'vụ', key: 'serious', base: num(31), cur: num(27) },
    {
      label: '- Trong đó: đã điều tra khám phá',
      uom: 'vụ',
      key: 'seriousCleared',
      plan: '≥ 95%',
      pledgeFor: 'serious-cases-cleared-95pct',
      base: num(30),
      cur: num(25),
      self: 'Đạt',
    },
    { roman: 'II', section: 'TIẾP NHẬN, GIẢI QUYẾT TIN BÁO, TỐ GIÁC TỘI PHẠM VÀ KIẾN NGHỊ KHỞI TỐ' },
    {
      stt: 3,
      label: 'Tin báo, tố giác tội phạm và kiến nghị khởi tố đã tiếp nhận',
      uom: 'tin',
      key: 'reportsReceived',
      plan: 'Tiếp nhận 100%',
      base: num(1184),
      cur: num(1236),
      self: 'Đạt',
    },
    {
      label: '- Đã giải quyết',
      uom: 'tin',
      key: 'reportsResolved',
      plan: '≥ 90%',
      pledgeFor: 'crime-reports-resolved-90pct',
      base: num(1071),
      cur: num(1121),
      self: 'Đạt',
    },
    { roman: 'III', section: 'PHÒNG, CHỐNG TỘI PHẠM THAM NHŨNG' },
    { stt: 4, label: 'Giá trị tài sản thiệt hại trong các vụ án tham nhũng', uom: 'tỷ đồng', key: 'assetsLost', base: num(3.2), cur: num(4.8), money: true },
    {
      label: '- Đã thu hồi',
      uom: 'tỷ đồng',
      key: 'assetsRecovered',
      plan: '≥ 60%',
      pledgeFor: 'corruption-assets-recovered-60pct',
      base: num(1.9),
      cur: num(2.88),
      money: true,
      self: 'Đạt',
    },
    { roman: 'IV', section: 'TAI NẠN GIAO THÔNG' },
    { stt: 5, label: 'Số vụ tai nạn giao thông', uom: 'vụ', plan: 'Giảm 5%', base: num(356), cur: num(331), self: 'Đạt' },
    {
      stt: 6,
      label: 'Số người chết',
      uom: 'người',
      key: 'trafficDeaths',
      plan: 'Giảm ít nhất 10%',
      pledgeFor: 'traffic-deaths-down-10pct',
      base: num(142),
      cur: num(131),
      self: 'Không đạt',
    },
    { stt: 7, label: 'Số người bị thương', uom: 'người', base: num(298), cur: num(270) },
    { roman: 'V', section: 'CÁC CHỈ TIÊU KHÁC' },
    {
      stt: 8,
      label: 'Số vụ án oan',
      uom: 'vụ',
      key: 'wrongful',
      plan: 'Không để xảy ra',
      pledgeFor: 'no-wrongful-convictions',
      base: num(0),
      cur: num(0),
      self: 'Đạt',
    },
    { stt: 9, label: 'Số vụ cháy, nổ', uom: 'vụ', plan: 'Hạn chế', base: num(41), cur: num(37), self: 'Đạt' },
  ];
  const t = writeATable(b, unit, { top: 9, left: 1, cols, rows, formulas: true });
  b.spec.freeze = 'C10';
  b.spec.page.printTitleRows = '9:9';
  const r = t.lastRow + 2;
  b.set(`A${r}`, 'Ghi chú: Cột "Tỷ lệ %" = Thực hiện năm 2025 / Thực hiện năm 2024; cột "Tự đánh giá" do đơn vị tự đánh giá theo chỉ tiêu giao ước đã ký.', {
    font: { name: FONT, size: 11, italic: true },
  });
  signature(
    b,
    r + 2,
    'B',
    'F:I',
    ['- Cụm thi đua số 5 - Bộ Công an;', '- Đồng chí Giám đốc (để b/c);', '- Lưu: VT, PV01.'],
    ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', '(Đã ký)', '', 'Đại tá Trần Hồng Phong'],
  );
  return {
    file: 'ke-hoach-thuc-hien-ha-tinh-2025.xlsx',
    layout: 'A',
    writer: 'exceljs',
    resave: false,
    sheet,
    unit,
    spec: {
      properties: { creator: 'Phòng Tham mưu - Công an tỉnh Hà Tĩnh', title: 'Kết quả thực hiện chỉ tiêu giao ước 2025', created: '2025-12-17T02:10:00Z' },
      sheets: [b.spec],
    },
    units: [t.unit],
  };
}

/** 2. Kế hoạch (numbers) / TH cùng kỳ / TH kỳ này, breakdowns — Công an tỉnh Quảng Ninh, openpyxl. */
function quangNinh(): Sample {
  const unit = 'Công an tỉnh Quảng Ninh';
  const sheet = 'BC 9 tháng';
  const b = new SheetBuilder(sheet, [6, 52, 8, 12, 12, 12, 12, 12], 'portrait');
  letterhead(
    b,
    ['CÔNG AN TỈNH QUẢNG NINH', 'PHÒNG THAM MƯU'],
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    'Quảng Ninh, ngày 18 tháng 9 năm 2025',
    'A:B',
    'D:H',
  );
  b.set('A5', 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THI ĐUA 9 THÁNG NĂM 2025', S.title);
  b.spec.merges.push('A5:H5');
  b.set('A6', '(Kỳ báo cáo: từ ngày 15/12/2024 đến ngày 14/9/2025)', S.centerItalic);
  b.spec.merges.push('A6:H6');
  const cols: ACol[] = [
    { kind: 'stt', header: 'STT', width: 6 },
    { kind: 'label', header: 'Chỉ tiêu', width: 52 },
    { kind: 'uom', header: 'ĐVT', width: 8 },
    { kind: 'plan', header: 'Kế hoạch năm 2025', width: 12 },
    { kind: 'base', header: 'TH cùng kỳ', width: 12 },
    { kind: 'cur', header: 'TH kỳ này', width: 12 },
    { kind: 'change', header: 'So sánh (+/-) %', width: 12 },
    { kind: 'self', header: 'Đánh giá', width: 12 },
  ];
  const rows: ARow[] = [
    { roman: 'I', section: 'TỘI PHẠM VÀ VI PHẠM PHÁP LUẬT VỀ TRẬT TỰ XÃ HỘI' },
    {
      stt: 1,
      label: 'Số vụ phạm pháp hình sự',
      uom: 'vụ',
      key: 'pphs',
      plan: 700,
      planFmt: '#,##0',
      pledgeFor: 'criminal-cases-down-5pct',
      base: num(745),
      cur: num(688),
      self: 'Đạt',
    },
    { label: '- Trong đó: số vụ PPHS do người chưa thành niên gây ra', uom: 'vụ', base: num(58), cur: num(61) },
    {
      label: '- Đã điều tra khám phá',
      uom: 'vụ',
      key: 'pphsCleared',
      plan: 0.8,
      planFmt: '0%',
      pledgeFor: 'cases-cleared-80pct',
      base: num(601),
      cur: num(556),
      self: 'Đạt',
    },
    { stt: 2, label: 'Số vụ PPHS về ma túy', uom: 'vụ', base: num(312), cur: num(340) },
    { stt: 3, label: 'Số vụ PPHS về kinh tế', uom: 'vụ', base: num(96), cur: num(88) },
    { stt: 4, label: 'Án rất nghiêm trọng, đặc biệt nghiêm trọng', uom: 'vụ', key: 'serious', base: num(22), cur: num(19) },
    {
      label: '- Đã điều tra khám phá',
      uom: 'vụ',
      key: 'seriousCleared',
      plan: 0.95,
      planFmt: '0%',
      pledgeFor: 'serious-cases-cleared-95pct',
      base: num(21),
      cur: num(19),
      self: 'Đạt',
    },
    { roman: 'II', section: 'TIN BÁO, TỐ GIÁC TỘI PHẠM VÀ KIẾN NGHỊ KHỞI TỐ' },
    { stt: 5, label: 'Tổng số tin báo, tố giác tội phạm, KNKT đã tiếp nhận', uom: 'tin', key: 'reportsReceived', base: txt('1 321'), cur: txt('1 402') },
    {
      label: '- Đã giải quyết',
      uom: 'tin',
      key: 'reportsResolved',
      plan: 0.9,
      planFmt: '0%',
      pledgeFor: 'crime-reports-resolved-90pct',
      base: txt('1 190'),
      cur: txt('1 238'),
      self: 'Không đạt',
    },
    { roman: 'III', section: 'TAI NẠN GIAO THÔNG' },
    { stt: 6, label: 'Số vụ tai nạn giao thông', uom: 'vụ', base: num(301), cur: num(276) },
    {
      stt: 7,
      label: 'Số người chết do TNGT',
      uom: 'người',
      key: 'trafficDeaths',
      plan: 106,
      planFmt: '#,##0',
      pledgeFor: 'traffic-deaths-down-10pct',
      base: num(118),
      cur: num(104),
      self: 'Đạt',
    },
    { label: 'Trong đó: đường bộ', uom: 'người', base: num(101), cur: num(90) },
    { label: '+ Số người chết do TNGT đường thủy', uom: 'người', base: num(17), cur: num(14) },
    { stt: 8, label: 'Số người bị thương do TNGT', uom: 'người', base: num(240), cur: num(221) },
    { roman: 'IV', section: 'CÁC CHỈ TIÊU KHÁC' },
    { stt: 9, label: 'Số vụ án oan', uom: 'vụ', key: 'wrongful', plan: 0, pledgeFor: 'no-wrongful-convictions', base: num(0), cur: BLANK },
  ];
  const t = writeATable(b, unit, { top: 8, left: 1, cols, rows, formulas: false, changeAs: 'number1', headerHeight: 34 });
  b.spec.freeze = 'A9';
  const r = t.lastRow + 2;
  b.set(`A${r}`, 'Ghi chú:', { font: { name: FONT, size: 11, bold: true, italic: true } });
  b.set(`B${r}`, '- Cột "So sánh (+/-) %" = (TH kỳ này - TH cùng kỳ) / TH cùng kỳ, làm tròn 1 chữ số.', { font: { name: FONT, size: 11, italic: true } });
  b.set(`B${r + 1}`, '- Số vụ án oan kỳ này: chờ Viện kiểm sát tỉnh thống nhất số liệu.', { font: { name: FONT, size: 11, italic: true } });
  signature(
    b,
    r + 3,
    'B',
    'E:H',
    ['- Cụm thi đua số 3 (để tổng hợp);', '- Lưu: VT, PV01.'],
    ['TL. GIÁM ĐỐC', 'TRƯỞNG PHÒNG THAM MƯU', '', 'Đại tá Vũ Minh Khang'],
  );
  return {
    file: 'bao-cao-9-thang-quang-ninh-2025.xlsx',
    layout: 'A',
    writer: 'openpyxl',
    resave: false,
    sheet,
    unit,
    spec: {
      properties: { creator: 'PV01 - Công an tỉnh Quảng Ninh', title: 'Kết quả chỉ tiêu thi đua 9 tháng 2025', created: '2025-09-18T08:00:00Z' },
      sheets: [b.spec],
    },
    units: [t.unit],
  };
}

/** 3. Around the table: instructions first, narrative, table at D15, hidden predecessor columns — Công an tỉnh Gia Lai, ExcelJS + LibreOffice. */
function giaLai(): Sample {
  const unit = 'Công an tỉnh Gia Lai';
  const sheet = 'Báo cáo';
  const guide = new SheetBuilder('Hướng dẫn', [90], 'portrait');
  [
    'HƯỚNG DẪN LẬP BÁO CÁO',
    '1. Cột "TH 2025" ghi số liệu thực hiện từ 15/12/2024 đến 14/12/2025; cột "TH 2024" tự cộng từ hai cột số liệu của Công an tỉnh Gia Lai (cũ) và Công an tỉnh Bình Định (cũ) (đã ẩn).',
    '2. Cột "Kế hoạch năm 2025" ghi chỉ tiêu được giao; cột "Tỷ lệ % so với cùng kỳ" tự tính, không sửa.',
    '3. Ví dụ: Số vụ phạm pháp hình sự | 1.000 | 1.100 | ... (không nhập vào sheet này).',
    '4. Gửi báo cáo về Phòng Tham mưu trước ngày 16/12/2025.',
  ].forEach((t, i) => guide.set(`A${i + 1}`, t, i === 0 ? S.bold : S.para));
  guide.height(2, 50);

  const b = new SheetBuilder(sheet, [3, 3, 3, 6, 46, 9, 12, 12, 12, 12, 13, 13], 'portrait');
  letterhead(
    b,
    ['CÔNG AN TỈNH GIA LAI', 'PHÒNG THAM MƯU'],
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    'Gia Lai, ngày 16 tháng 12 năm 2025',
    'D:E',
    'G:L',
  );
  b.set('D5', 'BÁO CÁO', S.title);
  b.spec.merges.push('D5:L5');
  b.set('D6', 'Kết quả thực hiện các chỉ tiêu giao ước thi đua "Vì an ninh Tổ quốc" năm 2025', { ...S.centerBold });
  b.spec.merges.push('D6:L6');
  b.set(
    'D8',
    'I. TÌNH HÌNH CHUNG: Năm 2025, trên địa bàn tỉnh xảy ra 1.198 vụ phạm pháp hình sự (giảm 8,3% so với cùng kỳ), điều tra khám phá 1.001 vụ, đạt 83,6%; án rất nghiêm trọng, đặc biệt nghiêm trọng xảy ra 63 vụ, khám phá 60 vụ (95,2%). Tiếp nhận 2.475 tin báo, tố giác tội phạm, đã giải quyết 2.230 tin (90,1%). Tai nạn giao thông làm chết 268 người (giảm 10,7%).',
    S.para,
  );
  b.spec.merges.push('D8:L11');
  b.set('D12', '(Số liệu trên tính đến ngày 30/11/2025; số liệu chính thức tại biểu dưới đây.)', { font: { name: FONT, size: 11, italic: true } });
  b.spec.merges.push('D12:L12');
  b.set('D14', 'II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', S.bold);
  const cols: ACol[] = [
    { kind: 'stt', header: 'STT', width: 6 },
    { kind: 'label', header: 'Nội dung chỉ tiêu', width: 46 },
    { kind: 'uom', header: 'ĐVT', width: 9 },
    { kind: 'cur', header: 'TH 2025', width: 12 },
    { kind: 'base', header: 'TH 2024', width: 12 },
    { kind: 'part', index: 1, header: 'Gia Lai (cũ) 2024', width: 12, hidden: true },
    { kind: 'part', index: 2, header: 'Bình Định (cũ) 2024', width: 12, hidden: true },
    { kind: 'plan', header: 'Kế hoạch năm 2025', width: 13 },
    { kind: 'ratio', header: 'Tỷ lệ % so với cùng kỳ', width: 13 },
  ];
  const rows: ARow[] = [
    { roman: 'I', section: 'PHẠM PHÁP HÌNH SỰ' },
    {
      stt: 1,
      label: 'Số vụ phạm pháp hình sự',
      uom: 'vụ',
      key: 'pphs',
      cur: num(1210),
      parts: [604, 703],
      plan: 1240,
      planFmt: '#,##0',
      pledgeFor: 'criminal-cases-down-5pct',
    },
    {
      label: '- Trong đó: đã điều tra khám phá',
      uom: 'vụ',
      key: 'pphsCleared',
      cur: num(1003),
      parts: [511, 590],
      plan: 0.8,
      planFmt: '0%',
      pledgeFor: 'cases-cleared-80pct',
    },
    { stt: 2, label: 'Án rất nghiêm trọng, đặc biệt nghiêm trọng', uom: 'vụ', key: 'serious', cur: num(64), parts: [30, 38] },
    {
      label: '- Trong đó: đã điều tra khám phá',
      uom: 'vụ',
      key: 'seriousCleared',
      cur: num(61),
      parts: [29, 36],
      plan: 0.95,
      planFmt: '0%',
      pledgeFor: 'serious-cases-cleared-95pct',
    },
    { roman: 'II', section: 'TIN BÁO, TỐ GIÁC TỘI PHẠM VÀ KIẾN NGHỊ KHỞI TỐ' },
    { stt: 3, label: 'Tin báo, tố giác tội phạm và KNKT đã tiếp nhận', uom: 'tin', key: 'reportsReceived', cur: num(2480), parts: [1190, 1221] },
    {
      label: '- Đã giải quyết',
      uom: 'tin',
      key: 'reportsResolved',
      cur: num(2213),
      parts: [1075, 1101],
      plan: 0.9,
      planFmt: '0%',
      pledgeFor: 'crime-reports-resolved-90pct',
    },
    { roman: 'III', section: 'THAM NHŨNG' },
    { stt: 4, label: 'Tài sản thiệt hại trong các vụ án tham nhũng', uom: 'tỷ đồng', key: 'assetsLost', cur: num(0), parts: [1.2, 0.8], money: true },
    {
      label: '- Đã thu hồi',
      uom: 'tỷ đồng',
      key: 'assetsRecovered',
      cur: num(0),
      parts: [0.5, 0.3],
      money: true,
      plan: 0.6,
      planFmt: '0%',
      pledgeFor: 'corruption-assets-recovered-60pct',
    },
    { roman: 'IV', section: 'TAI NẠN GIAO THÔNG' },
    { stt: 5, label: 'Số vụ tai nạn giao thông', uom: 'vụ', cur: num(512), parts: [250, 281] },
    {
      stt: 6,
      label: 'Số người chết',
      uom: 'người',
      key: 'trafficDeaths',
      cur: num(270),
      parts: [141, 159],
      plan: 270,
      planFmt: '#,##0',
      pledgeFor: 'traffic-deaths-down-10pct',
    },
    { stt: 7, label: 'Số người bị thương', uom: 'người', cur: num(388), parts: [190, 215] },
    { roman: 'V', section: 'CHỈ TIÊU KHÁC' },
    { stt: 8, label: 'Số vụ án oan', uom: 'vụ', key: 'wrongful', cur: num(0), parts: [0, 0], plan: 0, pledgeFor: 'no-wrongful-convictions' },
  ];
  const t = writeATable(b, unit, { top: 15, left: 4, cols, rows, formulas: true, headerHeight: 40 });
  b.spec.freeze = 'G16';
  b.spec.page.printTitleRows = '15:15';
  let r = t.lastRow + 2;
  for (const line of [
    'Ghi chú:',
    '- Số liệu năm 2024 là tổng số liệu của Công an tỉnh Gia Lai (cũ) và Công an tỉnh Bình Định (cũ).',
    '- Năm 2025 không phát sinh vụ án tham nhũng có thiệt hại về tài sản.',
  ]) {
    b.set(`E${r}`, line, { font: { name: FONT, size: 11, italic: true, bold: line === 'Ghi chú:' } });
    r++;
  }
  b.set(
    `E${r + 1}`,
    'III. PHƯƠNG HƯỚNG NĂM 2026: Phấn đấu kéo giảm ít nhất 5% số vụ phạm pháp hình sự; tỷ lệ điều tra khám phá trên 80%; giảm 10% số người chết do tai nạn giao thông.',
    S.para,
  );
  b.spec.merges.push(`E${r + 1}:L${r + 2}`);
  signature(
    b,
    r + 4,
    'E',
    'I:L',
    ['- Bộ Công an (V01, V03);', '- Cụm thi đua số 4;', '- Lưu: VT, PV01.'],
    ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', '', '', 'Đại tá Nguyễn Quốc Hùng'],
  );
  return {
    file: 'bao-cao-nam-gia-lai-2025.xlsx',
    layout: 'A',
    writer: 'exceljs',
    resave: true,
    sheet,
    unit,
    spec: {
      properties: { creator: 'Công an tỉnh Gia Lai', title: 'Báo cáo chỉ tiêu giao ước năm 2025', created: '2025-12-16T03:00:00Z' },
      sheets: [guide.spec, b.spec],
      activeSheet: 0,
    },
    units: [t.unit],
  };
}

/** 4. Spelling and text numbers, cumulative 11 months — Công an tỉnh Lâm Đồng, openpyxl. */
function lamDong(): Sample {
  const unit = 'Công an tỉnh Lâm Đồng';
  const sheet = 'BC luy ke';
  const b = new SheetBuilder(sheet, [6, 50, 8, 16, 14, 12], 'portrait');
  b.set('A1', 'CÔNG AN TỈNH LÂM ĐỒNG', { font: { name: FONT, size: 12 }, alignment: { horizontal: 'center' } });
  b.spec.merges.push('A1:B1');
  b.set('A2', 'PHONG THAM MUU', { font: { name: FONT, size: 12, bold: true }, alignment: { horizontal: 'center' } });
  b.spec.merges.push('A2:B2');
  b.set('A4', 'BAO CAO SO LIEU CHI TIEU THI DUA LUY KE 11 THANG NAM 2025', S.title);
  b.spec.merges.push('A4:F4');
  b.set('A5', '(Xuat tu phan mem thong ke ngay 16/11/2025 - so lieu tu 15/12/2024 den 14/11/2025)', S.centerItalic);
  b.spec.merges.push('A5:F5');
  const cols: ACol[] = [
    { kind: 'stt', header: 'TT', width: 6 },
    { kind: 'label', header: 'NOI DUNG', width: 50 },
    { kind: 'uom', header: 'DVT', width: 8 },
    { kind: 'cur', header: 'Lũy kế 11 tháng năm 2025', width: 16 },
    { kind: 'base', header: 'Cùng kỳ năm trước', width: 14 },
    { kind: 'change', header: 'Tăng, giảm (%)', width: 12 },
  ];
  const rows: ARow[] = [
    { roman: 'A', section: 'TOI PHAM VA VI PHAM PHAP LUAT VE TTXH' },
    { stt: 1, label: 'SO VU PHAM PHAP HINH SU', uom: 'vu', key: 'pphs', cur: txt('2 418'), base: txt('2.563') },
    { label: '- Đã ĐTKP', uom: 'vu', key: 'pphsCleared', cur: txt(`1${NBSP}987`), base: txt(`2${NBSP}104`) },
    { stt: 2, label: 'AN RNT/ĐBNT', uom: 'vu', key: 'serious', cur: num(88), base: num(95) },
    { label: '- Da dieu tra kham pha', uom: 'vu', key: 'seriousCleared', cur: num(83), base: num(91) },
    { roman: 'B', section: 'TIN BAO, TO GIAC TOI PHAM' },
    { stt: 3, label: 'TB-TG tiep nhan', uom: 'tin', key: 'reportsReceived', cur: txt(`4${NBSP}105`), base: txt('3 988') },
    { stt: 4, label: 'TB, TG da giai quyet', uom: 'tin', key: 'reportsResolved', cur: txt('3.702'), base: txt('3.610') },
    { roman: 'C', section: 'THAM NHUNG' },
    { stt: 5, label: 'TS thiet hai trong cac vu an tham nhung', uom: 'tr.đ', key: 'assetsLost', cur: txt('1.245,6'), base: txt('980,5') },
    { stt: 6, label: 'TS da thu hoi', uom: 'tr.đ', key: 'assetsRecovered', cur: txt('747,36'), base: txt('512,0') },
    { roman: 'D', section: 'TAI NAN GIAO THONG' },
    { stt: 7, label: 'SO NGUOI CHET DO TNGT', uom: 'nguoi', key: 'trafficDeaths', cur: num(305), base: num(331) },
    { stt: 8, label: 'SO NGUOI BI THUONG DO TNGT', uom: 'nguoi', cur: num(290), base: num(318) },
    { roman: 'E', section: 'KHAC' },
    { stt: 9, label: 'SO VU AN OAN', uom: 'vu', cur: num(1), base: num(0), key: 'wrongful' },
    { stt: 10, label: 'Ty le DTKP chung', uom: '%', cur: num(0.8218), base: num(0.8209), fraction: true },
  ];
  const t = writeATable(b, unit, { top: 7, left: 1, cols, rows, formulas: false, changeAs: 'fraction', headerHeight: 34 });
  b.spec.freeze = 'A8';
  b.set(`B${t.lastRow + 2}`, 'Nguoi lap bieu', S.centerBold);
  b.set(`E${t.lastRow + 2}`, 'TRUONG PHONG', S.centerBold);
  b.spec.merges.push(`E${t.lastRow + 2}:F${t.lastRow + 2}`);
  return {
    file: 'luy-ke-11-thang-lam-dong-2025.xlsx',
    layout: 'A',
    writer: 'openpyxl',
    resave: false,
    sheet,
    unit,
    spec: { properties: { creator: 'thongke.py', title: 'BC luy ke 11 thang', created: '2025-11-16T01:00:00Z' }, sheets: [b.spec] },
    units: [t.unit],
  };
}

/** Splits a total into n monthly figures (deterministic, every month ≥ 0, exact sum). */
function months(total: number, n: number, seed: number): number[] {
  const w = Array.from({ length: n }, (_, i) => 8 + ((i * 7 + seed * 3) % 5));
  const wsum = w.reduce((a, x) => a + x, 0);
  const out = w.map((x) => Math.floor((total * x) / wsum));
  let rest = total - out.reduce((a, x) => a + x, 0);
  for (let i = 0; rest > 0; i = (i + 1) % n, rest--) out[i]++;
  return out;
}

/** 5. Monthly series — Công an thành phố Đà Nẵng, ExcelJS. */
function daNang(): Sample {
  const unit = 'Công an thành phố Đà Nẵng';
  const sheet = 'Theo dõi tháng';
  const n = 11;
  const b = new SheetBuilder(sheet, [5, 40, 7, ...Array(n).fill(7), 12, 11, 10], 'landscape');
  b.set('A1', 'CÔNG AN THÀNH PHỐ ĐÀ NẴNG', { font: { name: FONT, size: 12 }, alignment: { horizontal: 'center' } });
  b.spec.merges.push('A1:B1');
  b.set('A2', 'PHÒNG THAM MƯU', { font: { name: FONT, size: 12, bold: true }, alignment: { horizontal: 'center' } });
  b.spec.merges.push('A2:B2');
  const last = colLetter(3 + n + 3);
  b.set('A4', 'THEO DÕI KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA THEO THÁNG NĂM 2025', S.title);
  b.spec.merges.push(`A4:${last}4`);
  b.set('A5', '(Tháng thống kê tính từ ngày 15 tháng trước đến ngày 14 tháng sau; cập nhật đến 14/11/2025)', S.centerItalic);
  b.spec.merges.push(`A5:${last}5`);
  const cols: ACol[] = [
    { kind: 'stt', header: 'STT', width: 5 },
    { kind: 'label', header: 'Chỉ tiêu', width: 40 },
    { kind: 'uom', header: 'ĐVT', width: 7 },
    ...Array.from({ length: n }, (_, i): ACol => ({ kind: 'month', index: i + 1, header: `Tháng ${i + 1}`, width: 7 })),
    { kind: 'cur', header: 'Lũy kế 11 tháng 2025', width: 12 },
    { kind: 'base', header: 'Cùng kỳ 2024', width: 11 },
    { kind: 'change', header: 'Tăng, giảm %', width: 10 },
  ];
  const rows: ARow[] = [
    { stt: 1, label: 'Số vụ PPHS', uom: 'vụ', key: 'pphs', months: months(1046, n, 1), base: num(1118) },
    { label: '- Đã ĐTKP', uom: 'vụ', key: 'pphsCleared', months: months(872, n, 2), base: num(921) },
    { stt: 2, label: 'Án RNT, ĐBNT', uom: 'vụ', key: 'serious', months: months(52, n, 3), base: num(57) },
    { label: '- Đã ĐTKP', uom: 'vụ', key: 'seriousCleared', months: months(49, n, 4), base: num(55) },
    { stt: 3, label: 'Tin báo, tố giác tội phạm, KNKT tiếp nhận', uom: 'tin', key: 'reportsReceived', months: months(2310, n, 5), base: num(2205) },
    { label: '- Đã giải quyết', uom: 'tin', key: 'reportsResolved', months: months(2093, n, 6), base: num(1987) },
    { stt: 4, label: 'Số vụ TNGT', uom: 'vụ', months: months(260, n, 7), base: num(271) },
    { stt: 5, label: 'Số người chết do TNGT', uom: 'người', key: 'trafficDeaths', months: months(198, n, 8), base: num(212) },
    { stt: 6, label: 'Số người bị thương do TNGT', uom: 'người', months: months(201, n, 9), base: num(220) },
    { stt: 7, label: 'Số vụ án oan', uom: 'vụ', key: 'wrongful', months: Array(n).fill(0), base: num(0) },
  ];
  const t = writeATable(b, unit, { top: 7, left: 1, cols, rows, formulas: true, headerHeight: 34 });
  b.spec.freeze = 'D8';
  b.set(`B${t.lastRow + 2}`, 'Ghi chú: Cột "Lũy kế 11 tháng 2025" = tổng Tháng 1 đến Tháng 11 (công thức).', { font: { name: FONT, size: 11, italic: true } });
  return {
    file: 'theo-doi-thang-da-nang-2025.xlsx',
    layout: 'A',
    writer: 'exceljs',
    resave: false,
    sheet,
    unit,
    spec: {
      properties: { creator: 'PV01 - Công an thành phố Đà Nẵng', title: 'Theo dõi chỉ tiêu theo tháng 2025', created: '2025-11-15T09:00:00Z' },
      sheets: [b.spec],
    },
    units: [t.unit],
  };
}

/** 5b. Monthly series, openpyxl: months, then the same period, then the cumulative (typed sums) — Công an tỉnh An Giang. */
function anGiang(): Sample {
  const unit = 'Công an tỉnh An Giang';
  const sheet = 'Số liệu tháng';
  const n = 9;
  const b = new SheetBuilder(sheet, [5, 42, 7, ...Array(n).fill(8), 12, 13, 10, 24], 'landscape');
  const last = colLetter(3 + n + 4);
  b.set('A1', 'CÔNG AN TỈNH AN GIANG', { font: { name: FONT, size: 12, bold: true } });
  b.set('A2', `THỐNG KÊ SỐ LIỆU CHỈ TIÊU THI ĐUA THEO THÁNG - 9 THÁNG NĂM 2025`, S.title);
  b.spec.merges.push(`A2:${last}2`);
  b.set(
    'A3',
    '(Số liệu tháng 01 tính từ 15/12/2024 đến 14/01/2025; số liệu cùng kỳ 2024 gồm Công an tỉnh An Giang và Công an tỉnh Kiên Giang trước hợp nhất)',
    S.centerItalic,
  );
  b.spec.merges.push(`A3:${last}3`);
  b.height(3, 34);
  const cols: ACol[] = [
    { kind: 'stt', header: 'TT', width: 5 },
    { kind: 'label', header: 'Nội dung', width: 42 },
    { kind: 'uom', header: 'ĐVT', width: 7 },
    ...Array.from({ length: n }, (_, i): ACol => ({ kind: 'month', index: i + 1, header: `Tháng ${String(i + 1).padStart(2, '0')}`, width: 8 })),
    { kind: 'base', header: 'Cùng kỳ 2024', width: 12 },
    { kind: 'cur', header: 'Lũy kế 9 tháng năm 2025', width: 13 },
    { kind: 'change', header: 'So sánh (%)', width: 10 },
    { kind: 'note', header: 'Ghi chú', width: 24 },
  ];
  const rows: ARow[] = [
    { roman: 'I', section: 'PHẠM PHÁP HÌNH SỰ' },
    { stt: 1, label: 'Số vụ phạm pháp hình sự', uom: 'vụ', key: 'pphs', months: months(1375, n, 11), base: num(1402) },
    { label: '- Trong đó: đã điều tra khám phá', uom: 'vụ', key: 'pphsCleared', months: months(1121, n, 12), base: num(1150) },
    { label: '- Trong đó: số vụ phạm pháp hình sự trên địa bàn đặc khu Phú Quốc', uom: 'vụ', months: months(96, n, 13), base: num(101) },
    { stt: 2, label: 'Án nghiêm trọng và đặc biệt nghiêm trọng', uom: 'vụ', key: 'serious', months: months(61, n, 14), base: num(66) },
    { label: '- Đã điều tra khám phá', uom: 'vụ', key: 'seriousCleared', months: months(58, n, 15), base: num(63) },
    { roman: 'II', section: 'TIN BÁO, TỐ GIÁC TỘI PHẠM' },
    {
      stt: 3,
      label: 'Tiếp nhận tin báo, tố giác tội phạm, kiến nghị khởi tố',
      uom: 'tin',
      key: 'reportsReceived',
      months: months(3015, n, 16),
      base: num(2876),
    },
    { label: '- Đã giải quyết', uom: 'tin', key: 'reportsResolved', months: months(2741, n, 17), base: num(2610) },
    { roman: 'III', section: 'TAI NẠN GIAO THÔNG' },
    { stt: 4, label: 'Số vụ', uom: 'vụ', months: months(388, n, 18), base: num(421) },
    { stt: 5, label: 'Số người chết', uom: 'người', key: 'trafficDeaths', months: months(246, n, 19), base: num(281), note: 'Đạt chỉ tiêu giảm 10%' },
    { stt: 6, label: 'Số người bị thương', uom: 'người', months: months(301, n, 20), base: num(333) },
    { roman: 'IV', section: 'KHÁC' },
    { stt: 7, label: 'Án oan', uom: 'vụ', key: 'wrongful', months: Array(n).fill(0), base: num(0) },
  ];
  const t = writeATable(b, unit, { top: 5, left: 1, cols, rows, formulas: false, changeAs: 'number1', headerHeight: 34 });
  b.spec.freeze = 'D6';
  b.set(`B${t.lastRow + 2}`, 'Người lập biểu: Thiếu tá Trần Thị Mỹ Linh - Đội Tổng hợp, PV01', { font: { name: FONT, size: 11, italic: true } });
  return {
    file: 'so-lieu-thang-an-giang-9-thang-2025.xlsx',
    layout: 'A',
    writer: 'openpyxl',
    resave: false,
    sheet,
    unit,
    spec: { properties: { creator: 'bao_cao_thang.py', title: 'Số liệu tháng 2025', created: '2025-09-15T10:00:00Z' }, sheets: [b.spec] },
    units: [t.unit],
  };
}

/** 6. Breakdowns and a) b) items, period "Từ 15/12/2024 đến 14/11/2025 | Cùng kỳ" — Công an tỉnh Nghệ An, openpyxl + LibreOffice. */
function ngheAn(): Sample {
  const unit = 'Công an tỉnh Nghệ An';
  const sheet = 'Biểu số 1';
  const b = new SheetBuilder(sheet, [6, 56, 16, 12, 14, 28], 'portrait');
  letterhead(
    b,
    ['CÔNG AN TỈNH NGHỆ AN', 'PHÒNG THAM MƯU'],
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    'Nghệ An, ngày 17 tháng 11 năm 2025',
    'A:B',
    'C:F',
  );
  b.set('A5', 'SỐ LIỆU KẾT QUẢ CÔNG TÁC BẢO ĐẢM AN NINH, TRẬT TỰ 11 THÁNG NĂM 2025', S.title);
  b.spec.merges.push('A5:F5');
  b.set('A6', '(Kèm theo Báo cáo số 1875/BC-CAT-PV01 ngày 17/11/2025)', S.centerItalic);
  b.spec.merges.push('A6:F6');
  const cols: ACol[] = [
    { kind: 'stt', header: 'STT', width: 6 },
    { kind: 'label', header: 'Nội dung', width: 56 },
    { kind: 'cur', header: 'Từ 15/12/2024 đến 14/11/2025', width: 16 },
    { kind: 'base', header: 'Cùng kỳ', width: 12 },
    { kind: 'change', header: 'Tăng (+), giảm (-)', width: 14 },
    { kind: 'note', header: 'Ghi chú', width: 28 },
  ];
  const rows: ARow[] = [
    { roman: 'I', section: 'TÌNH HÌNH TỘI PHẠM' },
    { stt: 1, label: 'Số vụ phạm pháp hình sự xảy ra', key: 'pphs', cur: num(1562), base: num(1689) },
    { label: '- Trong đó: số vụ phạm pháp hình sự do người chưa thành niên gây ra', cur: num(97), base: num(104) },
    { label: '- Đã điều tra khám phá', key: 'pphsCleared', cur: num(1298), base: num(1385) },
    { label: 'a) Án RNT, ĐBNT xảy ra', key: 'serious', cur: num(74), base: num(81) },
    { label: 'b) Án RNT, ĐBNT đã ĐTKP', key: 'seriousCleared', cur: num(71), base: num(77) },
    { stt: 2, label: 'Số vụ PPHS về ma túy', cur: num(1204), base: num(1150), note: 'Tăng do đẩy mạnh đấu tranh' },
    { stt: 3, label: 'Số vụ PPHS về kinh tế', cur: num(143), base: num(131) },
    { roman: 'II', section: 'TIN BÁO, TỐ GIÁC TỘI PHẠM VÀ KIẾN NGHỊ KHỞI TỐ' },
    { stt: 4, label: 'Tiếp nhận tin báo, tố giác tội phạm và kiến nghị khởi tố', key: 'reportsReceived', cur: num(3870), base: num(3702) },
    { label: '- Đã giải quyết', key: 'reportsResolved', cur: num(3412), base: num(3290) },
    { roman: 'III', section: 'TỘI PHẠM THAM NHŨNG' },
    { stt: 5, label: 'Số tiền, tài sản thiệt hại trong các vụ án tham nhũng (tỷ đồng)', key: 'assetsLost', cur: num(18.4), base: num(11.2), money: true },
    { label: '- Đã thu hồi (tỷ đồng)', key: 'assetsRecovered', cur: txt('chưa thống kê'), base: num(6.1), money: true, note: 'PC03 đang tổng hợp' },
    { roman: 'IV', section: 'TAI NẠN GIAO THÔNG' },
    { stt: 6, label: 'Số vụ tai nạn giao thông', cur: num(612), base: num(655) },
    { stt: 7, label: 'Số người chết', key: 'trafficDeaths', cur: num(402), base: num(428) },
    { label: '- Trong đó: đường bộ', cur: num(389), base: num(411) },
    { label: '+ Số người chết do TNGT đường thủy', cur: num(13), base: num(17) },
    { stt: 8, label: 'Số người bị thương', cur: num(455), base: num(490) },
    { roman: 'V', section: 'CÔNG TÁC ĐIỀU TRA, XỬ LÝ' },
    { stt: 9, label: 'Số vụ án oan', key: 'wrongful', cur: num(0), base: num(0) },
  ];
  const t = writeATable(b, unit, { top: 8, left: 1, cols, rows, formulas: false, changeAs: 'text', headerHeight: 36 });
  b.spec.freeze = 'C9';
  b.spec.page.printTitleRows = '8:8';
  signature(b, t.lastRow + 2, 'B', 'D:F', ['- Như trên;', '- Lưu: VT, PV01.'], ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', '', 'Đại tá Lê Văn Thành']);
  return {
    file: 'so-lieu-11-thang-nghe-an-2025.xlsx',
    layout: 'A',
    writer: 'openpyxl',
    resave: true,
    sheet,
    unit,
    spec: { properties: { creator: 'Công an tỉnh Nghệ An', title: 'Số liệu 11 tháng 2025', created: '2025-11-17T07:30:00Z' }, sheets: [b.spec] },
    units: [t.unit],
  };
}

/** 7. Communes in rows, two-row grouped header, years as numbers — Công an thành phố Hải Phòng, openpyxl. */
function haiPhongXa(): Sample {
  const sheet = 'Xã, phường, đặc khu';
  const b = new SheetBuilder(sheet, [5, 34, 9, 9, 10, 10, 11, 10, 10, 30], 'landscape');
  b.set('A1', 'CÔNG AN THÀNH PHỐ HẢI PHÒNG', { font: { name: FONT, size: 12 }, alignment: { horizontal: 'center' } });
  b.spec.merges.push('A1:B1');
  b.set('A3', 'TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA CỦA CÔNG AN XÃ, PHƯỜNG, ĐẶC KHU 6 THÁNG ĐẦU NĂM 2025', S.title);
  b.spec.merges.push('A3:J3');
  b.height(3, 36);
  b.set('A4', '(Số liệu từ 15/12/2024 đến 14/6/2025; cùng kỳ là số liệu của địa bàn tương ứng trước khi sắp xếp)', S.centerItalic);
  b.spec.merges.push('A4:J4');
  const h = boxed(S.centerBold);
  b.mergeSet('A6:A7', 'STT', h);
  b.mergeSet('B6:B7', 'Đơn vị', h);
  b.mergeSet('C6:E6', 'Phạm pháp hình sự', h);
  b.set('C7', 2025, h);
  b.set('D7', 2024, h);
  b.set('E7', 'Khám phá', h);
  b.mergeSet('F6:G6', 'Tin báo, tố giác', h);
  b.set('F7', 'Tiếp nhận', h);
  b.set('G7', 'Đã giải quyết', h);
  b.mergeSet('H6:I6', 'Tai nạn giao thông — Số người chết', h);
  b.set('H7', 'Năm 2025', h);
  b.set('I7', 'Năm trước', h);
  b.mergeSet('J6:J7', 'Ghi chú', h);
  b.height(6, 34);
  b.height(7, 20);
  const row = (unit: string, v: (number | string | null)[], note?: string): CUnitRow => ({
    unit,
    values: Object.fromEntries(['C', 'D', 'E', 'F', 'G', 'H', 'I'].map((c, i) => [c, P(v[i])])),
    note,
  });
  const t = writeUnitRows(b, {
    firstRow: 8,
    sttCol: 'A',
    unitCol: 'B',
    noteCol: 'J',
    cols: [
      { col: 'C', key: 'pphs', period: 'cur' },
      { col: 'D', key: 'pphs', period: 'base' },
      { col: 'E', key: 'pphsCleared', period: 'cur' },
      { col: 'F', key: 'reportsReceived', period: 'cur' },
      { col: 'G', key: 'reportsResolved', period: 'cur' },
      { col: 'H', key: 'trafficDeaths', period: 'cur' },
      { col: 'I', key: 'trafficDeaths', period: 'base' },
    ],
    rows: [
      row('Công an phường Hồng Bàng', [46, 52, 39, 88, 81, 3, 4]),
      row('Công an phường Lê Chân', [61, 63, 47, 120, 104, 5, 5]),
      row('Công an phường Ngô Quyền', [38, 40, 32, 70, 63, 2, 3]),
      row('Công an phường Hải An', [29, 27, 24, 55, 51, 4, 2]),
      row('Công an xã An Lão', [17, 21, 12, 31, 27, 6, 7]),
      row('Công an xã Kiến Thụy', [22, 24, 19, 40, 37, null, 3], 'Chưa đối chiếu số người chết do TNGT với Phòng CSGT'),
      row('Công an đặc khu Cát Hải', [9, 11, 8, 15, 15, 1, 2]),
      row('Công an đặc khu Bạch Long Vĩ', [0, 0, 0, 2, 2, 0, 0], 'Không xảy ra vụ PPHS, TNGT'),
    ],
    totals: 'nocache',
  });
  b.spec.freeze = 'C8';
  b.spec.page.printTitleRows = '6:7';
  b.set(`B${t.lastRow + 2}`, 'Ghi chú: Cột "Khám phá" là số vụ PPHS đã điều tra khám phá trong 6 tháng đầu năm 2025.', {
    font: { name: FONT, size: 11, italic: true },
  });
  return {
    file: 'tong-hop-xa-phuong-hai-phong-6-thang-2025.xlsx',
    layout: 'C',
    writer: 'openpyxl',
    resave: false,
    sheet,
    spec: {
      properties: { creator: 'Đội Tổng hợp - PV01 Công an TP Hải Phòng', title: 'Tổng hợp xã, phường 6 tháng 2025', created: '2025-06-20T04:00:00Z' },
      sheets: [b.spec],
    },
    units: t.units,
  };
}

/** 8. Cluster sheet, three-row header (group → indicator → quarter), CAT/CATP names — Cụm thi đua số 3, ExcelJS + LibreOffice. */
function cumQuy3(): Sample {
  const sheet = 'Cụm 3 - Quý III';
  const b = new SheetBuilder(sheet, [5, 20, 10, 10, 10, 10, 10, 10, 10, 9, 9, 9, 9, 9, 9, 9, 28], 'landscape');
  b.set('A1', 'CỤM THI ĐUA SỐ 3 - BỘ CÔNG AN', { font: { name: FONT, size: 12, bold: true }, alignment: { horizontal: 'center' } });
  b.spec.merges.push('A1:D1');
  b.set('A3', 'BẢNG TỔNG HỢP SỐ LIỆU CÁC CHỈ TIÊU GIAO ƯỚC THI ĐUA QUÝ III NĂM 2025', S.title);
  b.spec.merges.push('A3:Q3');
  b.set('A4', '(Kèm theo Báo cáo sơ kết thi đua 9 tháng của Cụm trưởng - Công an tỉnh Quảng Ninh)', S.centerItalic);
  b.spec.merges.push('A4:Q4');
  const h = boxed(S.centerBold);
  const q25 = 'Quý III/2025';
  const q24 = 'Quý III/2024';
  b.mergeSet('A6:A8', 'STT', h);
  b.mergeSet('B6:B8', 'Đơn vị', h);
  b.mergeSet('C6:E6', 'Phạm pháp hình sự', h);
  b.mergeSet('C7:D7', 'Số vụ', h);
  b.set('E7', 'Đã khám phá', h);
  b.set('C8', q25, h);
  b.set('D8', q24, h);
  b.set('E8', q25, h);
  b.mergeSet('F6:G6', 'Tin báo, tố giác tội phạm', h);
  b.set('F7', 'Tiếp nhận', h);
  b.set('G7', 'Đã giải quyết', h);
  b.set('F8', q25, h);
  b.set('G8', q25, h);
  b.mergeSet('H6:I6', 'Tham nhũng (tỷ đồng)', h);
  b.set('H7', 'Tài sản thiệt hại', h);
  b.set('I7', 'Đã thu hồi', h);
  b.set('H8', q25, h);
  b.set('I8', q25, h);
  b.mergeSet('J6:O6', 'Tai nạn giao thông', h);
  b.mergeSet('J7:K7', 'Số vụ', h);
  b.mergeSet('L7:M7', 'Số người chết', h);
  b.mergeSet('N7:O7', 'Số người bị thương', h);
  for (const [c, p] of [
    ['J', q24],
    ['K', q25],
    ['L', q24],
    ['M', q25],
    ['N', q24],
    ['O', q25],
  ] as const)
    b.set(`${c}8`, p, h);
  b.mergeSet('P6:P7', 'Số vụ án oan', h);
  b.set('P8', q25, h);
  b.mergeSet('Q6:Q8', 'Ghi chú', h);
  b.height(6, 22);
  b.height(7, 34);
  b.height(8, 34);
  const letters = ['C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P'];
  const row = (unit: string, v: (Input | number | string | null)[], note?: string): CUnitRow => ({
    unit,
    values: Object.fromEntries(letters.map((c, i) => [c, typeof v[i] === 'object' && v[i] !== null ? (v[i] as Input) : P(v[i] as number | string | null)])),
    note,
  });
  const t = writeUnitRows(b, {
    firstRow: 9,
    sttCol: 'A',
    unitCol: 'B',
    noteCol: 'Q',
    cols: [
      { col: 'C', key: 'pphs', period: 'cur' },
      { col: 'D', key: 'pphs', period: 'base' },
      { col: 'E', key: 'pphsCleared', period: 'cur' },
      { col: 'F', key: 'reportsReceived', period: 'cur' },
      { col: 'G', key: 'reportsResolved', period: 'cur' },
      { col: 'H', key: 'assetsLost', period: 'cur', fmt: '#,##0.00' },
      { col: 'I', key: 'assetsRecovered', period: 'cur', fmt: '#,##0.00' },
      { col: 'J' },
      { col: 'K' },
      { col: 'L', key: 'trafficDeaths', period: 'base' },
      { col: 'M', key: 'trafficDeaths', period: 'cur' },
      { col: 'N' },
      { col: 'O' },
      { col: 'P', key: 'wrongful', period: 'cur' },
    ],
    rows: [
      row('CATP Hải Phòng', [612, 655, 528, 1390, 1262, 8.6, 5.1, 421, 402, 196, 178, 333, 310, 0]),
      row('CAT Quảng Ninh', [318, 326, 261, 720, 655, 3.2, 2.05, 240, 226, 110, 97, 188, 171, 0], 'Cụm trưởng'),
      row('CAT Bắc Ninh', [540, 581, 431, 1105, 986, 12.4, 7.44, 388, 361, 178, 160, 305, 284, 1], '01 vụ án oan đang giải quyết bồi thường'),
      row('CAT Hưng Yên', [433, 470, 366, 905, 830, 4.1, err('#DIV/0!'), 352, 330, 162, 150, 276, 262, 0], 'Số thu hồi dán từ biểu của PC03, lỗi công thức'),
      row('CA tỉnh Thái Nguyên', [287, 301, 238, 610, 540, 1.5, 1.2, 201, 190, 95, 88, 170, 161, 0]),
    ],
    totals: 'cached',
  });
  b.spec.freeze = 'C9';
  b.spec.page.printTitleRows = '6:8';
  b.set(`B${t.lastRow + 2}`, 'Người tổng hợp', S.centerBold);
  b.set(`L${t.lastRow + 2}`, 'CỤM TRƯỞNG', S.centerBold);
  b.spec.merges.push(`L${t.lastRow + 2}:Q${t.lastRow + 2}`);
  b.set(`L${t.lastRow + 3}`, 'GIÁM ĐỐC CÔNG AN TỈNH QUẢNG NINH', S.centerBold);
  b.spec.merges.push(`L${t.lastRow + 3}:Q${t.lastRow + 3}`);
  return {
    file: 'cum-3-quy-3-2025.xlsx',
    layout: 'C',
    writer: 'exceljs',
    resave: true,
    sheet,
    spec: { properties: { creator: 'Cụm thi đua số 3', title: 'Tổng hợp quý III/2025', created: '2025-10-05T02:00:00Z' }, sheets: [b.spec] },
    units: t.units,
  };
}

/** 9. Communes across columns (layout B), "6 tháng đầu năm 2025 | 6 tháng đầu năm 2024" — Công an tỉnh Khánh Hòa, ExcelJS. */
function khanhHoaB(): Sample {
  const sheet = 'TH 6 tháng';
  type BKey = Key | 'tngt' | 'injured';
  const units: { name: string; data: Partial<Record<BKey, [number, number]>> }[] = [
    {
      name: 'Công an phường Nha Trang',
      data: {
        pphs: [84, 97],
        pphsCleared: [70, 81],
        reportsReceived: [160, 151],
        reportsResolved: [148, 139],
        tngt: [31, 35],
        trafficDeaths: [9, 11],
        injured: [28, 30],
      },
    },
    {
      name: 'Công an phường Bắc Cam Ranh',
      data: {
        pphs: [41, 42],
        pphsCleared: [30, 33],
        reportsReceived: [66, 61],
        reportsResolved: [58, 55],
        tngt: [18, 16],
        trafficDeaths: [7, 7],
        injured: [15, 13],
      },
    },
    {
      name: 'Công an xã Diên Khánh',
      data: {
        pphs: [35, 38],
        pphsCleared: [29, 31],
        reportsReceived: [52, 50],
        reportsResolved: [47, 45],
        tngt: [12, 14],
        trafficDeaths: [6, 5],
        injured: [10, 12],
      },
    },
    {
      name: 'Công an đặc khu Trường Sa',
      data: { pphs: [0, 1], pphsCleared: [0, 1], reportsReceived: [2, 1], reportsResolved: [2, 1], tngt: [0, 0], trafficDeaths: [0, 0], injured: [0, 0] },
    },
  ];
  const rows: ({ roman: string; section: string } | { stt?: number; label: string; uom: string; key: BKey })[] = [
    { roman: 'I', section: 'PHẠM PHÁP HÌNH SỰ' },
    { stt: 1, label: 'Số vụ phạm pháp hình sự', uom: 'vụ', key: 'pphs' },
    { label: '- Trong đó: đã điều tra khám phá', uom: 'vụ', key: 'pphsCleared' },
    { roman: 'II', section: 'TIN BÁO, TỐ GIÁC TỘI PHẠM' },
    { stt: 2, label: 'Tiếp nhận tin báo, tố giác tội phạm', uom: 'tin', key: 'reportsReceived' },
    { stt: 3, label: 'Đã giải quyết', uom: 'tin', key: 'reportsResolved' },
    { roman: 'III', section: 'TAI NẠN GIAO THÔNG' },
    { stt: 4, label: 'Số vụ', uom: 'vụ', key: 'tngt' },
    { stt: 5, label: 'Số người chết', uom: 'người', key: 'trafficDeaths' },
    { stt: 6, label: 'Số người bị thương', uom: 'người', key: 'injured' },
  ];
  const lastCol = colLetter(3 + units.length * 2);
  const b = new SheetBuilder(sheet, [5, 40, 7, ...units.flatMap(() => [12, 12])], 'landscape');
  b.set('A1', 'CÔNG AN TỈNH KHÁNH HÒA', { font: { name: FONT, size: 12 }, alignment: { horizontal: 'center' } });
  b.spec.merges.push('A1:B1');
  b.set('A2', 'CỤM THI ĐUA SỐ 2 (CÔNG AN CẤP XÃ)', { font: { name: FONT, size: 12, bold: true }, alignment: { horizontal: 'center' } });
  b.spec.merges.push('A2:B2');
  b.set('A4', 'TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA 6 THÁNG ĐẦU NĂM 2025', S.title);
  b.spec.merges.push(`A4:${lastCol}4`);
  const h = boxed(S.centerBold);
  b.mergeSet('A6:A7', 'STT', h);
  b.mergeSet('B6:B7', 'Nội dung', h);
  b.mergeSet('C6:C7', 'ĐVT', h);
  units.forEach((u, i) => {
    const c0 = colLetter(4 + i * 2);
    const c1 = colLetter(5 + i * 2);
    b.mergeSet(`${c0}6:${c1}6`, u.name, h);
    b.set(`${c0}7`, '6 tháng đầu năm 2025', h);
    b.set(`${c1}7`, '6 tháng đầu năm 2024', h);
  });
  b.height(6, 36);
  b.height(7, 34);
  const figures: Partial<Record<Key, Figure>>[] = units.map(() => ({}));
  let r = 8;
  for (const row of rows) {
    if ('section' in row) {
      b.set(`A${r}`, row.roman, h);
      b.set(`B${r}`, row.section, boxed(S.labelBold));
      for (let c = 3; c <= 3 + units.length * 2; c++) b.set(`${colLetter(c)}${r}`, null, boxed(S.text));
      r++;
      continue;
    }
    b.set(`A${r}`, row.stt ?? null, boxed(S.center));
    b.set(`B${r}`, row.label, boxed(S.label));
    b.set(`C${r}`, row.uom, boxed(S.center));
    units.forEach((u, i) => {
      const [cur, base] = u.data[row.key]!;
      const curRef = `${colLetter(4 + i * 2)}${r}`;
      const baseRef = `${colLetter(5 + i * 2)}${r}`;
      b.set(curRef, cur, numStyle('#,##0'));
      b.set(baseRef, base, numStyle('#,##0'));
      if (row.key !== 'tngt' && row.key !== 'injured')
        figures[i][row.key] = { cur: { ref: curRef, input: num(cur) }, base: { ref: baseRef, input: num(base) } };
    });
    r++;
  }
  b.set(`B${r + 1}`, 'Ghi chú: Công an đặc khu Trường Sa 6 tháng đầu năm 2025 không xảy ra vụ phạm pháp hình sự, tai nạn giao thông.', {
    font: { name: FONT, size: 11, italic: true },
  });
  b.spec.freeze = 'D8';
  return {
    file: 'cum-xa-khanh-hoa-6-thang-2025.xlsx',
    layout: 'B',
    writer: 'exceljs',
    resave: false,
    sheet,
    spec: { properties: { creator: 'Công an tỉnh Khánh Hòa', title: 'Tổng hợp cụm xã 6 tháng 2025', created: '2025-06-19T03:00:00Z' }, sheets: [b.spec] },
    units: units.map((u, i) => ({ unit: u.name, figures: figures[i], pledged: {} })),
  };
}

/** 10. Chỉ tiêu giao ước / Thực hiện 9 tháng 2025 / Cùng kỳ 2024, table at B5, a "Tỷ lệ" row holding the plan — Công an tỉnh Đồng Tháp, openpyxl. */
function dongThap(): Sample {
  const unit = 'Công an tỉnh Đồng Tháp';
  const sheet = 'Tổng hợp';
  const b = new SheetBuilder(sheet, [2, 6, 50, 16, 13, 12, 11, 13, 9], 'landscape');
  b.set('B1', 'CÔNG AN TỈNH ĐỒNG THÁP', { font: { name: FONT, size: 12, bold: true } });
  b.set('B2', 'KẾT QUẢ THỰC HIỆN CHỈ TIÊU GIAO ƯỚC THI ĐUA 9 THÁNG NĂM 2025', S.title);
  b.spec.merges.push('B2:I2');
  b.set('B3', 'Kỳ số liệu: 15/12/2024 - 14/9/2025', S.centerItalic);
  b.spec.merges.push('B3:I3');
  const cols: ACol[] = [
    { kind: 'stt', header: 'STT', width: 6 },
    { kind: 'label', header: 'Chỉ tiêu', width: 50 },
    { kind: 'plan', header: 'Chỉ tiêu giao ước năm 2025', width: 16 },
    { kind: 'cur', header: 'Thực hiện 9 tháng 2025', width: 13 },
    { kind: 'base', header: 'Cùng kỳ 2024', width: 12 },
    { kind: 'diff', header: 'So sánh (+/-)', width: 11 },
    { kind: 'self', header: 'Tự đánh giá', width: 13 },
    { kind: 'uom', header: 'ĐVT', width: 9 },
  ];
  const rows: ARow[] = [
    { roman: 'I', section: 'PHẠM PHÁP HÌNH SỰ' },
    {
      stt: 1,
      label: 'Số vụ phạm pháp hình sự',
      uom: 'vụ',
      key: 'pphs',
      plan: 'Giảm ít nhất 5%',
      pledgeFor: 'criminal-cases-down-5pct',
      cur: txt('1 187'),
      base: txt('1 242'),
      self: 'Đạt',
    },
    { stt: 2, label: 'Số vụ đã điều tra khám phá', uom: 'vụ', key: 'pphsCleared', cur: num(963), base: num(1004) },
    {
      stt: 3,
      label: 'Tỷ lệ điều tra khám phá (%)',
      uom: '%',
      plan: '≥ 80%',
      pledgeFor: 'cases-cleared-80pct',
      cur: num(0.8113),
      base: num(0.8084),
      fraction: true,
      self: 'Đạt',
    },
    { stt: 4, label: 'Án rất nghiêm trọng, đặc biệt nghiêm trọng', uom: 'vụ', key: 'serious', cur: num(45), base: num(52) },
    {
      label: '- Đã điều tra khám phá',
      uom: 'vụ',
      key: 'seriousCleared',
      plan: '≥ 95%',
      pledgeFor: 'serious-cases-cleared-95pct',
      cur: num(43),
      base: num(50),
      self: 'Đạt',
    },
    { roman: 'II', section: 'TIN BÁO, TỐ GIÁC TỘI PHẠM, KIẾN NGHỊ KHỞI TỐ' },
    {
      stt: 5,
      label: 'Tiếp nhận tin báo, tố giác tội phạm, KNKT',
      uom: 'tin',
      key: 'reportsReceived',
      plan: 'Tiếp nhận 100%',
      cur: txt('2 950'),
      base: txt('2 811'),
      self: 'Đạt',
    },
    {
      stt: 6,
      label: 'Giải quyết tin báo, tố giác tội phạm, KNKT',
      uom: 'tin',
      key: 'reportsResolved',
      plan: '≥ 90%',
      pledgeFor: 'crime-reports-resolved-90pct',
      cur: txt('2 655'),
      base: txt('2 497'),
      self: 'Đạt',
    },
    { roman: 'III', section: 'THAM NHŨNG' },
    { stt: 7, label: 'Tài sản thiệt hại trong các vụ án tham nhũng', uom: 'triệu đồng', key: 'assetsLost', cur: txt('6 850'), base: txt('4 120') },
    {
      label: '- Đã thu hồi',
      uom: 'triệu đồng',
      key: 'assetsRecovered',
      plan: 'Thu hồi ≥ 70%',
      pledgeFor: 'corruption-assets-recovered-60pct',
      cur: txt('4 452'),
      base: txt('2 230'),
      self: 'Không đạt',
    },
    { roman: 'IV', section: 'TAI NẠN GIAO THÔNG' },
    { stt: 8, label: 'Số vụ tai nạn giao thông', uom: 'vụ', cur: num(188), base: num(205) },
    {
      stt: 9,
      label: 'Số người chết',
      uom: 'người',
      key: 'trafficDeaths',
      plan: 'Giảm ít nhất 10%',
      pledgeFor: 'traffic-deaths-down-10pct',
      cur: num(121),
      base: num(139),
      self: 'Đạt',
    },
    { stt: 10, label: 'Số người bị thương', uom: 'người', cur: num(140), base: num(152) },
    { roman: 'V', section: 'KHÁC' },
    {
      stt: 11,
      label: 'Số vụ án oan',
      uom: 'vụ',
      key: 'wrongful',
      plan: 'Không để xảy ra',
      pledgeFor: 'no-wrongful-convictions',
      cur: num(0),
      base: num(0),
      self: 'Đạt',
    },
  ];
  const t = writeATable(b, unit, { top: 5, left: 2, cols, rows, formulas: false, headerHeight: 36 });
  b.spec.freeze = 'D6';
  let r = t.lastRow + 2;
  b.set(`C${r++}`, 'Ghi chú: Số liệu tiếp nhận, giải quyết tin báo lấy từ phần mềm quản lý tin báo ngày 15/9/2025.', {
    font: { name: FONT, size: 11, italic: true },
  });
  b.set(`C${r++}`, 'Giá trị tài sản tính bằng triệu đồng.', { font: { name: FONT, size: 11, italic: true } });
  signature(b, r + 1, 'C', 'F:I', ['- Cụm thi đua số 8;', '- Lưu: VT.'], ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', '', 'Thượng tá Huỳnh Văn Tâm']);
  return {
    file: 'chi-tieu-giao-uoc-dong-thap-9-thang-2025.xlsx',
    layout: 'A',
    writer: 'openpyxl',
    resave: false,
    sheet,
    unit,
    spec: {
      properties: { creator: 'Công an tỉnh Đồng Tháp', title: 'Kết quả chỉ tiêu giao ước 9 tháng 2025', created: '2025-09-16T06:00:00Z' },
      sheets: [b.spec],
    },
    units: [t.unit],
  };
}

// ───────────────────────────── writers ─────────────────────────────

function excelStyle(cell: ExcelJS.Cell, style: CellStyle | undefined): void {
  if (!style) return;
  if (style.font)
    cell.font = {
      name: style.font.name ?? FONT,
      size: style.font.size ?? 12,
      bold: style.font.bold,
      italic: style.font.italic,
      underline: style.font.underline,
    };
  if (style.alignment) cell.alignment = { ...style.alignment };
  if (style.border) {
    const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
    cell.border = { top: { ...thin }, left: { ...thin }, bottom: { ...thin }, right: { ...thin } };
  }
  if (style.numFmt) cell.numFmt = style.numFmt;
}

function excelValue(v: SpecValue): ExcelJS.CellValue {
  if (v !== null && typeof v === 'object') {
    if ('formula' in v) {
      const result = v.result !== undefined && typeof v.result === 'object' ? ({ error: v.result.error } as ExcelJS.CellErrorValue) : v.result;
      return result === undefined ? ({ formula: v.formula } as ExcelJS.CellFormulaValue) : ({ formula: v.formula, result } as ExcelJS.CellFormulaValue);
    }
    return { error: v.error } as ExcelJS.CellErrorValue;
  }
  return v;
}

async function writeWithExcelJS(spec: WorkbookSpec, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = spec.properties.creator;
  wb.lastModifiedBy = spec.properties.creator;
  wb.title = spec.properties.title;
  wb.created = new Date(spec.properties.created);
  wb.modified = new Date(spec.properties.created);
  for (const sheet of spec.sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      pageSetup: { paperSize: 9, orientation: sheet.page.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    if (sheet.page.printTitleRows) ws.pageSetup.printTitlesRow = sheet.page.printTitleRows;
    sheet.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    for (const c of sheet.hiddenCols) ws.getColumn(c).hidden = true;
    for (const c of sheet.cells) {
      const cell = ws.getCell(c.ref);
      if (c.value !== undefined) cell.value = excelValue(c.value);
      excelStyle(cell, c.style);
    }
    for (const m of sheet.merges) ws.mergeCells(m);
    for (const [row, h] of Object.entries(sheet.heights)) ws.getRow(Number(row)).height = h;
    for (const row of sheet.hiddenRows) ws.getRow(row).hidden = true;
    if (sheet.freeze) {
      const m = /^([A-Z]+)(\d+)$/.exec(sheet.freeze)!;
      ws.views = [{ state: 'frozen', xSplit: colIndex(m[1]) - 1, ySplit: Number(m[2]) - 1, topLeftCell: sheet.freeze }];
    }
  }
  if (spec.activeSheet !== undefined)
    (wb.views as unknown) = [{ activeTab: spec.activeSheet, x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, visibility: 'visible' }];
  await wb.xlsx.writeFile(file);
}

function findPython(): string | undefined {
  const candidates = process.env.PYTHON ? [process.env.PYTHON] : ['/usr/bin/python3', 'python3'];
  for (const py of candidates) {
    const r = spawnSync(py, ['-c', 'import openpyxl'], { stdio: 'ignore' });
    if (r.status === 0) return py;
  }
  return undefined;
}

function writeWithOpenpyxl(py: string, spec: WorkbookSpec, file: string): void {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pledge-everyday-'));
  try {
    const specFile = path.join(tmp, 'spec.json');
    fs.writeFileSync(specFile, JSON.stringify(spec));
    const r = spawnSync(py, [PY_HELPER, 'write', specFile, file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openpyxl helper failed (${py}): ${r.stderr || r.error}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ───────────────────────────── read back and compare ─────────────────────────────

function sameNumber(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** What a cell must read as, whichever reader reads it. */
type Want =
  | { t: 'empty' }
  | { t: 'number'; v: number }
  | { t: 'text'; v: string }
  | { t: 'error'; v: string }
  | { t: 'formula'; result?: number | string | { error: string } };

function wantOf(v: SpecValue): Want {
  if (v === null) return { t: 'empty' };
  if (typeof v === 'number') return { t: 'number', v };
  if (typeof v === 'string') return v === '' ? { t: 'empty' } : { t: 'text', v };
  if ('formula' in v) return { t: 'formula', result: v.result };
  return { t: 'error', v: v.error };
}

/** Checks every intended cell with ExcelJS. `recalculated`: formulas written without a cache may have one now. */
async function verifyWithExcelJS(file: string, spec: WorkbookSpec, problems: string[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const sheet of spec.sheets) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) {
      problems.push(`ExcelJS: sheet ${sheet.name} missing`);
      continue;
    }
    for (const c of sheet.cells) {
      if (c.value === undefined) continue;
      const got = ws.getCell(c.ref).value as unknown;
      const where = `ExcelJS ${sheet.name}!${c.ref}`;
      const w = wantOf(c.value);
      const g = got as { formula?: string; sharedFormula?: string; result?: unknown; error?: string } | null | undefined;
      if (w.t === 'empty') {
        if (got !== null && got !== undefined && got !== '') problems.push(`${where}: expected empty, found ${JSON.stringify(got)}`);
      } else if (w.t === 'number') {
        if (typeof got !== 'number' || !sameNumber(got, w.v)) problems.push(`${where}: expected number ${w.v}, found ${JSON.stringify(got)}`);
      } else if (w.t === 'text') {
        if (got !== w.v) problems.push(`${where}: expected text ${JSON.stringify(w.v)}, found ${JSON.stringify(got)}`);
      } else if (w.t === 'error') {
        // LibreOffice saves a typed error value as the formula `=#DIV/0!` with that cached result.
        const e = g && typeof g === 'object' ? (g.error ?? (g.result as { error?: string } | undefined)?.error) : undefined;
        if (e !== w.v) problems.push(`${where}: expected error ${w.v}, found ${JSON.stringify(got)}`);
      } else {
        if (!g || typeof g !== 'object' || !('formula' in g || 'sharedFormula' in g)) {
          problems.push(`${where}: expected a formula, found ${JSON.stringify(got)}`);
          continue;
        }
        // ExcelJS reads a cached <v>0</v> back as no result; openpyxl checks those below.
        checkResult(where, w.result, w.result === 0 && g.result === undefined ? 0 : g.result, problems);
      }
    }
    const merges = new Set<string>((ws.model as unknown as { merges: string[] }).merges ?? []);
    for (const m of sheet.merges) if (!merges.has(m)) problems.push(`ExcelJS ${sheet.name}: merge ${m} missing`);
    for (const row of sheet.hiddenRows) if (!ws.getRow(row).hidden) problems.push(`ExcelJS ${sheet.name}: row ${row} is not hidden`);
    for (const col of sheet.hiddenCols) if (!ws.getColumn(col).hidden) problems.push(`ExcelJS ${sheet.name}: column ${colLetter(col)} is not hidden`);
  }
}

function checkResult(where: string, want: number | string | { error: string } | undefined, got: unknown, problems: string[]): void {
  if (want === undefined) return; // written without a cached result; LibreOffice may have computed one
  if (typeof want === 'number') {
    if (typeof got !== 'number' || !sameNumber(got, want)) problems.push(`${where}: cached result ${JSON.stringify(got)}, expected ${want}`);
  } else if (typeof want === 'object') {
    const e = got && typeof got === 'object' && 'error' in got ? (got as { error: string }).error : got;
    if (e !== want.error) problems.push(`${where}: cached result ${JSON.stringify(got)}, expected ${want.error}`);
  } else if (got !== want) problems.push(`${where}: cached result ${JSON.stringify(got)}, expected ${want}`);
}

interface PyCell {
  stored: unknown;
  cached: unknown;
  type: string;
}
interface PySheet {
  cells: Record<string, PyCell>;
  merges: string[];
  hiddenRows: number[];
  hiddenCols: number[];
}

/** Checks every intended cell with openpyxl (stored value, cached value, merges, hidden rows and columns). */
function verifyWithOpenpyxl(py: string, file: string, spec: WorkbookSpec, problems: string[]): void {
  const r = spawnSync(py, [PY_HELPER, 'read', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`openpyxl read failed: ${r.stderr}`);
  const book = JSON.parse(r.stdout) as Record<string, PySheet>;
  for (const sheet of spec.sheets) {
    const ws = book[sheet.name];
    if (!ws) {
      problems.push(`openpyxl: sheet ${sheet.name} missing`);
      continue;
    }
    for (const c of sheet.cells) {
      if (c.value === undefined) continue;
      const got = ws.cells[c.ref];
      const where = `openpyxl ${sheet.name}!${c.ref}`;
      const w = wantOf(c.value);
      if (w.t === 'empty') {
        if (got && got.stored !== '') problems.push(`${where}: expected empty, found ${JSON.stringify(got.stored)}`);
      } else if (!got) problems.push(`${where}: missing`);
      else if (w.t === 'number') {
        if (typeof got.stored !== 'number' || !sameNumber(got.stored, w.v))
          problems.push(`${where}: expected number ${w.v}, found ${JSON.stringify(got.stored)}`);
      } else if (w.t === 'text') {
        if (got.stored !== w.v || got.type !== 's')
          problems.push(`${where}: expected text ${JSON.stringify(w.v)}, found ${JSON.stringify(got.stored)} (${got.type})`);
      } else if (w.t === 'error') {
        const loFormula = got.stored === `=${w.v}` && got.cached === w.v;
        if (!loFormula && (got.stored !== w.v || got.type !== 'e'))
          problems.push(`${where}: expected error ${w.v}, found ${JSON.stringify(got.stored)} (${got.type})`);
      } else {
        if (typeof got.stored !== 'string' || !got.stored.startsWith('=')) problems.push(`${where}: expected a formula, found ${JSON.stringify(got.stored)}`);
        else {
          const want = w.result;
          const cached = typeof want === 'object' && want !== null ? (got.cached === want.error ? want : got.cached) : got.cached;
          checkResult(where, want, cached, problems);
        }
      }
    }
    const merges = new Set(ws.merges);
    for (const m of sheet.merges) if (!merges.has(m)) problems.push(`openpyxl ${sheet.name}: merge ${m} missing`);
    for (const row of sheet.hiddenRows) if (!ws.hiddenRows.includes(row)) problems.push(`openpyxl ${sheet.name}: row ${row} is not hidden`);
    for (const col of sheet.hiddenCols) if (!ws.hiddenCols.includes(col)) problems.push(`openpyxl ${sheet.name}: column ${colLetter(col)} is not hidden`);
  }
}

function application(file: string): string {
  const zip = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const app = zip['docProps/app.xml'] ? strFromU8(zip['docProps/app.xml']) : '';
  return /<Application>([^<]*)<\/Application>/.exec(app)?.[1] ?? '?';
}

// ───────────────────────────── main ─────────────────────────────

interface ExpectedEntry {
  layout: 'A' | 'B' | 'C';
  unit?: string;
  sheet: string;
  expected: Expectation[];
}

export const EVERYDAY_SAMPLES = [haTinh, quangNinh, giaLai, lamDong, daNang, anGiang, ngheAn, haiPhongXa, cumQuy3, khanhHoaB, dongThap];

export async function makeEverydaySamples(outDir = OUT_DIR): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const py = findPython();
  const soffice = findSoffice();
  if (!py) console.log('  ! python3 with openpyxl not found (install python3-openpyxl): openpyxl samples are written by ExcelJS and read back by ExcelJS only');
  if (!soffice) console.log('  ! LibreOffice (soffice) not found: samples meant to be re-saved by LibreOffice keep their first writer');
  const expected: Record<string, ExpectedEntry> = {};
  for (const make of EVERYDAY_SAMPLES) {
    const s = make();
    s.spec.sheets.forEach(fitRowHeights);
    const out = path.join(outDir, s.file);
    let writer: string;
    if (s.writer === 'openpyxl' && py) {
      writeWithOpenpyxl(py, s.spec, out);
      writer = 'openpyxl';
    } else {
      await writeWithExcelJS(s.spec, out);
      writer = s.writer === 'openpyxl' ? 'ExcelJS (fallback for openpyxl)' : 'ExcelJS';
    }
    const check = async (): Promise<void> => {
      const problems: string[] = [];
      await verifyWithExcelJS(out, s.spec, problems);
      if (py) verifyWithOpenpyxl(py, out, s.spec, problems);
      if (problems.length) throw new Error(`${s.file} does not hold what was meant:\n  ${problems.join('\n  ')}`);
    };
    await check();
    if (s.resave && soffice) {
      resaveWithLibreOffice(soffice, out);
      writer += ', re-saved by LibreOffice';
      await check();
    }
    const entries: Expectation[] = [];
    for (const u of s.units)
      for (const t of TARGETS) {
        const e = evaluate(t, u, s.sheet);
        if (e) entries.push(e);
      }
    expected[s.file] = { layout: s.layout, ...(s.unit ? { unit: s.unit } : {}), sheet: s.sheet, expected: entries };
    console.log(`✓ everyday/${s.file}  (layout ${s.layout}, ${writer}; app.xml says "${application(out)}")`);
  }
  fs.writeFileSync(path.join(outDir, 'expected.json'), JSON.stringify(expected, null, 1) + '\n');
  const all = Object.values(expected).flatMap((e) => e.expected);
  const count = (st: Status) => all.filter((e) => e.status === st).length;
  console.log(`✓ everyday/expected.json  (${all.length} entries: ${count('met')} met, ${count('shortfall')} shortfall, ${count('no-data')} no data)`);
  if (process.env.VERBOSE) {
    for (const [file, entry] of Object.entries(expected)) {
      console.log(`\n${file}`);
      for (const e of entry.expected) {
        console.log(
          `  ${e.unit.padEnd(30)} ${e.ruleId.padEnd(34)} ${e.status.padEnd(9)} ${String(e.actual).padStart(7)}  ${e.cells.join(', ')}${e.pledgedInWorkbook ? `  [${e.pledgedInWorkbook}]` : ''}`,
        );
      }
    }
  }
}

if (require.main === module) {
  makeEverydaySamples().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

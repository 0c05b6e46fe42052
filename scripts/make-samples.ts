/**
 * Makes the project's sample workbooks in samples/ and samples/expected.json.
 *
 *   npx ts-node --transpile-only scripts/make-samples.ts      (or: npm run samples)
 *
 * Three workbooks, one per layout (see DOMAIN.md), written by three different programs:
 *   bao-cao-ninh-binh-2025.xlsx   layout A, one unit's report        ExcelJS
 *   tong-hop-cum-2025.xlsx        layout B, cluster consolidation    openpyxl (else ExcelJS)
 *   cum-thi-dua-2025-bang.xlsx    layout C, Excel table (ListObject) ExcelJS, re-saved by LibreOffice
 * and then the "everyday template" workbooks in samples/everyday/ (scripts/make-everyday-samples.ts).
 *
 * Every number is defined once, below. The same definitions give the cells written to the
 * workbooks and the statuses in expected.json (computed here, never typed by hand), so the
 * two cannot disagree. After writing, each workbook is read back and every cell compared
 * with what was meant to be written; any difference stops the script.
 *
 * openpyxl (python3-openpyxl) and LibreOffice (soffice) are optional: when one is missing
 * the script says so and writes that sample with ExcelJS instead. Environment overrides:
 * PYTHON=/path/to/python3, SOFFICE=/path/to/soffice (only that program is tried).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { makeEverydaySamples } from './make-everyday-samples';
import { findSoffice, resaveWithLibreOffice } from './libreOffice';
import { IndicatorKey, Target, TARGETS } from './sampleTargets';

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'samples');
const PY_HELPER = path.join(__dirname, 'make-samples-openpyxl.py');

// ───────────────────────────── values as the units write them ─────────────────────────────

/** What one input cell holds: a real number, text (a Vietnamese number or a no-data note), or nothing. */
type Input = { kind: 'number'; value: number } | { kind: 'text'; text: string } | { kind: 'blank' };

const num = (value: number): Input => ({ kind: 'number', value });
const txt = (text: string): Input => ({ kind: 'text', text });
const BLANK: Input = { kind: 'blank' };

/**
 * The number a reader should see in an input, or null for no data. Only the Vietnamese forms
 * this script itself writes are accepted (`1.612` = 1612, `4,35` = 4.35); anything else
 * (`chưa thống kê`) is no data.
 */
function numericValue(input: Input): number | null {
  if (input.kind === 'number') return input.value;
  if (input.kind === 'blank') return null;
  const s = input.text.trim();
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^-?\d+(,\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  return null;
}

function cellValueOf(input: Input): number | string | null {
  if (input.kind === 'number') return input.value;
  if (input.kind === 'text') return input.text;
  return null;
}

/** `-7.0720` → `-7,07` (what a clerk types into a cell). */
function viDecimal(x: number, digits = 2): string {
  return x.toFixed(digits).replace('.', ',');
}

// ───────────────────────────── targets of the default pack ─────────────────────────────

interface Located {
  ref: string;
  input: Input;
}
/** One indicator of one unit: the current-period cell and, where written, the baseline cell. */
interface Figure {
  cur: Located;
  base?: Located;
}
interface UnitFigures {
  unit: string;
  figures: Partial<Record<IndicatorKey, Figure>>;
}

type Status = 'met' | 'shortfall' | 'no-data';
interface Expectation {
  ruleId: string;
  unit: string;
  status: Status;
  actual: number | null;
  cells: string[];
  sheet: string;
}

/** Round to 9 decimals so that 4,35 / 7,25 is exactly 60 and not 59,999…. */
const round9 = (x: number): number => Math.round(x * 1e9) / 1e9;

/** Two decimals, half away from zero. Refuses exact ties so no implementation can round differently. */
function round2(x: number, what: string): number {
  const scaled = Math.abs(x) * 100;
  const frac = scaled - Math.floor(scaled);
  if (Math.abs(frac - 0.5) < 1e-6) throw new Error(`${what}: ${x} is a rounding tie; change the sample numbers`);
  const r = (Math.sign(x) * Math.round(scaled)) / 100;
  return r === 0 ? 0 : r; // never -0
}

function evaluate(target: Target, u: UnitFigures, sheet: string): Expectation | undefined {
  const f = u.figures;
  let value: number | null;
  let cells: string[];
  let pass: (v: number) => boolean;
  if (target.kind === 'change' || target.kind === 'count') {
    const fig = f[target.of];
    if (!fig) return undefined; // the workbook does not have this target's indicator
    cells = [fig.cur.ref];
    const cur = numericValue(fig.cur.input);
    if (target.kind === 'count') {
      value = cur;
    } else {
      const base = fig.base ? numericValue(fig.base.input) : null;
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
  if (value === null) {
    return { ruleId: target.ruleId, unit: u.unit, status: 'no-data', actual: null, cells, sheet };
  }
  const v = round9(value);
  const what = `${u.unit} ${target.ruleId}`;
  return { ruleId: target.ruleId, unit: u.unit, status: pass(v) ? 'met' : 'shortfall', actual: round2(v, what), cells, sheet };
}

// ───────────────────────────── a workbook described as data ─────────────────────────────

type SpecValue = number | string | null | { formula: string; result: number | string | { error: string } };

interface CellStyle {
  font?: { name?: string; size?: number; bold?: boolean; italic?: boolean; underline?: boolean };
  alignment?: { horizontal?: 'left' | 'center' | 'right'; vertical?: 'top' | 'middle' | 'bottom'; wrapText?: boolean };
  border?: boolean;
  numFmt?: string;
}

interface CellSpec {
  ref: string;
  /** undefined: style only (the value comes from elsewhere, e.g. an Excel table). */
  value?: SpecValue;
  style?: CellStyle;
}

interface TableSpec {
  name: string;
  /** Top-left cell of the header row. */
  ref: string;
  columns: { name: string; totals: 'none' | 'sum' | 'label'; label?: string }[];
  /** Data rows (values as written in the cells). */
  rows: (number | string | null)[][];
}

interface SheetSpec {
  name: string;
  cells: CellSpec[];
  merges: string[];
  widths: number[];
  heights: Record<number, number>;
  hiddenRows: number[];
  /** Top-left cell of the scrolling pane. */
  freeze?: string;
  page: { orientation: 'portrait' | 'landscape'; printTitleRows?: string };
  table?: TableSpec;
}

interface WorkbookSpec {
  properties: { creator: string; title: string; created: string };
  sheets: SheetSpec[];
}

const FONT = 'Times New Roman';
const S = {
  text: { font: { name: FONT, size: 12 } } as CellStyle,
  bold: { font: { name: FONT, size: 12, bold: true } } as CellStyle,
  centerBold: { font: { name: FONT, size: 12, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } } as CellStyle,
  center: { font: { name: FONT, size: 12 }, alignment: { horizontal: 'center', vertical: 'middle' } } as CellStyle,
  centerItalic: { font: { name: FONT, size: 12, italic: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } } as CellStyle,
  title: { font: { name: FONT, size: 14, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } } as CellStyle,
};

function boxed(base: CellStyle, extra: Partial<CellStyle> = {}): CellStyle {
  return { ...base, ...extra, border: true };
}

class SheetBuilder {
  readonly spec: SheetSpec;
  constructor(name: string, widths: number[], orientation: 'portrait' | 'landscape') {
    this.spec = { name, cells: [], merges: [], widths, heights: {}, hiddenRows: [], page: { orientation } };
  }
  set(ref: string, value: SpecValue | undefined, style?: CellStyle): void {
    this.spec.cells.push({ ref, value, style });
  }
  merge(range: string): void {
    this.spec.merges.push(range);
  }
  height(row: number, h: number): void {
    this.spec.heights[row] = h;
  }
  /**
   * Gives rows with wrapped text the height Excel would after "AutoFit" (neither ExcelJS nor
   * openpyxl measures text, and LibreOffice keeps the default height of such rows), so the
   * rendered page does not overlap. Rough: about 1.4 characters of Times New Roman per width unit, 16 pt a line.
   */
  fitRowHeights(): this {
    const merged = new Set<string>();
    for (const m of this.spec.merges) {
      const [a] = m.split(':');
      merged.add(a);
    }
    const lines = new Map<number, number>();
    for (const c of this.spec.cells) {
      if (typeof c.value !== 'string' || !c.style?.alignment?.wrapText || merged.has(c.ref)) continue;
      const m = /^([A-Z]+)(\d+)$/.exec(c.ref)!;
      const width = this.spec.widths[m[1].charCodeAt(0) - 65] ?? 9;
      const perLine = width * ((c.style.font?.size ?? 12) <= 11 ? 1.5 : 1.4); // Times New Roman is narrower than the width unit
      const n = Math.ceil(c.value.length / perLine);
      const row = Number(m[2]);
      lines.set(row, Math.max(lines.get(row) ?? 1, n));
    }
    for (const [row, n] of lines) if (n > 1 && this.spec.heights[row] === undefined) this.spec.heights[row] = 16 * n + 2;
    return this;
  }
}

function colLetter(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

// ───────────────────────────── sample 1: layout A, Công an tỉnh Ninh Bình ─────────────────────────────

type ARow =
  | { roman: string; section: string }
  | {
      stt?: number;
      label: string;
      uom: string;
      cur: Input;
      base: Input;
      key?: IndicatorKey;
      note?: string | ((cur: number | null, base: number | null) => string);
      hidden?: boolean;
      money?: boolean;
      /** A rate: the change column holds the difference in percentage points. */
      points?: boolean;
    };

function sampleA(): { spec: WorkbookSpec; sheet: string; unit: string; units: UnitFigures[] } {
  const unit = 'Công an tỉnh Ninh Bình';
  const sheetName = 'Biểu 01';

  const guide = new SheetBuilder('Hướng dẫn', [80], 'portrait');
  const lines = [
    'HƯỚNG DẪN NHẬP SỐ LIỆU BIỂU 01',
    '',
    '1. Số liệu tính theo năm thống kê của Bộ Công an: từ ngày 15/12/2024 đến ngày 14/12/2025.',
    '2. Cột 4 (Năm 2025) ghi số liệu kỳ báo cáo; cột 5 (Cùng kỳ năm 2024) ghi số liệu cùng kỳ năm trước.',
    '3. Số liệu cùng kỳ năm 2024 là tổng số liệu của Công an các tỉnh Ninh Bình, Nam Định, Hà Nam trước khi hợp nhất (01/7/2025).',
    '4. Cột 6 tính tỷ lệ tăng (+), giảm (-) so với cùng kỳ; không sửa, không xóa công thức.',
    '5. Chỉ tiêu chưa có số liệu ghi "chưa thống kê", không để trống, không ghi số 0.',
    '6. Giá trị tài sản tính bằng tỷ đồng, lấy 2 chữ số thập phân (ví dụ: 4,35).',
    '7. Các đơn vị gửi số liệu về Phòng Tham mưu (PV01) trước ngày 16/12/2025 để tổng hợp, báo cáo Cụm thi đua.',
  ];
  lines.forEach((line, i) => {
    if (line)
      guide.set(
        `A${i + 1}`,
        line,
        i === 0 ? { ...S.bold, font: { name: FONT, size: 14, bold: true } } : { ...S.text, alignment: { wrapText: true, vertical: 'top' } },
      );
  });

  const rows: ARow[] = [
    { roman: 'I', section: 'TỘI PHẠM VỀ TRẬT TỰ XÃ HỘI' },
    {
      stt: 1,
      label: 'Số vụ phạm pháp hình sự',
      uom: 'vụ',
      cur: num(1498),
      base: txt('1.612'),
      key: 'pphs',
      note: 'Cùng kỳ: cộng số liệu CA Ninh Bình, Nam Định, Hà Nam (cũ)',
    },
    {
      label: '- Trong đó: đã điều tra khám phá',
      uom: 'vụ',
      cur: txt('1.276'),
      base: num(1391),
      key: 'pphsCleared',
      note: () => `Tỷ lệ khám phá đạt ${viDecimal((1276 / 1498) * 100)}%`,
    },
    { stt: 2, label: 'Án rất nghiêm trọng, đặc biệt nghiêm trọng', uom: 'vụ', cur: num(87), base: num(94), key: 'serious' },
    {
      label: '- Trong đó: đã điều tra khám phá',
      uom: 'vụ',
      cur: txt('chưa thống kê'),
      base: num(90),
      key: 'seriousCleared',
      note: 'PC02 đang rà soát, đối chiếu số liệu',
    },
    { roman: 'II', section: 'CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT TIN BÁO, TỐ GIÁC TỘI PHẠM VÀ KIẾN NGHỊ KHỞI TỐ' },
    { stt: 3, label: 'Tin báo, tố giác tội phạm và kiến nghị khởi tố đã tiếp nhận', uom: 'tin', cur: txt('3.254'), base: num(3087), key: 'reportsReceived' },
    { label: '- Đã giải quyết', uom: 'tin', cur: num(2987), base: num(2795), key: 'reportsResolved' },
    { label: '- Tồn đọng từ kỳ trước chuyển sang', uom: 'tin', cur: num(118), base: num(131), hidden: true },
    { roman: 'III', section: 'TỘI PHẠM VỀ THAM NHŨNG, KINH TẾ, BUÔN LẬU' },
    { stt: 4, label: 'Số vụ án tham nhũng đã khởi tố', uom: 'vụ', cur: num(19), base: num(14) },
    {
      stt: 5,
      label: 'Giá trị tài sản bị chiếm đoạt, thất thoát trong các vụ án tham nhũng',
      uom: 'tỷ đồng',
      cur: num(7.25),
      base: num(5.8),
      key: 'assetsLost',
      money: true,
    },
    { label: '- Trong đó: đã thu hồi', uom: 'tỷ đồng', cur: txt('4,35'), base: num(2.9), key: 'assetsRecovered', money: true, note: 'Đạt 60%' },
    { roman: 'IV', section: 'PHÒNG CHÁY, CHỮA CHÁY VÀ CỨU NẠN, CỨU HỘ' },
    { stt: 6, label: 'Số vụ cháy, nổ', uom: 'vụ', cur: num(96), base: num(104) },
    { label: '- Số người chết', uom: 'người', cur: num(7), base: num(5) },
    { label: '- Thiệt hại về tài sản', uom: 'tỷ đồng', cur: num(12.6), base: num(18.3), money: true },
    { roman: 'V', section: 'TAI NẠN GIAO THÔNG' },
    { stt: 7, label: 'Số vụ tai nạn giao thông', uom: 'vụ', cur: num(498), base: num(532) },
    { stt: 8, label: 'Số người chết', uom: 'người', cur: num(381), base: num(412), key: 'trafficDeaths', note: 'Chưa đạt chỉ tiêu giảm 10%' },
    { stt: 9, label: 'Số người bị thương', uom: 'người', cur: num(402), base: num(447) },
    { roman: 'VI', section: 'CÁC CHỈ TIÊU KHÁC' },
    { stt: 10, label: 'Số vụ án oan', uom: 'vụ', cur: num(0), base: num(0), key: 'wrongful' },
    { stt: 11, label: 'Số đối tượng truy nã bị bắt, vận động đầu thú', uom: 'đối tượng', cur: num(236), base: num(214) },
    {
      stt: 12,
      label: 'Tỷ lệ công dân được cấp tài khoản định danh điện tử mức 2 (Đề án 06)',
      uom: '%',
      cur: num(87.4),
      base: num(71.2),
      points: true,
      note: 'Cột 6 tính bằng điểm phần trăm',
    },
  ];

  const b = new SheetBuilder(sheetName, [6, 50, 11, 12, 13, 12, 30], 'portrait');
  const letter = { font: { name: FONT, size: 12 }, alignment: { horizontal: 'center' } } as CellStyle;
  b.set('A1', 'CÔNG AN TỈNH NINH BÌNH', letter);
  b.merge('A1:C1');
  b.set('E1', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { ...letter, font: { name: FONT, size: 12, bold: true } });
  b.merge('E1:G1');
  b.set('A2', 'PHÒNG THAM MƯU', { ...letter, font: { name: FONT, size: 12, bold: true } });
  b.merge('A2:C2');
  b.set('E2', 'Độc lập - Tự do - Hạnh phúc', { ...letter, font: { name: FONT, size: 12, bold: true, underline: true } });
  b.merge('E2:G2');
  b.set('A3', 'Số: 2150/BC-CAT-PV01', letter);
  b.merge('A3:C3');
  b.set('E3', 'Ninh Bình, ngày 16 tháng 12 năm 2025', { ...letter, font: { name: FONT, size: 12, italic: true } });
  b.merge('E3:G3');
  b.set('A5', 'BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU GIAO ƯỚC THI ĐUA "VÌ AN NINH TỔ QUỐC" NĂM 2025', S.title);
  b.merge('A5:G5');
  b.height(5, 40);
  b.set('A6', '(Số liệu từ ngày 15/12/2024 đến ngày 14/12/2025)', S.centerItalic);
  b.merge('A6:G6');

  const header = ['STT', 'Nội dung chỉ tiêu', 'Đơn vị tính', 'Năm 2025', 'Cùng kỳ năm 2024', 'Tăng (+), giảm (-) %', 'Ghi chú'];
  header.forEach((h, i) => b.set(`${colLetter(i + 1)}8`, h, boxed(S.centerBold)));
  b.height(8, 36);
  // Column numbers, typed as numbers the way clerks do, except the formula hint.
  const colNumbers: SpecValue[] = [1, 2, 3, 4, 5, '6=(4-5)/5', 7];
  colNumbers.forEach((v, i) => b.set(`${colLetter(i + 1)}9`, v, boxed({ ...S.centerItalic, font: { name: FONT, size: 11, italic: true } })));
  b.spec.freeze = 'A10';
  b.spec.page.printTitleRows = '8:9';

  const figures: Partial<Record<IndicatorKey, Figure>> = {};
  let r = 10;
  for (const row of rows) {
    if ('section' in row) {
      b.set(`A${r}`, row.roman, boxed(S.centerBold));
      b.set(`B${r}`, row.section, boxed({ ...S.bold, alignment: { wrapText: true, vertical: 'middle' } }));
      for (const c of ['C', 'D', 'E', 'F', 'G']) b.set(`${c}${r}`, undefined, boxed(S.text));
      r++;
      continue;
    }
    const fmt = row.points ? '0.0' : row.money ? '#,##0.00' : '#,##0';
    b.set(`A${r}`, row.stt ?? null, boxed(S.center));
    b.set(`B${r}`, row.label, boxed({ ...S.text, alignment: { wrapText: true, vertical: 'middle' } }));
    b.set(`C${r}`, row.uom, boxed(S.center));
    b.set(`D${r}`, cellValueOf(row.cur), boxed({ ...S.text, alignment: { horizontal: 'right', vertical: 'middle' }, numFmt: fmt }));
    b.set(`E${r}`, cellValueOf(row.base), boxed({ ...S.text, alignment: { horizontal: 'right', vertical: 'middle' }, numFmt: fmt }));

    // Change column: a formula where both inputs are real numbers (cached result as Excel
    // computes it, #DIV/0! when the baseline is 0); typed by hand where an input is text;
    // left empty where there is no data.
    const c = numericValue(row.cur);
    const p = numericValue(row.base);
    let change: SpecValue = null;
    let changeFmt = '0.00%';
    if (row.cur.kind === 'number' && row.base.kind === 'number') {
      if (row.points) {
        change = { formula: `D${r}-E${r}`, result: row.cur.value - row.base.value };
        changeFmt = '+0.0;-0.0';
      } else {
        change = { formula: `(D${r}-E${r})/E${r}`, result: row.base.value === 0 ? { error: '#DIV/0!' } : (row.cur.value - row.base.value) / row.base.value };
      }
    } else if (c !== null && p !== null && p !== 0) {
      change = viDecimal(((c - p) / p) * 100);
    }
    b.set(`F${r}`, change, boxed({ ...S.text, alignment: { horizontal: 'right', vertical: 'middle' }, numFmt: changeFmt }));
    const note = typeof row.note === 'function' ? row.note(c, p) : (row.note ?? null);
    b.set(`G${r}`, note, boxed({ ...S.text, font: { name: FONT, size: 11, italic: true }, alignment: { wrapText: true, vertical: 'middle' } }));
    if (row.hidden) b.spec.hiddenRows.push(r);
    if (row.key) figures[row.key] = { cur: { ref: `D${r}`, input: row.cur }, base: { ref: `E${r}`, input: row.base } };
    r++;
  }

  r++;
  b.set(`B${r}`, 'Nơi nhận:', { font: { name: FONT, size: 12, bold: true, italic: true } });
  b.set(`E${r}`, 'KT. GIÁM ĐỐC', { ...S.centerBold });
  b.merge(`E${r}:G${r}`);
  r++;
  b.set(`B${r}`, '- Cụm thi đua số 2 - Bộ Công an (để tổng hợp);', { font: { name: FONT, size: 11 } });
  b.set(`E${r}`, 'PHÓ GIÁM ĐỐC', { ...S.centerBold });
  b.merge(`E${r}:G${r}`);
  r++;
  b.set(`B${r}`, '- Đồng chí Giám đốc (để báo cáo);', { font: { name: FONT, size: 11 } });
  r++;
  b.set(`B${r}`, '- Lưu: VT, PV01.', { font: { name: FONT, size: 11 } });
  b.set(`E${r}`, '(Đã ký)', S.centerItalic);
  b.merge(`E${r}:G${r}`);

  return {
    spec: {
      properties: { creator: 'Phòng Tham mưu - Công an tỉnh Ninh Bình', title: 'Báo cáo giao ước thi đua năm 2025', created: '2025-12-16T01:30:00Z' },
      sheets: [guide.fitRowHeights().spec, b.fitRowHeights().spec],
    },
    sheet: sheetName,
    unit,
    units: [{ unit, figures }],
  };
}

// ───────────────────────────── sample 2: layout B, cluster consolidation ─────────────────────────────

type BRowKey = IndicatorKey | 'tngtCases' | 'injured' | 'fires';
type Pair = [Input, Input]; // [6 tháng 2024, 6 tháng 2025]

function sampleB(): { spec: WorkbookSpec; sheet: string; units: UnitFigures[] } {
  const sheetName = 'Tổng hợp 6 tháng';
  const P = (a: number | string | null, c: number | string | null): Pair => {
    const one = (v: number | string | null): Input => (v === null ? BLANK : typeof v === 'number' ? num(v) : txt(v));
    return [one(a), one(c)];
  };
  const units: { name: string; data: Record<BRowKey, Pair> }[] = [
    {
      name: 'Công an tỉnh Thanh Hóa',
      data: {
        pphs: P(842, 786),
        pphsCleared: P(701, 668),
        serious: P(41, 38),
        seriousCleared: P(40, 36),
        reportsReceived: P(1655, 1732),
        reportsResolved: P(1502, 1571),
        assetsLost: P(8.4, 12.6),
        assetsRecovered: P(5.1, 7.56),
        tngtCases: P(512, 478),
        trafficDeaths: P(168, 151),
        injured: P(402, 371),
        wrongful: P(0, 0),
        fires: P(38, 31),
      },
    },
    {
      name: 'Công an tỉnh Nghệ An',
      data: {
        pphs: P(1096, '1.037'),
        pphsCleared: P(874, 821),
        serious: P(33, 29),
        seriousCleared: P(31, 28),
        reportsReceived: P(1893, 1980),
        reportsResolved: P(1702, 1763),
        assetsLost: P(11.2, 15.2),
        assetsRecovered: P(6.2, 10.1),
        tngtCases: P(563, 540),
        trafficDeaths: P(190, 171),
        injured: P(451, 437),
        wrongful: P(0, 1),
        fires: P(52, 47),
      },
    },
    {
      name: 'Công an tỉnh Hà Tĩnh',
      data: {
        pphs: P(412, 397),
        pphsCleared: P(339, 330),
        serious: P(15, 14),
        seriousCleared: P(15, 14),
        reportsReceived: P(790, 826),
        reportsResolved: P(722, 771),
        assetsLost: P(2.3, 3.1),
        assetsRecovered: P(1.1, 1.4),
        tngtCases: P(231, 219),
        trafficDeaths: P(96, 88),
        injured: P(178, 166),
        wrongful: P(0, 0),
        fires: P(21, 24),
      },
    },
    {
      name: 'Công an tỉnh Quảng Trị',
      data: {
        pphs: P(538, 489),
        pphsCleared: P(433, 401),
        serious: P(21, 19),
        seriousCleared: P(20, null),
        reportsReceived: P(1041, 1105),
        reportsResolved: P(940, 998),
        assetsLost: P(1.9, 2.8),
        assetsRecovered: P(1.2, 1.96),
        tngtCases: P(284, 262),
        trafficDeaths: P(152, 129),
        injured: P(233, 208),
        wrongful: P(0, 0),
        fires: P(26, 22),
      },
    },
    {
      name: 'Công an thành phố Huế',
      data: {
        pphs: P(455, 441),
        pphsCleared: P(361, 358),
        serious: P(18, 17),
        seriousCleared: P(17, 17),
        reportsReceived: P(913, 952),
        reportsResolved: P(826, 861),
        assetsLost: P(6, 4.9),
        assetsRecovered: P(3.9, '2,45'),
        tngtCases: P(198, 187),
        trafficDeaths: P(74, 69),
        injured: P(151, 139),
        wrongful: P(0, 0),
        fires: P(19, 17),
      },
    },
  ];

  type BRow = { roman: string; section: string } | { stt?: number; label: string; uom: string; key: BRowKey; money?: boolean };
  const rows: BRow[] = [
    { roman: 'I', section: 'PHẠM PHÁP HÌNH SỰ (PPHS)' },
    { stt: 1, label: 'Số vụ PPHS xảy ra', uom: 'vụ', key: 'pphs' },
    { label: '- Đã điều tra khám phá', uom: 'vụ', key: 'pphsCleared' },
    { stt: 2, label: 'Án nghiêm trọng và đặc biệt nghiêm trọng', uom: 'vụ', key: 'serious' },
    { label: '- Đã điều tra khám phá', uom: 'vụ', key: 'seriousCleared' },
    { roman: 'II', section: 'TIN BÁO, TỐ GIÁC TỘI PHẠM VÀ KIẾN NGHỊ KHỞI TỐ' },
    { stt: 3, label: 'Số tin báo, tố giác tội phạm, kiến nghị khởi tố tiếp nhận', uom: 'tin', key: 'reportsReceived' },
    { stt: 4, label: 'Số tin báo, tố giác tội phạm, kiến nghị khởi tố đã giải quyết', uom: 'tin', key: 'reportsResolved' },
    { roman: 'III', section: 'THAM NHŨNG' },
    { stt: 5, label: 'Tài sản thiệt hại trong các vụ án tham nhũng', uom: 'tỷ đồng', key: 'assetsLost', money: true },
    { stt: 6, label: 'Tài sản đã thu hồi', uom: 'tỷ đồng', key: 'assetsRecovered', money: true },
    { roman: 'IV', section: 'TAI NẠN GIAO THÔNG (TNGT)' },
    { stt: 7, label: 'Số vụ TNGT', uom: 'vụ', key: 'tngtCases' },
    { stt: 8, label: 'Số người chết do TNGT', uom: 'người', key: 'trafficDeaths' },
    { stt: 9, label: 'Số người bị thương do TNGT', uom: 'người', key: 'injured' },
    { roman: 'V', section: 'CÁC CHỈ TIÊU KHÁC' },
    { stt: 10, label: 'Số vụ án oan', uom: 'vụ', key: 'wrongful' },
    { stt: 11, label: 'Số vụ cháy, nổ', uom: 'vụ', key: 'fires' },
  ];

  const lastCol = colLetter(3 + units.length * 2);
  const b = new SheetBuilder(sheetName, [5, 44, 8, ...units.map(() => [10, 10]).flat()], 'landscape');
  b.set('A1', 'TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU GIAO ƯỚC THI ĐUA 6 THÁNG ĐẦU NĂM 2025 - CỤM THI ĐUA SỐ 5', S.title);
  b.merge(`A1:${lastCol}1`);
  b.height(1, 24);
  b.set('A2', '(Số liệu từ ngày 15/12/2024 đến ngày 14/6/2025, so sánh với cùng kỳ năm 2024)', S.centerItalic);
  b.merge(`A2:${lastCol}2`);

  b.set('A3', 'STT', boxed(S.centerBold));
  b.set('A4', undefined, boxed(S.centerBold));
  b.merge('A3:A4');
  b.set('B3', 'Chỉ tiêu', boxed(S.centerBold));
  b.set('B4', undefined, boxed(S.centerBold));
  b.merge('B3:B4');
  b.set('C3', 'ĐVT', boxed(S.centerBold));
  b.set('C4', undefined, boxed(S.centerBold));
  b.merge('C3:C4');
  units.forEach((u, i) => {
    const c0 = colLetter(4 + i * 2);
    const c1 = colLetter(5 + i * 2);
    b.set(`${c0}3`, u.name, boxed(S.centerBold));
    b.set(`${c1}3`, undefined, boxed(S.centerBold));
    b.merge(`${c0}3:${c1}3`);
    b.set(`${c0}4`, '6 tháng 2024', boxed(S.centerBold));
    b.set(`${c1}4`, '6 tháng 2025', boxed(S.centerBold));
  });
  b.height(3, 34);
  b.height(4, 32);
  b.spec.freeze = 'D5';
  b.spec.page.printTitleRows = '3:4';

  const figures: Partial<Record<IndicatorKey, Figure>>[] = units.map(() => ({}));
  let r = 5;
  const allCols = Array.from({ length: 3 + units.length * 2 }, (_, i) => colLetter(i + 1));
  for (const row of rows) {
    if ('section' in row) {
      b.set(`A${r}`, row.roman, boxed(S.centerBold));
      b.set(`B${r}`, row.section, boxed(S.bold));
      for (const c of allCols.slice(2)) b.set(`${c}${r}`, undefined, boxed(S.text));
      r++;
      continue;
    }
    b.set(`A${r}`, row.stt ?? null, boxed(S.center));
    b.set(`B${r}`, row.label, boxed({ ...S.text, alignment: { wrapText: true, vertical: 'middle' } }));
    b.set(`C${r}`, row.uom, boxed(S.center));
    const numFmt = row.money ? '#,##0.00' : '#,##0';
    units.forEach((u, i) => {
      const [base, cur] = u.data[row.key];
      const baseRef = `${colLetter(4 + i * 2)}${r}`;
      const curRef = `${colLetter(5 + i * 2)}${r}`;
      const style = boxed({ ...S.text, alignment: { horizontal: 'right', vertical: 'middle' }, numFmt });
      b.set(baseRef, cellValueOf(base), style);
      b.set(curRef, cellValueOf(cur), style);
      if (row.key !== 'tngtCases' && row.key !== 'injured' && row.key !== 'fires') {
        figures[i][row.key] = { cur: { ref: curRef, input: cur }, base: { ref: baseRef, input: base } };
      }
    });
    r++;
  }
  r++;
  b.set(
    `A${r}`,
    'Ghi chú: Số liệu cùng kỳ năm 2024 của Công an tỉnh Quảng Trị gồm số liệu của Công an tỉnh Quảng Bình và Công an tỉnh Quảng Trị (trước hợp nhất); Công an tỉnh Quảng Trị chưa báo cáo số án nghiêm trọng và đặc biệt nghiêm trọng đã điều tra khám phá 6 tháng năm 2025.',
    {
      font: { name: FONT, size: 11, italic: true },
      alignment: { wrapText: true, vertical: 'top' },
    },
  );
  b.merge(`A${r}:${lastCol}${r}`);
  b.height(r, 32);

  return {
    spec: {
      properties: { creator: 'Cụm thi đua số 5 - Bộ Công an', title: 'Tổng hợp chỉ tiêu thi đua 6 tháng 2025', created: '2025-06-20T02:00:00Z' },
      sheets: [b.fitRowHeights().spec],
    },
    sheet: sheetName,
    units: units.map((u, i) => ({ unit: u.name, figures: figures[i] })),
  };
}

// ───────────────────────────── sample 3: layout C, Excel table ─────────────────────────────

function sampleC(): { spec: WorkbookSpec; sheet: string; table: string; units: UnitFigures[] } {
  const sheetName = 'Cụm 2';
  const tableName = 'ChiTieuCum2Nam2025';
  type Col = { name: string; key?: IndicatorKey; period?: 'base' | 'cur'; money?: boolean; width: number };
  const cols: Col[] = [
    { name: 'STT', width: 5 },
    { name: 'Đơn vị', width: 26 },
    { name: 'Số vụ PPHS năm 2024', key: 'pphs', period: 'base', width: 11 },
    { name: 'Số vụ PPHS năm 2025', key: 'pphs', period: 'cur', width: 11 },
    { name: 'Đã khám phá năm 2025', key: 'pphsCleared', period: 'cur', width: 11 },
    { name: 'Tin báo tiếp nhận năm 2025', key: 'reportsReceived', period: 'cur', width: 12 },
    { name: 'Tin báo đã giải quyết năm 2025', key: 'reportsResolved', period: 'cur', width: 12 },
    { name: 'Tài sản thiệt hại tham nhũng năm 2025 (tỷ đồng)', key: 'assetsLost', period: 'cur', money: true, width: 14 },
    { name: 'Tài sản thu hồi năm 2025 (tỷ đồng)', key: 'assetsRecovered', period: 'cur', money: true, width: 13 },
    { name: 'Số người chết do TNGT năm 2024', key: 'trafficDeaths', period: 'base', width: 12 },
    { name: 'Số người chết do TNGT năm 2025', key: 'trafficDeaths', period: 'cur', width: 12 },
    { name: 'Số vụ án oan năm 2025', key: 'wrongful', period: 'cur', width: 10 },
    { name: 'Ghi chú', width: 36 },
  ];
  // Values in the column order above, from "Số vụ PPHS năm 2024" to "Số vụ án oan năm 2025".
  const data: { unit: string; values: (number | string)[]; note: string | null }[] = [
    {
      unit: 'Công an tỉnh Phú Thọ',
      values: [1724, 1598, 1322, 3410, 3120, 18.6, 11.9, 398, 352, 0],
      note: 'Số liệu năm 2024 cộng gộp Công an các tỉnh Phú Thọ, Vĩnh Phúc, Hòa Bình (cũ)',
    },
    {
      unit: 'Công an tỉnh Tuyên Quang',
      values: [702, 681, 539, 1290, 1171, 2.5, 1.5, 201, 180, 0],
      note: 'Số liệu năm 2024 cộng gộp Công an các tỉnh Tuyên Quang, Hà Giang (cũ)',
    },
    {
      unit: 'Công an tỉnh Thái Nguyên',
      values: [985, 902, 749, 1876, 1662, 0, 0, 236, 219, 0],
      note: 'Không phát sinh vụ án tham nhũng có thiệt hại về tài sản',
    },
    { unit: 'Công an tỉnh Lào Cai', values: [814, 760, 641, 1455, 1349, 9.8, 3.2, 245, 214, 0], note: null },
    {
      unit: 'Công an tỉnh Bắc Ninh',
      values: [1530, 1455, 1236, '2.874', 2611, 25.4, 16.3, 372, 330, 1],
      note: '01 vụ án oan phát sinh trong năm, đang giải quyết bồi thường',
    },
    { unit: 'Công an tỉnh Lạng Sơn', values: [498, 470, 389, 843, 770, 1.2, 0.84, 110, 99, 0], note: null },
  ];

  const b = new SheetBuilder(
    sheetName,
    cols.map((c) => c.width),
    'landscape',
  );
  const lastCol = colLetter(cols.length);
  b.set('A1', 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU GIAO ƯỚC THI ĐUA NĂM 2025 - CỤM THI ĐUA SỐ 2', S.title);
  b.merge(`A1:${lastCol}1`);
  b.height(1, 24);
  b.set('A2', '(Số liệu từ ngày 15/12/2024 đến ngày 14/12/2025)', S.centerItalic);
  b.merge(`A2:${lastCol}2`);

  const headerRow = 4;
  cols.forEach((c, i) => b.set(`${colLetter(i + 1)}${headerRow}`, c.name, boxed(S.centerBold)));
  b.height(headerRow, 66);

  const units: UnitFigures[] = [];
  const tableRows: (number | string | null)[][] = [];
  const totals: number[] = cols.map(() => 0);
  data.forEach((d, i) => {
    const r = headerRow + 1 + i;
    const row: (number | string | null)[] = [i + 1, d.unit, ...d.values, d.note];
    tableRows.push(row);
    const figures: Partial<Record<IndicatorKey, Figure>> = {};
    row.forEach((v, j) => {
      const col = cols[j];
      const ref = `${colLetter(j + 1)}${r}`;
      const numFmt = col.money ? '#,##0.00' : col.key ? '#,##0' : undefined;
      const align: CellStyle['alignment'] = col.key
        ? { horizontal: 'right', vertical: 'middle' }
        : j === 0
          ? { horizontal: 'center', vertical: 'middle' }
          : { vertical: 'middle', wrapText: true };
      b.set(ref, v, boxed({ ...S.text, alignment: align, numFmt }));
      if (typeof v === 'number' && col.key) totals[j] += v; // SUBTOTAL ignores text, as Excel does
      if (col.key && col.period) {
        const input = v === null ? BLANK : typeof v === 'number' ? num(v) : txt(v);
        const fig = (figures[col.key] ??= { cur: { ref: '', input: BLANK } });
        fig[col.period] = { ref, input };
      }
    });
    units.push({ unit: d.unit, figures });
  });
  const totalsRow = headerRow + 1 + data.length;
  cols.forEach((c, j) => {
    const ref = `${colLetter(j + 1)}${totalsRow}`;
    const style = boxed({
      ...S.bold,
      alignment: { horizontal: c.key ? 'right' : 'left', vertical: 'middle' },
      numFmt: c.money ? '#,##0.00' : c.key ? '#,##0' : undefined,
    });
    if (j === 1) b.set(ref, 'Tổng cộng', style);
    else if (c.key) b.set(ref, { formula: `SUBTOTAL(109,${tableName}[${c.name}])`, result: round9(totals[j]) }, style);
    else b.set(ref, null, style);
  });
  b.spec.freeze = `C${headerRow + 1}`;
  b.spec.page.printTitleRows = `${headerRow}:${headerRow}`;
  b.spec.table = {
    name: tableName,
    ref: `A${headerRow}`,
    columns: cols.map((c, j) => ({ name: c.name, totals: j === 1 ? 'label' : c.key ? 'sum' : 'none', label: j === 1 ? 'Tổng cộng' : undefined })),
    rows: tableRows,
  };

  return {
    spec: {
      properties: {
        creator: 'Phòng Tham mưu - Công an tỉnh Phú Thọ (Cụm trưởng Cụm thi đua số 2)',
        title: 'Chỉ tiêu giao ước thi đua năm 2025',
        created: '2025-12-18T03:00:00Z',
      },
      sheets: [b.fitRowHeights().spec],
    },
    sheet: sheetName,
    table: tableName,
    units,
  };
}

// ───────────────────────────── writers ─────────────────────────────

function excelStyle(cell: ExcelJS.Cell, style: CellStyle | undefined): void {
  if (!style) return;
  // Fresh objects per cell: ExcelJS shares style objects between cells otherwise.
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
    const result = typeof v.result === 'object' ? ({ error: v.result.error } as ExcelJS.CellErrorValue) : v.result;
    return { formula: v.formula, result };
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
    if (sheet.table) {
      const t = sheet.table;
      ws.addTable({
        name: t.name,
        displayName: t.name,
        ref: t.ref,
        headerRow: true,
        totalsRow: true,
        style: { theme: 'TableStyleLight9', showRowStripes: true },
        columns: t.columns.map((c, j) => ({
          name: c.name,
          filterButton: true,
          totalsRowLabel: c.totals === 'label' ? c.label : j === 0 ? '' : undefined,
          totalsRowFunction: c.totals === 'sum' ? ('sum' as const) : 'none',
        })),
        rows: t.rows,
      });
    }
    // Cell values and styles (for a table, the same values again plus the totals row).
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
      const xSplit = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      ws.views = [{ state: 'frozen', xSplit, ySplit: Number(m[2]) - 1, topLeftCell: sheet.freeze }];
    }
  }
  await wb.xlsx.writeFile(file);
}

function findPython(): string | undefined {
  const candidates = process.env.PYTHON ? [process.env.PYTHON] : ['python3', '/usr/bin/python3'];
  for (const py of candidates) {
    const r = spawnSync(py, ['-c', 'import openpyxl'], { stdio: 'ignore' });
    if (r.status === 0) return py;
  }
  return undefined;
}

/** Writes with openpyxl; false (after saying why) when Python or openpyxl is missing. */
function writeWithOpenpyxl(spec: WorkbookSpec, file: string): boolean {
  const py = findPython();
  if (!py) {
    console.log('  ! python3 with openpyxl not found (install python3-openpyxl); writing this sample with ExcelJS instead');
    return false;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pledge-samples-'));
  try {
    const specFile = path.join(tmp, 'spec.json');
    fs.writeFileSync(specFile, JSON.stringify(spec));
    const r = spawnSync(py, [PY_HELPER, specFile, file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openpyxl helper failed (${py}): ${r.stderr || r.error}`);
    return true;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Opens the file in LibreOffice and saves it again as .xlsx in place; false when soffice is missing. */
function resaveIfLibreOffice(file: string): boolean {
  const soffice = findSoffice();
  if (!soffice) {
    console.log('  ! LibreOffice (soffice) not found; keeping the ExcelJS file for this sample');
    return false;
  }
  resaveWithLibreOffice(soffice, file);
  return true;
}

// ───────────────────────────── read back and compare ─────────────────────────────

function sameNumber(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Reads the written file and checks every cell, merge, hidden row and table against the spec. */
async function verify(file: string, spec: WorkbookSpec): Promise<void> {
  const problems: string[] = [];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const sheet of spec.sheets) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) {
      problems.push(`sheet ${sheet.name} missing`);
      continue;
    }
    for (const c of sheet.cells) {
      if (c.value === undefined) continue;
      const got = ws.getCell(c.ref).value;
      const where = `${sheet.name}!${c.ref}`;
      const want = c.value;
      if (want === null) {
        if (got !== null && got !== undefined && got !== '') problems.push(`${where}: expected empty, found ${JSON.stringify(got)}`);
      } else if (typeof want === 'number') {
        if (typeof got !== 'number' || !sameNumber(got, want)) problems.push(`${where}: expected number ${want}, found ${JSON.stringify(got)}`);
      } else if (typeof want === 'string') {
        if (got !== want) problems.push(`${where}: expected text ${JSON.stringify(want)}, found ${JSON.stringify(got)}`);
      } else {
        const g = got as { formula?: string; sharedFormula?: string; result?: unknown } | null;
        if (!g || typeof g !== 'object' || !('formula' in g || 'sharedFormula' in g)) {
          problems.push(`${where}: expected a formula, found ${JSON.stringify(got)}`);
          continue;
        }
        const r = g.result;
        if (typeof want.result === 'number') {
          if (typeof r !== 'number' || !sameNumber(r, want.result)) problems.push(`${where}: cached result ${JSON.stringify(r)}, expected ${want.result}`);
        } else if (typeof want.result === 'object') {
          const err = r && typeof r === 'object' && 'error' in r ? (r as { error: string }).error : undefined;
          if (err !== want.result.error) problems.push(`${where}: cached result ${JSON.stringify(r)}, expected ${want.result.error}`);
        }
      }
    }
    const merges = new Set<string>((ws.model as unknown as { merges: string[] }).merges ?? []);
    for (const m of sheet.merges) if (!merges.has(m)) problems.push(`${sheet.name}: merge ${m} missing`);
    for (const row of sheet.hiddenRows) if (!ws.getRow(row).hidden) problems.push(`${sheet.name}: row ${row} is not hidden`);
  }
  // Tables: look at the package itself.
  const zip = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const tableXml = Object.keys(zip)
    .filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n))
    .map((n) => strFromU8(zip[n]));
  for (const sheet of spec.sheets) {
    if (!sheet.table) continue;
    const t = sheet.table;
    const xml = tableXml.find((x) => new RegExp(`\\bname="${t.name}"`).test(x));
    if (!xml) problems.push(`table ${t.name} missing from xl/tables/`);
    else {
      const endCol = colLetter(t.columns.length);
      const endRow = Number(/\d+/.exec(t.ref)![0]) + t.rows.length + 1;
      if (!new RegExp(`\\bref="${t.ref}:${endCol}${endRow}"`).test(xml)) problems.push(`table ${t.name}: ref is not ${t.ref}:${endCol}${endRow}`);
      if (!/totalsRowCount="1"/.test(xml)) problems.push(`table ${t.name}: no totals row`);
    }
  }
  if (problems.length) throw new Error(`${path.basename(file)} does not hold what was meant:\n  ${problems.join('\n  ')}`);
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
  table?: string;
  expected: Expectation[];
}

function expectationsFor(units: UnitFigures[], sheet: string): Expectation[] {
  const out: Expectation[] = [];
  for (const u of units) {
    for (const t of TARGETS) {
      const e = evaluate(t, u, sheet);
      if (e) out.push(e);
    }
  }
  return out;
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const expected: Record<string, ExpectedEntry> = {};

  // 1. Layout A — ExcelJS.
  {
    const file = 'bao-cao-ninh-binh-2025.xlsx';
    const out = path.join(OUT_DIR, file);
    const s = sampleA();
    await writeWithExcelJS(s.spec, out);
    await verify(out, s.spec);
    expected[file] = { layout: 'A', unit: s.unit, sheet: s.sheet, expected: expectationsFor(s.units, s.sheet) };
    console.log(`✓ ${file}  (layout A, written by ExcelJS; app.xml says "${application(out)}")`);
  }

  // 2. Layout B — openpyxl, else ExcelJS.
  {
    const file = 'tong-hop-cum-2025.xlsx';
    const out = path.join(OUT_DIR, file);
    const s = sampleB();
    let writer = 'openpyxl';
    if (!writeWithOpenpyxl(s.spec, out)) {
      writer = 'ExcelJS (fallback)';
      await writeWithExcelJS(s.spec, out);
    }
    await verify(out, s.spec);
    expected[file] = { layout: 'B', sheet: s.sheet, expected: expectationsFor(s.units, s.sheet) };
    console.log(`✓ ${file}  (layout B, written by ${writer}; app.xml says "${application(out)}")`);
  }

  // 3. Layout C — ExcelJS, then opened and saved again by LibreOffice.
  {
    const file = 'cum-thi-dua-2025-bang.xlsx';
    const out = path.join(OUT_DIR, file);
    const s = sampleC();
    await writeWithExcelJS(s.spec, out);
    await verify(out, s.spec);
    let writer = 'ExcelJS';
    if (resaveIfLibreOffice(out)) {
      writer = 'ExcelJS, re-saved by LibreOffice';
      await verify(out, s.spec);
    }
    expected[file] = { layout: 'C', sheet: s.sheet, table: s.table, expected: expectationsFor(s.units, s.sheet) };
    console.log(`✓ ${file}  (layout C, ${writer}; app.xml says "${application(out)}")`);
  }

  fs.writeFileSync(path.join(OUT_DIR, 'expected.json'), JSON.stringify(expected, null, 1) + '\n');
  console.log('✓ expected.json');
  for (const [file, entry] of Object.entries(expected)) {
    console.log(`\n${file}`);
    for (const e of entry.expected) {
      console.log(`  ${e.unit.padEnd(26)} ${e.ruleId.padEnd(34)} ${e.status.padEnd(9)} ${String(e.actual).padStart(7)}  ${e.cells.join(', ')}`);
    }
  }

  // The everyday templates (samples/everyday/), from scripts/make-everyday-samples.ts.
  console.log('');
  await makeEverydaySamples();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

import { messageIn } from '../evaluate/lazyMessageFinding';
import { readOneAtATime, statusAt } from '../evaluate/compactFindings';
import { Finding, FindingList } from '../evaluate/finding';
import { CellMark, FindingsCell, FindingsSheet, FindingsSheetRow, HighlightPlan, MarkStatus, MarkTable } from '../xlsx/write/highlightPlan';
import { parseA1, SHEET_COLUMNS, toA1, usualA1 } from '../grid/address';
import { ints } from '../compact/growingRows';
import { Interned } from '../compact/interned';
import { actualText, gapText, statusWord, targetText } from './words';
import { Lang } from '../words/lang';

/**
 * Which cells to mark and why. A shortfall marks the current-period figure the target reads; a
 * no-data finding marks the cell that holds no number when there is one. Several findings on one
 * cell share a single mark (shortfall over no-data) whose note lists them all.
 */
export function highlightPlanFor(findings: FindingList, lang: Lang): HighlightPlan {
  const flagged = new FlaggedFindings();
  const reasons = new ReasonTexts();
  const marks = new PlanMarks();
  // Each finding is done with before the next is read: compact findings are read into one object.
  const reader = readOneAtATime(findings);
  let met = 0;
  for (let i = 0; i < findings.length; i++) {
    // Met findings are counted, not made (a national check's are most of them).
    const status = statusAt(findings, i);
    if (status === 'met') {
      met++;
      continue;
    }
    const f = reader.at(i)!;
    // Rendered once for the cell's note and the findings sheet's row (a message is rendered when read).
    const entry = flagged.add(i, status, f.title[lang]);
    reasons.add(messageIn(f, lang));
    if (f.cell) marks.add(f.sheet, f.cell, status, entry);
  }
  const reasonsOf = new PlanReasons(flagged, reasons, lang);
  return new ColumnPlan(marks.reading(reasonsOf), findingsSheet(reader, reasonsOf, met, lang));
}

/** A list's findings read by place. */
type FindingReader = ReturnType<typeof readOneAtATime>;

/** A plan whose marks are columns (its markTable), made into CellMarks only for a reader of `marks`. */
class ColumnPlan implements HighlightPlan {
  readonly author = 'Pledge Check';
  private made: CellMark[] | undefined;

  constructor(
    readonly markTable: PlanMarkTable,
    readonly findingsSheet: FindingsSheet,
  ) {}

  get marks(): ReadonlyArray<CellMark> {
    return (this.made ??= this.markTable.made());
  }
}

/**
 * The findings that are not met, by their place in this list (an entry): each one's place among the
 * findings, its status and its rule's title. Columns of numbers, not an object each: a national
 * plan has some 67,000, kept until the copy is written.
 */
class FlaggedFindings {
  private readonly rows = ints(3);
  private readonly titles = new Interned<string>();
  length = 0;

  /** Keeps a finding; its entry. */
  add(index: number, status: MarkStatus, title: string): number {
    const o = this.rows.addRow();
    const d = this.rows.data;
    d[o] = index;
    d[o + 1] = status === 'shortfall' ? 1 : 0;
    d[o + 2] = this.titles.of(title);
    return this.length++;
  }

  index(entry: number): number {
    return this.rows.data[entry * 3];
  }

  status(entry: number): MarkStatus {
    return this.rows.data[entry * 3 + 1] ? 'shortfall' : 'no-data';
  }

  title(entry: number): string {
    return this.titles.at(this.rows.data[entry * 3 + 2]);
  }
}

/**
 * A plan's marks being gathered: one per cell, by sheet and cell as the findings name them, each
 * with its entries (the flagged findings on the cell) in order. Columns of numbers found through
 * a hash of their own, not a map of objects keyed by `sheet!cell` strings (see FlaggedFindings).
 */
class PlanMarks {
  readonly sheets = new Interned<string>();
  /** Texts of cells that are not an address written the usual way (none a table gives), by a negative row. */
  readonly otherCells = new Interned<string>();
  /** Per mark: M_WIDTH integers (see the M_ offsets). */
  readonly rows = ints(M_WIDTH);
  /** Per entry: the next entry on the same cell, plus one (0: none). */
  readonly nextEntry = ints(1);
  private entriesKept = 0;
  length = 0;
  /** Marks plus one by hash of their sheet and cell (0: an empty slot); open addressing. */
  private slots = new Int32Array(1 << 12);

  add(sheet: string, cell: string, status: MarkStatus, entry: number): void {
    const s = this.sheets.of(sheet);
    const place = usualA1(cell);
    const col = place >= 0 ? place % SHEET_COLUMNS : 0;
    const row = place >= 0 ? (place - col) / SHEET_COLUMNS : -1 - this.otherCells.of(cell);
    const slot = this.slotOf(s, row, col);
    // A place for every entry up to this one (entries come in order, some on no cell).
    for (; this.entriesKept <= entry; this.entriesKept++) this.nextEntry.addRow();
    const found = this.slots[slot];
    if (found !== 0) {
      const o = (found - 1) * M_WIDTH;
      const d = this.rows.data;
      if (status === 'shortfall') d[o + M_SHORTFALL] = 1;
      this.nextEntry.data[d[o + M_LAST]] = entry + 1;
      d[o + M_LAST] = entry;
      return;
    }
    const o = this.rows.addRow();
    const d = this.rows.data;
    d[o + M_SHEET] = s;
    d[o + M_ROW] = row;
    d[o + M_COL] = col;
    d[o + M_SHORTFALL] = status === 'shortfall' ? 1 : 0;
    d[o + M_FIRST] = entry;
    d[o + M_LAST] = entry;
    this.slots[slot] = ++this.length;
    if (this.length * 2 > this.slots.length) this.rehash();
  }

  /** The marks gathered, read with the plan's reasons. */
  reading(reasons: PlanReasons): PlanMarkTable {
    return new PlanMarkTable(this, reasons);
  }

  private slotOf(sheet: number, row: number, col: number): number {
    const mask = this.slots.length - 1;
    const d = this.rows.data;
    let h = hashCell(sheet, row, col) & mask;
    for (;;) {
      const m = this.slots[h];
      if (m === 0) return h;
      const o = (m - 1) * M_WIDTH;
      if (d[o + M_SHEET] === sheet && d[o + M_ROW] === row && d[o + M_COL] === col) return h;
      h = (h + 1) & mask;
    }
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const d = this.rows.data;
    for (let m = 0; m < this.length; m++) {
      const o = m * M_WIDTH;
      this.slots[this.slotOf(d[o + M_SHEET], d[o + M_ROW], d[o + M_COL])] = m + 1;
    }
  }
}

// A mark's integers.
const M_SHEET = 0;
/** The cell's row (0-based); negative for a cell kept as text (see PlanMarks.otherCells). */
const M_ROW = 1;
const M_COL = 2;
/** 1 when any finding on the cell is a shortfall. */
const M_SHORTFALL = 3;
const M_FIRST = 4;
const M_LAST = 5;
const M_WIDTH = 6;

function hashCell(sheet: number, row: number, col: number): number {
  return (Math.imul(row, 0x9e3779b1) ^ Math.imul(col + 1, 0x85ebca77) ^ Math.imul(sheet + 1, 0xc2b2ae3d)) >>> 0;
}

/** A plan's marks as its MarkTable; `made` gives them as CellMarks for readers of `plan.marks`. */
class PlanMarkTable implements MarkTable {
  constructor(
    private readonly marks: PlanMarks,
    private readonly reasons: PlanReasons,
  ) {}

  get length(): number {
    return this.marks.length;
  }

  sheet(i: number): string {
    return this.marks.sheets.at(this.marks.rows.data[i * M_WIDTH + M_SHEET]);
  }

  row(i: number): number {
    const row = this.marks.rows.data[i * M_WIDTH + M_ROW];
    return row >= 0 ? row : parseA1(this.cell(i)).row;
  }

  col(i: number): number {
    const o = i * M_WIDTH;
    const d = this.marks.rows.data;
    return d[o + M_ROW] >= 0 ? d[o + M_COL] : parseA1(this.cell(i)).col;
  }

  /** The cell as the findings name it. */
  cell(i: number): string {
    const o = i * M_WIDTH;
    const d = this.marks.rows.data;
    const row = d[o + M_ROW];
    return row >= 0 ? toA1(row, d[o + M_COL]) : this.marks.otherCells.at(-1 - row);
  }

  status(i: number): MarkStatus {
    return this.marks.rows.data[i * M_WIDTH + M_SHORTFALL] ? 'shortfall' : 'no-data';
  }

  hasNote(): boolean {
    return true;
  }

  note(i: number): string {
    return noteOf(this.entries(i), this.reasons);
  }

  /** The entries (flagged findings) on mark i, in order. */
  entries(i: number): number[] {
    const out: number[] = [];
    const next = this.marks.nextEntry.data;
    for (let e = this.marks.rows.data[i * M_WIDTH + M_FIRST]; ; e = next[e] - 1) {
      out.push(e);
      if (next[e] === 0) return out;
    }
  }

  made(): CellMark[] {
    const out: CellMark[] = [];
    for (let i = 0; i < this.length; i++) out.push(new PlanMark(this.sheet(i), this.cell(i), this.status(i), this.entries(i), this.reasons));
    return out;
  }
}

function noteOf(entries: ReadonlyArray<number>, reasons: PlanReasons): string {
  return entries.length === 1 ? reasons.note(entries[0]) : entries.map((e) => reasons.note(e)).join('\n\n');
}

/**
 * The reasons of a plan's flagged findings, each rendered once and kept as its UTF-16 code units
 * in one buffer until a note or a findings-sheet row reads it. A national plan has some 67,000
 * reasons (33 MB as strings), kept until the copy is written: as strings the young collector
 * copied them twice, and a copy past MAX_CELL_NOTES writes no notes at all. Code units, not
 * UTF-8: a unit's name with a lone surrogate comes back exactly as it was.
 */
class ReasonTexts {
  private units = new Uint16Array(1 << 16);
  private used = 0;
  private readonly ends: number[] = [];
  /** The units' bytes as one Node Buffer, made again only when the units grow: not a Buffer object per text read. */
  private bytes: UcsBytes | undefined;

  /** Keeps a text; its number. */
  add(text: string): number {
    if (this.used + text.length > this.units.length) {
      const bigger = new Uint16Array(Math.max(this.units.length * 2, this.used + text.length));
      bigger.set(this.units.subarray(0, this.used));
      this.units = bigger;
    }
    const units = this.units;
    for (let i = 0; i < text.length; i++) units[this.used + i] = text.charCodeAt(i);
    this.used += text.length;
    return this.ends.push(this.used) - 1;
  }

  text(n: number): string {
    const from = n === 0 ? 0 : this.ends[n - 1];
    const to = this.ends[n];
    // Node decodes the units as they are (a lone surrogate too), natively and without the list of
    // arguments `fromCharCode.apply` builds from a typed array: a national copy reads 130,000 reasons.
    if (UNITS_AS_UCS2) {
      if (this.bytes?.buffer !== this.units.buffer) this.bytes = UNITS_AS_UCS2.from(this.units.buffer, this.units.byteOffset, this.units.byteLength);
      return this.bytes.toString('ucs2', from * 2, to * 2);
    }
    // In slices: a function takes only so many arguments.
    let out = '';
    for (let at = from; at < to; at += TEXT_SLICE)
      out += String.fromCharCode.apply(null, this.units.subarray(at, Math.min(to, at + TEXT_SLICE)) as unknown as number[]);
    return out;
  }
}

/**
 * Node's Buffer, when the code runs under Node (the CLI) on a little-endian machine (where a
 * Uint16Array's bytes are UCS-2 as Node reads it); in the browser the units are made into text by
 * `String.fromCharCode`.
 */
const UNITS_AS_UCS2 = (() => {
  const buffer = (globalThis as unknown as { Buffer?: { from(b: ArrayBufferLike, offset: number, length: number): UcsBytes } }).Buffer;
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  return buffer && littleEndian ? buffer : undefined;
})();

/** What ReasonTexts uses of a Node Buffer over its units. */
interface UcsBytes {
  readonly buffer: ArrayBufferLike;
  toString(encoding: 'ucs2', start: number, end: number): string;
}

/** Code units made into a string at a time (well under any engine's limit on arguments). */
const TEXT_SLICE = 4096;

/** A plan's flagged findings with their reasons: what its marks' notes and its findings sheet's rows are written from. */
class PlanReasons {
  constructor(
    readonly flagged: FlaggedFindings,
    private readonly texts: ReasonTexts,
    readonly lang: Lang,
  ) {}

  /** An entry's reason: its text is kept by the same number. */
  reason(entry: number): string {
    return this.texts.text(entry);
  }

  /** What a cell's note says of one finding: its status and target, then its reason. */
  note(entry: number): string {
    const { flagged } = this;
    return `${statusWord(flagged.status(entry), this.lang)} — ${flagged.title(entry)}\n${this.reason(entry)}`;
  }
}

/** A cell's mark with its note written when read (see ReasonTexts); several findings' notes are joined. */
class PlanMark implements CellMark {
  readonly hasNote = true;

  constructor(
    readonly sheet: string,
    readonly cell: string,
    readonly status: MarkStatus,
    private readonly entries: ReadonlyArray<number>,
    private readonly reasons: PlanReasons,
  ) {}

  get note(): string {
    return noteOf(this.entries, this.reasons);
  }
}

/**
 * The findings that need a person's attention (shortfall and no data), each linking to its cell;
 * the title counts all outcomes. Met targets are in the console and JSON report: listing them
 * here would bury a national workbook's few hundred problems under hundreds of thousands of rows.
 */
function findingsSheet(findings: FindingReader, reasons: PlanReasons, met: number, lang: Lang): FindingsSheet {
  const { flagged } = reasons;
  const vi = lang === 'vi';
  let shortfall = 0;
  const rows: FindingRow[] = [];
  for (let entry = 0; entry < flagged.length; entry++) {
    const status = flagged.status(entry);
    if (status === 'shortfall') shortfall++;
    rows.push(new FindingRow(findings, flagged.index(entry), status, reasons, entry));
  }
  const noData = flagged.length - shortfall;
  const counts = vi ? `${met} đạt, ${shortfall} chưa đạt, ${noData} không có số liệu` : `${met} met, ${shortfall} shortfall, ${noData} no data`;
  return {
    name: vi ? 'Kết quả kiểm tra' : 'Check results',
    title: vi ? `Kết quả kiểm tra chỉ tiêu thi đua (Pledge Check): ${counts}` : `Pledge target check results (Pledge Check): ${counts}`,
    statusColumn: 2,
    header: vi
      ? ['Đơn vị', 'Chỉ tiêu', 'Kết quả', 'Thực hiện', 'Chỉ tiêu đặt ra', 'Còn thiếu', 'Ô', 'Lý do']
      : ['Unit', 'Target', 'Status', 'Actual', 'Target value', 'Gap', 'Cell', 'Reason'],
    rows,
    // Unit, target and reason wrap in fixed widths (rows get their height): the sheet then prints
    // one A4 landscape page wide at full size instead of one column a page.
    columnWidths: [22, 30, 12, 10, 11, 11, 20, 36],
  };
}

/** A finding's row has eight cells (see findingsSheet's header); the last is its reason. */
const ROW_CELLS = 8;
const REASON_COLUMN = 7;

/**
 * A findings sheet's row for one finding, its cells made when read. A national check's sheet has
 * tens of thousands of rows, kept from the plan until the copy is written: made at once, their
 * cells (figures worded, a `sheet!cell` each, an array of eight) were some 20 MB kept alive that
 * long, and copied by the young collector. The writers read a row's cells once or twice (its
 * layout, then its XML), so they are made twice at most and die young. The row keeps its finding
 * by its place in the list, and its reason: rendered once, for the note and the row.
 */
class FindingRow implements FindingsSheetRow {
  constructor(
    /** Its list's findings as a writer reads them, each done with before the next (see readOneAtATime). */
    private readonly findings: FindingReader,
    private readonly index: number,
    readonly status: MarkStatus,
    private readonly reasons: PlanReasons,
    private readonly entry: number,
  ) {}

  private get f(): Finding {
    return this.findings.at(this.index)!;
  }

  get values(): FindingsCell[] {
    const { f } = this;
    const out: FindingsCell[] = new Array(ROW_CELLS);
    for (let c = 0; c < ROW_CELLS; c++) out[c] = this.cell(f, c);
    return out;
  }

  /** One cell: the layout of a national sheet measures only the columns not yet known to wrap, and a reason is read without its finding. */
  valueAt(c: number): FindingsCell {
    return c === REASON_COLUMN ? this.reasons.reason(this.entry) : this.cell(this.f, c);
  }

  private cell(f: Finding, c: number): FindingsCell {
    const { lang } = this.reasons;
    switch (c) {
      case 0:
        return f.unit;
      case 1:
        return f.title[lang];
      case 2:
        return statusWord(f.status, lang);
      case 3:
        return actualText(f, lang, true);
      case 4:
        return targetText(f, lang, true);
      case 5:
        return gapText(f, lang, true);
      case 6:
        return `${f.sheet}!${f.cell}`;
      default:
        return this.reasons.reason(this.entry);
    }
  }

  get link(): FindingsSheetRow['link'] {
    const { sheet, cell } = this.f;
    return cell ? { sheet, cell, column: 6 } : undefined;
  }
}

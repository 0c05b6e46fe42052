import { messageIn } from '../evaluate/lazyMessageFinding';
import { statusAt } from '../evaluate/compactFindings';
import { Finding, FindingList } from '../evaluate/finding';
import { CellMark, FindingsCell, FindingsSheet, FindingsSheetRow, HighlightPlan, MarkStatus } from '../xlsx/write/highlightPlan';
import { actualText, gapText, statusWord, targetText, unbrokenFigure } from './words';
import { Lang } from '../words/lang';

/**
 * Which cells to mark and why. A shortfall marks the current-period figure the target reads; a
 * no-data finding marks the cell that holds no number when there is one. Several findings on one
 * cell share a single mark (shortfall over no-data) whose note lists them all.
 */
export function highlightPlanFor(findings: FindingList, lang: Lang): HighlightPlan {
  // By sheet, then by cell: the finding's own cell text is the key, no `sheet!cell` string made per finding.
  const marksBySheet = new Map<string, Map<string, Mark>>();
  const marks: Mark[] = [];
  const flagged: Flagged[] = [];
  const reasons = new ReasonTexts();
  let met = 0;
  for (let i = 0; i < findings.length; i++) {
    // Met findings are counted, not made (a national check's are most of them).
    const status = statusAt(findings, i);
    if (status === 'met') {
      met++;
      continue;
    }
    const f = findings.at(i)!;
    // Rendered once for the cell's note and the findings sheet's row (a message is rendered when read).
    const entry = flagged.push({ index: i, status, title: f.title[lang], reason: reasons.add(messageIn(f, lang)) }) - 1;
    const cell = f.cell;
    if (!cell) continue;
    let onSheet = marksBySheet.get(f.sheet);
    if (!onSheet) marksBySheet.set(f.sheet, (onSheet = new Map()));
    const m = onSheet.get(cell);
    if (!m) {
      const mark = { sheet: f.sheet, cell, status, entries: [entry] };
      onSheet.set(cell, mark);
      marks.push(mark);
    } else {
      if (status === 'shortfall') m.status = 'shortfall';
      m.entries.push(entry);
    }
  }
  const reasonsOf = new PlanReasons(flagged, reasons, lang);
  const cellMarks: CellMark[] = [];
  for (const m of marks) cellMarks.push(new PlanMark(m.sheet, m.cell, m.status, m.entries, reasonsOf));
  return { marks: cellMarks, findingsSheet: findingsSheet(findings, reasonsOf, met, lang), author: 'Pledge Check' };
}

/** A cell's mark, gathered from the findings on it (their places in the flagged list). */
interface Mark {
  readonly sheet: string;
  readonly cell: string;
  status: MarkStatus;
  readonly entries: number[];
}

/** A finding that is not met (by its place in the list), its rule's title and its reason (in ReasonTexts). */
interface Flagged {
  readonly index: number;
  readonly status: MarkStatus;
  readonly title: string;
  readonly reason: number;
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
    // In slices: a function takes only so many arguments.
    let out = '';
    for (let at = from; at < to; at += TEXT_SLICE)
      out += String.fromCharCode.apply(null, this.units.subarray(at, Math.min(to, at + TEXT_SLICE)) as unknown as number[]);
    return out;
  }
}

/** Code units made into a string at a time (well under any engine's limit on arguments). */
const TEXT_SLICE = 4096;

/** A plan's flagged findings with their reasons: what its marks' notes and its findings sheet's rows are written from. */
class PlanReasons {
  constructor(
    readonly flagged: ReadonlyArray<Flagged>,
    private readonly texts: ReasonTexts,
    readonly lang: Lang,
  ) {}

  reason(entry: number): string {
    return this.texts.text(this.flagged[entry].reason);
  }

  /** What a cell's note says of one finding: its status and target, then its reason. */
  note(entry: number): string {
    const e = this.flagged[entry];
    return `${statusWord(e.status, this.lang)} — ${e.title}\n${this.reason(entry)}`;
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
    const { entries, reasons } = this;
    return entries.length === 1 ? reasons.note(entries[0]) : entries.map((e) => reasons.note(e)).join('\n\n');
  }
}

/**
 * The findings that need a person's attention (shortfall and no data), each linking to its cell;
 * the title counts all outcomes. Met targets are in the console and JSON report: listing them
 * here would bury a national workbook's few hundred problems under hundreds of thousands of rows.
 */
function findingsSheet(findings: FindingList, reasons: PlanReasons, met: number, lang: Lang): FindingsSheet {
  const { flagged } = reasons;
  const vi = lang === 'vi';
  let shortfall = 0;
  for (const { status } of flagged) if (status === 'shortfall') shortfall++;
  const noData = flagged.length - shortfall;
  const counts = vi ? `${met} đạt, ${shortfall} chưa đạt, ${noData} không có số liệu` : `${met} met, ${shortfall} shortfall, ${noData} no data`;
  return {
    name: vi ? 'Kết quả kiểm tra' : 'Check results',
    title: vi ? `Kết quả kiểm tra chỉ tiêu thi đua (Pledge Check): ${counts}` : `Pledge target check results (Pledge Check): ${counts}`,
    statusColumn: 2,
    header: vi
      ? ['Đơn vị', 'Chỉ tiêu', 'Kết quả', 'Thực hiện', 'Chỉ tiêu đặt ra', 'Còn thiếu', 'Ô', 'Lý do']
      : ['Unit', 'Target', 'Status', 'Actual', 'Target value', 'Gap', 'Cell', 'Reason'],
    rows: flagged.map(({ index, status }, entry) => new FindingRow(findings, index, status, reasons, entry)),
    // Unit, target and reason wrap in fixed widths (rows get their height): the sheet then prints
    // one A4 landscape page wide at full size instead of one column a page.
    columnWidths: [22, 30, 12, 10, 11, 11, 20, 36],
  };
}

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
    private readonly findings: FindingList,
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
    const { lang } = this.reasons;
    return [
      f.unit,
      f.title[lang],
      statusWord(f.status, lang),
      unbrokenFigure(actualText(f, lang)),
      unbrokenFigure(targetText(f, lang)),
      unbrokenFigure(gapText(f, lang)),
      `${f.sheet}!${f.cell}`,
      this.reasons.reason(this.entry),
    ];
  }

  get link(): FindingsSheetRow['link'] {
    const { sheet, cell } = this.f;
    return cell ? { sheet, cell, column: 6 } : undefined;
  }
}

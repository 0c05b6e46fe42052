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
    const message = messageIn(f, lang);
    flagged.push({ index: i, status, message });
    const cell = f.cell;
    if (!cell) continue;
    const note = `${statusWord(status, lang)} — ${f.title[lang]}\n${message}`;
    let onSheet = marksBySheet.get(f.sheet);
    if (!onSheet) marksBySheet.set(f.sheet, (onSheet = new Map()));
    const m = onSheet.get(cell);
    if (!m) {
      const mark = { sheet: f.sheet, cell, status, notes: [note] };
      onSheet.set(cell, mark);
      marks.push(mark);
    } else {
      if (status === 'shortfall') m.status = 'shortfall';
      m.notes.push(note);
    }
  }
  const cellMarks: CellMark[] = [];
  for (const m of marks) cellMarks.push({ sheet: m.sheet, cell: m.cell, status: m.status, note: m.notes.length === 1 ? m.notes[0] : m.notes.join('\n\n') });
  return { marks: cellMarks, findingsSheet: findingsSheet(findings, flagged, met, lang), author: 'Pledge Check' };
}

/** A cell's mark, gathered from the findings on it. */
interface Mark {
  readonly sheet: string;
  readonly cell: string;
  status: MarkStatus;
  readonly notes: string[];
}

/** A finding that is not met (by its place in the list), with its message in the plan's language. */
interface Flagged {
  readonly index: number;
  readonly status: MarkStatus;
  readonly message: string;
}

/**
 * The findings that need a person's attention (shortfall and no data), each linking to its cell;
 * the title counts all outcomes. Met targets are in the console and JSON report: listing them
 * here would bury a national workbook's few hundred problems under hundreds of thousands of rows.
 */
function findingsSheet(findings: FindingList, flagged: ReadonlyArray<Flagged>, met: number, lang: Lang): FindingsSheet {
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
    rows: flagged.map(({ index, status, message }) => new FindingRow(findings, index, status, message, lang)),
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
    private readonly message: string,
    private readonly lang: Lang,
  ) {}

  private get f(): Finding {
    return this.findings.at(this.index)!;
  }

  get values(): FindingsCell[] {
    const { f, lang } = this;
    return [
      f.unit,
      f.title[lang],
      statusWord(f.status, lang),
      unbrokenFigure(actualText(f, lang)),
      unbrokenFigure(targetText(f, lang)),
      unbrokenFigure(gapText(f, lang)),
      `${f.sheet}!${f.cell}`,
      this.message,
    ];
  }

  get link(): FindingsSheetRow['link'] {
    const { sheet, cell } = this.f;
    return cell ? { sheet, cell, column: 6 } : undefined;
  }
}

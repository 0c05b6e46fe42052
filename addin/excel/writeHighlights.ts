import { parseA1, RangeRef, rangeToA1, toA1 } from '../../src/grid/address';
import { CellMark, HighlightPlan, MarkStatus } from '../../src/xlsx/write/highlightPlan';
import { addressChunks, areasForCells } from './addressList';
import { CellFill, isRestorable, queueMarkFill } from './cellFill';
import { CellReasons, cellKey, ExistingReason, queueAttach, ReasonSupport, reasonHash } from './cellReasons';
import { groupBy } from './groupBy';
import { HighlightMemory } from './highlightMemory';
import { AttachedKind, RememberedCell } from './memoryXml';
import { queueReadFills } from './readFills';
import { queueRestore } from './restoreCells';
import { RoundTrips } from './roundTrips';
import { SheetProxies } from './sheetProxies';
import { Lang } from '../../src/words/lang';

export interface WriteOptions {
  /** Where reasons can go on this host. */
  readonly reasons: ReasonSupport;
  /** The workbook's sheets in tab order, and those that are protected. */
  readonly sheets: ReadonlyArray<string>;
  readonly protectedSheets: ReadonlySet<string>;
  /** The memory and notes already found in an earlier sync (a check finds them with its first read); else one more sync here. */
  readonly found?: FoundHighlights;
  /** Reads sent with the first sync here that decide whether to write at all. */
  readonly condition?: WriteCondition;
  /** Bytes per sync; Excel on the web's cap unless told otherwise. */
  readonly budget?: number;
  /** The language of the reasons (the highlight plan's notes are already in it). */
  readonly lang?: Lang;
  /** Most reasons attached to cells; past it none is (MAX_REASONS unless told otherwise). */
  readonly maxReasons?: number;
}

/**
 * Past this many marked cells no reason is attached to any of them: the pane lists every finding
 * with its reason and a link to its cell. The CLI's copy has the same cap (MAX_CELL_NOTES, asserted
 * equal by a test; not imported, so the pane's bundle does not take in the .xlsx patcher). Tens of
 * thousands of notes make every later read of the workbook's notes slow and many payloads large.
 */
export const MAX_REASONS = 20_000;

/** The highlight memory and the workbook's notes and comments, found but not yet read. */
export interface FoundHighlights {
  readonly memory: HighlightMemory;
  readonly reasons: CellReasons;
}

/** Queue finding them, to go with whatever sync comes next. */
export function queueFindHighlights(context: Excel.RequestContext, support: ReasonSupport): FoundHighlights {
  return { memory: HighlightMemory.queueFind(context), reasons: CellReasons.queueFind(context, support) };
}

export interface WriteCondition {
  /** Queue reads to go with the first sync here, reserving their bytes. */
  queue(trips: RoundTrips): Promise<void>;
  /** After that sync: whether to go on writing. */
  holds(): boolean;
}

export interface WriteReport {
  readonly marked: number;
  /** Reasons attached, and as what (null: this Excel supports neither notes nor comments). */
  readonly attached: number;
  readonly attachKind: AttachedKind | null;
  /** Protected sheets that have marks, or old highlights, that could not be written or removed. */
  readonly protectedSheets: string[];
  /** Marked cells that already had someone's note or comment, left as it was. */
  readonly othersReasonsKept: number;
  /** `Sheet!A1` of cells left unmarked because their gradient fill could not be put back. */
  readonly gradientCells: string[];
  /**
   * `Sheet!A1` of our earlier comment threads that someone replied under: left as they are (deleting
   * a thread deletes its replies), so no new reason is attached there.
   */
  readonly threadsKept: string[];
  /**
   * `Sheet!A1` of marked cells under a conditional format, whose fill Excel paints over ours: the
   * mark may not show, so their reason (note or comment) says so, and the pane lists them.
   */
  readonly conditionalCells: string[];
  /** Marked cells given no reason because there were more than MAX_REASONS; 0 when none. */
  readonly reasonsOmitted: number;
  /** Some reasons could not be attached (e.g. an old-style note Excel would not let a comment replace). */
  readonly attachFailed: boolean;
}

/**
 * Writes a highlight plan with Office.js: fills grouped by style and sent with `getRanges` in
 * chunks, the reason of each mark as a note (or threaded comment), never a value or a formula.
 *
 * Reversible: before anything changes, the memory in the workbook gets every touched cell's own
 * fill. A re-check replaces the previous highlights: cells marked before are restored, then the
 * new marks applied, with the fill remembered the first time kept as the one to restore.
 *
 * Four phases, one sync each unless a phase would exceed one payload (RoundTrips); a check sends
 * the first with its own first read, so it costs nothing here:
 * 1. find the memory and the workbook's notes/comments; 2. read the memory, where those notes are,
 * the fills of the cells to mark, and what the condition needs (if it fails, nothing is written:
 * the result is null); 3. write the memory of old and new cells, restore the old marks, apply the
 * new ones, remove our old reasons; 4. shrink the memory to the new cells and attach the new
 * reasons (last, because Excel can refuse one, which stops the rest of the batch).
 */
export async function writeHighlights(context: Excel.RequestContext, plan: HighlightPlan, options: WriteOptions): Promise<WriteReport | null> {
  const trips = new RoundTrips(context, options.budget);
  const sheets = new SheetProxies(context);
  const order = new Map(options.sheets.map((s, i) => [s, i]));
  const writable = (sheet: string) => order.has(sheet) && !options.protectedSheets.has(sheet);
  const attachKind: AttachedKind | null = options.reasons.notes ? 'note' : options.reasons.comments ? 'comment' : null;

  const { memory, reasons } = await findHighlights(context, trips, options);
  const marks = plan.marks.filter((m) => writable(m.sheet));
  const seen = await readBeforeWriting(trips, sheets, memory, reasons, marks, options.condition);
  if (!seen) return null;
  const chosen = chooseMarks(plan, marks, seen, attachKind, options);

  // Old marks: restored where the sheet can be written, kept in memory where it is protected,
  // forgotten where the sheet is gone.
  const restore = seen.old.filter((c) => writable(c.sheet));
  const keptOld = seen.old.filter((c) => order.has(c.sheet) && options.protectedSheets.has(c.sheet));
  const sort = (cells: RememberedCell[]) => sortCells(cells, order);
  const final = sort([...chosen.next, ...keptOld]);
  const nextKeys = new Set(chosen.next.map((c) => cellKey(c.sheet, c.cell)));
  const union = sort([...final, ...restore.filter((c) => !nextKeys.has(cellKey(c.sheet, c.cell)))]);

  const blocked = new Set([...plan.marks, ...seen.old].filter((c) => options.protectedSheets.has(c.sheet)).map((c) => c.sheet));
  const report = {
    marked: chosen.toMark.length,
    attachKind,
    protectedSheets: options.sheets.filter((s) => blocked.has(s)),
    othersReasonsKept: chosen.othersReasonsKept,
    gradientCells: chosen.gradientCells,
    reasonsOmitted: chosen.reasonsOmitted,
    conditionalCells: chosen.toMark.map((m) => cellKey(m.sheet, m.cell)).filter((k) => seen.conditionalKeys.has(k)),
  };
  if (union.length === 0 && !memory.stored) return { ...report, attached: 0, attachFailed: false, threadsKept: [] };

  const { threadsKept } = await restoreAndMark(trips, sheets, memory, union, restore, chosen.toMark, seen.existing);
  const attachFailed = await attachReasons(context, trips, sheets, memory, final, chosen.toAttach, attachKind);
  return { ...report, attached: attachFailed ? 0 : chosen.toAttach.length, attachFailed, threadsKept };
}

/** Phase 1: the memory and the workbook's notes/comments, found with an earlier sync or one here. */
async function findHighlights(context: Excel.RequestContext, trips: RoundTrips, options: WriteOptions): Promise<FoundHighlights> {
  if (options.found) return options.found;
  const found = queueFindHighlights(context, options.reasons);
  await trips.flush();
  return found;
}

/** What phase 2 read: the memory, the reasons there are, the fills of the cells to mark, and which sit under a conditional format. */
interface SeenBeforeWriting {
  readonly old: RememberedCell[];
  readonly existing: Map<string, ExistingReason>;
  readonly live: ReadonlyMap<string, CellFill>;
  readonly conditionalKeys: ReadonlySet<string>;
}

/**
 * Phase 2: the memory and notes are read here, just before writing, not when they were found, so
 * a change made in between (by another Pledge Check) is seen. Undefined when the condition fails.
 */
async function readBeforeWriting(
  trips: RoundTrips,
  sheets: SheetProxies,
  memory: HighlightMemory,
  reasons: CellReasons,
  marks: ReadonlyArray<CellMark>,
  condition: WriteCondition | undefined,
): Promise<SeenBeforeWriting | undefined> {
  await memory.queueRead(trips);
  await reasons.queueLocate(trips);
  const fillReads = [];
  for (const [sheet, cells] of groupBy(marks, (m) => m.sheet)) {
    fillReads.push({
      sheet,
      read: await queueReadFills(
        trips,
        sheets.get(sheet),
        cells.map((m) => m.cell),
      ),
    });
  }
  const conditional = await queueFindConditional(trips, sheets, marks);
  await condition?.queue(trips);
  await trips.flush();
  if (condition && !condition.holds()) return undefined;
  const conditionalKeys = conditional();
  const live = new Map<string, CellFill>();
  for (const { sheet, read } of fillReads) for (const [a1, fill] of read.collect()) live.set(cellKey(sheet, a1), fill);
  return { old: memory.cells(), existing: reasons.byCell(), live, conditionalKeys };
}

/** Which marks are written and which get a reason: no sync, only the decisions. */
interface ChosenMarks {
  /** The memory of the new marks: each cell's own fill (the one remembered the first time, if marked before). */
  readonly next: RememberedCell[];
  readonly toMark: CellMark[];
  readonly toAttach: { mark: CellMark; text: string }[];
  readonly gradientCells: string[];
  readonly othersReasonsKept: number;
  readonly reasonsOmitted: number;
}

function chooseMarks(
  plan: HighlightPlan,
  marks: ReadonlyArray<CellMark>,
  seen: SeenBeforeWriting,
  attachKind: AttachedKind | null,
  options: WriteOptions,
): ChosenMarks {
  const oldByKey = new Map(seen.old.map((c) => [cellKey(c.sheet, c.cell), c]));
  const next: RememberedCell[] = [];
  const toMark: CellMark[] = [];
  const toAttach: { mark: CellMark; text: string }[] = [];
  const gradientCells: string[] = [];
  let othersReasonsKept = 0;
  const reasonsOmitted = attachKind && marks.length > (options.maxReasons ?? MAX_REASONS) ? marks.length : 0;
  const attaching = reasonsOmitted ? null : attachKind;
  for (const m of marks) {
    const key = cellKey(m.sheet, m.cell);
    const before = oldByKey.get(key);
    const fill = before?.fill ?? seen.live.get(key);
    if (!fill || !isRestorable(fill)) {
      gradientCells.push(key);
      continue;
    }
    let attached: RememberedCell['attached'];
    if (attaching) {
      const there = seen.existing.get(key);
      const ours = there && before?.attached && there.kind === before.attached.kind && there.hash === before.attached.hash;
      if (ours && there.replies > 0) {
        // Someone answered under our comment: the thread is theirs too now, and stays; it is no longer ours to remove.
      } else if (!there || ours) {
        const text = `${plan.author}:\n${seen.conditionalKeys.has(key) ? `${CONDITIONAL_NOTE[options.lang ?? 'vi']}\n` : ''}${m.note}`;
        attached = { kind: attaching, hash: reasonHash(text) };
        toAttach.push({ mark: m, text });
      } else othersReasonsKept++;
    }
    next.push({ sheet: m.sheet, cell: m.cell, fill, ...(attached ? { attached } : {}) });
    toMark.push(m);
  }
  return { next, toMark, toAttach, gradientCells, othersReasonsKept, reasonsOmitted };
}

/** Phase 3: remember old and new cells, restore the old marks, apply the new ones, remove our old reasons. */
async function restoreAndMark(
  trips: RoundTrips,
  sheets: SheetProxies,
  memory: HighlightMemory,
  union: ReadonlyArray<RememberedCell>,
  restore: RememberedCell[],
  toMark: ReadonlyArray<CellMark>,
  existing: Map<string, ExistingReason>,
): Promise<{ threadsKept: string[] }> {
  await memory.queueWrite(union, trips);
  const { threadsKept } = await queueRestore(trips, sheets, restore, existing);
  for (const [sheet, cells] of groupBy(toMark, (m) => m.sheet)) {
    for (const [status, group] of groupBy(cells, (m) => m.status)) {
      for (const address of addressChunks(areasForCells(group.map((m) => m.cell)))) {
        await trips.reserve(address.length + 200);
        queueMarkFill(sheets.get(sheet).getRanges(address).format, status as MarkStatus);
      }
    }
  }
  await trips.flush();
  return { threadsKept };
}

/**
 * Phase 4: shrink the memory to the new cells and attach the new reasons — last, because Excel
 * can refuse one, which stops the rest of the batch. Whether some reason could not be attached.
 */
async function attachReasons(
  context: Excel.RequestContext,
  trips: RoundTrips,
  sheets: SheetProxies,
  memory: HighlightMemory,
  final: ReadonlyArray<RememberedCell>,
  toAttach: ReadonlyArray<{ mark: CellMark; text: string }>,
  attachKind: AttachedKind | null,
): Promise<boolean> {
  await memory.queueWrite(final, trips);
  try {
    for (const { mark, text } of toAttach) {
      await trips.reserve(text.length * 3 + 200);
      queueAttach(context, sheets.get(mark.sheet).getRange(mark.cell), attachKind!, text);
    }
    await trips.flush();
    return false;
  } catch (e) {
    // The memory went first in this batch and the fills are done; only reasons are missing.
    if (toAttach.length === 0) throw e;
    return true;
  }
}

/** First line of the reason on a cell whose conditional format hides the mark. */
const CONDITIONAL_NOTE = {
  vi: '(Ô có định dạng có điều kiện nên màu tô của Pledge Check có thể bị che.)',
  en: '(This cell has a conditional format, which may hide Pledge Check’s fill.)',
};

/**
 * Queue asking, for each run of marked cells, whether a conditional format covers it (one
 * `conditionalFormats.getCount()` per area, ExcelApi 1.6); after the sync, the keys of the marked
 * cells under one. A run of several cells with a format anywhere in it counts whole: better a note
 * too many than a mark nobody sees.
 */
async function queueFindConditional(trips: RoundTrips, sheets: SheetProxies, marks: ReadonlyArray<CellMark>): Promise<() => Set<string>> {
  const asked: { sheet: string; area: RangeRef; count: OfficeExtension.ClientResult<number> }[] = [];
  for (const [sheet, cells] of groupBy(marks, (m) => m.sheet)) {
    for (const area of areasForCells(cells.map((m) => m.cell))) {
      await trips.reserve(150);
      asked.push({ sheet, area, count: sheets.get(sheet).getRange(rangeToA1(area)).conditionalFormats.getCount() });
    }
  }
  return () => {
    const keys = new Set<string>();
    for (const { sheet, area, count } of asked) {
      if (count.value === 0) continue;
      for (let r = area.top; r <= area.bottom; r++) keys.add(cellKey(sheet, toA1(r, area.left)));
    }
    return keys;
  };
}

/** Tab order, then row, then column: the same memory for the same highlights, whatever the order they came in. */
export function sortCells(cells: RememberedCell[], order: ReadonlyMap<string, number>): RememberedCell[] {
  const pos = (c: RememberedCell) => parseA1(c.cell);
  return cells.sort((a, b) => {
    const s = (order.get(a.sheet) ?? 1e9) - (order.get(b.sheet) ?? 1e9) || a.sheet.localeCompare(b.sheet);
    if (s) return s;
    const pa = pos(a);
    const pb = pos(b);
    return pa.row - pb.row || pa.col - pb.col;
  });
}

import { Binding, Bindings } from '../../src/bindings/binding';
import { BindingsFormatError } from '../../src/bindings/bindingsXml';
import { CheckResult, PledgeChecker } from '../../src/evaluate/checkGrid';
import { highlightPlanFor } from '../../src/report/highlightPlan';
import { BindingStore } from './bindingStore';
import { ReasonSupport } from './cellReasons';
import { editedMeanwhile } from './editedMeanwhile';
import { readWorkbookGrid, ReadsAlong } from './readWorkbookGrid';
import { queueFindHighlights, writeHighlights, WriteReport } from './writeHighlights';
import { Lang } from '../../src/words/lang';

export interface CheckOutcome extends CheckResult {
  readonly write: WriteReport;
  /** The workbook was edited while it was being checked: nothing was written, the findings may be stale. */
  readonly edited: boolean;
  /** The bindings stored in the workbook that this check honoured. */
  readonly bindings: ReadonlyArray<Binding>;
  /** The bindings part could not be read: the check ran without bindings (and a save will not overwrite it). */
  readonly bindingsUnreadable?: BindingsFormatError;
}

/** The phases of a check, in order, for a progress bar; `cells` comes with how much is being read. */
export type CheckPhase = 'sheets' | 'ranges' | 'cells' | 'evaluate' | 'highlight';
export type OnCheckPhase = (phase: CheckPhase, detail?: { cells: number; sheets: number }) => void;

export interface CheckExtras {
  /**
   * Another feature's "find, then read" riding on the check's syncs (e.g. the reviews part): queue
   * its find on the context before calling, pass it here, and its `queueRead` goes with sync 2.
   */
  readonly alongside?: ReadonlyArray<ReadsAlong>;
  /** Bytes per sync; Excel on the web's cap unless told otherwise (the bench lifts it). */
  readonly payloadBudget?: number;
  /** Most reasons attached to cells (writeHighlights' MAX_REASONS unless told otherwise). */
  readonly maxReasons?: number;
}

const NOTHING_WRITTEN: WriteReport = {
  marked: 0,
  attached: 0,
  attachKind: null,
  protectedSheets: [],
  othersReasonsKept: 0,
  gradientCells: [],
  attachFailed: false,
  threadsKept: [],
  reasonsOmitted: 0,
  conditionalCells: [],
};

/**
 * The ribbon's and the pane's Check: read the open workbook into the core's grid, run the same
 * PledgeChecker as the CLI, turn the findings into the same highlight plan, and write it. With no
 * indicator table the plan is empty, which still replaces (removes) highlights of an earlier check.
 * `onPhase` only reports; it adds no sync.
 *
 * Six syncs whatever the size (more only past a payload, see RoundTrips): the read's three, whose
 * first also finds the highlight memory, the notes and the bindings part (its XML comes with the
 * second), then the write's three. Stored bindings only tell the reader where to look. The write's first
 * also re-reads the figures, and writes nothing if they changed meanwhile (editedMeanwhile).
 */
export async function checkWorkbook(
  context: Excel.RequestContext,
  checker: PledgeChecker,
  lang: Lang,
  reasons: ReasonSupport,
  onPhase: OnCheckPhase = () => undefined,
  extras: CheckExtras = {},
): Promise<CheckOutcome> {
  const found = queueFindHighlights(context, reasons);
  const bindingStore = BindingStore.queueFind(context);
  const read = await readWorkbookGrid(context, onPhase, { alongside: [bindingStore, ...(extras.alongside ?? [])], budget: extras.payloadBudget });
  const { bindings, unreadable } = storedBindings(bindingStore);
  onPhase('evaluate');
  const result = await checker.check(read.grid, new Bindings(bindings));
  const plan = highlightPlanFor(result.findings, lang);
  onPhase('highlight');
  const write = await writeHighlights(context, plan, {
    reasons,
    sheets: read.grid.sheets.map((s) => s.name),
    protectedSheets: read.protectedSheets,
    found,
    condition: editedMeanwhile(context, read.grid, result.tables, found.memory),
    budget: extras.payloadBudget,
    maxReasons: extras.maxReasons,
    lang,
  });
  const extra = { bindings, ...(unreadable ? { bindingsUnreadable: unreadable } : {}) };
  return write ? { ...result, ...extra, write, edited: false } : { ...result, ...extra, write: NOTHING_WRITTEN, edited: true };
}

/** A damaged bindings part must not stop the check: the reader then finds figures by their labels alone, and says so. */
function storedBindings(store: BindingStore): { bindings: Binding[]; unreadable?: BindingsFormatError } {
  try {
    return { bindings: store.list() };
  } catch (e) {
    if (e instanceof BindingsFormatError) return { bindings: [], unreadable: e };
    throw e;
  }
}

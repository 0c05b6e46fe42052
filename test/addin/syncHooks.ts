import { parseA1 } from '../../src/grid/address';
import { IndicatorTable } from '../../src/tables/indicatorTable';
import { FakeExcel } from './fakeExcel/fakeExcel';
import { FakeWorkbook } from './fakeExcel/fakeWorkbook';

/**
 * Ways to step into a fake Excel's syncs: make each one wait (so two batches started together
 * really overlap), record when each one goes out, or change the workbook just before the n-th,
 * as a person typing between a check's read and its write would.
 */
export interface SyncHooks {
  /** Every sync first waits this long on a timer. */
  readonly delayMs?: number;
  /** Appends `label:n` when the n-th sync goes out. */
  readonly timeline?: string[];
  readonly label?: string;
  /** Called just before the sync of that number is sent (and awaited). */
  readonly before?: Record<number, () => unknown>;
}

export function hookSyncs(fake: FakeExcel, hooks: SyncHooks): FakeExcel {
  const sync = fake.sync.bind(fake);
  let n = 0;
  fake.sync = async () => {
    const at = ++n;
    if (hooks.delayMs) await new Promise((r) => setTimeout(r, hooks.delayMs));
    await hooks.before?.[at]?.();
    hooks.timeline?.push(`${hooks.label ?? '?'}:${at}`);
    return sync();
  };
  return fake;
}

/** Types a different number into the first numeric figure the check read (the state changes at once, as Excel's would). */
export function editFigure(state: FakeWorkbook, tables: ReadonlyArray<IndicatorTable>): { sheet: string; cell: string } {
  const o = tables.flatMap((t) => [...t.observations]).find((x) => typeof x.value === 'number');
  if (!o) throw new Error('no numeric figure to edit');
  const { row, col } = parseA1(o.cell);
  state.sheet(o.sheet).cells.set(`${row},${col}`, { value: (o.value as number) + 1000, type: 'Double' });
  return { sheet: o.sheet, cell: o.cell };
}

/** The labels of a timeline in the order their syncs went out, runs of the same label collapsed. */
export function runsOf(timeline: ReadonlyArray<string>): string[] {
  const out: string[] = [];
  for (const t of timeline) {
    const label = t.slice(0, t.lastIndexOf(':'));
    if (out[out.length - 1] !== label) out.push(label);
  }
  return out;
}

/**
 * Office round trips: `context.sync()` calls and queued commands of the add-in's Check and Clear on
 * an indicator table of 100 and 100,000 rows, in the recording fake Excel of the add-in's tests,
 * driven through the ribbon's own entry points with `Office` and `Excel` from office-addin-mock
 * (as test/addin/helpers.ts installs them; it works outside jest too). Then how many commands the
 * highlights take: they must grow with fill styles and address chunks, never with cells.
 *
 * Excel on the web caps a sync's payload at 5 MB, so past a few MB a phase takes one more sync per
 * payload (RoundTrips): 100,000 rows are measured both under that cap and without it (desktop-like),
 * where the count must equal the count at 100 rows.
 */
import { CellValue } from '../src/grid/cell';
import { WorkbookGrid } from '../src/grid/grid';
import { PledgeChecker } from '../src/evaluate/checkGrid';
import { defaultPack } from '../src/packs/builtinPacks';
import { highlightPlanFor } from '../src/report/highlightPlan';
import { checkTargets, clearTargets } from '../addin/actions';
import { addressChunks, areasForCells } from '../addin/excel/addressList';
import { checkWorkbook } from '../addin/excel/checkWorkbook';
import { groupBy } from '../addin/excel/groupBy';
import { FakeExcel, LoggedCommand } from '../test/addin/fakeExcel/fakeExcel';
import { FakeWorkbook } from '../test/addin/fakeExcel/fakeWorkbook';
import { installExcel, installOffice } from '../test/addin/helpers';
import { sheet, workbook } from '../test/helpers/grid';
import type { Figure } from './run';

const MAX_CHECK_SYNCS = 6;
const MAX_CLEAR_SYNCS = 3;
const NO_REASONS = { notes: false, comments: false };

/** A layout-C Excel table, one row per unit (like the shared fixture cum-1); `row(i)` gives unit i's figures. */
function indicatorTable(units: number, row: (i: number) => { before: number; now: number | null }): WorkbookGrid {
  const header: CellValue[] = [
    'Đơn vị',
    'Số vụ PPHS năm 2019',
    'Số vụ PPHS năm 2020',
    'Tin báo tiếp nhận năm 2020',
    'Tin báo đã giải quyết năm 2020',
    'Số vụ án oan năm 2020',
  ];
  const rows: CellValue[][] = [['Kết quả thực hiện giao ước thi đua năm 2020'], [], header];
  for (let i = 0; i < units; i++) {
    const { before, now } = row(i);
    rows.push([`Công an đơn vị số ${i + 1}`, before, now, 1000 + (i % 89), 950 + (i % 89), 0]);
  }
  return workbook(sheet('Cụm 1', rows, { tables: [{ name: 'ChiTieuCum1', ref: `A3:F${3 + units}` }] }));
}

/** Every 50th unit reports more cases than the year before: a shortfall on that cell. */
const usual = (i: number) => ({ before: 500 + (i % 97), now: i % 50 === 7 ? 512 + (i % 97) : 460 + (i % 97) });

interface Run {
  syncs: number;
  commands: number;
  largestPayload: number;
}

const runOf = (fake: FakeExcel): Run => ({
  syncs: fake.syncs,
  commands: fake.log.length,
  largestPayload: Math.max(0, ...fake.payloads.map((p) => Math.max(p.request, p.response))),
});

/** Check then Clear through the ribbon's actions (runExcel, the lock, Excel.run), as Excel would call them. */
async function ribbon(units: number): Promise<{ check: Run; clear: Run; marked: number }> {
  const state = FakeWorkbook.fromGrid(indicatorTable(units, usual));
  let current: FakeExcel | undefined;
  installOffice({ notes: true, comments: true }, 'vi-VN');
  installExcel(() => (current = new FakeExcel(state)));
  try {
    const outcome = await checkTargets('vi');
    if (outcome.edited) throw new Error('nobody edits the bench workbook');
    const check = runOf(current!);
    await clearTargets();
    return { check, clear: runOf(current!), marked: outcome.write.marked };
  } finally {
    delete (globalThis as Record<string, unknown>).Office;
    delete (globalThis as Record<string, unknown>).Excel;
  }
}

/** The same check with Excel on the web's payload cap lifted (on both sides): syncs by phase only. */
async function uncapped(units: number): Promise<Run> {
  const fake = new FakeExcel(FakeWorkbook.fromGrid(indicatorTable(units, usual)), Infinity);
  await checkWorkbook(fake.context, new PledgeChecker(defaultPack()), 'vi', { notes: true, comments: true }, undefined, { payloadBudget: Infinity });
  return runOf(fake);
}

const isHighlightCommand = (c: LoggedCommand) => c.target.includes('.getRanges(') && (c.op === 'set' || c.name === 'clear');

/** Highlight commands of a first check, against the fill styles and `getRanges` chunks its marks need. */
async function highlights(name: string, units: number, row: (i: number) => { before: number; now: number | null }) {
  const checker = new PledgeChecker(defaultPack());
  // Uncapped, to count commands alone: under the cap the same commands only spread over more syncs.
  const state = FakeWorkbook.fromGrid(indicatorTable(units, row));
  const fake = new FakeExcel(state, Infinity);
  const outcome = await checkWorkbook(fake.context, checker, 'vi', NO_REASONS, undefined, { payloadBudget: Infinity });
  const marks = highlightPlanFor(outcome.findings, 'vi').marks;
  let styles = 0;
  let chunks = 0;
  for (const onSheet of groupBy(marks, (m) => m.sheet).values()) {
    for (const group of groupBy(onSheet, (m) => m.status).values()) {
      styles++;
      chunks += addressChunks(areasForCells(group.map((m) => m.cell))).length;
    }
  }
  const commands = fake.log.filter(isHighlightCommand).length;
  return {
    name,
    units,
    cells: marks.length,
    styles,
    chunks,
    commands,
    memoryBytes: state.xmlParts.reduce((n, p) => n + Buffer.byteLength(p.xml), 0),
    memoryParts: state.xmlParts.length,
  };
}

export async function officeRoundTripFigures(quick: boolean): Promise<Figure[]> {
  const small = await ribbon(100);
  const large = await ribbon(100_000);
  const lifted = await uncapped(100_000);
  const mb = (n: number) => (n / 1024 / 1024).toFixed(2);
  console.log(
    `office round trips: check 100 rows ${small.check.syncs} syncs / ${small.check.commands} commands; ` +
      `100,000 rows ${lifted.syncs} syncs / ${lifted.commands} commands without the payload cap, ` +
      `${large.check.syncs} syncs under Excel on the web's 5 MB (largest payload ${mb(large.check.largestPayload)} MB); ` +
      `clear ${small.clear.syncs} and ${large.clear.syncs} syncs; ${small.marked} and ${large.marked} cells marked`,
  );

  const scattered = quick ? 2_000 : 20_000;
  const cases = [
    await highlights('contiguous-100', 100, (i) => ({ before: 500, now: 520 + i })),
    await highlights('contiguous-100000', 100_000, (i) => ({ before: 500, now: 520 + (i % 7) })),
    await highlights(`scattered-${scattered}`, scattered, (i) => ({ before: 500, now: i % 2 ? 460 : 520 })),
    await highlights(`two-styles-${scattered}`, scattered, (i) => ({ before: 500, now: i % 3 === 0 ? 520 : i % 3 === 1 ? null : 460 })),
  ];
  for (const c of cases) {
    console.log(
      `office highlights ${c.name.padEnd(20)} ${String(c.cells).padStart(7)} cells, ${c.styles} style(s), ${String(c.chunks).padStart(3)} chunk(s): ${c.commands} fill commands; memory ${mb(c.memoryBytes)} MB in ${c.memoryParts} part(s)`,
    );
  }

  const same = small.check.syncs === lifted.syncs;
  return [
    { name: 'office.check.syncs.100-rows', measured: small.check.syncs, target: MAX_CHECK_SYNCS, unit: '', pass: small.check.syncs <= MAX_CHECK_SYNCS },
    { name: 'office.check.syncs.100000-rows-no-payload-cap', measured: lifted.syncs, target: MAX_CHECK_SYNCS, unit: '', pass: lifted.syncs <= MAX_CHECK_SYNCS },
    { name: 'office.check.syncs.100-vs-100000-identical', measured: same ? 1 : 0, target: 1, unit: 'bool', pass: same },
    { name: 'office.check.syncs.100000-rows-web-5MB-cap', measured: large.check.syncs, target: null, unit: '', pass: null },
    { name: 'office.check.commands.100-rows', measured: small.check.commands, target: null, unit: '', pass: null },
    { name: 'office.check.commands.100000-rows', measured: large.check.commands, target: null, unit: '', pass: null },
    { name: 'office.clear.syncs.100-rows', measured: small.clear.syncs, target: MAX_CLEAR_SYNCS, unit: '', pass: small.clear.syncs <= MAX_CLEAR_SYNCS },
    { name: 'office.clear.syncs.100000-rows', measured: large.clear.syncs, target: MAX_CLEAR_SYNCS, unit: '', pass: large.clear.syncs <= MAX_CLEAR_SYNCS },
    // Each style × chunk is one `clear()` and one colour: two commands, whatever the cells.
    ...cases.map((c) => ({
      name: `office.highlight.commands-per-chunk.${c.name}`,
      measured: c.chunks ? c.commands / c.chunks : 0,
      target: 2,
      unit: '',
      pass: c.chunks > 0 && c.commands === 2 * c.chunks,
    })),
  ];
}

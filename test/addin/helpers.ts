import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { OfficeMockObject } from 'office-addin-mock';
import { CellValue } from '../../src/grid/cell';
import { WorkbookGrid } from '../../src/grid/grid';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { CellFill } from '../../addin/excel/cellFill';
import { FakeExcel } from './fakeExcel/fakeExcel';
import { FakeWorkbook } from './fakeExcel/fakeWorkbook';
import { hasSharedFixtures, SAMPLES, SHARED_FIXTURES } from '../helpers/paths';

/** Every workbook the add-in tests run on: the samples (always) and the shared fixtures (when present). */
export function workbookFiles(): { name: string; path: string }[] {
  const list = (dir: string) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.xlsx'))
      .sort()
      .map((f) => ({ name: f, path: join(dir, f) }));
  return [...list(SAMPLES), ...(hasSharedFixtures ? list(SHARED_FIXTURES) : [])];
}

export { hasSharedFixtures, SHARED_FIXTURES };

export function gridOf(path: string): WorkbookGrid {
  return readWorkbook(readFileSync(path));
}

export function sharedFixture(file: string): string | undefined {
  const p = join(SHARED_FIXTURES, file);
  return existsSync(p) ? p : undefined;
}

/**
 * Fills a deterministic scattering of cells with their own formats, so a round trip has to put
 * back real fills (solid, tinted, patterned), not just "no fill".
 */
export function seedFills(state: FakeWorkbook): void {
  const kinds: CellFill[] = [
    { pattern: 'Solid', color: '#DDEBF7', patternColor: '', tintAndShade: 0, patternTintAndShade: 0 },
    { pattern: 'Solid', color: '#5B9BD5', patternColor: '', tintAndShade: 0.6, patternTintAndShade: 0 },
    { pattern: 'Gray25', color: '#FFFFFF', patternColor: '#A6A6A6', tintAndShade: 0, patternTintAndShade: -0.25 },
    { pattern: 'Solid', color: '#FFFF00', patternColor: '', tintAndShade: 0, patternTintAndShade: 0 },
  ];
  for (const sheet of state.sheets) {
    for (const key of sheet.cells.keys()) {
      const [r, c] = key.split(',').map(Number);
      const h = (r * 7919 + c * 104729) % 11;
      if (h < kinds.length) sheet.fills.set(key, { ...kinds[h] });
    }
  }
}

export function fakeFor(grid: WorkbookGrid, opts: { fills?: boolean } = {}): FakeWorkbook {
  const state = FakeWorkbook.fromGrid(grid);
  if (opts.fills !== false) seedFills(state);
  return state;
}

/** A grid as plain comparable data: rows dense with null, trailing blanks and empty rows dropped. */
export function normalizedRows(rows: ReadonlyArray<ReadonlyArray<CellValue> | undefined>): CellValue[][] {
  const out = Array.from(rows, (r) => {
    const row = Array.from(r ?? [], (v) => (v === undefined ? null : v));
    while (row.length && row[row.length - 1] === null) row.pop();
    return row;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

export type Requirements = { notes?: boolean; comments?: boolean };

/**
 * The `Office` global through office-addin-mock. Office's namespace is plain data, not proxies
 * with load/sync, so the mock is seeded with the host "outlook", whose properties it serves as is.
 */
export function installOffice(
  req: Requirements = { notes: true, comments: true },
  displayLanguage = 'vi-VN',
  opts: { settings?: FakeSettings; officeTheme?: Record<string, string> } = {},
) {
  const associated = new Map<string, (event: { completed(): void }) => Promise<void>>();
  const settings = opts.settings ?? new FakeSettings();
  // Dialogs opened (their URLs); each is closed by "the person" right after it opens.
  const dialogs: string[] = [];
  const displayDialogAsync = (url: string, _opts: unknown, cb: (r: { status: string; value: unknown }) => void) => {
    dialogs.push(url);
    const handlers: ((arg: unknown) => void)[] = [];
    cb({ status: 'succeeded', value: { addEventHandler: (_type: string, h: (arg: unknown) => void) => handlers.push(h), close: () => undefined } });
    setTimeout(() => handlers.forEach((h) => h({ error: 12006 })), 0);
  };
  const mock = new OfficeMockObject({
    host: 'outlook',
    context: {
      host: 'Excel',
      displayLanguage,
      requirements: {
        isSetSupported: (name: string, version?: string) => name === 'ExcelApi' && supports(req, version ?? '1.1'),
      },
      // The mock copies own properties only: hand it the settings' methods bound to the fake.
      document: { settings: { get: settings.get.bind(settings), set: settings.set.bind(settings), saveAsync: settings.saveAsync.bind(settings) } },
      ui: { displayDialogAsync },
      ...(opts.officeTheme ? { officeTheme: opts.officeTheme } : {}),
    },
    actions: { associate: (id: string, fn: (event: { completed(): void }) => Promise<void>) => associated.set(id, fn) },
    onReady: (cb?: (info: { host: string }) => void) => {
      cb?.({ host: 'Excel' });
      return Promise.resolve({ host: 'Excel' });
    },
    HostType: { Excel: 'Excel' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
  });
  (globalThis as Record<string, unknown>).Office = mock;
  return { mock, associated, settings, dialogs };
}

/**
 * Office's document settings as the workbook keeps them: `set` changes the session's copy,
 * `saveAsync` writes it into the file (`saved`), so a "reopened" workbook sees only what was saved.
 */
export class FakeSettings {
  private readonly live = new Map<string, unknown>();
  saves = 0;
  failSaves = false;

  constructor(readonly saved: Map<string, unknown> = new Map()) {
    for (const [k, v] of saved) this.live.set(k, JSON.parse(JSON.stringify(v)));
  }

  get(name: string): unknown {
    return this.live.has(name) ? JSON.parse(JSON.stringify(this.live.get(name))) : null;
  }

  set(name: string, value: unknown): void {
    this.live.set(name, JSON.parse(JSON.stringify(value)));
  }

  saveAsync(callback?: (r: { status: string; error?: { message: string } }) => void): void {
    this.saves++;
    if (this.failSaves) {
      callback?.({ status: 'failed', error: { message: 'read-only' } });
      return;
    }
    for (const [k, v] of this.live) this.saved.set(k, v);
    callback?.({ status: 'succeeded' });
  }
}

function supports(req: Requirements, version: string): boolean {
  if (version === '1.18') return req.notes !== false;
  if (version === '1.10') return req.comments !== false;
  return Number(version.split('.')[1] ?? 0) <= 13; // the manifest's minimum
}

/** The `Excel` global through office-addin-mock: `run` hands each batch a context of `fake()`. */
export function installExcel(fake: () => FakeExcel) {
  const runs: unknown[] = [];
  const mock = new OfficeMockObject({
    host: 'outlook',
    run: async (options: unknown, batch: (ctx: Excel.RequestContext) => Promise<unknown>) => {
      runs.push(options);
      return batch(fake().context);
    },
  });
  (globalThis as Record<string, unknown>).Excel = mock;
  return { mock, runs };
}

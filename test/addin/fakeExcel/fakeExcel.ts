import { parseRange, RangeRef, rangeToA1, sheetRef } from '../../../src/grid/address';
import { CellFill } from '../../../addin/excel/cellFill';
import { FakeCell, FakeReason, FakeSheet, FakeSheetLayout, FakeWorkbook, NO_FILL } from './fakeWorkbook';

/**
 * A purpose-built fake of the parts of Excel's JavaScript API the add-in uses, honest about the
 * things that matter: proxies whose properties throw until loaded and synced; commands that run
 * only at `sync()`, in order, stopping at the first failure (earlier writes stay, loads of a
 * failed batch are lost); Excel on the web's 5 MB request/response cap; getRanges' area and
 * address limits; the 512-merged-areas limit; protected sheets refusing writes; one note or
 * comment per cell. It counts syncs and logs every command, and any attempt to set a property it
 * was not told is writable (values, formulas, number formats…) is recorded and throws. Values and
 * layout (fonts, widths, frozen panes, print setup, custom properties) may be written only on a
 * sheet the add-in made with `worksheets.add` (the scorecard); anywhere else that is a violation too.
 *
 * Why not office-addin-mock's OfficeMockObject for the workbook: it has no collections (a load
 * of `items/name` fails), no objects returned by methods and loaded in a later sync, no
 * ClientResult, no command order or failure, and its seeded values never change. It serves the
 * `Office` and `Excel` globals instead (helpers.ts), where plain seeded values are what is needed.
 */

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** `getRanges` reads this many characters of its address and silently ignores the rest. */
export const GETRANGES_MAX_CHARS = 8_192;

export interface LoggedCommand {
  /** The sync (1-based) that sent it. */
  readonly sync: number;
  readonly op: 'load' | 'set' | 'call';
  readonly target: string;
  readonly name: string;
  readonly args?: unknown;
}

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

interface Staged {
  readonly bytes: number;
  readonly commit?: () => void;
}

interface Op {
  readonly wire: Omit<LoggedCommand, 'sync'>;
  run(): Staged | void;
}

export class FakeExcel {
  readonly workbook: FakeWorkbookProxy;
  syncs = 0;
  readonly log: LoggedCommand[] = [];
  readonly payloads: { request: number; response: number }[] = [];
  readonly violations: string[] = [];
  /** The ExcelApi requirement set this Excel has: members of a later set fail at sync (ApiNotFound). */
  excelApi = '1.18';
  private queue: Op[] = [];

  constructor(
    readonly state: FakeWorkbook,
    readonly payloadLimit = PAYLOAD_LIMIT,
  ) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  /** For the add-in's code: this object is its `Excel.RequestContext`. */
  get context(): Excel.RequestContext {
    return this as unknown as Excel.RequestContext;
  }

  enqueue(op: Op): void {
    this.queue.push(op);
    this.log.push({ sync: this.syncs + 1, ...op.wire });
  }

  async sync(): Promise<void> {
    this.syncs++;
    const ops = this.queue;
    this.queue = [];
    const request = utf8(JSON.stringify(ops.map((o) => o.wire)));
    let response = 0;
    const commits: (() => void)[] = [];
    try {
      if (request > this.payloadLimit) throw new OfficeError('RequestPayloadSizeLimitExceeded', `${request} bytes`);
      for (const op of ops) {
        const staged = op.run();
        if (staged) {
          response += staged.bytes;
          if (staged.commit) commits.push(staged.commit);
        }
      }
      if (response > this.payloadLimit) throw new OfficeError('ResponsePayloadSizeLimitExceeded', `${response} bytes`);
    } finally {
      this.payloads.push({ request, response });
    }
    for (const c of commits) c();
  }

  /** Commands of the given kinds whose target or name matches. */
  commands(filter: (c: LoggedCommand) => boolean): LoggedCommand[] {
    return this.log.filter(filter);
  }
}

export function utf8(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

const valueBytes = (v: unknown) => utf8(JSON.stringify(v) ?? 'null');

// ---------------------------------------------------------------------------------------------
// Proxies

/**
 * Base of every proxy. Properties are read through `get`, which throws until a load of that
 * property has been synced. Instances are wrapped in a JS Proxy that refuses to set anything
 * not listed in `writable` (internal fields start with `_`).
 */
abstract class FakeProxy {
  protected readonly _loaded = new Map<string, unknown>();
  protected _null: boolean | undefined;
  protected _nullCheck: (() => boolean) | undefined;

  constructor(
    protected readonly _ctx: FakeExcel,
    readonly _path: string,
    writable: ReadonlyArray<string> = [],
  ) {
    const allowed = new Set(writable);
    return new Proxy(this, {
      set(target, prop, value, receiver) {
        // Internal fields, fields the constructors fill in, and the writable list; nothing else.
        const own =
          Object.prototype.hasOwnProperty.call(target, prop) &&
          !allowed.has(String(prop)) &&
          Object.getOwnPropertyDescriptor(target, prop)?.value === undefined;
        if (typeof prop === 'string' && (prop.startsWith('_') || allowed.has(prop) || own)) return Reflect.set(target, prop, value, receiver);
        const what = `${target._path}.${String(prop)} = ${JSON.stringify(value)?.slice(0, 60)}`;
        _ctx.violations.push(what);
        throw new Error(`FakeExcel: the add-in set a property it must never set: ${what}`);
      },
    });
  }

  load(spec?: string | string[]): this {
    const paths = (Array.isArray(spec) ? spec : (spec ?? '').split(',')).map((p) => p.trim()).filter(Boolean);
    this._ctx.enqueue({
      wire: { op: 'load', target: this._path, name: paths.join(',') },
      run: () => {
        const staged: [FakeProxy, string, unknown][] = [];
        this._capture(paths, staged);
        return {
          bytes: staged.reduce((n, [, , v]) => n + valueBytes(v), 0),
          commit: () => staged.forEach(([obj, name, v]) => obj._loaded.set(name, v)),
        };
      },
    });
    return this;
  }

  /** Payload accounting counts each loaded property on its own object; a reference costs nothing. */
  toJSON(): null {
    return null;
  }

  get isNullObject(): boolean {
    if (this._null === undefined) throw new OfficeError('PropertyNotLoaded', `${this._path}.isNullObject before sync`);
    return this._null;
  }

  /** Read current state into `staged` for each path (`name` or `nav/name`). */
  _capture(paths: string[], staged: [FakeProxy, string, unknown][]): void {
    if (this._nullCheck?.()) return; // loading a null object yields nothing
    for (const path of paths) {
      const [head, ...rest] = path.split('/');
      if (rest.length) {
        const child = this._nav(head);
        if (!child) throw new OfficeError('InvalidArgument', `${this._path} has no navigation property ${head}`);
        child._capture([rest.join('/')], staged);
      } else staged.push([this, head, this._read(head)]);
    }
  }

  protected _nav(_name: string): FakeProxy | undefined {
    return undefined;
  }

  protected _read(name: string): unknown {
    throw new OfficeError('InvalidArgument', `${this._path} has no property ${name}`);
  }

  protected _get<T>(name: string): T {
    if (this._null) throw new OfficeError('InvalidObjectPath', `${this._path} is a null object`);
    if (!this._loaded.has(name)) throw new OfficeError('PropertyNotLoaded', `${this._path}.${name}`);
    return this._loaded.get(name) as T;
  }

  /** Queue a method call whose effect (or check) happens at sync. */
  protected _call(name: string, args: unknown, run: () => Staged | void = () => undefined): void {
    this._ctx.enqueue({ wire: { op: 'call', target: this._path, name, args }, run });
  }

  protected _set(name: string, value: unknown, run: () => void): void {
    this._ctx.enqueue({ wire: { op: 'set', target: this._path, name, args: value }, run });
  }

  /** Resolve `isNullObject` when the batch that created this proxy runs. */
  protected _resolveNullAtSync(isNull: () => boolean): void {
    this._nullCheck = isNull;
    this._ctx.enqueue({
      wire: { op: 'call', target: this._path, name: '(resolve)' },
      run: () => {
        const n = isNull();
        return { bytes: 8, commit: () => (this._null = n) };
      },
    });
  }
}

/** A result of a method (`getXml`, `getCellProperties`…): `value` throws until synced. */
class FakeResult<T> {
  private _v: T | undefined;
  private _done = false;
  get value(): T {
    if (!this._done) throw new OfficeError('PropertyNotLoaded', 'ClientResult.value before sync');
    return this._v as T;
  }
  _stage(v: T): Staged {
    return { bytes: valueBytes(v), commit: () => ((this._v = v), (this._done = true)) };
  }
}

abstract class FakeCollection<T extends FakeProxy> extends FakeProxy {
  get items(): T[] {
    return this._get<T[]>('items');
  }

  protected abstract _list(): T[];

  override _capture(paths: string[], staged: [FakeProxy, string, unknown][]): void {
    const items = this._list();
    staged.push([this, 'items', items]);
    const rest = paths.map((p) => p.replace(/^items\//, '')).filter((p) => p !== 'items');
    for (const item of items) item._capture(rest, staged);
  }
}

function protectedError(sheet: FakeSheet): OfficeError {
  return new OfficeError('AccessDenied', `sheet "${sheet.name}" is protected`);
}

export class FakeWorkbookProxy extends FakeProxy {
  readonly worksheets: FakeWorksheets;
  readonly tables: FakeTables;
  readonly customXmlParts: FakeXmlParts;
  readonly notes: FakeReasons;
  readonly comments: FakeReasons;

  readonly protection: FakeProxy;

  constructor(ctx: FakeExcel) {
    super(ctx, 'workbook');
    this.worksheets = new FakeWorksheets(ctx);
    this.tables = new FakeTables(ctx);
    this.customXmlParts = new FakeXmlParts(ctx);
    this.notes = new FakeReasons(ctx, 'note');
    this.comments = new FakeReasons(ctx, 'comment');
    this.protection = new (class extends FakeProxy {
      get protected(): boolean {
        return this._get('protected');
      }
      protected override _read(name: string): unknown {
        return name === 'protected' ? ctx.state.structureProtected : super._read(name);
      }
    })(ctx, 'workbook.protection');
  }

  get name(): string {
    return this._get('name');
  }

  /** The selected cell: where the person clicked last, or what the add-in selected. */
  getActiveCell(): FakeRange {
    const state = this._ctx.state;
    const where = () => {
      const a = state.activeCell ?? { sheet: state.sheets[0].name, row: 0, col: 0 };
      const sheet = state.sheets.find((s) => s.name === a.sheet);
      if (!sheet) throw new OfficeError('ItemNotFound', `worksheet ${a.sheet}`);
      return { sheet, area: { top: a.row, left: a.col, bottom: a.row, right: a.col } };
    };
    this._call('getActiveCell', undefined, () => void where());
    return new FakeRange(this._ctx, where, 'workbook.getActiveCell()');
  }

  protected override _read(name: string): unknown {
    return name === 'name' ? this._ctx.state.name : super._read(name);
  }

  protected override _nav(name: string): FakeProxy | undefined {
    return name === 'protection' ? this.protection : undefined;
  }
}

// --- worksheets -----------------------------------------------------------------------------

class FakeWorksheets extends FakeCollection<FakeWorksheet> {
  private readonly _byId = new Map<string, FakeWorksheet>();

  constructor(ctx: FakeExcel) {
    super(ctx, 'worksheets');
  }

  _proxy(sheet: FakeSheet): FakeWorksheet {
    let p = this._byId.get(sheet.id);
    if (!p) this._byId.set(sheet.id, (p = new FakeWorksheet(this._ctx, () => sheet, `worksheets('${sheet.name}')`)));
    return p;
  }

  protected _list(): FakeWorksheet[] {
    return this._ctx.state.sheets.map((s) => this._proxy(s));
  }

  getItem(name: string): FakeWorksheet {
    const find = () => {
      const s = this._ctx.state.sheets.find((x) => x.name === name);
      if (!s) throw new OfficeError('ItemNotFound', `worksheet ${name}`);
      return s;
    };
    this._call('getItem', name, () => void find());
    return new FakeWorksheet(this._ctx, find, `worksheets.getItem('${name}')`);
  }

  /** A new sheet at the end, as Excel names are checked: unique ignoring case, 31 characters, no []:*?/ or backslash. */
  add(name: string): FakeWorksheet {
    const state = this._ctx.state;
    let made: FakeSheet | undefined;
    this._call('add', name, () => {
      if (state.structureProtected) throw new OfficeError('AccessDenied', 'the workbook structure is protected');
      if (!name || Array.from(name).length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name))
        throw new OfficeError('InvalidArgument', `sheet name ${name}`);
      const lower = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi');
      if (state.sheets.some((s) => lower(s.name) === lower(name))) throw new OfficeError('ItemAlreadyExists', `a sheet named ${name}`);
      made = state.addSheet(name);
      made.addedByAddin = true;
    });
    return new FakeWorksheet(
      this._ctx,
      () => {
        if (!made) throw new OfficeError('InvalidObjectPath', `sheet ${name} not added`);
        return made;
      },
      `worksheets.add('${name}')`,
    );
  }
}

class FakeWorksheet extends FakeProxy {
  readonly protection: FakeProxy;
  readonly customProperties: FakeCustomProperties;
  readonly freezePanes: FakeFreezePanes;
  readonly pageLayout: FakePageLayout;

  constructor(
    ctx: FakeExcel,
    readonly _sheet: () => FakeSheet,
    path: string,
  ) {
    super(ctx, path);
    const sheet = _sheet;
    this.protection = new (class extends FakeProxy {
      get protected(): boolean {
        return this._get('protected');
      }
      protected override _read(name: string): unknown {
        if (name === 'protected') return sheet().protected;
        return super._read(name);
      }
    })(ctx, `${path}.protection`);
    this.customProperties = new FakeCustomProperties(ctx, _sheet, `${path}.customProperties`);
    this.freezePanes = new FakeFreezePanes(ctx, _sheet, `${path}.freezePanes`);
    this.pageLayout = new FakePageLayout(ctx, _sheet, `${path}.pageLayout`);
  }

  /** Only a sheet the add-in made may be deleted; Excel keeps at least one visible sheet. */
  delete(): void {
    this._call('delete', undefined, () => {
      const s = this._sheet();
      const state = this._ctx.state;
      if (!s.addedByAddin) madeOnly(this._ctx, s, `${this._path}.delete()`);
      if (state.structureProtected) throw new OfficeError('AccessDenied', 'the workbook structure is protected');
      if (!state.sheets.some((x) => x !== s && x.visibility === 'Visible')) throw new OfficeError('InvalidOperation', 'a workbook must keep one visible sheet');
      state.sheets = state.sheets.filter((x) => x !== s);
    });
  }

  get name(): string {
    return this._get('name');
  }
  get id(): string {
    return this._get('id');
  }
  get visibility(): string {
    return this._get('visibility');
  }

  protected override _read(name: string): unknown {
    const s = this._sheet();
    if (name === 'name' || name === 'id' || name === 'visibility') return s[name];
    if (name === 'position') return this._ctx.state.sheets.indexOf(s);
    return super._read(name);
  }

  protected override _nav(name: string): FakeProxy | undefined {
    return name === 'protection' ? this.protection : undefined;
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const area = () => usedArea(this._sheet(), valuesOnly);
    const r = new FakeRange(
      this._ctx,
      () => {
        const a = area();
        return a && { sheet: this._sheet(), area: a };
      },
      `${this._path}.getUsedRangeOrNullObject(${valuesOnly})`,
    );
    r._nullable(() => area() === null);
    return r;
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this._call('getRangeByIndexes', [row, col, rows, cols]);
    const area = { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 };
    return new FakeRange(this._ctx, () => ({ sheet: this._sheet(), area }), `${this._path}.getRangeByIndexes(${row},${col},${rows},${cols})`);
  }

  getRange(address: string): FakeRange {
    this._call('getRange', address);
    const area = parseRange(address);
    return new FakeRange(this._ctx, () => ({ sheet: this._sheet(), area }), `${this._path}.getRange('${address}')`);
  }

  /**
   * Excel reads at most GETRANGES_MAX_CHARS characters of the address and ignores the rest without
   * an error, so areas past it are silently not there (an area cut in two is dropped); it fails at
   * sync past 500 areas (office-js #5198).
   */
  getRanges(address: string): FakeRangeAreas {
    const kept = address.length > GETRANGES_MAX_CHARS ? address.slice(0, GETRANGES_MAX_CHARS) : address;
    const parts = kept.split(/[,;]/);
    if (kept.length < address.length && !/[,;]\s*$/.test(kept) && !/^[,;]/.test(address.slice(GETRANGES_MAX_CHARS))) parts.pop();
    const areas = parts.filter((a) => a.trim()).map((a) => parseRange(a.trim()));
    this._call('getRanges', address, () => {
      if (areas.length > 500) throw new OfficeError('GeneralException', `getRanges with ${areas.length} areas`);
    });
    return new FakeRangeAreas(this._ctx, () => ({ sheet: this._sheet(), areas }), `${this._path}.getRanges('${address.slice(0, 40)}…')`);
  }

  activate(): void {
    this._call('activate', undefined, () => {
      if (this._sheet().visibility !== 'Visible') throw new OfficeError('InvalidOperation', 'cannot activate a hidden sheet');
    });
  }
}

function usedArea(sheet: FakeSheet, valuesOnly: boolean): RangeRef | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const keys = valuesOnly ? [...sheet.cells.keys()] : [...sheet.cells.keys(), ...sheet.fills.keys()];
  for (const k of keys) {
    const [r, c] = k.split(',').map(Number);
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}

// --- ranges -----------------------------------------------------------------------------------

type Located = { sheet: FakeSheet; area: RangeRef } | null;

class FakeRange extends FakeProxy {
  private _format: FakeRangeFormat | undefined;

  constructor(
    ctx: FakeExcel,
    readonly _where: () => Located,
    path: string,
  ) {
    super(ctx, path, ['values']);
    // Values may be written only on a sheet the add-in made; anywhere else it is a violation.
    Object.defineProperty(this, 'values', {
      configurable: true,
      get: () => this._get('values'),
      set: (v: unknown) => this._set('values', v, () => writeValues(ctx, this._at(), v, path)),
    });
  }

  get format(): FakeRangeFormat {
    return (this._format ??= new FakeRangeFormat(this._ctx, () => this._at(), `${this._path}.format`));
  }

  _nullable(isNull: () => boolean): void {
    this._resolveNullAtSync(isNull);
  }

  private _at(): { sheet: FakeSheet; area: RangeRef } {
    const w = this._where();
    if (!w) throw new OfficeError('InvalidObjectPath', `${this._path} is null`);
    return w;
  }

  get values(): unknown[][] {
    return this._get('values');
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get address(): string {
    return this._get('address');
  }
  private _ws: FakeWorksheet | undefined;

  /** The sheet found when this range was loaded (it may be gone by the time it is read). */
  get worksheet(): FakeWorksheet {
    return this._ws ?? this._ctx.workbook.worksheets._proxy(this._at().sheet);
  }

  protected override _nav(name: string): FakeProxy | undefined {
    if (name !== 'worksheet') return undefined;
    return (this._ws = this._ctx.workbook.worksheets._proxy(this._at().sheet));
  }

  protected override _read(name: string): unknown {
    const { sheet, area } = this._at();
    const grid = <T>(f: (r: number, c: number) => T): T[][] =>
      Array.from({ length: area.bottom - area.top + 1 }, (_, i) =>
        Array.from({ length: area.right - area.left + 1 }, (_, j) => f(area.top + i, area.left + j)),
      );
    switch (name) {
      case 'values':
        return grid((r, c) => sheet.cells.get(`${r},${c}`)?.value ?? '');
      case 'valueTypes':
        return grid((r, c) => sheet.cells.get(`${r},${c}`)?.type ?? 'Empty');
      case 'rowIndex':
        return area.top;
      case 'columnIndex':
        return area.left;
      case 'rowCount':
        return area.bottom - area.top + 1;
      case 'columnCount':
        return area.right - area.left + 1;
      case 'address':
        return sheetRef(sheet.name, rangeToA1(area));
    }
    return super._read(name);
  }

  /** `Range.conditionalFormats` (ExcelApi 1.6): the conditional formats that intersect this range; only counted. */
  get conditionalFormats(): { getCount(): FakeResult<number> } {
    const ctx = this._ctx;
    const at = () => this._at();
    const path = `${this._path}.conditionalFormats`;
    return {
      getCount() {
        const result = new FakeResult<number>();
        ctx.enqueue({
          wire: { op: 'call', target: path, name: 'getCount' },
          run: () => {
            const { sheet, area } = at();
            const hits = (sheet.conditionalFormats ?? []).filter(
              (m) => m.top <= area.bottom && m.bottom >= area.top && m.left <= area.right && m.right >= area.left,
            );
            return result._stage(hits.length);
          },
        });
        return result;
      },
    };
  }

  /** Merged areas whose top-left cell lies in this range (office-js #3611); fails past 512. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const merges = () => {
      const { sheet, area } = this._at();
      const found = this._ctx.state.mergesIntersecting
        ? sheet.merges.filter((m) => m.top <= area.bottom && m.bottom >= area.top && m.left <= area.right && m.right >= area.left)
        : sheet.merges.filter((m) => m.top >= area.top && m.top <= area.bottom && m.left >= area.left && m.left <= area.right);
      if (found.length > 512) throw new OfficeError('GeneralException', `${found.length} merged areas`);
      return { sheet, areas: found };
    };
    const ra = new FakeRangeAreas(this._ctx, () => merges(), `${this._path}.getMergedAreasOrNullObject()`);
    ra._nullable(() => merges().areas.length === 0);
    return ra;
  }

  getRowProperties(opts: { rowHidden?: boolean }): FakeResult<{ rowHidden?: boolean; rowIndex?: number }[]> {
    const result = new FakeResult<{ rowHidden?: boolean; rowIndex?: number }[]>();
    this._call('getRowProperties', opts, () => {
      const { sheet, area } = this._at();
      const rows = Array.from({ length: area.bottom - area.top + 1 }, (_, i) => ({
        rowIndex: area.top + i,
        ...(opts.rowHidden ? { rowHidden: sheet.hiddenRows.has(area.top + i) } : {}),
      }));
      return result._stage(rows);
    });
    return result;
  }

  getCellProperties(opts: { format?: { fill?: Record<string, boolean> } }): FakeResult<{ format: { fill: Partial<CellFill> } }[][]> {
    const result = new FakeResult<{ format: { fill: Partial<CellFill> } }[][]>();
    this._call('getCellProperties', opts, () => {
      const { sheet, area } = this._at();
      const want = Object.keys(opts.format?.fill ?? {}) as (keyof CellFill)[];
      const rows = Array.from({ length: area.bottom - area.top + 1 }, (_, i) =>
        Array.from({ length: area.right - area.left + 1 }, (_, j) => {
          const fill = reportedFill(sheet.fills.get(`${area.top + i},${area.left + j}`) ?? NO_FILL);
          return { format: { fill: Object.fromEntries(want.map((k) => [k, fill[k]])) as Partial<CellFill> } };
        }),
      );
      return result._stage(rows);
    });
    return result;
  }

  select(): void {
    this._call('select', undefined, () => {
      const { sheet, area } = this._at();
      this._ctx.state.activeCell = { sheet: sheet.name, row: area.top, col: area.left };
    });
  }
}

const LAST_ROW = 1_048_575;
const LAST_COL = 16_383;

/** As Excel writes an area: a whole row as `1:1`, a whole column as `H:H`. */
function excelAddress(a: RangeRef): string {
  if (a.left === 0 && a.right === LAST_COL) return `${a.top + 1}:${a.bottom + 1}`;
  if (a.top === 0 && a.bottom === LAST_ROW) {
    const col = (c: number) => rangeToA1({ top: 0, bottom: 0, left: c, right: c }).replace(/\d+$/, '');
    return `${col(a.left)}:${col(a.right)}`;
  }
  return rangeToA1(a);
}

/**
 * A fill as Excel reports it (office-js #4900): "#FFFFFF" for no fill and for white alike, a null
 * `tintAndShade` only for no fill, and a null `pattern` for both no fill and a solid fill, so only
 * the tint tells them apart. A named pattern (Gray25…) is reported as itself.
 */
function reportedFill(f: CellFill): Record<keyof CellFill, unknown> {
  if (f.pattern === 'None') return { pattern: null, color: '#FFFFFF', patternColor: null, tintAndShade: null, patternTintAndShade: null };
  return { ...f, pattern: f.pattern === 'Solid' ? null : f.pattern };
}

class FakeRangeAreas extends FakeProxy {
  readonly format: FakeFormat;

  constructor(
    ctx: FakeExcel,
    readonly _where: () => { sheet: FakeSheet; areas: RangeRef[] },
    path: string,
  ) {
    super(ctx, path);
    this.format = new FakeFormat(ctx, _where, `${path}.format`);
  }

  _nullable(isNull: () => boolean): void {
    this._resolveNullAtSync(isNull);
  }

  get address(): string {
    return this._get('address');
  }

  protected override _read(name: string): unknown {
    if (name === 'address') {
      const { sheet, areas } = this._where();
      return areas.map((a) => sheetRef(sheet.name, excelAddress(a))).join(', ');
    }
    return super._read(name);
  }
}

/** RangeFormat: only its fill is implemented; setting anything else (font, wrap, number format…) is a violation. */
class FakeFormat extends FakeProxy {
  readonly fill: FakeFill;
  constructor(ctx: FakeExcel, where: () => { sheet: FakeSheet; areas: RangeRef[] }, path: string) {
    super(ctx, path);
    this.fill = new FakeFill(ctx, where, `${path}.fill`);
  }
}

const FILL_PROPS = ['color', 'pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'] as const;

/** RangeFill over one or more areas: the only thing the add-in may set. */
class FakeFill extends FakeProxy {
  constructor(
    ctx: FakeExcel,
    private readonly _where: () => { sheet: FakeSheet; areas: RangeRef[] },
    path: string,
  ) {
    super(ctx, path, FILL_PROPS);
    for (const prop of FILL_PROPS) {
      Object.defineProperty(this, prop, {
        configurable: true,
        get: () => {
          throw new OfficeError('PropertyNotLoaded', `${path}.${prop}`);
        },
        set: (v: unknown) => this._set(prop, v, () => this._each((f) => setFill(f, prop, v))),
      });
    }
  }

  clear(): void {
    this._call('clear', undefined, () => this._each(() => NO_FILL));
  }

  private _each(change: (f: CellFill) => CellFill): void {
    const { sheet, areas } = this._where();
    if (sheet.protected) throw protectedError(sheet);
    for (const a of areas) {
      for (let r = a.top; r <= a.bottom; r++) {
        for (let c = a.left; c <= a.right; c++) {
          const key = `${r},${c}`;
          const next = change(sheet.fills.get(key) ?? NO_FILL);
          if (next.pattern === 'None') sheet.fills.delete(key);
          else sheet.fills.set(key, next);
        }
      }
    }
  }
}

/** Excel's behaviour for each fill property: a colour on an empty fill makes it solid. */
function setFill(f: CellFill, prop: (typeof FILL_PROPS)[number], v: unknown): CellFill {
  switch (prop) {
    case 'color':
      return { ...f, color: String(v), pattern: f.pattern === 'None' ? 'Solid' : f.pattern, tintAndShade: 0 };
    case 'pattern':
      return v === 'None' ? NO_FILL : { ...f, pattern: String(v) };
    default:
      return { ...f, [prop]: v } as CellFill;
  }
}

// --- tables -----------------------------------------------------------------------------------

class FakeTables extends FakeCollection<FakeTable> {
  constructor(ctx: FakeExcel) {
    super(ctx, 'tables');
  }
  protected _list(): FakeTable[] {
    return this._ctx.state.tables.map((t) => new FakeTable(this._ctx, t.name));
  }
}

class FakeTable extends FakeProxy {
  constructor(
    ctx: FakeExcel,
    private readonly _name: string,
  ) {
    super(ctx, `tables('${_name}')`);
  }
  private _t() {
    const t = this._ctx.state.tables.find((x) => x.name === this._name);
    if (!t) throw new OfficeError('ItemNotFound', this._name);
    return t;
  }
  get name(): string {
    return this._get('name');
  }
  get showHeaders(): boolean {
    return this._get('showHeaders');
  }
  get showTotals(): boolean {
    return this._get('showTotals');
  }
  get worksheet(): FakeWorksheet {
    return this._ctx.workbook.worksheets._proxy(this._ctx.state.sheet(this._t().sheet));
  }
  protected override _read(name: string): unknown {
    const t = this._t();
    if (name === 'name' || name === 'showHeaders' || name === 'showTotals') return t[name];
    return super._read(name);
  }
  protected override _nav(name: string): FakeProxy | undefined {
    return name === 'worksheet' ? this.worksheet : undefined;
  }
  getRange(): FakeRange {
    this._call('getRange', undefined);
    return new FakeRange(this._ctx, () => ({ sheet: this._ctx.state.sheet(this._t().sheet), area: this._t().range }), `${this._path}.getRange()`);
  }
}

// --- custom XML parts -------------------------------------------------------------------------

function rootNamespace(xml: string): string | undefined {
  return /^\s*(?:<\?xml[^>]*\?>\s*)?<[\w.:-]+[^>]*?\sxmlns="([^"]*)"/.exec(xml)?.[1];
}

class FakeXmlParts extends FakeProxy {
  constructor(ctx: FakeExcel) {
    super(ctx, 'customXmlParts');
  }

  getByNamespace(ns: string): FakeCollection<FakeXmlPart> {
    const ctx = this._ctx;
    this._call('getByNamespace', ns);
    return new (class extends FakeCollection<FakeXmlPart> {
      protected _list(): FakeXmlPart[] {
        return ctx.state.xmlParts.filter((p) => rootNamespace(p.xml) === ns).map((p) => new FakeXmlPart(ctx, () => p.id));
      }
    })(ctx, `customXmlParts.getByNamespace('${ns}')`);
  }

  add(xml: string): FakeXmlPart {
    let id: string | undefined;
    this._call('add', xml, () => {
      if (!/^\s*</.test(xml)) throw new OfficeError('InvalidArgument', 'not XML');
      id = this._ctx.state.newId('xml');
      this._ctx.state.xmlParts.push({ id, xml });
    });
    return new FakeXmlPart(this._ctx, () => {
      if (!id) throw new OfficeError('InvalidObjectPath', 'part not created');
      return id;
    });
  }
}

class FakeXmlPart extends FakeProxy {
  constructor(
    ctx: FakeExcel,
    private readonly _id: () => string,
  ) {
    super(ctx, 'customXmlPart');
  }
  private _part() {
    const id = this._id();
    const p = this._ctx.state.xmlParts.find((x) => x.id === id);
    if (!p) throw new OfficeError('ItemNotFound', `custom XML part ${id}`);
    return p;
  }
  get id(): string {
    return this._get('id');
  }
  protected override _read(name: string): unknown {
    if (name === 'id') return this._part().id;
    return super._read(name);
  }
  getXml(): FakeResult<string> {
    const result = new FakeResult<string>();
    this._call('getXml', undefined, () => result._stage(this._part().xml));
    return result;
  }
  setXml(xml: string): void {
    this._call('setXml', xml, () => void (this._part().xml = xml));
  }
  delete(): void {
    this._call('delete', undefined, () => {
      const p = this._part();
      this._ctx.state.xmlParts = this._ctx.state.xmlParts.filter((x) => x !== p);
    });
  }
}

// --- notes and comments -----------------------------------------------------------------------

class FakeReasons extends FakeCollection<FakeReasonProxy> {
  constructor(
    ctx: FakeExcel,
    private readonly _kind: 'note' | 'comment',
  ) {
    super(ctx, _kind === 'note' ? 'notes' : 'comments');
  }

  protected _list(): FakeReasonProxy[] {
    return this._mine().map((r) => new FakeReasonProxy(this._ctx, () => r.id));
  }

  private _mine(): FakeReason[] {
    return reasonIndex(this._ctx.state)[this._kind];
  }

  getCount(): FakeResult<number> {
    const result = new FakeResult<number>();
    this._call('getCount', undefined, () => result._stage(this._mine().length));
    return result;
  }

  /**
   * The item at `index` when the batch runs, and that item from then on (Excel binds the proxy to
   * the object it found); an index past the end fails the sync, as in Excel.
   */
  getItemAt(index: number): FakeReasonProxy {
    let bound: string | undefined;
    const id = () => {
      if (bound) return bound;
      const r = this._mine()[index];
      if (!r) throw new OfficeError('ItemNotFound', `${this._path}.getItemAt(${index})`);
      return (bound = r.id);
    };
    this._call('getItemAt', index, () => void id());
    return new FakeReasonProxy(this._ctx, id, `${this._path}.getItemAt(${index})`);
  }

  /** Excel allows one note or one comment thread per cell, on an unprotected sheet. */
  add(cell: FakeRange | string, content: string): FakeReasonProxy {
    const id = this._ctx.state.newId(this._kind);
    this._call('add', { cell: typeof cell === 'string' ? cell : cell._path, content }, () => {
      if (typeof cell === 'string') throw new Error('FakeExcel: pass a Range, not an address');
      const w = cell._where();
      if (!w || w.area.top !== w.area.bottom || w.area.left !== w.area.right) throw new OfficeError('InvalidArgument', 'not a single cell');
      if (w.sheet.protected) throw protectedError(w.sheet);
      const taken = this._ctx.state.reasons.find((r) => r.sheet === w.sheet.name && r.row === w.area.top && r.col === w.area.left);
      if (taken) throw new OfficeError('InvalidArgument', `cell already has a ${taken.kind}`);
      this._ctx.state.reasons.push({ id, kind: this._kind, sheet: w.sheet.name, row: w.area.top, col: w.area.left, content });
    });
    return new FakeReasonProxy(this._ctx, () => id);
  }
}

/**
 * The workbook's notes and comments by kind and id, rebuilt when the list changes (replaced by a
 * delete, grown by an add), so a test with tens of thousands of notes is not quadratic.
 */
const reasonIndexes = new WeakMap<FakeReason[], { length: number; note: FakeReason[]; comment: FakeReason[]; byId: Map<string, FakeReason> }>();
function reasonIndex(state: FakeWorkbook) {
  const list = state.reasons;
  let index = reasonIndexes.get(list);
  if (!index || index.length !== list.length) {
    index = {
      length: list.length,
      note: list.filter((r) => r.kind === 'note'),
      comment: list.filter((r) => r.kind === 'comment'),
      byId: new Map(list.map((r) => [r.id, r])),
    };
    reasonIndexes.set(list, index);
  }
  return index;
}

class FakeReasonProxy extends FakeProxy {
  /** A comment's replies (Excel.CommentReplyCollection): counted, and added by the test's "other people". */
  readonly replies: { getCount(): FakeResult<number> };

  constructor(
    ctx: FakeExcel,
    private readonly _id: () => string,
    path = `reason('${_id()}')`,
  ) {
    super(ctx, path);
    const reason = (): FakeReason => this._r();
    this.replies = {
      getCount() {
        const result = new FakeResult<number>();
        ctx.enqueue({
          wire: { op: 'call', target: `${path}.replies`, name: 'getCount' },
          run: () => {
            const r = reason();
            if (r.kind !== 'comment') throw new OfficeError('InvalidArgument', 'a note has no replies');
            return result._stage(r.replies?.length ?? 0);
          },
        });
        return result;
      },
    };
  }
  private _r(): FakeReason {
    const id = this._id();
    const r = reasonIndex(this._ctx.state).byId.get(id);
    if (!r) throw new OfficeError('ItemNotFound', id);
    return r;
  }
  get content(): string {
    return this._get('content');
  }
  protected override _read(name: string): unknown {
    if (name === 'content') return this._r().content;
    return super._read(name);
  }
  getLocation(): FakeRange {
    this._call('getLocation', undefined);
    return new FakeRange(
      this._ctx,
      () => {
        const r = this._r();
        return { sheet: this._ctx.state.sheet(r.sheet), area: { top: r.row, left: r.col, bottom: r.row, right: r.col } };
      },
      `${this._path}.getLocation()`,
    );
  }
  delete(): void {
    this._call('delete', undefined, () => {
      const r = this._r();
      const sheet = this._ctx.state.sheet(r.sheet);
      if (sheet.protected) throw protectedError(sheet);
      // Comment.delete(): "Deletes the comment and all the connected replies" — they live in `r`.
      this._ctx.state.reasons = this._ctx.state.reasons.filter((x) => x !== r);
    });
  }
}

// --- sheets the add-in makes: values, layout, custom properties ----------------------------------

/** A change only allowed on a sheet the add-in made: anywhere else it is recorded and refused. */
function madeOnly(ctx: FakeExcel, sheet: FakeSheet, what: string): void {
  if (sheet.addedByAddin) return;
  ctx.violations.push(`${what} on the user's sheet "${sheet.name}"`);
  throw new Error(`FakeExcel: the add-in changed a sheet it did not make: ${what} on "${sheet.name}"`);
}

function layoutOf(sheet: FakeSheet): FakeSheetLayout {
  return (sheet.layout ??= { bold: new Set(), wrap: new Set(), top: new Set(), columnWidths: new Map(), print: {}, autofits: 0 });
}

/**
 * `range.values = …` as Excel takes typed input: a leading apostrophe keeps the rest as text; a
 * text starting with "=" would become a formula and one that reads as a number would become a
 * number, so the add-in must never send either bare (recorded as violations).
 */
function writeValues(ctx: FakeExcel, at: { sheet: FakeSheet; area: RangeRef }, v: unknown, path: string): void {
  const { sheet, area } = at;
  madeOnly(ctx, sheet, `${path}.values`);
  if (sheet.protected) throw protectedError(sheet);
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  if (!Array.isArray(v) || v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols)) {
    throw new OfficeError('InvalidArgument', `${path}.values: not a ${rows}×${cols} array`);
  }
  (v as unknown[][]).forEach((row, i) =>
    row.forEach((x, j) => {
      const key = `${area.top + i},${area.left + j}`;
      const cell = typedInput(ctx, x, `${path}.values[${i}][${j}]`);
      if (cell) sheet.cells.set(key, cell);
      else sheet.cells.delete(key);
    }),
  );
}

function typedInput(ctx: FakeExcel, x: unknown, where: string): FakeCell | undefined {
  if (x === null || x === undefined || x === '') return undefined;
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new OfficeError('InvalidArgument', `${where}: ${x}`);
    return { value: x, type: 'Double' };
  }
  if (typeof x === 'boolean') return { value: x, type: 'Boolean' };
  const s = String(x);
  if (s.startsWith("'")) return { value: s.slice(1), type: 'String' };
  if (/^[=+@-]/.test(s) || /^\s*[\d.,]+\s*%?\s*$/.test(s)) {
    ctx.violations.push(`${where} = ${JSON.stringify(s).slice(0, 60)} would not stay text`);
    throw new Error(`FakeExcel: ${where} = ${s.slice(0, 60)} would be read as a formula or number`);
  }
  return { value: s, type: 'String' };
}

/** Range.format on a single range: the fill anywhere, everything else only on a sheet the add-in made. */
class FakeRangeFormat extends FakeProxy {
  readonly fill: FakeFill;
  readonly font: FakeProxy;

  constructor(ctx: FakeExcel, where: () => { sheet: FakeSheet; area: RangeRef }, path: string) {
    super(ctx, path, ['wrapText', 'columnWidth', 'verticalAlignment']);
    this.fill = new FakeFill(ctx, () => ({ sheet: where().sheet, areas: [where().area] }), `${path}.fill`);
    const cells = (f: (key: string, layout: FakeSheetLayout) => void, what: string) => () => {
      const { sheet, area } = where();
      madeOnly(ctx, sheet, what);
      for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) f(`${r},${c}`, layoutOf(sheet));
    };
    this.font = new (class extends FakeProxy {
      constructor() {
        super(ctx, `${path}.font`, ['bold']);
        Object.defineProperty(this, 'bold', {
          configurable: true,
          set: (v: boolean) =>
            this._set(
              'bold',
              v,
              cells((k, l) => (v ? l.bold.add(k) : l.bold.delete(k)), `${path}.font.bold`),
            ),
        });
      }
    })();
    Object.defineProperty(this, 'wrapText', {
      configurable: true,
      set: (v: boolean) =>
        this._set(
          'wrapText',
          v,
          cells((k, l) => (v ? l.wrap.add(k) : l.wrap.delete(k)), `${path}.wrapText`),
        ),
    });
    Object.defineProperty(this, 'verticalAlignment', {
      configurable: true,
      set: (v: string) =>
        this._set('verticalAlignment', v, () => {
          if (!['Top', 'Center', 'Bottom', 'Justify', 'Distributed'].includes(v)) throw invalid(ctx, `${path}.verticalAlignment = ${JSON.stringify(v)}`);
          cells((k, l) => (v === 'Top' ? l.top.add(k) : l.top.delete(k)), `${path}.verticalAlignment`)();
        }),
    });
    Object.defineProperty(this, 'columnWidth', {
      configurable: true,
      set: (v: number) =>
        this._set('columnWidth', v, () => {
          const { sheet, area } = where();
          madeOnly(ctx, sheet, `${path}.columnWidth`);
          for (let c = area.left; c <= area.right; c++) layoutOf(sheet).columnWidths.set(c, v);
        }),
    });
    this._autofit = () => {
      const { sheet } = where();
      madeOnly(ctx, sheet, `${path}.autofitRows()`);
      layoutOf(sheet).autofits++;
    };
  }

  private _autofit: () => void;

  autofitRows(): void {
    this._call('autofitRows', undefined, this._autofit);
  }
}

class FakeCustomProperties extends FakeProxy {
  constructor(
    ctx: FakeExcel,
    private readonly _sheet: () => FakeSheet,
    path: string,
  ) {
    super(ctx, path);
  }

  add(key: string, value: string): void {
    this._call('add', { key, value }, () => {
      const s = this._sheet();
      madeOnly(this._ctx, s, `${this._path}.add`);
      if (key.length > 255) throw new OfficeError('InvalidArgument', 'key longer than 255 characters');
      (s.customProperties ??= new Map()).set(key.toLowerCase(), value);
    });
  }

  getItemOrNullObject(key: string): FakeCustomProperty {
    const sheet = this._sheet;
    const p = new FakeCustomProperty(this._ctx, () => sheet().customProperties?.get(key.toLowerCase()), `${this._path}.getItemOrNullObject('${key}')`);
    p._nullable(() => sheet().customProperties?.get(key.toLowerCase()) === undefined);
    return p;
  }
}

class FakeCustomProperty extends FakeProxy {
  constructor(
    ctx: FakeExcel,
    private readonly _value: () => string | undefined,
    path: string,
  ) {
    super(ctx, path);
  }
  _nullable(isNull: () => boolean): void {
    this._resolveNullAtSync(isNull);
  }
  get value(): string {
    return this._get('value');
  }
  protected override _read(name: string): unknown {
    return name === 'value' ? this._value() : super._read(name);
  }
}

class FakeFreezePanes extends FakeProxy {
  constructor(
    ctx: FakeExcel,
    private readonly _sheet: () => FakeSheet,
    path: string,
  ) {
    super(ctx, path);
  }
  private _freeze(name: string, args: unknown, rows: () => number, columns: () => number): void {
    this._call(name, args, () => {
      const s = this._sheet();
      madeOnly(this._ctx, s, `${this._path}.${name}`);
      layoutOf(s).frozen = { rows: rows(), columns: columns() };
    });
  }
  freezeRows(count: number): void {
    this._freeze(
      'freezeRows',
      count,
      () => count,
      () => 0,
    );
  }
  freezeAt(range: FakeRange): void {
    const at = () => range._where()!.area;
    this._freeze(
      'freezeAt',
      range._path,
      () => at().bottom + 1,
      () => at().right + 1,
    );
  }
}

/**
 * `Worksheet.pageLayout` (ExcelApi 1.9, like every member used here): what the Office.js reference
 * documents, enforced. With `excelApi` below 1.9 each command fails at sync with ApiNotFound and is
 * recorded as a violation (only these members check the requirement set: the add-in asks for it
 * with isSetSupported only here, everything else being within the manifest's 1.13). `zoom` must be set as a whole object (`x.zoom = {...}`, never
 * `x.zoom.scale = …`), its scale between 10 and 400 and never together with fit-to-pages;
 * `setPrintTitleRows` and `setPrintTitleColumns` take whole rows and whole columns; footers use
 * only Excel's header and footer codes. Everything set is kept in the sheet's `layout.print`.
 */
class FakePageLayout extends FakeProxy {
  readonly headersFooters: FakeProxy & { readonly defaultForAllPages: FakeProxy };

  constructor(ctx: FakeExcel, sheet: () => FakeSheet, path: string) {
    const props = ['orientation', 'paperSize', 'printGridlines', 'printOrder', 'zoom'];
    super(ctx, path, props);
    const record =
      (name: string, v: unknown, check: () => void = () => undefined) =>
      () => {
        requireExcelApi(ctx, '1.9', `${path}.${name}`);
        madeOnly(ctx, sheet(), `${path}.${name}`);
        check();
        layoutOf(sheet()).print[name] = v;
      };
    const oneOf = (name: string, v: unknown, allowed: string[]) => () => {
      if (!allowed.includes(v as string)) throw invalid(ctx, `${path}.${name} = ${JSON.stringify(v)}`);
    };
    const checks: Record<string, (v: unknown) => () => void> = {
      orientation: (v) => oneOf('orientation', v, ['Portrait', 'Landscape']),
      paperSize: (v) => oneOf('paperSize', v, ['A3', 'A4', 'A5', 'Letter', 'Legal']),
      printOrder: (v) => oneOf('printOrder', v, ['DownThenOver', 'OverThenDown']),
      printGridlines: (v) => () => {
        if (typeof v !== 'boolean') throw invalid(ctx, `${path}.printGridlines = ${JSON.stringify(v)}`);
      },
      zoom: (v) => () => checkZoom(ctx, v, `${path}.zoom`),
    };
    for (const prop of props) {
      Object.defineProperty(this, prop, {
        configurable: true,
        // Reading zoom to set one of its fields (`zoom.scale = …`) is what the reference forbids.
        get: () => this._get(prop),
        set: (v: unknown) => this._set(prop, v, record(prop, v, checks[prop](v))),
      });
    }
    const footer = (slot: FakeProxy, slotPath: string) => {
      const fields = ['leftFooter', 'centerFooter', 'rightFooter', 'leftHeader', 'centerHeader', 'rightHeader'];
      for (const f of fields) {
        Object.defineProperty(slot, f, {
          configurable: true,
          set: (v: unknown) =>
            this._set(
              `headersFooters.defaultForAllPages.${f}`,
              v,
              record(`footer.${f}`, v, () => checkHeaderCodes(ctx, v, `${slotPath}.${f}`)),
            ),
        });
      }
      return fields;
    };
    const group = new (class extends FakeProxy {
      readonly defaultForAllPages: FakeProxy;
      constructor() {
        super(ctx, `${path}.headersFooters`);
        const slotPath = `${path}.headersFooters.defaultForAllPages`;
        const slot = new (class extends FakeProxy {
          constructor() {
            super(ctx, slotPath, ['leftFooter', 'centerFooter', 'rightFooter', 'leftHeader', 'centerHeader', 'rightHeader']);
          }
        })();
        footer(slot, slotPath);
        this.defaultForAllPages = slot;
      }
    })();
    this.headersFooters = group;
    this._sheet = sheet;
  }

  private _sheet: () => FakeSheet;

  setPrintArea(area: string): void {
    this._call('setPrintArea', area, () => {
      requireExcelApi(this._ctx, '1.9', `${this._path}.setPrintArea`);
      madeOnly(this._ctx, this._sheet(), `${this._path}.setPrintArea`);
      if (typeof area !== 'string' || !/^\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+$/.test(area))
        throw invalid(this._ctx, `${this._path}.setPrintArea(${JSON.stringify(area)})`);
      layoutOf(this._sheet()).print.printArea = area.replace(/\$/g, '');
    });
  }

  /** "The range must span the entire row to be valid." */
  setPrintTitleRows(rows: string): void {
    this._call('setPrintTitleRows', rows, () => {
      requireExcelApi(this._ctx, '1.9', `${this._path}.setPrintTitleRows`);
      madeOnly(this._ctx, this._sheet(), `${this._path}.setPrintTitleRows`);
      if (typeof rows !== 'string' || !/^\$?\d+:\$?\d+$/.test(rows))
        throw invalid(this._ctx, `${this._path}.setPrintTitleRows(${JSON.stringify(rows)}): not whole rows`);
      layoutOf(this._sheet()).print.titleRows = rows.replace(/\$/g, '');
    });
  }

  /** "The range must span the entire column to be valid." */
  setPrintTitleColumns(columns: string): void {
    this._call('setPrintTitleColumns', columns, () => {
      requireExcelApi(this._ctx, '1.9', `${this._path}.setPrintTitleColumns`);
      madeOnly(this._ctx, this._sheet(), `${this._path}.setPrintTitleColumns`);
      if (typeof columns !== 'string' || !/^\$?[A-Z]{1,3}:\$?[A-Z]{1,3}$/.test(columns))
        throw invalid(this._ctx, `${this._path}.setPrintTitleColumns(${JSON.stringify(columns)}): not whole columns`);
      layoutOf(this._sheet()).print.titleColumns = columns.replace(/\$/g, '');
    });
  }

  setPrintMargins(unit: string, margins: Record<string, number>): void {
    this._call('setPrintMargins', { unit, margins }, () => {
      requireExcelApi(this._ctx, '1.9', `${this._path}.setPrintMargins`);
      madeOnly(this._ctx, this._sheet(), `${this._path}.setPrintMargins`);
      const known = ['top', 'bottom', 'left', 'right', 'header', 'footer'];
      if (
        !['Points', 'Inches', 'Centimeters'].includes(unit) ||
        Object.entries(margins).some(([k, v]) => !known.includes(k) || typeof v !== 'number' || v < 0)
      ) {
        throw invalid(this._ctx, `${this._path}.setPrintMargins(${JSON.stringify(unit)}, ${JSON.stringify(margins)})`);
      }
      layoutOf(this._sheet()).print.margins = { unit, ...margins };
    });
  }
}

function invalid(ctx: FakeExcel, what: string): OfficeError {
  ctx.violations.push(`invalid argument: ${what}`);
  return new OfficeError('InvalidArgument', what);
}

/** A member of a requirement set the host does not have fails at sync, as Excel answers: ApiNotFound. */
function requireExcelApi(ctx: FakeExcel, version: string, what: string): void {
  if (versionAtLeast(ctx.excelApi, version)) return;
  ctx.violations.push(`${what} needs ExcelApi ${version}; this Excel has ${ctx.excelApi}`);
  throw new OfficeError('ApiNotFound', `${what} (ExcelApi ${version})`);
}

function versionAtLeast(have: string, need: string): boolean {
  const [a, b] = [have, need].map((v) => v.split('.').map(Number));
  return a[0] > b[0] || (a[0] === b[0] && (a[1] ?? 0) >= (b[1] ?? 0));
}

/** PageLayoutZoomOptions: `scale` 10–400 "can be null if fit to page tall or wide is specified"; pages are counts. */
function checkZoom(ctx: FakeExcel, v: unknown, what: string): void {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalid(ctx, `${what} = ${JSON.stringify(v)}: not an object`);
  const z = v as Record<string, unknown>;
  const unknown = Object.keys(z).filter((k) => !['scale', 'horizontalFitToPages', 'verticalFitToPages'].includes(k));
  const count = (x: unknown) => x === undefined || x === null || (Number.isInteger(x) && (x as number) >= 0);
  const fit = (z.horizontalFitToPages ?? null) !== null || (z.verticalFitToPages ?? null) !== null;
  const scale = z.scale ?? null;
  if (
    unknown.length ||
    !count(z.horizontalFitToPages) ||
    !count(z.verticalFitToPages) ||
    (scale !== null && (typeof scale !== 'number' || scale < 10 || scale > 400 || fit)) ||
    (scale === null && !fit)
  ) {
    throw invalid(ctx, `${what} = ${JSON.stringify(v)}`);
  }
}

/** Only the codes of "Formatting and VBA codes for headers and footers" (&P page, &N pages, &A sheet…). */
function checkHeaderCodes(ctx: FakeExcel, v: unknown, what: string): void {
  if (typeof v !== 'string') throw invalid(ctx, `${what} = ${JSON.stringify(v)}`);
  const rest = v.replace(/&(?:[LCRPNADTFZGBIUSEXY&]|"[^"]*"|\d{1,2}|K[0-9A-Fa-f]{6})/g, '');
  if (rest.includes('&')) throw invalid(ctx, `${what} = ${JSON.stringify(v)}: not a header/footer code`);
}

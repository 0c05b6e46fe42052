import { RangeRef } from '../../src/grid/address';
import { cellError, CellValue, isCellError } from '../../src/grid/cell';
import { SheetGrid, SheetVisibility } from '../../src/grid/grid';

/**
 * A sheet as the preview's worker hands it to the page: its cells in two typed arrays (what kind,
 * and the number or the index of the text) that are transferred, not copied. A national sheet has
 * a million cells; sent as arrays of values, unpacking them on the page took over a second, and
 * the first findings waited behind it.
 */
export interface PackedSheet {
  readonly name: string;
  readonly visibility: SheetVisibility;
  readonly merges: ReadonlyArray<RangeRef>;
  readonly hiddenRows: ReadonlyArray<number>;
  /** Where each row's cells start in `kinds`/`values`; row r has rowStart[r + 1] - rowStart[r] cells. */
  readonly rowStart: Int32Array;
  readonly kinds: Uint8Array;
  /** The number, or for text and errors the index in `texts`. */
  readonly values: Float64Array;
  readonly texts: string[];
  readonly columns: number;
  /** `vi` when the sheet's text is Vietnamese (letters only Vietnamese has), else unknown. */
  readonly language?: 'vi';
}

/** Letters only Vietnamese writes (ă đ ơ ư, and vowels with the dot below or stacked marks), once composed (NFC). */
const VIETNAMESE = /[ăđơưĂĐƠƯ\u1ea0-\u1ef9]/u;

/** Kinds of cell; 0 is a blank. */
const NUMBER = 1;
const TEXT = 2;
const TRUE = 3;
const FALSE = 4;
const ERROR = 5;

/** Packs a sheet in one pass over its cells (texts kept once each). */
export function packSheet(sheet: SheetGrid): PackedSheet {
  const rows = sheet.rows.length;
  const rowStart = new Int32Array(rows + 1);
  let cells = 0;
  let columns = 0;
  for (let r = 0; r < rows; r++) {
    rowStart[r] = cells;
    const n = sheet.rows[r]?.length ?? 0;
    cells += n;
    if (n > columns) columns = n;
  }
  rowStart[rows] = cells;
  const kinds = new Uint8Array(cells);
  const values = new Float64Array(cells);
  const texts: string[] = [];
  const textIndex = new Map<string, number>();
  const text = (s: string) => {
    let i = textIndex.get(s);
    if (i === undefined) textIndex.set(s, (i = texts.push(s) - 1));
    return i;
  };
  for (let r = 0; r < rows; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    let at = rowStart[r];
    for (let c = 0; c < row.length; c++, at++) {
      const v = row[c];
      if (v === null || v === undefined) continue;
      if (typeof v === 'number') {
        kinds[at] = NUMBER;
        values[at] = v;
      } else if (typeof v === 'string') {
        kinds[at] = TEXT;
        values[at] = text(v);
      } else if (typeof v === 'boolean') kinds[at] = v ? TRUE : FALSE;
      else if (isCellError(v)) {
        kinds[at] = ERROR;
        values[at] = text(v.error);
      }
    }
  }
  const language = texts.some((t) => VIETNAMESE.test(t.normalize('NFC'))) ? { language: 'vi' as const } : {};
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    merges: sheet.merges,
    hiddenRows: [...sheet.hiddenRows],
    rowStart,
    kinds,
    values,
    texts,
    columns,
    ...language,
  };
}

/** The buffers to transfer with a packed sheet. */
export function transferOf(sheets: ReadonlyArray<PackedSheet>): ArrayBuffer[] {
  return sheets.flatMap((s) => [s.rowStart.buffer, s.kinds.buffer, s.values.buffer] as ArrayBuffer[]);
}

/** A packed sheet read cell by cell: what the sheet view draws from, a window at a time. */
export class SheetCells {
  readonly name: string;
  readonly visibility: SheetVisibility;
  readonly merges: ReadonlyArray<RangeRef>;
  readonly hiddenRows: ReadonlySet<number>;
  readonly rows: number;
  readonly columns: number;
  readonly language?: 'vi';

  constructor(private readonly packed: PackedSheet) {
    this.language = packed.language;
    this.name = packed.name;
    this.visibility = packed.visibility;
    this.merges = packed.merges;
    this.hiddenRows = new Set(packed.hiddenRows);
    this.rows = packed.rowStart.length - 1;
    this.columns = packed.columns;
  }

  /** Cells in row r (0 past the end). */
  width(r: number): number {
    return r < 0 || r >= this.rows ? 0 : this.packed.rowStart[r + 1] - this.packed.rowStart[r];
  }

  value(r: number, c: number): CellValue {
    if (c < 0 || c >= this.width(r)) return null;
    const at = this.packed.rowStart[r] + c;
    const v = this.packed.values[at];
    switch (this.packed.kinds[at]) {
      case NUMBER:
        return v;
      case TEXT:
        return this.packed.texts[v];
      case TRUE:
        return true;
      case FALSE:
        return false;
      case ERROR:
        return cellError(this.packed.texts[v]);
      default:
        return null;
    }
  }
}

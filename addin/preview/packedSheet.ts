import { RangeRef } from '../../src/grid/address';
import { CellValue } from '../../src/grid/cell';
import { SheetGrid, SheetVisibility } from '../../src/grid/grid';
import { PackedCells, packedValue, packedWidth, packRows } from '../../src/grid/packedCells';

/**
 * A sheet as the preview's worker hands it to the page: its cells packed (the core's PackedCells:
 * what kind, and the number or the index of the text), in typed arrays that are transferred, not
 * copied. A national sheet has a million cells; sent as arrays of values, unpacking them on the
 * page took over a second, and the first findings waited behind it.
 */
export interface PackedSheet extends PackedCells {
  readonly name: string;
  readonly visibility: SheetVisibility;
  readonly merges: ReadonlyArray<RangeRef>;
  readonly hiddenRows: ReadonlyArray<number>;
  readonly texts: string[];
  /** `vi` when the sheet's text is Vietnamese (letters only Vietnamese has), else unknown. */
  readonly language?: 'vi';
}

/** Letters only Vietnamese writes (ă đ ơ ư, and vowels with the dot below or stacked marks), once composed (NFC). */
const VIETNAMESE = /[ăđơưĂĐƠƯ\u1ea0-\u1ef9]/u;

/**
 * Packs a sheet for the page: a sheet the reader packed already is copied (its arrays are the
 * worker's grid, which a transfer would empty), any other packed in one pass over its rows.
 */
export function packSheet(sheet: SheetGrid): PackedSheet {
  const p = sheet.packed;
  const cells = p
    ? { rowStart: p.rowStart.slice(), kinds: p.kinds.slice(), values: p.values.slice(), texts: p.texts, columns: p.columns }
    : packRows(sheet.rows);
  const texts = [...cells.texts];
  const language = texts.some((t) => VIETNAMESE.test(t.normalize('NFC'))) ? { language: 'vi' as const } : {};
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    merges: sheet.merges,
    hiddenRows: [...sheet.hiddenRows],
    ...cells,
    texts,
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
    return packedWidth(this.packed, r);
  }

  value(r: number, c: number): CellValue {
    return packedValue(this.packed, r, c);
  }
}

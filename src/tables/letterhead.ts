import { SheetView } from './sheetView';
import { fold, unitNameFromLetterhead } from './text';

/** `CÔNG AN TỈNH …`, `CA TỈNH …`, and the abbreviated `CATP HÀ NỘI`, `CAT BẮC NINH`. */
const UNIT_LINE = /^(?:(?:cong an|ca) (?:tinh|thanh pho|tp|quan|huyen|thi xa|xa|phuong|dac khu)\b|(?:cat|catp|caq|cap|cax) \S)/;

/**
 * How far each sheet has been searched for its first unit line: a sheet can have thousands of
 * header-like rows, and searching from the top for each would cost the square of its size.
 */
const search = new WeakMap<SheetView, { scannedTo: number; found?: { row: number; text: string } }>();

/**
 * The unit a one-unit report belongs to, from its letterhead (`CÔNG AN TỈNH THANH HÓA` above
 * `PHÒNG THAM MƯU`). The Ministry line `BỘ CÔNG AN` is the parent body, not the unit.
 */
export function unitFromLetterhead(view: SheetView, headerRow: number): string | undefined {
  let s = search.get(view);
  if (!s) search.set(view, (s = { scannedTo: 0 }));
  for (; !s.found && s.scannedTo < Math.min(headerRow, view.height); s.scannedTo++) {
    const r = s.scannedTo;
    for (const c of view.cellCols(r)) {
      const t = view.text(r, c);
      if (UNIT_LINE.test(fold(t))) {
        s.found = { row: r, text: t };
        break;
      }
    }
  }
  // The first unit line of the sheet, if it stands above this header. A unit line right under it
  // (`CÔNG AN TỈNH BẮC NINH` over `CÔNG AN XÃ TIÊN DU`) is the reporting unit; the first is its superior.
  if (!s.found || s.found.row >= headerRow) return undefined;
  let { row, text } = s.found;
  for (let r = row + 1; r <= row + 2 && r < headerRow; r++) {
    const below = view.cellCols(r).map((c) => view.text(r, c)).find((t) => UNIT_LINE.test(fold(t)));
    if (below) [row, text] = [r, below];
  }
  return unitNameFromLetterhead(text);
}

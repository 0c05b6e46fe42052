import { SheetView } from './sheetView';
import { fold, unitNameFromLetterhead } from './text';

/** `CÔNG AN TỈNH …`, `CA TỈNH …`, the abbreviated `CATP HÀ NỘI`, `CAT BẮC NINH`, and an English `Ho Chi Minh City Police`. */
const UNIT_LINE = /^(?:(?:cong an|ca) (?:tinh|thanh pho|tp|quan|huyen|thi xa|xa|phuong|dac khu)\b|(?:cat|catp|caq|cap|cax) \S|[a-z ]{2,60} police$)/;

/** `Đơn vị báo cáo: Công an tỉnh Hà Tĩnh` on a statistical form. */
const REPORTING_UNIT = /^\s*(?:Đơn vị báo cáo|Đơn vị)\s*:\s*(.+)$/iu;

/** A letterhead stands just above its table: a unit line farther up belongs to something else. */
const LETTERHEAD_ROWS = 15;

/**
 * How far each sheet has been searched for its first unit line: a sheet can have thousands of
 * header-like rows, and searching from the top for each would cost the square of its size.
 */
const search = new WeakMap<SheetView, { scannedTo: number; found?: { row: number; text: string } }>();

/**
 * The unit a one-unit report belongs to, from its letterhead (`CÔNG AN TỈNH THANH HÓA` above
 * `PHÒNG THAM MƯU`). The Ministry line `BỘ CÔNG AN` is the parent body, not the unit. The nearest
 * unit line above the header wins, so reports stacked on one sheet each keep their own unit, and
 * of two unit lines (`CÔNG AN TỈNH BẮC NINH` over `CÔNG AN XÃ TIÊN DU`) the lower one reports.
 */
export function unitFromLetterhead(view: SheetView, headerRow: number, block?: { left: number; right: number }): string | undefined {
  for (let r = headerRow - 1; r >= Math.max(0, headerRow - LETTERHEAD_ROWS); r--) {
    const found = unitLineIn(view, r, block);
    if (found) return found;
  }
  // Reports side by side: only a letterhead above this one's own columns names it.
  if (block) return undefined;
  // Farther up: the sheet's first unit line, when it stands above this header.
  let s = search.get(view);
  if (!s) search.set(view, (s = { scannedTo: 0 }));
  for (; !s.found && s.scannedTo < Math.min(headerRow, view.height); s.scannedTo++) {
    const text = unitLineIn(view, s.scannedTo);
    if (text) s.found = { row: s.scannedTo, text };
  }
  return s.found && s.found.row < headerRow ? s.found.text : undefined;
}

/** The unit a row's letterhead line names, if it has one. */
function unitLineIn(view: SheetView, r: number, block?: { left: number; right: number }): string | undefined {
  for (const c of view.cellCols(r)) {
    if (block && (c < block.left || c > block.right)) continue;
    const t = view.text(r, c);
    if (UNIT_LINE.test(fold(t))) return unitNameFromLetterhead(t);
    const named = REPORTING_UNIT.exec(t.normalize('NFC'));
    if (named && UNIT_LINE.test(fold(named[1]))) return unitNameFromLetterhead(named[1]);
  }
  return undefined;
}

import { SheetView } from './sheetView';
import { fold, unitNameFromLetterhead } from './text';

/**
 * The unit a one-unit report belongs to, from its letterhead (`CÔNG AN TỈNH THANH HÓA` above
 * `PHÒNG THAM MƯU`). The Ministry line `BỘ CÔNG AN` is the parent body, not the unit.
 */
export function unitFromLetterhead(view: SheetView, headerRow: number): string | undefined {
  for (let r = 0; r < headerRow; r++) {
    for (let c = 0; c < view.width; c++) {
      const t = view.text(r, c);
      if (/^cong an (tinh|thanh pho|tp|quan|huyen|thi xa|xa|phuong|dac khu)\b/.test(fold(t))) {
        return unitNameFromLetterhead(t);
      }
    }
  }
  return undefined;
}

import { SheetView } from './sheetView';
import { fold } from './text';

/** The row of column numbers under a header (`1 | 2 | 3 | 4 | 5 | 6=(5-4)/4 | 7`, `(A) | (B)`) is not data. */
export function isColumnNumberRow(view: SheetView, r: number): boolean {
  const texts = view.rowTexts(r);
  // Column numbers are small; `2025 | 2024` under a group is a header row of years, not numbering.
  return texts.length >= 2 && texts.every((t) => (/^\(?\d+\)?(\s*=.*)?$/.test(t) && Number(/\d+/.exec(t)![0]) < 200) || /^\(?[A-Z]\)?$/.test(t));
}

/**
 * Where what follows a table starts: notes (`Ghi chú:`, `* Số liệu …`), the recipients list
 * (`Nơi nhận:`), the signature block (`KT. GIÁM ĐỐC`, `NGƯỜI LẬP BIỂU`) and dated place lines.
 * Checked on the row's first words.
 */
const FOOTER =
  /^(ghi chu|chu thich|luu y|nguon|nguon so lieu|noi nhan|nguoi lap|nguoi lap bieu|nguoi ky|thu truong|giam doc|pho giam doc|truong phong|pho truong phong|truong cong an|pho truong cong an|chi huy|ky ten|xac nhan|kt|tm|tl|tuq|q|dai ta|thuong ta|trung ta|thieu ta|dai uy|thuong uy|trung uy|thieu uy)\b/;

/** A sentence of narrative (`Trong năm 2025, toàn tỉnh xảy ra 1.234 vụ …`) rather than a label. */
const NARRATIVE_WORDS = 18;

/**
 * True when a row's leading text ends the table above it: a note, the signature block, or a
 * narrative paragraph that quotes the same indicators with other figures. A note marker `(*)` or a
 * leading asterisk counts too.
 */
export function endsTable(leadText: string): boolean {
  // Checked on every row of a table: each distinct text once.
  let ends = endsCache.get(leadText);
  if (ends === undefined) {
    if (endsCache.size > 100_000) endsCache.clear();
    ends = endsTableUncached(leadText);
    endsCache.set(leadText, ends);
  }
  return ends;
}

const endsCache = new Map<string, boolean>();

function endsTableUncached(leadText: string): boolean {
  const t = leadText.trim();
  if (t === '') return false;
  if (/^\(?\*+\)?/.test(t)) return true;
  const f = fold(t);
  if (FOOTER.test(f) && !/^(kt|tm|tl|q)\b/.test(f)) return true;
  // `KT. GIÁM ĐỐC`, `TM. BAN CHỈ HUY`, `TL. GIÁM ĐỐC`, `Q. TRƯỞNG PHÒNG`: a signing formula, only with its dot.
  if (/^(KT|TM|TL|TUQ|Q)\s*\.\s*\S/iu.test(t)) return true;
  return isNarrative(t);
}

/** A long sentence is prose: a label names an indicator in a dozen words at most. */
export function isNarrative(text: string): boolean {
  const words = fold(text).split(' ').filter(Boolean).length;
  return words >= NARRATIVE_WORDS || (words >= 10 && /[.;:]\s+\S/.test(text) && /\d/.test(text));
}

import { CellValue, isCellError } from './cell';

/**
 * Numbers as Vietnamese workbooks write them. Text cells use `.` for thousands and `,` for
 * decimals (`1.245` = 1245, `4,35` = 4.35, `1.245,5` = 1245.5). Text written the English way is
 * accepted only where it cannot be misread (`1,245.5`, `8.4`). Anything else — blanks, errors,
 * `chưa thống kê`, `-`, `51/61 vụ`, `92%` — is not a number: the caller treats it as no data,
 * never as zero.
 */
export function parseVietnameseNumber(v: CellValue | undefined): number | undefined {
  if (v === null || v === undefined || isCellError(v)) return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'boolean') return undefined;
  return parseNumberText(v);
}

const SPACES = /[\s\u00a0\u202f\u2007]+/g;

/**
 * A count's unit typed after the figure (`226 vụ`, `54 người`) is part of how the figure is written,
 * not a reason to drop it. Money units are not taken off (`4,35 tỷ` beside `7.250 triệu` would make a
 * wrong ratio), and a fraction (`51/61 vụ`) or a percentage is still not one number.
 */
const UNIT_SUFFIX = /\s+(?:vụ|người|tin|đối tượng|trường hợp|lượt)\.?$/iu;

export function parseNumberText(raw: string): number | undefined {
  // A leading apostrophe is how a figure is forced to text (pasted from a script, or typed): not part of it.
  let s = raw.normalize('NFC').replace(SPACES, ' ').trim().replace(/^'/, '').replace(UNIT_SUFFIX, '');
  if (s === '') return undefined;
  let sign = 1;
  if (/^[-−–]/.test(s)) {
    sign = -1;
    s = s.slice(1).trimStart();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trimStart();
  }
  // Spaces only as thousands separators (`1 245 000`); `12 5` is two numbers or a typo, not 125.
  if (s.includes(' ')) {
    if (!/^\d{1,3}( \d{3})+([.,]\d+)?$/.test(s)) return undefined;
    s = s.replace(/ /g, '');
  }
  const n = unsignedNumber(s);
  return n === undefined ? undefined : sign * n + 0; // + 0 turns -0 into 0
}

function unsignedNumber(s: string): number | undefined {
  // Plain digits, or digits with a Vietnamese decimal comma: 1245, 4,35, 1,245 (= 1.245).
  if (/^\d+(,\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  // Vietnamese thousands dots, optional decimal comma: 1.245  1.245.000  1.245,5. A grouped
  // number never starts with 0: `0.245` is not two hundred and forty-five.
  if (/^[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  // A dot that cannot be a thousands separator is a decimal point: 8.4, 0.75, 12.50, 0.245
  if (/^\d+\.(\d{1,2}|\d{4,})$/.test(s) || /^0+\.\d+$/.test(s)) return Number(s);
  // English thousands commas with a decimal point: 1,245.5  12,345,678.25
  if (/^[1-9]\d{0,2}(,\d{3})+\.\d+$/.test(s)) return Number(s.replace(/,/g, ''));
  // `1,245,000` (several commas) can only be English thousands.
  if (/^[1-9]\d{0,2}(,\d{3}){2,}$/.test(s)) return Number(s.replace(/,/g, ''));
  return undefined;
}

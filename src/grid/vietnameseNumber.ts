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

const SPACES = /[\s\u00a0\u202f\u2007]/g;

export function parseNumberText(raw: string): number | undefined {
  let s = raw.normalize('NFC').replace(SPACES, '');
  if (s === '') return undefined;
  let sign = 1;
  if (/^[-−–]/.test(s)) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  const n = unsignedNumber(s);
  return n === undefined ? undefined : sign * n;
}

function unsignedNumber(s: string): number | undefined {
  // Plain digits, or digits with a Vietnamese decimal comma: 1245, 4,35, 1,245 (= 1.245).
  if (/^\d+(,\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  // Vietnamese thousands dots, optional decimal comma: 1.245  1.245.000  1.245,5
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  // A dot that cannot be a thousands separator is a decimal point: 8.4, 0.75, 12.50
  if (/^\d+\.(\d{1,2}|\d{4,})$/.test(s)) return Number(s);
  // English thousands commas with a decimal point: 1,245.5  12,345,678.25
  if (/^\d{1,3}(,\d{3})+\.\d+$/.test(s)) return Number(s.replace(/,/g, ''));
  // Vietnamese spaces-as-thousands were removed above; `1,245,000` (several commas) is English thousands.
  if (/^\d{1,3}(,\d{3}){2,}$/.test(s)) return Number(s.replace(/,/g, ''));
  return undefined;
}

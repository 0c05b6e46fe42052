import { cellText } from '../grid/cell';
import { isLabelHeader, isSttHeader } from './headers';
import { classifyHeader, HeaderKind, isFillerOnly } from './periods';
import { fold } from './text';

/**
 * What reading a header asks of one text, worked out once per distinct text: a national sheet
 * repeats the same units, periods and figures across tens of thousands of rows, and every row is
 * looked at as a possible header.
 */
export interface TextFacts {
  readonly kind: HeaderKind;
  /** A period with nothing but filler words besides (`Cùng kỳ năm 2024`, `Thực hiện 2025`). */
  readonly fillerPeriod: boolean;
  /** Nothing but filler words (`Thực hiện`, `Số liệu`), once folded. */
  readonly fillerOnly: boolean;
  /** Words about time with no year (`Trong tháng`, `Lũy kế từ đầu năm`). */
  readonly periodWords: boolean;
  readonly labelHeader: boolean;
  readonly sttHeader: boolean;
}

export function textFacts(text: string): TextFacts {
  let f = cache.get(text);
  if (f === undefined) {
    if (cache.size > 100_000) cache.clear();
    const kind = classifyHeader(text);
    f = {
      kind,
      fillerPeriod: kind.kind === 'period' && isFillerOnly(kind.mention.rest),
      fillerOnly: isFillerOnly(fold(text)),
      periodWords: isPeriodWords(text),
      labelHeader: isLabelHeader(text),
      sttHeader: isSttHeader(text),
    };
    cache.set(text, f);
  }
  return f;
}

const cache = new Map<string, TextFacts>();

/** Whether a figure's text reads as a period heading on its own (`2025`, and `12.2024` too): once per value. */
export function isYearFigure(n: number): boolean {
  // A whole number's text is its digits (and a sign, folded away): a period exactly when it is a year.
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return Math.abs(n) >= 1900 && Math.abs(n) < 2100;
  let y = yearFigures.get(n);
  if (y === undefined) {
    if (yearFigures.size > 100_000) yearFigures.clear();
    y = textFacts(cellText(n)).fillerPeriod;
    yearFigures.set(n, y);
  }
  return y;
}

const yearFigures = new Map<number, boolean>();

/** Words about time with no year (`Trong tháng`, `Lũy kế từ đầu năm`): a group of period columns, not a unit. */
const PERIOD_WORDS = new Set([
  'thang',
  'quy',
  'nam',
  'ky',
  'luy',
  'ke',
  'tu',
  'dau',
  'cuoi',
  'den',
  'nay',
  'truoc',
  'cung',
  'trong',
  'so',
  'lieu',
  'thuc',
  'hien',
  'th',
  'rieng',
  'ca',
]);

function isPeriodWords(part: string): boolean {
  const words = fold(part).split(' ').filter(Boolean);
  return words.length > 0 && words.every((w) => PERIOD_WORDS.has(w));
}

import { FindingStatus } from '../evaluate/finding';
import { formatNumber, Lang } from '../evaluate/format';

const STATUS: Record<Lang, Record<FindingStatus, string>> = {
  vi: { met: 'Đạt', shortfall: 'Chưa đạt', 'no-data': 'Không có số liệu' },
  en: { met: 'Met', shortfall: 'Shortfall', 'no-data': 'No data' },
};

export function statusWord(s: FindingStatus, lang: Lang): string {
  return STATUS[lang][s];
}

export function formatFigure(x: number, unit: string, lang: Lang): string {
  const n = formatNumber(x, lang, 2);
  return unit ? `${n} ${unit}` : n;
}

import { Finding } from '../evaluate/finding';
import { Lang, OPERATOR_SYMBOL } from '../evaluate/format';
import { IndicatorTable } from '../tables/indicatorTable';
import { ReviewState } from '../review/reviewState';
import { formatDateTime } from './formatTime';
import { changeText, CHANGED_SINCE_REVIEW, formatFigure, reviewWord, statusWord } from './words';

const MARK: Record<Finding['status'], string> = { met: '✓', shortfall: '✗', 'no-data': '?' };

/** A readable table per unit: target, status, actual vs target, and the cell to look at. */
export function consoleReport(
  workbook: string,
  tables: ReadonlyArray<IndicatorTable>,
  findings: ReadonlyArray<Finding>,
  lang: Lang,
  reviews?: ReadonlyMap<Finding, ReviewState>,
): string {
  const vi = lang === 'vi';
  const lines: string[] = [];
  lines.push(`${vi ? 'Sổ' : 'Workbook'}: ${workbook}`);
  for (const t of tables) {
    const where = t.tableName ? `${t.sheet}!${t.anchor} (${t.tableName})` : `${t.sheet}!${t.anchor}`;
    lines.push(`  ${vi ? 'Bảng chỉ tiêu' : 'Indicator table'} ${vi ? 'kiểu' : 'layout'} ${t.layout} ${vi ? 'tại' : 'at'} ${where}: ${t.units.length} ${vi ? 'đơn vị' : 'unit(s)'}`);
  }
  const subject = (f: Finding) => (f.period === undefined ? f.unit : `${f.unit} — ${f.period}`);
  const bySubject = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = subject(f);
    const list = bySubject.get(k);
    if (list) list.push(f);
    else bySubject.set(k, [f]);
  }
  for (const [name, rows] of bySubject) {
    lines.push('');
    lines.push(`■ ${name}`);
    const cells = rows.map((f) => [
      `${MARK[f.status]} ${statusWord(f.status, lang)}`,
      f.title[lang],
      f.actual === null ? '—' : formatFigure(f.actual, f.factUnit, lang),
      f.target === null ? '' : `${f.operator ? OPERATOR_SYMBOL[f.operator] ?? f.operator : ''} ${formatFigure(f.target, f.factUnit, lang)}`,
      `${f.sheet}!${f.cell}`,
    ]);
    const head = vi ? ['Kết quả', 'Chỉ tiêu', 'Thực hiện', 'Chỉ tiêu đặt ra', 'Ô'] : ['Status', 'Target', 'Actual', 'Target value', 'Cell'];
    const columnWidths = head.map((h, i) => cells.reduce((w, c) => Math.max(w, width(c[i])), width(h)));
    const fmt = (c: string[]) => '  ' + c.map((x, i) => pad(x, columnWidths[i])).join('  ').trimEnd();
    lines.push(fmt(head));
    lines.push('  ' + columnWidths.map((w) => '─'.repeat(w)).join('  '));
    for (const c of cells) lines.push(fmt(c));
    for (const f of rows.filter((r) => r.status !== 'met')) lines.push(`    → ${f.message[lang]}`);
    for (const f of rows) {
      const state = reviews?.get(f);
      if (state) lines.push(reviewLine(f, state, lang));
    }
  }
  const count = (s: Finding['status']) => findings.filter((f) => f.status === s).length;
  lines.push('');
  lines.push(
    vi
      ? `Tổng cộng: ${count('met')} đạt, ${count('shortfall')} chưa đạt, ${count('no-data')} không có số liệu.`
      : `Total: ${count('met')} met, ${count('shortfall')} shortfall, ${count('no-data')} no data.`,
  );
  return lines.join('\n');
}

/** `✎ <target>: Chấp nhận — Nguyễn Văn A, 05/11/2026 10:00: "…"`, and the warning when the figures changed since. */
function reviewLine(f: Finding, state: ReviewState, lang: Lang): string {
  const r = state.review;
  const head = `    ✎ ${f.title[lang]}: ${reviewWord(r.status, lang)} — ${r.reviewer}, ${formatDateTime(r.time)}${r.comment ? `: "${r.comment.replace(/\s+/g, ' ')}"` : ''}`;
  if (!state.changed) return head;
  const what = state.changes.map((c) => changeText(c, lang)).join('; ');
  return `${head}\n      ⚠ ${CHANGED_SINCE_REVIEW[lang]}${what ? ` (${what})` : ''}`;
}

/** Display width: combining marks take no column (NFD Vietnamese text stays aligned). */
function width(s: string): number {
  let w = widths.get(s);
  if (w === undefined) {
    w = [...s.normalize('NFC')].length;
    if (widths.size > 10_000) widths.clear();
    widths.set(s, w);
  }
  return w;
}

const widths = new Map<string, number>();

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

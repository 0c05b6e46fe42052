import { checkOutcomeOf } from './checkOutcome';
import { FindingHead, readHeadsOneAtATime } from '../evaluate/compactFindings';
import { Finding, FindingList } from '../evaluate/finding';
import { formatNumber } from '../evaluate/format';
import { IndicatorTable } from '../tables/indicatorTable';
import { ReviewState } from '../review/reviewState';
import { formatDateTime } from './formatTime';
import { actualText, changeText, CHANGED_SINCE_REVIEW, reviewWord, statusWord, targetText } from './words';
import { Lang } from '../words/lang';

const MARK: Record<Finding['status'], string> = { met: '✓', shortfall: '✗', 'no-data': '?' };

/**
 * Past this many findings a table per unit is more than anyone reads on a console (a national
 * workbook has hundreds of thousands): the report becomes a summary, and the full list is in the
 * --json document and the --out copy.
 */
export const COMPACT_REPORT_FROM = 2000;

/** How many shortfalls and changed reviews the summary lists by name, and how many units. */
const SUMMARY_ITEMS = 20;
const SUMMARY_UNITS = 10;

/**
 * A readable table per unit: target, status, actual vs target, and the cell to look at. From
 * COMPACT_REPORT_FROM findings on, a summary instead: counts per target, the units with the most
 * shortfalls, the first shortfalls with their reasons, and where to find the rest.
 */
export function consoleReport(
  workbook: string,
  tables: ReadonlyArray<IndicatorTable>,
  findings: FindingList,
  lang: Lang,
  reviews?: ReadonlyMap<Finding, ReviewState>,
): string {
  const vi = lang === 'vi';
  const lines: string[] = [];
  lines.push(`${vi ? 'Sổ' : 'Workbook'}: ${workbook}`);
  for (const t of tables) {
    const where = t.tableName ? `${t.sheet}!${t.anchor} (${t.tableName})` : `${t.sheet}!${t.anchor}`;
    lines.push(
      `  ${vi ? 'Bảng chỉ tiêu' : 'Indicator table'} ${vi ? 'kiểu' : 'layout'} ${t.layout} ${vi ? 'tại' : 'at'} ${where}: ${t.units.length} ${vi ? 'đơn vị' : 'unit(s)'}`,
    );
  }
  if (findings.length >= COMPACT_REPORT_FROM) return [...lines, ...summaryLines(findings, lang, reviews)].join('\n');
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
      actualText(f, lang) || '—',
      targetText(f, lang),
      `${f.sheet}!${f.cell}`,
    ]);
    const head = vi ? ['Kết quả', 'Chỉ tiêu', 'Thực hiện', 'Chỉ tiêu đặt ra', 'Ô'] : ['Status', 'Target', 'Actual', 'Target value', 'Cell'];
    const columnWidths = head.map((h, i) => cells.reduce((w, c) => Math.max(w, width(c[i])), width(h)));
    const fmt = (c: string[]) =>
      '  ' +
      c
        .map((x, i) => pad(x, columnWidths[i]))
        .join('  ')
        .trimEnd();
    lines.push(fmt(head));
    lines.push('  ' + columnWidths.map((w) => '─'.repeat(w)).join('  '));
    for (const c of cells) lines.push(fmt(c));
    for (const f of rows.filter((r) => r.status !== 'met')) lines.push(`    → ${f.message[lang]}`);
    for (const f of rows) {
      const state = reviews?.get(f);
      if (state) lines.push(reviewLine(f, state, lang));
    }
  }
  lines.push('');
  lines.push(totalLine(findings, lang));
  return lines.join('\n');
}

function totalLine(findings: FindingList, lang: Lang): string {
  const { met, shortfall, noData } = checkOutcomeOf(findings);
  return lang === 'vi'
    ? `Tổng cộng: ${met} đạt, ${shortfall} chưa đạt, ${noData} không có số liệu.`
    : `Total: ${met} met, ${shortfall} shortfall, ${noData} no data.`;
}

/** The summary of a large check (see COMPACT_REPORT_FROM). */
function summaryLines(findings: FindingList, lang: Lang, reviews?: ReadonlyMap<Finding, ReviewState>): string[] {
  const vi = lang === 'vi';
  const n = (x: number) => formatNumber(x, lang, 0);
  const subject = (f: FindingHead) => (f.period === undefined ? f.unit : `${f.unit} — ${f.period}`);
  const byRule = new Map<string, { title: string; met: number; shortfall: number; noData: number }>();
  const shortfallsBySubject = new Map<string, number>();
  const subjects = new Set<string>();
  const shortfalls: Finding[] = [];
  let shortfallCount = 0;
  // A subject's findings come one after another (one per target): its name is made and counted once, not per finding.
  let key = '';
  let lastUnit: string | undefined;
  let lastPeriod: string | undefined;
  const heads = readHeadsOneAtATime(findings);
  for (let i = 0; i < findings.length; i++) {
    const f = heads.at(i)!;
    let r = byRule.get(f.ruleId);
    if (!r) byRule.set(f.ruleId, (r = { title: f.title[lang], met: 0, shortfall: 0, noData: 0 }));
    if (i === 0 || f.unit !== lastUnit || f.period !== lastPeriod) {
      key = subject(f);
      subjects.add(key);
      lastUnit = f.unit;
      lastPeriod = f.period;
    }
    if (f.status === 'met') r.met++;
    else if (f.status === 'no-data') r.noData++;
    else {
      r.shortfall++;
      shortfallCount++;
      if (shortfalls.length < SUMMARY_ITEMS) shortfalls.push(findings.at(i)!);
      shortfallsBySubject.set(key, (shortfallsBySubject.get(key) ?? 0) + 1);
    }
  }
  const lines: string[] = [''];
  lines.push(
    vi
      ? `${n(findings.length)} kết quả của ${n(subjects.size)} đơn vị (hoặc đơn vị và kỳ), quá nhiều để in từng đơn vị: dưới đây là bản tóm tắt; danh sách đầy đủ kèm lý do có trong tệp --json và bản sao tô màu --out.`
      : `${n(findings.length)} findings for ${n(subjects.size)} units (or units and periods), too many to print unit by unit: a summary follows; the full list with reasons is in the --json file and the --out highlighted copy.`,
  );

  lines.push('');
  lines.push(vi ? 'Theo chỉ tiêu:' : 'By target:');
  const head = vi ? ['Chỉ tiêu', 'Đạt', 'Chưa đạt', 'Không có số liệu'] : ['Target', 'Met', 'Shortfall', 'No data'];
  const rows = [...byRule.values()].map((r) => [r.title, n(r.met), n(r.shortfall), n(r.noData)]);
  const widths = head.map((h, i) => rows.reduce((w, c) => Math.max(w, width(c[i])), width(h)));
  const fmt = (c: string[]) => '  ' + c.map((x, i) => (i === 0 ? pad(x, widths[i]) : padStart(x, widths[i]))).join('  ');
  lines.push(fmt(head));
  lines.push('  ' + widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) lines.push(fmt(r));

  if (shortfallCount > 0) {
    const worst = [...shortfallsBySubject].sort((a, b) => b[1] - a[1]).slice(0, SUMMARY_UNITS);
    lines.push('');
    lines.push(
      vi
        ? `Đơn vị có nhiều chỉ tiêu chưa đạt nhất (${n(shortfallsBySubject.size)} đơn vị có chỉ tiêu chưa đạt):`
        : `Units with the most shortfalls (${n(shortfallsBySubject.size)} units have a shortfall):`,
    );
    for (const [name, count] of worst) lines.push(`  ${name}: ${n(count)} ${vi ? 'chưa đạt' : 'shortfall(s)'}`);
    lines.push('');
    lines.push(vi ? `${n(shortfalls.length)} chỉ tiêu chưa đạt đầu tiên:` : `The first ${n(shortfalls.length)} shortfalls:`);
    for (const f of shortfalls) lines.push(`  ${MARK.shortfall} ${subject(f)} · ${f.title[lang]} (${f.sheet}!${f.cell}): ${f.message[lang]}`);
    const more = shortfallCount - shortfalls.length;
    if (more > 0) lines.push(vi ? `  … và ${n(more)} chỉ tiêu chưa đạt khác.` : `  … and ${n(more)} more shortfalls.`);
  }

  if (reviews && reviews.size > 0) {
    const changed = [...reviews].filter(([, state]) => state.changed);
    lines.push('');
    lines.push(
      vi
        ? `Xét duyệt: ${n(reviews.size)} kết quả đã được xét duyệt, ${n(changed.length)} ${CHANGED_SINCE_REVIEW.vi}.`
        : `Reviews: ${n(reviews.size)} findings reviewed, ${n(changed.length)} ${CHANGED_SINCE_REVIEW.en}.`,
    );
    for (const [f, state] of changed.slice(0, SUMMARY_ITEMS)) {
      lines.push(`  ${subject(f)}`);
      lines.push(reviewLine(f, state, lang));
    }
    if (changed.length > SUMMARY_ITEMS)
      lines.push(vi ? `  … và ${n(changed.length - SUMMARY_ITEMS)} kết quả khác.` : `  … and ${n(changed.length - SUMMARY_ITEMS)} more.`);
  }

  lines.push('');
  lines.push(totalLine(findings, lang));
  return lines;
}

function padStart(s: string, w: number): string {
  return ' '.repeat(Math.max(0, w - width(s))) + s;
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

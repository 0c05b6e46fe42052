import { Finding } from '../evaluate/finding';
import { formatNumber } from '../evaluate/format';
import { ReviewState } from '../review/reviewState';
import { CheckedWorkbook, Consolidation } from './consolidation';
import { formatDateTime } from './formatTime';
import { html, Html } from './html';
import { packLine } from './packLine';
import { ScorecardRow, ScoreStatus } from './scorecard';
import { fileName, scoringLine } from './scorecardSheets';
import { DEFAULT_SIGNATURE, SIGNATURE_CSS, SignatureBlock, signatureHtml } from './signatureBlock';
import { actualText, changeText, CHANGED_SINCE_REVIEW, reviewWord, scoreWord, statusWord, targetText, trendWord } from './words';
import { CONSOLIDATION_WORDS } from '../words/glossary';
import { Lang, Localized } from '../words/lang';

/** One mark per outcome, so status never rests on colour alone (grey print, colour-blind readers). */
const MARK: Record<ScoreStatus, string> = { met: '✓', shortfall: '✗', warning: '!', 'no-data': '?', 'not-reported': '–' };

/** The report's fixed words, Vietnamese first. */
const WORDS = {
  ...CONSOLIDATION_WORDS,
  targetCode: { vi: 'CT', en: 'T' },
  n1PledgedTargets: { vi: '1. Chỉ tiêu giao ước', en: '1. Pledged targets' },
  code: { vi: 'Mã', en: 'Code' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  kind: { vi: 'Loại', en: 'Kind' },
  weight: { vi: 'Trọng số', en: 'Weight' },
  binding: { vi: 'Bắt buộc', en: 'Binding' },
  softTargetNotScored: { vi: 'Chỉ tiêu mềm (không tính điểm)', en: 'Soft target (not scored)' },
  points: { vi: 'Điểm', en: 'Points' },
  columnsCountTheTargets: { vi: 'Các cột ✓ ✗ ! ? đếm số chỉ tiêu theo từng kết quả.', en: 'Columns ✓ ✗ ! ? count the targets with each outcome.' },
  n2ScorecardAndRanking: { vi: '2. Bảng tổng hợp và xếp hạng', en: '2. Scorecard and ranking' },
  alsoIn: { vi: 'cũng có trong', en: 'also in' },
  trendByPeriodPoints: { vi: 'Xu hướng theo kỳ (điểm)', en: 'Trend by period (points)' },
  n3FindingsByUnit: { vi: '3. Kết quả theo đơn vị', en: '3. Findings by unit' },
  status: { vi: 'Kết quả', en: 'Status' },
  actualTarget: { vi: 'Thực hiện / chỉ tiêu', en: 'Actual / target' },
  reasonCellsReview: { vi: 'Lý do, ô số liệu, xét duyệt', en: 'Reason, cells, review' },
  notInTheWorkbook: { vi: 'Không có trong sổ', en: 'Not in the workbook' },
  cells: { vi: 'Ô', en: 'Cells' },
  review: { vi: 'Xét duyệt', en: 'Review' },
  n4AuditTrail: { vi: '4. Nhật ký kiểm tra và xét duyệt', en: '4. Audit trail' },
  fileDigestSha256: { vi: 'Mã băm tệp (SHA-256)', en: 'File digest (SHA-256)' },
  digestOfTheFigures: { vi: 'Mã băm số liệu đã đọc', en: 'Digest of the figures read' },
  findings: { vi: 'Kết quả', en: 'Findings' },
  reviewsLogged: { vi: 'Lần xét duyệt', en: 'Reviews logged' },
  time: { vi: 'Thời gian', en: 'Time' },
  reviewer: { vi: 'Người xét duyệt', en: 'Reviewer' },
  unitTarget: { vi: 'Đơn vị, chỉ tiêu', en: 'Unit, target' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  comment: { vi: 'Ý kiến', en: 'Comment' },
  was: { vi: 'trước đó', en: 'was' },
  outcomeThen: { vi: 'kết quả khi xét', en: 'outcome then' },
  noReviewsInThese: { vi: 'Chưa có xét duyệt nào trong các sổ.', en: 'No reviews in these workbooks yet.' },
  reviewsThatMatchNo: {
    vi: 'Xét duyệt không còn khớp kết quả nào (đơn vị hay chỉ tiêu không còn trong lần kiểm tra này)',
    en: 'Reviews that match no finding of this check (unit or target no longer present)',
  },
  page: { vi: 'Trang ', en: 'Page ' },
  emulationPledgeCheckReport: { vi: 'Báo cáo kiểm tra chỉ tiêu thi đua', en: 'Emulation pledge check report' },
  workbookS: { vi: 'sổ', en: 'workbook(s)' },
  unitS: { vi: 'đơn vị', en: 'unit(s)' },
} satisfies Record<string, Localized>;

/**
 * The cluster head's report as one self-contained HTML page: the pack's targets, the scorecard and
 * ranking, every unit's findings with reasons and reviews, and the audit trail. Inline CSS, no
 * scripts, no links, images or fonts fetched from anywhere; made for A4 paper (table layout fixed,
 * long words broken, so no column can be cut off). Vietnamese unless `lang` is `en`.
 */
export function htmlReport(c: Consolidation, lang: Lang, signature: SignatureBlock = DEFAULT_SIGNATURE[lang]): string {
  const title = WORDS.emulationPledgeCheckReport[lang];
  const body = html`
<header>
  <h1>${title}</h1>
  <p class="pack">${c.scorecard.pack.title[lang]}</p>
  <p class="meta">${packLine(c.audit.rulePack, lang)} · ${WORDS.checkedAt[lang]} ${formatDateTime(c.audit.checkedAt)} ·
    ${c.workbooks.length} ${WORDS.workbookS[lang]} · ${c.scorecard.rows.length} ${WORDS.unitS[lang]}</p>
  ${totalsLine(c, lang)}
</header>
${unreadableBox(c, lang)}
${targetsSection(c, lang)}
${scorecardSection(c, lang)}
${trendSection(c, lang)}
${unitsSection(c, lang)}
${auditSection(c, lang)}
${signatureHtml(signature, closingLine(c, lang))}`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Pledge Check">
<title>${html`${title} — ${c.scorecard.pack.title[lang]}`}</title>
<style>${CSS}${SIGNATURE_CSS}${pageNumbers(lang)}</style>
</head>
<body>${body}
</body>
</html>
`;
}

/** The sentence a Vietnamese report closes with, above the signatures: what was checked, against which pack. */
function closingLine(c: Consolidation, lang: Lang): string {
  const units = c.scorecard.rows.length;
  const books = c.workbooks.length;
  const pack = c.scorecard.pack.title[lang];
  return lang === 'vi'
    ? `Trên đây là kết quả kiểm tra việc thực hiện chỉ tiêu thi đua của ${units} đơn vị trong ${books} sổ theo bộ chỉ tiêu “${pack}”./.`
    : `This concludes the check of ${units} unit(s) in ${books} workbook(s) against the pack “${pack}”.`;
}

function totalsLine(c: Consolidation, lang: Lang): Html {
  const n = { met: 0, shortfall: 0, warning: 0, noData: 0 };
  for (const r of c.scorecard.rows) {
    n.met += r.counts.met;
    n.shortfall += r.counts.shortfall;
    n.warning += r.counts.warning;
    n.noData += r.counts.noData;
  }
  const reviewed = c.workbooks.reduce((s, w) => s + w.reviews.states.size, 0);
  const changed = c.workbooks.reduce((s, w) => s + [...w.reviews.states.values()].filter((x) => x.changed).length, 0);
  return lang === 'vi'
    ? html`<p class="totals"><span class="s-met">${n.met} đạt</span> · <span class="s-shortfall">${n.shortfall} chưa đạt</span> · <span class="s-warning">${n.warning} chỉ tiêu mềm chưa đạt</span> · <span class="s-no-data">${n.noData} không có số liệu</span> · ${reviewed} đã xét duyệt${changed ? html`, <strong>${changed} ${CHANGED_SINCE_REVIEW.vi}</strong>` : ''}</p>`
    : html`<p class="totals"><span class="s-met">${n.met} met</span> · <span class="s-shortfall">${n.shortfall} shortfall</span> · <span class="s-warning">${n.warning} soft target(s) missed</span> · <span class="s-no-data">${n.noData} no data</span> · ${reviewed} reviewed${changed ? html`, <strong>${changed} ${CHANGED_SINCE_REVIEW.en}</strong>` : ''}</p>`;
}

function unreadableBox(c: Consolidation, lang: Lang): Html | '' {
  if (c.unreadable.length === 0) return '';
  return html`<section class="alert"><h2>${lang === 'vi' ? `Không đọc được ${c.unreadable.length} sổ` : `${c.unreadable.length} workbook(s) could not be read`}</h2>
<ul>${c.unreadable.map((u) => html`<li>${u.message.split(u.workbook).join(fileName(u.workbook))}</li>`)}</ul></section>`;
}

/** `CT1`, `CT2` … (`T1` in English): short names the scorecard's columns use. */
function code(i: number, lang: Lang): string {
  return `${WORDS.targetCode[lang]}${i + 1}`;
}

function targetsSection(c: Consolidation, lang: Lang): Html {
  return html`<section>
<h2>${WORDS.n1PledgedTargets[lang]}</h2>
<table class="targets">
<colgroup><col class="w-code"><col><col class="w-kind"><col class="w-weight"></colgroup>
<thead><tr><th>${WORDS.code[lang]}</th><th>${WORDS.target[lang]}</th><th>${WORDS.kind[lang]}</th><th>${WORDS.weight[lang]}</th></tr></thead>
<tbody>${c.scorecard.targets.map(
    (x, i) => html`<tr><td>${code(i, lang)}</td><td>${x.title[lang]}<div class="small mono">${x.ruleId}</div></td>
<td>${x.scored ? WORDS.binding[lang] : WORDS.softTargetNotScored[lang]}</td><td class="num">${x.scored ? formatNumber(x.weight, lang) : '—'}</td></tr>`,
  )}</tbody>
</table>
<p class="note">${scoringLine(c, lang)}</p>
</section>`;
}

function scorecardSection(c: Consolidation, lang: Lang): Html {
  const sc = c.scorecard;
  const head = html`<tr><th>${WORDS.rank[lang]}</th><th>${WORDS.unit[lang]}</th>${sc.targets.map((_, i) => html`<th>${code(i, lang)}</th>`)}
${(['met', 'shortfall', 'warning', 'no-data'] as ScoreStatus[]).map((st) => html`<th class="s-${st}" title="${scoreWord(st, lang)}">${MARK[st]}</th>`)}<th>${WORDS.points[lang]}</th></tr>`;
  const periods: Array<string | undefined> = sc.rows.some((r) => r.period === undefined) ? [undefined, ...sc.periods] : [...sc.periods];
  const groups = periods.map((p) => {
    const rows = sc.rows.filter((r) => r.period === p);
    const label = p === undefined ? '' : html`<tr class="group"><th colspan="${String(sc.targets.length + 7)}">${WORDS.period[lang]}: ${p}</th></tr>`;
    return html`${label}${rows.map((r) => scorecardRow(r, lang))}`;
  });
  const legend = (['met', 'shortfall', 'warning', 'no-data', 'not-reported'] as ScoreStatus[]).map(
    (s) => html`<span class="s-${s}">${MARK[s]} ${scoreWord(s, lang)}</span> `,
  );
  const countsNote = WORDS.columnsCountTheTargets[lang];
  return html`<section>
<h2>${WORDS.n2ScorecardAndRanking[lang]}</h2>
<table class="scorecard">
<colgroup><col class="w-rank"><col class="w-unit">${sc.targets.map(() => html`<col>`)}<col class="w-count"><col class="w-count"><col class="w-count"><col class="w-count"><col class="w-points"></colgroup>
<thead>${head}</thead>
<tbody>${groups}</tbody>
</table>
<p class="legend">${legend}</p>
<p class="note">${countsNote}</p>
</section>`;
}

function scorecardRow(r: ScorecardRow, lang: Lang): Html {
  const also = r.alsoIn.length ? html`<div class="small">${WORDS.alsoIn[lang]} ${r.alsoIn.map(fileName).join(', ')}</div>` : '';
  return html`<tr><td class="num">${r.rank}</td><td>${r.unit}<div class="small">${pathHtml(fileName(r.workbook))}</div>${also}</td>
${r.cells.map((cell) => html`<td class="cell s-${cell.status}" title="${scoreWord(cell.status, lang)}"><b>${MARK[cell.status]}</b>${cell.finding && cell.finding.actual !== null ? html`<div class="value">${actualText(cell.finding, lang).replace(' ', '\u00a0')}</div>` : ''}</td>`)}
<td class="num">${r.counts.met}</td><td class="num">${r.counts.shortfall}</td><td class="num">${r.counts.warning}</td><td class="num">${r.counts.noData}</td>
<td class="num"><b>${formatNumber(r.points, lang)}</b><div class="small">${formatNumber(r.percent, lang, 1)} %</div></td></tr>`;
}

function trendSection(c: Consolidation, lang: Lang): Html | '' {
  const sc = c.scorecard;
  if (sc.trends.length === 0) return '';
  return html`<section>
<h2>${WORDS.trendByPeriodPoints[lang]}</h2>
<table class="trend">
<colgroup><col class="w-unit">${sc.periods.map(() => html`<col>`)}<col class="w-trend"></colgroup>
<thead><tr><th>${WORDS.unit[lang]}</th>${sc.periods.map((p) => html`<th>${p}</th>`)}<th>${WORDS.trend[lang]}</th></tr></thead>
<tbody>${sc.trends.map(
    (tr) =>
      html`<tr><td>${tr.unit}<div class="small">${pathHtml(fileName(tr.workbook))}</div></td>${sc.periods.map((p) => {
        const s = tr.steps.find((x) => x.period === p);
        return html`<td class="num">${s ? formatNumber(s.points, lang) : '—'}</td>`;
      })}<td>${trendWord(tr.direction, lang)}</td></tr>`,
  )}</tbody>
</table>
</section>`;
}

function unitsSection(c: Consolidation, lang: Lang): Html {
  const codes = new Map(c.scorecard.targets.map((x, i) => [x.ruleId, code(i, lang)] as const));
  const byWorkbook = new Map(c.workbooks.map((w) => [w.workbook, w] as const));
  return html`<section>
<h2>${WORDS.n3FindingsByUnit[lang]}</h2>
${c.scorecard.rows.map((r) => {
  const w = byWorkbook.get(r.workbook) as CheckedWorkbook;
  const findings = r.cells.map((x) => x.finding).filter((f): f is Finding => f !== undefined);
  const where = html`${WORDS.workbook[lang]}: ${pathHtml(fileName(r.workbook))}${r.period !== undefined ? html` · ${WORDS.period[lang]}: ${r.period}` : ''} · ${WORDS.rank[lang]} ${r.rank}/${r.rankedWith} · ${WORDS.points[lang]} ${formatNumber(r.points, lang)}/${formatNumber(r.maxPoints, lang)}`;
  return html`<div class="unit">
<h3>${r.unit}${r.period !== undefined ? html` — ${r.period}` : ''}</h3>
<p class="meta">${where}</p>
<table class="findings">
<colgroup><col class="w-code"><col class="w-title"><col class="w-status"><col class="w-figure"><col></colgroup>
<thead><tr><th>${WORDS.code[lang]}</th><th>${WORDS.target[lang]}</th><th>${WORDS.status[lang]}</th><th>${WORDS.actualTarget[lang]}</th><th>${WORDS.reasonCellsReview[lang]}</th></tr></thead>
<tbody>${findings.map((f) => findingRow(f, codes.get(f.ruleId) ?? '', w.reviews.states.get(f), lang))}</tbody>
</table>
${
  r.counts.notReported
    ? html`<p class="small">${WORDS.notInTheWorkbook[lang]}: ${r.cells
        .filter((x) => x.status === 'not-reported')
        .map((x) => codes.get(x.ruleId))
        .join(', ')}</p>`
    : ''
}
</div>`;
})}
</section>`;
}

function findingRow(f: Finding, targetCode: string, state: ReviewState | undefined, lang: Lang): Html {
  const status: ScoreStatus = f.status === 'shortfall' && f.severity === 'warning' ? 'warning' : f.status;
  const cells = [...new Set(f.inputs.map((i) => `${i.sheet}!${i.cell}`))];
  return html`<tr>
<td>${targetCode}</td><td>${f.title[lang]}</td>
<td class="s-${status}"><b>${MARK[status]}</b> ${scoreWord(status, lang)}</td>
<td>${actualText(f, lang) || '—'}<div class="small">${targetText(f, lang)}</div></td>
<td>${f.message[lang]}<div class="small">${WORDS.cells[lang]}: ${cells.join(', ') || `${f.sheet}!${f.cell}`}</div>${reviewBlock(state, lang)}</td>
</tr>`;
}

function reviewBlock(state: ReviewState | undefined, lang: Lang): Html | '' {
  if (!state) return '';
  const r = state.review;
  return html`<div class="review review-${r.status}">${WORDS.review[lang]}: <b>${reviewWord(r.status, lang)}</b> — ${r.reviewer}, ${formatDateTime(r.time)}${
    r.comment ? html`: “${r.comment}”` : ''
  }${state.changed ? html`<div class="changed">⚠ ${CHANGED_SINCE_REVIEW[lang]}${state.changes.length ? html`: ${state.changes.map((x) => changeText(x, lang)).join('; ')}` : ''}</div>` : ''}</div>`;
}

/** A path that may break after each separator rather than anywhere. */
function pathHtml(path: string): Html {
  return new Html(
    path
      .split(/(?<=[/\\_.-])/)
      .map((part) => html`${part}`.text)
      .join('<wbr>'),
  );
}

function auditSection(c: Consolidation, lang: Lang): Html {
  const a = c.audit;
  const titles = new Map(c.pack.rules.map((r) => [r.id, r.title[lang]] as const));
  const log = c.workbooks.flatMap((w) => w.audit.reviewLog.map((e) => ({ w: w.workbook, e })));
  const unmatched = c.workbooks.flatMap((w) => w.reviews.unmatched.map((r) => ({ w: w.workbook, r })));
  return html`<section class="audit">
<h2>${WORDS.n4AuditTrail[lang]}</h2>
<p class="meta">${packLine(a.rulePack, lang)} · ${WORDS.checkedAt[lang]} ${formatDateTime(a.checkedAt)} (${a.checkedAt}) · ${a.tool.name} ${a.tool.version}</p>
<table class="digests">
<colgroup><col class="w-file"><col><col><col class="w-count"><col class="w-count"></colgroup>
<thead><tr><th>${WORDS.workbook[lang]}</th><th>${WORDS.fileDigestSha256[lang]}</th><th>${WORDS.digestOfTheFigures[lang]}</th><th>${WORDS.findings[lang]}</th><th>${WORDS.reviewsLogged[lang]}</th></tr></thead>
<tbody>${a.workbooks.map((w) => html`<tr><td>${pathHtml(fileName(w.workbook))}</td><td class="mono">${w.fileDigest ?? '—'}</td><td class="mono">${w.inputsDigest}</td><td class="num">${w.findings}</td><td class="num">${w.reviewLog.length}</td></tr>`)}</tbody>
</table>
${
  log.length
    ? html`<h3>${WORDS.reviewLog[lang]}</h3>
<table class="log">
<colgroup><col class="w-time"><col class="w-who"><col><col class="w-status"><col></colgroup>
<thead><tr><th>${WORDS.time[lang]}</th><th>${WORDS.reviewer[lang]}</th><th>${WORDS.unitTarget[lang]}</th><th>${WORDS.decision[lang]}</th><th>${WORDS.comment[lang]}</th></tr></thead>
<tbody>${log.map(
        ({
          w,
          e,
        }) => html`<tr><td>${formatDateTime(e.time)}</td><td>${e.reviewer}</td><td>${e.unit}${e.period !== undefined ? html` — ${e.period}` : ''}<div class="small">${titles.get(e.ruleId) ?? e.ruleId} · ${fileName(w)}</div></td>
<td>${reviewWord(e.status, lang)}${e.previousStatus ? html`<div class="small">${WORDS.was[lang]}: ${reviewWord(e.previousStatus, lang)}</div>` : ''}<div class="small">${WORDS.outcomeThen[lang]}: ${statusWord(e.findingStatus, lang)}</div></td><td>${e.comment}</td></tr>`,
      )}</tbody>
</table>`
    : html`<p class="note">${WORDS.noReviewsInThese[lang]}</p>`
}
${
  unmatched.length
    ? html`<p class="note">${WORDS.reviewsThatMatchNo[lang]}: ${unmatched.map(({ w, r }) => `${r.unit} / ${titles.get(r.ruleId) ?? r.ruleId} (${fileName(w)})`).join('; ')}</p>`
    : ''
}
</section>`;
}

/**
 * Page numbers in the bottom margin of every printed page (`Trang 2/5`), through CSS page-margin
 * boxes: Chromium prints them; a browser without them prints no number and loses nothing else.
 */
function pageNumbers(lang: Lang): string {
  const word = WORDS.page[lang];
  return `@page { @bottom-right { content: "${word}" counter(page) "/" counter(pages); font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #333; } }`;
}

/**
 * Print first: A4 with its margins; every table fixed-layout at 100 % so its columns share the page
 * width, and long words, paths and digests break instead of widening a column past the edge.
 * Fonts that carry Vietnamese glyphs, and the browser's own fallback for the marks.
 */
const CSS = `
@page { size: A4; margin: 14mm 12mm 14mm 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans", "DejaVu Sans", Arial, "Segoe UI", sans-serif; font-size: 9pt; line-height: 1.35; color: #111; margin: 0 auto; max-width: 186mm; padding: 0; }
@media screen { body { padding: 8mm 4mm; } }
h1 { font-size: 16pt; margin: 0 0 1mm; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; border-bottom: 0.4mm solid #444; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; page-break-after: avoid; }
p { margin: 1mm 0; }
.pack { font-size: 11pt; font-weight: bold; }
.meta, .note, .legend { color: #333; font-size: 8.5pt; }
.small { font-size: 8pt; color: #333; }
.mono { font-family: "DejaVu Sans Mono", "Noto Sans Mono", Consolas, monospace; font-size: 8pt; word-break: break-all; }
table { width: 100%; max-width: 100%; border-collapse: collapse; table-layout: fixed; margin: 1mm 0 2mm; }
th, td { border: 0.25mm solid #888; padding: 0.8mm 1mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; word-break: break-word; hyphens: auto; }
th { background: #e8e8e8; font-size: 8pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num { text-align: right; }
td.cell { text-align: center; padding-left: 0.4mm; padding-right: 0.4mm; }
.scorecard { font-size: 8pt; }
.scorecard th { text-align: center; font-size: 8pt; }
.scorecard tr.group th { text-align: left; background: #d8d8d8; }
.w-rank { width: 11mm; } .w-unit { width: 26mm; } .w-count { width: 8mm; } .w-points { width: 13mm; }
.scorecard .value { font-size: 8pt; }
.digests .w-count { width: 14mm; }
.w-code { width: 10mm; } .w-kind { width: 30mm; } .w-weight { width: 16mm; }
.w-title { width: 46mm; } .w-status { width: 24mm; } .w-figure { width: 24mm; } .w-trend { width: 22mm; }
.w-file { width: 40mm; } .w-time { width: 28mm; } .w-who { width: 28mm; }
.s-met { background: #c6efce; } .s-shortfall { background: #ffc7ce; } .s-warning { background: #fcd5b4; }
.s-no-data { background: #ffeb9c; } .s-not-reported { background: #ededed; }
.legend span, .totals span { padding: 0 1mm; white-space: nowrap; }
.unit { break-inside: avoid-page; page-break-inside: avoid; }
.review { margin-top: 1mm; padding: 0.6mm 1mm; border-left: 0.8mm solid #4a7ebb; background: #eef3fa; font-size: 8pt; }
.changed { margin-top: 0.6mm; font-weight: bold; color: #8a1c1c; }
.alert { border: 0.5mm solid #b00; padding: 1mm 3mm; margin: 3mm 0; }
.alert h2 { border: 0; margin-top: 1mm; color: #b00; }
`;

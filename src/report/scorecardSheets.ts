import { formatNumber } from '../evaluate/format';
import { ReviewState } from '../review/reviewState';
import { FillStatus, FindingsCell, FindingsSheet, FindingsSheetRow } from '../xlsx/write/highlightPlan';
import { Consolidation } from './consolidation';
import { formatDateTime } from './formatTime';
import { packLine } from './packLine';
import { ScoreStatus } from './scorecard';
import { actualText, changeText, CHANGED_SINCE_REVIEW, gapText, reviewWord, scoreWord, statusWord, targetText, trendWord } from './words';
import { CONSOLIDATION_WORDS } from '../words/glossary';
import { Lang, Localized } from '../words/lang';

/**
 * Width (characters) of a target's column: its title wraps in the header, its cells hold
 * `Chưa đạt (79,15 %)` on two lines. Narrow enough that seven targets and the counts fit an A4
 * landscape page wide at 75 % (8-point text): wrapping, not shrinking, makes them fit.
 */
const TARGET_COLUMN_WIDTH = 11;

/**
 * The scorecard workbook's sheets, as data: `Bảng tổng hợp` (units × targets, counts, points,
 * rank), every finding with its review, the trend when the tables have periods, and the audit
 * trail. The CLI writes them into a new .xlsx (writeNewWorkbook); the add-in can write the same
 * rows with Office.js.
 */
export function scorecardSheets(c: Consolidation, lang: Lang): FindingsSheet[] {
  const sheets = [scorecardSheet(c, lang), findingsSheet(c, lang)];
  if (c.scorecard.trends.length > 0) sheets.push(trendSheet(c, lang));
  sheets.push(auditSheet(c, lang));
  if (c.workbooks.some((w) => w.audit.reviewLog.length > 0)) sheets.push(reviewLogSheet(c, lang));
  return sheets;
}

export const SCORECARD_SHEET_NAME: Record<Lang, string> = { vi: 'Bảng tổng hợp', en: 'Scorecard' };

/** The scorecard workbook's fixed words, Vietnamese first. */
const WORDS = {
  ...CONSOLIDATION_WORDS,
  softTarget: { vi: ' (chỉ tiêu mềm)', en: ' (soft target)' },
  thisUnitIsAlso: { vi: 'Đơn vị này cũng có trong', en: 'This unit is also in' },
  emulationPledgeScorecard: { vi: 'Bảng tổng hợp kết quả thực hiện chỉ tiêu thi đua', en: 'Emulation pledge scorecard' },
  legend: { vi: 'Chú giải', en: 'Legend' },
  findings: { vi: 'Kết quả chi tiết', en: 'Findings' },
  everyTargetOfEvery: { vi: 'Kết quả từng chỉ tiêu của từng đơn vị, kèm lý do và xét duyệt', en: 'Every target of every unit, with reasons and reviews' },
  checkLog: { vi: 'Nhật ký kiểm tra', en: 'Check log' },
  reviewLogWhoDecided: { vi: 'Nhật ký xét duyệt: ai quyết định gì, lúc nào', en: 'Review log: who decided what, when' },
} satisfies Record<string, Localized>;

/** Column headings, Vietnamese first; each sheet's own list. */
const COLUMNS = {
  /** After the targets' columns on the scorecard. */
  scorecardCounts: {
    vi: ['Đạt', 'Chưa đạt', 'Chỉ tiêu mềm chưa đạt', 'Không có số liệu', 'Không có trong sổ', 'Điểm', 'Tỷ lệ điểm (%)', 'Sổ', 'Ghi chú'],
    en: ['Met', 'Shortfall', 'Soft targets missed', 'No data', 'Not in workbook', 'Points', 'Score (%)', 'Workbook', 'Note'],
  },
  /** After workbook, unit and period on the findings sheet. */
  findings: {
    vi: [
      'Chỉ tiêu',
      'Kết quả',
      'Thực hiện',
      'Chỉ tiêu đặt ra',
      'Còn thiếu',
      'Ô',
      'Lý do',
      'Xét duyệt',
      'Người xét duyệt',
      'Thời gian xét duyệt',
      'Ý kiến xét duyệt',
      'Sau xét duyệt',
    ],
    en: ['Target', 'Status', 'Actual', 'Target value', 'Gap', 'Cell', 'Reason', 'Review', 'Reviewer', 'Reviewed at', 'Review comment', 'Since review'],
  },
  checkLog: {
    vi: ['Sổ', 'Mã băm tệp (SHA-256)', 'Mã băm số liệu đã đọc', 'Số kết quả', 'Số lần xét duyệt', 'Ghi chú'],
    en: ['Workbook', 'File digest (SHA-256)', 'Digest of the figures read', 'Findings', 'Review log entries', 'Note'],
  },
  reviewLog: {
    vi: ['Thời gian', 'Người xét duyệt', 'Sổ', 'Đơn vị', 'Kỳ', 'Chỉ tiêu', 'Xét duyệt', 'Trước đó', 'Kết quả khi xét duyệt', 'Ý kiến'],
    en: ['Time', 'Reviewer', 'Workbook', 'Unit', 'Period', 'Target', 'Review', 'Previously', 'Outcome when reviewed', 'Comment'],
  },
} satisfies Record<string, Record<Lang, readonly string[]>>;

function scorecardSheet(c: Consolidation, lang: Lang): FindingsSheet {
  const sc = c.scorecard;
  const withPeriod = sc.periods.length > 0;
  const lead = [WORDS.rank[lang], WORDS.unit[lang], ...(withPeriod ? [WORDS.period[lang]] : [])];
  const tail = COLUMNS.scorecardCounts[lang];
  const header = [...lead, ...sc.targets.map((t, i) => `${i + 1}. ${t.title[lang]}${t.scored ? '' : WORDS.softTarget[lang]}`), ...tail];
  const rows: FindingsSheetRow[] = sc.rows.map((r) => {
    const cells = r.cells.map((cell) => {
      const value = cell.finding ? actualText(cell.finding, lang, true) : '';
      return cell.status === 'not-reported' ? '—' : `${scoreWord(cell.status, lang)}${value ? ` (${value})` : ''}`;
    });
    const n = r.counts;
    const values: FindingsCell[] = [
      r.rank,
      r.unit,
      ...(withPeriod ? [r.period ?? ''] : []),
      ...cells,
      n.met,
      n.shortfall,
      n.warning,
      n.noData,
      n.notReported,
      r.points,
      Math.round(r.percent * 100) / 100,
      fileName(r.workbook),
      r.alsoIn.length ? `${WORDS.thisUnitIsAlso[lang]} ${r.alsoIn.map(fileName).join(', ')}` : '',
    ];
    const cellStatus: (FillStatus | undefined)[] = [...lead.map(() => undefined), ...r.cells.map((x) => x.status)];
    return { values, cellStatus };
  });
  const legend = (['met', 'shortfall', 'warning', 'no-data', 'not-reported'] as ScoreStatus[])
    .map((s) => (s === 'not-reported' ? `— ${scoreWord(s, lang)}` : scoreWord(s, lang)))
    .join(' · ');
  return {
    name: SCORECARD_SHEET_NAME[lang],
    title: `${WORDS.emulationPledgeScorecard[lang]} — ${sc.pack.title[lang]}`,
    subtitles: [
      `${packLine(c.audit.rulePack, lang)} · ${WORDS.checkedAt[lang]} ${formatDateTime(c.audit.checkedAt)}`,
      scoringLine(c, lang),
      `${WORDS.legend[lang]}: ${legend}`,
    ],
    header,
    rows,
    columnWidths: [5, 18, ...(withPeriod ? [9] : []), ...sc.targets.map(() => TARGET_COLUMN_WIDTH), 6, 6, 7, 7, 7, 6, 7, 10, 12],
    frozenColumns: 2,
  };
}

/** How points are counted, in one line under the title (and in the HTML report). */
export function scoringLine(c: Consolidation, lang: Lang): string {
  const max = formatNumber(c.scorecard.maxPoints, lang);
  const weighted = c.scorecard.targets.some((t) => t.weight !== 1);
  return lang === 'vi'
    ? `Điểm: tổng ${weighted ? 'trọng số' : 'số'} chỉ tiêu bắt buộc đạt (tối đa ${max}); chỉ tiêu mềm, không có số liệu hay không có trong sổ không được điểm; cùng điểm thì cùng hạng${c.scorecard.periods.length ? '; xếp hạng trong từng kỳ' : ''}.`
    : `Points: the ${weighted ? 'weights' : 'number'} of binding targets met (at most ${max}); soft targets, no data and targets not in the workbook score nothing; equal points share a rank${c.scorecard.periods.length ? '; ranked within each period' : ''}.`;
}

function findingsSheet(c: Consolidation, lang: Lang): FindingsSheet {
  const withPeriod = c.scorecard.periods.length > 0;
  const header = [WORDS.workbook[lang], WORDS.unit[lang], ...(withPeriod ? [WORDS.period[lang]] : []), ...COLUMNS.findings[lang]];
  const statusColumn = withPeriod ? 4 : 3;
  const rows: FindingsSheetRow[] = [];
  for (const w of c.workbooks) {
    for (const f of w.findings) {
      const state: ReviewState | undefined = w.reviews.states.get(f);
      const status: ScoreStatus = f.status === 'shortfall' && f.severity === 'warning' ? 'warning' : f.status;
      const values: FindingsCell[] = [
        fileName(w.workbook),
        f.unit,
        ...(withPeriod ? [f.period ?? ''] : []),
        f.title[lang],
        scoreWord(status, lang),
        actualText(f, lang, true),
        targetText(f, lang, true),
        gapText(f, lang, true),
        `${f.sheet}!${f.cell}`,
        f.message[lang],
        state ? reviewWord(state.review.status, lang) : '',
        state?.review.reviewer ?? '',
        state ? formatDateTime(state.review.time) : '',
        state?.review.comment ?? '',
        state?.changed ? `${CHANGED_SINCE_REVIEW[lang]}: ${state.changes.map((x) => changeText(x, lang)).join('; ')}` : '',
      ];
      const cellStatus: (FillStatus | undefined)[] = [];
      cellStatus[statusColumn] = status;
      if (state?.changed) cellStatus[values.length - 1] = 'no-data';
      rows.push({ values, cellStatus });
    }
  }
  return {
    name: WORDS.findings[lang],
    title: WORDS.everyTargetOfEvery[lang],
    header,
    rows,
    // Widths that fit A4 landscape at 75 % with room to spare (see WIDTH_ROOM), with or without
    // the period column (at most 181 characters); long reasons and titles wrap (rows get their height).
    columnWidths: withPeriod ? [12, 15, 9, 20, 9, 9, 9, 9, 10, 28, 10, 10, 10, 10, 10] : [14, 16, 22, 9, 9, 9, 9, 11, 29, 10, 11, 10, 12, 10],
    frozenColumns: withPeriod ? 3 : 2,
  };
}

function trendSheet(c: Consolidation, lang: Lang): FindingsSheet {
  const vi = lang === 'vi';
  const periods = c.scorecard.periods;
  return {
    name: WORDS.trend[lang],
    title: vi
      ? `Điểm theo kỳ (tối đa ${formatNumber(c.scorecard.maxPoints, lang)}) và xu hướng kỳ gần nhất`
      : `Points per period (at most ${formatNumber(c.scorecard.maxPoints, lang)}) and the latest trend`,
    header: [WORDS.unit[lang], WORDS.workbook[lang], ...periods, WORDS.trend[lang]],
    rows: c.scorecard.trends.map((t) => ({
      values: [t.unit, fileName(t.workbook), ...periods.map((p) => t.steps.find((s) => s.period === p)?.points ?? null), trendWord(t.direction, lang)],
    })),
  };
}

function auditSheet(c: Consolidation, lang: Lang): FindingsSheet {
  const rows: FindingsSheetRow[] = c.audit.workbooks.map((w) => ({
    values: [fileName(w.workbook), w.fileDigest ?? '', w.inputsDigest, w.findings, w.reviewLog.length, ''],
  }));
  for (const u of c.unreadable) rows.push({ values: [fileName(u.workbook), '', '', null, null, u.message], status: 'no-data' });
  return {
    name: WORDS.checkLog[lang],
    title: WORDS.checkLog[lang],
    subtitles: [
      `${packLine(c.audit.rulePack, lang)}`,
      `${WORDS.checkedAt[lang]} ${formatDateTime(c.audit.checkedAt)} (${c.audit.checkedAt}) · ${c.audit.tool.name} ${c.audit.tool.version}`,
    ],
    header: [...COLUMNS.checkLog[lang]],
    rows,
    statusColumn: 5,
  };
}

function reviewLogSheet(c: Consolidation, lang: Lang): FindingsSheet {
  const titles = new Map(c.pack.rules.map((r) => [r.id, r.title[lang]] as const));
  const rows: FindingsSheetRow[] = [];
  for (const w of c.workbooks) {
    for (const e of w.audit.reviewLog) {
      rows.push({
        values: [
          formatDateTime(e.time),
          e.reviewer,
          fileName(w.workbook),
          e.unit,
          e.period ?? '',
          titles.get(e.ruleId) ?? e.ruleId,
          reviewWord(e.status, lang),
          e.previousStatus ? reviewWord(e.previousStatus, lang) : '',
          statusWord(e.findingStatus, lang),
          e.comment,
        ],
      });
    }
  }
  return {
    name: WORDS.reviewLog[lang],
    title: WORDS.reviewLogWhoDecided[lang],
    header: [...COLUMNS.reviewLog[lang]],
    rows,
  };
}

/** The file's name without its folder: enough to tell a cluster's workbooks apart in a printed table. */
export function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

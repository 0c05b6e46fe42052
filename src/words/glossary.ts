import { Localized } from './lang';

/**
 * The domain's words, in both languages, said the same way by the terminal, the JSON-free reports
 * (copy, scorecard, HTML) and the task pane. A word said by one of them only stays with it
 * (src/cli/messages.ts, addin/taskpane/strings.ts).
 */

/** A finding's status (FindingStatus). */
export const FINDING_STATUS_WORDS = {
  met: { vi: 'Đạt', en: 'Met' },
  shortfall: { vi: 'Chưa đạt', en: 'Shortfall' },
  'no-data': { vi: 'Không có số liệu', en: 'No data' },
} as const satisfies Record<string, Localized>;

/** A supervisor's decision on a finding (ReviewStatus). */
export const REVIEW_STATUS_WORDS = {
  accepted: { vi: 'Chấp nhận', en: 'Accepted' },
  'needs-explanation': { vi: 'Cần giải trình', en: 'Needs explanation' },
  'data-corrected': { vi: 'Đã sửa số liệu', en: 'Data corrected' },
} as const satisfies Record<string, Localized>;

/** A unit's cell in the scorecard (ScoreStatus): a finding's status, a soft target missed, or a target the workbook lacks. */
export const SCORE_STATUS_WORDS = {
  ...FINDING_STATUS_WORDS,
  warning: { vi: 'Chưa đạt (chỉ tiêu mềm)', en: 'Missed (soft target)' },
  'not-reported': { vi: 'Không có trong sổ', en: 'Not in workbook' },
} as const satisfies Record<string, Localized>;

/** The unit of a gap between two percentages: `2,48 điểm %`, `2.48 pp`. */
export const PERCENTAGE_POINTS: Localized = { vi: 'điểm %', en: 'pp' };

/**
 * The header row an indicator table is found by, as both explanations of "no indicator table"
 * (the CLI's and the add-in's) show it: Vietnamese in either language, as the workbooks write it.
 */
export const PERIOD_HEADER_EXAMPLE = '"Cùng kỳ năm 2023 | Năm 2024"';

/** Words of a cluster's consolidated outputs, said alike by the scorecard workbook and the HTML report. */
export const CONSOLIDATION_WORDS = {
  rank: { vi: 'Hạng', en: 'Rank' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  period: { vi: 'Kỳ', en: 'Period' },
  trend: { vi: 'Xu hướng', en: 'Trend' },
  workbook: { vi: 'Sổ', en: 'Workbook' },
  checkedAt: { vi: 'Kiểm tra lúc', en: 'Checked at' },
  reviewLog: { vi: 'Nhật ký xét duyệt', en: 'Review log' },
} as const satisfies Record<string, Localized>;

import { formatNumber } from '../../src/evaluate/format';
import { FINDING_STATUS_WORDS, REVIEW_STATUS_WORDS } from '../../src/words/glossary';
import { Localized } from '../../src/words/lang';

/**
 * Every fixed text of the pane, Vietnamese first; the domain's words (statuses, decisions) come
 * from the glossary the reports and the CLI use (src/words/glossary.ts). Two tests keep them honest: each has both
 * languages (paneText.test.ts), and a pseudo-localised render finds any text that did not come
 * from here or from the data (pseudoLocale.test.ts).
 */
export const STRINGS = {
  title: { vi: 'Kiểm tra chỉ tiêu thi đua', en: 'Pledge target check' },
  intro: {
    vi: 'Kiểm tra các bảng chỉ tiêu trong sổ đang mở; ô chưa đạt tô đỏ, ô không có số liệu tô vàng, lý do ghi vào ô.',
    en: 'Checks the indicator tables of the open workbook; shortfalls turn red, missing data amber, with the reason on the cell.',
  },
  introPreview: {
    vi: 'Bản xem trước chạy ngay trên trình duyệt, không cần Excel: chọn một sổ .xlsx để kiểm tra và tải về bản sao đã tô màu.',
    en: 'A preview that runs in the browser, no Excel needed: pick an .xlsx workbook to check it and download a highlighted copy.',
  },
  languageSwitch: { vi: 'English', en: 'Tiếng Việt' },
  languageSwitchLabel: { vi: 'Chuyển sang tiếng Anh', en: 'Switch to Vietnamese' },

  packLabel: { vi: 'Bộ quy tắc', en: 'Rule pack' },
  packOpen: { vi: 'Mở tệp .json…', en: 'Open .json file…' },
  packOpenLabel: { vi: 'Mở bộ quy tắc từ tệp .json trên máy', en: 'Open a rule pack from a .json file on this computer' },
  packFilePrefix: { vi: 'Tệp', en: 'File' },
  packStoredRefused: {
    vi: 'Bộ quy tắc đã lưu trong sổ không dùng được nữa; đang dùng bộ mặc định.',
    en: 'The rule pack saved in this workbook can no longer be used; the default pack is in use.',
  },
  packNotRemembered: {
    vi: 'Không lưu được lựa chọn bộ quy tắc vào sổ (sổ chỉ đọc?); lựa chọn chỉ giữ đến khi đóng ngăn.',
    en: 'Could not save the rule pack choice in the workbook (read-only?); it lasts until the pane is closed.',
  },
  packFileUnreadable: { vi: 'Không đọc được tệp đã chọn.', en: 'The chosen file could not be read.' },

  check: { vi: 'Kiểm tra', en: 'Check targets' },
  clear: { vi: 'Xóa tô màu', en: 'Clear highlights' },
  checking: { vi: 'Đang kiểm tra…', en: 'Checking…' },
  clearing: { vi: 'Đang xóa tô màu…', en: 'Clearing…' },
  checkAgain: { vi: 'Kiểm tra lại', en: 'Check again' },

  stepSheets: { vi: 'Đọc danh sách trang và bảng', en: 'Reading the sheets and tables' },
  stepRanges: { vi: 'Tìm vùng có dữ liệu', en: 'Finding the used ranges' },
  stepCells: { vi: 'Đọc các ô', en: 'Reading the cells' },
  stepEvaluate: { vi: 'Tìm bảng chỉ tiêu và đối chiếu', en: 'Finding the tables and evaluating' },
  stepHighlight: { vi: 'Tô màu và ghi lý do', en: 'Writing highlights and reasons' },
  stepFile: { vi: 'Đọc tệp', en: 'Reading the file' },
  stepSheetView: { vi: 'Hiển thị trang tính', en: 'Drawing the sheet' },
  progressLabel: { vi: 'Tiến độ', en: 'Progress' },

  summaryTitle: { vi: 'Tổng hợp theo đơn vị', en: 'Summary by unit' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  total: { vi: 'Cộng', en: 'Total' },
  statusMet: FINDING_STATUS_WORDS.met,
  statusShortfall: FINDING_STATUS_WORDS.shortfall,
  statusNoData: FINDING_STATUS_WORDS['no-data'],

  filtersTitle: { vi: 'Lọc kết quả', en: 'Filter findings' },
  filterStatus: { vi: 'Kết quả', en: 'Status' },
  filterUnit: { vi: 'Đơn vị', en: 'Unit' },
  allUnits: { vi: 'Tất cả đơn vị', en: 'All units' },
  nothingMatches: { vi: 'Không có kết quả nào khớp bộ lọc.', en: 'No finding matches the filters.' },

  findings: { vi: 'Kết quả theo đơn vị', en: 'Findings by unit' },
  actual: { vi: 'Thực hiện', en: 'Actual' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  gap: { vi: 'Còn thiếu', en: 'Gap' },
  cell: { vi: 'Ô', en: 'Cell' },
  goToHint: { vi: 'Nhấn để chọn ô này trên trang tính.', en: 'Press to select this cell in the sheet.' },

  writeScorecard: { vi: 'Ghi Bảng tổng hợp', en: 'Write scorecard' },
  writingScorecard: { vi: 'Đang ghi Bảng tổng hợp vào sổ…', en: 'Writing the scorecard into the workbook…' },

  filterUnreviewed: { vi: 'Chưa xét duyệt', en: 'Unreviewed' },
  filterUnreviewedHint: {
    vi: 'Chỉ hiện kết quả chưa đạt hoặc không có số liệu chưa được xét duyệt, hay có số liệu đã thay đổi sau khi xét duyệt.',
    en: 'Only shortfalls and no-data findings that have no review, or whose figures changed since their review.',
  },
  reviewOpen: { vi: 'Xét duyệt…', en: 'Review…' },
  reviewAgain: { vi: 'Xét duyệt lại…', en: 'Review again…' },
  reviewAccepted: REVIEW_STATUS_WORDS.accepted,
  reviewNeedsExplanation: REVIEW_STATUS_WORDS['needs-explanation'],
  reviewDataCorrected: REVIEW_STATUS_WORDS['data-corrected'],
  reviewDecision: { vi: 'Kết luận xét duyệt', en: 'Decision' },
  reviewComment: { vi: 'Ý kiến (không bắt buộc)', en: 'Comment (optional)' },
  reviewCommentHint: { vi: 'Ctrl+Enter để lưu, Esc để hủy.', en: 'Ctrl+Enter saves, Esc cancels.' },
  reviewerName: { vi: 'Họ tên người xét duyệt', en: 'Reviewer’s name' },
  reviewerNameHint: {
    vi: 'Chỉ hỏi lần đầu: tên được nhớ trên máy này (không lưu vào cài đặt của sổ) và ghi kèm mỗi xét duyệt.',
    en: 'Asked the first time only: remembered on this computer (not in the workbook’s settings) and recorded with each review.',
  },
  reviewerIs: { vi: 'Người xét duyệt:', en: 'Reviewer:' },
  reviewerChange: { vi: 'Đổi tên', en: 'Change name' },
  reviewSave: { vi: 'Lưu xét duyệt', en: 'Save review' },
  reviewCancel: { vi: 'Hủy', en: 'Cancel' },
  reviewSaving: { vi: 'Đang lưu xét duyệt vào sổ…', en: 'Saving the review in the workbook…' },
  reviewChooseDecision: { vi: 'Hãy chọn một kết luận.', en: 'Choose a decision.' },
  reviewNeedName: { vi: 'Hãy nhập họ tên người xét duyệt.', en: 'Enter the reviewer’s name.' },
  reviewNameForgotten: {
    vi: 'Máy này không cho lưu tên người xét duyệt (bộ nhớ trình duyệt bị chặn): tên chỉ được nhớ đến khi đóng ngăn.',
    en: 'This computer does not let the reviewer’s name be stored (browser storage is blocked): it is remembered until the pane is closed.',
  },
  reviewedBy: { vi: 'Xét duyệt bởi', en: 'Reviewed by' },
  changedSinceReview: { vi: 'Đã thay đổi sau xét duyệt', en: 'Changed since review' },
  changedSinceReviewHint: {
    vi: 'Số liệu khác với lúc xét duyệt; kết luận có thể không còn đúng:',
    en: 'The figures differ from those reviewed; the decision may no longer hold:',
  },

  pointOpen: { vi: 'Chỉ ô số liệu…', en: 'Point to the figure…' },
  pointOpenHint: {
    vi: 'Cho Pledge Check biết số liệu nằm ở ô nào; chỉ lưu chỗ đọc vào sổ, không bao giờ sửa giá trị.',
    en: 'Tell Pledge Check which cell holds the figure; only where to read is stored in the workbook, no value is ever changed.',
  },
  pointPromptChoose: {
    vi: 'Chọn trên trang tính ô chứa số liệu (hoặc nhãn dòng, tiêu đề cột của nó), cho biết đó là chỉ tiêu nào, rồi bấm Dùng ô đang chọn; Esc để hủy.',
    en: 'Select the cell holding the figure in the sheet (or its row label or column heading), say which indicator it is, then press Use selected cell; Esc cancels.',
  },
  pointUse: { vi: 'Dùng ô đang chọn', en: 'Use selected cell' },
  pointCancel: { vi: 'Hủy', en: 'Cancel' },
  pointTargetLabel: { vi: 'Ô đang chọn là', en: 'The selected cell is' },
  pointCurrent: { vi: 'Cột số liệu kỳ này', en: 'The current period’s column' },
  pointBaseline: { vi: 'Cột số liệu cùng kỳ', en: 'The comparison period’s column' },
  pointSaving: { vi: 'Đang lưu chỉ ô số liệu vào sổ…', en: 'Storing where the figure is in the workbook…' },

  notInExcel: {
    vi: 'Trang này chạy trong Excel: hãy mở phần bổ trợ từ thẻ Trang đầu.',
    en: 'This page runs inside Excel: open the add-in from the Home tab.',
  },

  previewBadge: { vi: 'Xem trước', en: 'Preview' },
  dropPrompt: { vi: 'Kéo thả sổ .xlsx vào đây', en: 'Drop an .xlsx workbook here' },
  dropOr: { vi: 'hoặc', en: 'or' },
  pickFile: { vi: 'Chọn tệp…', en: 'Choose a file…' },
  pickFileLabel: { vi: 'Chọn sổ Excel .xlsx để kiểm tra', en: 'Choose an Excel .xlsx workbook to check' },
  dropPrivacy: {
    vi: 'Tệp chỉ được đọc trên máy này, không gửi đi đâu.',
    en: 'The file is read on this computer only; it is not sent anywhere.',
  },
  download: { vi: 'Tải bản sao đã tô màu', en: 'Download the highlighted copy' },
  sheetTitle: { vi: 'Trang tính', en: 'Sheet' },
  sheetLegend: {
    vi: 'Đỏ: chưa đạt · Vàng: không có số liệu. Di chuột hoặc chọn ô để xem lý do.',
    en: 'Red: shortfall · Amber: no data. Hover over or focus a cell for the reason.',
  },
  stepTables: { vi: 'Tìm bảng chỉ tiêu', en: 'Finding the indicator tables' },
  stepTargets: { vi: 'Đối chiếu chỉ tiêu', en: 'Evaluating the targets' },
  stale: { vi: 'Đang đọc sổ mới; kết quả cũ đã được xóa.', en: 'Reading the new workbook; the previous results were cleared.' },
  targetsTitle: { vi: 'Tổng hợp theo chỉ tiêu', en: 'Summary by target' },
  targetColumn: { vi: 'Chỉ tiêu', en: 'Target' },
  notInWorkbook: { vi: 'Không có trong sổ này', en: 'Not in this workbook' },
  notInWorkbookHint: {
    vi: 'Sổ không có dòng hay cột số liệu mà chỉ tiêu này cần, nên chỉ tiêu không được kiểm tra.',
    en: 'The workbook has no row or column with the figures this target needs, so it was not checked.',
  },
  showMore: { vi: 'Hiện thêm', en: 'Show more' },
  backToList: { vi: 'Quay lại danh sách', en: 'Back to the list' },
  backToListHint: { vi: 'Esc: quay lại kết quả vừa chọn.', en: 'Esc: back to the finding you chose.' },
  rowsPrevious: { vi: 'Các dòng trước', en: 'Previous rows' },
  rowsNext: { vi: 'Các dòng sau', en: 'Next rows' },
  columnsPrevious: { vi: 'Các cột trước', en: 'Previous columns' },
  columnsNext: { vi: 'Các cột sau', en: 'Next columns' },
  trySample: { vi: 'Dùng thử sổ mẫu', en: 'Try a sample workbook' },
  helpLink: { vi: 'Hướng dẫn sử dụng', en: 'Help' },
  previewLoading: { vi: 'Đang tải phần xem trước…', en: 'Loading the preview…' },
  notXlsx: {
    vi: 'Tệp này không phải sổ Excel .xlsx (sổ .xls cũ hãy lưu lại thành .xlsx trước).',
    en: 'This file is not an Excel .xlsx workbook (save an old .xls as .xlsx first).',
  },
} satisfies Record<string, Localized>;

export type StringKey = keyof typeof STRINGS;

/** Texts with figures or names in them. */
export const FORMATS = {
  packInfo: (rules: number, version: string): Localized => ({ vi: `${rules} chỉ tiêu · phiên bản ${version}`, en: `${rules} targets · version ${version}` }),
  packRefused: (file: string): Localized => ({
    vi: `Không dùng được bộ quy tắc ${file}; vẫn dùng bộ đang chọn. Các lỗi (như pledge-check lint):`,
    en: `Rule pack ${file} was refused; the current pack stays in use. Problems (as pledge-check lint reports them):`,
  }),
  step: (n: number, of: number): Localized => ({ vi: `Bước ${n}/${of}`, en: `Step ${n} of ${of}` }),
  cellsRead: (cells: number, sheets: number): Localized => ({
    vi: `${formatNumber(cells, 'vi')} ô trên ${sheets} trang`,
    en: `${formatNumber(cells, 'en')} cells on ${sheets} sheet(s)`,
  }),
  rowsShown: (shown: number, total: number): Localized => ({
    vi: `Hiển thị ${formatNumber(shown, 'vi')}/${formatNumber(total, 'vi')} dòng đầu.`,
    en: `Showing the first ${formatNumber(shown, 'en')} of ${formatNumber(total, 'en')} rows.`,
  }),
  sheetWindow: (first: number, last: number, total: number, columns?: { first: string; last: string; total: number }): Localized => ({
    vi: `Dòng ${formatNumber(first, 'vi')}–${formatNumber(last, 'vi')} trên ${formatNumber(total, 'vi')}${columns ? `, cột ${columns.first}–${columns.last} trên ${formatNumber(columns.total, 'vi')}` : ''}.`,
    en: `Rows ${formatNumber(first, 'en')}–${formatNumber(last, 'en')} of ${formatNumber(total, 'en')}${columns ? `, columns ${columns.first}–${columns.last} of ${formatNumber(columns.total, 'en')}` : ''}.`,
  }),
  moreLeft: (page: number, left: number): Localized => ({
    vi: `Hiện thêm ${formatNumber(page, 'vi')} (còn ${formatNumber(left, 'vi')})`,
    en: `Show ${formatNumber(page, 'en')} more (${formatNumber(left, 'en')} left)`,
  }),
  topUnits: (shown: number, total: number): Localized => ({
    vi: `${shown} đơn vị có nhiều chỉ tiêu chưa đạt nhất, trong ${formatNumber(total, 'vi')} đơn vị; chọn một đơn vị ở bộ lọc để xem riêng.`,
    en: `The ${shown} units with the most shortfalls, of ${formatNumber(total, 'en')}; choose a unit in the filter to see it alone.`,
  }),
  unitsChecked: (done: number, total: number): Localized => ({
    vi: `${formatNumber(done, 'vi')}/${formatNumber(total, 'vi')} đơn vị`,
    en: `${formatNumber(done, 'en')} of ${formatNumber(total, 'en')} units`,
  }),
  checkFailed: (file: string): Localized => ({
    vi: `Không kiểm tra được ${file} do lỗi của chương trình; hãy thử lại, nếu vẫn lỗi hãy gửi tệp cho người quản trị.`,
    en: `${file} could not be checked because of a fault in the program; try again, and if it persists send the file to your administrator.`,
  }),
  previewChecked: (file: string, tables: number, short: number, none: number, met: number): Localized => ({
    vi: `${file}: ${tables} bảng chỉ tiêu, ${formatNumber(short, 'vi')} chưa đạt, ${formatNumber(none, 'vi')} không có số liệu, ${formatNumber(met, 'vi')} đạt.`,
    en: `${file}: ${tables} indicator table(s), ${formatNumber(short, 'en')} shortfall, ${formatNumber(none, 'en')} no data, ${formatNumber(met, 'en')} met.`,
  }),
  readFailed: (file: string, detail: Localized): Localized => ({ vi: `Không đọc được ${file}: ${detail.vi}.`, en: `Could not read ${file}: ${detail.en}.` }),
  copyName: (base: string): Localized => ({ vi: `${base}-kiem-tra.xlsx`, en: `${base}-checked.xlsx` }),
  findingsOf: (unit: string): Localized => ({ vi: `Kết quả của ${unit}`, en: `Findings of ${unit}` }),
  reviewSaved: (decision: Localized, title: string, unit: string): Localized => ({
    vi: `Đã lưu xét duyệt "${decision.vi}" cho ${unit} — ${title} vào sổ.`,
    en: `Review "${decision.en}" saved in the workbook for ${unit} — ${title}.`,
  }),
  reviewFormOf: (title: string, unit: string): Localized => ({ vi: `Xét duyệt: ${unit} — ${title}`, en: `Review: ${unit} — ${title}` }),
  pointPrompt: (indicator: Localized): Localized => ({
    vi: `Chọn trên trang tính ô chứa số liệu "${indicator.vi}" (hoặc nhãn dòng, tiêu đề cột của nó), rồi bấm Dùng ô đang chọn; Esc để hủy.`,
    en: `Select the cell holding the figure for "${indicator.en}" in the sheet (or its row label or column heading), then press Use selected cell; Esc cancels.`,
  }),
  pointIndicator: (indicator: Localized): Localized => ({ vi: `Chỉ tiêu "${indicator.vi}"`, en: `The indicator "${indicator.en}"` }),
  pointFormOf: (title: string, unit: string): Localized => ({ vi: `Chỉ ô số liệu: ${unit} — ${title}`, en: `Point to the figure: ${unit} — ${title}` }),
  pointTargetFormOf: (title: Localized): Localized => ({ vi: `Chỉ ô số liệu: ${title.vi}`, en: `Point to the figure: ${title.en}` }),
} satisfies Record<string, (...args: never[]) => Localized>;

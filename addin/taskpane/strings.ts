import { Localized } from '../../src/packs/rulePack';

/** Every fixed text of the pane, Vietnamese first. A test checks that none is left untranslated. */
export const STRINGS = {
  title: { vi: 'Kiểm tra chỉ tiêu thi đua', en: 'Pledge target check' },
  intro: {
    vi: 'Kiểm tra các bảng chỉ tiêu trong sổ đang mở; ô chưa đạt tô đỏ, ô không có số liệu tô vàng, lý do ghi vào ô.',
    en: 'Checks the indicator tables of the open workbook; shortfalls turn red, missing data amber, with the reason on the cell.',
  },
  check: { vi: 'Kiểm tra', en: 'Check targets' },
  clear: { vi: 'Xóa tô màu', en: 'Clear highlights' },
  working: { vi: 'Đang kiểm tra…', en: 'Checking…' },
  clearing: { vi: 'Đang xóa tô màu…', en: 'Clearing…' },
  findings: { vi: 'Kết quả theo đơn vị', en: 'Findings by unit' },
  actual: { vi: 'Thực hiện', en: 'Actual' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  goTo: { vi: 'Đến ô', en: 'Go to cell' },
  otherLanguage: { vi: 'English', en: 'Tiếng Việt' },
  notInExcel: {
    vi: 'Trang này chạy trong Excel: hãy mở phần bổ trợ từ thẻ Trang đầu.',
    en: 'This page runs inside Excel: open the add-in from the Home tab.',
  },
} satisfies Record<string, Localized>;

export type StringKey = keyof typeof STRINGS;

import { BINDINGS_NAMESPACE } from '../../src/bindings/bindingsXml';
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { Finding } from '../../src/evaluate/finding';
import { defaultPack } from '../../src/packs/builtinPacks';
import { REVIEWS_NAMESPACE } from '../../src/review/reviewXml';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { checkWorkbook } from '../../addin/excel/checkWorkbook';
import { Cell, xlsxPackage } from '../badInput/corpus';
import { FakeExcel } from './fakeExcel/fakeExcel';
import { FakeWorkbook } from './fakeExcel/fakeWorkbook';
import { fakeFor } from './helpers';

/**
 * The workbook of the bindings tests: a unit's report lists the criminal offences twice (its own
 * count and the investigation department's), so the reader cannot tell which figure counts and
 * the targets reading it have no data until a person points to one.
 */

export const SHEET = 'Báo cáo';
export const OWN = 'Số vụ phạm pháp hình sự';
export const PC02 = 'Số vụ phạm pháp hình sự (số liệu của Phòng PC02)';
export const ROWS: Cell[][] = [
  ['CÔNG AN TỈNH THANH HÓA', null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
  ['PHÒNG THAM MƯU'],
  ['BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU GIAO ƯỚC THI ĐUA NĂM 2024'],
  ['STT', 'Nội dung chỉ tiêu', 'Đơn vị tính', 'Cùng kỳ năm 2023', 'Năm 2024', 'Ghi chú'],
  ['1', '2', '3', '4', '5', '6'],
  ['I', 'TÌNH HÌNH TỘI PHẠM'],
  [null, OWN, 'vụ', 1000, 940], // row 7: −6 %, meets "down 5 %"
  [null, PC02, 'vụ', 1000, 990], // row 8: −1 %, a shortfall
  [null, 'Số vụ phạm pháp hình sự đã điều tra khám phá', 'vụ', 900, 800],
  ['II', 'TAI NẠN GIAO THÔNG'],
  [null, 'Số người chết', 'người', 100, 80],
  ['III', 'CÔNG TÁC KHÁC'],
  [null, 'Số vụ bị kết án sai', 'vụ', 0, 0], // row 13: wrongful convictions, in words the pack does not know
];
export const BYTES = xlsxPackage({ sheets: [{ name: SHEET, rows: ROWS }] });
export const RULE = 'criminal-cases-down-5pct';
export const FOREIGN = '<data xmlns="urn:example:someone-else"><keep>as is</keep></data>';

export const pack = defaultPack();
export const checker = () => new PledgeChecker(pack);

export function workbookState(): FakeWorkbook {
  const state = fakeFor(readWorkbook(BYTES));
  // Another add-in's part and the reviews part: never touched by bindings.
  state.xmlParts.push({ id: 'xml-foreign', xml: FOREIGN }, { id: 'xml-reviews', xml: `<reviews xmlns="${REVIEWS_NAMESPACE}"/>` });
  return state;
}

/** The person clicks a cell in Excel. */
export function select(state: FakeWorkbook, a1: string): void {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  state.activeCell = { sheet: SHEET, row: Number(m[2]) - 1, col: m[1].charCodeAt(0) - 65 };
}

export const bindingParts = (state: FakeWorkbook) => state.xmlParts.filter((p) => p.xml.includes(BINDINGS_NAMESPACE));
export const finding = (findings: ReadonlyArray<Finding>, rule = RULE) => findings.find((f) => f.ruleId === rule)!;

export async function checkIn(state: FakeWorkbook) {
  const fake = new FakeExcel(state);
  const outcome = await checkWorkbook(fake.context, checker(), 'vi', { notes: true, comments: true });
  return { fake, outcome };
}

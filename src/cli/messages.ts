import { formatNumber } from '../evaluate/format';
import { PERIOD_HEADER_EXAMPLE } from '../words/glossary';
import { Localized } from '../words/lang';

/**
 * What the command line says in its own words, Vietnamese first: each a function of what it names,
 * returning both languages (as addin/messages.ts does for the add-in). The domain's words come from
 * src/words/glossary.ts; the reports say their own.
 */

/** `Usage error: … See: pledge-check --help`. */
export function usageError(why: Localized): Localized {
  return { vi: `Lỗi cách dùng: ${why.vi}. Xem: pledge-check --help`, en: `Usage error: ${why.en}. See: pledge-check --help` };
}

/** `file: why.`: a file refused for a reason said elsewhere (a damaged workbook, an unreadable pack). */
export function fileRefused(file: string, why: Localized): Localized {
  return { vi: `${file}: ${why.vi}.`, en: `${file}: ${why.en}.` };
}

export function outNeedsOneFile(): Localized {
  return { vi: '--out chỉ dùng được khi kiểm tra một tệp.', en: '--out can only be used when checking one file.' };
}

export function workbookEmpty(file: string): Localized {
  return { vi: `${file}: sổ làm việc trống, không có ô nào có dữ liệu.`, en: `${file}: the workbook is empty; no cell holds anything.` };
}

/** No table found: what was looked for, and the two ways to find out why. */
export function noIndicatorTable(file: string, packId: string): Localized {
  return {
    vi: `${file}: không tìm thấy bảng chỉ tiêu nào (đã tìm các dòng tiêu đề có kỳ báo cáo như ${PERIOD_HEADER_EXAMPLE} và nhãn chỉ tiêu của bộ "${packId}"); "pledge-check explain" cho biết đã đọc những gì, --bind chỉ cột kỳ hay ô số liệu.`,
    en: `${file}: no indicator table found (looked for header rows with periods such as ${PERIOD_HEADER_EXAMPLE} and the indicator labels of pack "${packId}"); "pledge-check explain" shows what was read, --bind points to a period column or a figure.`,
  };
}

export function scorecardWritten(file: string, units: number): Localized {
  return { vi: `Đã ghi Bảng tổng hợp: ${file} (${units} đơn vị)`, en: `Scorecard written: ${file} (${units} units)` };
}

export function reportWritten(file: string): Localized {
  return { vi: `Đã ghi báo cáo HTML: ${file}`, en: `HTML report written: ${file}` };
}

export function signatureNotFound(file: string): Localized {
  return { vi: `--signature ${file}: không tìm thấy tệp.`, en: `--signature ${file}: file not found.` };
}

export function signatureUnusable(file: string, why: Localized): Localized {
  return { vi: `--signature ${file}: ${why.vi}.`, en: `--signature ${file}: ${why.en}.` };
}

export function reviewsIgnored(file: string, why: Localized): Localized {
  return { vi: `${file}: bỏ qua phần xét duyệt vì ${why.vi}.`, en: `${file}: reviews ignored because ${why.en}.` };
}

export function noSuchTarget(packId: string, rule: string, ids: string): Localized {
  return {
    vi: `--rule: bộ quy tắc "${packId}" không có chỉ tiêu "${rule}" (có: ${ids}).`,
    en: `--rule: pack "${packId}" has no target "${rule}" (it has: ${ids}).`,
  };
}

/** An empty list of names. */
export const NONE: Localized = { vi: 'không có', en: 'none' };

export function noFindingOfUnit(workbook: string, rule: string, unit: string, units: string): Localized {
  return {
    vi: `${workbook}: không có kết quả chỉ tiêu "${rule}" của đơn vị "${unit}" (các đơn vị có: ${units}).`,
    en: `${workbook}: no finding of target "${rule}" for unit "${unit}" (units found: ${units}).`,
  };
}

export function noSuchPeriod(workbook: string, unit: string, period: string | undefined, periods: string): Localized {
  return {
    vi: `${workbook}: đơn vị "${unit}" không có kỳ "${period}" (các kỳ có: ${periods}).`,
    en: `${workbook}: unit "${unit}" has no period "${period}" (periods found: ${periods}).`,
  };
}

export function severalPeriods(workbook: string, unit: string, periods: string): Localized {
  return {
    vi: `${workbook}: đơn vị "${unit}" có nhiều kỳ; chọn một bằng --period (${periods}).`,
    en: `${workbook}: unit "${unit}" has several periods; pick one with --period (${periods}).`,
  };
}

export function reviewNotRecorded(workbook: string, why: Localized): Localized {
  return { vi: `${workbook}: không ghi được xét duyệt vì ${why.vi}.`, en: `${workbook}: cannot record the review because ${why.en}.` };
}

/** `what` is the finding (target — unit (period)) and `status` its status word, both already in the language asked for. */
export function reviewRecorded(decision: string, what: string, status: string, reviewer: string, out: string, logEntries: number): Localized {
  return {
    vi: `Đã ghi xét duyệt "${decision}" cho ${what} [${status}], người xét duyệt ${reviewer}, vào ${out} (${logEntries} mục trong nhật ký).`,
    en: `Review "${decision}" recorded for ${what} [${status}] by ${reviewer} in ${out} (${logEntries} log entries).`,
  };
}

export function fileNotFound(file: string): Localized {
  return { vi: `${file}: không tìm thấy tệp.`, en: `${file}: file not found.` };
}

export function fileTooLarge(file: string, mb: number, limitMb: number): Localized {
  return {
    vi: `${file}: tệp quá lớn (${mb} MB) để là một sổ làm việc, giới hạn là ${limitMb} MB.`,
    en: `${file}: the file is too large (${mb} MB) to be a workbook; the limit is ${limitMb} MB.`,
  };
}

export function isFolder(file: string): Localized {
  return { vi: `${file}: là một thư mục, không phải tệp .xlsx.`, en: `${file}: is a folder, not an .xlsx file.` };
}

export function notRegularFile(file: string): Localized {
  return {
    vi: `${file}: không phải là một tệp thông thường (thiết bị, ống dẫn hay socket), nên không được đọc như một sổ làm việc.`,
    en: `${file}: is not a regular file (a device, pipe or socket), so it is not read as a workbook.`,
  };
}

export function cannotReadFile(file: string, code: string): Localized {
  return { vi: `${file}: không đọc được tệp (${code}).`, en: `${file}: cannot read the file (${code}).` };
}

/** A file named .xls that is one: the old format itself, and how to convert it. */
export function oldExcelFormat(file: string): Localized {
  return {
    vi: `${file}: tệp là sổ Excel 97-2003 (.xls), định dạng cũ không đọc được; hãy mở bằng Excel và lưu lại dưới dạng Sổ làm việc Excel (.xlsx) (Tệp > Lưu thành), hoặc chuyển bằng LibreOffice: soffice --headless --convert-to xlsx "${file}".`,
    en: `${file}: the file is an Excel 97-2003 workbook (.xls), the old format, which is not read; open it in Excel and save it as an Excel Workbook (.xlsx) (File > Save As), or convert it with LibreOffice: soffice --headless --convert-to xlsx "${file}".`,
  };
}

export function cannotReadWorkbook(file: string, detail: string): Localized {
  return { vi: `${file}: không đọc được sổ làm việc (${detail}).`, en: `${file}: cannot read the workbook (${detail}).` };
}

export function outIsInput(out: string): Localized {
  return {
    vi: `${out}: --out không được trùng tệp gốc; tệp gốc không bao giờ bị ghi đè.`,
    en: `${out}: --out must not be the input file; the input is never overwritten.`,
  };
}

export function copyWritten(out: string, marks: number): Localized {
  return { vi: `Đã ghi bản sao tô màu: ${out} (${marks} ô được đánh dấu)`, en: `Highlighted copy written: ${out} (${marks} cells marked)` };
}

/** Past `cap` marked cells the reasons are on the findings sheet, not in notes. */
export function reasonsOnFindingsSheet(cap: number, sheet: string): Localized {
  return {
    vi: `Vì có hơn ${formatNumber(cap, 'vi', 0)} ô được đánh dấu, lý do không được ghi vào ghi chú của từng ô mà nằm ở trang "${sheet}" của bản sao, mỗi kết quả một dòng kèm liên kết tới ô.`,
    en: `With more than ${formatNumber(cap, 'en', 0)} cells marked, the reasons are not attached as notes to each cell: they are on the copy's "${sheet}" sheet, one row per finding with a link to its cell.`,
  };
}

/** Said when the workbook has no room for another cell format (Excel's limit of `cap`). */
export function cellFormatLimit(unfilled: number, cap: number, sheet: string): Localized {
  return {
    vi: `Sổ đã có đủ ${formatNumber(cap, 'vi', 0)} định dạng ô, giới hạn của Excel, nên ${formatNumber(unfilled, 'vi', 0)} ô không được tô màu (định dạng của chúng giữ nguyên); lý do của mọi kết quả vẫn nằm ở trang "${sheet}" của bản sao.`,
    en: `The workbook already has Excel's limit of ${formatNumber(cap, 'en', 0)} cell formats, so ${formatNumber(unfilled, 'en', 0)} cells are not filled (their formats are kept); every finding's reason is still on the copy's "${sheet}" sheet.`,
  };
}

export function noSamples(folder: string): Localized {
  return { vi: `${folder}: không có sổ mẫu nào.`, en: `${folder}: no sample workbooks.` };
}

export function demoWritten(folder: string): Localized {
  return {
    vi: `Bảng tổng hợp (tong-hop.xlsx), báo cáo HTML (bao-cao.html), bản sao tô màu và kết quả JSON nằm trong ${folder}`,
    en: `The scorecard (tong-hop.xlsx), the HTML report (bao-cao.html), highlighted copies and JSON findings are in ${folder}`,
  };
}

/** `--bind: why.`: a `--bind` argument that cannot be read. */
export function bindRefused(why: Localized): Localized {
  return { vi: `--bind: ${why.vi}.`, en: `--bind: ${why.en}.` };
}

/** `file: --bind Sheet!C5=target: why.`: a `--bind` that does not fit this workbook. */
export function bindNotResolved(file: string, spec: string, why: Localized): Localized {
  return { vi: `${file}: --bind ${spec}: ${why.vi}.`, en: `${file}: --bind ${spec}: ${why.en}.` };
}

export function bindingsFileUnreadable(file: string, why: string): Localized {
  return { vi: `${file}: không đọc được tệp chỉ ô số liệu (${why}).`, en: `${file}: cannot read the bindings file (${why}).` };
}

export function bindingsFileNotJson(file: string, line: number, column: number, code: string): Localized {
  return {
    vi: `${file}:${line}:${column}: tệp chỉ ô số liệu không phải JSON hợp lệ (${code}).`,
    en: `${file}:${line}:${column}: the bindings file is not valid JSON (${code}).`,
  };
}

export function bindingsFileNotAList(file: string): Localized {
  return { vi: `${file}: cần { "bindings": [ … ] }.`, en: `${file}: expected { "bindings": [ … ] }.` };
}

/** `entry` counts from 1, as people count the entries of a list. */
export function bindingsEntryIncomplete(file: string, entry: number): Localized {
  return {
    vi: `${file}: mục ${entry} cần "sheet", "label" hoặc "cell", và "indicator" hoặc "period" (current / baseline).`,
    en: `${file}: entry ${entry} needs "sheet", "label" or "cell", and "indicator" or "period" (current / baseline).`,
  };
}

export function folderUnreadable(folder: string, code: string): Localized {
  return { vi: `${folder}: không đọc được thư mục (${code}).`, en: `${folder}: cannot read the folder (${code}).` };
}

export function folderHasNoWorkbook(folder: string): Localized {
  return { vi: `${folder}: thư mục không có tệp .xlsx hay .xlsm nào.`, en: `${folder}: the folder has no .xlsx or .xlsm file.` };
}

/** An output that would land on an input: inputs are never overwritten. */
export function outputOnInput(path: string, flag: string, input: 'workbook' | 'rules' | 'bindings', inputPath: string): Localized {
  if (input === 'workbook' && flag === '--out') {
    return {
      vi: `${path}: --out không được trùng tệp gốc; tệp gốc không bao giờ bị ghi đè.`,
      en: `${path}: --out must not be the input file; the input is never overwritten.`,
    };
  }
  if (input === 'workbook') {
    return {
      vi: `${path}: tệp ghi ra không được trùng sổ đang kiểm tra; tệp gốc không bao giờ bị ghi đè.`,
      en: `${path}: an output must not be a workbook being checked; inputs are never overwritten.`,
    };
  }
  const what = input === 'rules' ? { vi: 'bộ quy tắc', en: 'the rule pack' } : { vi: 'tệp chỉ ô số liệu', en: 'the bindings file' };
  return {
    vi: `${path}: ${flag} không được trùng ${what.vi} ${inputPath}; tệp đầu vào không bao giờ bị ghi đè.`,
    en: `${path}: ${flag} must not be ${what.en} ${inputPath}; inputs are never overwritten.`,
  };
}

export function outputIsFolder(path: string): Localized {
  return { vi: `${path}: là một thư mục; không ghi được tệp (EISDIR).`, en: `${path}: is a folder; cannot write the file (EISDIR).` };
}

export function cannotWriteFile(path: string, code: string): Localized {
  return { vi: `${path}: không ghi được tệp (${code}).`, en: `${path}: cannot write the file (${code}).` };
}

export function outputsShareFile(path: string, flag: string, otherFlag: string): Localized {
  return {
    vi: `${path}: ${flag} và ${otherFlag} cùng chỉ tới một tệp; mỗi tệp ghi ra phải là một tệp riêng, không tệp nào được ghi.`,
    en: `${path}: ${flag} and ${otherFlag} name the same file; each output needs a file of its own, and nothing was written.`,
  };
}

export function copyMustBeXlsm(out: string, suggested: string): Localized {
  return {
    vi: `${out}: sổ có macro (.xlsm), nên bản sao cũng vậy và Excel chỉ mở nó với đuôi .xlsm; hãy dùng --out ${suggested}.`,
    en: `${out}: the workbook has macros (.xlsm), so its copy is one too and Excel opens it only under an .xlsm name; use --out ${suggested}.`,
  };
}

export function copyMustBeXlsx(out: string, suggested: string): Localized {
  return {
    vi: `${out}: sổ không có macro (.xlsx), nên bản sao phải có đuôi .xlsx; hãy dùng --out ${suggested}.`,
    en: `${out}: the workbook has no macros (.xlsx), so its copy must be named .xlsx; use --out ${suggested}.`,
  };
}

import { REVIEW_STATUSES, ReviewStatus } from '../review/review';
import { Lang } from '../words/lang';
import { errorKind } from '../words/localizedError';

export interface CheckArgs {
  readonly command: 'check';
  /** Files and folders (every .xlsx in a folder). */
  readonly workbooks: string[];
  readonly rules?: string;
  readonly json?: string;
  readonly out?: string;
  /** A new workbook with the scorecard of every unit checked. */
  readonly scorecard?: string;
  /** A self-contained HTML report for print. */
  readonly report?: string;
  /** A JSON file with the report's signature block (Nơi nhận, NGƯỜI LẬP BIỂU, THỦ TRƯỞNG ĐƠN VỊ). */
  readonly signature?: string;
  /** `Sheet!B12=criminal-cases`, `Sheet!E5=current`: where a person says a figure or period is. */
  readonly bind: string[];
  /** A JSON file of bindings (`{ "bindings": [ { sheet, label | cell, indicator | period } ] }`). */
  readonly bindings?: string;
  readonly lang: Lang;
}

/** `explain`: how the reader understood a workbook, table by table and indicator by indicator. */
export interface ExplainArgs {
  readonly command: 'explain';
  readonly workbooks: string[];
  readonly rules?: string;
  readonly bind: string[];
  readonly bindings?: string;
  readonly lang: Lang;
}

/** `review`: one supervisor decision on one finding, written into a copy of the workbook. */
export interface ReviewArgs {
  readonly command: 'review';
  readonly workbook: string;
  readonly rules?: string;
  readonly rule: string;
  readonly unit: string;
  readonly period?: string;
  readonly status: ReviewStatus;
  readonly comment: string;
  readonly reviewer: string;
  readonly out: string;
  readonly lang: Lang;
}

export type OutputFormat = 'stylish' | 'json';

/** `lint` and `test` take rule pack files, like ESLint takes source files. */
export interface PackArgs {
  readonly command: 'lint' | 'test';
  readonly packs: string[];
  readonly format: OutputFormat;
  readonly lang: Lang;
}

export type CliArgs =
  | CheckArgs
  | ExplainArgs
  | ReviewArgs
  | PackArgs
  | { readonly command: 'demo'; readonly lang: Lang }
  | { readonly command: 'help'; readonly lang: Lang }
  | { readonly command: 'version'; readonly lang: Lang };

/** A command line that cannot be run: one sentence in each language. */
export const UsageError = errorKind('usage', 'UsageError');
export type UsageError = InstanceType<typeof UsageError>;

const VALUE_FLAGS = new Set([
  '--bind',
  '--bindings',
  '--rules',
  '--json',
  '--out',
  '--lang',
  '--format',
  '--scorecard',
  '--report',
  '--signature',
  '--rule',
  '--unit',
  '--period',
  '--status',
  '--comment',
  '--reviewer',
]);
/** Which options each command understands; anything else is a usage error, not silently ignored. */
const COMMAND_FLAGS: Record<string, ReadonlySet<string>> = {
  check: new Set(['--rules', '--json', '--out', '--lang', '--scorecard', '--report', '--signature', '--bind', '--bindings']),
  explain: new Set(['--rules', '--lang', '--bind', '--bindings']),
  review: new Set(['--rules', '--rule', '--unit', '--period', '--status', '--comment', '--reviewer', '--out', '--lang']),
  lint: new Set(['--format', '--lang']),
  test: new Set(['--format', '--lang']),
  demo: new Set(['--lang']),
};

/** Parses the command line; anything unexpected is a UsageError with one sentence in each language. */
export function parseArgs(argv: string[]): CliArgs {
  const flags = new Map<string, string>();
  const bind: string[] = [];
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return { command: 'help', lang: langOf(flags) };
    if (a === '-v' || a === '--version') return { command: 'version', lang: 'vi' };
    if (a.startsWith('--')) {
      const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (!VALUE_FLAGS.has(name)) throw new UsageError(`không có tùy chọn ${name}`, `unknown option ${name}`);
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw new UsageError(`tùy chọn ${name} cần một giá trị`, `option ${name} needs a value`);
      if (name === '--bind') bind.push(value); // may be given several times
      flags.set(name, value);
    } else positional.push(a);
  }
  const lang = langOf(flags);
  const [command, ...rest] = positional;
  if (command === undefined || command === 'help') return { command: 'help', lang };
  const allowed = COMMAND_FLAGS[command];
  if (!allowed) {
    throw new UsageError(
      `không có lệnh "${command}" (dùng: check, explain, review, lint, test, demo)`,
      `unknown command "${command}" (use: check, explain, review, lint, test, demo)`,
    );
  }
  for (const name of flags.keys()) {
    if (!allowed.has(name)) throw new UsageError(`lệnh ${command} không dùng tùy chọn ${name}`, `the ${command} command does not take ${name}`);
  }
  if (command === 'demo') return { command: 'demo', lang };
  if (command === 'lint' || command === 'test') {
    // `rules/*.json` also matches the schema, which is not a pack: skip it, as ESLint skips what it is not meant to read.
    const packs = rest.filter((f) => !f.endsWith('.schema.json'));
    if (packs.length === 0) throw new UsageError('cần ít nhất một tệp bộ quy tắc .json', 'give at least one rule pack .json file');
    return { command, packs, format: formatOf(flags), lang };
  }
  if (command === 'review') return reviewArgs(rest, flags, lang);
  if (rest.length === 0) throw new UsageError('cần ít nhất một tệp .xlsx để kiểm tra', 'give at least one .xlsx file to check');
  if (command === 'explain') return { command, workbooks: rest, rules: flags.get('--rules'), bind, bindings: flags.get('--bindings'), lang };
  if (flags.has('--out') && rest.length > 1) {
    throw new UsageError('--out chỉ dùng được khi kiểm tra một tệp', '--out can only be used when checking one file');
  }
  return {
    command: 'check',
    workbooks: rest,
    rules: flags.get('--rules'),
    json: flags.get('--json'),
    out: flags.get('--out'),
    scorecard: flags.get('--scorecard'),
    report: flags.get('--report'),
    bind,
    bindings: flags.get('--bindings'),
    signature: flags.get('--signature'),
    lang,
  };
}

function reviewArgs(rest: string[], flags: Map<string, string>, lang: Lang): ReviewArgs {
  if (rest.length !== 1) throw new UsageError('review cần đúng một tệp .xlsx', 'review takes exactly one .xlsx file');
  const need = (name: string, vi: string, en: string) => {
    const v = flags.get(name)?.trim();
    if (!v) throw new UsageError(`review cần ${name} (${vi})`, `review needs ${name} (${en})`);
    return v;
  };
  const rule = need('--rule', 'mã chỉ tiêu', 'the target id');
  const unit = need('--unit', 'tên đơn vị', 'the unit name');
  const statusText = need('--status', REVIEW_STATUSES.join(', '), REVIEW_STATUSES.join(', '));
  if (!(REVIEW_STATUSES as ReadonlyArray<string>).includes(statusText)) {
    throw new UsageError(
      `--status phải là ${REVIEW_STATUSES.join(', ')}, không phải "${statusText}"`,
      `--status must be ${REVIEW_STATUSES.join(', ')}, not "${statusText}"`,
    );
  }
  const reviewer = need('--reviewer', 'họ tên người xét duyệt', "the reviewer's name");
  const out = need('--out', 'tệp .xlsx sẽ ghi; tệp gốc không bao giờ bị ghi đè', 'the .xlsx file to write; the input is never overwritten');
  const comment = flags.get('--comment') ?? '';
  if (reviewer.length > 200) throw new UsageError('--reviewer dài quá 200 ký tự', '--reviewer is longer than 200 characters');
  if (comment.length > 4000) throw new UsageError('--comment dài quá 4000 ký tự', '--comment is longer than 4000 characters');
  return {
    command: 'review',
    workbook: rest[0],
    rules: flags.get('--rules'),
    rule,
    unit,
    ...(flags.has('--period') ? { period: flags.get('--period') as string } : {}),
    status: statusText as ReviewStatus,
    comment,
    reviewer,
    out,
    lang,
  };
}

function langOf(flags: Map<string, string>): Lang {
  const l = flags.get('--lang');
  if (l === undefined) return 'vi';
  if (l === 'vi' || l === 'en') return l;
  throw new UsageError(`--lang phải là vi hoặc en, không phải "${l}"`, `--lang must be vi or en, not "${l}"`);
}

function formatOf(flags: Map<string, string>): OutputFormat {
  const f = flags.get('--format');
  if (f === undefined) return 'stylish';
  if (f === 'stylish' || f === 'json') return f;
  throw new UsageError(`--format phải là stylish hoặc json, không phải "${f}"`, `--format must be stylish or json, not "${f}"`);
}

export const HELP: Record<Lang, string> = {
  vi: `Pledge Check — Kiểm tra chỉ tiêu thi đua

Cách dùng:
  pledge-check check <tệp.xlsx|thư-mục>… [--rules bo-quy-tac.json] [--json ket-qua.json] [--out ban-to-mau.xlsx]
                             [--scorecard tong-hop.xlsx] [--report bao-cao.html [--signature ky-ten.json]] [--lang vi|en]
                             kiểm tra từng sổ (thư mục: mọi tệp .xlsx trong đó); --scorecard ghi sổ Bảng tổng hợp
                             (xếp hạng các đơn vị), --report ghi báo cáo HTML in được trên khổ A4, --signature thay
                             phần ký (Nơi nhận, NGƯỜI LẬP BIỂU, THỦ TRƯỞNG ĐƠN VỊ) của báo cáo, xem README
                             [--bind "Trang!B12=criminal-cases"]… [--bind "Trang!E5=current"] [--bindings chi-o.json]
                             chỉ cho chương trình ô số liệu của một chỉ tiêu hay cột kỳ này / cùng kỳ (không đổi giá trị nào)
  pledge-check explain <tệp.xlsx>… [--rules …] [--bind …] [--bindings …] [--lang vi|en]
                             giải thích đã đọc sổ thế nào: từng bảng, dòng tiêu đề, cột kỳ, và mỗi chỉ tiêu đọc từ đâu
  pledge-check review <tệp.xlsx> --rule MÃ --unit "ĐƠN VỊ" [--period KỲ] --status accepted|needs-explanation|data-corrected
                             [--comment "…"] --reviewer "Họ tên" --out da-xet-duyet.xlsx [--rules bo-quy-tac.json]
                             ghi xét duyệt một kết quả vào bản sao của sổ (lần kiểm tra sau báo nếu số liệu đã đổi)
  pledge-check lint <bo-quy-tac.json>… [--format stylish|json] [--lang vi|en]
                             kiểm tra bộ quy tắc: cú pháp, lược đồ, tên chỉ tiêu, ngưỡng, "extends"
  pledge-check test <bo-quy-tac.json>… [--format stylish|json] [--lang vi|en]
                             chạy các ví dụ ("examples") của bộ quy tắc và báo ví dụ nào sai
  pledge-check serve dist-addin/ --cert chung-chi.pem --key khoa.pem [--port 443] [--host …] [--frame-ancestor …]
                             [--print-config nginx|iis]  phục vụ phần bổ trợ trong mạng nội bộ (xem docs/deploy.md)
  pledge-check demo          kiểm tra các sổ mẫu trong samples/ và ghi bản tô màu vào out/demo/

Mã thoát của check: 0 mọi chỉ tiêu được đánh giá đều đạt, 1 có chỉ tiêu chưa đạt hoặc không có số liệu (hoặc không chỉ tiêu nào
được đánh giá), 2 dữ liệu vào hoặc cách gọi không hợp lệ.
Mã thoát của lint và test: 0 không có lỗi (có thể có cảnh báo), 1 có lỗi hoặc ví dụ sai, 2 cách gọi sai hoặc không đọc được tệp.
Mã thoát của review: 0 đã ghi, 2 dữ liệu vào hoặc cách gọi không hợp lệ.
Tệp gốc không bao giờ bị ghi đè; --out ghi một bản sao có tô màu và ghi chú. Xem docs/rule-packs.md.`,
  en: `Pledge Check — checks emulation pledge targets

Usage:
  pledge-check check <file.xlsx|folder>… [--rules pack.json] [--json findings.json] [--out highlighted.xlsx]
                             [--scorecard scorecard.xlsx] [--report report.html [--signature signature.json]] [--lang vi|en]
                             checks each workbook (a folder: every .xlsx in it); --scorecard writes a scorecard
                             workbook ranking the units, --report a self-contained HTML report that prints on A4,
                             --signature replaces the report's signature block (see the README)
                             [--bind "Sheet!B12=criminal-cases"]… [--bind "Sheet!E5=current"] [--bindings bindings.json]
                             tells the reader where an indicator's figure or the current/baseline column is (never a value)
  pledge-check explain <file.xlsx>… [--rules …] [--bind …] [--bindings …] [--lang vi|en]
                             explains how the workbook was read: tables, header rows, period columns, each indicator's source
  pledge-check review <file.xlsx> --rule ID --unit "UNIT" [--period P] --status accepted|needs-explanation|data-corrected
                             [--comment "…"] --reviewer "Name" --out reviewed.xlsx [--rules pack.json]
                             records a review of one finding in a copy of the workbook (a later check flags changed figures)
  pledge-check lint <pack.json>… [--format stylish|json] [--lang vi|en]
                             checks rule packs: syntax, schema, names, thresholds, "extends"
  pledge-check test <pack.json>… [--format stylish|json] [--lang vi|en]
                             runs a pack's "examples" and reports those that disagree
  pledge-check serve dist-addin/ --cert cert.pem --key key.pem [--port 443] [--host …] [--frame-ancestor …]
                             [--print-config nginx|iis]  serves the add-in on an intranet (see docs/deploy.md)
  pledge-check demo          checks the sample workbooks in samples/ and writes highlighted copies to out/demo/

check exits 0 when every evaluated target is met, 1 when a target is a shortfall or has no data (or none was evaluated),
2 on bad input or usage.
lint and test exit 0 with no errors (warnings allowed), 1 on errors or disagreeing examples, 2 on bad usage or unreadable files.
review exits 0 when the review is written, 2 on bad input or usage.
The input file is never written; --out writes a copy with highlights and notes. See docs/rule-packs.md.`,
};

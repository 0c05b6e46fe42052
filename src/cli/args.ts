import { Lang } from '../evaluate/format';

export interface CheckArgs {
  readonly command: 'check';
  readonly workbooks: string[];
  readonly rules?: string;
  readonly json?: string;
  readonly out?: string;
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
  | PackArgs
  | { readonly command: 'demo'; readonly lang: Lang }
  | { readonly command: 'help'; readonly lang: Lang }
  | { readonly command: 'version'; readonly lang: Lang };

export class UsageError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const VALUE_FLAGS = new Set(['--rules', '--json', '--out', '--lang', '--format']);
/** Which options each command understands; anything else is a usage error, not silently ignored. */
const COMMAND_FLAGS: Record<string, ReadonlySet<string>> = {
  check: new Set(['--rules', '--json', '--out', '--lang']),
  lint: new Set(['--format', '--lang']),
  test: new Set(['--format', '--lang']),
  demo: new Set(['--lang']),
};

/** Parses the command line; anything unexpected is a UsageError with one sentence in each language. */
export function parseArgs(argv: string[]): CliArgs {
  const flags = new Map<string, string>();
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
      flags.set(name, value);
    } else positional.push(a);
  }
  const lang = langOf(flags);
  const [command, ...rest] = positional;
  if (command === undefined || command === 'help') return { command: 'help', lang };
  const allowed = COMMAND_FLAGS[command];
  if (!allowed) {
    throw new UsageError(`không có lệnh "${command}" (dùng: check, lint, test, demo)`, `unknown command "${command}" (use: check, lint, test, demo)`);
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
  if (rest.length === 0) throw new UsageError('cần ít nhất một tệp .xlsx để kiểm tra', 'give at least one .xlsx file to check');
  if (flags.has('--out') && rest.length > 1) {
    throw new UsageError('--out chỉ dùng được khi kiểm tra một tệp', '--out can only be used when checking one file');
  }
  return { command: 'check', workbooks: rest, rules: flags.get('--rules'), json: flags.get('--json'), out: flags.get('--out'), lang };
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
  pledge-check check <tệp.xlsx>… [--rules bo-quy-tac.json] [--json ket-qua.json] [--out ban-to-mau.xlsx] [--lang vi|en]
  pledge-check lint <bo-quy-tac.json>… [--format stylish|json] [--lang vi|en]
                             kiểm tra bộ quy tắc: cú pháp, lược đồ, tên chỉ tiêu, ngưỡng, "extends"
  pledge-check test <bo-quy-tac.json>… [--format stylish|json] [--lang vi|en]
                             chạy các ví dụ ("examples") của bộ quy tắc và báo ví dụ nào sai
  pledge-check demo          kiểm tra các sổ mẫu trong samples/ và ghi bản tô màu vào out/demo/

Mã thoát của check: 0 mọi chỉ tiêu đạt, 1 có chỉ tiêu chưa đạt, 2 dữ liệu vào hoặc cách gọi không hợp lệ.
Mã thoát của lint và test: 0 không có lỗi (có thể có cảnh báo), 1 có lỗi hoặc ví dụ sai, 2 cách gọi sai hoặc không đọc được tệp.
Tệp gốc không bao giờ bị ghi đè; --out ghi một bản sao có tô màu và ghi chú. Xem docs/rule-packs.md.`,
  en: `Pledge Check — checks emulation pledge targets

Usage:
  pledge-check check <file.xlsx>… [--rules pack.json] [--json findings.json] [--out highlighted.xlsx] [--lang vi|en]
  pledge-check lint <pack.json>… [--format stylish|json] [--lang vi|en]
                             checks rule packs: syntax, schema, names, thresholds, "extends"
  pledge-check test <pack.json>… [--format stylish|json] [--lang vi|en]
                             runs a pack's "examples" and reports those that disagree
  pledge-check demo          checks the sample workbooks in samples/ and writes highlighted copies to out/demo/

check exits 0 when every target is met, 1 when some target falls short, 2 on bad input or usage.
lint and test exit 0 with no errors (warnings allowed), 1 on errors or disagreeing examples, 2 on bad usage or unreadable files.
The input file is never written; --out writes a copy with highlights and notes. See docs/rule-packs.md.`,
};

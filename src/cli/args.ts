import { Lang } from '../evaluate/format';

export interface CheckArgs {
  readonly command: 'check';
  readonly workbooks: string[];
  readonly rules?: string;
  readonly json?: string;
  readonly out?: string;
  readonly lang: Lang;
}

export type CliArgs =
  | CheckArgs
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

const VALUE_FLAGS = new Set(['--rules', '--json', '--out', '--lang']);

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
  if (command === 'demo') return { command: 'demo', lang };
  if (command !== 'check') throw new UsageError(`không có lệnh "${command}" (dùng: check, demo)`, `unknown command "${command}" (use: check, demo)`);
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

export const HELP: Record<Lang, string> = {
  vi: `Pledge Check — Kiểm tra chỉ tiêu thi đua

Cách dùng:
  pledge-check check <tệp.xlsx>… [--rules bo-quy-tac.json] [--json ket-qua.json] [--out ban-to-mau.xlsx] [--lang vi|en]
  pledge-check demo          kiểm tra các sổ mẫu trong samples/ và ghi bản tô màu vào out/demo/

Mã thoát: 0 mọi chỉ tiêu đạt, 1 có chỉ tiêu chưa đạt, 2 dữ liệu vào hoặc cách gọi không hợp lệ.
Tệp gốc không bao giờ bị ghi đè; --out ghi một bản sao có tô màu và ghi chú.`,
  en: `Pledge Check — checks emulation pledge targets

Usage:
  pledge-check check <file.xlsx>… [--rules pack.json] [--json findings.json] [--out highlighted.xlsx] [--lang vi|en]
  pledge-check demo          checks the sample workbooks in samples/ and writes highlighted copies to out/demo/

Exit codes: 0 every target met, 1 some target falls short, 2 bad input or usage.
The input file is never written; --out writes a copy with highlights and notes.`,
};

import { existsSync, readdirSync, readFileSync, mkdirSync, writeFileSync, renameSync } from 'fs';
import { basename, dirname, join, resolve } from 'path';
import { PledgeChecker } from '../evaluate/checkGrid';
import { Lang } from '../evaluate/format';
import { defaultPack } from '../packs/builtinPacks';
import { loadRulePack, PackFileError } from '../packs/loadRulePack';
import { problemLine, RulePackError } from '../packs/packProblem';
import { RulePack } from '../packs/rulePack';
import { consoleReport } from '../report/consoleReport';
import { findingsJson } from '../report/findingsJson';
import { highlightPlanFor } from '../report/highlightPlan';
import { WorkbookFormatError } from '../xlsx/package';
import { readWorkbook } from '../xlsx/readWorkbook';
import { writeHighlightedCopy } from '../xlsx/writeHighlightedCopy';
import { CheckArgs, HELP, parseArgs, UsageError } from './args';
import { EXIT, Io, processIo } from './io';
import { lintCommand } from './lintCommand';
import { testCommand } from './testCommand';

export { EXIT };

/** A problem with the user's input: reported as one sentence, exit code 2, never a stack trace. */
class InputError extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let lang: Lang = argv.includes('en') && argv.includes('--lang') ? 'en' : 'vi';
  try {
    const args = parseArgs(argv);
    lang = args.lang;
    switch (args.command) {
      case 'help':
        io.out(HELP[lang]);
        return EXIT.ok;
      case 'version':
        io.out(readVersion());
        return EXIT.ok;
      case 'demo':
        return await demo(lang, io);
      case 'check':
        return await check(args, io);
      case 'lint':
        return await lintCommand(args, io);
      case 'test':
        return await testCommand(args, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${lang === 'vi' ? 'Lỗi cách dùng' : 'Usage error'}: ${lang === 'vi' ? e.vi : e.en}. ${lang === 'vi' ? 'Xem: pledge-check --help' : 'See: pledge-check --help'}`);
      return EXIT.badInput;
    }
    if (e instanceof InputError) {
      io.err(e.text);
      return EXIT.badInput;
    }
    throw e;
  }
}

async function check(args: CheckArgs, io: Io): Promise<number> {
  const pack = args.rules ? loadPackFile(args.rules, args.lang) : defaultPack();
  const checker = new PledgeChecker(pack);
  let anyShortfall = false;
  let anyBad = false;
  const documents: unknown[] = [];
  for (const file of args.workbooks) {
    try {
      const bytes = readInput(file, args.lang);
      const grid = readOrExplain(file, bytes, args.lang);
      const { tables, findings } = await checker.check(grid);
      if (tables.length === 0) {
        throw new InputError(
          args.lang === 'vi'
            ? `${file}: không tìm thấy bảng chỉ tiêu nào (đã tìm các dòng tiêu đề có kỳ báo cáo như "Cùng kỳ năm 2023 | Năm 2024" và nhãn chỉ tiêu của bộ "${pack.id}").`
            : `${file}: no indicator table found (looked for header rows with periods such as "Cùng kỳ năm 2023 | Năm 2024" and the indicator labels of pack "${pack.id}").`,
        );
      }
      io.out(consoleReport(file, tables, findings, args.lang));
      anyShortfall ||= findings.some((f) => f.status === 'shortfall' && f.severity === 'shortfall');
      documents.push(findingsJson(file, pack, findings, args.lang));
      if (args.out) writeCopy(file, bytes, args.out, highlightPlanFor(findings, args.lang), args.lang, io);
    } catch (e) {
      if (!(e instanceof InputError) || args.workbooks.length === 1) throw e;
      // In a batch, one unreadable workbook is reported and the others are still checked.
      io.err(e.text);
      anyBad = true;
    }
  }
  if (args.json) {
    const doc = documents.length === 1 ? documents[0] : { workbooks: documents };
    writeAtomically(args.json, JSON.stringify(doc, null, 2) + '\n', args.lang);
  }
  if (anyBad) return EXIT.badInput;
  return anyShortfall ? EXIT.shortfall : EXIT.ok;
}

function readInput(file: string, lang: Lang): Uint8Array {
  if (!existsSync(file)) throw new InputError(lang === 'vi' ? `${file}: không tìm thấy tệp.` : `${file}: file not found.`);
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new InputError(lang === 'vi' ? `${file}: là một thư mục, không phải tệp .xlsx.` : `${file}: is a folder, not an .xlsx file.`);
    throw new InputError(lang === 'vi' ? `${file}: không đọc được tệp (${code ?? 'lỗi'}).` : `${file}: cannot read the file (${code ?? 'error'}).`);
  }
}

function readOrExplain(file: string, bytes: Uint8Array, lang: Lang) {
  try {
    return readWorkbook(bytes);
  } catch (e) {
    if (e instanceof WorkbookFormatError) throw new InputError(`${file}: ${lang === 'vi' ? e.message : e.messageEn}.`);
    throw new InputError(lang === 'vi' ? `${file}: không đọc được sổ làm việc (${(e as Error).message}).` : `${file}: cannot read the workbook (${(e as Error).message}).`);
  }
}

/** A pack that does not lint is refused with lint's own messages, one error a line. */
function loadPackFile(file: string, lang: Lang): RulePack {
  try {
    return loadRulePack(file);
  } catch (e) {
    if (e instanceof PackFileError) throw new InputError(`${file}: ${lang === 'vi' ? e.vi : e.en}.`);
    if (e instanceof RulePackError) throw new InputError(e.problems.map((p) => problemLine(p, lang)).join('\n'));
    throw e;
  }
}

function writeCopy(input: string, bytes: Uint8Array, out: string, plan: ReturnType<typeof highlightPlanFor>, lang: Lang, io: Io): void {
  if (resolve(out) === resolve(input)) {
    throw new InputError(lang === 'vi' ? `${out}: --out không được trùng tệp gốc; tệp gốc không bao giờ bị ghi đè.` : `${out}: --out must not be the input file; the input is never overwritten.`);
  }
  const copy = writeHighlightedCopy(bytes, plan);
  writeAtomically(out, copy, lang);
  io.out(lang === 'vi' ? `Đã ghi bản sao tô màu: ${out} (${plan.marks.length} ô được đánh dấu)` : `Highlighted copy written: ${out} (${plan.marks.length} cells marked)`);
}

/** Write to a temporary file and rename, so an interrupted run never leaves half a file behind. */
function writeAtomically(path: string, data: string | Uint8Array, lang: Lang): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new InputError(lang === 'vi' ? `${path}: không ghi được tệp (${code}).` : `${path}: cannot write the file (${code}).`);
  }
}

async function demo(lang: Lang, io: Io): Promise<number> {
  const root = resolve(__dirname, '../../..');
  const samples = join(root, 'samples');
  const files = existsSync(samples) ? readdirSync(samples).filter((f) => f.endsWith('.xlsx')).sort() : [];
  if (files.length === 0) throw new InputError(lang === 'vi' ? `${samples}: không có sổ mẫu nào.` : `${samples}: no sample workbooks.`);
  let worst = 0;
  for (const f of files) {
    const out = join(root, 'out', 'demo', f.replace(/\.xlsx$/, '.kiem-tra.xlsx'));
    io.out('');
    const code = await check({ command: 'check', workbooks: [join(samples, f)], out, json: out.replace(/\.xlsx$/, '.json'), lang }, io);
    worst = Math.max(worst, code);
  }
  io.out('');
  io.out(lang === 'vi' ? `Bản sao tô màu và kết quả JSON nằm trong ${join(root, 'out', 'demo')}` : `Highlighted copies and JSON findings are in ${join(root, 'out', 'demo')}`);
  return worst === EXIT.badInput ? EXIT.badInput : EXIT.ok;
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

import { existsSync, statSync } from 'fs';
import { NotReadable, readRegularFile } from '../files/regularFile';
import { LocalizedError } from '../words/localizedError';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'path';
import { CheckOptions, checkPackSource, PackCheck } from './checkRulePack';
import { PackResolver, PackSource } from './packSource';
import { RulePackError } from './packProblem';
import { PACK_LIMITS } from './packSafety';
import { RulePack } from './rulePack';

/** A pack file that cannot be read at all (missing, a folder, unreadable): not a problem inside a pack. */
export class PackFileError extends LocalizedError {
  constructor(
    readonly file: string,
    vi: string,
    en: string,
  ) {
    super('pack-file', { vi, en });
    this.name = 'PackFileError';
  }
}

/**
 * The project's rules/ folder: the one beside package.json (the source of truth authors edit),
 * found from here whether running from src/ under jest or from dist/ as the installed CLI.
 */
export const RULES_DIR: string = findRulesDir();

function findRulesDir(): string {
  let fallback: string | undefined;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'rules');
    if (existsSync(join(candidate, 'rule-pack.schema.json'))) {
      if (existsSync(join(dir, 'package.json'))) return candidate;
      // dist/rules is tsc's re-printed copy: used only when there is no project folder.
      fallback ??= candidate;
    }
    if (dirname(dir) === dir) return fallback ?? resolve('rules');
  }
}

/** Reads a pack file; its display name is the path as given, its identity the absolute path. */
export function readPackSource(file: string): PackSource {
  if (!existsSync(file)) throw new PackFileError(file, 'không tìm thấy tệp bộ quy tắc', 'rule pack file not found');
  // Only a regular file, judged by what is opened (a symlink to /dev/zero is not one), its size before reading.
  try {
    return {
      file,
      key: resolve(file),
      text: readRegularFile(file, PACK_LIMITS.maxBytes * 4)
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    };
  } catch (e) {
    const r = e instanceof NotReadable ? e.reason : ((e as NodeJS.ErrnoException).code ?? 'error');
    if (r === 'EISDIR') throw new PackFileError(file, 'là một thư mục, không phải tệp bộ quy tắc', 'is a folder, not a rule pack file');
    if (r === 'NOT_REGULAR') {
      throw new PackFileError(
        file,
        'không phải là một tệp thông thường (thiết bị, ống dẫn hay socket), không đọc được làm bộ quy tắc',
        'is not a regular file (a device, pipe or socket) and is not read as a rule pack',
      );
    }
    if (r === 'TOO_LARGE') {
      // Past this many bytes the text is over the character limit whatever the encoding: refuse unread.
      const size = (e as NotReadable).size;
      throw new PackFileError(file, `tệp quá lớn (${size} byte) để là một bộ quy tắc`, `the file is too large (${size} bytes) to be a rule pack`);
    }
    throw new PackFileError(file, `không đọc được tệp (${r})`, `cannot read the file (${r})`);
  }
}

/**
 * Resolves `extends` on disk: an id is `rules/<id>.json` of the project, a relative path is
 * relative to the pack that names it. Display names are relative to the working folder.
 */
export function nodePackResolver(rulesDir: string = RULES_DIR): PackResolver {
  return (ref, from) => {
    const isPath = ref.startsWith('./') || ref.startsWith('../');
    const target = isPath ? resolve(dirname(from.key ?? from.file), ref) : join(rulesDir, `${ref}.json`);
    if (!existsSync(target) || statSync(target).isDirectory()) return undefined;
    const src = readPackSource(target);
    return { ...src, file: displayName(target) };
  };
}

function displayName(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel === '' || rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel) ? abs : rel;
}

/** Reads and checks a pack file, resolving `extends` on disk. Throws PackFileError when it cannot be read. */
export function checkRulePackFile(file: string, options: CheckOptions = {}): PackCheck {
  return checkPackSource(readPackSource(file), { resolve: options.resolve ?? nodePackResolver() });
}

/** A pack ready to evaluate, or RulePackError with every error, or PackFileError. */
export function loadRulePack(file: string, options: CheckOptions = {}): RulePack {
  const { pack, problems } = checkRulePackFile(file, options);
  if (!pack) throw new RulePackError(problems.filter((p) => p.severity === 'error'));
  return pack;
}

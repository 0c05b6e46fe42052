import { parse, ParseError, printParseErrorCode } from 'jsonc-parser';
import { Binding, Bindings, mergeBindings } from '../bindings/binding';
import { bindingFromFields, BindingsFormatError } from '../bindings/bindingsXml';
import { BindingError, BindingRequest, parseBindingRequest, resolveBinding } from '../bindings/resolveBinding';
import { readPackageBindings } from '../bindings/workbookBindings';
import { PledgeChecker } from '../evaluate/checkGrid';
import { WorkbookGrid } from '../grid/grid';
import { lineColumnAt } from '../packs/jsonLocation';
import { XlsxPackage } from '../xlsx/package';
import { NotReadable, readRegularFile } from '../files/regularFile';
import { Lang } from '../words/lang';
import { InputError } from './inputError';
import * as messages from './messages';

/** Bindings given on the command line: `--bind` requests and a `--bindings` file, read once for every workbook. */
export interface CliBindings {
  readonly bindings: Binding[];
  readonly requests: BindingRequest[];
}

/** A bindings file is a few kilobytes; anything far larger is not one. */
const MAX_BINDINGS_FILE = 1 << 20;

/** Reads `--bind` and `--bindings`; problems are one sentence naming the file or the argument. */
export function readCliBindings(bind: ReadonlyArray<string>, file: string | undefined, lang: Lang): CliBindings {
  const requests: BindingRequest[] = [];
  for (const spec of bind) {
    try {
      requests.push(parseBindingRequest(spec));
    } catch (e) {
      if (e instanceof BindingError) throw new InputError(messages.bindRefused(e.text)[lang]);
      throw e;
    }
  }
  const bindings: Binding[] = [];
  if (file) {
    let text: string;
    try {
      // Only a small regular file, checked on what was opened (a FIFO or /dev/zero is never read).
      text = readRegularFile(file, MAX_BINDINGS_FILE).toString('utf8');
    } catch (e) {
      const why = e instanceof NotReadable ? e.reason : (e as Error).message.split('\n')[0];
      throw new InputError(messages.bindingsFileUnreadable(file, why)[lang]);
    }
    const errors: ParseError[] = [];
    const doc: unknown = parse(text, errors, { disallowComments: true, allowTrailingComma: false });
    if (errors.length > 0) {
      const { line, column } = lineColumnAt(text, errors[0].offset);
      const code = printParseErrorCode(errors[0].error);
      throw new InputError(messages.bindingsFileNotJson(file, line, column, code)[lang]);
    }
    const list = Array.isArray(doc) ? doc : (doc as { bindings?: unknown })?.bindings;
    if (!Array.isArray(list)) {
      throw new InputError(messages.bindingsFileNotAList(file)[lang]);
    }
    list.forEach((entry: unknown, i: number) => {
      const fields = (entry ?? {}) as Record<string, unknown>;
      const b = bindingFromFields(fields);
      if (b) bindings.push(b);
      else if (typeof fields.sheet === 'string' && typeof fields.cell === 'string' && typeof (fields.indicator ?? fields.period) === 'string') {
        requests.push({ sheet: fields.sheet, cell: fields.cell.toUpperCase(), target: String(fields.indicator ?? fields.period) });
      } else {
        throw new InputError(messages.bindingsEntryIncomplete(file, i + 1)[lang]);
      }
    });
  }
  return { bindings, requests };
}

/**
 * The bindings for one workbook: those stored in it (the add-in's), then the file's, then `--bind`
 * (later ones win). A `--bind` names a cell; the label it stands for is read from this workbook,
 * so the tables are found once first to know whether the cell's row or column names the figure.
 * In a batch, a request for a sheet a workbook does not have is for the other workbooks.
 */
export async function bindingsForWorkbook(
  file: string,
  pkg: XlsxPackage,
  grid: WorkbookGrid,
  checker: PledgeChecker,
  cli: CliBindings,
  batch: boolean,
  lang: Lang,
): Promise<Bindings> {
  let stored: Binding[] = [];
  try {
    stored = readPackageBindings(pkg);
  } catch (e) {
    if (!(e instanceof BindingsFormatError)) throw e;
    throw new InputError(messages.fileRefused(file, e.text)[lang]);
  }
  const known = mergeBindings(stored, cli.bindings);
  if (cli.requests.length === 0) return new Bindings(known);
  const { tables } = await checker.check(grid, new Bindings(known));
  const resolved: Binding[] = [];
  for (const req of cli.requests) {
    if (batch && !grid.sheets.some((s) => s.name === req.sheet)) continue;
    try {
      resolved.push(resolveBinding(grid, tables, req, Object.keys(checker.pack.indicators)));
    } catch (e) {
      if (e instanceof BindingError) throw new InputError(messages.bindNotResolved(file, `${req.sheet}!${req.cell}=${req.target}`, e.text)[lang]);
      throw e;
    }
  }
  return new Bindings(mergeBindings(known, resolved));
}

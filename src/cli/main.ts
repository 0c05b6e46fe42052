import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { PledgeChecker } from '../evaluate/checkGrid';
import { Finding, FindingList } from '../evaluate/finding';
import { IndicatorTable } from '../tables/indicatorTable';
import { Bindings } from '../bindings/binding';
import { holdsNoValue, WorkbookGrid } from '../grid/grid';
import { Lang } from '../words/lang';
import { defaultPack } from '../packs/builtinPacks';
import { loadRulePack, PackFileError } from '../packs/loadRulePack';
import { problemLine, RulePackError } from '../packs/packProblem';
import { RulePack } from '../packs/rulePack';
import { consoleReport } from '../report/consoleReport';
import { findingsJson } from '../report/findingsJson';
import { highlightPlanFor } from '../report/highlightPlan';
import { markTableOf } from '../xlsx/write/highlightPlan';
import { CheckAudit, checkAudit, workbookAudit } from '../report/audit';
import { CheckedWorkbook, Consolidation, UnreadableWorkbook } from '../report/consolidation';
import { checkOutcomeOf, outcomeLine } from '../report/checkOutcome';
import { consoleRanking } from '../report/consoleRanking';
import { htmlReport } from '../report/htmlReport';
import { parseSignature, SignatureBlock, SignatureError } from '../report/signatureBlock';
import { buildScorecard } from '../report/scorecard';
import { scorecardJson } from '../report/scorecardJson';
import { scorecardSheets } from '../report/scorecardSheets';
import { statusWord } from '../report/words';
import { recordReview } from '../review/recordReview';
import { EMPTY_REVIEW_BOOK, ReviewBook, sameName } from '../review/review';
import { matchReviews, ReviewMatch } from '../review/reviewState';
import { ReviewFormatError } from '../review/reviewXml';
import { readPackageReviews, writePackageReviews } from '../review/workbookReviews';
import { writeNewWorkbook } from '../xlsx/write/newWorkbook';
import { openPackage, PACKAGE_LIMITS, WorkbookFormatError, XlsxPackage } from '../xlsx/package';
import { readPackage } from '../xlsx/read/readWorkbook';
import { MAX_CELL_XFS } from '../xlsx/patch/patchStyles';
import { MAX_CELL_NOTES, PatchedPackage, patchHighlightedCopy } from '../xlsx/write/writeHighlightedCopy';
import { bindingsForWorkbook, CliBindings, readCliBindings } from './bindingArgs';
import { InputError } from './inputError';
import { explainText } from '../report/explainText';
import { readingOf } from '../tables/workbookReading';
import { CheckArgs, ExplainArgs, HELP, parseArgs, ReviewArgs, UsageError } from './args';
import { EXIT, Io, processIo } from './io';
import { jsonPieces } from './jsonText';
import { lintCommand } from './lintCommand';
import { serveCommand } from './serveCommand';
import { nodeCompressor } from './nodeCompressor';
import { nodeCrc32, nodeInflater } from './nodeInflater';
import { nodeDigestOf } from './nodeDigest';
import { copyKindProblem } from './copyKind';
import { InputKind, OutputPathError, OutputPlan } from './outputPlan';
import * as messages from './messages';
import { terminalSafeIo } from './terminalText';
import { NotReadable, readRegularFile } from '../files/regularFile';
import { testCommand } from './testCommand';
import { expandWorkbookArgs } from './workbookArgs';
import { boundHeapAfterFindings, collectAloneWhileWriting } from './heapPolicy';

export { EXIT };

export async function main(argv: string[], rawIo: Io = processIo): Promise<number> {
  const io = terminalSafeIo(rawIo); // nothing from a file reaches the terminal as a control sequence
  let lang: Lang = argv.includes('en') && argv.includes('--lang') ? 'en' : 'vi';
  if (argv[0] === 'serve') return serveCommand(argv.slice(1), io);
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
      case 'explain':
        return await explain(args, io);
      case 'review':
        return await review(args, io);
      case 'lint':
        return await lintCommand(args, io);
      case 'test':
        return await testCommand(args, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(messages.usageError(e)[lang]);
      return EXIT.badInput;
    }
    if (e instanceof InputError || e instanceof OutputPathError) {
      io.err(e.text);
      return EXIT.badInput;
    }
    throw e;
  }
}

async function check(args: CheckArgs, io: Io): Promise<number> {
  const pack = args.rules ? loadPackFile(args.rules, args.lang) : defaultPack();
  const checker = new PledgeChecker(pack);
  const checkedAt = new Date();
  const checkHeader = checkAudit(pack, checkedAt, readVersion(), []);
  const entries = expandWorkbookArgs(args.workbooks, args.lang);
  const batch = entries.length > 1;
  const cliBindings = readCliBindings(args.bind, args.bindings, args.lang);
  if (args.out && batch) {
    throw new InputError(messages.outNeedsOneFile()[args.lang]);
  }
  const inputs = entries.flatMap((e) => ('file' in e ? [e.file] : []));
  const plan = planOutputs(
    args.lang,
    [
      ...inputs.map((i) => [i, 'workbook'] as const),
      ...(args.rules ? [[args.rules, 'rules'] as const] : []),
      ...(args.bindings ? [[args.bindings, 'bindings'] as const] : []),
    ],
    [
      ['--out', args.out],
      ['--json', args.json],
      ['--scorecard', args.scorecard],
      ['--report', args.report],
    ],
  );
  // Read before any work: a signature file that cannot be used stops the run at once, in one sentence.
  const signature = args.signature ? loadSignature(args.signature, args.lang) : undefined;
  // Only what an output asks for is computed: the audit's digests and the scorecard go into the
  // JSON, the scorecard and the report (and a batch prints the ranking); a bare check needs none.
  const consolidating = Boolean(args.json || args.scorecard || args.report || batch);
  let anyBad = false;
  const documents: unknown[] = [];
  let copy: PendingCopy | undefined;
  const findingsOfAll: FindingList[] = [];
  const checked: CheckedWorkbook[] = [];
  const unreadable: UnreadableWorkbook[] = [];
  for (const entry of entries) {
    const file = 'file' in entry ? entry.file : entry.arg;
    try {
      if ('problem' in entry) throw new InputError(entry.problem);
      const kept = await checkAndReport(
        file,
        { checker, cliBindings, batch, copyTo: args.out, lang: args.lang },
        { args, pack, checkHeader, consolidating },
        io,
      );
      findingsOfAll.push(kept.findings);
      if (kept.document) documents.push(kept.document);
      if (kept.checked) checked.push(kept.checked);
      if (kept.copy) copy = kept.copy;
    } catch (e) {
      if (!(e instanceof InputError) || !batch) throw e;
      // In a batch, one unreadable workbook is reported and the others are still checked.
      io.err(e.text);
      anyBad = true;
      unreadable.push({ workbook: file, message: e.text });
    }
  }
  const consolidation = consolidating ? consolidate(pack, checkedAt, checked, unreadable) : undefined;
  if (batch && consolidation && checked.length > 0) {
    io.out('');
    io.out(consoleRanking(consolidation.scorecard, args.lang));
  }
  if (consolidation) await writeCheckOutputs(args, plan, { pack, checkHeader, documents, batch, consolidation, signature, copy });
  else if (copy) {
    const zipped = copy.zipped;
    await writeOutputs(plan, [[copy.out, async () => [await zipped]]]);
  }
  if (copy) reportCopy(copy, args.lang, io);
  if (args.scorecard && consolidation) {
    io.out(messages.scorecardWritten(args.scorecard, consolidation.scorecard.rows.length)[args.lang]);
  }
  if (args.report) io.out(messages.reportWritten(args.report)[args.lang]);
  const outcome = checkOutcomeOf(...findingsOfAll);
  io.out('');
  io.out(outcomeLine(outcome, unreadable.length, args.lang));
  if (anyBad) return EXIT.badInput;
  return outcome.allMet ? EXIT.ok : EXIT.shortfall;
}

/** What check's outputs need of every workbook. */
interface CheckShared {
  readonly args: CheckArgs;
  readonly pack: RulePack;
  readonly checkHeader: CheckAudit;
  readonly consolidating: boolean;
}

/** What is kept of one workbook once it is checked and reported: its findings and what its outputs are made from. */
interface KeptOfFile {
  readonly findings: FindingList;
  readonly document?: unknown;
  readonly checked?: CheckedWorkbook;
  readonly copy?: PendingCopy;
}

/**
 * One workbook checked, reported on the console, and made into what the outputs need; then its
 * copy started. The copy is a national check's peak of memory, so the grid and the tables of
 * observations are let go before it: they live only in describeChecked's frame, which has ended
 * (a value awaited here would stay in this frame's registers until it returns).
 */
async function checkAndReport(file: string, o: CheckFileOptions, s: CheckShared, io: Io): Promise<KeptOfFile> {
  const { findings, document, checked, pkg } = await describeChecked(file, checkWorkbookFile(file, o, io), s, io);
  const { args } = s;
  // Patched now (a part it cannot patch is reported here); compressed on zlib's threads while the JSON is written.
  const copy = args.out && pkg ? startCopy(file, pkg, args.out, highlightPlanFor(findings, args.lang), args.lang) : undefined;
  return { findings, document, checked, copy };
}

/** The console report, the JSON document and what the scorecard needs, from one checked workbook. */
async function describeChecked(
  file: string,
  checking: Promise<CheckedFile>,
  s: CheckShared,
  io: Io,
): Promise<{ findings: FindingList; document?: unknown; checked?: CheckedWorkbook; pkg?: XlsxPackage }> {
  const w = await checking;
  const { args, pack, checkHeader } = s;
  const { findings, reviews } = w;
  io.out(consoleReport(file, w.tables, findings, args.lang, reviews.states));
  if (!s.consolidating) return { findings, pkg: w.pkg };
  const audit = workbookAudit(file, findings, w.book, w.bytes, nodeDigestOf);
  const reading = args.json ? readingOf(file, w.grid, w.tables, pack, w.bindings) : undefined;
  const document = reading ? findingsJson(file, pack, findings, args.lang, { reviews, audit, check: checkHeader, reading }) : undefined;
  return { findings, document, checked: { workbook: file, findings, reviews, audit }, pkg: w.pkg };
}

/** One workbook file checked, with what its outputs are made from. */
interface CheckedFile {
  readonly tables: IndicatorTable[];
  readonly findings: FindingList;
  readonly bytes: Uint8Array;
  /** Kept only when a copy is asked for: its inflated parts are as large as the sheets themselves. */
  readonly pkg: XlsxPackage | undefined;
  readonly grid: WorkbookGrid;
  readonly bindings: Bindings;
  readonly book: ReviewBook;
  readonly reviews: ReviewMatch;
}

interface CheckFileOptions {
  readonly checker: PledgeChecker;
  readonly cliBindings: CliBindings;
  readonly batch: boolean;
  /** Where the highlighted copy will go: a copy of the wrong kind is refused before the workbook is read. */
  readonly copyTo?: string;
  readonly lang: Lang;
}

/**
 * The CLI's Check of one file, the counterpart of the add-in's checkWorkbook (addin/excel/checkWorkbook.ts):
 * read the file into the core's grid, run the PledgeChecker with the bindings stored and given, and
 * match the reviews stored in it. A workbook with nothing to check is refused in one sentence.
 */
async function checkWorkbookFile(file: string, o: CheckFileOptions, io: Io): Promise<CheckedFile> {
  const bytes = readInput(file, o.lang);
  const { pkg, grid, bindings, stored } = await readWorkbookFile(file, bytes, o);
  const checked = await o.checker.checkCompactly(grid, bindings);
  boundHeapAfterFindings();
  const { tables } = checked;
  if (tables.length === 0 && grid.sheets.every(holdsNoValue)) {
    throw new InputError(messages.workbookEmpty(file)[o.lang]);
  }
  if (tables.length === 0) {
    throw new InputError(messages.noIndicatorTable(file, o.checker.pack.id)[o.lang]);
  }
  const book = reviewsOrWarn(file, stored, o.lang, io);
  // A workbook without reviews (the usual case) has nothing to match against each finding. Reviews
  // are matched to findings as objects, and outputs look them up by the same objects: a reviewed
  // workbook (someone went through it in Excel, so not a national one) keeps its findings made.
  const reviewed = book.reviews.length > 0;
  const findings: FindingList = reviewed ? Array.from(checked.findings) : checked.findings;
  const reviews: ReviewMatch = reviewed ? matchReviews(findings as Finding[], book) : { states: new Map(), unmatched: [] };
  return { tables, findings, bytes, pkg, grid, bindings, book, reviews };
}

/**
 * Everything a check reads from the package: the grid, the bindings, the stored reviews (the
 * warning about a damaged reviews part is given later, where it always was, once the workbook
 * proved checkable). Without a copy to make, the package is let go here, before the findings are
 * made: its inflated parts are as large as its sheets, and nothing else refers to them.
 */
async function readWorkbookFile(
  file: string,
  bytes: Uint8Array,
  o: CheckFileOptions,
): Promise<{ pkg: XlsxPackage | undefined; grid: WorkbookGrid; bindings: Bindings; stored: StoredReviews }> {
  const pkg = orExplain(file, o.lang, () => openPackage(bytes, nodeInflater(), nodeCrc32()));
  const kindProblem = o.copyTo ? copyKindProblem(o.copyTo, pkg, o.lang) : undefined;
  if (kindProblem) throw new InputError(kindProblem);
  const grid = orExplain(file, o.lang, () => readPackage(pkg));
  const bindings = await bindingsForWorkbook(file, pkg, grid, o.checker, o.cliBindings, o.batch, o.lang);
  return { pkg: o.copyTo ? pkg : undefined, grid, bindings, stored: readReviewsOf(pkg) };
}

/** What check's outputs other than the copy are made from. */
interface CheckOutputs {
  readonly pack: RulePack;
  readonly checkHeader: CheckAudit;
  readonly documents: unknown[];
  readonly batch: boolean;
  readonly consolidation: Consolidation;
  readonly signature?: SignatureBlock;
  readonly copy?: PendingCopy;
}

/** The JSON (written while the copy is still being compressed), the copy, the scorecard and the report, all or nothing. */
async function writeCheckOutputs(args: CheckArgs, plan: OutputPlan, o: CheckOutputs): Promise<void> {
  const { consolidation, checkHeader, documents, pack } = o;
  const zipped = o.copy?.zipped;
  collectAloneWhileWriting();
  await writeOutputs(plan, [
    [
      args.json,
      () => {
        const scorecard = scorecardJson(consolidation.scorecard);
        const doc =
          documents.length === 1 && !o.batch
            ? { ...(documents[0] as object), scorecard }
            : {
                rulePack: { id: pack.id, version: pack.version },
                audit: { checkedAt: checkHeader.checkedAt, tool: checkHeader.tool, rulePack: checkHeader.rulePack },
                workbooks: documents,
                unreadable: consolidation.unreadable,
                scorecard,
              };
        return jsonDocument(doc);
      },
    ],
    [o.copy?.out, async () => [await (zipped as Promise<Uint8Array>)]],
    [args.scorecard, () => [writeNewWorkbook(scorecardSheets(consolidation, args.lang), { creator: 'Pledge Check', created: consolidation.audit.checkedAt })]],
    [args.report, () => [htmlReport(consolidation, args.lang, o.signature)]],
  ]);
}

/** `explain`: how each workbook was read, so a person can see why a figure was or was not found. */
async function explain(args: ExplainArgs, io: Io): Promise<number> {
  const pack = args.rules ? loadPackFile(args.rules, args.lang) : defaultPack();
  const checker = new PledgeChecker(pack);
  const cliBindings = readCliBindings(args.bind, args.bindings, args.lang);
  const entries = expandWorkbookArgs(args.workbooks, args.lang);
  for (const entry of entries) {
    const file = 'file' in entry ? entry.file : entry.arg;
    if ('problem' in entry) throw new InputError(entry.problem);
    const { pkg, grid } = openAndRead(file, readInput(file, args.lang), args.lang);
    const bindings = await bindingsForWorkbook(file, pkg, grid, checker, cliBindings, entries.length > 1, args.lang);
    const { tables } = await checker.check(grid, bindings);
    io.out(explainText(readingOf(file, grid, tables, pack, bindings), args.lang));
  }
  return EXIT.ok;
}

/** The report's signature block from a JSON file (see parseSignature). */
function loadSignature(file: string, lang: Lang): SignatureBlock {
  if (!existsSync(file)) throw new InputError(messages.signatureNotFound(file)[lang]);
  try {
    return parseSignature(readFileSync(file, 'utf8'), lang);
  } catch (e) {
    if (!(e instanceof SignatureError)) throw e;
    throw new InputError(messages.signatureUnusable(file, e)[lang]);
  }
}

/** The scorecard, audit and reviews of every workbook checked, for the scorecard, report and JSON. */
function consolidate(pack: RulePack, checkedAt: Date, workbooks: CheckedWorkbook[], unreadable: UnreadableWorkbook[]): Consolidation {
  return {
    pack,
    audit: checkAudit(
      pack,
      checkedAt,
      readVersion(),
      workbooks.map((w) => w.audit),
    ),
    workbooks,
    unreadable,
    scorecard: buildScorecard(pack, workbooks),
  };
}

/** A workbook's reviews as read from its package, or what reading them threw (given by reviewsOrWarn). */
type StoredReviews = { readonly book: ReviewBook } | { readonly error: unknown };

function readReviewsOf(pkg: XlsxPackage): StoredReviews {
  try {
    return { book: readPackageReviews(pkg) };
  } catch (error) {
    return { error };
  }
}

/** A damaged reviews part never stops a check: the findings are still right, only their reviews are unknown. */
function reviewsOrWarn(file: string, stored: StoredReviews, lang: Lang, io: Io): ReviewBook {
  if ('book' in stored) return stored.book;
  if (!(stored.error instanceof ReviewFormatError)) throw stored.error;
  io.err(messages.reviewsIgnored(file, stored.error)[lang]);
  return EMPTY_REVIEW_BOOK;
}

/**
 * Whether two paths name one file: the same path, a link to it, or another spelling of it on a
 * case-insensitive disk (macOS, Windows), which only the device and inode numbers reveal.
 */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  if (!existsSync(a) || !existsSync(b)) return false;
  if (realpathSync(a) === realpathSync(b)) return true;
  const sa = statSync(a);
  const sb = statSync(b);
  return sa.ino !== 0 && sa.dev === sb.dev && sa.ino === sb.ino;
}

/**
 * `pledge-check review`: checks the workbook with the pack, finds the one finding named, records
 * the decision with the digest of its figures, and writes a copy whose only change is the reviews
 * part (the input is never written).
 */
async function review(args: ReviewArgs, io: Io): Promise<number> {
  const plan = planOutputs(args.lang, [[args.workbook, 'workbook'], ...(args.rules ? [[args.rules, 'rules'] as const] : [])], [['--out', args.out]]);
  const pack = args.rules ? loadPackFile(args.rules, args.lang) : defaultPack();
  const rule = pack.rules.find((r) => r.id === args.rule);
  if (!rule) {
    const ids = pack.rules.map((r) => r.id).join(', ');
    throw new InputError(messages.noSuchTarget(pack.id, args.rule, ids)[args.lang]);
  }
  const bytes = readInput(args.workbook, args.lang);
  const pkg = orExplain(args.workbook, args.lang, () => openPackage(bytes, nodeInflater(), nodeCrc32()));
  const kindProblem = copyKindProblem(args.out, pkg, args.lang);
  if (kindProblem) throw new InputError(kindProblem);
  const { findings } = await new PledgeChecker(pack).check(orExplain(args.workbook, args.lang, () => readPackage(pkg)));
  const ofRule = findings.filter((f) => f.ruleId === args.rule);
  const ofUnit = ofRule.filter((f) => sameName(f.unit, args.unit));
  const candidates = args.period === undefined ? ofUnit : ofUnit.filter((f) => f.period !== undefined && sameName(f.period, args.period as string));
  if (candidates.length !== 1) {
    const list = (xs: Array<string | undefined>) => [...new Set(xs.filter((x): x is string => x !== undefined))].join(', ') || messages.NONE[args.lang];
    let text: string;
    if (ofUnit.length === 0) {
      text = messages.noFindingOfUnit(args.workbook, args.rule, args.unit, list(ofRule.map((f) => f.unit)))[args.lang];
    } else if (candidates.length === 0) {
      text = messages.noSuchPeriod(args.workbook, args.unit, args.period, list(ofUnit.map((f) => f.period)))[args.lang];
    } else {
      text = messages.severalPeriods(args.workbook, args.unit, list(candidates.map((f) => f.period)))[args.lang];
    }
    throw new InputError(text);
  }
  const finding = candidates[0];
  let book: ReviewBook;
  try {
    book = readPackageReviews(pkg);
  } catch (e) {
    if (!(e instanceof ReviewFormatError)) throw e;
    // Writing over a part we cannot read would lose its history: refuse instead.
    throw new InputError(messages.reviewNotRecorded(args.workbook, e)[args.lang]);
  }
  const time = new Date().toISOString();
  const updated = recordReview(book, finding, {
    status: args.status,
    comment: args.comment,
    reviewer: args.reviewer,
    time,
    pack: { id: pack.id, version: pack.version },
  });
  await writeOutputs(plan, [[args.out, () => [writePackageReviews(bytes, updated)]]]);
  const what = `${finding.title[args.lang]} — ${finding.unit}${finding.period !== undefined ? ` (${finding.period})` : ''}`;
  io.out(messages.reviewRecorded(args.status, what, statusWord(finding.status, args.lang), args.reviewer, args.out, updated.log.length)[args.lang]);
  return EXIT.ok;
}

function readInput(file: string, lang: Lang): Uint8Array {
  if (!existsSync(file)) throw new InputError(messages.fileNotFound(file)[lang]);
  try {
    // Only a regular file, read whole into memory: past what a package may unpack to, it is refused unread.
    return readRegularFile(file, PACKAGE_LIMITS.maxTotalBytes);
  } catch (e) {
    const code = e instanceof NotReadable ? e.reason : ((e as NodeJS.ErrnoException).code ?? 'error');
    if (code === 'TOO_LARGE') {
      const mb = Math.round((e as NotReadable).size / 2 ** 20);
      throw new InputError(messages.fileTooLarge(file, mb, PACKAGE_LIMITS.maxTotalBytes / 2 ** 20)[lang]);
    }
    if (code === 'EISDIR') throw new InputError(messages.isFolder(file)[lang]);
    if (code === 'NOT_REGULAR') {
      throw new InputError(messages.notRegularFile(file)[lang]);
    }
    throw new InputError(messages.cannotReadFile(file, code)[lang]);
  }
}

/** Opening or reading a workbook, its failure said in one sentence naming the file. */
function orExplain<T>(file: string, lang: Lang, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof WorkbookFormatError && e.format === 'xls' && !/\.xlsx$/i.test(file)) {
      // Named .xls: not a renamed file, the old format itself.
      throw new InputError(messages.oldExcelFormat(file)[lang]);
    }
    if (e instanceof WorkbookFormatError) throw new InputError(messages.fileRefused(file, e.text)[lang]);
    throw new InputError(messages.cannotReadWorkbook(file, (e as Error).message)[lang]);
  }
}

/** A workbook opened and read into the core's grid (explain, review). */
function openAndRead(file: string, bytes: Uint8Array, lang: Lang): { pkg: XlsxPackage; grid: WorkbookGrid } {
  const pkg = orExplain(file, lang, () => openPackage(bytes, nodeInflater(), nodeCrc32()));
  return { pkg, grid: orExplain(file, lang, () => readPackage(pkg)) };
}

/** A pack that does not lint is refused with lint's own messages, one error a line. */
function loadPackFile(file: string, lang: Lang): RulePack {
  try {
    return loadRulePack(file);
  } catch (e) {
    if (e instanceof PackFileError) throw new InputError(messages.fileRefused(file, e)[lang]);
    if (e instanceof RulePackError) throw new InputError(e.problems.map((p) => problemLine(p, lang)).join('\n'));
    throw e;
  }
}

/** A highlighted copy patched and being compressed. */
interface PendingCopy {
  readonly out: string;
  readonly marks: number;
  readonly notesOmitted: number;
  readonly findingsSheetName?: string;
  readonly formatsUnavailable: number;
  readonly zipped: Promise<Uint8Array>;
}

function startCopy(input: string, pkg: XlsxPackage, out: string, plan: ReturnType<typeof highlightPlanFor>, lang: Lang): PendingCopy {
  if (sameFile(out, input)) {
    throw new InputError(messages.outIsInput(out)[lang]);
  }
  let patched: PatchedPackage;
  try {
    patched = patchHighlightedCopy(pkg, plan, nodeCompressor());
  } catch (e) {
    // A part the reader could skip but the patcher must edit (UTF-16, malformed): one sentence, nothing written.
    if (e instanceof WorkbookFormatError) throw new InputError(messages.fileRefused(input, e.text)[lang]);
    throw e;
  }
  const zipped = patched.zipAsync();
  zipped.catch(() => undefined); // awaited in finishCopy; this only keeps an early exit from reporting it as unhandled
  return {
    out,
    marks: markTableOf(plan).length, // counted without making the marks
    notesOmitted: patched.notesOmitted,
    findingsSheetName: patched.findingsSheetName,
    formatsUnavailable: patched.formatsUnavailable,
    zipped,
  };
}

function reportCopy(copy: PendingCopy, lang: Lang, io: Io): void {
  io.out(messages.copyWritten(copy.out, copy.marks)[lang]);
  if (copy.formatsUnavailable > 0) io.out(formatLimitSentence(copy, lang));
  if (copy.notesOmitted > 0) io.out(messages.reasonsOnFindingsSheet(MAX_CELL_NOTES, copy.findingsSheetName ?? '')[lang]);
}

/** Said when the workbook has no room for another cell format (Excel's limit, MAX_CELL_XFS). */
function formatLimitSentence(copy: PendingCopy, lang: Lang): string {
  return messages.cellFormatLimit(copy.formatsUnavailable, MAX_CELL_XFS, copy.findingsSheetName ?? '')[lang];
}

/** The JSON document in pieces (a national check's is hundreds of megabytes), outlined with a finding per line, and a line end. */
function* jsonDocument(doc: unknown): Generator<string> {
  yield* jsonPieces(doc);
  yield '\n';
}

/**
 * The outputs of a run, refused before anything is read when one would land on an input or on
 * another output (see OutputPlan).
 */
function planOutputs(
  lang: Lang,
  inputs: ReadonlyArray<readonly [string, InputKind]>,
  outputs: ReadonlyArray<readonly [string, string | undefined]>,
): OutputPlan {
  const plan = new OutputPlan(lang);
  for (const [path, kind] of inputs) plan.input(path, kind);
  for (const [flag, path] of outputs) if (path) plan.output(path, flag);
  return plan;
}

/** An output's content, made when its turn comes (a promise: the copy still being compressed). */
type OutputContent = () => Iterable<string | Uint8Array> | Promise<Iterable<string | Uint8Array>>;

/**
 * Every output asked for (a path, or undefined when not asked) to its temporary file first, in the
 * order given, then all put in place together: a run that fails half way leaves nothing, and
 * nothing half written.
 */
async function writeOutputs(plan: OutputPlan, outputs: ReadonlyArray<readonly [string | undefined, OutputContent]>): Promise<void> {
  try {
    for (const [path, content] of outputs) {
      if (!path) continue;
      const pieces = await content();
      await plan.stage(path, () => pieces);
    }
    await plan.commit();
  } catch (e) {
    plan.abort();
    throw e;
  }
}

async function demo(lang: Lang, io: Io): Promise<number> {
  const root = resolve(__dirname, '../../..');
  const samples = join(root, 'samples');
  const files = existsSync(samples)
    ? readdirSync(samples)
        .filter((f) => f.endsWith('.xlsx'))
        .sort()
    : [];
  if (files.length === 0) throw new InputError(messages.noSamples(samples)[lang]);
  const outDir = join(root, 'out', 'demo');
  // The cluster view first, shown: every unit's table once, the ranking, the scorecard and the report.
  io.out('');
  let worst = await check(
    {
      command: 'check',
      workbooks: files.map((f) => join(samples, f)),
      scorecard: join(outDir, 'tong-hop.xlsx'),
      report: join(outDir, 'bao-cao.html'),
      bind: [],
      lang,
    },
    io,
  );
  // Then one highlighted copy and JSON per workbook, quietly (the tables were just printed).
  const quiet: Io = { out: () => undefined, err: io.err };
  for (const f of files) {
    const out = join(outDir, f.replace(/\.xlsx$/, '.kiem-tra.xlsx'));
    const code = await check({ command: 'check', workbooks: [join(samples, f)], out, json: out.replace(/\.xlsx$/, '.json'), bind: [], lang }, quiet);
    worst = Math.max(worst, code);
  }
  io.out('');
  io.out(messages.demoWritten(outDir)[lang]);
  return worst === EXIT.badInput ? EXIT.badInput : EXIT.ok;
}

/** The project's version, from its package.json found upwards (dist/src/cli when installed, src/cli under jest). */
function readVersion(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'pledge-check' && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) return '0.0.0';
  }
}

import { messageIn, messagePiecesIn } from '../evaluate/lazyMessageFinding';
import { readOneAtATime } from '../evaluate/compactFindings';
import { Finding, FindingInput, FindingList } from '../evaluate/finding';
import { digitsToShow } from '../evaluate/format';
import { RulePack } from '../packs/rulePack';
import { ReviewMatch, ReviewState } from '../review/reviewState';
import { WorkbookReading } from '../tables/workbookReading';
import { CheckAudit, WorkbookAudit } from './audit';
import { Lang } from '../words/lang';
import { JsonBatches, joinedLines, LineParts } from './jsonBatches';
import { jsonInside, jsonNames, jsonNumber, jsonPlain, jsonString, memoText, memoText2, memoText3 } from './jsonLiteral';

/** What a check knows beyond the findings, for the JSON document; each part is optional. */
export interface FindingsJsonExtras {
  readonly reviews?: ReviewMatch;
  readonly audit?: WorkbookAudit;
  /** When, with what tool and which pack (with the packs it extends) the check ran. */
  readonly check?: Pick<CheckAudit, 'checkedAt' | 'tool' | 'rulePack'>;
  /** How the workbook was read (`explain`): tables, header columns, each indicator's source. */
  readonly reading?: WorkbookReading;
}

/**
 * The `--json` document: stable field names that scripts and CI can rely on. Fields are only ever
 * added: `review` appears on a reviewed finding, `audit` (the check's time, tool, pack with its
 * bases, the workbook's digests and review log) when the caller has it.
 */
export function findingsJson(workbook: string, pack: RulePack, findings: FindingList, lang: Lang, extras: FindingsJsonExtras = {}) {
  return {
    workbook,
    rulePack: { id: pack.id, version: pack.version },
    ...(extras.audit || extras.check
      ? { audit: { ...(extras.check ? checkJson(extras.check) : {}), ...(extras.audit ? auditJson(extras.audit, extras.reviews) : {}) } }
      : {}),
    // Made a batch at a time while the document is written, never all at once.
    findings: new JsonBatches(
      findings.length,
      (from, to) => Array.from({ length: to - from }, (_, k) => findingJson(findings.at(from + k)!, lang, extras.reviews)),
      findingTexts(findings, lang, extras.reviews),
    ),
    ...(extras.reading ? { reading: readingJson(extras.reading) } : {}),
  };
}

/**
 * One finding as the document gives it. Built field by field, in the document's order, rather than
 * with spreads: a national check writes hundreds of thousands, and spread objects are slower to make.
 */
function findingJson(f: Finding, lang: Lang, reviews: ReviewMatch | undefined) {
  const review = reviews?.states.get(f);
  const out: Record<string, unknown> = { ruleId: f.ruleId, unit: f.unit };
  if (f.period !== undefined) out.period = f.period;
  out.status = f.status;
  out.severity = f.severity;
  out.sheet = f.sheet;
  out.cell = f.cell;
  out.inputs = f.inputs.map(inputJson);
  out.actual = actualShown(f);
  out.target = f.target;
  out.operator = f.operator;
  out.gap = gapShown(f);
  out.unitOfMeasure = f.factUnit;
  out.message = messageIn(f, lang);
  if (f.pledgedInWorkbook) out.pledgedInWorkbook = f.pledgedInWorkbook;
  if (review) out.review = reviewJson(review);
  return out;
}

/**
 * Findings as their compact JSON text, each exactly `JSON.stringify(findingJson(f))`, written by
 * hand: a national check has hundreds of thousands, and JSON.stringify of an object per finding
 * (two-byte text: the names are Vietnamese) took a third of the run. What depends only on names
 * from the pack and the table (a rule's head, a status with its sheet, an input's indicator,
 * period and sheet, a target with its operator) is written once per document as one run, so a
 * line is joined from about twenty-five parts, not fifty. Strings that vary by finding (a cell, a
 * shown text, the message) go in as they are, between quotes the runs around them end and begin
 * with, so no quoted copy of each is made. A finding this does not write (a review,
 * a plan cell) is given by JSON.stringify; test/report/findingsJson.test.ts holds every text to
 * JSON.stringify's, field order included. A batch's texts are gathered as parts and joined once:
 * built by `+`, each line was a tree of small strings, copied again when joined.
 */
function findingTexts(findings: FindingList, lang: Lang, reviews: ReviewMatch | undefined) {
  const name = jsonNames();
  const head = memoText((ruleId: string) => `{"ruleId":${jsonString(ruleId)},"unit":`);
  const period = memoText((p: string) => `,"period":${jsonString(p)}`);
  const status = memoText3(
    (st: string, severity: string, sheet: string) => `,"status":${jsonString(st)},"severity":${jsonString(severity)},"sheet":${jsonString(sheet)},"cell":"`,
  );
  const input = memoText3(
    (indicator: string, p: string, sheet: string) => `{"indicator":${jsonString(indicator)},"period":${jsonString(p)},"sheet":${jsonString(sheet)},"cell":"`,
  );
  const target = memoText2((t: number | null, op: string | null) => `,"target":${jsonNumber(t)},"operator":${op === null ? 'null' : jsonString(op)},"gap":`);
  const unit = memoText((u: string) => `,"unitOfMeasure":${jsonString(u)},"message":"`);
  const write = (f: Finding, p: LineParts): void => {
    if (f.pledgedInWorkbook || reviews?.states.has(f)) {
      p.push(JSON.stringify(findingJson(f, lang, reviews)));
      return;
    }
    p.push(head(f.ruleId), name(f.unit));
    if (f.period !== undefined) p.push(period(f.period));
    p.push(status(f.status, f.severity, f.sheet), jsonInside(f.cell));
    const last = f.inputs.length - 1;
    p.push(last < 0 ? '","inputs":[],"actual":' : '","inputs":[');
    for (let i = 0; i <= last; i++) {
      const x = f.inputs[i];
      p.push(
        input(x.indicator, x.period, x.sheet),
        jsonInside(x.cell),
        '","value":',
        jsonNumber(x.value),
        ',"shown":"',
        jsonInside(x.shown),
        i < last ? '"},' : '"}],"actual":',
      );
    }
    p.push(jsonNumber(actualShown(f)), target(f.target, f.operator), jsonNumber(gapShown(f)), unit(f.factUnit));
    // The message's pieces go in as they are when none is escaped: its text is never made. A piece
    // escaped alone could differ from the same characters escaped in the whole (a surrogate pair
    // split between two pieces), so then the whole message is.
    const n = messagePiecesIn(f, lang, pieces);
    if (n >= 0 && allPlain(pieces, n)) for (let i = 0; i < n; i++) p.push(pieces[i]);
    else p.push(jsonInside(messageIn(f, lang)));
    p.push('"}');
  };
  // A message's pieces, written over finding after finding.
  const pieces: string[] = [];
  // Each line is written before the next finding is read: one finding object serves them all.
  return joinedLines(readOneAtATime(findings), write);
}

function allPlain(pieces: ReadonlyArray<string>, n: number): boolean {
  for (let i = 0; i < n; i++) if (!jsonPlain(pieces[i])) return false;
  return true;
}

/** The actual value as the document gives it: two decimals, more only where rounding would show a shortfall as exactly on target. */
function actualShown(f: Finding): number | null {
  return f.actual === null ? null : roundTo(f.actual, f.target === null ? 2 : digitsToShow(f.actual, f.target));
}

function gapShown(f: Finding): number | null {
  return f.gap === null ? null : roundTo(f.gap, 2);
}

/** An input as the document gives it: the plan cell (`pledged`) is reported once, as the finding's pledgedInWorkbook. */
function inputJson(i: FindingInput) {
  return { indicator: i.indicator, period: i.period, sheet: i.sheet, cell: i.cell, value: i.value, shown: i.shown };
}

function reviewJson(s: ReviewState) {
  const r = s.review;
  return {
    status: r.status,
    comment: r.comment,
    reviewer: r.reviewer,
    time: r.time,
    findingStatusAtReview: r.findingStatus,
    inputsDigest: r.inputsDigest,
    changedSinceReview: s.changed,
    ...(s.changed ? { changes: s.changes } : {}),
  };
}

function checkJson(c: NonNullable<FindingsJsonExtras['check']>) {
  return { checkedAt: c.checkedAt, tool: c.tool, rulePack: c.rulePack };
}

function auditJson(a: WorkbookAudit, reviews: ReviewMatch | undefined) {
  return {
    ...(a.fileDigest ? { fileDigest: a.fileDigest } : {}),
    inputsDigest: a.inputsDigest,
    reviewLog: a.reviewLog,
    ...(reviews?.unmatched.length
      ? {
          reviewsWithoutFinding: reviews.unmatched.map((r) => ({
            ruleId: r.ruleId,
            unit: r.unit,
            ...(r.period === undefined ? {} : { period: r.period }),
            status: r.status,
          })),
        }
      : {}),
  };
}

/** Half away from zero, as people and Excel round (−9,375 → −9,38), never toward +∞ as Math.round does. */
function roundTo(x: number, digits: number): number {
  const p = 10 ** digits;
  return (Math.sign(x) * Math.round(Math.abs(x) * p)) / p + 0;
}

/** The reading without the workbook name (the document has it). */
function readingJson(r: WorkbookReading) {
  const { workbook: _w, ...rest } = r;
  return rest;
}

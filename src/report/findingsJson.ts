import { Finding } from '../evaluate/finding';
import { digitsToShow } from '../evaluate/format';
import { RulePack } from '../packs/rulePack';
import { ReviewMatch, ReviewState } from '../review/reviewState';
import { WorkbookReading } from '../tables/workbookReading';
import { CheckAudit, WorkbookAudit } from './audit';
import { Lang } from '../words/lang';
import { JsonBatches } from './jsonBatches';

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
export function findingsJson(workbook: string, pack: RulePack, findings: ReadonlyArray<Finding>, lang: Lang, extras: FindingsJsonExtras = {}) {
  return {
    workbook,
    rulePack: { id: pack.id, version: pack.version },
    ...(extras.audit || extras.check
      ? { audit: { ...(extras.check ? checkJson(extras.check) : {}), ...(extras.audit ? auditJson(extras.audit, extras.reviews) : {}) } }
      : {}),
    // Made a batch at a time while the document is written, never all at once.
    findings: new JsonBatches(
      findings.length,
      (from, to) => findings.slice(from, to).map((f) => findingJson(f, lang, extras.reviews)),
      (from, to, indent) => findingsText(findings, from, to, indent, lang, extras.reviews),
    ),
    ...(extras.reading ? { reading: readingJson(extras.reading) } : {}),
  };
}

/** One finding as the document gives it. */
function findingJson(f: Finding, lang: Lang, reviews: ReviewMatch | undefined) {
  const review = reviews?.states.get(f);
  return {
    ruleId: f.ruleId,
    unit: f.unit,
    ...(f.period === undefined ? {} : { period: f.period }),
    status: f.status,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    inputs: f.inputs.map(({ pledged: _p, ...i }) => i),
    // Two decimals, more only where rounding would show a shortfall as exactly on target.
    actual: f.actual === null ? null : roundTo(f.actual, f.target === null ? 2 : digitsToShow(f.actual, f.target)),
    target: f.target,
    operator: f.operator,
    gap: f.gap === null ? null : roundTo(f.gap, 2),
    unitOfMeasure: f.factUnit,
    message: f.message[lang],
    ...(f.pledgedInWorkbook ? { pledgedInWorkbook: f.pledgedInWorkbook } : {}),
    ...(review ? { review: reviewJson(review) } : {}),
  };
}

/**
 * Findings `from` to `to` as `JSON.stringify(findingJson(f), null, 2)` writes them at `indent`,
 * joined by `,\n`, written by hand: a national check has hundreds of thousands, and an object per
 * finding then stringified costs several times more (mostly in garbage collection). A finding with
 * anything this writer does not know (a review, a workbook target, an input with other fields, a
 * value of an unexpected type) is stringified as before, so the text is always the same.
 */
export function findingsText(findings: ReadonlyArray<Finding>, from: number, to: number, indent: string, lang: Lang, reviews: ReviewMatch | undefined): string {
  let out = '';
  for (let k = from; k < to; k++) {
    const f = findings[k];
    const text =
      (f.pledgedInWorkbook || reviews?.states.get(f) ? undefined : plainFindingText(f, indent, lang)) ?? stringifiedAt(findingJson(f, lang, reviews), indent);
    out += k === from ? indent + text : `,\n${indent}${text}`;
  }
  return out;
}

/** The fields of an input as the document gives them, in the order the evaluation makes them (`pledged` is left out). */
const INPUT_KEYS = ['indicator', 'period', 'sheet', 'cell', 'value', 'shown'];

/** One finding without a review or a workbook target, or undefined when it holds anything unusual. */
function plainFindingText(f: Finding, indent: string, lang: Lang): string | undefined {
  const a = `\n${indent}  `;
  const b = `${a}  `;
  const c = `${b}  `;
  let inputs = '[]';
  if (f.inputs.length > 0) {
    inputs = '[';
    for (let i = 0; i < f.inputs.length; i++) {
      const x = f.inputs[i];
      if (!hasInputKeys(x)) return undefined;
      const value = x.value === null ? 'null' : numberText(x.value);
      if (value === undefined || typeof x.indicator !== 'string' || typeof x.period !== 'string' || typeof x.sheet !== 'string') return undefined;
      if (typeof x.cell !== 'string' || typeof x.shown !== 'string') return undefined;
      inputs +=
        `${i ? ',' : ''}${b}{${c}"indicator": ${stringText(x.indicator)},${c}"period": ${stringText(x.period)},${c}"sheet": ${stringText(x.sheet)}` +
        `,${c}"cell": ${stringText(x.cell)},${c}"value": ${value},${c}"shown": ${stringText(x.shown)}${b}}`;
    }
    inputs += `${a}]`;
  }
  const actual = f.actual === null ? 'null' : numberText(roundTo(f.actual, f.target === null ? 2 : digitsToShow(f.actual, f.target)));
  const target = f.target === null ? 'null' : numberText(f.target);
  const gap = f.gap === null ? 'null' : numberText(roundTo(f.gap, 2));
  const operator = f.operator === null ? 'null' : typeof f.operator === 'string' ? stringText(f.operator) : undefined;
  const message = f.message[lang];
  if (actual === undefined || target === undefined || gap === undefined || operator === undefined) return undefined;
  for (const s of [f.ruleId, f.unit, f.status, f.severity, f.sheet, f.cell, f.factUnit, message]) if (typeof s !== 'string') return undefined;
  if (f.period !== undefined && typeof f.period !== 'string') return undefined;
  return (
    `{${a}"ruleId": ${stringText(f.ruleId)},${a}"unit": ${stringText(f.unit)}` +
    (f.period === undefined ? '' : `,${a}"period": ${stringText(f.period)}`) +
    `,${a}"status": ${stringText(f.status)},${a}"severity": ${stringText(f.severity)},${a}"sheet": ${stringText(f.sheet)},${a}"cell": ${stringText(f.cell)}` +
    `,${a}"inputs": ${inputs},${a}"actual": ${actual},${a}"target": ${target},${a}"operator": ${operator},${a}"gap": ${gap}` +
    `,${a}"unitOfMeasure": ${stringText(f.factUnit)},${a}"message": ${stringText(message)}\n${indent}}`
  );
}

/** Whether an input has exactly the fields INPUT_KEYS, in that order, and perhaps `pledged` after them. */
function hasInputKeys(x: object): boolean {
  const keys = Object.keys(x);
  const n = INPUT_KEYS.length;
  if (keys.length !== n && !(keys.length === n + 1 && keys[n] === 'pledged')) return false;
  for (let i = 0; i < n; i++) if (keys[i] !== INPUT_KEYS[i]) return false;
  return true;
}

/** Characters JSON.stringify writes escaped (lone surrogates too: any surrogate goes the slow way). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function stringText(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/** A number as JSON writes it (NaN and infinities as null); undefined for anything else. */
function numberText(x: unknown): string | undefined {
  if (typeof x !== 'number') return undefined;
  return Number.isFinite(x) ? String(x) : 'null';
}

/** A value as JSON.stringify(…, null, 2) writes it inside a document, its first line at `indent`. */
function stringifiedAt(value: unknown, indent: string): string {
  return (JSON.stringify(value, null, 2) as string).replace(/\n/g, `\n${indent}`);
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

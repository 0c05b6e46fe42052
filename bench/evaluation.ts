/**
 * Evaluation benchmark: the same 20 targets and the same subjects evaluated three ways, in one
 * process and one run — (a) Pledge Check's evaluator, (b) json-rules-engine used the obvious way
 * (one reused Engine, `await run(facts)` per subject), (c) hand-written closures (the practical limit).
 * Each size is measured as five rounds of (b), (a), (c) back to back, each run starting from a
 * collected heap (so no run pays for the garbage another left); the ratios are the medians of
 * the rounds' ratios, the times the medians of each side's five.
 */
import { Engine } from 'json-rules-engine';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import type { Figure } from './run';
import { PackEvaluator, engineRule } from '../src/evaluate/evaluatePack';
import { FindingStatus } from '../src/evaluate/finding';
import { defaultPack } from '../src/packs/builtinPacks';
import { PackRule, RulePack } from '../src/packs/rulePack';

type Row = Record<string, number | null>;

const le = (fact: string, value: number) => ({ fact, operator: 'lessThanInclusive', value });
const ge = (fact: string, value: number) => ({ fact, operator: 'greaterThanInclusive', value });
const rule = (id: string, conditions: object): PackRule => ({ id, title: { vi: id, en: id }, conditions: conditions as PackRule['conditions'] });

/** The default pack's seven targets plus thirteen more of the kinds clusters pledge: twenty in all. */
export function benchPack(): RulePack {
  const base = defaultPack();
  const change = (indicator: string) => ({ changePercent: indicator });
  return {
    ...base,
    facts: {
      ...base.facts,
      'fires-change-pct': change('fires-explosions'),
      'wanted-arrested-change-pct': change('wanted-persons-arrested'),
      'traffic-accidents-change-pct': change('traffic-accidents'),
      'traffic-injuries-change-pct': change('traffic-injuries'),
    },
    rules: [
      ...base.rules,
      rule('fires-not-up', { all: [le('fires-change-pct', 0)] }),
      rule('wanted-arrested-up', { all: [ge('wanted-arrested-change-pct', 0)] }),
      rule('traffic-accidents-down-5pct', { all: [le('traffic-accidents-change-pct', -5)] }),
      rule('traffic-injuries-down-5pct', { all: [le('traffic-injuries-change-pct', -5)] }),
      rule('crime-reports-resolved-95pct', { all: [ge('crime-reports-resolved-pct', 95)] }),
      rule('cases-cleared-85pct', { all: [ge('cases-cleared-pct', 85)] }),
      rule('corruption-recovered-70pct', { all: [ge('corruption-assets-recovered-pct', 70)] }),
      rule('serious-cleared-98pct', { all: [ge('serious-cases-cleared-pct', 98)] }),
      rule('criminal-cases-down-10pct', { all: [le('criminal-cases-change-pct', -10)] }),
      rule('traffic-deaths-down-5pct', { all: [le('traffic-deaths-change-pct', -5)] }),
      rule('clearance-both', { all: [ge('cases-cleared-pct', 80), ge('serious-cases-cleared-pct', 95)] }),
      rule('crime-down-or-cleared', { any: [le('criminal-cases-change-pct', -5), ge('cases-cleared-pct', 90)] }),
      rule('no-wrongful-not', { not: { fact: 'wrongful-convictions', operator: 'greaterThan', value: 0 } }),
    ],
  };
}

/** (c) The same twenty targets written by hand. */
type Closure = (r: Row) => FindingStatus;
const n = (v: number | null | undefined): v is number => typeof v === 'number';
const closures: Closure[] = [
  (r) => (!n(r['criminal-cases-change-pct']) ? 'no-data' : r['criminal-cases-change-pct'] <= -5 ? 'met' : 'shortfall'),
  (r) => (!n(r['crime-reports-resolved-pct']) ? 'no-data' : r['crime-reports-resolved-pct'] >= 90 ? 'met' : 'shortfall'),
  (r) => (!n(r['serious-cases-cleared-pct']) ? 'no-data' : r['serious-cases-cleared-pct'] >= 95 ? 'met' : 'shortfall'),
  (r) => (!n(r['cases-cleared-pct']) ? 'no-data' : r['cases-cleared-pct'] >= 80 ? 'met' : 'shortfall'),
  (r) => (!n(r['corruption-assets-recovered-pct']) ? 'no-data' : r['corruption-assets-recovered-pct'] >= 60 ? 'met' : 'shortfall'),
  (r) => (!n(r['traffic-deaths-change-pct']) ? 'no-data' : r['traffic-deaths-change-pct'] <= -10 ? 'met' : 'shortfall'),
  (r) => (!n(r['wrongful-convictions']) ? 'no-data' : r['wrongful-convictions'] === 0 ? 'met' : 'shortfall'),
  (r) => (!n(r['fires-change-pct']) ? 'no-data' : r['fires-change-pct'] <= 0 ? 'met' : 'shortfall'),
  (r) => (!n(r['wanted-arrested-change-pct']) ? 'no-data' : r['wanted-arrested-change-pct'] >= 0 ? 'met' : 'shortfall'),
  (r) => (!n(r['traffic-accidents-change-pct']) ? 'no-data' : r['traffic-accidents-change-pct'] <= -5 ? 'met' : 'shortfall'),
  (r) => (!n(r['traffic-injuries-change-pct']) ? 'no-data' : r['traffic-injuries-change-pct'] <= -5 ? 'met' : 'shortfall'),
  (r) => (!n(r['crime-reports-resolved-pct']) ? 'no-data' : r['crime-reports-resolved-pct'] >= 95 ? 'met' : 'shortfall'),
  (r) => (!n(r['cases-cleared-pct']) ? 'no-data' : r['cases-cleared-pct'] >= 85 ? 'met' : 'shortfall'),
  (r) => (!n(r['corruption-assets-recovered-pct']) ? 'no-data' : r['corruption-assets-recovered-pct'] >= 70 ? 'met' : 'shortfall'),
  (r) => (!n(r['serious-cases-cleared-pct']) ? 'no-data' : r['serious-cases-cleared-pct'] >= 98 ? 'met' : 'shortfall'),
  (r) => (!n(r['criminal-cases-change-pct']) ? 'no-data' : r['criminal-cases-change-pct'] <= -10 ? 'met' : 'shortfall'),
  (r) => (!n(r['traffic-deaths-change-pct']) ? 'no-data' : r['traffic-deaths-change-pct'] <= -5 ? 'met' : 'shortfall'),
  (r) => {
    const a = r['cases-cleared-pct'];
    const b = r['serious-cases-cleared-pct'];
    return !n(a) || !n(b) ? 'no-data' : a >= 80 && b >= 95 ? 'met' : 'shortfall';
  },
  (r) => {
    const a = r['criminal-cases-change-pct'];
    const b = r['cases-cleared-pct'];
    return !n(a) || !n(b) ? 'no-data' : a <= -5 || b >= 90 ? 'met' : 'shortfall';
  },
  (r) => (!n(r['wrongful-convictions']) ? 'no-data' : !(r['wrongful-convictions'] > 0) ? 'met' : 'shortfall'),
];

/** Deterministic pseudo-random numbers, so every run measures the same subjects. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Synthetic subjects: the pack's facts with realistic spreads around the thresholds and ~2 % no data. */
export function syntheticRows(count: number, pack: RulePack, seed = 2025): Row[] {
  const rnd = prng(seed);
  const facts = [...Object.keys(pack.facts ?? {}), 'wrongful-convictions'];
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    const row: Row = {};
    for (const f of facts) {
      if (rnd() < 0.02) row[f] = null;
      else if (f === 'wrongful-convictions') row[f] = rnd() < 0.05 ? 1 : 0;
      else if (f.endsWith('change-pct')) row[f] = Math.round((rnd() * 30 - 20) * 100) / 100;
      else row[f] = Math.round((70 + rnd() * 30) * 100) / 100;
    }
    rows.push(row);
  }
  return rows;
}

export async function evaluateWithProject(evaluator: PackEvaluator, rows: Row[]): Promise<ReadonlyArray<FindingStatus>[]> {
  return evaluator.statusesForRows(rows);
}

export async function evaluateWithEngine(engine: Engine, pack: RulePack, rows: Row[]): Promise<FindingStatus[][]> {
  const ids = pack.rules.map((r) => r.id);
  const factsOf = new Map(pack.rules.map((r) => [r.id, [...JSON.stringify(r.conditions).matchAll(/"fact":"([^"]+)"/g)].map((m) => m[1])]));
  const out: FindingStatus[][] = [];
  for (const row of rows) {
    const numeric: Record<string, number> = {};
    for (const [k, v] of Object.entries(row)) if (v !== null) numeric[k] = v;
    const { results } = await engine.run(numeric);
    const passed = new Set(results.map((r) => r.name));
    out.push(ids.map((id) => (!factsOf.get(id)!.every((f) => f in numeric) ? 'no-data' : passed.has(id) ? 'met' : 'shortfall')));
  }
  return out;
}

export function evaluateWithClosures(rows: Row[]): FindingStatus[][] {
  const out: FindingStatus[][] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const s: FindingStatus[] = new Array(closures.length);
    for (let j = 0; j < closures.length; j++) s[j] = closures[j](r);
    out[i] = s;
  }
  return out;
}

export function referenceEngine(pack: RulePack): Engine {
  return new Engine(pack.rules.map(engineRule), { allowUndefinedFacts: true });
}

export const CLOSURE_COUNT = closures.length;

/** V8's full collection, exposed at run time (the bench is started without --expose-gc). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Milliseconds of CPU the process has used (every thread: the collector's too). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** One run's wall time in milliseconds, from a collected heap; its CPU time goes to `cpu`. */
async function timed(gc: () => void, f: () => Promise<unknown> | unknown, cpu: number[]): Promise<number> {
  gc();
  const c0 = cpuMs();
  const t0 = process.hrtime.bigint();
  await f();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  cpu.push(cpuMs() - c0);
  return wall;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Rounds per size: the targets hold as medians of five. */
const ROUNDS = 5;

export async function evaluationFigures(quick: boolean): Promise<Figure[]> {
  const figures: Figure[] = [];
  const pack = benchPack();
  if (pack.rules.length !== 20 || CLOSURE_COUNT !== 20) throw new Error('the bench must have 20 rules');
  const evaluator = new PackEvaluator(pack);
  const engine = referenceEngine(pack);
  const gc = collector();
  const sizes = quick ? [1000, 10000] : [1000, 10000, 100000];
  for (const size of sizes) {
    const rows = syntheticRows(size, pack);
    const a = await evaluateWithProject(evaluator, rows);
    const b = await evaluateWithEngine(engine, pack, rows);
    const c = evaluateWithClosures(rows);
    const same = JSON.stringify(a) === JSON.stringify(b) && JSON.stringify(a) === JSON.stringify(c);
    const ta: number[] = [];
    const tb: number[] = [];
    const tc: number[] = [];
    // CPU times too: on a loaded machine a run of a tenth of a second waits for the CPU far more, in proportion, than one of ten seconds.
    const [ca, cb, cc]: number[][] = [[], [], []];
    for (let k = 0; k < ROUNDS; k++) {
      tb.push(await timed(gc, () => evaluateWithEngine(engine, pack, rows), cb));
      ta.push(await timed(gc, () => evaluateWithProject(evaluator, rows), ca));
      tc.push(await timed(gc, () => evaluateWithClosures(rows), cc));
    }
    const speedup = median(tb.map((t, k) => t / ta[k]));
    const cpuSpeedup = median(cb.map((t, k) => t / ca[k]));
    const toClosures = median(ta.map((t, k) => t / tc[k]));
    const [ma, mb, mc] = [median(ta), median(tb), median(tc)];
    const evals = size * pack.rules.length;
    console.log(
      `evaluation ${String(size).padStart(6)} subjects × 20 rules, medians of ${ROUNDS}: ` +
        `(a) Pledge Check ${ma.toFixed(1)} ms (${(evals / ma / 1000).toFixed(2)} M/s)  ` +
        `(b) json-rules-engine ${mb.toFixed(0)} ms (${(evals / mb / 1000).toFixed(3)} M/s)  ` +
        `(c) closures ${mc.toFixed(1)} ms  b/a ${speedup.toFixed(0)}× (rounds ${tb.map((t, k) => (t / ta[k]).toFixed(0)).join(', ')})  ` +
        `a/c ${toClosures.toFixed(2)}×  CPU: (a) ${median(ca).toFixed(0)} ms (b) ${median(cb).toFixed(0)} ms (c) ${median(cc).toFixed(0)} ms b/a ${cpuSpeedup.toFixed(0)}×  ` +
        `statuses ${same ? 'identical' : 'DIFFER'}`,
    );
    figures.push({ name: `evaluation.${size}.identical-statuses`, measured: same ? 1 : 0, target: 1, unit: 'bool', pass: same });
    figures.push({ name: `evaluation.${size}.project-ms`, measured: round(ma), target: null, unit: 'ms', pass: null });
    figures.push({ name: `evaluation.${size}.json-rules-engine-ms`, measured: round(mb), target: null, unit: 'ms', pass: null });
    figures.push({ name: `evaluation.${size}.closures-ms`, measured: round(mc), target: null, unit: 'ms', pass: null });
    figures.push({ name: `evaluation.${size}.cpu-speedup-vs-json-rules-engine`, measured: round(cpuSpeedup), target: null, unit: '×', pass: null });
    const isTargetSize = size === 100000 || (quick && size === sizes[sizes.length - 1]);
    figures.push({
      name: `evaluation.${size}.speedup-vs-json-rules-engine`,
      measured: round(speedup),
      target: isTargetSize ? 80 : null,
      unit: '×',
      pass: isTargetSize ? speedup >= 80 : null,
    });
    figures.push({
      name: `evaluation.${size}.ratio-to-closures`,
      measured: round(toClosures),
      target: isTargetSize ? 2.5 : null,
      unit: '×',
      pass: isTargetSize ? toClosures <= 2.5 : null,
    });
  }
  return figures;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * npm run bench [-- --json FILE] [-- --quick] [-- --only endToEnd,bundleSize]
 * Prints medians of several runs with the targets next to the measured ratios; --json writes every
 * figure as [{ name, measured, target, unit, pass }]. --only runs just the sections named (the
 * start of a section's name, any case: evaluation, endToEnd, scaling, bundleSize, officeRoundTrip, preview).
 */
import { writeFileSync } from 'fs';
import { PackEvaluator } from '../src/evaluate/evaluatePack';
import { benchPack, CLOSURE_COUNT, evaluateWithClosures, evaluateWithEngine, evaluateWithProject, referenceEngine, syntheticRows } from './evaluation';

export interface Figure {
  name: string;
  measured: number;
  target: number | null;
  unit: string;
  pass: boolean | null;
}

async function median(runs: number, f: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await f();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function evaluationFigures(quick: boolean): Promise<Figure[]> {
  const figures: Figure[] = [];
  const pack = benchPack();
  if (pack.rules.length !== 20 || CLOSURE_COUNT !== 20) throw new Error('the bench must have 20 rules');
  const evaluator = new PackEvaluator(pack);
  const engine = referenceEngine(pack);
  const sizes = quick ? [1000, 10000] : [1000, 10000, 100000];
  for (const size of sizes) {
    const rows = syntheticRows(size, pack);
    const a = await evaluateWithProject(evaluator, rows);
    const b = await evaluateWithEngine(engine, pack, rows);
    const c = evaluateWithClosures(rows);
    const same = JSON.stringify(a) === JSON.stringify(b) && JSON.stringify(a) === JSON.stringify(c);
    const runs = size >= 100000 ? 3 : 5;
    const ta = await median(runs, () => evaluateWithProject(evaluator, rows));
    const tb = await median(size >= 100000 ? 1 : 3, () => evaluateWithEngine(engine, pack, rows));
    const tc = await median(runs, () => evaluateWithClosures(rows));
    const evals = size * pack.rules.length;
    console.log(
      `evaluation ${String(size).padStart(6)} subjects × 20 rules: ` +
        `(a) Pledge Check ${ta.toFixed(1)} ms (${(evals / ta / 1000).toFixed(2)} M/s)  ` +
        `(b) json-rules-engine ${tb.toFixed(0)} ms (${(evals / tb / 1000).toFixed(3)} M/s)  ` +
        `(c) closures ${tc.toFixed(1)} ms  b/a ${(tb / ta).toFixed(0)}×  a/c ${(ta / tc).toFixed(2)}×  statuses ${same ? 'identical' : 'DIFFER'}`,
    );
    figures.push({ name: `evaluation.${size}.identical-statuses`, measured: same ? 1 : 0, target: 1, unit: 'bool', pass: same });
    figures.push({ name: `evaluation.${size}.project-ms`, measured: round(ta), target: null, unit: 'ms', pass: null });
    figures.push({ name: `evaluation.${size}.json-rules-engine-ms`, measured: round(tb), target: null, unit: 'ms', pass: null });
    figures.push({ name: `evaluation.${size}.closures-ms`, measured: round(tc), target: null, unit: 'ms', pass: null });
    const isTargetSize = size === 100000 || (quick && size === sizes[sizes.length - 1]);
    figures.push({
      name: `evaluation.${size}.speedup-vs-json-rules-engine`,
      measured: round(tb / ta),
      target: isTargetSize ? 80 : null,
      unit: '×',
      pass: isTargetSize ? tb / ta >= 80 : null,
    });
    figures.push({
      name: `evaluation.${size}.ratio-to-closures`,
      measured: round(ta / tc),
      target: isTargetSize ? 2.5 : null,
      unit: '×',
      pass: isTargetSize ? ta / tc <= 2.5 : null,
    });
  }
  return figures;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const quick = args.includes('--quick');
  const onlyAt = args.indexOf('--only');
  const only =
    onlyAt >= 0
      ? (args[onlyAt + 1] ?? '')
          .split(',')
          .map((x) => x.trim().toLowerCase())
          .filter(Boolean)
      : [];
  const wanted = (name: string) => only.length === 0 || only.some((x) => name.toLowerCase().startsWith(x));
  const figures: Figure[] = [];
  if (wanted('evaluation')) figures.push(...(await evaluationFigures(quick)));
  for (const extra of await import('./sections').then((m) => m.sections)) if (wanted(extra.name)) figures.push(...(await extra(quick)));
  console.log('');
  console.log('figure'.padEnd(58) + 'measured'.padStart(12) + '  target   pass');
  for (const f of figures.filter((x) => x.target !== null)) {
    const op = f.name.includes('speedup') ? '≥' : f.name.includes('identical') ? '=' : '≤';
    console.log(`${f.name.padEnd(58)}${String(f.measured).padStart(12)} ${f.unit.padEnd(4)} ${op} ${String(f.target).padEnd(6)} ${f.pass ? 'PASS' : 'FAIL'}`);
  }
  if (jsonAt >= 0 && args[jsonAt + 1]) writeFileSync(args[jsonAt + 1], JSON.stringify(figures, null, 2) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

/**
 * npm run bench [-- --json FILE] [-- --quick] [-- --only endToEnd,bundleSize]
 * Prints medians of several runs with the targets next to the measured ratios; --json writes every
 * figure as [{ name, measured, target, unit, pass }]. --only runs just the sections named (the
 * start of a section's name, any case: evaluation, endToEnd, scaling, profile, bundleSize, officeRoundTrip, preview).
 */
import { writeFileSync } from 'fs';
import { evaluationFigures } from './evaluation';

export interface Figure {
  name: string;
  measured: number;
  target: number | null;
  unit: string;
  pass: boolean | null;
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

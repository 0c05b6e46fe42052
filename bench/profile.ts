/**
 * Where a national `check --json --out` spends its time: the run is profiled (`--cpu-prof`) in its
 * own process and the profile's self time is summed per function. Garbage collection must not be
 * the largest item (issue #17): the figure is its time over the largest other item's, the median
 * of several runs.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { built, PLEDGE_CHECK, runChild, writeNationalWorkbook } from './endToEnd';
import type { Figure } from './run';

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (name, file and line), in milliseconds. */
function selfTimes(profile: CpuProfile): Map<string, number> {
  const nameOf = new Map(
    profile.nodes.map((n) => [
      n.id,
      `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`,
    ]),
  );
  const out = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const name = nameOf.get(id)!;
    out.set(name, (out.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return out;
}

/** Profiled runs of the national check, whose median is the figure. */
const PROFILE_RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function profileFigures(quick: boolean): Promise<Figure[]> {
  if (!built()) return [];
  const dir = mkdtempSync(join(tmpdir(), 'pledge-bench-'));
  try {
    const file = join(dir, 'toan-quoc.xlsx');
    await writeNationalWorkbook(file, quick ? 300 : 3319);
    // Profiled several times: the collector's share follows the machine's load (its parallel
    // phases compete with zlib's threads on two cores), so the figure is the median of the runs.
    const runs = quick ? 1 : PROFILE_RUNS;
    const ratios: number[] = [];
    const shares: number[] = [];
    for (let run = 0; run < runs; run++) {
      const profiles = join(dir, `profiles-${run}`);
      const r = runChild(
        PLEDGE_CHECK,
        [file, '--out', join(dir, 'pledge.xlsx'), '--json', join(dir, 'pledge.json')],
        ['--cpu-prof', `--cpu-prof-dir=${profiles}`],
      );
      if (!r.ok) throw new Error(`pledge-check failed: ${r.stderr}`);
      const [name] = readdirSync(profiles);
      const times = selfTimes(JSON.parse(readFileSync(join(profiles, name), 'utf8')) as CpuProfile);
      const total = [...times.values()].reduce((a, b) => a + b, 0);
      const gc = times.get('(garbage collector) :0') ?? 0;
      const ranked = [...times].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)')).sort((a, b) => b[1] - a[1]);
      const topOther = ranked.find(([k]) => !k.startsWith('(garbage collector)'));
      console.log(`profile ${run + 1} of ${runs}, check --json --out (${(total / 1000).toFixed(1)} s of samples), largest self times:`);
      for (const [k, ms] of ranked.slice(0, 8)) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${((ms / total) * 100).toFixed(1).padStart(4)} %  ${k}`);
      ratios.push(topOther ? gc / topOther[1] : 0);
      shares.push(gc / total);
    }
    const ratio = median(ratios);
    console.log(`GC over the largest other item: ${ratios.map((x) => x.toFixed(2)).join(', ')} (median ${ratio.toFixed(2)})`);
    return [
      { name: 'profile.gc-share-percent', measured: Math.round(median(shares) * 1000) / 10, target: null, unit: '%', pass: null },
      // Below 1: some function of the check itself, not the collector, is the largest item.
      { name: 'profile.gc-over-largest-other-item', measured: Math.round(ratio * 100) / 100, target: 1, unit: '×', pass: ratio < 1 },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

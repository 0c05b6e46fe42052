import { execFileSync } from 'child_process';
import { writesFiles } from '../../src/cli/heapPolicy';
import { PROJECT_ROOT } from '../helpers/paths';

describe('the launcher bounds the heap only for runs that write files', () => {
  it.each([
    [['check', 'a.xlsx'], false],
    [['check', 'so-don-vi/', '--lang', 'en'], false],
    [['check', 'a.xlsx', '--json', 'kq.json'], true],
    [['check', 'a.xlsx', '--out=ban-to-mau.xlsx'], true],
    [['check', 'folder/', '--scorecard', 's.xlsx'], true],
    [['check', 'folder/', '--report', 'r.html'], true],
    [['review', 'a.xlsx', '--out', 'b.xlsx'], true],
    [['lint', 'rules/default.json'], false],
  ])('%j → %s', (argv, expected) => {
    expect(writesFiles(argv)).toBe(expected);
  });
});

// Run in a child process: the policy changes V8's flags for the whole process.
describe('the heap is bounded once the findings are made, in a run the launcher armed', () => {
  const run = (script: string) =>
    execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
  const policy = `const p = require('./src/cli/heapPolicy.ts');`;

  it('an armed run bounds once, and forces no collection of its own (V8 has just made one)', () => {
    const out = run(
      `${policy} const armed = p.armHeapPolicy(['check', 'a.xlsx', '--json', 'k.json']);` +
        ` const { PerformanceObserver, constants, performance } = require('perf_hooks'); const majors = [];` +
        ` const seen = new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors.push(e.startTime); });` +
        ` seen.observe({ entryTypes: ['gc'] });` +
        ` const t0 = performance.now(); const first = p.boundHeapAfterFindings(); const second = p.boundHeapAfterFindings(); const t1 = performance.now();` +
        // A full collection V8 makes on its own may come at any time, just not within the call.
        ` setTimeout(() => { seen.disconnect(); console.log(JSON.stringify([armed, first, second, majors.some((t) => t >= t0 && t <= t1)])); }, 50);`,
    );
    expect(JSON.parse(out)).toEqual([true, true, false, false]);
  });

  it('a run that writes no file, or that no launcher armed, keeps V8’s own policy', () => {
    expect(JSON.parse(run(`${policy} p.armHeapPolicy(['check', 'a.xlsx']); console.log(JSON.stringify(p.boundHeapAfterFindings()));`))).toBe(false);
    expect(JSON.parse(run(`${policy} console.log(JSON.stringify(p.boundHeapAfterFindings()));`))).toBe(false);
    expect(JSON.parse(run(`${policy} p.armHeapPolicy(['check', 'a.xlsx']); console.log(JSON.stringify(p.collectAloneWhileWriting()));`))).toBe(false);
  });

  it('an armed run makes its young collections alone once it is writing, and says so once', () => {
    const out = run(
      `${policy} p.armHeapPolicy(['check', 'a.xlsx', '--json', 'k.json']);` +
        ` const first = p.collectAloneWhileWriting(); const second = p.collectAloneWhileWriting();` +
        // The process goes on collecting: a young collection made after the switch completes.
        ` let kept = []; for (let i = 0; i < 200000; i++) kept[i % 1000] = { i }; console.log(JSON.stringify([first, second, kept.length]));`,
    );
    expect(JSON.parse(out)).toEqual([true, false, 1000]);
  });
});

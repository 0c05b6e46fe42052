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
  const policy = `const p = require('./src/cli/heapPolicy.ts'); const v8 = require('v8');`;

  it('an armed run bounds once, and a full collection starts the bound', () => {
    const out = run(
      `${policy} const armed = p.armHeapPolicy(['check', 'a.xlsx', '--json', 'k.json']);` +
        ` const junk = []; for (let i = 0; i < 2e5; i++) junk.push({ i }); junk.length = 0;` +
        ` const before = v8.getHeapStatistics().used_heap_size;` +
        ` const first = p.boundHeapAfterFindings(); const after = v8.getHeapStatistics().used_heap_size;` +
        ` console.log(JSON.stringify([armed, first, p.boundHeapAfterFindings(), after < before]));`,
    );
    expect(JSON.parse(out)).toEqual([true, true, false, true]);
  });

  it('a run that writes no file, or that no launcher armed, keeps V8’s own policy', () => {
    expect(JSON.parse(run(`${policy} p.armHeapPolicy(['check', 'a.xlsx']); console.log(JSON.stringify(p.boundHeapAfterFindings()));`))).toBe(false);
    expect(JSON.parse(run(`${policy} console.log(JSON.stringify(p.boundHeapAfterFindings()));`))).toBe(false);
  });
});

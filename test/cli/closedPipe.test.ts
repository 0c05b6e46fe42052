import { spawn } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { PROJECT_ROOT } from '../helpers/paths';

// `pledge-check check … | head`: the reader closes the pipe before the run has printed its report.
// Run in a child process, as the launcher runs it: the handler is on the process's own streams.
describe('a reader that stops early', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pledge-pipe-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (json: string) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const script =
        `require('./src/cli/io').dropOutputWhenReaderGoes();` +
        ` require('./src/cli/main').main(['check', 'samples/tong-hop-cum-2025.xlsx', '--json', ${JSON.stringify(json)}]).then((c) => { process.exitCode = c; });`;
      const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      // The reader goes before anything is printed.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('close', (code) => resolve({ code, stderr }));
    });

  it('ends only the printing: no stack trace, the check’s own exit code, its files still written', async () => {
    const json = join(dir, 'ket-qua.json');
    const { code, stderr } = await run(json);
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(1); // the sample has shortfalls
    expect((JSON.parse(readFileSync(json, 'utf8')) as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
  }, 60_000);
});

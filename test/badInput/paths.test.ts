/**
 * Issue #16, points 6–10: only regular files are read; no output lands on an input or on another
 * output; devices and pipes are written through, never renamed over; temporary files are created
 * exclusively with random names; every output is put in place only when all are written, and
 * temporary files go away on failure and on signals.
 */
import { spawn, execFileSync } from 'child_process';
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { EXIT } from '../../src/cli/main';
import { OutputPlan } from '../../src/cli/outputPlan';
import { runCli, snapshot, STACK_FRAME, tempDir, writeInput } from './cliHarness';
import { goodReport } from './corpus';

const PACK = join(__dirname, '../../rules/default.json');
const hasFifo = process.platform !== 'win32' && existsSync('/usr/bin/mkfifo');
const itFifo = hasFifo ? it : it.skip;

function oneSentence(err: string): void {
  expect(err.split('\n')).toHaveLength(1);
  expect(err).not.toMatch(STACK_FRAME);
}

/** Reads a FIFO in another process until its writer closes it; resolves with what came through. */
function drain(fifo: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('cat', [fifo]);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });
}

describe('only regular files are inputs (point 6)', () => {
  itFifo('a FIFO named b.xlsx in a folder is reported, not waited on, and the other workbooks are checked', async () => {
    const dir = tempDir();
    writeInput(dir, 'a.xlsx', goodReport());
    execFileSync('mkfifo', [join(dir, 'b.xlsx')]);
    const t = Date.now();
    const r = await runCli('check', dir, '--lang', 'en');
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toBe(`${join(dir, 'b.xlsx')}: is not a regular file (a device, pipe or socket), so it is not read as a workbook.`);
    expect(r.out).toContain('a.xlsx');
  });

  it.each(['/dev/zero', '/dev/urandom'])('an input symlinked to %s is refused before a byte is read', async (device) => {
    if (!existsSync(device)) return;
    const dir = tempDir();
    symlinkSync(device, join(dir, 'so.xlsx'));
    const r = await runCli('check', join(dir, 'so.xlsx'));
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(/so\.xlsx: không phải là một tệp thông thường \(thiết bị, ống dẫn hay socket\)/);
    oneSentence(r.err);
  });

  it.each(['/dev/zero', '/dev/urandom'])('--rules symlinked to %s is refused before a byte is read', async (device) => {
    if (!existsSync(device)) return;
    const dir = tempDir();
    const input = writeInput(dir, 'so.xlsx', goodReport());
    symlinkSync(device, join(dir, 'pack.json'));
    for (const command of [['check', input], ['lint'], ['test']]) {
      const r = await runCli(...command, ...(command[0] === 'check' ? ['--rules'] : []), join(dir, 'pack.json'), '--lang', 'en');
      expect(r.code).toBe(EXIT.badInput);
      expect(`${r.err}${r.out}`).toMatch(/pack\.json: is not a regular file \(a device, pipe or socket\)/);
    }
  });
});

describe('no output on an input or on another output (point 7)', () => {
  it.each([
    ['--json', '--out'],
    ['--out', '--scorecard'],
    ['--scorecard', '--report'],
    ['--report', '--json'],
  ])('%s and %s at one path: refused, nothing written', async (a, b) => {
    const dir = tempDir();
    const input = writeInput(dir, 'so.xlsx', goodReport());
    const before = snapshot(dir);
    const r = await runCli('check', input, a, join(dir, 'same.x'), b, join(dir, 'same.x'), '--lang', 'en');
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(/same\.x: --\w+ and --\w+ name the same file; each output needs a file of its own, and nothing was written\./);
    oneSentence(r.err);
    expect(snapshot(dir)).toEqual(before);
  });

  it('two outputs at one path written two ways (a symlink, ../) are refused', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'so.xlsx', goodReport());
    mkdirSync(join(dir, 'x'));
    symlinkSync(join(dir, 'kq.json'), join(dir, 'link.json')); // dangling: kq.json does not exist yet
    for (const other of [join(dir, 'link.json'), join(dir, 'x', '..', 'kq.json')]) {
      const r = await runCli('check', input, '--json', join(dir, 'kq.json'), '--report', other);
      expect(r.code).toBe(EXIT.badInput);
      expect(r.err).toMatch(/--json và --report cùng chỉ tới một tệp/);
    }
    expect(existsSync(join(dir, 'kq.json'))).toBe(false);
  });

  it('--json on the rule pack (by name, through a symlink, through a hard link) is refused and the pack survives', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'so.xlsx', goodReport());
    const pack = writeInput(dir, 'mypack.json', readFileSync(PACK));
    symlinkSync(pack, join(dir, 'sym.json'));
    linkSync(pack, join(dir, 'hard.json'));
    const before = snapshot(dir);
    for (const target of [pack, join(dir, 'sym.json'), join(dir, 'hard.json')]) {
      for (const flag of ['--json', '--report', '--scorecard', '--out']) {
        const r = await runCli('check', input, '--rules', pack, flag, target, '--lang', 'en');
        expect(r.code).toBe(EXIT.badInput);
        expect(r.err).toBe(`${target}: ${flag} must not be the rule pack ${pack}; inputs are never overwritten.`);
      }
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it('review --out on its --rules pack is refused', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'so.xlsx', goodReport());
    const pack = writeInput(dir, 'mypack.json', readFileSync(PACK));
    const before = snapshot(dir);
    const r = await runCli(
      'review',
      input,
      '--rules',
      pack,
      '--rule',
      'traffic-deaths-down-10pct',
      '--unit',
      'Công an tỉnh Thanh Hóa',
      '--status',
      'accepted',
      '--reviewer',
      'A',
      '--out',
      pack,
    );
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(/không được trùng bộ quy tắc/);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('non-regular targets are written through (point 8)', () => {
  itFifo('--json to a FIFO writes into the pipe and leaves it a FIFO', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'so.xlsx', goodReport());
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const got = drain(fifo);
    const r = await runCli('check', input, '--json', fifo);
    expect(r.code).toBe(EXIT.ok);
    expect(JSON.parse(await got).findings.length).toBeGreaterThan(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['pipe', 'so.xlsx']);
  });

  itFifo('--report through a symlink to a pipe (as /dev/stdout is) keeps the symlink and writes the pipe', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'so.xlsx', goodReport());
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    symlinkSync(fifo, join(dir, 'stdout'));
    const got = drain(fifo);
    const r = await runCli('check', input, '--report', join(dir, 'stdout'));
    expect(r.code).toBe(EXIT.ok);
    expect(await got).toMatch(/^<!DOCTYPE html>/i);
    expect(lstatSync(join(dir, 'stdout')).isSymbolicLink()).toBe(true);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('--json /dev/null leaves /dev/null a device', async () => {
    if (!existsSync('/dev/null')) return;
    const dir = tempDir();
    const input = writeInput(dir, 'so.xlsx', goodReport());
    const r = await runCli('check', input, '--json', '/dev/null', '--report', '/dev/null');
    expect(r.code).toBe(EXIT.ok);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync('/dev').filter((n) => n.startsWith('.null.'))).toEqual([]);
  });

  it('a symlink to a regular file: the file it points to is replaced (via a temporary file in its folder), the link kept', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'so.xlsx', goodReport());
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'kq.json'), 'old');
    symlinkSync(join(dir, 'real', 'kq.json'), join(dir, 'kq.json'));
    const r = await runCli('check', input, '--json', join(dir, 'kq.json'));
    expect(r.code).toBe(EXIT.ok);
    expect(lstatSync(join(dir, 'kq.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'real', 'kq.json'), 'utf8')).findings.length).toBeGreaterThan(0);
    expect(readdirSync(join(dir, 'real'))).toEqual(['kq.json']);
  });
});

describe('temporary files (point 9)', () => {
  it('a symlink planted at the old predictable temporary names is never followed', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'so.xlsx', goodReport());
    const victim = writeInput(dir, 'victim.txt', 'precious');
    for (const name of [`.kq.json.${process.pid}.json.tmp`, `.kq.json.${process.pid}.tmp`, `.copy.xlsx.${process.pid}.tmp`, `.r.html.${process.pid}.tmp`])
      symlinkSync(victim, join(dir, name));
    const r = await runCli('check', input, '--json', join(dir, 'kq.json'), '--out', join(dir, 'copy.xlsx'), '--report', join(dir, 'r.html'));
    expect(r.code).toBe(EXIT.ok);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('are opened exclusively, with a random name, in the folder of the target', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'so.xlsx', goodReport());
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fs = require('fs') as typeof import('fs');
    const opens = jest.spyOn(fs, 'openSync');
    try {
      const r = await runCli('check', input, '--json', join(dir, 'kq.json'), '--out', join(dir, 'copy.xlsx'));
      expect(r.code).toBe(EXIT.ok);
      const temps = opens.mock.calls.filter((c) => String(c[0]).endsWith('.tmp'));
      expect(temps).toHaveLength(2);
      for (const [path, flags] of temps) {
        expect(String(path)).toMatch(new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\.(kq\\.json|copy\\.xlsx)\\.[0-9a-f]{16}\\.tmp$`));
        expect(flags).toBe('wx');
      }
    } finally {
      opens.mockRestore();
    }
  });
});

describe('all or nothing (point 10)', () => {
  it('when a later output cannot be written, no earlier one is put in place and no temporary file is left', async () => {
    const dir = tempDir();
    const input = writeInput(dir, 'so.xlsx', goodReport());
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    const before = snapshot(dir);
    const r = await runCli(
      'check',
      input,
      '--json',
      join(dir, 'kq.json'),
      '--out',
      join(dir, 'copy.xlsx'),
      '--scorecard',
      join(dir, 'tong-hop.xlsx'),
      '--report',
      join(dir, 'not-a-folder', 'r.html'),
    );
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(/r\.html: không ghi được tệp \(\w+\)\.$/);
    oneSentence(r.err);
    expect(snapshot(dir)).toEqual(before);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('%s removes the temporary files written so far', async (signal) => {
    const dir = tempDir();
    const seen: string[] = [];
    const plan = new OutputPlan('en', (s) => seen.push(s));
    plan.output(join(dir, 'a.json'), '--json');
    plan.output(join(dir, 'b.html'), '--report');
    await plan.stage(join(dir, 'a.json'), () => ['{}']);
    await plan.stage(join(dir, 'b.html'), () => ['<p>']);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toHaveLength(2);
    process.emit(signal, signal);
    expect(readdirSync(dir)).toEqual([]);
    expect(seen).toEqual([signal]);
    expect(process.listenerCount(signal)).toBe(0);
  });
});

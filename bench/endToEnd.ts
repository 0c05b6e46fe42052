/**
 * End to end: the CLI on a national-scale workbook (3,319 commune units × 12 months, 40 columns)
 * compared with ExcelJS alone reading and writing the same file. Each side runs in its own child
 * process so peak memory (maxRSS) is its own.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import ExcelJS from 'exceljs';
import type { Figure } from './run';

const ROOT = resolve(__dirname, '..');
const INDICATORS = [
  'Số vụ PPHS',
  'Đã khám phá',
  'Án rất nghiêm trọng, đặc biệt nghiêm trọng',
  'Án rất nghiêm trọng, đặc biệt nghiêm trọng đã khám phá',
  'Tin báo tiếp nhận',
  'Tin báo đã giải quyết',
  'Tài sản thiệt hại tham nhũng (triệu đồng)',
  'Tài sản thu hồi tham nhũng (triệu đồng)',
  'Số vụ TNGT',
  'Số người chết do TNGT',
  'Số người bị thương do TNGT',
  'Số vụ án oan',
  'Số vụ cháy, nổ',
  'Số đối tượng truy nã bị bắt',
  'Số vụ PPHS về ma túy',
  'Số vụ PPHS về kinh tế',
  'Số vụ PPHS về môi trường',
  'Số vụ lừa đảo qua mạng',
  'Số đối tượng tái phạm',
];

/** Writes the workbook with ExcelJS's streaming writer (the way large exports are made). */
export async function writeNationalWorkbook(file: string, units = 3319, months = 12): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('Toàn quốc');
  const header = ['Đơn vị', 'Tháng'];
  for (const name of INDICATORS) header.push(`${name} năm 2024`, `${name} năm 2025`);
  ws.addRow(header).commit();
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let u = 1; u <= units; u++) {
    for (let m = 1; m <= months; m++) {
      const row: (string | number | null)[] = [`Công an xã số ${u}`, `${String(m).padStart(2, '0')}/2025`];
      // Realistic spreads: most units meet most targets, a minority fall short somewhere.
      for (let i = 0; i < INDICATORS.length; i++) {
        const base = 20 + Math.floor(rnd() * 400);
        row.push(base, rnd() < 0.01 ? null : Math.max(0, Math.round(base * (0.84 + rnd() * 0.16))));
      }
      // Cleared ≤ cases, resolved ≤ received, recovered ≤ lost, mostly above the pledged shares.
      for (const [num, den, low] of [[4, 2, 0.78], [8, 6, 0.93], [12, 10, 0.88], [16, 14, 0.55]]) {
        const d = row[den + 1];
        if (typeof d === 'number') row[num + 1] = Math.round(d * (low + rnd() * (1 - low)));
      }
      row[25] = rnd() < 0.02 ? 1 : 0;
      ws.addRow(row).commit();
    }
  }
  ws.commit();
  await wb.commit();
}

function runChild(script: string, args: string[]): { ms: number; maxRssMb: number; ok: boolean; stderr: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', script, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const m = /MAXRSS (\d+)/.exec(r.stdout ?? '');
  return { ms, maxRssMb: m ? Number(m[1]) / 1024 : NaN, ok: r.status === 0 || r.status === 1, stderr: (r.stderr ?? '').slice(0, 500) };
}

const EXCELJS_ROUND_TRIP = `
const ExcelJS = require('exceljs');
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[1]);
  await wb.xlsx.writeFile(process.argv[2]);
  console.log('MAXRSS ' + process.resourceUsage().maxRSS);
})();`;

const PLEDGE_CHECK = `
const { main } = require('./dist/src/cli/main.js');
main(['check', process.argv[1], '--out', process.argv[2], '--json', process.argv[3]], { out: () => {}, err: (s) => process.stderr.write(s + '\\n') })
  .then((code) => { console.log('MAXRSS ' + process.resourceUsage().maxRSS); process.exitCode = code; });`;

export async function endToEndFigures(quick: boolean): Promise<Figure[]> {
  if (!existsSync(join(ROOT, 'dist/src/cli/main.js'))) {
    console.log('end to end: skipped (run `npm run build:cli` first)');
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'pledge-bench-'));
  const file = join(dir, 'toan-quoc.xlsx');
  const units = quick ? 300 : 3319;
  await writeNationalWorkbook(file, units);
  const size = statSync(file).size;
  const runs = quick ? 1 : 3;
  const ours: ReturnType<typeof runChild>[] = [];
  const theirs: ReturnType<typeof runChild>[] = [];
  for (let i = 0; i < runs; i++) {
    theirs.push(runChild(EXCELJS_ROUND_TRIP, [file, join(dir, 'exceljs.xlsx')]));
    ours.push(runChild(PLEDGE_CHECK, [file, join(dir, 'pledge.xlsx'), join(dir, 'pledge.json')]));
  }
  if (!ours.every((r) => r.ok)) throw new Error(`pledge-check failed: ${ours.find((r) => !r.ok)?.stderr}`);
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const tOurs = med(ours.map((r) => r.ms));
  const tTheirs = med(theirs.map((r) => r.ms));
  const mOurs = med(ours.map((r) => r.maxRssMb));
  const mTheirs = med(theirs.map((r) => r.maxRssMb));
  console.log(
    `end to end ${units * 12} rows × 40 columns (${(size / 1e6).toFixed(1)} MB): pledge-check check --out ${tOurs.toFixed(0)} ms, ${mOurs.toFixed(0)} MB peak; ` +
      `ExcelJS read+write ${tTheirs.toFixed(0)} ms, ${mTheirs.toFixed(0)} MB peak; time ${(tOurs / tTheirs).toFixed(2)}×, memory ${(mOurs / mTheirs).toFixed(2)}×`,
  );
  return [
    { name: 'end-to-end.pledge-check-ms', measured: Math.round(tOurs), target: null, unit: 'ms', pass: null },
    { name: 'end-to-end.exceljs-read-write-ms', measured: Math.round(tTheirs), target: null, unit: 'ms', pass: null },
    { name: 'end-to-end.time-ratio-to-exceljs', measured: round(tOurs / tTheirs), target: 1.3, unit: '×', pass: tOurs / tTheirs <= 1.3 },
    { name: 'end-to-end.pledge-check-peak-mb', measured: Math.round(mOurs), target: null, unit: 'MB', pass: null },
    { name: 'end-to-end.exceljs-peak-mb', measured: Math.round(mTheirs), target: null, unit: 'MB', pass: null },
    { name: 'end-to-end.memory-ratio-to-exceljs', measured: round(mOurs / mTheirs), target: 1.5, unit: '×', pass: mOurs / mTheirs <= 1.5 },
  ];
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

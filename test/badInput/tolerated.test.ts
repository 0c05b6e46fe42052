/**
 * Odd workbooks Pledge Check must read, not refuse, each with the outcome decided here: what is
 * readable is read, what is ambiguous or not a number is no data with its reason, and nothing is
 * ever a silent pass. Every case runs the CLI with --json and --out: the input stays untouched and
 * only the two requested files appear.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { unzipSync, strFromU8 } from 'fflate';
import ExcelJS from 'exceljs';
import { EXIT } from '../../src/cli/main';
import { EXCEL_ERRORS } from '../../src/grid/cell';
import { runCli, RunResult, snapshot, STACK_FRAME, tempDir, writeInput } from './cliHarness';
import { Cell, DEFAULT_RULES, FULL_REPORT, ReportRow, reportRowOf, reportRows, xlsxPackage } from './corpus';

interface JsonFinding {
  ruleId: string;
  unit: string;
  status: 'met' | 'shortfall' | 'no-data';
  sheet: string;
  cell: string;
  actual: number | null;
  message: string;
  inputs: Array<{ cell: string; shown: string; value: number | null; sheet: string }>;
}

interface Checked {
  readonly r: RunResult;
  readonly findings: JsonFinding[];
  readonly copy: Uint8Array;
  readonly input: string;
}

// The modules themselves (not import wrappers), so spies see every caller's use of them.
/* eslint-disable @typescript-eslint/no-require-imports */
const dns = require('dns') as typeof import('dns');
const fs = require('fs') as typeof import('fs');
const http = require('http') as typeof import('http');
const https = require('https') as typeof import('https');
const net = require('net') as typeof import('net');
/* eslint-enable @typescript-eslint/no-require-imports */

/** Runs `check --json --out` on the workbook and checks what every run must keep. */
async function check(bytes: Uint8Array, name = 'so-lieu.xlsx', ...extra: string[]): Promise<Checked> {
  const dir = tempDir();
  const input = writeInput(dir, name, bytes);
  const before = snapshot(dir);
  const json = join(dir, 'ket-qua.json');
  const out = join(dir, 'ban-sao.xlsx');
  const r = await runCli('check', input, '--json', json, '--out', out, ...extra);
  expect(r.err).toBe('');
  expect(r.out).not.toMatch(STACK_FRAME);
  const after = snapshot(dir);
  // The input is byte for byte and mtime for mtime what it was; only the two outputs are new.
  expect(after.get(name)).toEqual(before.get(name));
  expect([...after.keys()].sort()).toEqual(['ban-sao.xlsx', 'ket-qua.json', name].sort());
  const doc = JSON.parse(readFileSync(json, 'utf8')) as { findings: JsonFinding[] };
  return { r, findings: doc.findings, copy: readFileSync(out), input };
}

const byRule = (findings: JsonFinding[], unit?: string) => new Map(findings.filter((f) => unit === undefined || f.unit === unit).map((f) => [f.ruleId, f]));

function report(rows: ReadonlyArray<ReportRow>): Uint8Array {
  return xlsxPackage({ sheets: [{ name: 'Báo cáo', rows: reportRows(rows) }] });
}

describe('numbers written as text', () => {
  it('Vietnamese-format text numbers are read exactly as the real numbers would be', async () => {
    const asText = (v: Cell): Cell => (typeof v === 'number' ? new Intl.NumberFormat('vi-VN').format(v) : v);
    const textRows = FULL_REPORT.map((r) => (r.length === 3 ? ([r[0], asText(r[1]), asText(r[2])] as const) : r));
    expect(textRows.some((r) => r[1] === '1.245')).toBe(true);
    const numeric = await check(report(FULL_REPORT));
    const text = await check(report(textRows));
    const shape = (fs: JsonFinding[]) => fs.map((f) => ({ ruleId: f.ruleId, status: f.status, actual: f.actual, cell: f.cell }));
    expect(shape(text.findings)).toEqual(shape(numeric.findings));
    expect(text.findings.map((f) => f.status)).toEqual(DEFAULT_RULES.map(() => 'met'));
    expect(text.r.code).toBe(EXIT.ok);
  });

  it('text that is not a number is no data, quoted in the reason, never zero', async () => {
    const junk = ['chưa thống kê', 'N/A', '51/61 vụ', '92%', '—', '1.2.3', 'không'];
    let k = 0;
    const rows = FULL_REPORT.map((r) => (r.length === 3 ? ([r[0], junk[k++ % junk.length], junk[k++ % junk.length]] as const) : r));
    const { findings, r } = await check(report(rows));
    expect(findings.map((f) => f.ruleId).sort()).toEqual([...DEFAULT_RULES].sort());
    for (const f of findings) {
      expect(f.status).toBe('no-data');
      expect(f.actual).toBeNull();
      expect(f.message).toMatch(/^Không đủ số liệu để đánh giá: ô [A-Z]+\d+ không phải là số \(".+"\)\.$/);
    }
    expect(r.code).toBe(EXIT.shortfall); // no data has not been met: exit 1, though never counted as a shortfall
  });
});

describe('every Excel error value in indicator cells', () => {
  const rows: Cell[][] = [['Đơn vị', 'Số vụ án oan năm 2024', 'Số vụ PPHS năm 2023', 'Số vụ PPHS năm 2024']];
  EXCEL_ERRORS.forEach((e, i) => rows.push([`Công an tỉnh số ${i + 1}`, { error: e }, 100, { f: `1/0+${i}`, v: e, t: 'e' }]));

  it('each is no data, and each reason names its error', async () => {
    const { findings, r } = await check(xlsxPackage({ sheets: [{ name: 'Cụm', rows }] }));
    expect(r.code).toBe(EXIT.shortfall); // no data has not been met
    expect(findings).toHaveLength(EXCEL_ERRORS.length * 2);
    EXCEL_ERRORS.forEach((e, i) => {
      const mine = byRule(findings, `Công an tỉnh số ${i + 1}`);
      for (const rule of ['no-wrongful-convictions', 'criminal-cases-down-5pct']) {
        const f = mine.get(rule)!;
        expect({ rule, error: e, status: f.status }).toEqual({ rule, error: e, status: 'no-data' });
        expect(f.message).toContain(`("${e}")`);
      }
    });
  });
});

describe('merged cells across the value columns', () => {
  const deaths = reportRowOf('Số người chết');
  const wrongful = reportRowOf('Số vụ án oan');
  const bytes = () =>
    xlsxPackage({ sheets: [{ name: 'Báo cáo', rows: reportRows(FULL_REPORT), merges: [`D${deaths}:E${deaths}`, `D${wrongful}:E${wrongful}`] }] });

  it('a figure merged over both periods belongs to neither: no data, the merged area named, the rest unaffected', async () => {
    const { findings, copy } = await check(bytes());
    const f = byRule(findings);
    for (const [rule, row] of [
      ['traffic-deaths-down-10pct', deaths],
      ['no-wrongful-convictions', wrongful],
    ] as const) {
      expect(f.get(rule)!.status).toBe('no-data');
      expect(f.get(rule)!.message).toContain(`vùng ô gộp D${row}:E${row}`);
    }
    for (const rule of DEFAULT_RULES.filter((x) => x !== 'traffic-deaths-down-10pct' && x !== 'no-wrongful-convictions')) {
      expect(f.get(rule)!.status).toBe('met');
    }
    // The mark sits on the area's top-left cell, where Excel shows the merged area's fill.
    const sheet = strFromU8(unzipSync(copy)['xl/worksheets/sheet1.xml']);
    expect(sheet).toMatch(new RegExp(`<c r="D${wrongful}" s="\\d+"`));
  });
});

describe('a 32,767-character cell (Excel’s maximum)', () => {
  const long = 'x'.repeat(32767);
  const wrongful = reportRowOf('Số vụ án oan');
  const rows = reportRows(FULL_REPORT);
  rows[wrongful - 1][4] = long; // the current figure
  rows[wrongful - 1][5] = 'ghi chú ' + 'y'.repeat(32767 - 8); // the notes column beside it
  rows.push([null, 'Ghi chú: ' + 'z'.repeat(32767 - 9)]);

  it('is no data when it stands for a figure, quoted briefly; the copy stays within Excel’s limits', async () => {
    const { findings, copy, r } = await check(xlsxPackage({ sheets: [{ name: 'Báo cáo', rows }] }));
    const f = byRule(findings).get('no-wrongful-convictions')!;
    expect(f.status).toBe('no-data');
    expect(f.message.length).toBeLessThan(200);
    expect(f.message).toContain('…');
    expect(r.out).not.toContain('x'.repeat(100));
    expect(byRule(findings).get('criminal-cases-down-5pct')!.status).toBe('met');
    // Every text the copy adds (notes, the findings sheet) fits in a cell.
    const parts = unzipSync(copy);
    for (const [name, data] of Object.entries(parts)) {
      if (!/comments\d*\.xml$|worksheets\/sheet\d+\.xml$/.test(name)) continue;
      for (const m of strFromU8(data).matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) expect(decodeLength(m[1])).toBeLessThanOrEqual(32767);
    }
    // And ExcelJS, a third reader, opens it with the long cells intact.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(copy) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('Báo cáo')!.getCell(`E${wrongful}`).value).toBe(long);
  });
});

describe('a note longer than Excel allows', () => {
  it('a pack whose reason text runs past 32,767 characters still gives a copy within Excel’s limits', async () => {
    const pack = JSON.parse(readFileSync(join(__dirname, '../../rules/default.json'), 'utf8')) as { rules: Array<Record<string, unknown>> };
    // A message may be 2,000 characters; twenty targets on one cell make a note of 40,000.
    const rule = pack.rules.find((r) => r.id === 'no-wrongful-convictions')!;
    for (let i = 1; i <= 20; i++) {
      pack.rules.push({
        ...rule,
        id: `khong-an-oan-${i}`,
        messages: { shortfall: { vi: `{fact}: {actual}. ${'Lý do rất dài. '.repeat(120)}`, en: '{fact}: {actual}.' } },
      });
    }
    const dir = tempDir();
    const packFile = writeInput(dir, 'bo-dai.json', JSON.stringify(pack));
    const rows = FULL_REPORT.map((r) => (r[0] === 'Số vụ án oan' ? (['Số vụ án oan', 0, 3] as const) : r));
    const { copy } = await check(report(rows), 'so-lieu.xlsx', '--rules', packFile);
    const comments = Object.entries(unzipSync(copy)).filter(([n]) => /comments\d*\.xml$/.test(n));
    expect(comments.length).toBeGreaterThan(0);
    for (const [, data] of comments) {
      const texts = [...strFromU8(data).matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => decodeLength(m[1]));
      expect(Math.max(...texts)).toBeGreaterThan(30_000);
      for (const n of texts) expect(n).toBeLessThanOrEqual(32767);
    }
  });
});

describe('formulas that reference other workbooks', () => {
  const externalLink = () =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>1180</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`;
  const linkRels = (target: string) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="${target}" TargetMode="External"/></Relationships>`;

  function linkedWorkbook(secretFile: string): Uint8Array {
    // Every current-period figure is a formula into another workbook, with its cached value.
    let n = 0;
    const rows = FULL_REPORT.map((r) => (r.length === 3 ? ([r[0], r[1], { f: `[${(n++ % 2) + 1}]Sheet1!E${n}`, v: r[2] as number | string }] as const) : r));
    // (A text result such as `7,25` is cached as a formula string, t="str", and read as a Vietnamese number.)
    return xlsxPackage({
      sheets: [{ name: 'Báo cáo', rows: reportRows(rows) }],
      workbookTail: '<externalReferences><externalReference r:id="rIdX1"/><externalReference r:id="rIdX2"/></externalReferences>',
      workbookRels:
        '<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/>' +
        '<Relationship Id="rIdX2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink2.xml"/>',
      contentTypes:
        '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>' +
        '<Override PartName="/xl/externalLinks/externalLink2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>',
      extraParts: {
        'xl/externalLinks/externalLink1.xml': externalLink(),
        'xl/externalLinks/_rels/externalLink1.xml.rels': linkRels(`file:///${secretFile}`),
        'xl/externalLinks/externalLink2.xml': externalLink(),
        'xl/externalLinks/_rels/externalLink2.xml.rels': linkRels('https://so-lieu.example.invalid/nam-2024.xlsx'),
      },
    });
  }

  it('reads the cached values, opens no connection, reads no other file, and keeps the links as they were', async () => {
    const dir = tempDir();
    const secret = writeInput(dir, 'so-khac.xlsx', 'not read');
    const bytes = linkedWorkbook(secret);
    const spies = [
      jest.spyOn(net.Socket.prototype, 'connect'),
      jest.spyOn(dns, 'lookup'),
      jest.spyOn(http, 'request'),
      jest.spyOn(https, 'request'),
      jest.spyOn(http, 'get'),
      jest.spyOn(https, 'get'),
    ];
    const fetchSpy = typeof globalThis.fetch === 'function' ? jest.spyOn(globalThis, 'fetch') : undefined;
    const reads = jest.spyOn(fs, 'readFileSync');
    try {
      const { findings, copy, input } = await check(bytes, 'lien-ket.xlsx');
      const plain = await check(report(FULL_REPORT));
      // The same statuses and values as the report with plain numbers: the cached results were read.
      expect(findings.map((f) => [f.ruleId, f.status, f.actual])).toEqual(plain.findings.map((f) => [f.ruleId, f.status, f.actual]));
      expect(findings.map((f) => f.status)).toEqual(DEFAULT_RULES.map(() => 'met'));
      for (const s of spies) expect(s).not.toHaveBeenCalled();
      if (fetchSpy) expect(fetchSpy).not.toHaveBeenCalled();
      const files = reads.mock.calls.map((c) => String(c[0]));
      expect(files.filter((f) => f.includes('so-khac') || f.includes('example.invalid'))).toEqual([]);
      expect(files).toContain(input);
      const before = unzipSync(bytes);
      const after = unzipSync(copy);
      for (const name of Object.keys(before).filter((n) => n.startsWith('xl/externalLinks/'))) {
        expect(Buffer.from(after[name]).equals(Buffer.from(before[name]))).toBe(true);
      }
      // The formulas themselves are never rewritten.
      const formulas = (x: Uint8Array) => [...strFromU8(x).matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]);
      expect(formulas(after['xl/worksheets/sheet1.xml'])).toEqual(formulas(before['xl/worksheets/sheet1.xml']));
      expect(formulas(before['xl/worksheets/sheet1.xml'])).toContain('[1]Sheet1!E1');
    } finally {
      for (const s of [...spies, reads]) s.mockRestore();
      fetchSpy?.mockRestore();
    }
  });
});

describe('hidden and very hidden sheets', () => {
  const shortReport = FULL_REPORT.map((r) => (r[0] === 'Số vụ án oan' ? (['Số vụ án oan', 0, 2] as const) : r));
  const tableC: Cell[][] = [
    ['Đơn vị', 'Số vụ PPHS năm 2023', 'Số vụ PPHS năm 2024'],
    ['Công an tỉnh Nghệ An', 200, 150],
    ['Công an tỉnh Hà Tĩnh', 100, 99],
  ];

  it('are read and checked like any other sheet (as in the add-in), and stay hidden in the copy', async () => {
    const bytes = xlsxPackage({
      sheets: [
        { name: 'Hướng dẫn', rows: [['Điền số liệu vào trang Báo cáo.']] },
        { name: 'Báo cáo', rows: reportRows(shortReport), state: 'hidden' },
        { name: 'Số liệu cụm', rows: tableC, state: 'veryHidden' },
      ],
    });
    const { findings, copy, r } = await check(bytes);
    expect(r.code).toBe(EXIT.shortfall);
    expect(byRule(findings, 'Công an tỉnh Thanh Hóa').get('no-wrongful-convictions')!).toMatchObject({ status: 'shortfall', sheet: 'Báo cáo' });
    expect(byRule(findings, 'Công an tỉnh Hà Tĩnh').get('criminal-cases-down-5pct')!).toMatchObject({ status: 'shortfall', sheet: 'Số liệu cụm' });
    const wb = strFromU8(unzipSync(copy)['xl/workbook.xml']);
    expect(wb).toMatch(/<sheet name="Báo cáo" sheetId="2" state="hidden"/);
    expect(wb).toMatch(/<sheet name="Số liệu cụm" sheetId="3" state="veryHidden"/);
  });

  it('a hidden old copy of the same table is not read: verdicts come from the sheet people see', async () => {
    const bytes = xlsxPackage({
      sheets: [
        { name: 'Báo cáo', rows: reportRows(FULL_REPORT) },
        { name: 'Bản cũ', rows: reportRows(shortReport), state: 'hidden' },
      ],
    });
    const { findings } = await check(bytes);
    const visible = await check(xlsxPackage({ sheets: [{ name: 'Báo cáo', rows: reportRows(FULL_REPORT) }] }));
    expect(findings).toHaveLength(DEFAULT_RULES.length);
    expect(findings.map((f) => [f.ruleId, f.status, f.sheet, f.cell])).toEqual(visible.findings.map((f) => [f.ruleId, f.status, f.sheet, f.cell]));
  });
});

describe('duplicate unit names', () => {
  it('layout B: a unit named over two column groups is ambiguous, never settled by position', async () => {
    const rows: Cell[][] = [
      ['STT', 'Chỉ tiêu', 'Công an tỉnh Thanh Hóa', null, 'Công an tỉnh Nghệ An', null, 'CÔNG AN TỈNH THANH HÓA', null],
      [null, null, 'Năm 2023', 'Năm 2024', 'Năm 2023', 'Năm 2024', 'Năm 2023', 'Năm 2024'],
      ['1', 'Số vụ phạm pháp hình sự', 100, 90, 200, 150, 100, 99],
      ['2', 'Số vụ án oan', 0, 0, 0, 0, 0, 1],
    ];
    const { findings } = await check(xlsxPackage({ sheets: [{ name: 'Tổng hợp', rows, merges: ['C1:D1', 'E1:F1', 'G1:H1'] }] }));
    const thanhHoa = byRule(findings, 'Công an tỉnh Thanh Hóa');
    expect(thanhHoa.get('no-wrongful-convictions')!.status).toBe('no-data');
    expect(thanhHoa.get('no-wrongful-convictions')!.message).toContain('(D4, H4)');
    expect(thanhHoa.get('criminal-cases-down-5pct')!.status).toBe('no-data');
    expect(byRule(findings, 'Công an tỉnh Nghệ An').get('criminal-cases-down-5pct')!.status).toBe('met');
  });

  it('layout C: the same unit on two rows (spelt with other accents or capitals) is ambiguous', async () => {
    const rows: Cell[][] = [
      ['Đơn vị', 'Số vụ PPHS năm 2023', 'Số vụ PPHS năm 2024', 'Số vụ án oan năm 2024'],
      ['Công an tỉnh Thanh Hóa', 100, 90, 0],
      ['Công an tỉnh Nghệ An', 200, 150, 0],
      ['CÔNG AN TỈNH THANH HOÁ', 100, 99, 1],
    ];
    const { findings } = await check(xlsxPackage({ sheets: [{ name: 'Cụm', rows }] }));
    const thanhHoa = byRule(findings, 'Công an tỉnh Thanh Hóa');
    expect([...thanhHoa.values()].map((f) => f.status)).toEqual(['no-data', 'no-data']);
    expect(thanhHoa.get('no-wrongful-convictions')!.message).toContain('(D2, D4)');
    expect([...byRule(findings, 'Công an tỉnh Nghệ An').values()].map((f) => f.status)).toEqual(['met', 'met']);
  });
});

describe('the same indicator twice in one table', () => {
  it('is reported as ambiguous end to end (JSON, console, copy), never one of the two picked', async () => {
    const rows = [...FULL_REPORT.slice(0, 3), ['Số vụ phạm pháp hình sự', 1245, 1300] as const, ...FULL_REPORT.slice(3)];
    const first = reportRowOf('Số vụ phạm pháp hình sự', rows);
    const { findings, copy, r } = await check(report(rows));
    const f = byRule(findings);
    for (const rule of ['criminal-cases-down-5pct', 'cases-cleared-80pct']) {
      expect(f.get(rule)!.status).toBe('no-data');
      expect(f.get(rule)!.message).toContain(`xuất hiện nhiều lần (E${first}, E${first + 2})`);
    }
    expect(f.get('traffic-deaths-down-10pct')!.status).toBe('met');
    expect(r.out).toContain('không rõ dùng số nào');
    const findingsSheet = Object.entries(unzipSync(copy)).find(([n, d]) => /worksheets\/sheet\d+\.xml$/.test(n) && strFromU8(d).includes('Kết quả'));
    expect(findingsSheet).toBeDefined();
  });
});

/** Characters of an XML text node once its character references are decoded. */
function decodeLength(xml: string): number {
  return Array.from(xml.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, '_')).length;
}

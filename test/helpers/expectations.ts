import { readFileSync } from 'fs';
import { join } from 'path';
import { unzipSync } from 'fflate';
import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { Finding } from '../../src/evaluate/finding';
import { defaultPack } from '../../src/packs/builtinPacks';
import { highlightPlanFor } from '../../src/report/highlightPlan';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { writeHighlightedCopy } from '../../src/xlsx/write/writeHighlightedCopy';

export interface ExpectedFinding {
  ruleId: string;
  unit: string;
  status: Finding['status'];
  actual: number | null;
  cells: string[];
  sheet: string;
}

export interface ExpectedWorkbook {
  layout: 'A' | 'B' | 'C';
  sheet: string;
  unit?: string;
  table?: string;
  expected: ExpectedFinding[];
}

export function loadExpectations(dir: string): Record<string, ExpectedWorkbook> {
  return JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, ExpectedWorkbook>;
}

const checker = new PledgeChecker(defaultPack());

/**
 * The acceptance contract, for the shared fixtures and the project's own samples alike: every
 * expected (rule, unit) has exactly that status and value, each finding's cell is one of the
 * listed cells, no finding is unexpected, and the highlighted copy marks those cells while every
 * input value stays as it was.
 */
export function describeWorkbookExpectations(dir: string, file: string, exp: ExpectedWorkbook): void {
  describe(file, () => {
    const bytes = readFileSync(join(dir, file));
    let findings: Finding[] = [];
    let layouts: string[] = [];

    beforeAll(async () => {
      const r = await checker.check(readWorkbook(bytes));
      findings = r.findings;
      layouts = r.tables.map((t) => t.layout);
    });

    it(`is read as layout ${exp.layout}`, () => {
      expect(layouts).toContain(exp.layout);
    });

    it('gives exactly the expected status, value and cell for every rule and unit', () => {
      const got = findings.map((f) => ({ ruleId: f.ruleId, unit: f.unit.normalize('NFC'), status: f.status, sheet: f.sheet, cell: f.cell, actual: f.actual }));
      for (const e of exp.expected) {
        const f = got.find((g) => g.ruleId === e.ruleId && g.unit === e.unit.normalize('NFC'));
        expect({ rule: e.ruleId, unit: e.unit, found: Boolean(f) }).toEqual({ rule: e.ruleId, unit: e.unit, found: true });
        expect({ rule: e.ruleId, unit: e.unit, status: f!.status, sheet: f!.sheet }).toEqual({
          rule: e.ruleId,
          unit: e.unit,
          status: e.status,
          sheet: e.sheet,
        });
        expect(e.cells).toContain(f!.cell);
        if (e.actual === null) expect(f!.actual).toBeNull();
        else expect(f!.actual).toBeCloseTo(e.actual, 2);
      }
      expect(findings).toHaveLength(exp.expected.length);
    });

    it('writes a highlighted copy that marks the flagged cells and changes no value', () => {
      const copy = writeHighlightedCopy(bytes, highlightPlanFor(findings, 'vi'));
      const before = readWorkbook(bytes);
      const after = readWorkbook(copy);
      for (const s of before.sheets) {
        const t = after.sheets.find((x) => x.name === s.name)!;
        expect(t.rows.map(normalizeRow)).toEqual(s.rows.map(normalizeRow));
        expect(t.merges).toEqual(s.merges);
      }
      // Flagged cells point at styles with a fill; the original parts that hold no cells are untouched.
      const parts = unzipSync(copy);
      const original = unzipSync(bytes);
      for (const name of Object.keys(original)) {
        if (!name.endsWith('/') && /^xl\/(charts|drawings\/drawing|theme|tables|pivot|externalLinks|media)/.test(name)) {
          expect(Buffer.from(parts[name]).equals(Buffer.from(original[name]))).toBe(true);
        }
      }
      const flagged = findings.filter((f) => f.status !== 'met');
      for (const f of flagged) expect({ cell: f.cell, style: styleOf(parts, f) }).toEqual({ cell: f.cell, style: expect.stringMatching(/^\d+$/) });
      expect(after.sheets.length).toBe(before.sheets.length + 1);
    });
  });
}

function normalizeRow(r: ReadonlyArray<unknown> | undefined): unknown[] {
  return r ? Array.from(r, (v) => (v === undefined ? null : v)) : [];
}

/** The `s` attribute of a flagged cell in the copy (undefined when the cell carries no style). */
function styleOf(parts: Record<string, Uint8Array>, f: Finding): string | undefined {
  const cell = f.cell;
  for (const [name, data] of Object.entries(parts)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const m = new RegExp(`<(?:\\w+:)?c r="${cell}"[^>]*?\\ss="(\\d+)"`).exec(Buffer.from(data).toString('utf8'));
    if (m) return m[1];
  }
  return undefined;
}

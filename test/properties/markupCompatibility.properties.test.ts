/**
 * Markup compatibility (issue #16, point 1) as properties: for random sheets mixing plain cells,
 * cells of an ignorable namespace and mc:AlternateContent blocks (Choices requiring understood or
 * unknown namespaces, with or without a Fallback), the reader shows exactly the cells the MC rules
 * leave — checked against a model of the rules on every run, and against LibreOffice (a second,
 * independent reader) where `soffice` is installed.
 */
import fc from 'fast-check';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { columnName } from '../../src/grid/address';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { xlsxPackage } from '../badInput/corpus';
import '../fastCheckSeed';

const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** `x` is SpreadsheetML, `x12ac` an extension Excel (and LibreOffice) understands, `ign` a made-up namespace. */
type Requires = 'x' | 'x12ac' | 'ign' | 'x ign' | 'x12ac ign';
const UNDERSTOOD: Requires[] = ['x', 'x12ac'];
type Fragment = { kind: 'plain' } | { kind: 'ignorable' } | { kind: 'alternate'; choices: Requires[]; fallback: boolean };

const fragmentOf = (requires: Requires[]): fc.Arbitrary<Fragment> =>
  fc.oneof(
    fc.constant<Fragment>({ kind: 'plain' }),
    fc.constant<Fragment>({ kind: 'ignorable' }),
    fc.record({
      kind: fc.constant('alternate' as const),
      choices: fc.array(fc.constantFrom(...requires), { minLength: 1, maxLength: 3 }),
      fallback: fc.boolean(),
    }),
  );
const sheetArb = fc.array(fragmentOf(['x', 'x12ac', 'ign', 'x ign', 'x12ac ign']), { minLength: 1, maxLength: 6 });
/**
 * LibreOffice decides a Choice by its prefix against a fixed list (a14, p14, p15, x12ac, v), not
 * by namespace: it does not take `Requires="x"` even bound to SpreadsheetML. Compared on the rest.
 */
const libreOfficeArb = fc.array(fragmentOf(['x12ac', 'ign', 'x12ac ign']), { minLength: 1, maxLength: 6 });

/** The sheet's XML and, by the MC rules, the value each column shows (undefined: blank). */
function build(fragments: Fragment[]): { xml: string; shown: Array<number | undefined> } {
  let col = 0;
  const shown: Array<number | undefined> = [];
  const cell = (prefix = '') => {
    const c = col++;
    return { c, xml: `<${prefix}c r="${columnName(c)}1"><${prefix}v>${100 + c}</${prefix}v></${prefix}c>` };
  };
  let body = '';
  for (const f of fragments) {
    if (f.kind === 'plain') {
      const { c, xml } = cell();
      shown[c] = 100 + c;
      body += xml;
    } else if (f.kind === 'ignorable') {
      body += cell('ign:').xml;
    } else {
      let taken = false;
      body += '<mc:AlternateContent>';
      for (const r of f.choices) {
        const { c, xml } = cell();
        if (!taken && r.split(' ').every((p) => UNDERSTOOD.includes(p as Requires))) {
          taken = true;
          shown[c] = 100 + c;
        }
        body += `<mc:Choice Requires="${r}">${xml}</mc:Choice>`;
      }
      if (f.fallback) {
        const { c, xml } = cell();
        if (!taken) shown[c] = 100 + c;
        body += `<mc:Fallback>${xml}</mc:Fallback>`;
      }
      body += '</mc:AlternateContent>';
    }
  }
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${SML}" xmlns:x="${SML}" xmlns:mc="${MC}" xmlns:ign="urn:pledge-check:ignored" xmlns:x12ac="http://schemas.microsoft.com/office/spreadsheetml/2011/1/ac" mc:Ignorable="ign">` +
    `<sheetData><row r="1">${body}</row><row r="2"><c r="A2"><v>1</v></c></row></sheetData></worksheet>`;
  return { xml, shown };
}

function readRow(bytes: Uint8Array): Array<number | undefined> {
  const row = readWorkbook(bytes).sheets[0].rows[0] ?? [];
  const out: Array<number | undefined> = [];
  row.forEach((v, i) => {
    if (typeof v === 'number') out[i] = v;
  });
  return out;
}

const dense = (a: Array<number | undefined>, n: number) => Array.from({ length: n }, (_, i) => a[i]);

describe('markup compatibility, against a model of the rules', () => {
  it('the reader shows exactly the cells the rules leave', () => {
    fc.assert(
      fc.property(sheetArb, (fragments) => {
        const { xml, shown } = build(fragments);
        const bytes = xlsxPackage({ sheets: [{ name: 'S', xml }] });
        const n = Math.max(shown.length, 20);
        expect(dense(readRow(bytes), n)).toEqual(dense(shown, n));
      }),
      { numRuns: 200 },
    );
  });
});

function onPath(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    if (dir && fs.existsSync(p)) return p;
  }
  return undefined;
}
const soffice = onPath('soffice');
const withLibreOffice = soffice ? describe : describe.skip;

withLibreOffice('markup compatibility, against LibreOffice', () => {
  it('LibreOffice shows the same cells as the reader for random sheets', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pledge-mc-'));
    try {
      const cases = fc.sample(libreOfficeArb, 24).map((fragments, i) => {
        const { xml, shown } = build(fragments);
        const file = path.join(dir, `case${i}.xlsx`);
        const bytes = xlsxPackage({ sheets: [{ name: 'S', xml }] });
        fs.writeFileSync(file, bytes);
        return { i, xml, shown, bytes };
      });
      execFileSync(
        soffice as string,
        [
          `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
          '--headless',
          '--convert-to',
          'csv',
          '--outdir',
          dir,
          ...cases.map((c) => path.join(dir, `case${c.i}.xlsx`)),
        ],
        { timeout: 240_000, stdio: 'pipe' },
      );
      for (const c of cases) {
        const line = fs.readFileSync(path.join(dir, `case${c.i}.csv`), 'utf8').split(/\r?\n/)[0];
        const libre = line.split(',').map((s) => (s === '' ? undefined : Number(s)));
        const n = Math.max(libre.length, c.shown.length, 1);
        const ours = dense(readRow(c.bytes), n);
        expect({ xml: c.xml, cells: ours }).toEqual({ xml: c.xml, cells: dense(libre, n) });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

/**
 * Workbooks that hide a second figure for a cell, or write a figure Excel does not read as one
 * (issue #16, points 1–3). Each is a report whose traffic deaths fall from 290 to 280 (−3.45 %, a
 * shortfall of the "down 10 %" target) with a hidden 200 (−31 %, met) wherever the trick puts it.
 * Built in memory like the rest of the corpus.
 */
import { Cell, FULL_REPORT, PackageSpec, ReportRow, reportRowOf, reportRows, worksheetXml, xlsxPackage } from './corpus';

export const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
export const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const SML_STRICT = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

/** Where the traffic deaths of this year are (column E of the report's row). */
export const DEATHS_CELL = `E${reportRowOf('Số người chết')}`;

/** The report with this year's traffic deaths set to `current`. */
export function deathsRows(current: Cell): Cell[][] {
  const rows: ReportRow[] = FULL_REPORT.map((r) => (r.length === 3 && r[0] === 'Số người chết' ? ([r[0], r[1], current] as const) : r));
  return reportRows(rows);
}

/** The report's sheet XML with 280 deaths, then `edit` applied to the real cell's markup and the root. */
export function deathsSheet(opts: { rootAttrs?: string; cell?: (real: string) => string; current?: Cell } = {}): string {
  let xml = worksheetXml(deathsRows(opts.current ?? 280));
  if (opts.rootAttrs) xml = xml.replace('<worksheet ', `<worksheet ${opts.rootAttrs} `);
  const real = new RegExp(`<c r="${DEATHS_CELL}"[^>]*>.*?</c>`).exec(xml)?.[0];
  if (!real) throw new Error('no deaths cell');
  if (opts.cell) xml = xml.replace(real, opts.cell(real));
  return xml;
}

export function bookOf(xml: string, extra: Partial<PackageSpec> = {}): Uint8Array {
  return xlsxPackage({ sheets: [{ name: 'Báo cáo', xml }], ...extra });
}

/** The hidden figures of point 1, each as a workbook (name → bytes); LibreOffice and Excel show 280 for all. */
export const HIDDEN_CELL_CASES: Readonly<Record<string, () => Uint8Array>> = {
  'an ignorable namespace cell after the real one': () =>
    bookOf(
      deathsSheet({
        rootAttrs: `xmlns:mc="${MC}" xmlns:ign="urn:x" mc:Ignorable="ign"`,
        cell: (c) => `${c}<ign:c r="${DEATHS_CELL}"><ign:v>200</ign:v></ign:c>`,
      }),
    ),
  'an ignorable namespace declared with another prefix for mc': () =>
    bookOf(
      deathsSheet({
        rootAttrs: `xmlns:m2="${MC}" xmlns:ign="urn:x" m2:Ignorable="ign"`,
        cell: (c) => `${c}<ign:c r="${DEATHS_CELL}"><ign:v>200</ign:v></ign:c>`,
      }),
    ),
  'a Choice requiring a namespace nobody understands': () =>
    bookOf(
      deathsSheet({
        rootAttrs: `xmlns:mc="${MC}" xmlns:ign="urn:x"`,
        cell: (c) => `${c}<mc:AlternateContent><mc:Choice Requires="ign"><c r="${DEATHS_CELL}"><v>200</v></c></mc:Choice></mc:AlternateContent>`,
      }),
    ),
  'a second Choice and a Fallback after the first understood Choice': () =>
    bookOf(
      deathsSheet({
        rootAttrs: `xmlns:mc="${MC}" xmlns:x="${SML}"`,
        cell: (c) =>
          `<mc:AlternateContent><mc:Choice Requires="x">${c}</mc:Choice><mc:Choice Requires="x"><c r="${DEATHS_CELL}"><v>200</v></c></mc:Choice>` +
          `<mc:Fallback><c r="${DEATHS_CELL}"><v>200</v></c></mc:Fallback></mc:AlternateContent>`,
      }),
    ),
  'a cell of another namespace that is not declared ignorable': () =>
    bookOf(deathsSheet({ cell: (c) => `${c}<o:c xmlns:o="urn:other" r="${DEATHS_CELL}"><o:v>200</o:v></o:c>` })),
  'a cell in the default namespace redeclared to another one': () =>
    bookOf(deathsSheet({ cell: (c) => `${c}<c xmlns="urn:other" r="${DEATHS_CELL}"><v>200</v></c>` })),
};

/** Point 1: a cell address written twice, the second hiding the first. */
export function cellTwiceWorkbook(): Uint8Array {
  return bookOf(deathsSheet({ cell: (c) => `${c}<c r="${DEATHS_CELL}"><v>200</v></c>` }));
}

/** A Fallback read because no Choice is understood: it holds the one real figure. */
export function fallbackOnlyWorkbook(): Uint8Array {
  return bookOf(
    deathsSheet({
      rootAttrs: `xmlns:mc="${MC}" xmlns:ign="urn:x"`,
      cell: () =>
        `<mc:AlternateContent><mc:Choice Requires="ign"><c r="${DEATHS_CELL}"><v>200</v></c></mc:Choice><mc:Fallback><c r="${DEATHS_CELL}"><v>280</v></c></mc:Fallback></mc:AlternateContent>`,
    }),
  );
}

/** The whole package in the Strict namespace (ISO/IEC 29500 Strict, as Excel's "Strict Open XML" save). */
export function strictSheetWorkbook(): Uint8Array {
  return bookOf(deathsSheet().replace(`xmlns="${SML}"`, `xmlns="${SML_STRICT}"`));
}

/** Point 2: this year's deaths written as raw `<v>` text. */
export function rawDeathsWorkbook(v: string): Uint8Array {
  return bookOf(deathsSheet({ cell: () => `<c r="${DEATHS_CELL}"><v>${v}</v></c>` }));
}

/** Point 3: the sheet part in UTF-16 (with or without a BOM), in either byte order. */
export function utf16Workbook(order: 'le' | 'be', bom: boolean): Uint8Array {
  const xml = deathsSheet({ current: 261 }).replace('encoding="UTF-8"', 'encoding="UTF-16"');
  const units = (bom ? '\ufeff' : '') + xml;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    bytes[i * 2 + (order === 'le' ? 0 : 1)] = u & 0xff;
    bytes[i * 2 + (order === 'le' ? 1 : 0)] = u >> 8;
  }
  return bookOf('', { replaceParts: { 'xl/worksheets/sheet1.xml': bytes } });
}

/** Point 3: the sheet declared ISO-8859-1, with the unit name's letters written in it. */
export function latin1Workbook(): Uint8Array {
  const xml = deathsSheet({ current: 261 }).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
  const bytes = new Uint8Array(xml.length);
  for (let i = 0; i < xml.length; i++) bytes[i] = xml.charCodeAt(i) & 0xff;
  return bookOf('', { replaceParts: { 'xl/worksheets/sheet1.xml': bytes } });
}

/** Point 3: the sheet as UTF-8 with one byte that is not UTF-8 (0xFF) in a label. */
export function invalidUtf8Workbook(): Uint8Array {
  const xml = new TextEncoder().encode(deathsSheet({ current: 261 }).replace('PHÒNG THAM MƯU', 'PHONG \u0001'));
  const at = xml.indexOf(1);
  xml[at] = 0xff;
  return bookOf('', { replaceParts: { 'xl/worksheets/sheet1.xml': xml } });
}

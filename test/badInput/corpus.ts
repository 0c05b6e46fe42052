/**
 * The bad-input corpus, built in memory at test time: no binary file is committed and nothing is
 * downloaded. Workbooks are hand-written minimal packages (zipped with fflate), so each case holds
 * exactly the oddity it is about and nothing a library would add or "fix" on the way.
 */
import { strToU8, zipSync } from 'fflate';
import { columnName } from '../../src/grid/address';

/** What a test cell holds. `{ f }` is a formula, with its cached result `v` (or none). */
export type Cell =
  | number
  | string
  | boolean
  | null
  | { readonly error: string }
  | { readonly f: string; readonly v?: number | string; readonly t?: 'str' | 'e' | 'b' }
  | { readonly shared: string };

const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
};

export function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function cellXml(ref: string, v: Cell, shared: string[]): string {
  if (v === null) return '';
  if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === 'string') return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
  if ('error' in v) return `<c r="${ref}" t="e"><v>${xmlText(v.error)}</v></c>`;
  if ('shared' in v) {
    let i = shared.indexOf(v.shared);
    if (i < 0) i = shared.push(v.shared) - 1;
    return `<c r="${ref}" t="s"><v>${i}</v></c>`;
  }
  const t = v.t ?? (typeof v.v === 'string' ? 'str' : undefined);
  const cached = v.v === undefined ? '' : `<v>${xmlText(String(v.v))}</v>`;
  return `<c r="${ref}"${t ? ` t="${t}"` : ''}><f>${xmlText(v.f)}</f>${cached}</c>`;
}

export interface SheetSpec {
  readonly name: string;
  readonly rows?: ReadonlyArray<ReadonlyArray<Cell>>;
  /** Raw worksheet XML, instead of rows. */
  readonly xml?: string;
  readonly merges?: ReadonlyArray<string>;
  readonly state?: 'hidden' | 'veryHidden';
  /** XML placed after `</sheetData>` and the merges (data validations, conditional formats…). */
  readonly after?: string;
}

/** Worksheet XML for rows of cells (row 1 first); shared strings are collected into `shared`. */
export function worksheetXml(
  rows: ReadonlyArray<ReadonlyArray<Cell>>,
  opts: { merges?: ReadonlyArray<string>; after?: string } = {},
  shared: string[] = [],
): string {
  const body: string[] = [];
  rows.forEach((row, r) => {
    const cells = row.map((v, c) => cellXml(`${columnName(c)}${r + 1}`, v, shared)).join('');
    if (cells) body.push(`<row r="${r + 1}">${cells}</row>`);
  });
  const merges = opts.merges?.length
    ? `<mergeCells count="${opts.merges.length}">${opts.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><sheetData>${body.join('')}</sheetData>${merges}${opts.after ?? ''}</worksheet>`;
}

export interface PackageSpec {
  readonly sheets: ReadonlyArray<SheetSpec>;
  /** Inside `<workbook>` after `<sheets>` (externalReferences, definedNames). */
  readonly workbookTail?: string;
  /** Extra `<Relationship>` elements of the workbook. */
  readonly workbookRels?: string;
  /** Extra `<Override>`/`<Default>` elements of [Content_Types].xml. */
  readonly contentTypes?: string;
  readonly extraParts?: Readonly<Record<string, string | Uint8Array>>;
  /** Overrides for the parts the builder writes (e.g. a sharedStrings part written by hand). */
  readonly replaceParts?: Readonly<Record<string, string | Uint8Array>>;
  /** Deflate level; 1 for big test workbooks, where compressing would take longer than checking. */
  readonly level?: 0 | 1 | 6;
}

/** A minimal, valid .xlsx package: what Excel needs and nothing else. */
export function xlsxPackage(spec: PackageSpec): Uint8Array {
  const shared: string[] = [];
  const files: Record<string, string | Uint8Array> = {};
  const sheetsXml: string[] = [];
  const rels: string[] = [];
  const overrides: string[] = [];
  spec.sheets.forEach((s, i) => {
    const n = i + 1;
    files[`xl/worksheets/sheet${n}.xml`] = s.xml ?? worksheetXml(s.rows ?? [], { merges: s.merges, after: s.after }, shared);
    sheetsXml.push(`<sheet name="${xmlText(s.name)}" sheetId="${n}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${n}"/>`);
    rels.push(`<Relationship Id="rId${n}" Type="${NS.rel}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
  });
  const k = spec.sheets.length;
  rels.push(`<Relationship Id="rId${k + 1}" Type="${NS.rel}/styles" Target="styles.xml"/>`);
  if (shared.length) rels.push(`<Relationship Id="rId${k + 2}" Type="${NS.rel}/sharedStrings" Target="sharedStrings.xml"/>`);
  files['[Content_Types].xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${NS.ct}">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    (shared.length
      ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
      : '') +
    overrides.join('') +
    (spec.contentTypes ?? '') +
    `</Types>`;
  files['_rels/.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}">` +
    `<Relationship Id="rId1" Type="${NS.rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  files['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
    `<sheets>${sheetsXml.join('')}</sheets>${spec.workbookTail ?? ''}</workbook>`;
  files['xl/_rels/workbook.xml.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}">${rels.join('')}${spec.workbookRels ?? ''}</Relationships>`;
  files['xl/styles.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS.main}">` +
    `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
    `</styleSheet>`;
  if (shared.length) {
    files['xl/sharedStrings.xml'] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS.main}" count="${shared.length}" uniqueCount="${shared.length}">` +
      shared.map((s) => `<si><t xml:space="preserve">${xmlText(s)}</t></si>`).join('') +
      `</sst>`;
  }
  Object.assign(files, spec.extraParts ?? {}, spec.replaceParts ?? {});
  return zip(files, spec.level);
}

export function zip(files: Readonly<Record<string, string | Uint8Array>>, level: 0 | 1 | 6 = 6): Uint8Array {
  const z: Record<string, [Uint8Array, { level: 0 | 1 | 6 }]> = {};
  for (const [name, data] of Object.entries(files)) z[name] = [typeof data === 'string' ? strToU8(data) : data, { level }];
  return zipSync(z);
}

// ─────────────────────────────── a unit's report (layout A) ───────────────────────────────

/** One indicator row: [label, baseline, current]; `[section]` alone is a section row. */
export type ReportRow = readonly [string] | readonly [string, Cell, Cell];

/** A layout A report of Công an tỉnh Thanh Hóa: letterhead, title, header, column numbers, rows. */
export function reportRows(rows: ReadonlyArray<ReportRow>, opts: { unit?: string; header?: readonly [string, string] } = {}): Cell[][] {
  const [h1, h2] = opts.header ?? ['Cùng kỳ năm 2023', 'Năm 2024'];
  const out: Cell[][] = [
    [opts.unit ?? 'CÔNG AN TỈNH THANH HÓA', null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    ['PHÒNG THAM MƯU'],
    ['BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU GIAO ƯỚC THI ĐUA NĂM 2024'],
    ['STT', 'Nội dung chỉ tiêu', 'Đơn vị tính', h1, h2, 'Ghi chú'],
    ['1', '2', '3', '4', '5', '6'],
  ];
  let section = 0;
  for (const r of rows) {
    if (r.length === 1) out.push([['I', 'II', 'III', 'IV', 'V', 'VI'][section++], r[0]]);
    else out.push([null, r[0], 'vụ', r[1], r[2]]);
  }
  return out;
}

/** The indicators of the default pack with figures that meet every target. */
export const FULL_REPORT: ReadonlyArray<ReportRow> = [
  ['TỘI PHẠM VỀ TRẬT TỰ XÃ HỘI'],
  ['Số vụ phạm pháp hình sự', 1245, 1180],
  ['- Trong đó: đã điều tra khám phá', 1010, 968],
  ['Án rất nghiêm trọng, đặc biệt nghiêm trọng', 120, 110],
  ['- Trong đó: đã điều tra khám phá', 118, 108],
  ['TIN BÁO, TỐ GIÁC TỘI PHẠM'],
  ['Số tin báo, tố giác tội phạm đã tiếp nhận', 1500, 1600],
  ['- Đã giải quyết', 1400, 1500],
  ['THAM NHŨNG'],
  ['Tài sản thiệt hại trong các vụ án tham nhũng', 10, '7,25'],
  ['- Trong đó: đã thu hồi', 6, '4,35'],
  ['CÔNG TÁC ĐIỀU TRA, XỬ LÝ'],
  ['Số vụ án oan', 0, 0],
  ['TAI NẠN GIAO THÔNG'],
  ['Số người chết', 290, 261],
];

/** The seven rules of the default pack, in pack order. */
export const DEFAULT_RULES = [
  'criminal-cases-down-5pct',
  'crime-reports-resolved-90pct',
  'serious-cases-cleared-95pct',
  'cases-cleared-80pct',
  'corruption-assets-recovered-60pct',
  'traffic-deaths-down-10pct',
  'no-wrongful-convictions',
] as const;

/** Where FULL_REPORT puts each indicator row (1-based sheet row), for tests that alter one. */
export function reportRowOf(label: string, rows: ReadonlyArray<ReportRow> = FULL_REPORT): number {
  const i = rows.findIndex((r) => r.length === 3 && r[0] === label);
  if (i < 0) throw new Error(`no row ${label}`);
  return 6 + i; // five rows of letterhead and header come first
}

/** A small, valid one-unit report: every default target met. */
export function goodReport(): Uint8Array {
  return xlsxPackage({ sheets: [{ name: 'Báo cáo', rows: reportRows(FULL_REPORT) }] });
}

// ─────────────────────────────── OLE / compound files ───────────────────────────────

/**
 * A minimal OLE compound file (what Excel writes for a password-protected workbook, and for
 * .xls): the 512-byte header and one directory sector naming the given streams. Enough for
 * anything that sniffs the format; no stream has content.
 */
export function compoundFile(streams: ReadonlyArray<string>): Uint8Array {
  const sector = 512;
  const out = new Uint8Array(sector * 3);
  const view = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0); // signature
  view.setUint16(0x18, 0x003e, true); // minor version
  view.setUint16(0x1a, 0x0003, true); // major version 3 (512-byte sectors)
  view.setUint16(0x1c, 0xfffe, true); // little-endian
  view.setUint16(0x1e, 9, true); // sector shift: 2^9
  view.setUint16(0x20, 6, true); // mini sector shift
  view.setUint32(0x2c, 1, true); // one FAT sector
  view.setUint32(0x30, 1, true); // first directory sector
  view.setUint32(0x38, 4096, true); // mini stream cutoff
  view.setUint32(0x3c, 0xfffffffe, true); // no mini FAT
  view.setUint32(0x44, 0xfffffffe, true); // no DIFAT sectors
  view.setUint32(0x4c, 0, true); // DIFAT[0] = sector 0 holds the FAT
  for (let i = 1; i < 109; i++) view.setUint32(0x4c + i * 4, 0xffffffff, true);
  // FAT (sector 0, at offset 512): sector 0 is FAT, sector 1 ends the directory chain.
  const fat = sector;
  view.setUint32(fat, 0xfffffffd, true);
  view.setUint32(fat + 4, 0xfffffffe, true);
  for (let i = 2; i < 128; i++) view.setUint32(fat + i * 4, 0xffffffff, true);
  // Directory (sector 1, at offset 1024): 128-byte entries, names in UTF-16LE.
  const names = ['Root Entry', ...streams].slice(0, 4);
  names.forEach((name, i) => {
    const at = sector * 2 + i * 128;
    for (let j = 0; j < name.length; j++) view.setUint16(at + j * 2, name.charCodeAt(j), true);
    view.setUint16(at + 64, (name.length + 1) * 2, true);
    out[at + 66] = i === 0 ? 5 : 2; // root storage, else stream
    view.setUint32(at + 68, 0xffffffff, true); // left sibling
    view.setUint32(at + 72, i > 0 && i < names.length - 1 ? i + 1 : 0xffffffff, true); // right sibling
    view.setUint32(at + 76, i === 0 && names.length > 1 ? 1 : 0xffffffff, true); // child
    view.setUint32(at + 116, 0xfffffffe, true); // start sector: none
  });
  return out;
}

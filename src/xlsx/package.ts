import { decodeXmlPart } from './xml/partEncoding';
import { RawZipEntry } from './zip/zipArchive';
import { BoundedInflater, entryBytes, JS_INFLATER, readZipDirectory, ZipError } from './zip/zipReader';
import { WorkbookFormatError } from './workbookFormatError';

export { WorkbookFormatError };

/**
 * An .xlsx package opened in memory: its parts by name, and the few relationships every reader
 * and patcher needs (workbook -> sheets -> tables/comments). Parts are kept as the bytes they
 * were, so a patched copy can carry every part it does not change byte for byte.
 */
export interface XlsxPackage {
  readonly parts: Map<string, Uint8Array>;
  readonly workbookPath: string;
  readonly sheets: PackageSheet[];
  /**
   * The zip entries still compressed, by part name: a copy carries the parts it leaves alone over
   * as they were compressed. Entries that cannot be copied that way are absent.
   */
  readonly raw?: ReadonlyMap<string, RawZipEntry>;
}

export interface PackageSheet {
  readonly name: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  readonly sheetId: string;
  readonly relId: string;
  /** Part name, e.g. `xl/worksheets/sheet1.xml`; undefined for chart sheets and dialog sheets. */
  readonly path: string | undefined;
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string; // resolved part name (no leading slash), or the raw target if external
  readonly external: boolean;
}

/**
 * What a package may unpack to. Far above any real workbook (a sheet of a million cells is about
 * 40 MB of XML), far below what would exhaust memory: a few kilobytes of zip can declare gigabytes
 * ("zip bomb"), and one part must still fit in a JavaScript string.
 */
/** `maxParts`: far more than any workbook has (a sheet is a few parts); each part costs a little to look at. */
export const PACKAGE_LIMITS = { maxPartBytes: 256 * 2 ** 20, maxTotalBytes: 512 * 2 ** 20, maxParts: 10_000 } as const;

export function openPackage(bytes: Uint8Array, inflate: BoundedInflater = JS_INFLATER, crc?: (d: Uint8Array) => number): XlsxPackage {
  rejectNonZip(bytes);
  const parts = new Map<string, Uint8Array>();
  const raw = new Map<string, RawZipEntry>();
  try {
    // First the sizes the zip declares, read from its directory without inflating anything; then
    // each part, inflated only up to its declared size and checked against it and its CRC.
    const entries = readZipDirectory(bytes, PACKAGE_LIMITS);
    refuseOversized(entries);
    for (const e of entries) {
      if (e.name.endsWith('/')) continue;
      const name = e.name.replace(/^\//, '');
      parts.set(name, entryBytes(e, inflate, crc));
      raw.set(name, { name, method: e.method as 0 | 8, crc: e.crc, size: e.size, data: e.data });
    }
  } catch (e) {
    if (e instanceof ZipError) throw new WorkbookFormatError(e.vi, e.en);
    if (e instanceof WorkbookFormatError) throw e;
    throw new WorkbookFormatError(
      'tệp bị hỏng hoặc bị cắt ngắn (không giải nén được gói .xlsx)',
      'the file is damaged or truncated (the .xlsx package cannot be unzipped)',
    );
  }
  const workbookPath = findWorkbookPath(parts);
  const wbXml = partText(parts, workbookPath);
  if (wbXml === undefined) {
    throw new WorkbookFormatError(
      'tệp không phải là sổ làm việc Excel (.xlsx): thiếu phần xl/workbook.xml',
      'the file is not an Excel workbook (.xlsx): it has no xl/workbook.xml part',
    );
  }
  const rels = readRelationships(parts, workbookPath);
  const sheets: PackageSheet[] = [];
  for (const tag of findTags(wbXml, 'sheet')) {
    const a = tag.attrs;
    const relId = attrByLocalName(a, 'id') ?? '';
    const rel = rels.find((r) => r.id === relId);
    const isWorksheet = rel !== undefined && /\/worksheet$/.test(rel.type);
    sheets.push({
      name: decodeXml(a.name ?? ''),
      state: a.state === 'hidden' ? 'hidden' : a.state === 'veryHidden' ? 'veryHidden' : 'visible',
      sheetId: a.sheetId ?? '',
      relId,
      path: isWorksheet && rel && parts.has(rel.target) ? rel.target : undefined,
    });
  }
  return { parts, workbookPath, sheets, raw };
}

function refuseOversized(declared: ReadonlyArray<{ name: string; size: number }>): void {
  const mb = (n: number) => `${Math.round(n / 2 ** 20).toLocaleString('en-US')} MB`;
  const part = declared.find((d) => d.size > PACKAGE_LIMITS.maxPartBytes);
  if (part) {
    throw new WorkbookFormatError(
      `phần ${part.name} giải nén ra ${mb(part.size)}, vượt giới hạn ${mb(PACKAGE_LIMITS.maxPartBytes)} cho một phần (tệp hỏng hoặc tệp nén độc hại)`,
      `the part ${part.name} unpacks to ${mb(part.size)}, over the ${mb(PACKAGE_LIMITS.maxPartBytes)} limit for one part (a damaged file or a zip bomb)`,
    );
  }
  const total = declared.reduce((n, d) => n + d.size, 0);
  if (total > PACKAGE_LIMITS.maxTotalBytes) {
    throw new WorkbookFormatError(
      `tệp giải nén ra hơn ${mb(PACKAGE_LIMITS.maxTotalBytes)} dữ liệu, vượt giới hạn cho một sổ làm việc (tệp hỏng hoặc tệp nén độc hại)`,
      `the file unpacks to more than ${mb(PACKAGE_LIMITS.maxTotalBytes)}, over the limit for a workbook (a damaged file or a zip bomb)`,
    );
  }
}

function rejectNonZip(bytes: Uint8Array): void {
  const sig = (i: number) => bytes[i];
  if (bytes.length >= 4 && sig(0) === 0xd0 && sig(1) === 0xcf && sig(2) === 0x11 && sig(3) === 0xe0) {
    // An OLE compound file: Excel stores an encrypted .xlsx as streams named EncryptionInfo and
    // EncryptedPackage, and an Excel 97-2003 workbook as a stream named Workbook (or Book).
    if (hasUtf16Name(bytes, 'EncryptedPackage')) {
      throw new WorkbookFormatError(
        'tệp được bảo vệ bằng mật khẩu; hãy mở bằng Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại',
        'the file is password-protected; open it in Excel, remove the password (File > Info > Protect Workbook) and save it again',
      );
    }
    if (hasUtf16Name(bytes, 'Workbook') || hasUtf16Name(bytes, 'Book')) {
      throw new WorkbookFormatError(
        'tệp là sổ Excel 97-2003 (.xls) đổi đuôi thành .xlsx; hãy mở bằng Excel và lưu lại dưới dạng Sổ làm việc Excel (.xlsx)',
        'the file is an Excel 97-2003 workbook (.xls) renamed to .xlsx; open it in Excel and save it as an Excel Workbook (.xlsx)',
        'xls',
      );
    }
    throw new WorkbookFormatError(
      'tệp được bảo vệ bằng mật khẩu hoặc là tệp Excel 97-2003 (.xls); hãy mở bằng Excel, bỏ mật khẩu và lưu lại dưới dạng .xlsx',
      'the file is password-protected or an Excel 97-2003 (.xls) workbook; open it in Excel, remove the password and save it as .xlsx',
    );
  }
  if (bytes.length < 4 || sig(0) !== 0x50 || sig(1) !== 0x4b) {
    throw new WorkbookFormatError(
      'tệp không phải là sổ làm việc Excel (.xlsx) (có thể là .csv, .xls hoặc tệp khác đổi đuôi)',
      'the file is not an Excel workbook (.xlsx) (it may be a .csv, .xls or another file renamed)',
    );
  }
}

/** Whether a compound file's directory names a stream (names are UTF-16LE, NUL-terminated). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  // Directory entries are 128 bytes and start on a 128-byte boundary after the 512-byte header.
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    let j = 0;
    while (j < name.length && bytes[at + j * 2] === name.charCodeAt(j) && bytes[at + j * 2 + 1] === 0) j++;
    if (j === name.length && bytes[at + j * 2] === 0 && bytes[at + j * 2 + 1] === 0) return true;
  }
  return false;
}

function findWorkbookPath(parts: Map<string, Uint8Array>): string {
  const root = readRelationships(parts, '');
  const office = root.find((r) => /\/officeDocument$/.test(r.type));
  return office && parts.has(office.target) ? office.target : 'xl/workbook.xml';
}

/** A part's text, decoded as its BOM and XML declaration say (UTF-8 or UTF-16; anything else is refused). */
export function partText(parts: Map<string, Uint8Array>, path: string): string | undefined {
  const data = parts.get(path);
  return data === undefined ? undefined : decodeXmlPart(data, path);
}

/** The `_rels/*.rels` part that belongs to a part (`''` = the package root). */
export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  const dir = slash < 0 ? '' : partPath.slice(0, slash + 1);
  const file = partPath.slice(slash + 1);
  return `${dir}_rels/${file}.rels`;
}

export function readRelationships(parts: Map<string, Uint8Array>, partPath: string): Relationship[] {
  const xml = partText(parts, relsPathOf(partPath));
  if (xml === undefined) return [];
  const baseDir = partPath.includes('/') ? partPath.slice(0, partPath.lastIndexOf('/') + 1) : '';
  return findTags(xml, 'Relationship').map(({ attrs }) => {
    const external = attrs.TargetMode === 'External';
    const raw = decodeXml(attrs.Target ?? '');
    return {
      id: attrs.Id ?? '',
      type: attrs.Type ?? '',
      target: external ? raw : resolvePartName(baseDir, raw),
      external,
    };
  });
}

export function resolvePartName(baseDir: string, target: string): string {
  const joined = target.startsWith('/') ? target.slice(1) : baseDir + target;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

export interface FoundTag {
  readonly name: string; // as written, may carry a prefix (`x:c`)
  readonly attrs: Record<string, string>;
  readonly start: number; // offset of `<`
  readonly end: number; // offset just after `>`
  readonly selfClosing: boolean;
}

const ATTR_RE = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;

export function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  ATTR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR_RE.exec(s))) attrs[m[1]] = m[3] ?? m[4] ?? '';
  return attrs;
}

/**
 * Start tags with a given local name, any namespace prefix. Good enough for package plumbing
 * (workbook, rels, content types); attribute values in these parts never contain `>`.
 */
export function findTags(xml: string, localName: string, from = 0, to = xml.length): FoundTag[] {
  const re = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?${localName})(?=[\\s/>])([^>]*?)(/?)>`, 'g');
  re.lastIndex = from;
  const out: FoundTag[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) && m.index < to) {
    out.push({ name: m[1], attrs: parseAttrs(m[2]), start: m.index, end: m.index + m[0].length, selfClosing: m[3] === '/' });
  }
  return out;
}

export function attrByLocalName(attrs: Record<string, string>, local: string): string | undefined {
  for (const [k, v] of Object.entries(attrs)) {
    if (k === local || k.endsWith(`:${local}`)) return v;
  }
  return undefined;
}

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      // A reference to no character (`&#99999999;`) is left as written instead of throwing.
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : `&${e};`;
    }
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e] as string;
  });
}

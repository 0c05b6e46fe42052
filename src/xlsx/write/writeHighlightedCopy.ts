import { appendWorksheet } from '../patch/appendWorksheet';
import { bytesToText, readXmlPart, textToBytes } from '../xml/byteText';
import { CONTENT_TYPES_PART, ContentTypes, CT } from '../patch/contentTypes';
import { findingsSheetChunks, findingsSheetPart, printNames } from './findingsSheetPart';
import { FindingsSheet, HighlightPlan, markTableOf, MarkStatus } from './highlightPlan';
import { groupMarks, SheetMarks } from './sheetMarks';
import { openPackage, readRelationships, XlsxPackage } from '../package';
import { CellNote, addSheetNotes } from '../patch/patchComments';
import { detectDialect, PatchContext, unusedPartName } from '../patch/patchContext';
import { patchSheetCells, patchSheetCellsBytes } from '../patch/patchSheetCells';
import { emptyStylesheet, StylesPatch } from '../patch/patchStyles';
import { addRelationship } from '../patch/relationshipsPart';
import { addSheetDefinedNames } from '../patch/sheetDefinedNames';
import { VmlShapeIds } from '../patch/vmlNotes';
import { AsyncZipper, JS_COMPRESSOR, PartCompressor, zipPackage, zipPackageAsync } from '../zip/zipPackage';

/**
 * A copy of an .xlsx package with flagged cells filled, their reasons as cell notes, and an
 * optional findings sheet — made by patching the package, never by re-serialising the workbook.
 * Every part this does not need to change is carried over byte for byte (charts, drawings, pivot
 * tables, defined names, validation, conditional formats, tables, calcChain, docProps…), still
 * compressed as it was; the parts it changes are edited by splicing, so the bytes it does not
 * touch stay as they were. The input array is not modified.
 */
export function writeHighlightedCopy(pkg: Uint8Array, plan: HighlightPlan): Uint8Array {
  return patchHighlightedCopy(pkg, plan).zip();
}

/**
 * Past this many flagged cells with a reason, the copy carries no notes: the reasons are on the
 * findings sheet, one row per finding with a link to its cell. A national check flags over a
 * hundred thousand cells; that many notes would make the copy several times larger and slow to
 * open, and nobody reads them one cell at a time. The cells are filled either way.
 */
export const MAX_CELL_NOTES = 20_000;

/** A patched package not yet zipped: the CLI zips it with Node's zlib while it writes its reports. */
export interface PatchedPackage {
  /**
   * Every part, whole. Not once zipAsync has given the findings sheet to a compressor that takes
   * chunks: it was written as it was compressed, and is not kept.
   */
  readonly parts: ReadonlyMap<string, Uint8Array>;
  /** Cells whose reason was not written as a note because there were more than MAX_CELL_NOTES; 0 when none. */
  readonly notesOmitted: number;
  /** The findings sheet's name in the copy (made unique against the workbook's own), if one was added. */
  readonly findingsSheetName?: string;
  /** Cells left unfilled because the workbook already has Excel's 64,000 cell formats (MAX_CELL_XFS); 0 when none. */
  readonly formatsUnavailable: number;
  /** With fflate, synchronously (the browser preview). */
  zip(): Uint8Array;
  /**
   * With the compressor given to patchHighlightedCopy (fflate without one); parts are deflated in
   * parallel, the large ones started while the rest of the copy was being patched.
   */
  zipAsync(): Promise<Uint8Array>;
}

/** Parts at least this large are compressed as soon as they are final, when a background compressor is given. */
const START_EARLY_FROM = 1 << 20;

/**
 * Does all the patching of `writeHighlightedCopy` and throws what it throws (a part it must edit
 * but cannot), leaving only the compression. Takes the file, or the package already opened from
 * it (whose parts are read, never changed).
 */
export function patchHighlightedCopy(pkg: Uint8Array | XlsxPackage, plan: HighlightPlan, compressor?: PartCompressor): PatchedPackage {
  const source = pkg instanceof Uint8Array ? openPackage(pkg) : pkg;
  const zipper = compressor ? new AsyncZipper(source, compressor) : undefined;
  const parts = new Map(source.parts); // entries are replaced, never mutated
  const contentTypes = ContentTypes.read(parts);
  const dialect = detectDialect(source);
  const stylesPath = findStylesPath(source);
  const styles = new StylesPatch((stylesPath && readXmlPart(parts, stylesPath)) ?? emptyStylesheet(dialect.mainNs));
  const ctx: PatchContext = { parts, contentTypes, styles, dialect, vmlIds: new VmlShapeIds(parts, bytesToText) };
  /** Big parts this copy wrote and will not write again go to the compressor now. */
  const startFinished = (...paths: string[]) => {
    for (const path of paths) {
      const data = parts.get(path);
      if (zipper && data && data.length >= START_EARLY_FROM && data !== source.parts.get(path)) zipper.start(path, data);
    }
  };

  const grouped = groupMarks(markTableOf(plan), source.sheets);
  let noteCount = 0;
  for (const marks of grouped.values()) for (let cell = 0; cell < marks.cellCount; cell++) if (marks.hasNote(cell)) noteCount++;
  // Past the cap the reasons are on the findings sheet only (which links to every cell), and are
  // not gathered for notes at all.
  const omitNotes = plan.findingsSheet !== undefined && noteCount > MAX_CELL_NOTES;

  const markXfs = new MarkXfs(styles);
  for (const [sheet, targets] of grouped) {
    const path = sheet.path as string;
    const xml = readXmlPart(parts, path) as string;
    const styleFor = (base: number, cell: number) => markXfs.of(base, targets.status(cell));
    const before = new Set(parts.keys());
    const sheetNotes = omitNotes ? [] : notesOf(targets);
    if (sheetNotes.length === 0) {
      // No notes to add: the fills are spliced into the part's bytes, never into a string of the whole sheet.
      parts.set(path, patchSheetCellsBytes(parts.get(path) as Uint8Array, xml, targets, styleFor, path));
    } else {
      const patched = patchSheetCells(xml, targets, styleFor, path);
      parts.set(path, textToBytes(addSheetNotes(ctx, path, patched, sheetNotes, plan.author)));
    }
    // The sheet and its new notes parts are final (a sheet is patched once).
    startFinished(path, ...[...parts.keys()].filter((k) => !before.has(k)));
  }

  let findingsSheetName: string | undefined;
  /** The findings sheet's part, written when the copy is zipped (see below), and where it goes. */
  let pending: { readonly path: string; readonly stand: Uint8Array; readonly sheet: FindingsSheet } | undefined;
  if (plan.findingsSheet) {
    // With a compressor that pulls chunks (the CLI's zlib), a national findings sheet (a hundred
    // megabytes of XML) is written as zlib takes it, a megabyte at a time, never held whole: it
    // stands in `parts` as an empty array of its own until then.
    const stand = new Uint8Array(0);
    const later = zipper?.takesChunks === true;
    const sheetPart = later ? stand : findingsSheetPart(plan.findingsSheet, styles, dialect.mainNs);
    const before = new Set(parts.keys());
    findingsSheetName = appendWorksheet(
      ctx,
      source.workbookPath,
      source.sheets.map((s) => s.name),
      plan.findingsSheet.name,
      sheetPart,
    );
    // Its header on every printed page, and the table as the print area.
    addSheetDefinedNames(parts, source.workbookPath, findingsSheetName, printNames(plan.findingsSheet, findingsSheetName));
    const added = [...parts.keys()].filter((k) => !before.has(k));
    const sheetPath = added.find((k) => parts.get(k) === sheetPart);
    if (later && sheetPath) pending = { path: sheetPath, stand, sheet: plan.findingsSheet };
    startFinished(...added);
  }

  const finishing = new FinishingParts(parts, contentTypes, styles, stylesPath, source.workbookPath, dialect);

  /** How the findings sheet was written: not yet, whole (for `parts` or `zip`), or pulled by the compressor. */
  let written: 'not yet' | 'whole' | 'pulled' = pending ? 'not yet' : 'whole';
  if (!pending) finishing.finish();
  const whole = () => {
    if (written === 'pulled') throw new Error('the findings sheet was given to the compressor: this copy is zipped by zipAsync only');
    if (pending && written === 'not yet') {
      parts.set(pending.path, findingsSheetPart(pending.sheet, styles, dialect.mainNs));
      finishing.finish();
    }
    written = 'whole';
    return parts;
  };
  return {
    get parts() {
      return whole();
    },
    notesOmitted: omitNotes ? noteCount : 0,
    findingsSheetName,
    // Counted for the marked cells, all filled by now (the findings sheet's own formats are not counted).
    formatsUnavailable: styles.formatsUnavailable,
    zip: () => zipPackage(whole(), source),
    zipAsync: () => {
      if (!zipper) return zipPackageAsync(whole(), source, JS_COMPRESSOR);
      if (!pending || written !== 'not yet') return zipper.zip(whole());
      written = 'pulled';
      return zipPulling(zipper, parts, pending, finishing, dialect.mainNs);
    },
  };
}

/**
 * Zips a copy whose findings sheet is written as the compressor takes it. Every other part is
 * started now, as it is, and the source package let go of: while the sheet is being written (the
 * JSON meanwhile), the source's inflated parts (a national sheet is tens of megabytes) are not
 * kept. As the sheet's last chunk is taken, the stylesheet and content types are finished; once it
 * is compressed, the parts are zipped (a part replaced since it was started is compressed again).
 * Module-level, so that what waits for zlib holds none of patchHighlightedCopy's variables.
 */
function zipPulling(
  zipper: AsyncZipper,
  parts: ReadonlyMap<string, Uint8Array>,
  pending: { readonly path: string; readonly stand: Uint8Array; readonly sheet: FindingsSheet },
  finishing: FinishingParts,
  mainNs: string,
): Promise<Uint8Array> {
  const chunks = function* () {
    yield* findingsSheetChunks(pending.sheet, finishing.styles, mainNs);
    finishing.finish();
  };
  const sheetCompressed = zipper.startChunks(pending.path, pending.stand, chunks());
  zipper.startAllAndLetGo(parts);
  return sheetCompressed.then(() => zipper.zip(parts));
}

/** The parts a copy finishes last: the stylesheet and content types, final once every cell format has been asked for. */
class FinishingParts {
  constructor(
    private readonly parts: Map<string, Uint8Array>,
    private readonly contentTypes: ContentTypes,
    readonly styles: StylesPatch,
    private readonly stylesPath: string | undefined,
    private readonly workbookPath: string,
    private readonly dialect: PatchContext['dialect'],
  ) {}

  finish(): void {
    const { parts, contentTypes, dialect } = this;
    const stylesXml = this.styles.result();
    if (stylesXml !== undefined) {
      if (this.stylesPath) parts.set(this.stylesPath, textToBytes(stylesXml));
      else {
        // A package without a stylesheet (some generators omit it): add one.
        const dir = this.workbookPath.slice(0, this.workbookPath.lastIndexOf('/') + 1);
        const path = unusedPartName(parts, (n) => `${dir}styles${n === 1 ? '' : n}.xml`);
        parts.set(path, textToBytes(stylesXml));
        contentTypes.addOverride(path, CT.styles);
        addRelationship(parts, contentTypes, this.workbookPath, dialect.relType('styles'), path);
      }
    }
    const ctXml = contentTypes.result();
    if (ctXml !== undefined) parts.set(CONTENT_TYPES_PART, textToBytes(ctXml));
  }
}

/**
 * The format of a marked cell by its own format and mark, asked of the stylesheet once per pair: a
 * national sheet marks tens of thousands of cells in a handful of formats. A pair the stylesheet
 * had no room for is asked again each time, so that every such cell is counted as unfilled.
 */
class MarkXfs {
  private readonly ids: Array<Map<number, number>> = [new Map(), new Map()];

  constructor(private readonly styles: StylesPatch) {}

  of(base: number, status: MarkStatus): number {
    const ids = this.ids[status === 'shortfall' ? 0 : 1];
    const known = ids.get(base);
    if (known !== undefined) return known;
    const unavailable = this.styles.formatsUnavailable;
    const id = this.styles.markXf(base, status);
    if (this.styles.formatsUnavailable === unavailable) ids.set(base, id);
    return id;
  }
}

function notesOf(marks: SheetMarks): CellNote[] {
  const out: CellNote[] = [];
  for (let cell = 0; cell < marks.cellCount; cell++) {
    const text = marks.note(cell);
    if (text) out.push({ row: marks.row(cell), col: marks.col(cell), text });
  }
  return out;
}

function findStylesPath(pkg: XlsxPackage): string | undefined {
  const rel = readRelationships(pkg.parts, pkg.workbookPath).find((r) => !r.external && /\/styles$/.test(r.type));
  return rel && pkg.parts.has(rel.target) ? rel.target : undefined;
}

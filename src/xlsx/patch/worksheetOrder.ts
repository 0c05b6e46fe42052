import { ByteText } from '../xml/byteText';
import { WorkbookFormatError } from '../package';
import { childElements, ElementSpan, localName, rootElement } from '../xml/xmlScan';

/** CT_Worksheet's children in schema order; Excel rejects a sheet whose children are out of order. */
const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

export interface WorksheetChild {
  readonly span: ElementSpan;
  readonly localName: string;
}

export interface WorksheetChildren {
  readonly root: ElementSpan;
  readonly children: WorksheetChild[];
}

export function worksheetChildren(xml: ByteText, partName: string): WorksheetChildren {
  const root = rootElement(xml, partName);
  if (localName(root.name) !== 'worksheet' || root.selfClosing) {
    throw new WorkbookFormatError(`phần ${partName} của tệp không phải là trang tính`, `the ${partName} part of the file is not a worksheet`);
  }
  const children = childElements(xml, root, partName).map((span) => ({ span, localName: effectiveName(xml, span, partName) }));
  return { root, children };
}

/**
 * Offset at which a child named `name` goes: before the first child the schema puts after it.
 * `mc:AlternateContent` wrappers (Excel writes controls and OLE objects inside them) count as the
 * element they wrap.
 */
export function insertionOffsetAmong({ root, children }: WorksheetChildren, name: string): number {
  const rank = WORKSHEET_ORDER.indexOf(name);
  const later = children.find((c) => WORKSHEET_ORDER.indexOf(c.localName) > rank);
  return later ? later.span.start : root.closeStart;
}

function effectiveName(xml: ByteText, span: ElementSpan, partName: string): string {
  const name = localName(span.name);
  if (name !== 'AlternateContent') return name;
  // First element of the first Choice (or Fallback).
  const branch = childElements(xml, span, partName)[0];
  const inner = branch ? childElements(xml, branch, partName)[0] : undefined;
  return inner ? localName(inner.name) : name;
}

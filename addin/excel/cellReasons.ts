import { toA1 } from '../../src/grid/address';
import { AttachedKind } from './memoryXml';

/** Where reasons can go on this host: notes (ExcelApi 1.18), threaded comments (1.10), or nowhere. */
export interface ReasonSupport {
  readonly notes: boolean;
  readonly comments: boolean;
}

/** A note or comment already on a cell; Excel allows one or the other per cell, never both. */
export interface ExistingReason {
  readonly kind: AttachedKind;
  readonly hash: string;
  readonly item: Excel.Note | Excel.Comment;
}

interface Found {
  readonly kind: AttachedKind;
  readonly item: Excel.Note | Excel.Comment;
  readonly location: Excel.Range;
}

/**
 * The notes and comments of the whole workbook with their cells, found in two syncs whatever
 * their number (load the collections, then each one's location). Used to leave other people's
 * notes alone and to remove ours only while they still say what we wrote.
 */
export class CellReasons {
  private found: Found[] = [];

  private constructor(
    private readonly notes: Excel.NoteCollection | undefined,
    private readonly comments: Excel.CommentCollection | undefined,
  ) {}

  /** Step 1, before a sync. */
  static queueFind(context: Excel.RequestContext, support: ReasonSupport): CellReasons {
    return new CellReasons(
      support.notes ? context.workbook.notes.load('items/content') : undefined,
      support.comments ? context.workbook.comments.load('items/content') : undefined,
    );
  }

  /** Step 2, after that sync: ask where each one is; returns the response's size in bytes. */
  queueLocate(): number {
    const locate = (kind: AttachedKind, item: Excel.Note | Excel.Comment): Found => ({
      kind,
      item,
      location: item.getLocation().load('rowIndex,columnIndex,worksheet/name'),
    });
    this.found = [
      ...(this.notes?.items ?? []).map((n) => locate('note', n)),
      ...(this.comments?.items ?? []).map((c) => locate('comment', c)),
    ];
    return this.found.length * 120;
  }

  /** After the second sync: `Sheet!A1` → the note or comment there. */
  byCell(): Map<string, ExistingReason> {
    const out = new Map<string, ExistingReason>();
    for (const f of this.found) {
      const key = cellKey(f.location.worksheet.name, toA1(f.location.rowIndex, f.location.columnIndex));
      out.set(key, { kind: f.kind, hash: reasonHash(f.item.content), item: f.item });
    }
    return out;
  }
}

export function cellKey(sheet: string, a1: string): string {
  return `${sheet}!${a1}`;
}

/** Queue attaching `text` to a cell as a note or a threaded comment. */
export function queueAttach(context: Excel.RequestContext, cell: Excel.Range, kind: AttachedKind, text: string): void {
  if (kind === 'note') context.workbook.notes.add(cell, text);
  else context.workbook.comments.add(cell, text);
}

/**
 * A fingerprint of a reason's text, blind to whitespace and Unicode form, because Excel may store
 * line breaks as \r\n. Tells "still the note we wrote" from "someone has changed it".
 */
export function reasonHash(text: string): string {
  const s = String(text ?? '').normalize('NFC').replace(/\s+/g, '');
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${h.toString(16).padStart(8, '0')}-${s.length}`;
}

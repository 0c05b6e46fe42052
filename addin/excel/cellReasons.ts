import { toA1 } from '../../src/grid/address';
import { AttachedKind } from './memoryXml';
import { RoundTrips } from './roundTrips';

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
  /**
   * Replies under a comment thread (0 for a note). `Comment.delete()` "deletes the comment and all
   * the connected replies", so a thread someone answered is never deleted, even one we started.
   */
  readonly replies: number;
}

interface Found {
  readonly kind: AttachedKind;
  readonly item: Excel.Note | Excel.Comment;
  readonly location: Excel.Range;
  readonly replies?: OfficeExtension.ClientResult<number>;
}

/**
 * Response and request bytes one note or comment is reserved in a sync: its text (unknown until
 * read; Pledge Check's own reasons are 300–600 bytes of Vietnamese, people's notes usually less),
 * its cell, its reply count and the four commands that ask for them.
 */
export const BYTES_PER_REASON = 1_200;

/**
 * The notes and comments of the whole workbook with their cells. Counted first (with the sync
 * that finds them), then each one's text, cell and replies asked for one by one (`getItemAt`), so
 * what a sync carries is bounded by the payload budget: loading `items/content` of the whole
 * collection at once put every note's text into one response, which past ~24,000 notes exceeded
 * Excel on the web's 5 MB and failed every later Check and Clear. Below the budget this is one
 * sync, as before. Used to leave other people's notes alone and to remove ours only while they
 * still say what we wrote.
 */
export class CellReasons {
  private found: Found[] = [];

  private constructor(
    private readonly notes: { readonly collection: Excel.NoteCollection; readonly count: OfficeExtension.ClientResult<number> } | undefined,
    private readonly comments: { readonly collection: Excel.CommentCollection; readonly count: OfficeExtension.ClientResult<number> } | undefined,
  ) {}

  /** Step 1, before a sync: count them. */
  static queueFind(context: Excel.RequestContext, support: ReasonSupport): CellReasons {
    const count = <C extends { getCount(): OfficeExtension.ClientResult<number> }>(collection: C) => ({ collection, count: collection.getCount() });
    return new CellReasons(support.notes ? count(context.workbook.notes) : undefined, support.comments ? count(context.workbook.comments) : undefined);
  }

  /** Step 2, after that sync: ask for each one's text, cell and replies, within the budget of `trips`. */
  async queueLocate(trips: RoundTrips): Promise<void> {
    this.found = [];
    const locate = async (kind: AttachedKind, item: Excel.Note | Excel.Comment): Promise<void> => {
      await trips.reserve(BYTES_PER_REASON);
      item.load('content');
      this.found.push({
        kind,
        item,
        location: item.getLocation().load('rowIndex,columnIndex,worksheet/name'),
        ...(kind === 'comment' ? { replies: (item as Excel.Comment).replies.getCount() } : {}),
      });
    };
    if (this.notes) for (let i = 0; i < this.notes.count.value; i++) await locate('note', this.notes.collection.getItemAt(i));
    if (this.comments) for (let i = 0; i < this.comments.count.value; i++) await locate('comment', this.comments.collection.getItemAt(i));
  }

  /** After the sync(s) of step 2: `Sheet!A1` → the note or comment there. */
  byCell(): Map<string, ExistingReason> {
    const out = new Map<string, ExistingReason>();
    for (const f of this.found) {
      const key = cellKey(f.location.worksheet.name, toA1(f.location.rowIndex, f.location.columnIndex));
      out.set(key, { kind: f.kind, hash: reasonHash(f.item.content), item: f.item, replies: f.replies?.value ?? 0 });
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
  const s = String(text ?? '')
    .normalize('NFC')
    .replace(/\s+/g, '');
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${h.toString(16).padStart(8, '0')}-${s.length}`;
}

import { Edit } from '../xml/xmlScan';

/**
 * The edits of one patch of a part, kept as three parallel arrays instead of an object each: a
 * national sheet gets tens of thousands of fills, and an object per fill (sorted afterwards) cost
 * more than the fills themselves. Edits are expected in document order, as a walk finds them; one
 * out of order (the <dimension>, widened after the walk) is put in its place when they are used.
 */
export class EditList {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly texts: string[] = [];
  private ordered = true;

  get length(): number {
    return this.starts.length;
  }

  /** Replaces `[start, end)` with `text` (a byte string when the list is spliced into bytes). */
  add(start: number, end: number, text: string): void {
    const n = this.starts.length;
    if (n > 0 && (start < this.starts[n - 1] || (start === this.starts[n - 1] && end < this.ends[n - 1]))) this.ordered = false;
    this.starts.push(start);
    this.ends.push(end);
    this.texts.push(text);
  }

  /** The edits as objects, for applyEdits (a small part, or a sheet patched as a string). */
  edits(): Edit[] {
    return this.order().map((i) => ({ start: this.starts[i], end: this.ends[i], text: this.texts[i] }));
  }

  /**
   * `bytes` with each edit's span replaced by its text, one byte per character, written straight
   * into an array of the final size; edits may not overlap.
   */
  splice(bytes: Uint8Array): Uint8Array {
    const { starts, ends, texts } = this;
    const order = this.ordered ? undefined : this.order();
    const n = starts.length;
    let size = bytes.length;
    for (let k = 0; k < n; k++) size += texts[k].length - (ends[k] - starts[k]);
    const out = new Uint8Array(size);
    // A plain view: a Node Buffer's own subarray is much slower, and it is called once per edit.
    const source = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    let pos = 0;
    let at = 0;
    for (let k = 0; k < n; k++) {
      const i = order ? order[k] : k;
      const start = starts[i];
      if (start < pos) throw new Error(`overlapping edits at ${start}`);
      out.set(source.subarray(pos, start), at);
      at += start - pos;
      const text = texts[i];
      for (let j = 0; j < text.length; j++) {
        const code = text.charCodeAt(j);
        // Edits are markup spliced into a byte string: one byte per character.
        if (code > 0xff) throw new Error(`edit at ${start} is not a byte string`);
        out[at++] = code;
      }
      pos = ends[i];
    }
    out.set(source.subarray(pos), at);
    return out;
  }

  /** Indices in document order (by start, then end; a stable sort keeps the order they were added in). */
  private order(): number[] {
    const order = Array.from({ length: this.starts.length }, (_, i) => i);
    if (!this.ordered) order.sort((a, b) => this.starts[a] - this.starts[b] || this.ends[a] - this.ends[b]);
    return order;
  }
}

import { encodeXmlText } from '../../xml/encodeXml';

const CHUNK_BYTES = 1 << 20;
/** Texts up to this long are encoded in JavaScript; longer ones by Node's Buffer or TextEncoder. */
const SHORT = 32;

/**
 * Node's Buffer under Node (the CLI, tests): its UTF-8 writer is native. In the browser there is
 * none, and TextEncoder writes into the chunk instead.
 */
type NodeBuffer = Uint8Array & { write(text: string, offset: number, encoding: 'utf8'): number };
const NODE_BUFFER = (globalThis as unknown as { Buffer?: { allocUnsafe(size: number): NodeBuffer } }).Buffer;
const ENCODER = NODE_BUFFER ? undefined : new TextEncoder();

function newChunk(size: number): Uint8Array {
  return NODE_BUFFER ? NODE_BUFFER.allocUnsafe(size) : new Uint8Array(size);
}

/**
 * A part we write whole (a findings sheet), written straight into byte chunks of a megabyte:
 * markup a byte a character, each text encoded as UTF-8 where it goes. A national findings sheet
 * has hundreds of thousands of rows; built as a string a row and then encoded, each row was made,
 * flattened (as UTF-16) and encoded once more, and the garbage cost as much as the writing.
 */
export class XmlByteWriter {
  private readonly chunks: Uint8Array[] = [];
  private chunk = newChunk(CHUNK_BYTES);
  private at = 0;

  /** Markup that is ASCII only (names, attributes we make, numbers). */
  ascii(s: string): void {
    const n = s.length;
    if (this.chunk.length - this.at < n) this.next(n);
    const chunk = this.chunk;
    let at = this.at;
    for (let i = 0; i < n; i++) chunk[at++] = s.charCodeAt(i);
    this.at = at;
  }

  /** Text already escaped (or markup with text in it), as UTF-8. */
  raw(s: string): void {
    if (s.length <= SHORT) return this.shortUtf8(s, false);
    // At most three bytes of UTF-8 per UTF-16 unit.
    const room = s.length * 3;
    if (this.chunk.length - this.at < room) this.next(room);
    if (NODE_BUFFER) this.at += (this.chunk as NodeBuffer).write(s, this.at, 'utf8');
    else this.at += (ENCODER as InstanceType<typeof TextEncoder>).encodeInto(s, this.chunk.subarray(this.at)).written as number;
  }

  /** Text XML-escaped (encodeXmlText), as UTF-8: element text and our attribute values. */
  text(s: string): void {
    if (s.length <= SHORT) this.shortUtf8(s, true);
    else this.raw(encodeXmlText(s));
  }

  /**
   * A short text encoded here rather than by a native call, which costs more than the encoding
   * for a figure or a status word. Escaped, it is what encodeXmlText gives: `& < > "` as
   * entities, tab and line feed kept, carriage return as `&#13;`, other control characters,
   * U+FFFE, U+FFFF and lone surrogates left out. Unescaped, a lone surrogate becomes U+FFFD, as
   * Node and TextEncoder write it.
   */
  private shortUtf8(s: string, escape: boolean): void {
    const n = s.length;
    // At most six bytes per UTF-16 unit (`&quot;`).
    if (this.chunk.length - this.at < n * 6) this.next(n * 6);
    const out = this.chunk;
    let at = this.at;
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        if (escape && (c < 0x20 || c === 0x26 || c === 0x3c || c === 0x3e || c === 0x22)) {
          if (c === 0x26) at = put(out, at, '&amp;');
          else if (c === 0x3c) at = put(out, at, '&lt;');
          else if (c === 0x3e) at = put(out, at, '&gt;');
          else if (c === 0x22) at = put(out, at, '&quot;');
          else if (c === 0x0a || c === 0x09) out[at++] = c;
          else if (c === 0x0d) at = put(out, at, '&#13;');
          continue; // other control characters are left out
        }
        out[at++] = c;
      } else if (c < 0x800) {
        out[at++] = 0xc0 | (c >> 6);
        out[at++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const low = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
          i++;
          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          out[at++] = 0xf0 | (c >> 18);
          out[at++] = 0x80 | ((c >> 12) & 0x3f);
          out[at++] = 0x80 | ((c >> 6) & 0x3f);
          out[at++] = 0x80 | (c & 0x3f);
        } else if (!escape) at = put3(out, at, 0xfffd);
      } else if (!escape || (c !== 0xfffe && c !== 0xffff)) {
        at = put3(out, at, c);
      }
    }
    this.at = at;
  }

  /** Bytes written by another writer, after these. */
  append(other: XmlByteWriter): void {
    this.finishChunk();
    for (const c of other.pieces()) if (c.length) this.chunks.push(c);
  }

  /** How many chunks are full and not yet taken. */
  get finished(): number {
    return this.chunks.length;
  }

  /**
   * The full chunks written so far, handed over (the writer keeps none of them): a part pulled
   * chunk by chunk by its compressor is then never held whole.
   */
  takeFinished(): Uint8Array[] {
    return this.chunks.splice(0);
  }

  /** The part as the chunks it was written in (at least one). */
  pieces(): Uint8Array[] {
    this.finishChunk();
    return this.chunks.length ? [...this.chunks] : [new Uint8Array(0)];
  }

  private next(room: number): void {
    this.finishChunk();
    this.chunk = newChunk(Math.max(CHUNK_BYTES, room));
  }

  private finishChunk(): void {
    if (this.at > 0) this.chunks.push(this.chunk.subarray(0, this.at));
    this.chunk = this.chunk.subarray(this.at);
    this.at = 0;
  }
}

function put(out: Uint8Array, at: number, ascii: string): number {
  for (let i = 0; i < ascii.length; i++) out[at++] = ascii.charCodeAt(i);
  return at;
}

function put3(out: Uint8Array, at: number, c: number): number {
  out[at++] = 0xe0 | (c >> 12);
  out[at++] = 0x80 | ((c >> 6) & 0x3f);
  out[at++] = 0x80 | (c & 0x3f);
  return at;
}

import { encodeXmlText } from '../../xml/encodeXml';

const CHUNK_BYTES = 1 << 20;

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
    // At most three bytes of UTF-8 per UTF-16 unit.
    const room = s.length * 3;
    if (this.chunk.length - this.at < room) this.next(room);
    if (NODE_BUFFER) this.at += (this.chunk as NodeBuffer).write(s, this.at, 'utf8');
    else this.at += (ENCODER as InstanceType<typeof TextEncoder>).encodeInto(s, this.chunk.subarray(this.at)).written as number;
  }

  /** Text XML-escaped (encodeXmlText), as UTF-8: element text and our attribute values. */
  text(s: string): void {
    this.raw(encodeXmlText(s));
  }

  /** Bytes written by another writer, after these. */
  append(other: XmlByteWriter): void {
    this.finishChunk();
    for (const c of other.pieces()) if (c.length) this.chunks.push(c);
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

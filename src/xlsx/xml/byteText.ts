import { strFromU8, strToU8 } from 'fflate';
import { WorkbookFormatError } from '../package';

/**
 * Parts we patch are edited as "byte strings": one JS char per byte (latin1 decoding). Markup is
 * ASCII in every ASCII-compatible encoding, so the patcher can find tags and splice ASCII in
 * without ever decoding the user's text, and every byte it does not touch is written back as it
 * was — whatever the part's encoding, BOM or odd characters.
 */
export type ByteText = string;

/**
 * Node's Buffer when the code runs under Node (the CLI, tests): its converters are native and
 * many times faster than a loop over a 50 MB part. In the browser there is none (nothing is
 * imported for it, so the bundle does not grow) and fflate's converters do the same work.
 */
interface NodeBufferApi {
  from(text: string, encoding: 'latin1' | 'utf8'): Uint8Array;
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): Uint8Array & { toString(encoding: 'latin1'): string };
  allocUnsafe(size: number): Uint8Array & { write(text: string, offset: number, encoding: 'utf8' | 'latin1'): number };
}
const NODE_BUFFER = (globalThis as unknown as { Buffer?: NodeBufferApi }).Buffer;

export function bytesToText(bytes: Uint8Array): ByteText {
  return NODE_BUFFER ? NODE_BUFFER.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1') : strFromU8(bytes, true);
}

export function textToBytes(text: ByteText): Uint8Array {
  return NODE_BUFFER ? NODE_BUFFER.from(text, 'latin1') : strToU8(text, true);
}

/** Text as UTF-8 bytes. */
export function utf8Bytes(text: string): Uint8Array {
  return NODE_BUFFER ? NODE_BUFFER.from(text, 'utf8') : strToU8(text);
}

/** Joins byte chunks into one array. */
export function concatBytes(chunks: ReadonlyArray<Uint8Array>): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const CHUNK_BYTES = 1 << 20;

/**
 * A large part written piece by piece straight into byte chunks of a megabyte, so a part of a
 * hundred megabytes never exists as one JavaScript string (which takes twice its size when it
 * holds any non-Latin-1 character, and must be flattened before it can be encoded).
 */
export class PartWriter {
  private readonly chunks: Uint8Array[] = [];
  private chunk: Uint8Array = new Uint8Array(0);
  private at = 0;
  private readonly encoder = NODE_BUFFER ? undefined : new TextEncoder();

  /** `encoding` latin1 for byte strings (ByteText), utf8 for real text. */
  constructor(private readonly encoding: 'utf8' | 'latin1' = 'utf8') {}

  add(text: string): void {
    // At most three bytes per UTF-16 unit in UTF-8, one in Latin-1.
    const room = this.encoding === 'utf8' ? text.length * 3 : text.length;
    if (this.chunk.length - this.at < room) this.next(room);
    if (NODE_BUFFER) this.at += (this.chunk as ReturnType<NodeBufferApi['allocUnsafe']>).write(text, this.at, this.encoding);
    else if (this.encoding === 'utf8')
      this.at += (this.encoder as InstanceType<typeof TextEncoder>).encodeInto(text, this.chunk.subarray(this.at)).written as number;
    else {
      this.chunk.set(strToU8(text, true), this.at);
      this.at += text.length;
    }
  }

  /** Adds bytes as they are (a span of an existing part). */
  addBytes(bytes: Uint8Array): void {
    this.finishChunk();
    if (bytes.length) this.chunks.push(bytes);
  }

  bytes(): Uint8Array {
    return concatBytes(this.pieces());
  }

  /** The part as the chunks it was written in (at least one), for a compressor that takes them one by one. */
  pieces(): Uint8Array[] {
    this.finishChunk();
    return this.chunks.length ? [...this.chunks] : [new Uint8Array(0)];
  }

  private next(room: number): void {
    this.finishChunk();
    const size = Math.max(CHUNK_BYTES, room);
    this.chunk = NODE_BUFFER ? NODE_BUFFER.allocUnsafe(size) : new Uint8Array(size);
    this.at = 0;
  }

  private finishChunk(): void {
    if (this.at > 0) this.chunks.push(this.chunk.subarray(0, this.at));
    this.chunk = new Uint8Array(0);
    this.at = 0;
  }
}

/** A part as a byte string; refuses UTF-16 parts, where splicing ASCII would corrupt the part. */
export function readXmlPart(parts: ReadonlyMap<string, Uint8Array>, path: string): ByteText | undefined {
  const bytes = parts.get(path);
  if (bytes === undefined) return undefined;
  const utf16 =
    (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) ||
    (bytes.length >= 2 && ((bytes[0] === 0x3c && bytes[1] === 0) || (bytes[0] === 0 && bytes[1] === 0x3c)));
  if (utf16) {
    throw new WorkbookFormatError(
      `không sửa được phần ${path} vì nó được mã hóa UTF-16; hãy mở tệp bằng Excel và lưu lại`,
      `cannot patch ${path} because it is encoded as UTF-16; open the file in Excel and save it again`,
    );
  }
  return bytesToText(bytes);
}

/** The real text of a byte-string slice (for names and authors read from a part; parts are UTF-8). */
export function decodeUtf8(text: ByteText): string {
  return strFromU8(strToU8(text, true));
}

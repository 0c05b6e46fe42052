import { strFromU8, strToU8 } from 'fflate';
import { WorkbookFormatError } from './package';

/**
 * Parts we patch are edited as "byte strings": one JS char per byte (latin1 decoding). Markup is
 * ASCII in every ASCII-compatible encoding, so the patcher can find tags and splice ASCII in
 * without ever decoding the user's text, and every byte it does not touch is written back as it
 * was — whatever the part's encoding, BOM or odd characters.
 */
export type ByteText = string;

export function bytesToText(bytes: Uint8Array): ByteText {
  return strFromU8(bytes, true);
}

export function textToBytes(text: ByteText): Uint8Array {
  return strToU8(text, true);
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

/**
 * XML-escaped text using only ASCII: anything past U+007E becomes a character reference. What we
 * splice into an existing part is then correct in whatever encoding the part declares.
 */
export function encodeXmlAscii(s: string): string {
  return encodeXml(s, true);
}

/** XML-escaped text for parts we write whole, as UTF-8 (kept readable). */
export function encodeXmlText(s: string): string {
  return encodeXml(s, false);
}

/** An attribute value: line breaks and tabs become references, or a parser would turn them into spaces. */
export function encodeXmlAttribute(s: string): string {
  return encodeXml(s, false, true);
}

function encodeXml(s: string, asciiOnly: boolean, inAttribute = false): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"') out += '&quot;';
    else if (cp === 0x0a || cp === 0x09) out += inAttribute ? `&#${cp};` : ch;
    else if (cp === 0x0d) out += '&#13;';
    else if (cp < 0x20 || cp === 0xfffe || cp === 0xffff || (cp >= 0xd800 && cp <= 0xdfff)) continue; // not allowed in XML 1.0
    else if (asciiOnly && cp > 0x7e) out += `&#${cp};`;
    else out += ch;
  }
  return out;
}

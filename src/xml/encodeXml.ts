/**
 * XML escaping, the one encoder of every part we write or patch. It has no other dependency: the
 * add-in's task pane writes the reviews part with it, and must not pull the .xlsx package code
 * (which only the preview chunk loads) in with it.
 */

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

/** Characters that change in element text (tab and line feed stay), in attributes, and past ASCII. */
const CHANGES_IN_TEXT = /[&<>"\u0000-\u0008\u000b-\u001f\ud800-\udfff\ufffe\uffff]/;
const CHANGES_IN_ATTRIBUTE = /[&<>"\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;
const NOT_ASCII = /[^\u0000-\u007e]/;

function encodeXml(s: string, asciiOnly: boolean, inAttribute = false): string {
  // Most text needs nothing: one native scan instead of a loop over its characters.
  if (!(inAttribute ? CHANGES_IN_ATTRIBUTE : CHANGES_IN_TEXT).test(s) && !(asciiOnly && NOT_ASCII.test(s))) return s;
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"') out += '&quot;';
    else if (cp === 0x0a || cp === 0x09) out += inAttribute ? `&#${cp};` : ch;
    else if (cp === 0x0d) out += '&#13;';
    else if (cp < 0x20 || cp === 0xfffe || cp === 0xffff || (cp >= 0xd800 && cp <= 0xdfff))
      continue; // not allowed in XML 1.0
    else if (asciiOnly && cp > 0x7e) out += `&#${cp};`;
    else out += ch;
  }
  return out;
}

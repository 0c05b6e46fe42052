/**
 * Folding Vietnamese text for matching: NFC/NFD-proof, case-, accent-, spacing- and
 * punctuation-insensitive. People type labels with and without diacritics, in capitals, with
 * list markers; all of that folds away. `đ` becomes `d` explicitly because it is not a combining mark.
 */
export function fold(s: string): string {
  // Unit names, labels and headers repeat across thousands of rows: fold each once.
  let f = foldCache.get(s);
  if (f === undefined) {
    if (foldCache.size > 100_000) foldCache.clear();
    f = foldUncached(s);
    foldCache.set(s, f);
  }
  return f;
}

const foldCache = new Map<string, string>();

function foldUncached(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();
}

export function tokens(s: string): string[] {
  const f = fold(s);
  return f === '' ? [] : f.split(' ');
}

/** List markers and lead-ins that carry no meaning for matching: `-`, `+`, `a)`, `1.`, `Trong đó:`. */
export function stripListMarker(label: string): { text: string; marked: boolean } {
  const m = /^\s*(?:[-+–•*]+|[a-zđ]\)|\d+(?:\.\d+)*[.)]|[ivx]+[.)])\s*/iu.exec(label);
  let text = m ? label.slice(m[0].length) : label;
  const lead = /^\s*trong\s+(?:đó|do)\s*[:,-]?\s*/iu.exec(text.normalize('NFC'));
  if (lead) text = text.normalize('NFC').slice(lead[0].length);
  return { text: text.trim(), marked: Boolean(m) || Boolean(lead) };
}

export function isUpperCaseText(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** `I`, `II`, `IV`, `A`, `B` … — the numbering of section rows. */
export function isSectionNumber(s: string): boolean {
  return /^\s*(?:[IVXLC]{1,6}|[A-H])\s*[.)]?\s*$/.test(s);
}

const ADMIN_WORDS = ['tỉnh', 'thành phố', 'quận', 'huyện', 'thị xã', 'xã', 'phường', 'đặc khu', 'tp'];

/**
 * `CÔNG AN TỈNH THANH HÓA` -> `Công an tỉnh Thanh Hóa`: letterheads are written in capitals, but a
 * unit's name reads in normal case everywhere else. Place names after the administrative word keep
 * capitals on each word.
 */
export function unitNameFromLetterhead(s: string): string {
  const trimmed = s.replace(/\s+/g, ' ').trim();
  if (!isUpperCaseText(trimmed)) return trimmed;
  // `CATP HÀ NỘI` -> `CATP Hà Nội`: an abbreviation keeps its capitals, the place reads in normal case.
  const abbr = /^(CA|CAT|CATP|CAQ|CAP|CAX)\s+(.*)$/u.exec(trimmed.normalize('NFC'));
  if (abbr) {
    const rest = unitNameFromLetterhead(`CÔNG AN ${abbr[2]}`).replace(/^Công an\s*/u, '');
    return `${abbr[1]} ${rest}`;
  }
  const lower = trimmed.normalize('NFC').toLocaleLowerCase('vi');
  let placeStart = -1;
  for (const w of ADMIN_WORDS) {
    const re = new RegExp(`(^|\\s)${w}\\s`, 'u');
    const m = re.exec(lower);
    if (m && (placeStart < 0 || m.index + m[0].length < placeStart)) placeStart = m.index + m[0].length;
  }
  // `CÔNG AN HÀ NỘI` (no administrative word): the place starts after `công an`.
  if (placeStart < 0 && lower.startsWith('công an ')) placeStart = 'công an '.length;
  const capital = (w: string) => (w ? w[0].toLocaleUpperCase('vi') + w.slice(1) : w);
  const head = placeStart < 0 ? lower : lower.slice(0, placeStart);
  const place = placeStart < 0 ? '' : lower.slice(placeStart).split(' ').map(capital).join(' ');
  return capital(head) + place;
}

import { attrByLocalName, findTags, partText, readRelationships, XlsxPackage } from '../../src/xlsx/package';

/** Excel's built-in percentage formats: 9 is `0%`, 10 is `0.00%`. */
const BUILTIN_PERCENT: Record<string, number> = { '9': 0, '10': 2 };

/**
 * The cells formatted as percentages, with their decimals (`Biểu 01!E12` → 1), so the preview
 * shows `-4,4 %` where Excel does rather than the stored fraction `-0,0439`. The core's grid
 * keeps values only; this reads just the number formats and the cells' style indexes.
 */
export function percentCells(pkg: XlsxPackage): Array<[string, number]> {
  const stylesRel = readRelationships(pkg.parts, pkg.workbookPath).find((r) => /\/styles$/.test(r.type));
  const styles = partText(pkg.parts, stylesRel?.target ?? 'xl/styles.xml');
  if (!styles) return [];
  const custom = new Map<string, number>();
  for (const t of findTags(styles, 'numFmt')) {
    const id = attrByLocalName(t.attrs, 'numFmtId');
    const decimals = percentDecimals(attrByLocalName(t.attrs, 'formatCode') ?? '');
    if (id !== undefined && decimals !== undefined) custom.set(id, decimals);
  }
  const xfsAt = styles.indexOf('<cellXfs');
  const xfsEnd = styles.indexOf('</cellXfs>', xfsAt);
  if (xfsAt < 0 || xfsEnd < 0) return [];
  const percentStyle = new Map<string, number>();
  findTags(styles, 'xf', xfsAt, xfsEnd).forEach((t, i) => {
    const id = attrByLocalName(t.attrs, 'numFmtId') ?? '0';
    const d = custom.get(id) ?? BUILTIN_PERCENT[id];
    if (d !== undefined) percentStyle.set(String(i), d);
  });
  if (percentStyle.size === 0) return [];
  const out: Array<[string, number]> = [];
  for (const s of pkg.sheets) {
    const xml = s.path ? partText(pkg.parts, s.path) : undefined;
    if (!xml) continue;
    for (const m of xml.matchAll(/<c\b([^>]*?)\/?>/g)) {
      const style = /\ss="(\d+)"/.exec(m[1])?.[1];
      const d = style === undefined ? undefined : percentStyle.get(style);
      const ref = /\sr="([A-Z]+\d+)"/.exec(m[1])?.[1];
      if (d !== undefined && ref) out.push([`${s.name}!${ref}`, d]);
    }
  }
  return out;
}

/** Decimals of a percentage format code (`0.0%` → 1), undefined when it is not one. */
function percentDecimals(code: string): number | undefined {
  const plain = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, ''); // quoted text, escapes and colours are not the format
  if (!plain.includes('%')) return undefined;
  const first = plain.split(';')[0];
  const frac = /\.(0+)/.exec(first);
  return frac ? frac[1].length : 0;
}

import { CellFill } from './cellFill';

/**
 * The highlight memory as stored in the workbook: one element per highlighted cell with the fill it
 * had before the first check, and a fingerprint of the reason attached to it. Versioned by its
 * namespace; a part in another namespace is never read.
 */
export const MEMORY_NAMESPACE = 'urn:pledge-check:highlight-memory:1';

export type AttachedKind = 'note' | 'comment';

export interface RememberedCell {
  readonly sheet: string;
  /** A1 address on `sheet`. */
  readonly cell: string;
  /** The cell's own fill before Pledge Check first marked it. */
  readonly fill: CellFill;
  /** The reason Pledge Check attached; removed on clear only while its text is still ours. */
  readonly attached?: { readonly kind: AttachedKind; readonly hash: string };
}

export function memoryXml(cells: ReadonlyArray<RememberedCell>): string {
  const lines = cells.map((c) => {
    const f = c.fill;
    const attrs: [string, string | number][] = [
      ['s', c.sheet],
      ['a', c.cell],
      ['p', f.pattern],
      ['fc', f.color],
      ['pc', f.patternColor],
      ['t', f.tintAndShade],
      ['pt', f.patternTintAndShade],
    ];
    if (c.attached) attrs.push(['k', c.attached.kind], ['h', c.attached.hash]);
    return `  <c ${attrs.map(([k, v]) => `${k}="${escapeXml(String(v))}"`).join(' ')}/>`;
  });
  return `<highlights xmlns="${MEMORY_NAMESPACE}">\n${lines.join('\n')}${lines.length ? '\n' : ''}</highlights>`;
}

/**
 * Reads what memoryXml wrote, tolerating what Excel may do to a stored part (an XML declaration,
 * a namespace prefix, other quotes). An element that lacks what restoring needs is skipped.
 */
export function parseMemoryXml(xml: string): RememberedCell[] {
  const out: RememberedCell[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?c\b([^>]*?)\/?>/g)) {
    const a: Record<string, string> = {};
    for (const at of m[1].matchAll(/([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) a[at[1]] = unescapeXml(at[2] ?? at[3]);
    if (!a.s || !/^[A-Z]{1,3}[1-9]\d*$/.test(a.a ?? '') || !a.p) continue;
    const fill: CellFill = {
      pattern: a.p,
      color: a.fc ?? '',
      patternColor: a.pc ?? '',
      tintAndShade: Number(a.t) || 0,
      patternTintAndShade: Number(a.pt) || 0,
    };
    const kind = a.k === 'note' || a.k === 'comment' ? a.k : undefined;
    out.push({ sheet: a.s, cell: a.a, fill, ...(kind && a.h ? { attached: { kind, hash: a.h } } : {}) });
  }
  return out;
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

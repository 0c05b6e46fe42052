import { MARK_FILL, MarkStatus } from '../../src/xlsx/write/highlightPlan';

/**
 * What this file assumes about Excel's fills — the one place they are written down:
 * - `color` is "#FFFFFF" both for no fill and for a white fill, so it never tells them apart.
 * - No fill reports `tintAndShade: null`; any fill of a colour, white included, reports a number
 *   (office-js #4900, answered by Microsoft). `pattern` is "None" for no fill where the host
 *   reports it, but the same issue shows hosts answering `null` for both no fill and white solid.
 *   So: a named pattern other than "None" is that pattern; "None" is no fill; a missing pattern is
 *   no fill when `tintAndShade` is null, else a solid fill.
 * - A theme colour comes back as its RGB `color` plus its `tintAndShade`; writing both back gives
 *   the same colour (the link to the theme is lost: Office.js cannot set a theme colour).
 * - Setting `color` on a cell makes its fill solid and resets its tint; `pattern`, `patternColor`
 *   and the tints are set after it (queueRestoreFill), and `clear()` is no fill.
 * - Gradients cannot be written through Office.js at all (isRestorable).
 */

/**
 * A cell's own fill as Office.js reports it, which is all a highlight changes. The font is never
 * touched, so it is not remembered: restoring it would undo any edit made after the check.
 */
export interface CellFill {
  readonly pattern: string; // "None" for no fill
  readonly color: string;
  readonly patternColor: string;
  readonly tintAndShade: number;
  readonly patternTintAndShade: number;
}

/** What `getCellProperties` must return for a fill to be remembered. */
export const FILL_PROPERTIES: Excel.CellPropertiesLoadOptions = {
  format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true } },
};

export function fillOf(p: Excel.CellProperties): CellFill {
  const f = p.format?.fill ?? {};
  const pattern = f.pattern ? String(f.pattern) : f.tintAndShade === null || f.tintAndShade === undefined ? 'None' : 'Solid';
  if (pattern === 'None') return { pattern, color: '', patternColor: '', tintAndShade: 0, patternTintAndShade: 0 };
  return {
    pattern,
    color: f.color ?? '',
    patternColor: f.patternColor ?? '',
    tintAndShade: f.tintAndShade ?? 0,
    patternTintAndShade: f.patternTintAndShade ?? 0,
  };
}

/** Gradients cannot be written back through Office.js, so such a cell is never marked. */
export function isRestorable(fill: CellFill): boolean {
  return !/Gradient$/.test(fill.pattern);
}

/** Cells that share a key are restored by one command. */
export function fillKey(fill: CellFill): string {
  return fill.pattern === 'None' ? 'None' : JSON.stringify([fill.pattern, fill.color, fill.patternColor, fill.tintAndShade, fill.patternTintAndShade]);
}

/** Queue writing `fill` back exactly: clear, then the colour, the pattern and their tints. */
export function queueRestoreFill(target: Excel.RangeFormat, fill: CellFill): void {
  target.fill.clear();
  if (fill.pattern === 'None') return;
  target.fill.color = fill.color;
  target.fill.pattern = fill.pattern as Excel.FillPattern;
  if (fill.patternColor) target.fill.patternColor = fill.patternColor;
  if (fill.tintAndShade) target.fill.tintAndShade = fill.tintAndShade;
  if (fill.patternTintAndShade) target.fill.patternTintAndShade = fill.patternTintAndShade;
}

/** Queue the mark: the same red and amber as the CLI's highlighted copy, solid, nothing else. */
export function queueMarkFill(target: Excel.RangeFormat, status: MarkStatus): void {
  target.fill.clear();
  target.fill.color = markColor(status);
}

export function markColor(status: MarkStatus): string {
  return `#${MARK_FILL[status].slice(2)}`; // ARGB → #RRGGBB
}

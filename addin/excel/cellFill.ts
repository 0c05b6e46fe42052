import { MARK_FILL, MarkStatus } from '../../src/xlsx/highlightPlan';

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
  return {
    pattern: f.pattern ?? 'None',
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

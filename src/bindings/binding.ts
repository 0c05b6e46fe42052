import { PeriodRole } from '../tables/periods';
import { fold } from '../tables/text';

/**
 * A person's word on where a figure is, when the reader could not tell: "this row (or column) is
 * indicator X", "this column is the current period". Keyed by the sheet and the label text as
 * written, not by address, so rows inserted later do not break it. A binding never changes a
 * value: it only tells the reader where to look.
 */
export type Binding =
  | { readonly kind: 'indicator'; readonly sheet: string; readonly label: string; readonly indicator: string; readonly cell?: string }
  | { readonly kind: 'period'; readonly sheet: string; readonly label: string; readonly period: PeriodRole; readonly cell?: string };

/** The bindings of one check, looked up by (sheet, label) as the reader meets labels and headings. */
export class Bindings {
  private readonly indicators = new Map<string, Extract<Binding, { kind: 'indicator' }>>();
  private readonly periods = new Map<string, PeriodRole>();
  /** Indicators bound somewhere on a sheet: elsewhere on that sheet, their labels are not read by pattern. */
  private readonly boundOnSheet = new Map<string, Set<string>>();

  constructor(readonly list: ReadonlyArray<Binding> = []) {
    for (const b of list) {
      const key = keyOf(b.sheet, b.label);
      if (b.kind === 'indicator') {
        this.indicators.set(key, b);
        const s = this.boundOnSheet.get(fold(b.sheet)) ?? new Set<string>();
        s.add(b.indicator);
        this.boundOnSheet.set(fold(b.sheet), s);
      } else this.periods.set(key, b.period);
    }
  }

  get size(): number {
    return this.list.length;
  }

  indicatorFor(sheet: string, label: string): string | undefined {
    return this.indicators.size === 0 ? undefined : this.indicators.get(keyOf(sheet, label))?.indicator;
  }

  /** The cell a person pointed at for this label, to tell apart rows that carry the same words. */
  pointedCell(sheet: string, label: string): string | undefined {
    return this.indicators.size === 0 ? undefined : this.indicators.get(keyOf(sheet, label))?.cell;
  }

  periodFor(sheet: string, label: string): PeriodRole | undefined {
    return this.periods.size === 0 ? undefined : this.periods.get(keyOf(sheet, label));
  }

  /** True when a person bound `indicator` to some label on `sheet`: a pattern match elsewhere there yields to it. */
  isBoundOn(sheet: string, indicator: string): boolean {
    return this.boundOnSheet.get(fold(sheet))?.has(indicator) ?? false;
  }
}

export const NO_BINDINGS = new Bindings();

function keyOf(sheet: string, label: string): string {
  return `${fold(sheet)}\u0000${fold(label)}`;
}

/** Bindings given later win over earlier ones for the same (sheet, label): the command line over the workbook. */
export function mergeBindings(...lists: ReadonlyArray<ReadonlyArray<Binding>>): Binding[] {
  const byKey = new Map<string, Binding>();
  for (const list of lists) for (const b of list) byKey.set(`${b.kind}\u0000${keyOf(b.sheet, b.label)}`, b);
  return [...byKey.values()];
}

import { Finding, FindingStatus } from '../../src/evaluate/finding';
import { Lang, OPERATOR_SYMBOL } from '../../src/evaluate/format';
import { formatFigure, statusWord } from '../../src/report/words';

/** One line of the pane's list: what the console report shows, for one target of one unit. */
export interface FindingLine {
  readonly status: FindingStatus;
  readonly statusText: string;
  readonly title: string;
  readonly actual: string;
  readonly target: string;
  readonly sheet: string;
  readonly cell: string;
  /** The reason, for shortfall and no-data lines. */
  readonly reason?: string;
}

export interface UnitGroup {
  /** The unit, with the row's own period when a table has one row per unit and period. */
  readonly unit: string;
  readonly lines: FindingLine[];
}

/** Findings grouped by unit in the order the tables list them: plain data, no DOM, no Office. */
export function findingsByUnit(findings: ReadonlyArray<Finding>, lang: Lang): UnitGroup[] {
  const groups = new Map<string, FindingLine[]>();
  for (const f of findings) {
    const unit = f.period === undefined ? f.unit : `${f.unit} — ${f.period}`;
    const lines = groups.get(unit) ?? [];
    lines.push({
      status: f.status,
      statusText: statusWord(f.status, lang),
      title: f.title[lang],
      actual: f.actual === null ? '—' : formatFigure(f.actual, f.factUnit, lang),
      target: f.target === null ? '' : `${f.operator ? OPERATOR_SYMBOL[f.operator] ?? f.operator : ''} ${formatFigure(f.target, f.factUnit, lang)}`.trim(),
      sheet: f.sheet,
      cell: f.cell,
      ...(f.status === 'met' ? {} : { reason: f.message[lang] }),
    });
    groups.set(unit, lines);
  }
  return [...groups].map(([unit, lines]) => ({ unit, lines }));
}

import { Finding } from '../evaluate/finding';
import { digitsToShow, Lang } from '../evaluate/format';
import { RulePack } from '../packs/rulePack';

/** The `--json` document: stable field names that scripts and CI can rely on. */
export function findingsJson(workbook: string, pack: RulePack, findings: ReadonlyArray<Finding>, lang: Lang) {
  return {
    workbook,
    rulePack: { id: pack.id, version: pack.version },
    findings: findings.map((f) => ({
      ruleId: f.ruleId,
      unit: f.unit,
      ...(f.period === undefined ? {} : { period: f.period }),
      status: f.status,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      inputs: f.inputs,
      // Two decimals, more only where rounding would show a shortfall as exactly on target.
      actual: f.actual === null ? null : roundTo(f.actual, f.target === null ? 2 : digitsToShow(f.actual, f.target)),
      target: f.target,
      operator: f.operator,
      gap: f.gap === null ? null : roundTo(f.gap, 2),
      unitOfMeasure: f.factUnit,
      message: f.message[lang],
    })),
  };
}

function roundTo(x: number, digits: number): number {
  const p = 10 ** digits;
  return Math.round(x * p) / p;
}

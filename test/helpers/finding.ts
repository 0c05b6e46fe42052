import { Finding } from '../../src/evaluate/finding';

/** A plain finding of target i (a shortfall on `Số liệu`!C{i+2}, reason `Lý do i`), with some fields given. */
export function aFinding(i: number, over: Partial<Finding> = {}): Finding {
  return {
    ruleId: `r${i}`,
    title: { vi: `Chỉ tiêu ${i}`, en: `Target ${i}` },
    severity: 'shortfall',
    unit: `Đơn vị ${i}`,
    status: 'shortfall',
    sheet: 'Số liệu',
    cell: `C${i + 2}`,
    inputs: [],
    actual: 1,
    target: 2,
    operator: 'greaterThanInclusive',
    gap: -1,
    fact: 'x',
    factLabel: { vi: 'x', en: 'x' },
    factUnit: '',
    message: { vi: `Lý do ${i}`, en: `Reason ${i}` },
    ...over,
  };
}

import { severityAt, statusAt } from '../evaluate/compactFindings';
import { Finding, FindingList, FindingStatus } from '../evaluate/finding';
import { Severity } from '../packs/rulePack';
import { Lang } from '../words/lang';

/** How a whole check came out: the counts the last console line shows, and whether every binding target was met. */
export interface CheckOutcome {
  readonly met: number;
  readonly shortfall: number;
  readonly noData: number;
  /**
   * True only when some target was evaluated and every binding one was met: a target that could
   * not be evaluated (no data) has not been met. Warnings (soft targets) never change it.
   */
  readonly allMet: boolean;
}

export function checkOutcome(findings: Iterable<Pick<Finding, 'status' | 'severity'>>): CheckOutcome {
  const tally = new OutcomeTally();
  for (const f of findings) tally.add(f.status, f.severity);
  return tally.outcome();
}

/** The same of some lists of findings, read without making them when the lists are compact (a national check's hundreds of thousands). */
export function checkOutcomeOf(...lists: FindingList[]): CheckOutcome {
  const tally = new OutcomeTally();
  for (const list of lists) for (let i = 0; i < list.length; i++) tally.add(statusAt(list, i), severityAt(list, i));
  return tally.outcome();
}

class OutcomeTally {
  private met = 0;
  private shortfall = 0;
  private noData = 0;
  private bindingNotMet = 0;

  add(status: FindingStatus, severity: Severity): void {
    if (status === 'met') this.met++;
    else if (status === 'shortfall') this.shortfall++;
    else this.noData++;
    if (severity === 'shortfall' && status !== 'met') this.bindingNotMet++;
  }

  outcome(): CheckOutcome {
    const { met, shortfall, noData } = this;
    return { met, shortfall, noData, allMet: met + shortfall + noData > 0 && this.bindingNotMet === 0 };
  }
}

/** The last line of `check`: how many of each outcome, and what the exit code says. */
export function outcomeLine(o: CheckOutcome, unreadable: number, lang: Lang): string {
  const bad = unreadable > 0;
  if (lang === 'vi') {
    const why = bad
      ? 'có sổ không đọc được'
      : o.allMet
        ? 'mọi chỉ tiêu đều đạt'
        : o.met + o.shortfall + o.noData === 0
          ? 'không chỉ tiêu nào được đánh giá'
          : 'có chỉ tiêu chưa đạt hoặc không có số liệu';
    return `Kết quả: ${o.met} đạt, ${o.shortfall} chưa đạt, ${o.noData} không có số liệu${bad ? `, ${unreadable} sổ không đọc được` : ''} — mã thoát ${bad ? 2 : o.allMet ? 0 : 1} (${why}).`;
  }
  const why = bad
    ? 'a workbook could not be read'
    : o.allMet
      ? 'every target met'
      : o.met + o.shortfall + o.noData === 0
        ? 'no target was evaluated'
        : 'a target is a shortfall or has no data';
  return `Result: ${o.met} met, ${o.shortfall} shortfall, ${o.noData} no data${bad ? `, ${unreadable} unreadable workbook(s)` : ''} — exit code ${bad ? 2 : o.allMet ? 0 : 1} (${why}).`;
}

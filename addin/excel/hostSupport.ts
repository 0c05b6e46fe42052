import { ReasonSupport } from './cellReasons';

/**
 * What this Excel can do beyond the manifest's minimum (ExcelApi 1.13), decided once per action
 * with `isSetSupported`: notes need 1.18 (Microsoft 365, not Office 2021/2024), threaded comments
 * 1.10. Without either, highlights are still written and the findings listed in the pane.
 */
export function reasonSupport(requirements: Pick<Office.RequirementSetSupport, 'isSetSupported'> = Office.context.requirements): ReasonSupport {
  return {
    notes: requirements.isSetSupported('ExcelApi', '1.18'),
    comments: requirements.isSetSupported('ExcelApi', '1.10'),
  };
}

export interface ScorecardSupport {
  /** Worksheet custom properties (1.12) mark the sheets Pledge Check made; without them none is ever replaced. */
  readonly marks: boolean;
  /** Page layout (1.9): the scorecard prints on A4 landscape. */
  readonly pageLayout: boolean;
}

/** What writing the scorecard sheets may use; both are within the manifest's minimum, checked anyway for hosts that misreport. */
export function scorecardSupport(requirements: Pick<Office.RequirementSetSupport, 'isSetSupported'> = Office.context.requirements): ScorecardSupport {
  return {
    marks: requirements.isSetSupported('ExcelApi', '1.12'),
    pageLayout: requirements.isSetSupported('ExcelApi', '1.9'),
  };
}

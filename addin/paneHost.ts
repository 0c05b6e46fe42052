import { Binding } from '../src/bindings/binding';
import { PledgeChecker } from '../src/evaluate/checkGrid';
import { Finding } from '../src/evaluate/finding';
import { RulePack } from '../src/packs/rulePack';
import { ReviewDecision } from '../src/review/recordReview';
import { ReviewBook } from '../src/review/review';
import { PackChoice } from './packChoice';
import { Lang, Localized } from '../src/words/lang';

export type Tone = 'info' | 'warning' | 'error';

export interface PaneMessage {
  readonly text: Localized;
  readonly tone: Tone;
  /** A button drawn with the message (the workbook changed during a check: check again). */
  readonly action?: 'check-again';
}

/** A step of a long action, for the progress bar: `step` of `of`, with an optional detail. */
export interface ProgressStep {
  readonly step: number;
  readonly of: number;
  readonly label: Localized;
  readonly detail?: Localized;
}

export type OnProgress = (p: ProgressStep) => void;

export interface CheckReport {
  readonly findings: Finding[];
  readonly messages: PaneMessage[];
  /** The reviews stored in the workbook, from hosts with review support. */
  readonly reviews?: ReviewBook;
}

/** Supervisors' reviews kept in the workbook. A host without them offers no review actions. */
export interface ReviewHost {
  /** Stores a decision on a finding in the workbook and returns every review stored there now. */
  record(finding: Finding, decision: ReviewDecision): Promise<ReviewBook>;
  /** The reviewer's name remembered for this person, if any (asked on the first review). */
  reviewer(): string | undefined;
  /** Remembers the reviewer's name; false when it lasts only for this session. */
  rememberReviewer(name: string): boolean;
}

/**
 * People's word on where a figure is, stored in the workbook ("point to the figure"). A host
 * without it offers no such action.
 */
export interface BindingHost {
  /**
   * Binds the cell selected in the workbook to `target` (an indicator id of the checker's pack, or
   * `current` / `baseline` for a period column), stores it in the workbook and returns it.
   * Rejects with BindingError when the cell names nothing, BindingsFormatError when the stored
   * part is damaged (it is then left as it is).
   */
  bindSelection(checker: PledgeChecker, target: string): Promise<Binding>;
}

/** What a scorecard is made of: the findings on screen, their reviews, and when they were checked. */
export interface ScorecardRequest {
  readonly pack: RulePack;
  readonly findings: ReadonlyArray<Finding>;
  readonly reviews: ReviewBook;
  readonly checkedAt: Date;
}

/**
 * What the pane needs from where it runs: Excel (Office.js) or a plain browser (the preview). The
 * pane renders and keeps state; a host does the work and never touches the pane's DOM.
 */
export interface PaneHost {
  readonly mode: 'excel' | 'preview';
  /** Whether Check can run now (in the preview: once a workbook has been loaded). */
  canCheck(): boolean;
  /**
   * Checks the workbook. A host that evaluates in batches (the preview) hands the findings so far
   * to `onFindings` after each one, so the first units are on screen long before the last.
   */
  check(checker: PledgeChecker, lang: Lang, onProgress: OnProgress, onFindings?: (findings: Finding[]) => void): Promise<CheckReport>;
  /** Excel only: take the highlights away again. */
  clear?(onProgress: OnProgress): Promise<PaneMessage[]>;
  /**
   * Shows a finding's cell: selects it in Excel, scrolls to it in the preview's sheet.
   * `returnKey` names the finding's control (`data-focus-key`), for a way back to the list.
   */
  goTo(sheet: string, cell: string, returnKey?: string): Promise<void>;
  /** A failure of this host's work as a sentence people can act on. */
  problem(e: unknown): Localized;
  /** The pack remembered for this workbook, if any. */
  rememberedPack(): PackChoice | undefined;
  /** Remembers the pack for this workbook; rejects when it cannot. */
  rememberPack(choice: PackChoice): Promise<void>;
  /** Called after the pane redrew in another language, so host-drawn parts can follow. */
  languageChanged?(lang: Lang): void;
  /** Excel only: reviews of findings, stored in the workbook. */
  readonly reviews?: ReviewHost;
  /** Excel only: "point to the figure", stored in the workbook. */
  readonly bindings?: BindingHost;
  /** Excel only: writes the scorecard sheets (Bảng tổng hợp…) into the open workbook. */
  writeScorecard?(request: ScorecardRequest, lang: Lang, onProgress: OnProgress): Promise<PaneMessage[]>;
}

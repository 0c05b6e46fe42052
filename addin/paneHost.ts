import { PledgeChecker } from '../src/evaluate/checkGrid';
import { Finding } from '../src/evaluate/finding';
import { Lang } from '../src/evaluate/format';
import { Localized } from '../src/packs/rulePack';
import { PackChoice } from './packChoice';

export type Tone = 'info' | 'warning' | 'error';

export interface PaneMessage {
  readonly text: Localized;
  readonly tone: Tone;
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
}

/**
 * What the pane needs from where it runs: Excel (Office.js) or a plain browser (the preview). The
 * pane renders and keeps state; a host does the work and never touches the pane's DOM.
 */
export interface PaneHost {
  readonly mode: 'excel' | 'preview';
  /** Whether Check can run now (in the preview: once a workbook has been loaded). */
  canCheck(): boolean;
  check(checker: PledgeChecker, lang: Lang, onProgress: OnProgress): Promise<CheckReport>;
  /** Excel only: take the highlights away again. */
  clear?(onProgress: OnProgress): Promise<PaneMessage[]>;
  /** Shows a finding's cell: selects it in Excel, scrolls to it in the preview's sheet. */
  goTo(sheet: string, cell: string): Promise<void>;
  /** A failure of this host's work as a sentence people can act on. */
  problem(e: unknown): Localized;
  /** The pack remembered for this workbook, if any. */
  rememberedPack(): PackChoice | undefined;
  /** Remembers the pack for this workbook; rejects when it cannot. */
  rememberPack(choice: PackChoice): Promise<void>;
  /** Called after the pane redrew in another language, so host-drawn parts can follow. */
  languageChanged?(lang: Lang): void;
}

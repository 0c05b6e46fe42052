import { Severity } from '../packs/rulePack';
import { Lang, Localized } from '../words/lang';
import { Finding, FindingInput, FindingStatus, NoDataReason } from './finding';
import { PledgedInWorkbook } from './pledgedTarget';

/** Renders a finding's message from the finding itself (every placeholder is one of its fields). */
export interface MessageRenderer {
  (f: Omit<Finding, 'message'>, lang: Lang): string;
  /**
   * The same message as the pieces whose joining is its text, written into `out` from its start;
   * their number, or -1 when this message is not given in pieces (the renderer then gives it).
   */
  readonly pieces?: (f: Omit<Finding, 'message'>, lang: Lang, out: string[]) => number;
}

/**
 * A finding whose message is rendered when first read: a national check makes hundreds of
 * thousands of findings, and most met ones are never shown. Serialises like a plain finding.
 * It holds its rule's renderer, not a closure over a copy of its fields: each finding costs one
 * object, which is what bounds a national check's memory.
 *
 * CompactFindings makes each by `new`, its fields then written in their order; a ReusedFinding
 * (a subclass) is written over for one finding after another.
 */
export class LazyMessageFinding implements Finding {
  // Declared, not initialised: the fields are written by whoever makes the finding, in their order.
  declare readonly ruleId: string;
  declare readonly title: Localized;
  declare readonly severity: Severity;
  declare readonly unit: string;
  declare readonly period?: string;
  declare readonly status: FindingStatus;
  declare readonly sheet: string;
  declare readonly cell: string;
  declare readonly inputs: FindingInput[];
  declare readonly actual: number | null;
  declare readonly target: number | null;
  declare readonly operator: string | null;
  declare readonly gap: number | null;
  declare readonly fact: string;
  declare readonly factLabel: Localized;
  declare readonly factUnit: string;
  declare readonly noData?: NoDataReason;
  /** Rare: only on the findings that have one. */
  declare readonly pledgedInWorkbook?: PledgedInWorkbook;

  /** Its rule's renderer (written over only by a ReusedFinding, which stands for one finding after another). */
  constructor(protected render: MessageRenderer) {}

  /**
   * Each language is rendered when read, and not kept: a message is read once or twice per output
   * (the console, the copy's comments, the JSON), and kept, a national check's messages cost
   * more memory than its findings.
   */
  get message(): Localized {
    const render = this.render;
    const f = this as Omit<Finding, 'message'>;
    let vi: string | undefined;
    let en: string | undefined;
    return {
      get vi() {
        return (vi ??= render(f, 'vi'));
      },
      get en() {
        return (en ??= render(f, 'en'));
      },
    };
  }

  /** The message in one language, with no Localized object made to hold it. */
  messageIn(lang: Lang): string {
    return this.render(this, lang);
  }

  /** The message in one language as pieces (see MessageRenderer.pieces); -1 when its renderer gives none. */
  messagePiecesIn(lang: Lang, out: string[]): number {
    return this.render.pieces ? this.render.pieces(this, lang, out) : -1;
  }

  toJSON(): Finding {
    const { render: _f, ...plain } = this as unknown as Record<string, unknown>;
    return { ...(plain as unknown as Omit<Finding, 'message'>), message: { vi: this.render(this, 'vi'), en: this.render(this, 'en') } };
  }
}

/**
 * A finding's message in one language. Outputs that write every finding of a national check (the
 * JSON) read it this way: a lazily rendered finding then makes no holder object per read.
 */
export function messageIn(f: Finding, lang: Lang): string {
  return f instanceof LazyMessageFinding ? f.messageIn(lang) : f.message[lang];
}

/**
 * A finding's message in one language as the pieces whose joining is its text, written into `out`
 * from its start; their number, or -1 when it is not given in pieces (read it with messageIn).
 */
export function messagePiecesIn(f: Finding, lang: Lang, out: string[]): number {
  return f instanceof LazyMessageFinding ? f.messagePiecesIn(lang, out) : -1;
}

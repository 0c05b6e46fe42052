import { Finding } from '../../src/evaluate/finding';
import { RulePack } from '../../src/packs/rulePack';
import { Lang, Localized } from '../../src/words/lang';
import { FindingColumns } from './findingColumns';
import { PackedSheet } from './packedSheet';

/**
 * What the preview's page and its check worker say to each other. Everything here survives a
 * structured clone: findings travel without their messages (rendered again, lazily, on the page),
 * because writing 280,000 reasons nobody reads costs seconds, and in columns (FindingColumns).
 */
export type WireFinding = Omit<Finding, 'message'>;

/** The check's steps as the progress bar names them (the strings live with the pane). */
export type CheckStep = 'file' | 'tables' | 'evaluate' | 'sheet';

export type WorkerRequest =
  | { readonly kind: 'load'; readonly id: number; readonly bytes: Uint8Array }
  | { readonly kind: 'check'; readonly id: number; readonly pack: RulePack }
  | { readonly kind: 'copy'; readonly id: number; readonly lang: Lang };

/** Why a check failed: the reader's own sentence for a bad file, otherwise nothing raw. */
export type WireProblem = { readonly kind: 'format'; readonly text: Localized } | { readonly kind: 'internal' };

export type WorkerReply =
  | { readonly kind: 'progress'; readonly id: number; readonly step: CheckStep; readonly at: number }
  | { readonly kind: 'started'; readonly id: number; readonly tables: number; readonly subjects: number }
  | {
      readonly kind: 'sheet';
      readonly id: number;
      readonly sheets: ReadonlyArray<PackedSheet>;
      readonly percentCells: Array<[string, number]>;
      readonly bindingsUnreadable?: Localized;
    }
  | { readonly kind: 'batch'; readonly id: number; readonly columns: FindingColumns; readonly done: number }
  | { readonly kind: 'checked'; readonly id: number }
  | { readonly kind: 'copied'; readonly id: number; readonly bytes: Uint8Array }
  | { readonly kind: 'done'; readonly id: number }
  | { readonly kind: 'failed'; readonly id: number; readonly problem: WireProblem };

/** A finding without its message and private fields: only own data fields are kept. */
export function toWire(f: Finding): WireFinding {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(f)) if (k !== 'message' && k !== 'render' && k !== 'rendered') out[k] = (f as unknown as Record<string, unknown>)[k];
  return out as unknown as WireFinding;
}

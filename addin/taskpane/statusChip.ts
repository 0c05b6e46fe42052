import { FindingStatus } from '../../src/evaluate/finding';
import { el } from './dom';
import { say } from './say';
import { STRINGS } from './strings';
import { Lang, Localized } from '../../src/words/lang';

export const STATUS_TEXT: Record<FindingStatus, Localized> = {
  met: STRINGS.statusMet,
  shortfall: STRINGS.statusShortfall,
  'no-data': STRINGS.statusNoData,
};

/** A status as a coloured chip; the colour is never the only sign, the word is always there. */
export function statusChip(status: FindingStatus, lang: Lang): HTMLSpanElement {
  return el('span', { class: `chip ${status}` }, say(STATUS_TEXT[status], lang));
}

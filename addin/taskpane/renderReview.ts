import { REVIEW_STATUSES, ReviewStatus } from '../../src/review/review';
import { data, el } from './dom';
import { FindingLine } from './findingsView';
import { say } from './say';
import { FORMATS, STRINGS } from './strings';
import { Lang, Localized } from '../../src/words/lang';

export const REVIEW_TEXT: Record<ReviewStatus, Localized> = {
  accepted: STRINGS.reviewAccepted,
  'needs-explanation': STRINGS.reviewNeedsExplanation,
  'data-corrected': STRINGS.reviewDataCorrected,
};

/** The review form being filled in: kept by the pane, so a redraw (another language) loses nothing typed. */
export interface ReviewDraft {
  /** The finding's index in the check's findings. */
  readonly index: number;
  readonly status?: ReviewStatus;
  readonly comment: string;
  /** The name field is shown: no name is remembered yet, or the person chose to change it. */
  readonly askName: boolean;
  readonly name: string;
  /** What stopped the last save. */
  readonly error?: 'decision' | 'name';
}

export interface ReviewEvents {
  open(index: number): void;
  edit(change: Partial<Pick<ReviewDraft, 'status' | 'comment' | 'name'>>): void;
  changeName(): void;
  cancel(): void;
  submit(): void;
}

export interface ReviewView {
  readonly draft?: ReviewDraft;
  /** The remembered reviewer, shown in the form instead of asking. */
  readonly reviewer?: string;
  readonly busy: boolean;
  readonly on: ReviewEvents;
}

/**
 * What goes into a finding's `.finding-actions`: its stored review (who, when, the decision, the
 * comment, and a badge when the figures changed since), then a Review button or, while it is
 * being reviewed, the form. Plain form controls: Tab and arrows move through them, Enter in the
 * name and Ctrl+Enter in the comment save, Escape cancels.
 */
export function reviewActions(line: FindingLine, lang: Lang, view: ReviewView): Node[] {
  const out: Node[] = [];
  if (line.review) out.push(reviewState(line, lang));
  const editing = view.draft?.index === line.index ? view.draft : undefined;
  if (editing) out.push(reviewForm(line, editing, lang, view));
  else {
    const open = el(
      'button',
      {
        type: 'button',
        class: 'subtle review-open',
        'aria-expanded': 'false',
        'aria-describedby': `title-${line.index}`,
        'data-focus-key': `review:${line.index}`,
      },
      say(line.review ? STRINGS.reviewAgain : STRINGS.reviewOpen, lang),
    );
    if (view.busy) open.disabled = true;
    open.addEventListener('click', () => view.on.open(line.index));
    out.push(open);
  }
  return out;
}

function reviewState(line: FindingLine, lang: Lang): HTMLElement {
  const r = line.review!;
  const box = el(
    'div',
    { class: `review-state${r.changed ? ' changed' : ''}` },
    el(
      'p',
      { class: 'review-line' },
      el('span', { class: `chip review ${r.status}` }, say(REVIEW_TEXT[r.status], lang)),
      ' ',
      el('span', { class: 'label' }, say(STRINGS.reviewedBy, lang)),
      ' ',
      data(r.reviewer, { class: 'reviewer' }),
      ' · ',
      data(r.time, { class: 'review-time' }),
    ),
  );
  if (r.comment) box.append(el('p', { class: 'review-comment' }, data(r.comment)));
  if (r.changed) {
    box.append(
      el(
        'div',
        { class: 'review-changed', role: 'note' },
        el('span', { class: 'badge changed' }, say(STRINGS.changedSinceReview, lang)),
        el('p', { class: 'hint' }, say(STRINGS.changedSinceReviewHint, lang)),
        el('ul', {}, ...r.changes.map((c) => el('li', {}, data(c)))),
      ),
    );
  }
  return box;
}

function reviewForm(line: FindingLine, draft: ReviewDraft, lang: Lang, view: ReviewView): HTMLFormElement {
  const i = line.index;
  const on = view.on;
  const errorId = `review-error-${i}`;
  const radios = REVIEW_STATUSES.map((s) => {
    const input = el('input', { type: 'radio', name: `review-status-${i}`, value: s, 'data-focus-key': `review-status:${i}:${s}` });
    input.checked = draft.status === s;
    input.addEventListener('change', () => input.checked && on.edit({ status: s }));
    return el('label', { class: `radio ${s}` }, input, ' ', say(REVIEW_TEXT[s], lang));
  });
  const decision = el(
    'fieldset',
    { class: 'review-decision', ...(draft.error === 'decision' ? { 'aria-invalid': 'true', 'aria-describedby': errorId } : {}) },
    el('legend', {}, say(STRINGS.reviewDecision, lang)),
    ...radios,
  );

  const who: HTMLElement[] = [];
  if (draft.askName || !view.reviewer) {
    const name = el('input', {
      type: 'text',
      id: `review-name-${i}`,
      class: 'review-name',
      autocomplete: 'name',
      maxlength: '120',
      'data-focus-key': `review-name:${i}`,
      'aria-describedby': `review-name-hint-${i}${draft.error === 'name' ? ` ${errorId}` : ''}`,
      ...(draft.error === 'name' ? { 'aria-invalid': 'true' } : {}),
    });
    name.value = draft.name;
    name.required = true;
    name.addEventListener('input', () => on.edit({ name: name.value }));
    who.push(
      el('label', { for: `review-name-${i}` }, say(STRINGS.reviewerName, lang)),
      name,
      el('p', { class: 'hint', id: `review-name-hint-${i}` }, say(STRINGS.reviewerNameHint, lang)),
    );
  } else {
    const change = el('button', { type: 'button', class: 'subtle', 'data-focus-key': `review-rename:${i}` }, say(STRINGS.reviewerChange, lang));
    change.addEventListener('click', () => on.changeName());
    who.push(el('p', { class: 'reviewer-line' }, el('span', { class: 'label' }, say(STRINGS.reviewerIs, lang)), ' ', data(view.reviewer), ' ', change));
  }

  const comment = el('textarea', {
    id: `review-comment-${i}`,
    rows: '3',
    maxlength: '2000',
    'data-focus-key': `review-comment:${i}`,
    'aria-describedby': `review-comment-hint-${i}`,
  });
  comment.value = draft.comment;
  comment.addEventListener('input', () => on.edit({ comment: comment.value }));
  comment.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.requestSubmit();
    }
  });

  const save = el('button', { type: 'submit', class: 'primary', 'data-focus-key': `review-save:${i}` }, say(STRINGS.reviewSave, lang));
  const cancel = el('button', { type: 'button', class: 'secondary', 'data-focus-key': `review-cancel:${i}` }, say(STRINGS.reviewCancel, lang));
  save.disabled = cancel.disabled = view.busy;
  cancel.addEventListener('click', () => on.cancel());

  const error = draft.error === 'decision' ? STRINGS.reviewChooseDecision : draft.error === 'name' ? STRINGS.reviewNeedName : undefined;
  const form = el(
    'form',
    { class: 'review-form', id: `review-form-${i}`, novalidate: '', 'aria-label': say(FORMATS.reviewFormOf(line.title, line.unit), lang) },
    decision,
    ...who,
    el('label', { for: `review-comment-${i}` }, say(STRINGS.reviewComment, lang)),
    comment,
    el('p', { class: 'hint', id: `review-comment-hint-${i}` }, say(STRINGS.reviewCommentHint, lang)),
    el('p', { class: 'form-error', id: errorId, role: 'alert' }, ...(error ? [say(error, lang)] : [])),
    el('div', { class: 'form-buttons' }, save, cancel),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!view.busy) on.submit();
  });
  form.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    on.cancel();
  });
  return form;
}

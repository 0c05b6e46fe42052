import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { Finding, FindingStatus } from '../../src/evaluate/finding';
import { PackProblem } from '../../src/packs/packProblem';
import { RulePack } from '../../src/packs/rulePack';
import { EMPTY_REVIEW_BOOK, ReviewBook } from '../../src/review/review';
import { matchReviews, ReviewState } from '../../src/review/reviewState';
import { builtinChoices, checkPackChoice, choiceKey, DEFAULT_CHOICE, PackChoice } from '../packChoice';
import { PaneHost, PaneMessage, ProgressStep } from '../paneHost';
import { byId, keepingFocus } from './dom';
import { cellOf, FindingFilter, findingLine, groupLines, SHOW_ALL, unitOf } from './findingsView';
import { readFileText } from './readFile';
import { renderFilters } from './renderFilters';
import { appendFindings, renderFindings } from './renderFindings';
import { bindingSaved } from '../messages';
import { PackOption, renderPackInfo, renderPackProblems, renderPackSelect } from './renderPack';
import { PointDraft, PointView, targetSubject } from './renderPointing';
import { renderProgress } from './renderProgress';
import { REVIEW_TEXT, ReviewDraft, ReviewView } from './renderReview';
import { renderStatus } from './renderStatus';
import { renderStrings } from './renderStrings';
import { renderSummary } from './renderSummary';
import { renderTargets } from './renderTargets';
import { ResultIndex, stillToReview, visiblePage } from './resultIndex';
import { otherLang } from './say';
import { FORMATS, STRINGS } from './strings';
import { Lang } from '../../src/words/lang';

/** Findings drawn at first, and added by each "Show more": a national check has 280,000. */
export const PAGE = 100;

/** While a check runs, its later batches redraw the summaries and the list at most this often. */
const REDRAW_MS = 500;

/**
 * Tells the bench and the browser test when findings are first on screen: after the next frame is
 * drawn (a timer queued from the frame's callback), not when the list was built — a long task
 * queued behind it would otherwise hide the wait.
 */
const markFirstFindings = () => {
  const mark = () => globalThis.performance?.mark?.('pledge-check:first-findings');
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(mark, 0));
  else mark();
};

/**
 * The task pane: its state and what each control does. It draws through the render modules and
 * works through a PaneHost (Excel or the browser preview); it never calls Office.js itself.
 */
export class Pane {
  private choice: PackChoice = DEFAULT_CHOICE;
  private pack?: RulePack;
  private checker?: PledgeChecker;
  /** The pack file opened in this session, offered in the chooser next to the shipped packs. */
  private fileChoice?: PackChoice;
  private builtins: PackOption[] = [];
  private refused?: { file: string; problems: PackProblem[] };
  private packNotes: PaneMessage[] = [];
  private messages: PaneMessage[] = [];
  private findings?: Finding[];
  /** Counts and list order of the findings, worked out once per check. */
  private result?: ResultIndex;
  /** How many lines of the filtered list are drawn. */
  private shownCount = PAGE;
  /** Lines that still need a review, counted when the reviews change. */
  private unreviewedCount = 0;
  /** The pack was changed with the arrow keys: check again on Enter or when the chooser loses focus. */
  private packCommitPending = false;
  /** A pack was committed while a check ran: check again once it ends. */
  private checkAgainAfter = false;
  /** The first findings of the running check were marked on screen already (see markFirstFindings). */
  private firstMarked = false;
  private filter: FindingFilter = SHOW_ALL;
  private busy = false;
  private progress?: ProgressStep;
  /** What the findings on screen were checked with, and when: the scorecard says so. */
  private checked?: { pack: RulePack; at: Date };
  /** The reviews stored in the workbook, as of the check or the last review saved. */
  private reviewBook?: ReviewBook;
  private reviewStates?: ReadonlyMap<Finding, ReviewState>;
  private draft?: ReviewDraft;
  /** "Point to the figure" open on a finding, waiting for the person to select the cell in Excel. */
  private pointing?: PointDraft;
  /** A control to focus after the next redraw (the form just opened, or the button it closed to). */
  private pendingFocus?: string;

  constructor(
    private readonly host: PaneHost,
    private lang: Lang,
    private readonly doc: Document = document,
  ) {}

  get language(): Lang {
    return this.lang;
  }

  /** The findings on screen (the preview draws its sheet from them). */
  get currentFindings(): ReadonlyArray<Finding> {
    return this.findings ?? [];
  }

  start(): void {
    const app = byId('app', this.doc);
    app.setAttribute('data-mode', this.host.mode);
    byId('intro', this.doc).setAttribute('data-l10n', this.host.mode === 'preview' ? 'introPreview' : 'intro');
    byId('clear', this.doc).hidden = !this.host.clear;
    byId('scorecard', this.doc).hidden = !this.host.writeScorecard;
    this.builtins = builtinChoices().map((choice) => ({ choice, pack: checkPackChoice(choice).pack }));
    this.restorePack();
    this.wire();
    this.render();
  }

  /** Check with the chosen pack; the preview calls it when a workbook is dropped. `notes` go before the check's own messages. */
  async check(notes: PaneMessage[] = []): Promise<void> {
    if (this.busy || !this.checker || !this.host.canCheck()) return;
    const checker = this.checker;
    this.setBusy(true, [{ text: STRINGS.checking, tone: 'info' }]);
    try {
      let first = true;
      let drawnAt = 0;
      const report = await this.host.check(
        checker,
        this.lang,
        (p) => this.showProgress(p),
        (partial) => {
          // The first units' findings, drawn while the rest are still being evaluated.
          this.useFindings(partial, !first);
          this.checked = { pack: checker.pack, at: new Date() };
          // Later batches are counted at once but drawn at most every REDRAW_MS: the page stays free to answer.
          const now = Date.now();
          if (!first && now - drawnAt < REDRAW_MS) return;
          drawnAt = now;
          this.render();
          if (first) markFirstFindings();
          this.firstMarked = true;
          first = false;
        },
      );
      this.useFindings(report.findings, !first);
      this.messages = [...notes, ...report.messages];
      this.checked = { pack: checker.pack, at: new Date() };
      this.draft = undefined;
      this.pointing = undefined;
      this.useReviews(report.reviews);
      // A unit chosen in the filter that this workbook does not have would hide everything.
      if (this.filter.unit !== undefined && !this.result?.hasUnit(this.filter.unit)) this.filter = { ...this.filter, unit: undefined };
    } catch (e) {
      // Nothing of an earlier workbook or pack may stay on screen next to this failure.
      this.useFindings(undefined);
      this.messages = [{ text: this.host.problem(e), tone: 'error' }];
    } finally {
      this.setBusy(false);
    }
    if (this.findings?.length && !this.firstMarked) markFirstFindings();
    this.firstMarked = false;
    if (this.checkAgainAfter) {
      this.checkAgainAfter = false;
      await this.check();
    }
  }

  /** Another workbook was chosen (preview): the previous one's results go at once. */
  workbookChanged(): void {
    this.useFindings(undefined);
    this.checked = undefined;
    this.draft = undefined;
    this.pointing = undefined;
    this.filter = { ...this.filter, unit: undefined };
    this.messages = [{ text: STRINGS.stale, tone: 'info' }];
    this.render();
  }

  /** A failure outside a check (reading the chosen file, the download) in one sentence. */
  showProblem(e: unknown): void {
    this.messages = [{ text: this.host.problem(e), tone: 'error' }];
    this.render();
  }

  /** `more`: the same check's findings, grown by a batch; what is drawn and where the person is stay. */
  private useFindings(findings: Finding[] | undefined, more = false): void {
    this.findings = findings;
    // A later batch grows the same array: its index is extended, not made again.
    if (more && findings && this.result?.findings === findings) this.result.extend();
    else this.result = findings ? new ResultIndex(findings) : undefined;
    if (!more) this.shownCount = PAGE;
    if (!findings) this.reviewStates = undefined;
  }

  private async clear(): Promise<void> {
    if (this.busy || !this.host.clear) return;
    const clear = this.host.clear.bind(this.host);
    this.setBusy(true, [{ text: STRINGS.clearing, tone: 'info' }]);
    try {
      this.messages = await clear((p) => this.showProgress(p));
      this.useFindings(undefined);
      this.draft = undefined;
      this.pointing = undefined;
    } catch (e) {
      this.messages = [{ text: this.host.problem(e), tone: 'error' }];
    } finally {
      this.setBusy(false);
    }
  }

  private goTo(index: number): void {
    const f = this.findings?.[index];
    if (!f || !f.sheet) return;
    this.host.goTo(f.sheet, cellOf(f), `finding:${index}`).catch((e: unknown) => {
      this.messages = [{ text: this.host.problem(e), tone: 'error' }];
      this.render();
    });
  }

  // --- pointing to a figure (bindings) ------------------------------------------------------

  /** `key`: `finding:<index>` (a no-data finding) or `target:<rule id>` (a target not in the workbook). */
  private openPointing(key: string): void {
    const target = this.pointTargetOf(key);
    if (!target || !this.host.bindings || this.busy) return;
    this.draft = undefined; // one form at a time
    this.pointing = { key, target };
    this.pendingFocus = `point-use:${key}`;
    this.render();
  }

  /** The first choice of what the selected cell is: the indicator whose figure is missing. */
  private pointTargetOf(key: string): string | undefined {
    const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    if (kind === 'finding') {
      const r = this.findings?.[Number(id)]?.noData;
      return r && (r.kind === 'duplicate' || r.kind === 'no-period') ? r.indicator : undefined;
    }
    const pack = this.checked?.pack;
    const rule = pack?.rules.find((x) => x.id === id);
    return rule && pack ? targetSubject(rule, pack).indicators[0] : undefined;
  }

  private choosePointTarget(target: string): void {
    // No redraw: the select already shows the choice.
    if (this.pointing) this.pointing = { ...this.pointing, target };
  }

  private cancelPointing(): void {
    if (!this.pointing) return;
    this.pendingFocus = `point:${this.pointing.key}`;
    this.pointing = undefined;
    this.render();
  }

  /**
   * Reads the selected cell, stores what it is in the workbook, then checks again so the finding
   * shows what the stored binding makes of it. On a refusal the line stays open to try another cell.
   */
  private async usePointedCell(): Promise<void> {
    const pointing = this.pointing;
    const bindings = this.host.bindings;
    const checker = this.checker;
    if (!pointing || !bindings || !checker || this.busy) return;
    this.setBusy(true, [{ text: STRINGS.pointSaving, tone: 'info' }]);
    let saved: PaneMessage;
    try {
      const binding = await bindings.bindSelection(checker, pointing.target);
      saved = { text: bindingSaved(binding, checker.pack), tone: 'info' };
    } catch (e) {
      this.pendingFocus = `point-use:${pointing.key}`;
      this.messages = [{ text: this.host.problem(e), tone: 'error' }];
      this.setBusy(false);
      return;
    }
    this.pointing = undefined;
    this.setBusy(false);
    await this.check([saved]);
  }

  // --- reviews and the scorecard ---------------------------------------------------------

  private useReviews(book: ReviewBook | undefined): void {
    this.reviewBook = book;
    this.reviewStates = book && this.findings ? matchReviews(this.findings, book).states : undefined;
    let n = 0;
    for (const f of this.findings ?? []) if (stillToReview(f, this.reviewStates?.get(f))) n++;
    this.unreviewedCount = n;
  }

  private openReview(index: number): void {
    const f = this.findings?.[index];
    const reviews = this.host.reviews;
    if (!f || !reviews || this.busy) return;
    const stored = this.reviewStates?.get(f)?.review;
    const reviewer = reviews.reviewer();
    this.pointing = undefined; // one form at a time
    this.draft = { index, ...(stored ? { status: stored.status } : {}), comment: stored?.comment ?? '', askName: !reviewer, name: reviewer ?? '' };
    this.pendingFocus = `review-status:${index}:${stored?.status ?? 'accepted'}`;
    this.render();
  }

  private editReview(change: Partial<Pick<ReviewDraft, 'status' | 'comment' | 'name'>>): void {
    // No redraw while typing: the controls already show what was typed.
    if (this.draft) this.draft = { ...this.draft, ...change };
  }

  private changeReviewer(): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, askName: true, name: this.draft.name || (this.host.reviews?.reviewer() ?? '') };
    this.pendingFocus = `review-name:${this.draft.index}`;
    this.render();
  }

  private cancelReview(): void {
    if (!this.draft) return;
    this.pendingFocus = `review:${this.draft.index}`;
    this.draft = undefined;
    this.render();
  }

  private async saveReview(): Promise<void> {
    const draft = this.draft;
    const reviews = this.host.reviews;
    const f = draft && this.findings?.[draft.index];
    if (!draft || !f || !reviews || !this.checked || this.busy) return;
    const name = draft.askName ? draft.name.trim() : (reviews.reviewer() ?? '');
    const problem = !draft.status ? 'decision' : !name ? 'name' : undefined;
    if (problem || !draft.status) {
      this.draft = { ...draft, error: problem };
      this.pendingFocus = problem === 'name' ? `review-name:${draft.index}` : `review-status:${draft.index}:accepted`;
      this.render();
      return;
    }
    const notes: PaneMessage[] = [];
    if (draft.askName && !reviews.rememberReviewer(name)) notes.push({ text: STRINGS.reviewNameForgotten, tone: 'warning' });
    const decision = {
      status: draft.status,
      comment: draft.comment.trim(),
      reviewer: reviews.reviewer() ?? name,
      time: new Date().toISOString(),
      pack: { id: this.checked.pack.id, version: this.checked.pack.version },
    };
    this.draft = { ...draft, askName: false, error: undefined };
    this.setBusy(true, [{ text: STRINGS.reviewSaving, tone: 'info' }]);
    try {
      const book = await reviews.record(f, decision);
      this.useReviews(book);
      this.draft = undefined;
      this.pendingFocus = `review:${draft.index}`;
      this.messages = [{ text: FORMATS.reviewSaved(REVIEW_TEXT[decision.status], f.title[this.lang], unitOf(f)), tone: 'info' }, ...notes];
    } catch (e) {
      // The form stays open with what was typed, to try again.
      this.pendingFocus = `review-save:${draft.index}`;
      this.messages = [{ text: this.host.problem(e), tone: 'error' }, ...notes];
    } finally {
      this.setBusy(false);
    }
  }

  private async writeScorecard(): Promise<void> {
    const write = this.host.writeScorecard?.bind(this.host);
    const findings = this.findings;
    if (this.busy || !write || !findings?.length || !this.checked) return;
    const request = { pack: this.checked.pack, findings, reviews: this.reviewBook ?? EMPTY_REVIEW_BOOK, checkedAt: this.checked.at };
    this.setBusy(true, [{ text: STRINGS.writingScorecard, tone: 'info' }]);
    try {
      this.messages = await write(request, this.lang, (p) => this.showProgress(p));
    } catch (e) {
      this.messages = [{ text: this.host.problem(e), tone: 'error' }];
    } finally {
      this.setBusy(false);
    }
  }

  // --- rule packs -------------------------------------------------------------------------

  private restorePack(): void {
    const stored = this.host.rememberedPack();
    if (stored && this.usePack(stored)) return;
    const refused = this.refused;
    this.usePack(DEFAULT_CHOICE);
    if (stored) {
      this.packNotes = [{ text: STRINGS.packStoredRefused, tone: 'warning' }];
      this.refused = refused; // why the stored pack was set aside
    }
  }

  /** Checks a pack and makes it current; on errors keeps the current one and shows why. */
  private usePack(choice: PackChoice): boolean {
    const { pack, problems } = checkPackChoice(choice);
    if (!pack) {
      this.refused = { file: choice.kind === 'file' ? choice.name : `rules/${choice.id}.json`, problems };
      return false;
    }
    this.refused = undefined;
    this.choice = choice;
    this.pack = pack;
    this.checker = new PledgeChecker(pack);
    if (choice.kind === 'file') this.fileChoice = choice;
    return true;
  }

  /**
   * Makes a pack current. In the preview a committed choice checks again; a choice still being
   * made with the arrow keys (`commit` false) waits for Enter or for the chooser to lose focus.
   */
  private choose(choice: PackChoice, commit = true): void {
    const before = choiceKey(this.choice);
    this.packNotes = [];
    if (this.usePack(choice) && choiceKey(choice) !== before) {
      this.useFindings(undefined);
      this.messages = [];
      this.host.rememberPack(choice).catch(() => {
        this.packNotes = [{ text: STRINGS.packNotRemembered, tone: 'warning' }];
        this.render();
      });
      // The preview only reads: checking again costs nothing. In Excel a check writes highlights, so it waits for the button.
      if (this.host.mode === 'preview' && this.host.canCheck()) {
        if (commit) {
          this.checkNow();
          return;
        }
        this.packCommitPending = true;
      }
    }
    this.render();
  }

  private commitPack(): void {
    if (!this.packCommitPending) return;
    this.packCommitPending = false;
    this.checkNow();
  }

  /** Checks now, or as soon as the running check ends (its result would be for the previous pack). */
  private checkNow(): void {
    if (this.busy) this.checkAgainAfter = true;
    else void this.check();
  }

  private async openPackFile(file: File): Promise<void> {
    let text: string;
    try {
      text = await readFileText(file);
    } catch {
      this.packNotes = [{ text: STRINGS.packFileUnreadable, tone: 'error' }];
      this.render();
      return;
    }
    this.choose({ kind: 'file', name: file.name, text });
  }

  private packOptions(): PackOption[] {
    return this.fileChoice ? [...this.builtins, { choice: this.fileChoice, pack: this.choice === this.fileChoice ? this.pack : undefined }] : this.builtins;
  }

  // --- events -----------------------------------------------------------------------------

  private wire(): void {
    const d = this.doc;
    byId('language', d).addEventListener('click', () => {
      this.lang = otherLang(this.lang);
      this.render();
      this.host.languageChanged?.(this.lang);
    });
    byId('check', d).addEventListener('click', () => void this.check());
    byId('clear', d).addEventListener('click', () => void this.clear());
    byId('scorecard', d).addEventListener('click', () => void this.writeScorecard());
    byId('status', d).addEventListener('click', (e) => {
      if ((e.target as Element | null)?.closest('[data-action="check-again"]')) void this.check();
    });
    const select = byId<HTMLSelectElement>('pack', d);
    // On a closed <select> every arrow key fires `change`: those choices wait for a commit (Enter, leaving the chooser).
    let byKey = false;
    select.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') this.commitPack();
      else if (e.key !== 'Tab' && e.key !== 'Escape') byKey = true;
    });
    select.addEventListener('change', () => {
      const chosen = this.packOptions().find((o) => choiceKey(o.choice) === select.value);
      const commit = !byKey;
      byKey = false;
      if (chosen) this.choose(chosen.choice, commit);
    });
    select.addEventListener('blur', () => this.commitPack());
    const input = byId<HTMLInputElement>('pack-file', d);
    byId('pack-open', d).addEventListener('click', () => input.click());
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.value = ''; // the same file can be chosen again after it was fixed
      if (file) void this.openPackFile(file);
    });
    // One listener for every finding: a click anywhere on an item (or Enter/Space on its button) goes to the cell.
    byId('units', d).addEventListener('click', (e) => {
      const target = e.target as Element | null;
      if (!target || target.closest('.finding-actions')) return;
      if (target.closest('[data-action="more"]')) {
        this.showMore();
        return;
      }
      const item = target.closest('[data-finding]');
      if (item) this.goTo(Number(item.getAttribute('data-finding')));
    });
  }

  private showMore(): void {
    const first = this.shownCount;
    this.shownCount += PAGE;
    const findings = this.findings;
    const result = this.result;
    if (!findings?.length || !result) return this.render();
    // Only the new page is made; the lines drawn stay.
    const page = visiblePage(result, this.filter, this.shownCount, this.reviewStates);
    const added = page.shown.slice(first).map((i) => findingLine(findings[i], i, this.lang, this.reviewStates?.get(findings[i])));
    const reviews = this.host.reviews;
    appendFindings(
      byId('units', this.doc),
      groupLines(added),
      this.lang,
      reviews ? this.reviewView(reviews.reviewer()) : undefined,
      page.total - page.shown.length,
      this.host.bindings ? this.pointView() : undefined,
    );
    // The keyboard goes on from the first line just added, as if the list had been there all along.
    this.doc.querySelectorAll<HTMLElement>('#units button.finding-main')[first]?.focus();
  }

  private toggleStatus(s: FindingStatus): void {
    const statuses = new Set(this.filter.statuses);
    if (statuses.has(s)) statuses.delete(s);
    else statuses.add(s);
    this.filter = { ...this.filter, statuses };
    this.shownCount = PAGE;
    this.renderList();
  }

  private chooseUnit(unit: string | undefined): void {
    this.filter = { ...this.filter, unit };
    this.shownCount = PAGE;
    this.renderList();
  }

  private toggleUnreviewed(): void {
    this.filter = { ...this.filter, unreviewed: !this.filter.unreviewed };
    this.shownCount = PAGE;
    this.renderList();
  }

  private setBusy(on: boolean, messages?: PaneMessage[]): void {
    this.busy = on;
    if (messages) this.messages = messages;
    if (!on) this.progress = undefined;
    this.render();
  }

  private showProgress(p: ProgressStep): void {
    this.progress = p;
    renderProgress(byId('progress', this.doc), p, this.lang);
  }

  // --- drawing ----------------------------------------------------------------------------

  render(): void {
    const d = this.doc;
    const lang = this.lang;
    keepingFocus(d, () => {
      renderStrings(d, lang);
      const ready = Boolean(this.checker) && this.host.canCheck();
      byId<HTMLButtonElement>('check', d).disabled = this.busy || !ready;
      byId<HTMLButtonElement>('clear', d).disabled = this.busy;
      byId<HTMLButtonElement>('scorecard', d).disabled = this.busy || !this.findings?.length;
      // The pack chooser stays enabled during a check: disabling it would throw its keyboard focus to <body>.
      byId<HTMLButtonElement>('pack-open', d).disabled = this.busy;
      byId('app', d).setAttribute('aria-busy', String(this.busy));

      renderPackSelect(byId('pack', d), this.packOptions(), this.choice, lang);
      renderPackInfo(byId('pack-info', d), this.pack, lang);
      renderPackProblems(byId('pack-problems', d), this.refused, lang);
      renderProgress(byId('progress', d), this.busy ? this.progress : undefined, lang);
      renderStatus(byId('status', d), [...this.packNotes, ...this.messages], lang);

      const findings = this.findings;
      const result = this.result;
      byId('summary', d).hidden = !findings || findings.length === 0;
      byId('results', d).hidden = !findings || findings.length === 0;
      if (!findings || findings.length === 0 || !result) {
        // Nothing of an earlier result stays in the page, hidden or not.
        for (const id of ['units', 'summary-table', 'targets-table']) byId(id, d).replaceChildren();
        return;
      }
      renderSummary(byId('summary-table', d), result.byUnit, lang);
      const checkedPack = this.checked?.pack ?? this.pack;
      renderTargets(
        byId('targets-table', d),
        checkedPack?.rules ?? [],
        result.byTarget,
        lang,
        this.host.bindings && checkedPack ? { view: this.pointView(), pack: checkedPack } : undefined,
      );
      this.drawList(findings, result);
    });
    this.focusPending();
  }

  /**
   * A filter or "Show more": only the filters and the list change. The pack, the summaries and the
   * sheet stay as drawn, so an interaction costs a page of lines, whatever the workbook's size.
   */
  private renderList(): void {
    const findings = this.findings;
    const result = this.result;
    if (!findings?.length || !result) return this.render();
    keepingFocus(this.doc, () => this.drawList(findings, result));
    this.focusPending();
  }

  private focusPending(): void {
    const focus = this.pendingFocus;
    this.pendingFocus = undefined;
    if (focus !== undefined) this.doc.querySelector<HTMLElement>(`[data-focus-key="${focus}"]`)?.focus();
  }

  /** The filters with their counts, then the lines drawn: the first pages of the filtered list, nothing more is made. */
  private drawList(findings: ReadonlyArray<Finding>, result: ResultIndex): void {
    const d = this.doc;
    const lang = this.lang;
    const reviews = this.host.reviews;
    const counts = { ...result.counts, unreviewed: this.unreviewedCount };
    renderFilters(byId('filters', d), this.filter, counts, result.units, lang, {
      toggleStatus: (s) => this.toggleStatus(s),
      chooseUnit: (u) => this.chooseUnit(u),
      ...(reviews ? { toggleUnreviewed: () => this.toggleUnreviewed() } : {}),
    });
    const page = visiblePage(result, this.filter, this.shownCount, this.reviewStates);
    const drawn = page.shown.map((i) => findingLine(findings[i], i, lang, this.reviewStates?.get(findings[i])));
    renderFindings(
      byId('units', d),
      groupLines(drawn),
      lang,
      reviews ? this.reviewView(reviews.reviewer()) : undefined,
      page.total - drawn.length,
      this.host.bindings ? this.pointView() : undefined,
    );
  }

  private pointView(): PointView {
    const pack = this.checked?.pack ?? this.pack;
    return {
      draft: this.pointing,
      busy: this.busy,
      label: (id) => pack?.indicators[id]?.label ?? { vi: id, en: id },
      on: {
        open: (i) => this.openPointing(i),
        choose: (target) => this.choosePointTarget(target),
        use: () => void this.usePointedCell(),
        cancel: () => this.cancelPointing(),
      },
    };
  }

  private reviewView(reviewer: string | undefined): ReviewView {
    return {
      draft: this.draft,
      reviewer,
      busy: this.busy,
      on: {
        open: (i) => this.openReview(i),
        edit: (change) => this.editReview(change),
        changeName: () => this.changeReviewer(),
        cancel: () => this.cancelReview(),
        submit: () => void this.saveReview(),
      },
    };
  }
}

import { PledgeChecker } from '../../src/evaluate/checkGrid';
import { Finding, FindingStatus } from '../../src/evaluate/finding';
import { Lang } from '../../src/evaluate/format';
import { PackProblem } from '../../src/packs/packProblem';
import { RulePack } from '../../src/packs/rulePack';
import { EMPTY_REVIEW_BOOK, ReviewBook } from '../../src/review/review';
import { matchReviews, ReviewState } from '../../src/review/reviewState';
import { builtinChoices, checkPackChoice, choiceKey, DEFAULT_CHOICE, PackChoice } from '../packChoice';
import { PaneHost, PaneMessage, ProgressStep } from '../paneHost';
import { byId, keepingFocus } from './dom';
import { cellOf, countsByUnit, filterGroups, FindingFilter, findingsByUnit, needsReview, SHOW_ALL, unitOf } from './findingsView';
import { readFileText } from './readFile';
import { renderFilters } from './renderFilters';
import { renderFindings } from './renderFindings';
import { bindingSaved } from '../messages';
import { PackOption, renderPackInfo, renderPackProblems, renderPackSelect } from './renderPack';
import { PointDraft, PointView } from './renderPointing';
import { renderProgress } from './renderProgress';
import { REVIEW_TEXT, ReviewDraft, ReviewView } from './renderReview';
import { renderStatus } from './renderStatus';
import { renderStrings } from './renderStrings';
import { renderSummary } from './renderSummary';
import { otherLang } from './say';
import { FORMATS, STRINGS } from './strings';

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
      const report = await this.host.check(checker, this.lang, (p) => this.showProgress(p));
      this.findings = report.findings;
      this.messages = [...notes, ...report.messages];
      this.checked = { pack: checker.pack, at: new Date() };
      this.draft = undefined;
      this.pointing = undefined;
      this.useReviews(report.reviews);
      // A unit chosen in the filter that this workbook does not have would hide everything.
      if (this.filter.unit !== undefined && !report.findings.some((f) => unitOf(f) === this.filter.unit)) this.filter = { ...this.filter, unit: undefined };
    } catch (e) {
      this.messages = [{ text: this.host.problem(e), tone: 'error' }];
    } finally {
      this.setBusy(false);
    }
  }

  private async clear(): Promise<void> {
    if (this.busy || !this.host.clear) return;
    const clear = this.host.clear.bind(this.host);
    this.setBusy(true, [{ text: STRINGS.clearing, tone: 'info' }]);
    try {
      this.messages = await clear((p) => this.showProgress(p));
      this.findings = undefined;
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
    this.host.goTo(f.sheet, cellOf(f)).catch((e: unknown) => {
      this.messages = [{ text: this.host.problem(e), tone: 'error' }];
      this.render();
    });
  }

  // --- pointing to a figure (bindings) ------------------------------------------------------

  private openPointing(index: number): void {
    const f = this.findings?.[index];
    if (!f || !this.host.bindings || this.busy || f.noData?.kind !== 'duplicate' && f.noData?.kind !== 'no-period') return;
    this.draft = undefined; // one form at a time
    this.pointing = { index, target: f.noData.indicator };
    this.pendingFocus = `point-use:${index}`;
    this.render();
  }

  private choosePointTarget(target: string): void {
    // No redraw: the select already shows the choice.
    if (this.pointing) this.pointing = { ...this.pointing, target };
  }

  private cancelPointing(): void {
    if (!this.pointing) return;
    this.pendingFocus = `point:${this.pointing.index}`;
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
      this.pendingFocus = `point-use:${pointing.index}`;
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

  private choose(choice: PackChoice): void {
    const before = choiceKey(this.choice);
    this.packNotes = [];
    if (this.usePack(choice) && choiceKey(choice) !== before) {
      this.findings = undefined;
      this.messages = [];
      this.host.rememberPack(choice).catch(() => {
        this.packNotes = [{ text: STRINGS.packNotRemembered, tone: 'warning' }];
        this.render();
      });
      // The preview only reads: checking again costs nothing. In Excel a check writes highlights, so it waits for the button.
      if (this.host.mode === 'preview' && this.host.canCheck()) {
        void this.check();
        return;
      }
    }
    this.render();
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
    select.addEventListener('change', () => {
      const chosen = this.packOptions().find((o) => choiceKey(o.choice) === select.value);
      if (chosen) this.choose(chosen.choice);
    });
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
      const item = target.closest('[data-finding]');
      if (item) this.goTo(Number(item.getAttribute('data-finding')));
    });
  }

  private toggleStatus(s: FindingStatus): void {
    const statuses = new Set(this.filter.statuses);
    if (statuses.has(s)) statuses.delete(s);
    else statuses.add(s);
    this.filter = { ...this.filter, statuses };
    this.render();
  }

  private chooseUnit(unit: string | undefined): void {
    this.filter = { ...this.filter, unit };
    this.render();
  }

  private toggleUnreviewed(): void {
    this.filter = { ...this.filter, unreviewed: !this.filter.unreviewed };
    this.render();
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
      byId<HTMLSelectElement>('pack', d).disabled = this.busy;
      byId<HTMLButtonElement>('pack-open', d).disabled = this.busy;
      byId('app', d).setAttribute('aria-busy', String(this.busy));

      renderPackSelect(byId('pack', d), this.packOptions(), this.choice, lang);
      renderPackInfo(byId('pack-info', d), this.pack, lang);
      renderPackProblems(byId('pack-problems', d), this.refused, lang);
      renderProgress(byId('progress', d), this.busy ? this.progress : undefined, lang);
      renderStatus(byId('status', d), [...this.packNotes, ...this.messages], lang);

      const findings = this.findings;
      byId('summary', d).hidden = !findings || findings.length === 0;
      byId('results', d).hidden = !findings || findings.length === 0;
      if (!findings || findings.length === 0) return;
      renderSummary(byId('summary-table', d), countsByUnit(findings), lang);
      const reviews = this.host.reviews;
      const groups = findingsByUnit(findings, lang, this.reviewStates);
      const counts = { met: 0, shortfall: 0, 'no-data': 0, unreviewed: 0 };
      for (const f of findings) counts[f.status]++;
      for (const g of groups) counts.unreviewed += g.lines.filter(needsReview).length;
      renderFilters(byId('filters', d), this.filter, counts, groups.map((g) => g.unit), lang, {
        toggleStatus: (s) => this.toggleStatus(s),
        chooseUnit: (u) => this.chooseUnit(u),
        ...(reviews ? { toggleUnreviewed: () => this.toggleUnreviewed() } : {}),
      });
      renderFindings(
        byId('units', d),
        filterGroups(groups, this.filter),
        lang,
        reviews ? this.reviewView(reviews.reviewer()) : undefined,
        this.host.bindings ? this.pointView() : undefined,
      );
    });
    const focus = this.pendingFocus;
    this.pendingFocus = undefined;
    if (focus !== undefined) d.querySelector<HTMLElement>(`[data-focus-key="${focus}"]`)?.focus();
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

import { RulePack } from '../../src/packs/rulePack';
import { WireProblem, WorkerReply, WorkerRequest } from './checkProtocol';
import { CheckSession, SessionProgress, wireProblem } from './checkSession';
import { fromColumns } from './findingColumns';
import { Lang } from '../../src/words/lang';

/** A check that failed, said the way the page may show it (see wireProblem). */
export class CheckFailed extends Error {
  constructor(readonly problem: WireProblem) {
    super(problem.kind === 'format' ? problem.text.en : 'internal error');
    this.name = 'CheckFailed';
  }
}

/** Where the preview's check runs: a Web Worker in a browser, the page itself where there is none. */
export interface CheckRunner {
  load(bytes: Uint8Array): Promise<void>;
  /** Resolves once the last batch was handed to `progress`. */
  check(pack: RulePack, progress: SessionProgress): Promise<void>;
  copy(lang: Lang): Promise<Uint8Array>;
}

/** On the page (jsdom, or a browser without workers): the same session, called directly. */
export class InlineRunner implements CheckRunner {
  private readonly session = new CheckSession();

  async load(bytes: Uint8Array): Promise<void> {
    this.session.load(bytes);
  }

  async check(pack: RulePack, progress: SessionProgress): Promise<void> {
    try {
      await this.session.check(pack, progress);
    } catch (e) {
      throw new CheckFailed(wireProblem(e));
    }
  }

  async copy(lang: Lang): Promise<Uint8Array> {
    return this.session.copy(lang);
  }
}

/** The minimal worker surface used here (a real Worker, or a stand-in in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<WorkerReply>) => void): void;
  addEventListener(type: 'error', listener: (e: Event) => void): void;
}

/** In a Web Worker: each request has an id; replies and progress are matched to it. */
export class WorkerRunner implements CheckRunner {
  private next = 1;
  private readonly waiting = new Map<number, { ok: (r: WorkerReply) => void; fail: (e: unknown) => void; progress?: SessionProgress }>();

  constructor(private readonly worker: WorkerLike) {
    worker.addEventListener('message', (e) => this.answer(e.data));
    // A worker that could not start or crashed: every open request fails with one sentence.
    worker.addEventListener('error', () => {
      for (const w of this.waiting.values()) w.fail(new CheckFailed({ kind: 'internal' }));
      this.waiting.clear();
    });
  }

  async load(bytes: Uint8Array): Promise<void> {
    // A copy is transferred: the page keeps the file it read (the download needs nothing more from it).
    const copy = bytes.slice();
    await this.ask({ kind: 'load', id: this.next++, bytes: copy }, undefined, [copy.buffer]);
  }

  async check(pack: RulePack, progress: SessionProgress): Promise<void> {
    const r = await this.ask({ kind: 'check', id: this.next++, pack }, progress);
    if (r.kind !== 'checked') throw new CheckFailed({ kind: 'internal' });
  }

  async copy(lang: Lang): Promise<Uint8Array> {
    const r = await this.ask({ kind: 'copy', id: this.next++, lang });
    if (r.kind !== 'copied') throw new CheckFailed({ kind: 'internal' });
    return r.bytes;
  }

  private ask(req: WorkerRequest, progress?: SessionProgress, transfer: Transferable[] = []): Promise<WorkerReply> {
    return new Promise((ok, fail) => {
      this.waiting.set(req.id, { ok, fail, progress });
      this.worker.postMessage(req, transfer);
    });
  }

  private answer(r: WorkerReply): void {
    const w = this.waiting.get(r.id);
    if (!w) return;
    // Progress, the start and each batch come while the request is still open.
    if (r.kind === 'progress') return w.progress?.step(r.step);
    if (r.kind === 'started') return w.progress?.start(r);
    if (r.kind === 'sheet') return w.progress?.sheet(r);
    if (r.kind === 'batch') return w.progress?.batch(fromColumns(r.columns), r.done);
    this.waiting.delete(r.id);
    if (r.kind === 'failed') w.fail(new CheckFailed(r.problem));
    else w.ok(r);
  }
}

/**
 * A runner started when first needed: the worker (and its script) only once a workbook is chosen,
 * so opening the page loads the pane and the preview chunk alone.
 */
export class DeferredRunner implements CheckRunner {
  private started?: Promise<CheckRunner>;

  constructor(private readonly start: () => Promise<CheckRunner>) {}

  private get ready(): Promise<CheckRunner> {
    return (this.started ??= this.start());
  }

  async load(bytes: Uint8Array): Promise<void> {
    return (await this.ready).load(bytes);
  }

  async check(pack: RulePack, progress: SessionProgress): Promise<void> {
    return (await this.ready).check(pack, progress);
  }

  async copy(lang: Lang): Promise<Uint8Array> {
    return (await this.ready).copy(lang);
  }
}

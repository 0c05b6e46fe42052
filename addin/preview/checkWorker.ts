import { CheckSession, wireProblem } from './checkSession';
import { WorkerReply, WorkerRequest } from './checkProtocol';
import { columnsTransfer, toColumns } from './findingColumns';

/**
 * The preview's check, off the page's thread (webpack chunk of its own): reading a national
 * workbook and evaluating 280,000 findings takes seconds, during which the page must keep
 * drawing its progress and answering the keyboard.
 */
/** The worker's global, typed by hand: the add-in compiles against the DOM library, not WebWorker's. */
interface WorkerScope {
  postMessage(message: WorkerReply, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const session = new CheckSession();
const reply = (m: WorkerReply, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

scope.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  try {
    if (req.kind === 'load') {
      session.load(req.bytes);
      reply({ kind: 'done', id: req.id });
    } else if (req.kind === 'check') {
      const id = req.id;
      await session.check(req.pack, {
        step: (step) => reply({ kind: 'progress', id, step, at: Date.now() }),
        start: (s) => reply({ kind: 'started', id, ...s }),
        sheet: (s) => reply({ kind: 'sheet', id, ...s }),
        batch: (findings, done) => {
          const columns = toColumns(findings);
          reply({ kind: 'batch', id, columns, done }, columnsTransfer(columns));
        },
      });
      reply({ kind: 'checked', id });
    } else {
      const bytes = session.copy(req.lang);
      reply({ kind: 'copied', id: req.id, bytes }, [bytes.buffer as ArrayBuffer]);
    }
  } catch (err) {
    // The page shows one sentence; a program error's details stay in the worker's console for a
    // developer (a file that is not a workbook is the person's, said on the page, not an error here).
    const problem = wireProblem(err);
    if (problem.kind === 'internal') console.error(err);
    reply({ kind: 'failed', id: req.id, problem });
  }
};

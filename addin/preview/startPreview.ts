import { byId } from '../taskpane/dom';
import { Pane } from '../taskpane/pane';
import { readFileBytes } from '../taskpane/readFile';
import { CheckRunner, DeferredRunner, InlineRunner, WorkerRunner } from './checkRunner';
import { downloadBytes } from './download';
import { mark, PreviewHost } from './previewHost';
import { SheetView } from './sheetView';
import { Lang } from '../../src/words/lang';

/** The sample offered to try the preview without a workbook of one's own (copied next to the page by the build). */
export const SAMPLE_WORKBOOK = 'samples/bao-cao-ninh-binh-2025.xlsx';

/** A Web Worker where the browser has them (the check then never blocks the page); the page itself otherwise. */
async function checkRunner(): Promise<CheckRunner> {
  if (typeof Worker === 'undefined') return new InlineRunner();
  try {
    const { startCheckWorker } = await import(/* webpackMode: "eager" */ './startWorker');
    return new WorkerRunner(startCheckWorker());
  } catch {
    return new InlineRunner();
  }
}

/**
 * The preview (webpack chunk `preview`, loaded only outside Office): the same pane, plus a place to
 * drop or pick an .xlsx file, the sheet with its marks, and the download of the highlighted copy.
 */
export function startPreview(doc: Document, lang: Lang, runner?: CheckRunner): Pane {
  const download = byId<HTMLButtonElement>('download', doc);
  const view = new SheetView(doc);
  const host = new PreviewHost(view, () => (download.disabled = !host.hasFindings()), runner ?? new DeferredRunner(checkRunner));
  const pane = new Pane(host, lang, doc);
  pane.start();
  byId('drop-section', doc).hidden = false;
  byId('preview-badge', doc).hidden = false;
  download.hidden = false;
  download.disabled = true;

  const open = async (name: string, read: () => Promise<Uint8Array>) => {
    mark('file-chosen');
    byId('file-name', doc).textContent = name;
    // The previous workbook's results go the moment another file is chosen, before it is even read.
    host.forget(name);
    pane.workbookChanged();
    let bytes: Uint8Array;
    try {
      bytes = await read();
    } catch (e) {
      pane.showProblem(e);
      return;
    }
    host.load(name, bytes);
    pane.render();
    await pane.check();
  };

  const input = byId<HTMLInputElement>('file-input', doc);
  byId('pick-file', doc).addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void open(file.name, () => readFileBytes(file));
  });
  byId('try-sample', doc).addEventListener('click', () => {
    const name = SAMPLE_WORKBOOK.slice(SAMPLE_WORKBOOK.lastIndexOf('/') + 1);
    void open(name, async () => {
      const res = await fetch(SAMPLE_WORKBOOK);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    });
  });

  const zone = byId('drop-zone', doc);
  zone.addEventListener('dragover', (e) => {
    e.preventDefault(); // accept the drop
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('dragging');
    const file = e.dataTransfer?.files[0];
    if (file) void open(file.name, () => readFileBytes(file));
  });

  download.addEventListener('click', () => {
    void host.highlightedCopy(pane.language).then(
      (copy) => copy && downloadBytes(doc, copy.bytes, copy.name),
      (e: unknown) => pane.showProblem(e),
    );
  });
  return pane;
}

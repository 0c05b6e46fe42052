import { Lang } from '../../src/evaluate/format';
import { byId } from '../taskpane/dom';
import { Pane } from '../taskpane/pane';
import { readFileBytes } from '../taskpane/readFile';
import { downloadBytes } from './download';
import { PreviewHost } from './previewHost';
import { SheetView } from './sheetView';

/**
 * The preview (webpack chunk `preview`, loaded only outside Office): the same pane, plus a place to
 * drop or pick an .xlsx file, the sheet with its marks, and the download of the highlighted copy.
 */
export function startPreview(doc: Document, lang: Lang): Pane {
  const download = byId<HTMLButtonElement>('download', doc);
  const view = new SheetView(doc);
  const host = new PreviewHost(view, () => (download.disabled = !host.hasFindings()));
  const pane = new Pane(host, lang, doc);
  pane.start();
  byId('drop-section', doc).hidden = false;
  byId('preview-badge', doc).hidden = false;
  download.hidden = false;
  download.disabled = true;

  const open = async (file: File) => {
    byId('file-name', doc).textContent = file.name;
    host.load(file.name, await readFileBytes(file));
    pane.render();
    await pane.check();
  };

  const input = byId<HTMLInputElement>('file-input', doc);
  byId('pick-file', doc).addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void open(file);
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
    if (file) void open(file);
  });

  download.addEventListener('click', () => {
    const copy = host.highlightedCopy(pane.language);
    if (copy) downloadBytes(doc, copy.bytes, copy.name);
  });
  return pane;
}

import { linesOfFragment } from './outcomeLines';

/**
 * The dialog the ribbon's commands open to say what happened (they have no pane): each line in
 * Vietnamese, then in English, as text. Office closes it with its own ✕; the button does the same
 * through the dialog API when Office.js is there.
 */
function render(doc: Document): void {
  const list = doc.getElementById('lines')!;
  for (const line of linesOfFragment(doc.location.hash)) {
    const item = doc.createElement('li');
    const vi = doc.createElement('p');
    vi.textContent = line.vi;
    const en = doc.createElement('p');
    en.lang = 'en';
    en.className = 'en';
    en.textContent = line.en;
    item.append(vi, en);
    list.append(item);
  }
  doc.getElementById('close')!.addEventListener('click', () => {
    if (typeof Office !== 'undefined' && Office.context?.ui?.messageParent) Office.context.ui.messageParent('close');
    else doc.defaultView?.close();
  });
}

render(document);
if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') void Office.onReady();

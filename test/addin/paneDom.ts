import { readFileSync } from 'fs';
import { join } from 'path';
import { PROJECT_ROOT } from '../helpers/paths';

/** The pane's markup as the build serves it, without its scripts (jsdom runs the pane's code from the test). */
export function loadPaneMarkup(doc: Document = document): void {
  const html = readFileSync(join(PROJECT_ROOT, 'addin/taskpane/taskpane.html'), 'utf8');
  const body = /<body>([\s\S]*)<\/body>/.exec(html)![1];
  doc.documentElement.removeAttribute('data-theme');
  doc.documentElement.removeAttribute('style');
  doc.body.innerHTML = body;
}

export const $ = <T extends Element = HTMLElement>(selector: string): T => {
  const e = document.querySelector<T>(selector);
  if (!e) throw new Error(`no ${selector}`);
  return e;
};

export const $$ = <T extends Element = HTMLElement>(selector: string): T[] => [...document.querySelectorAll<T>(selector)];

export const text = (selector: string): string => $(selector).textContent ?? '';

/** Lets queued promises and timers run (the pane's actions are async). */
export async function settle(times = 5): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise((r) => setTimeout(r, 0));
}

/** Waits until `ready()` holds, failing after a while. */
export async function until(ready: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Picks an option of a select and fires `change`, as a person would. */
export function choose(selector: string, value: string): void {
  const s = $<HTMLSelectElement>(selector);
  s.value = value;
  s.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Gives a file input a file and fires `change` (what the browser does after the file dialog). */
export function pickFile(selector: string, file: File): void {
  const input = $<HTMLInputElement>(selector);
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

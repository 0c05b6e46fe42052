/** Small DOM helpers for the render modules: no innerHTML anywhere, so no text is ever parsed as markup. */

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** Text that comes from the workbook or the pack's data (names, figures, cells), not from the pane's strings. */
export function data(text: string, attrs: Record<string, string | undefined> = {}): HTMLSpanElement {
  return el('span', { ...attrs, 'data-source': '' }, text);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string, root: Document = document): T {
  const e = root.getElementById(id);
  if (!e) throw new Error(`pane markup has no #${id}`);
  return e as T;
}

/**
 * Redrawing a region replaces its elements; the element that had the keyboard focus gets it back
 * through its `data-focus-key`, so filtering or switching language never throws the user out.
 */
export function keepingFocus(root: Document, redraw: () => void): void {
  const key = root.activeElement?.getAttribute('data-focus-key') ?? undefined;
  redraw();
  if (key === undefined) return;
  for (const e of root.querySelectorAll<HTMLElement>('[data-focus-key]')) {
    if (e.getAttribute('data-focus-key') === key) {
      if (root.activeElement !== e) e.focus();
      return;
    }
  }
}

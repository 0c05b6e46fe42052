import { Lang } from '../../src/evaluate/format';
import { Localized } from '../../src/packs/rulePack';
import { STRINGS, StringKey } from './strings';
import { UnitGroup } from './findingsView';

/** DOM only: draws what it is given, calls back on clicks, never talks to Excel. */

const other = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi');

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The fixed texts in `lang`; elements carry the key in their id. */
export function renderStrings(lang: Lang): void {
  document.documentElement.lang = lang;
  const set = (id: string, key: StringKey) => {
    const e = document.getElementById(id);
    if (e) e.textContent = STRINGS[key][lang];
  };
  set('title', 'title');
  set('intro', 'intro');
  set('check', 'check');
  set('clear', 'clear');
  set('results-title', 'findings');
  set('language', 'otherLanguage');
  document.getElementById('language')?.setAttribute('lang', other(lang));
}

export type Tone = 'info' | 'warning' | 'error';

/** Status messages in the pane's language, each followed by the other language, smaller. */
export function renderStatus(messages: ReadonlyArray<{ text: Localized; tone: Tone }>, lang: Lang): void {
  const box = document.getElementById('status')!;
  box.replaceChildren(
    ...messages.map(({ text, tone }) => {
      const p = el('p', { class: tone });
      p.append(el('span', { lang }, text[lang]), el('br'), el('span', { lang: other(lang), class: 'secondary' }, text[other(lang)]));
      return p;
    }),
  );
}

/** The findings grouped by unit; each line has a button that takes the keyboard user to the cell. */
export function renderFindings(groups: ReadonlyArray<UnitGroup>, lang: Lang, goTo: (sheet: string, cell: string) => void): void {
  const section = document.getElementById('results')!;
  const units = document.getElementById('units')!;
  section.hidden = groups.length === 0;
  units.replaceChildren(
    ...groups.map((g) => {
      const box = el('section');
      box.append(el('h3', {}, g.unit));
      const list = el('ul');
      for (const line of g.lines) {
        const li = el('li', { class: line.status });
        const head = el('div');
        head.append(el('span', { class: 'status' }, `${line.statusText}: `), document.createTextNode(line.title));
        const figures = el('p', { class: 'figures' }, `${STRINGS.actual[lang]}: ${line.actual}${line.target ? ` · ${STRINGS.target[lang]}: ${line.target}` : ''}`);
        li.append(head, figures);
        if (line.reason) li.append(el('p', { class: 'reason' }, line.reason));
        if (line.cell) {
          const go = el('button', { type: 'button', class: 'link' }, `${STRINGS.goTo[lang]} ${line.sheet}!${line.cell}`);
          go.addEventListener('click', () => goTo(line.sheet, line.cell));
          li.append(go);
        }
        list.append(li);
      }
      box.append(list);
      return box;
    }),
  );
}

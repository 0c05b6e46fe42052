import { Lang } from '../../src/evaluate/format';
import { checkTargets, clearTargets, goToCell, pledgeChecker } from '../actions';
import { languageOf } from '../language';
import { checkSummary, checkWarnings, clearSummary, excelProblem, noIndicatorTable } from '../messages';
import { findingsByUnit } from './findingsView';
import { renderFindings, renderStatus, renderStrings, Tone } from './renderPane';
import { STRINGS } from './strings';
import { Localized } from '../../src/packs/rulePack';

/** Wires the pane's buttons to the actions. The pane stays usable by keyboard: plain buttons, a live status region. */

let lang: Lang = 'vi';
let last: (() => void) | undefined; // redraws the last result after a language switch

const button = (id: string) => document.getElementById(id) as HTMLButtonElement;

function busy(on: boolean, key?: 'working' | 'clearing'): void {
  button('check').disabled = on;
  button('clear').disabled = on;
  if (on && key) renderStatus([{ text: STRINGS[key], tone: 'info' }], lang);
}

function show(messages: { text: Localized; tone: Tone }[], redraw?: () => void): void {
  last = () => {
    renderStatus(messages, lang);
    redraw?.();
  };
  last();
}

async function onCheck(): Promise<void> {
  busy(true, 'working');
  try {
    const outcome = await checkTargets(lang);
    const head = outcome.tables.length === 0 ? { text: noIndicatorTable(pledgeChecker().pack), tone: 'warning' as const } : { text: checkSummary(outcome), tone: 'info' as const };
    const warnings = checkWarnings(outcome).map((text) => ({ text, tone: 'warning' as const }));
    // Findings are drawn in the pane's language at the time of drawing.
    show([head, ...warnings], () => renderFindings(findingsByUnit(outcome.findings, lang), lang, onGoTo));
  } catch (e) {
    show([{ text: excelProblem(e), tone: 'error' }], () => renderFindings([], lang, onGoTo));
  } finally {
    busy(false);
  }
}

async function onClear(): Promise<void> {
  busy(true, 'clearing');
  try {
    const report = await clearTargets();
    show(
      clearSummary(report).map((text, i) => ({ text, tone: i === 0 ? ('info' as const) : ('warning' as const) })),
      () => renderFindings([], lang, onGoTo),
    );
  } catch (e) {
    show([{ text: excelProblem(e), tone: 'error' }]);
  } finally {
    busy(false);
  }
}

function onGoTo(sheet: string, cell: string): void {
  goToCell(sheet, cell).catch((e: unknown) => renderStatus([{ text: excelProblem(e), tone: 'error' }], lang));
}

function onLanguage(): void {
  lang = lang === 'vi' ? 'en' : 'vi';
  renderStrings(lang);
  last?.();
}

Office.onReady((info) => {
  lang = languageOf(Office.context.displayLanguage);
  renderStrings(lang);
  button('language').addEventListener('click', onLanguage);
  if (info.host !== Office.HostType.Excel) {
    renderStatus([{ text: STRINGS.notInExcel, tone: 'warning' }], lang);
    return;
  }
  button('check').addEventListener('click', () => void onCheck());
  button('clear').addEventListener('click', () => void onClear());
  busy(false);
});

import { ProgressStep } from '../paneHost';
import { say } from './say';
import { FORMATS } from './strings';
import { Lang } from '../../src/words/lang';

/** The progress bar of a long action (reading a large workbook): which step, of how many, and what it is doing. */
export function renderProgress(box: HTMLElement, step: ProgressStep | undefined, lang: Lang): void {
  box.hidden = step === undefined;
  const bar = box.querySelector('progress');
  const label = box.querySelector('label');
  if (!step || !bar || !label) return;
  bar.max = step.of;
  bar.value = step.step - 0.5; // in the middle of the step while it runs
  const parts = [say(FORMATS.step(step.step, step.of), lang), say(step.label, lang), ...(step.detail ? [say(step.detail, lang)] : [])];
  label.textContent = parts.join(' · ');
  bar.setAttribute('aria-valuetext', label.textContent);
}

/**
 * Bundle weight: the gzip size of what the task pane downloads in Excel at first load, and of the
 * preview chunk a plain browser adds. Measured on a fresh dist-addin/ (with --quick, an existing one).
 */
import { execSync } from 'child_process';
import { resolve } from 'path';
import { bundleSizes, PANE_TARGET_GZIP } from '../addin/build/bundleSizes';
import type { Figure } from './run';

const ROOT = resolve(__dirname, '..');
const DIST = resolve(ROOT, 'dist-addin');

export async function bundleSizeFigures(quick: boolean): Promise<Figure[]> {
  let sizes = bundleSizes(DIST);
  // A full run measures a fresh build; --quick reuses one that is there.
  if (!sizes || !quick) {
    console.log('bundle size: running npm run build…');
    execSync('npm run build', { cwd: ROOT, stdio: 'ignore' });
    sizes = bundleSizes(DIST);
  }
  if (!sizes) throw new Error('npm run build left no dist-addin/taskpane.html');
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  console.log(
    `bundle size (gzip): task pane first load ${kb(sizes.pane.gzip)} KB (${sizes.pane.files.join(', ')}), ` +
      `preview chunk ${kb(sizes.preview.gzip)} KB, ribbon commands ${kb(sizes.commands.gzip)} KB`,
  );
  return [
    {
      name: 'bundle.taskpane-first-load-gzip',
      measured: kb(sizes.pane.gzip),
      target: kb(PANE_TARGET_GZIP),
      unit: 'KB',
      pass: sizes.pane.gzip <= PANE_TARGET_GZIP,
    },
    { name: 'bundle.preview-chunk-gzip', measured: kb(sizes.preview.gzip), target: null, unit: 'KB', pass: null },
    { name: 'bundle.commands-gzip', measured: kb(sizes.commands.gzip), target: null, unit: 'KB', pass: null },
  ];
}

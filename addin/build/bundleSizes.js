// Measures what the add-in's pages download: the task pane's JavaScript at first load (the scripts
// taskpane.html names), the preview chunk loaded only in a plain browser, and the commands page.
// Sizes are gzip level 9, as a static host serves them. Used by webpack.config.js and bench/bundleSize.ts.
const { existsSync, readdirSync, readFileSync } = require('fs');
const { join } = require('path');
const { gzipSync } = require('zlib');

/** The task pane's first-load JavaScript must stay under this (gzip, bytes): the benchmark issue's target. */
const PANE_TARGET_GZIP = 250 * 1024;

function measure(dir, files) {
  let bytes = 0;
  let gzip = 0;
  for (const f of files) {
    const data = readFileSync(join(dir, f));
    bytes += data.length;
    gzip += gzipSync(data, { level: 9 }).length;
  }
  return { files, bytes, gzip };
}

/** Local scripts an HTML page loads; Office.js, from the CDN or copied into office-js/, is not ours to count. */
function scriptsOf(dir, html) {
  const text = readFileSync(join(dir, html), 'utf8');
  // The built HTML is minified: attribute values may or may not be quoted.
  return [...text.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^https?:/.test(src) && !src.startsWith('office-js/'));
}

/** Sizes of a built dist-addin/, or undefined when there is no build there. */
function bundleSizes(dir) {
  if (!existsSync(join(dir, 'taskpane.html'))) return undefined;
  const js = readdirSync(dir).filter((f) => f.endsWith('.js'));
  return {
    pane: measure(dir, scriptsOf(dir, 'taskpane.html')),
    preview: measure(
      dir,
      js.filter((f) => f.startsWith('preview.')),
    ),
    commands: measure(dir, scriptsOf(dir, 'commands.html')),
    paneTarget: PANE_TARGET_GZIP,
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The lines `npm run build` prints. */
function describeSizes(s) {
  const ok = s.pane.gzip <= s.paneTarget;
  return [
    `[pledge-check] bundle sizes (gzip -9):`,
    `  task pane, first load (Office mode)  ${kb(s.pane.gzip).padStart(9)}  (${kb(s.pane.bytes)} minified)  target ≤ ${kb(s.paneTarget)}  ${ok ? 'PASS' : 'FAIL'}`,
    `  preview chunk (plain browser only)   ${kb(s.preview.gzip).padStart(9)}  (${kb(s.preview.bytes)} minified)`,
    `  ribbon commands page                 ${kb(s.commands.gzip).padStart(9)}  (${kb(s.commands.bytes)} minified)`,
  ];
}

module.exports = { PANE_TARGET_GZIP, bundleSizes, describeSizes };

// Where the add-in's pages get Office.js. By default from Microsoft's CDN, as Microsoft requires for
// add-ins it publishes and as keeps Office.js up to date. `OFFICE_JS=self npm run build` copies it
// from the @microsoft/office-js package into dist-addin/office-js/ instead, for networks with no
// route to the CDN (police workstations): Microsoft's guidance for such networks is to serve a copy
// with the add-in. The package says it is no longer officially supported, so the CDN stays the default.
const path = require('path');

const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';
/** Folder of the copy inside dist-addin/. */
const SELF_DIR = 'office-js';

/** 'cdn' or 'self', from the OFFICE_JS environment variable; anything else is a mistake worth stopping the build for. */
function officeJsMode(env = process.env) {
  const v = (env.OFFICE_JS ?? '').trim().toLowerCase();
  if (v === '' || v === 'cdn') return 'cdn';
  if (v === 'self') return 'self';
  throw new Error(`OFFICE_JS must be "cdn" (the default) or "self", not "${env.OFFICE_JS}"`);
}

/** The `src` of Office.js in the pages: absolute on the CDN, relative to the page when self-hosted. */
function officeJsSrc(mode) {
  return mode === 'self' ? `${SELF_DIR}/office.js` : CDN_OFFICE_JS;
}

/**
 * What to copy for Excel: the loader, its file map and promise polyfill, every Excel host script
 * (Office.js picks one by platform and version at run time), each language's strings, and the
 * folders it loads from beside itself. Debug builds and other applications' scripts stay out.
 */
function officeJsCopyPatterns(mode, root = path.dirname(require.resolve('@microsoft/office-js/package.json'))) {
  if (mode !== 'self') return [];
  const dist = path.join(root, 'dist').split(path.sep).join('/');
  const to = `${SELF_DIR}/[path][name][ext]`;
  const notDebug = ['**/*.debug.js'];
  return [
    { from: `${dist}/{office,o15apptofilemappingtable,es6-promise}.js`, to, context: dist },
    { from: `${dist}/excel*.js`, to, context: dist, globOptions: { ignore: notDebug } },
    { from: `${dist}/*/office_strings.js`, to, context: dist },
    { from: `${dist}/{ariatelemetry,telemetry,agaveerrorux}/**/*`, to, context: dist, globOptions: { ignore: notDebug }, noErrorOnMissing: true },
    { from: `${root}/LICENSE.md`, to: `${SELF_DIR}/LICENSE.md` },
  ];
}

module.exports = { CDN_OFFICE_JS, OFFICE_JS_ORIGIN, SELF_DIR, officeJsMode, officeJsSrc, officeJsCopyPatterns };

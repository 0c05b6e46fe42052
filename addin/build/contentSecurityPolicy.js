// The pane's and the commands page's Content-Security-Policy (a <meta http-equiv> in each HTML,
// filled in by webpack). Only what the add-in needs: its own files and Microsoft's Office.js CDN.
// No 'unsafe-eval' (the pack validator is compiled at build time), no 'unsafe-inline' (styles come
// from taskpane.css; theme colours are set through the CSSOM, which CSP does not govern).

/** Where Office.js comes from, as Microsoft requires for published add-ins. */
const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';

const DIRECTIVES = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_JS_ORIGIN}`,
  "style-src 'self'",
  // Nothing to embed, post or re-base: a pack or a workbook can never turn the page into a form or a plugin.
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

function contentSecurityPolicy() {
  return DIRECTIVES.join('; ');
}

module.exports = { OFFICE_JS_ORIGIN, contentSecurityPolicy };

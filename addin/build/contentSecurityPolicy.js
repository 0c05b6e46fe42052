// The pages' Content-Security-Policy (a <meta http-equiv> in each HTML, filled in by webpack). Only
// what the add-in needs: its own files, and Microsoft's Office.js CDN unless Office.js is served with
// the add-in (officeJs.js). No 'unsafe-eval' (the pack validator is compiled at build time), no
// 'unsafe-inline' (styles come from the CSS files; theme colours are set through the CSSOM, which CSP
// does not govern). A server sends the same policy as a header, with frame-ancestors, which a meta
// element cannot carry (src/serve/headers.ts).
const { OFFICE_JS_ORIGIN } = require('./officeJs');

function directives(mode = 'cdn') {
  return [
    "default-src 'self'",
    mode === 'self' ? "script-src 'self'" : `script-src 'self' ${OFFICE_JS_ORIGIN}`,
    "style-src 'self'",
    // Nothing to embed, post or re-base: a pack or a workbook can never turn the page into a form or a plugin.
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
}

/**
 * The dev server (npm start) reloads the page through a websocket to itself. The page may be
 * opened as localhost or 127.0.0.1, so both are named: in development only, a production page
 * connects to nothing but its own origin.
 */
function devConnectSources(port) {
  return ['localhost', '127.0.0.1'].flatMap((host) => [`ws://${host}:${port}`, `wss://${host}:${port}`]);
}

/**
 * The policy. `mode`: 'cdn' (default) or 'self' (Office.js served with the add-in);
 * `{ devServerPort }` adds the dev server's websocket (development builds only).
 */
function contentSecurityPolicy(mode = 'cdn', options = {}) {
  const list = directives(mode);
  if (options.devServerPort) list.push(`connect-src 'self' ${devConnectSources(options.devServerPort).join(' ')}`);
  return list.join('; ');
}

module.exports = { OFFICE_JS_ORIGIN, contentSecurityPolicy };

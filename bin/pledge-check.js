#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled from src/cli by `npm run build:cli` (run by `npm ci` via `prepare`).
require('../dist/src/cli/main.js').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    // Last resort: never show a stack trace to a user.
    process.stderr.write(`Lỗi không mong đợi / Unexpected error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);

#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled from src/cli by `npm run build:cli` (run by `npm ci` via `prepare`).
require('../dist/src/cli/heapPolicy.js').armHeapPolicy(process.argv.slice(2));
require('../dist/src/cli/io.js').dropOutputWhenReaderGoes();
require('../dist/src/cli/main.js')
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      // Last resort: never show a stack trace to a user.
      // Nor a control character (an escape sequence from a file name or a workbook) to a terminal.
      const text = String(err && err.message ? err.message : err).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD');
      process.stderr.write(`Lỗi không mong đợi / Unexpected error: ${text}\n`);
      process.exitCode = 2;
    },
  );

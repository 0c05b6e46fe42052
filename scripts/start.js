#!/usr/bin/env node
'use strict';
/**
 * npm start: where desktop Excel can be driven (Windows, macOS), sideload the add-in with
 * office-addin-debugging, which starts the dev server itself (`npm run dev-server`) and opens
 * Excel with manifest.xml. Elsewhere (Linux, CI) only the dev server runs: open
 * https://localhost:3000/taskpane.html in a browser for the preview, or sideload the manifest in
 * Excel on the web by hand. office-addin-debugging is fetched by npx on first use rather than
 * installed with the project: its dependency tree cannot be installed from every registry.
 */
const { spawn } = require('child_process');

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const sideload = process.platform === 'win32' || process.platform === 'darwin';

const [cmd, args] = sideload
  ? [npx, ['--yes', 'office-addin-debugging@6', 'start', 'manifest.xml', 'desktop', '--app', 'excel']]
  : [npm, ['run', 'dev-server']];
if (!sideload) {
  console.log('Excel desktop không chạy được trên hệ điều hành này: chỉ khởi động máy chủ phát triển.');
  console.log('Desktop Excel is not available on this OS: starting the dev server only.');
}
const child = spawn(cmd, args, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));

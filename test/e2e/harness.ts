import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { extname, join, normalize, resolve, sep } from 'path';
import { BrowserContext, chromium } from 'playwright-core';
import { PROJECT_ROOT } from '../helpers/paths';

/** Debian's Chromium (apt-get install chromium; .ci/run installs it in CI). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DIST = resolve(PROJECT_ROOT, 'dist-addin');
/** The build with Office.js served with the add-in (`OFFICE_JS=self ADDIN_DIST=dist-addin-self npm run build`; CI makes both). */
export const DIST_SELF = resolve(PROJECT_ROOT, 'dist-addin-self');
export const ARTIFACTS = resolve(PROJECT_ROOT, 'test-artifacts/e2e');

/** Why the end-to-end suite cannot run here, or undefined when it can. */
export function e2eUnavailable(): string | undefined {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  if (!existsSync(join(DIST, 'taskpane.html'))) return 'no built add-in in dist-addin/ (npm run build)';
  return undefined;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.json': 'application/json',
};

/** A static file server for dist-addin/ on 127.0.0.1 (a free port), as a host would serve the add-in. */
export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(DIST, path));
    if (!file.startsWith(DIST + sep) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

/**
 * Headless Chromium with a fresh profile. Every request that is not for the local server is
 * aborted: Office.js's CDN fails at once, exactly as in a plain browser offline, so the page is in
 * preview mode, and nothing can leave the machine.
 */
export async function launchBrowser(origin: string): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'pledge-check-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 320, height: 900 },
    locale: 'en-US',
  });
  await context.route(
    (url) => !url.href.startsWith(origin),
    (route) => route.abort(),
  );
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

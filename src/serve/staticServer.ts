import { createReadStream, readFileSync, realpathSync, statSync } from 'fs';
import { createServer, Server } from 'https';
import { IncomingMessage, ServerResponse } from 'http';
import { isAbsolute, join, relative, sep } from 'path';
import { headersFor, metaPolicy, OFFICE_FRAME_ANCESTORS } from './headers';

export interface StaticServerOptions {
  /** The folder served (dist-addin/). */
  readonly root: string;
  /** PEM certificate and key: Office loads add-ins over HTTPS only. */
  readonly cert: Buffer | string;
  readonly key: Buffer | string;
  readonly frameAncestors?: ReadonlyArray<string>;
}

/**
 * A static HTTPS server for the built add-in on an intranet, and nothing else: GET and HEAD of files
 * inside `root`, with the headers of headers.ts. It never serves a file outside `root`, whatever the
 * URL says (`..`, encoded or not, a backslash, an absolute path) or wherever a symbolic link inside
 * points: the file's real path must lie inside the real root. Dot-files and folders are not served.
 * `/` goes to the pane's page.
 */
export function createStaticServer(options: StaticServerOptions): Server {
  const root = realpathSync(options.root);
  const ancestors = options.frameAncestors ?? OFFICE_FRAME_ANCESTORS;
  return createServer({ cert: options.cert, key: options.key }, (req, res) => handle(root, ancestors, req, res));
}

function handle(root: string, ancestors: ReadonlyArray<string>, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, { Allow: 'GET, HEAD' });
  const file = resolveInside(root, req.url ?? '/');
  if (file === 'redirect') {
    res.writeHead(302, { Location: '/taskpane.html', 'Cache-Control': 'no-cache' });
    res.end();
    return;
  }
  if (!file) return refuse(res, 404);
  const rel = relative(root, file).split(sep).join('/');
  const policy = /\.html$/i.test(rel) ? metaPolicy(readFileSync(file, 'utf8')) : undefined;
  res.writeHead(200, { ...headersFor(rel, policy, ancestors), 'Content-Length': String(statSync(file).size) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** The real path of the file a URL names inside `root`, 'redirect' for `/`, or undefined. */
export function resolveInside(root: string, url: string): string | 'redirect' | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'https://x/').pathname);
  } catch {
    return undefined; // malformed escapes
  }
  if (path === '/') return 'redirect';
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const parts = path.split('/').filter(Boolean);
  if (parts.some((p) => p === '..' || p.startsWith('.'))) return undefined;
  let real: string;
  try {
    real = realpathSync(join(root, ...parts));
    if (!statSync(real).isFile()) return undefined;
  } catch {
    return undefined;
  }
  const inside = relative(root, real);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) return undefined;
  return real;
}

function refuse(res: ServerResponse, status: 404 | 405, extra: Record<string, string> = {}): void {
  const text = status === 404 ? 'Không tìm thấy / Not found\n' : 'Không được phép / Method not allowed\n';
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff', ...extra });
  res.end(text);
}

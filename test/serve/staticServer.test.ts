import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { request } from 'https';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { Server } from 'https';
import { headersFor, metaPolicy, OFFICE_FRAME_ANCESTORS } from '../../src/serve/headers';
import { createStaticServer } from '../../src/serve/staticServer';
import { serveCommand } from '../../src/cli/serveCommand';
import { hasOpenssl, selfSignedCertificate } from '../helpers/selfSignedCertificate';

/**
 * `pledge-check serve`: a static HTTPS server on 127.0.0.1 over a folder shaped like dist-addin/,
 * with a certificate made by openssl for the test (skipped without openssl).
 */
const POLICY =
  "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

const describeTls = hasOpenssl() ? describe : describe.skip;
let base: string;
let root: string;
let cert: Buffer;
let key: Buffer;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'pledge-serve-'));
  root = join(base, 'dist-addin');
  mkdirSync(join(root, 'assets'), { recursive: true });
  mkdirSync(join(root, 'office-js', 'vi-vn'), { recursive: true });
  writeFileSync(
    join(root, 'taskpane.html'),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${POLICY}"></head><body>Kiểm tra</body></html>`,
  );
  writeFileSync(join(root, 'taskpane.1a2b3c4d.js'), 'console.log(1)');
  writeFileSync(join(root, 'taskpane.css'), 'body{}');
  writeFileSync(join(root, 'manifest.xml'), '<OfficeApp/>');
  writeFileSync(join(root, 'assets', 'icon-16.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(root, 'office-js', 'office.js'), '// office');
  writeFileSync(join(root, '.env'), 'SECRET=1');
  writeFileSync(join(base, 'outside.txt'), 'secret outside');
  symlinkSync(join(base, 'outside.txt'), join(root, 'link.txt'));
  symlinkSync(base, join(root, 'up'));
  if (hasOpenssl()) {
    const pems = selfSignedCertificate(base);
    cert = readFileSync(pems.cert);
    key = readFileSync(pems.key);
  }
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A raw request: the path is sent as written, not normalised by a client. */
function get(server: Server, path: string, method = 'GET'): Promise<Answer> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, rejectUnauthorized: false, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string>, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describeTls('pledge-check serve', () => {
  let server: Server;
  beforeAll(async () => {
    server = createStaticServer({ root, cert, key });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => new Promise<void>((r) => server.close(() => r())));

  it.each(['taskpane.html', 'taskpane.1a2b3c4d.js', 'taskpane.css', 'manifest.xml', 'assets/icon-16.png', 'office-js/office.js'])(
    'serves %s with the headers of headers.ts',
    async (file) => {
      const a = await get(server, `/${file}`);
      expect(a.status).toBe(200);
      const expected = headersFor(file, file.endsWith('.html') ? POLICY : undefined);
      for (const [name, value] of Object.entries(expected)) expect({ name, value: a.headers[name.toLowerCase()] }).toEqual({ name, value });
    },
  );

  it('sends the page’s own policy plus frame-ancestors for Office hosts only', async () => {
    const csp = (await get(server, '/taskpane.html')).headers['content-security-policy'];
    expect(csp.startsWith(POLICY)).toBe(true);
    expect(csp).toContain(`frame-ancestors ${OFFICE_FRAME_ANCESTORS.join(' ')}`);
    expect(csp).toContain('https://*.officeapps.live.com');
    expect(csp).not.toMatch(/frame-ancestors[^;]*\*(?!\.)/); // no bare wildcard
  });

  it('caches hashed bundles for a year and revalidates pages', async () => {
    expect((await get(server, '/taskpane.1a2b3c4d.js')).headers['cache-control']).toContain('immutable');
    expect((await get(server, '/taskpane.html')).headers['cache-control']).toBe('no-cache');
  });

  it.each([
    '/../outside.txt',
    '/%2e%2e/outside.txt',
    '/..%2foutside.txt',
    '/assets/..%2f..%2foutside.txt',
    '/assets/..%5c..%5coutside.txt',
    '/link.txt',
    '/up/outside.txt',
    '/.env',
    '/%2eenv',
    '/taskpane.html%00.png',
    '/%E0%A4%A',
    '//etc/passwd',
    '/assets',
    '/missing.js',
  ])('refuses %s (outside the folder, a link out of it, a dot-file, malformed or missing)', async (path) => {
    const a = await get(server, path);
    expect(a.status).toBe(404);
    expect(a.body).not.toContain('secret');
    expect(a.body).toContain('Not found');
  });

  it('answers / with the pane, and refuses anything but GET and HEAD', async () => {
    const root = await get(server, '/');
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/taskpane.html');
    expect((await get(server, '/taskpane.html', 'POST')).status).toBe(405);
    const head = await get(server, '/taskpane.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('the command refuses a folder without a build, and missing certificates, in one sentence each', async () => {
    const lines: string[] = [];
    const io = { out: (s: string) => lines.push(s), err: (s: string) => lines.push(s) };
    expect(await serveCommand([base, '--cert', 'c', '--key', 'k'], io)).toBe(2);
    expect(await serveCommand([root], io)).toBe(2);
    expect(await serveCommand([root, '--cert', join(base, 'nope.pem'), '--key', join(base, 'nope.pem'), '--port', '0'], io)).toBe(2);
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l.split('\n')).toHaveLength(1);
    expect(lines[0]).toContain('taskpane.html');
    expect(lines[1]).toContain('--cert');
  });

  it('the command serves until it is closed', async () => {
    const lines: string[] = [];
    let running: Server | undefined;
    const done = serveCommand(
      [root, '--cert', join(base, 'cert.pem'), '--key', join(base, 'key.pem'), '--port', '0', '--host', '127.0.0.1'],
      { out: (s) => lines.push(s), err: (s) => lines.push(s) },
      (s) => (running = s),
    );
    let ended = false;
    void done.then(() => (ended = true));
    while (!running && !ended) await new Promise((r) => setTimeout(r, 10));
    if (!running) throw new Error(lines.join('\n'));
    expect((await get(running, '/taskpane.html')).status).toBe(200);
    running.close();
    expect(await done).toBe(0);
    expect(lines[0]).toMatch(/^Đang phục vụ .* tại https:\/\/127\.0\.0\.1:\d+\//);
  });
});

describe('headers.ts', () => {
  it('reads a built page’s meta policy, quotes and all', () => {
    expect(metaPolicy(`<meta http-equiv="Content-Security-Policy" content="${POLICY}" />`)).toBe(POLICY);
    expect(metaPolicy(`<meta http-equiv=Content-Security-Policy content="default-src &#39;self&#39;">`)).toBe("default-src 'self'");
    expect(metaPolicy('<p>no policy</p>')).toBeUndefined();
  });
});

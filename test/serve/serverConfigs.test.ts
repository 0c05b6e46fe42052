import { readFileSync } from 'fs';
import { join } from 'path';
import { contentSecurityPolicy } from '../../addin/build/contentSecurityPolicy';
import { headersFor, MIME_TYPES, pagePolicy } from '../../src/serve/headers';
import { iisConfig, nginxConfig } from '../../src/serve/serverConfigs';
import { PROJECT_ROOT } from '../helpers/paths';

/**
 * The documented nginx and IIS configurations (docs/deploy/) are parsed and must send, for each
 * kind of file, exactly the headers `pledge-check serve` sends (headers.ts); and what the generator
 * makes today must still be what is documented, so the documents cannot drift from the server.
 */
const DOCS = join(PROJECT_ROOT, 'docs', 'deploy');
const nginxText = readFileSync(join(DOCS, 'nginx.conf'), 'utf8');
const iisText = readFileSync(join(DOCS, 'web.config'), 'utf8');

/** The documents are for a build with Office.js served with the add-in (OFFICE_JS=self), the intranet case. */
const POLICY = contentSecurityPolicy('self');

const withoutType = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).filter(([n]) => n !== 'Content-Type'));

function nginxHeaders(text: string, path: string): { headers: Record<string, string>; type: string } {
  const blocks = [...text.matchAll(/location (~\*?|=)?\s*(\S+) \{([^}]*)\}/g)].map((m) => ({ op: m[1] ?? '', pattern: m[2], body: m[3] }));
  const url = `/${path}`;
  const regexHit = blocks.find((b) => b.op.startsWith('~') && new RegExp(b.pattern, b.op === '~*' ? 'i' : '').test(url));
  const block = regexHit ?? blocks.find((b) => b.op === '' && url.startsWith(b.pattern))!;
  const headers = Object.fromEntries(
    [...block.body.matchAll(/add_header (\S+) "((?:[^"\\]|\\.)*)" always;/g)].map((m) => [m[1], m[2].replace(/\\(["\\])/g, '$1')]),
  );
  const types = Object.fromEntries([...text.matchAll(/^ {8}(\S+\/\S+) (\w+);$/gm)].map((m) => [m[2], m[1]]));
  const charset = /charset_types ([^;]+);/.exec(text)![1].split(' ');
  const base = types[path.slice(path.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
  return { headers, type: charset.includes(base) ? `${base}; charset=utf-8` : base };
}

function iisHeaders(text: string, path: string): { headers: Record<string, string>; type: string } {
  const root = /<system\.webServer>([\s\S]*?)<\/system\.webServer>/.exec(text)![1];
  const apply = (xml: string, into: Record<string, string>) => {
    for (const m of xml.matchAll(/<(remove|add) name="([^"]+)"(?: value="([^"]*)")? \/>/g)) {
      if (m[1] === 'remove') delete into[m[2]];
      else
        into[m[2]] = m[3]
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&amp;/g, '&');
    }
    return into;
  };
  const headers = apply(/<customHeaders>([\s\S]*?)<\/customHeaders>/.exec(root)![1], {});
  const location = [...text.matchAll(/<location path="([^"]+)">([\s\S]*?)<\/location>/g)].find((m) => m[1] === path);
  if (location) apply(location[2], headers);
  const mime = Object.fromEntries([...root.matchAll(/<mimeMap fileExtension="([^"]+)" mimeType="([^"]+)" \/>/g)].map((m) => [m[1], m[2]]));
  return { headers, type: mime[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' };
}

const htmlInIis = [...iisText.matchAll(/<location path="([^"]+\.html)">/g)].map((m) => m[1]);
const bundleInIis = [...iisText.matchAll(/<location path="([^"/]+\.[0-9a-f]{8}\.js)">/g)].map((m) => m[1]);
const SAMPLES = [
  'taskpane.html',
  'commands.html',
  'outcome.html',
  'help.html',
  'taskpane.css',
  'manifest.xml',
  'assets/icon-32.png',
  'office-js/office.js',
  'office-js/vi-vn/office_strings.js',
  ...bundleInIis,
];

describe('the documented web server configurations send what pledge-check serve sends', () => {
  it('the IIS configuration names the pages and hashed bundles of a build', () => {
    expect(htmlInIis.filter((f) => !f.startsWith('office-js/')).sort()).toEqual(['commands.html', 'help.html', 'outcome.html', 'taskpane.html']);
    expect(bundleInIis.length).toBeGreaterThanOrEqual(3);
  });

  it.each(SAMPLES)('%s: nginx', (path) => {
    const server = headersFor(path, POLICY);
    const nginx = nginxHeaders(nginxText, path);
    expect(nginx.headers).toEqual(withoutType(server));
    expect(nginx.type).toBe(server['Content-Type']);
  });

  it.each(SAMPLES)('%s: IIS', (path) => {
    const server = headersFor(path, POLICY);
    const iis = iisHeaders(iisText, path);
    expect(iis.headers).toEqual(withoutType(server));
    expect(iis.type).toBe(server['Content-Type']);
  });

  it('the pages’ policy in both is the build’s own plus frame-ancestors', () => {
    expect(nginxText).toContain(pagePolicy(POLICY));
    expect(iisText).toContain(pagePolicy(POLICY).replace(/&/g, '&amp;'));
  });

  it('the generator still makes what is documented', () => {
    const files = [...SAMPLES, ...[...iisText.matchAll(/<location path="([^"]+)">/g)].map((m) => m[1])];
    expect(`${nginxConfig({ files, policy: POLICY })}\n`).toBe(nginxText); // the command prints it with a newline
    expect(`${iisConfig({ files: [...new Set(files)], policy: POLICY })}\n`).toBe(iisText);
  });

  it('every MIME type of the server is declared in both', () => {
    for (const [ext, type] of Object.entries(MIME_TYPES)) {
      expect(nginxText).toContain(`${type.split(';')[0]} ${ext.slice(1)};`);
      expect(iisText).toContain(`<mimeMap fileExtension="${ext}" mimeType="${type}" />`);
    }
  });
});

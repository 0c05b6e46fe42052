import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { SaxesParser } from 'saxes';

// Plain CommonJS used by webpack.config.js at build time.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEV_URL, PLACEHOLDER_URL, publicUrl, productionManifest } = require('../../addin/build/productionManifest') as {
  DEV_URL: string;
  PLACEHOLDER_URL: string;
  publicUrl: (env?: Record<string, string | undefined>) => string;
  productionManifest: (xml: string, base: string) => string;
};

const ROOT = resolve(__dirname, '../..');
const MANIFEST = join(ROOT, 'manifest.xml');
const xml = readFileSync(MANIFEST, 'utf8');

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
  parent?: El;
}

function parse(text: string): El {
  const parser = new SaxesParser({ xmlns: false });
  const root: El = { name: '#doc', attrs: {}, children: [], text: '' };
  let current = root;
  parser.on('opentag', (t) => {
    const el: El = { name: t.name, attrs: t.attributes as Record<string, string>, children: [], text: '', parent: current };
    current.children.push(el);
    current = el;
  });
  parser.on('text', (t) => (current.text += t));
  parser.on('closetag', () => (current = current.parent!));
  parser.write(text).close();
  return root.children[0];
}

function all(el: El, pred: (e: El) => boolean = () => true): El[] {
  return [...(pred(el) ? [el] : []), ...el.children.flatMap((c) => all(c, pred))];
}

const local = (e: El) => e.name.replace(/^\w+:/, '');

/**
 * office-addin-manifest's reader, in a child node process: its dependencies are ESM-only, which
 * jest cannot load (and jest.config maps the package to a stub for office-addin-mock).
 */
function readManifestFile(path: string): Record<string, unknown> {
  const script = `require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])
    .then((m) => process.stdout.write(JSON.stringify(m)), (e) => { process.stderr.write(String(e && e.message || e)); process.exit(1); });`;
  const r = spawnSync(process.execPath, ['-e', script, path], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`readManifestFile failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('manifest.xml (offline checks; `office-addin-manifest validate` needs Microsoft online)', () => {
  const root = parse(xml);
  const resources = all(root, (e) => local(e) === 'Resources')[0];
  const resourceIds = (kind: string) => new Set(all(resources, (e) => local(e) === kind)[0].children.map((c) => c.attrs.id));

  it("parses with office-addin-manifest's reader: a Workbook task pane app asking for ReadWriteDocument", () => {
    const info = readManifestFile(MANIFEST);
    expect(info).toMatchObject({
      displayName: 'Pledge Check',
      defaultLocale: 'en-US',
      officeAppType: 'TaskPaneApp',
      permissions: 'ReadWriteDocument',
      hosts: ['Workbook'],
      providerName: 'Pledge Check',
    });
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('asks for ReadWriteDocument and nothing more', () => {
    expect(all(root, (e) => local(e) === 'Permissions').map((e) => e.text.trim())).toEqual(['ReadWriteDocument']);
  });

  it('requires ExcelApi 1.13, the minimum the README justifies', () => {
    const sets = all(root, (e) => local(e) === 'Set').map((e) => e.attrs);
    expect(sets).toEqual([{ Name: 'ExcelApi', MinVersion: '1.13' }]);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/ExcelApi 1\.13/);
  });

  it('has unique ids, and every resid names a resource of the right kind', () => {
    const ids = all(root, (e) => 'id' in e.attrs).map((e) => e.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
    const kindOf: Record<string, string> = {
      Image: 'Images',
      SourceLocation: 'Urls',
      FunctionFile: 'Urls',
      LearnMoreUrl: 'Urls',
      Label: 'ShortStrings',
      Title: 'ShortStrings',
      Description: 'LongStrings',
    };
    const withResid = all(root, (e) => 'resid' in e.attrs && e !== resources);
    expect(withResid.length).toBeGreaterThan(20);
    for (const e of withResid) {
      expect({ element: local(e), resid: e.attrs.resid, found: resourceIds(kindOf[local(e)]).has(e.attrs.resid) }).toEqual({
        element: local(e),
        resid: e.attrs.resid,
        found: true,
      });
      expect(e.attrs.resid.length).toBeLessThanOrEqual(32);
    }
  });

  it('puts three buttons on the Home tab: Check and Clear run functions the commands file registers, Show pane opens the pane', () => {
    const tab = all(root, (e) => local(e) === 'OfficeTab')[0];
    expect(tab.attrs.id).toBe('TabHome');
    const actions = all(tab, (e) => local(e) === 'Action').map((a) => ({
      type: a.attrs['xsi:type'],
      fn: all(a, (e) => local(e) === 'FunctionName')[0]?.text.trim(),
    }));
    expect(actions).toEqual([
      { type: 'ExecuteFunction', fn: 'checkTargets' },
      { type: 'ExecuteFunction', fn: 'clearHighlights' },
      { type: 'ShowTaskpane', fn: undefined },
    ]);
    const commands = readFileSync(join(ROOT, 'addin/commands/commands.ts'), 'utf8');
    for (const a of actions.filter((x) => x.fn)) expect(commands).toMatch(new RegExp(`Office\\.actions\\.associate\\(\\s*'${a.fn}'`));
  });

  it('uses https for every URL, and every URL is something the build serves', () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    const served: Record<string, string> = {
      'taskpane.html': 'addin/taskpane/taskpane.html',
      'commands.html': 'addin/commands/commands.html',
      'help.html': 'addin/help/help.html',
    };
    for (const url of urls) {
      expect(url.startsWith(DEV_URL)).toBe(true);
      const rest = url.slice(DEV_URL.length);
      const source = served[rest] ?? (rest.startsWith('assets/') ? `addin/${rest}` : undefined);
      expect({ url, exists: Boolean(source && existsSync(join(ROOT, source))) }).toEqual({ url, exists: true });
    }
  });

  it('has icons of 16, 32 and 80 px (and 32/64 for the add-in icon) that exist and are that size', () => {
    const images = all(resources, (e) => local(e) === 'Image' && 'id' in e.attrs);
    const sizes = all(root, (e) => local(e) === 'Image' && 'size' in e.attrs).map((e) => e.attrs.size);
    expect(new Set(sizes)).toEqual(new Set(['16', '32', '80']));
    const pngSize = (url: string) => {
      const png = readFileSync(join(ROOT, 'addin', url.slice(DEV_URL.length)));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    for (const img of images) {
      const px = Number(/(\d+)x\1$/.exec(img.attrs.id)![1]);
      expect(pngSize(img.attrs.DefaultValue)).toEqual([px, px]);
    }
    expect(pngSize(all(root, (e) => e.name === 'IconUrl')[0].attrs.DefaultValue)).toEqual([32, 32]);
    expect(pngSize(all(root, (e) => e.name === 'HighResolutionIconUrl')[0].attrs.DefaultValue)).toEqual([64, 64]);
  });

  it('says everything in en-US and vi-VN: display name, description and every string resource', () => {
    const localised = [...root.children.filter((e) => e.name === 'DisplayName' || e.name === 'Description'), ...all(resources, (e) => local(e) === 'String')];
    expect(localised.length).toBeGreaterThan(10);
    for (const e of localised) {
      const vi = e.children.filter((c) => local(c) === 'Override' && c.attrs.Locale === 'vi-VN');
      const label = e.attrs.id ?? e.name;
      expect({ label, en: Boolean(e.attrs.DefaultValue?.trim()), vi: vi.length === 1 && Boolean(vi[0].attrs.Value.trim()) }).toEqual({
        label,
        en: true,
        vi: true,
      });
      expect(vi[0].attrs.Value).not.toBe(e.attrs.DefaultValue);
      expect(e.children.every((c) => local(c) === 'Override')).toBe(true);
    }
    for (const s of all(resources, (e) => local(e) === 'ShortStrings')[0].children) {
      expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(125);
      expect(s.children[0].attrs.Value.length).toBeLessThanOrEqual(125);
    }
    for (const s of all(resources, (e) => local(e) === 'LongStrings')[0].children) {
      expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(250);
      expect(s.children[0].attrs.Value.length).toBeLessThanOrEqual(250);
    }
  });
});

describe('the production manifest', () => {
  const base = 'https://addin.congan.example.vn/pledge-check/';

  it('points every URL at ADDIN_PUBLIC_URL and has no localhost left, and still parses', () => {
    const prod = productionManifest(xml, publicUrl({ ADDIN_PUBLIC_URL: 'https://addin.congan.example.vn/pledge-check' }));
    expect(prod).not.toMatch(/\w+:\/\/localhost/);
    const urls = [...prod.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]*)"/g)].map((m) => m[1]);
    for (const u of urls) expect(u.startsWith(base)).toBe(true);
    const file = join(mkdtempSync(join(tmpdir(), 'pledge-check-manifest-')), 'manifest.xml');
    writeFileSync(file, prod);
    expect(readManifestFile(file)).toMatchObject({ displayName: 'Pledge Check', permissions: 'ReadWriteDocument' });
  });

  it('refuses a production URL that is not https or is localhost, and has a placeholder that cannot go live', () => {
    expect(() => publicUrl({ ADDIN_PUBLIC_URL: 'http://addin.example.vn/' })).toThrow(/https/);
    expect(() => publicUrl({ ADDIN_PUBLIC_URL: 'https://localhost:3000/' })).toThrow(/localhost/);
    expect(publicUrl({})).toBe(PLACEHOLDER_URL);
    expect(new URL(PLACEHOLDER_URL).hostname).toMatch(/\.example$/);
  });

  const built = join(ROOT, 'dist-addin/manifest.xml');
  (existsSync(built) ? it : it.skip)('as written by `npm run build` (dist-addin/) has no localhost URL', () => {
    expect(readFileSync(built, 'utf8')).not.toMatch(/\w+:\/\/localhost/);
  });
});

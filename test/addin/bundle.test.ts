import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { bundleSizes, PANE_TARGET_GZIP } from '../../addin/build/bundleSizes';
import { contentSecurityPolicy, OFFICE_JS_ORIGIN } from '../../addin/build/contentSecurityPolicy';
import { CDN_OFFICE_JS, officeJsSrc } from '../../addin/build/officeJs';
import { PROJECT_ROOT } from '../helpers/paths';

/**
 * The production bundle as `npm run build` leaves it in dist-addin/ (skipped when it has not been
 * built; CI builds first): no eval anywhere, the CSP in both pages, the preview's code only in its
 * chunk, and the pane within its size target.
 */
/** The default build, and the self-hosted one CI also makes (OFFICE_JS=self ADDIN_DIST=dist-addin-self). */
const builds = ['dist-addin', 'dist-addin-self'].map((d) => join(PROJECT_ROOT, d)).filter((d) => existsSync(join(d, 'taskpane.html')));
if (!builds.length) console.warn('bundle tests skipped: no dist-addin/ (npm run build)');
const describeBuilt = builds.length ? describe.each(builds) : (name: string, fn: (dist: string) => void) => describe.skip(name, () => fn(''));

describeBuilt('the production bundle in %s', (DIST: string) => {
  const read = (f: string) => readFileSync(join(DIST, f), 'utf8');
  /** Which Office.js the build uses: the CDN (default) or its own copy (OFFICE_JS=self). */
  const mode = (): 'cdn' | 'self' => (existsSync(join(DIST, 'office-js', 'office.js')) ? 'self' : 'cdn');
  const scripts = () => readdirSync(DIST).filter((f) => f.endsWith('.js')); // our bundles (office-js/ is Microsoft's)

  it('has no eval and no new Function: the pack validator is compiled at build time, jsonpath-plus is not bundled', () => {
    for (const f of scripts()) {
      const code = read(f);
      expect({ file: f, newFunction: /\bnew\s+Function\s*\(|\bFunction\s*\(\s*["'`]/.test(code), evalCall: /(?<![\w$.])eval\s*\(/.test(code) }).toEqual({
        file: f,
        newFunction: false,
        evalCall: false,
      });
      expect(code).not.toMatch(/JSONPath\s*\(\s*\{/); // jsonpath-plus's own body is replaced by a stub
    }
  });

  it('carries the Content-Security-Policy in every page: self, and the Office.js CDN only when Office.js comes from it', () => {
    const csp = contentSecurityPolicy(mode());
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(mode() === 'cdn' ? `script-src 'self' ${OFFICE_JS_ORIGIN}` : "script-src 'self';");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|\*|data:|blob:/);
    for (const page of ['taskpane.html', 'commands.html', 'outcome.html', 'help.html']) {
      const html = read(page);
      if (page !== 'help.html')
        expect({ page, officeJs: /data-office-js="?([^"\s>]*office\.js)/.exec(html)?.[1] }).toEqual({ page, officeJs: officeJsSrc(mode()) });
      if (mode() === 'self') expect(html).not.toContain(CDN_OFFICE_JS);
      const meta = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/i.exec(html);
      expect({ page, csp: meta?.[1] }).toEqual({ page, csp });
      // Nothing inline for the policy to refuse: every script has a src, no style element or attribute.
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html).not.toMatch(/<style|\sstyle=/);
      if (html.includes('<script')) expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    }
  });

  it('loads the .xlsx reader and patcher only in the preview chunk', () => {
    const sizes = bundleSizes(DIST)!;
    const pane = sizes.pane.files.map(read).join('\n');
    const preview = sizes.preview.files.map(read).join('\n');
    expect(sizes.preview.files).toHaveLength(1);
    // Part names only the package reader and writer use.
    for (const marker of ['sharedStrings', 'xl/workbook.xml', 'Content_Types']) {
      expect({ marker, inPane: pane.includes(marker), inPreview: preview.includes(marker) }).toEqual({ marker, inPane: false, inPreview: true });
    }
  });

  it('self-hosted: Office.js, its Excel scripts and strings are in office-js/, and not counted as the pane’s own size', () => {
    if (mode() !== 'self') return;
    const files = readdirSync(join(DIST, 'office-js'));
    expect(files).toEqual(expect.arrayContaining(['office.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'LICENSE.md', 'vi-vn', 'en-us']));
    expect(files.filter((f) => f.endsWith('.debug.js'))).toEqual([]);
    expect(bundleSizes(DIST)!.pane.files.every((f) => !f.startsWith('office-js/'))).toBe(true);
  });

  it('keeps the Office pane’s first load within the target', () => {
    const sizes = bundleSizes(DIST)!;
    expect(sizes.pane.gzip).toBeLessThanOrEqual(PANE_TARGET_GZIP);
    expect(sizes.pane.files.some((f) => f.startsWith('taskpane.'))).toBe(true);
  });
});

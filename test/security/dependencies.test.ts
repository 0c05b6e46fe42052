/**
 * The production dependency tree: no jsonpath-plus older than 10.3.0 (CVE-2024-21534 and
 * CVE-2025-1302 are fixed from there), in the lock file CI installs from and in node_modules; and
 * the CI audit gate fails on a real high or critical advisory but only warns when the audit
 * endpoint cannot be reached (as here: the registry answers 405).
 */
import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';
import { PROJECT_ROOT } from '../helpers/paths';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { auditVerdict } = require('../../.ci/audit.js') as { auditVerdict: (stdout: string) => { fail: boolean; message: string } };

const FIXED = [10, 3, 0];

function atLeast(version: string, min: number[]): boolean {
  const v = version.split(/[.+-]/).slice(0, 3).map(Number);
  for (let i = 0; i < 3; i++) if (v[i] !== min[i]) return v[i] > min[i];
  return true;
}

interface LockEntry {
  version?: string;
  dev?: boolean;
  devOptional?: boolean;
}

describe('jsonpath-plus in production', () => {
  const lock = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const entries = Object.entries(lock.packages).filter(([path]) => /(^|\/)node_modules\/jsonpath-plus$/.test(path));

  it('every copy the lock file installs for production is 10.3.0 or later', () => {
    const production = entries.filter(([, e]) => !e.dev);
    expect(production.length).toBeGreaterThan(0); // json-rules-engine needs it
    for (const [path, e] of production)
      expect({ path, version: e.version, fixed: atLeast(e.version ?? '0', FIXED) }).toEqual({ path, version: e.version, fixed: true });
  });

  it('the copy json-rules-engine actually loads is 10.3.0 or later', () => {
    const engineDir = dirname(require.resolve('json-rules-engine/package.json'));
    let dir = engineDir;
    let found: string | undefined;
    // Node's own lookup: node_modules beside json-rules-engine, then each folder up.
    for (;;) {
      const candidate = join(dir, 'node_modules', 'jsonpath-plus', 'package.json');
      if (existsSync(candidate)) {
        found = candidate;
        break;
      }
      if (dirname(dir) === dir) break;
      dir = dirname(dir);
    }
    expect(found).toBeDefined();
    const { version } = JSON.parse(readFileSync(found as string, 'utf8')) as { version: string };
    expect({ version, fixed: atLeast(version, FIXED) }).toEqual({ version, fixed: true });
  });

  it('the version comparison itself', () => {
    expect(atLeast('10.3.0', FIXED)).toBe(true);
    expect(atLeast('10.4.0', FIXED)).toBe(true);
    expect(atLeast('11.0.0', FIXED)).toBe(true);
    expect(atLeast('10.2.9', FIXED)).toBe(false);
    expect(atLeast('9.0.0', FIXED)).toBe(false);
  });
});

describe('the CI audit gate (.ci/audit.js)', () => {
  const report = (high: number, critical: number, moderate = 0) =>
    JSON.stringify({
      auditReportVersion: 2,
      vulnerabilities: high + critical > 0 ? { 'jsonpath-plus': { name: 'jsonpath-plus', severity: critical ? 'critical' : 'high', range: '<10.3.0' } } : {},
      metadata: { vulnerabilities: { info: 0, low: 0, moderate, high, critical, total: high + critical + moderate } },
    });

  it('passes a clean report, and one with only moderate advisories', () => {
    expect(auditVerdict(report(0, 0))).toMatchObject({ fail: false });
    expect(auditVerdict(report(0, 0, 3))).toMatchObject({ fail: false, message: expect.stringContaining('no high or critical') });
  });

  it('fails on a high or critical advisory, naming the package', () => {
    expect(auditVerdict(report(1, 0))).toMatchObject({ fail: true, message: expect.stringContaining('jsonpath-plus (high, <10.3.0)') });
    expect(auditVerdict(report(0, 2))).toMatchObject({ fail: true });
  });

  it('only warns when the endpoint cannot be reached (the 405 this registry answers, DNS failure, no output)', () => {
    const unreachable = [
      JSON.stringify({
        message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
        statusCode: 405,
        error: { summary: '', detail: '' },
      }),
      JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'request to https://registry.npmjs.org failed, reason: getaddrinfo ENOTFOUND', detail: '' } }),
      '',
      'npm ERR! something unexpected',
    ];
    for (const out of unreachable) {
      const v = auditVerdict(out);
      expect(v.fail).toBe(false);
      expect(v.message).toMatch(/^cảnh báo \/ warning: /);
    }
  });

  it('is wired into CI', () => {
    const run = readFileSync(join(PROJECT_ROOT, '.ci/run'), 'utf8');
    expect(run).toMatch(/node \.ci\/audit\.js\naudit=\$\?/);
    expect(run).toMatch(/\[ \$audit -eq 0 \]/);
  });
});

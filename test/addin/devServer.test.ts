import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { contentSecurityPolicy } from '../../addin/build/contentSecurityPolicy';
import { devCertificates } from '../../addin/build/devCertificates';

/** `npm start`: the dev server's websocket under the CSP, and certificates where they can be made. */
describe('the dev server', () => {
  it('allows its websocket (localhost and 127.0.0.1) in development only', () => {
    const dev = contentSecurityPolicy('cdn', { devServerPort: 3000 });
    const connect = /connect-src ([^;]+)/.exec(dev)?.[1] ?? '';
    for (const origin of ['ws://localhost:3000', 'wss://localhost:3000', 'ws://127.0.0.1:3000', 'wss://127.0.0.1:3000']) expect(connect).toContain(origin);
    expect(dev).not.toMatch(/unsafe-eval|unsafe-inline/);
    const production = contentSecurityPolicy();
    expect(production).not.toMatch(/connect-src|ws:/);
    expect(dev.startsWith(production)).toBe(true); // the same policy plus the websocket
  });

  it('does not try to install a root CA on Linux: plain http, said in one sentence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pledge-certs-'));
    try {
      const said: string[] = [];
      expect(await devCertificates({ platform: 'linux', dir, say: (s) => said.push(s) })).toBeUndefined();
      expect(said).toHaveLength(1);
      expect(said[0]).toMatch(/http/);
      expect(said[0].split(/(?<=[.!?])\s+(?=\S)/).filter((x) => !x.startsWith('/')).length).toBeLessThanOrEqual(2); // one sentence each language
      // Certificates made earlier (by hand, or on another OS) are used as they are.
      for (const f of ['ca.crt', 'localhost.crt', 'localhost.key']) writeFileSync(join(dir, f), `${f}\n`);
      const found = await devCertificates({ platform: 'linux', dir, say: (s) => said.push(s) });
      expect(found && String(found.cert)).toBe('localhost.crt\n');
      expect(said).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** LibreOffice for the sample generators: real files come from it too, so some samples are re-saved by it. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The soffice to use (SOFFICE=… picks one), or undefined when LibreOffice is not installed. */
export function findSoffice(): string | undefined {
  const candidates = process.env.SOFFICE ? [process.env.SOFFICE] : ['soffice', '/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'];
  for (const s of candidates) {
    const r = spawnSync(s, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0 && /LibreOffice/.test(r.stdout)) return s;
  }
  return undefined;
}

/** Opens `file` in LibreOffice (a throwaway profile, headless) and saves it again as .xlsx in place. */
export function resaveWithLibreOffice(soffice: string, file: string): void {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pledge-samples-lo-'));
  try {
    const profile = path.join(tmp, 'profile');
    const inDir = path.join(tmp, 'in');
    const outDir = path.join(tmp, 'out');
    fs.mkdirSync(inDir);
    fs.mkdirSync(outDir);
    const input = path.join(inDir, path.basename(file));
    fs.copyFileSync(file, input);
    const r = spawnSync(
      soffice,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, input],
      { encoding: 'utf8', timeout: 180_000 },
    );
    const output = path.join(outDir, path.basename(file));
    if (r.status !== 0 || !fs.existsSync(output)) throw new Error(`LibreOffice conversion failed: ${r.stderr || r.stdout || r.error}`);
    fs.copyFileSync(output, file);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// The dev server's https certificate. Office only loads add-ins over https, and
// office-addin-dev-certs makes a localhost certificate and trusts its root CA — by running
// certutil (Windows) or security (macOS). On Linux it would run `sudo` to install the CA system
// wide, which fails without a terminal or a sudoer and cannot make Excel trust it anyway (there
// is no desktop Excel on Linux): there the certificates are used only if already made.
const { existsSync, readFileSync } = require('fs');
const { homedir } = require('os');
const { join } = require('path');

/** Where office-addin-dev-certs keeps what it made (its default folder). */
const CERT_DIR = join(homedir(), '.office-addin-dev-certs');
const FILES = { ca: 'ca.crt', cert: 'localhost.crt', key: 'localhost.key' };

/** Whether office-addin-dev-certs can install its CA here (it knows Windows and macOS only). */
function canInstallCa(platform = process.platform) {
  return platform === 'win32' || platform === 'darwin';
}

/** Certificates already made in `dir`, or undefined. */
function existingCertificates(dir = CERT_DIR) {
  const paths = Object.fromEntries(Object.entries(FILES).map(([k, f]) => [k, join(dir, f)]));
  if (!Object.values(paths).every((p) => existsSync(p))) return undefined;
  return { ca: readFileSync(paths.ca), cert: readFileSync(paths.cert), key: readFileSync(paths.key) };
}

/**
 * `{ ca, key, cert }` for an https dev server, or undefined for plain http (after one sentence
 * saying why). `say` prints; `platform` and `dir` are for tests.
 */
async function devCertificates({ platform = process.platform, dir = CERT_DIR, say = (s) => console.warn(s) } = {}) {
  if (!canInstallCa(platform)) {
    const found = existingCertificates(dir);
    if (found) return found;
    say(
      `[pledge-check] Không cài chứng chỉ phát triển trên ${platform} (cần sudo, và Excel không chạy ở đây): máy chủ chạy http. ` +
        `/ No development CA is installed on ${platform} (it needs sudo and Excel does not run here): serving plain http.`,
    );
    return undefined;
  }
  try {
    const { getHttpsServerOptions } = require('office-addin-dev-certs');
    const { ca, key, cert } = await getHttpsServerOptions();
    return { ca, key, cert };
  } catch (e) {
    say(
      `[pledge-check] Chưa có chứng chỉ tin cậy (${String(e.message).split('\n')[0]}): máy chủ chạy http, Excel sẽ không nạp được; chạy "npx office-addin-dev-certs install" rồi "npm start" lại. ` +
        `/ No trusted development certificate: serving plain http, which Excel will not load; run "npx office-addin-dev-certs install", then "npm start" again.`,
    );
    return undefined;
  }
}

module.exports = { CERT_DIR, canInstallCa, devCertificates, existingCertificates };

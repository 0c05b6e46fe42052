// Used by webpack.config.js at build time (plain CommonJS, so webpack's config can load it as is).
// One manifest serves development and production: the build rewrites the dev URL to the public one.

const DEV_URL = 'https://localhost:3000/';
/** Where the add-in is served from when ADDIN_PUBLIC_URL is not set: a reserved domain, so it can never go live by mistake. */
const PLACEHOLDER_URL = 'https://pledge-check.example/';

/** The production base URL: https, absolute, ending with "/". */
function publicUrl(env = process.env) {
  const raw = (env.ADDIN_PUBLIC_URL || PLACEHOLDER_URL).trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_PUBLIC_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_PUBLIC_URL must be https (Office loads add-ins only over https): ${raw}`);
  if (url.hostname === 'localhost') throw new Error('ADDIN_PUBLIC_URL must not be localhost for a production build');
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The manifest with every development URL pointing at `baseUrl`. */
function productionManifest(xml, baseUrl) {
  return xml.split(DEV_URL).join(baseUrl);
}

module.exports = { DEV_URL, PLACEHOLDER_URL, publicUrl, productionManifest };

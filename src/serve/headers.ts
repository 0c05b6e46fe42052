/**
 * The HTTP headers the add-in's files are served with — the one source for `pledge-check serve`
 * and for the IIS and nginx configurations it prints (serverConfigs.ts), so the three cannot drift.
 *
 * - Content-Security-Policy: a page's own policy (the `<meta http-equiv>` the build writes into it,
 *   which differs between Office.js from the CDN and Office.js served with the add-in), plus
 *   `frame-ancestors`, which a meta element cannot carry: only Office may frame the pages.
 * - Caching: pages, the manifest and the style sheets are revalidated on every load, so a new
 *   build is seen at once; bundles whose name carries a content hash never change and are kept a
 *   year; everything else (icons, a copy of Office.js) a day.
 * - MIME types from the extension, never sniffed.
 */

/**
 * Where Office frames add-in pages: Excel on the web and Microsoft 365's domains. Desktop Excel
 * opens the pane as a top-level page, where frame-ancestors does not apply. An on-premises Office
 * Online Server is added with `--frame-ancestor https://oos.example.vn`.
 */
export const OFFICE_FRAME_ANCESTORS: ReadonlyArray<string> = [
  "'self'",
  'https://*.officeapps.live.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
  'https://*.sharepoint.com',
];

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

export const CACHE = {
  /** Pages, the manifest, style sheets: always ask the server whether they changed. */
  revalidate: 'no-cache',
  /** `taskpane.1a2b3c4d.js`: a new build has a new name. */
  immutable: 'public, max-age=31536000, immutable',
  /** Icons and the copy of Office.js. */
  day: 'public, max-age=86400',
} as const;

/** Sent with every file. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=31536000',
};

/** Which caching a file gets, by its path inside the served folder (forward slashes). */
export function cacheClass(path: string): keyof typeof CACHE {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (/\.(html|xml|css)$/i.test(name)) return 'revalidate';
  if (/\.[0-9a-f]{8}\.js$/i.test(name) && !path.includes('/')) return 'immutable';
  return 'day';
}

export function mimeType(path: string): string {
  const dot = path.lastIndexOf('.');
  return (dot >= 0 && MIME_TYPES[path.slice(dot).toLowerCase()]) || 'application/octet-stream';
}

/** The policy of a page as its `<meta http-equiv="Content-Security-Policy">` says, or undefined. */
export function metaPolicy(html: string): string | undefined {
  const meta = /<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i.exec(html)?.[0];
  const content = meta && /\scontent=(?:"([^"]*)"|'([^']*)')/i.exec(meta);
  return content
    ? (content[1] ?? content[2])
        .replace(/&#39;|&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .trim()
    : undefined;
}

/** The header form of a page's policy: its own directives, then who may frame it. */
export function pagePolicy(policy: string | undefined, frameAncestors: ReadonlyArray<string> = OFFICE_FRAME_ANCESTORS): string {
  const own = (policy ?? "default-src 'self'").replace(/;\s*$/, '');
  return `${own}; frame-ancestors ${frameAncestors.join(' ')}`;
}

/** Every header for a file: `policy` is the page's meta policy (HTML only). */
export function headersFor(path: string, policy?: string, frameAncestors?: ReadonlyArray<string>): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': mimeType(path), 'Cache-Control': CACHE[cacheClass(path)], ...COMMON_HEADERS };
  if (/\.html$/i.test(path)) headers['Content-Security-Policy'] = pagePolicy(policy, frameAncestors);
  return headers;
}

import { CACHE, cacheClass, COMMON_HEADERS, MIME_TYPES, OFFICE_FRAME_ANCESTORS, pagePolicy } from './headers';

/**
 * IIS (`web.config`) and nginx configurations that send what `pledge-check serve` sends, made from
 * the same headers.ts, for a unit whose intranet already has one of those servers. `files` are the
 * built folder's files (paths with forward slashes): IIS cannot match file names by pattern without
 * its URL Rewrite module, so its configuration names the pages and bundles of this build, and is
 * made again with each build. `policy` is the pages' own policy (one per build).
 */
export interface ConfigInput {
  readonly files: ReadonlyArray<string>;
  readonly policy: string;
  readonly frameAncestors?: ReadonlyArray<string>;
}

const headerLines = (headers: Record<string, string>, line: (name: string, value: string) => string) => Object.entries(headers).map(([n, v]) => line(n, v));

/** Headers beyond Content-Type for a class of files, as the server sends them. */
function classHeaders(kind: keyof typeof CACHE, html: boolean, input: ConfigInput): Record<string, string> {
  return {
    'Cache-Control': CACHE[kind],
    ...COMMON_HEADERS,
    ...(html ? { 'Content-Security-Policy': pagePolicy(input.policy, input.frameAncestors ?? OFFICE_FRAME_ANCESTORS) } : {}),
  };
}

export function nginxConfig(input: ConfigInput): string {
  const q = (v: string) => `"${v.replace(/(["\\])/g, '\\$1')}"`;
  const block = (match: string, headers: Record<string, string>) =>
    [`    location ${match} {`, ...headerLines(headers, (n, v) => `        add_header ${n} ${q(v)} always;`), '    }'].join('\n');
  const types = Object.entries(MIME_TYPES).map(([ext, type]) => `        ${type.split(';')[0]} ${ext.slice(1)};`);
  const charsetTypes = [
    ...new Set(
      Object.values(MIME_TYPES)
        .filter((t) => t.includes('charset'))
        .map((t) => t.split(';')[0]),
    ),
  ];
  return [
    '# Pledge Check — made by `pledge-check serve <folder> --print-config nginx`; the same headers as `pledge-check serve`.',
    'server {',
    '    listen 443 ssl;',
    '    server_name pledge-check.example.vn;            # the host name in ADDIN_PUBLIC_URL',
    '    ssl_certificate     /etc/ssl/pledge-check.crt;',
    '    ssl_certificate_key /etc/ssl/pledge-check.key;',
    '    root /srv/pledge-check;                         # the built dist-addin/ folder',
    '    disable_symlinks on;                            # never follow a link out of the folder',
    '    autoindex off;',
    '    types {',
    ...types,
    '    }',
    '    default_type application/octet-stream;',
    '    charset utf-8;',
    `    charset_types ${charsetTypes.join(' ')};`,
    '    location ~ /\\. { return 404; }',
    '    location = / { return 302 /taskpane.html; }',
    block('~* \\.html$', classHeaders('revalidate', true, input)),
    block('~* \\.(xml|css)$', classHeaders('revalidate', false, input)),
    block('~* ^/[^/]+\\.[0-9a-f]{8}\\.js$', classHeaders('immutable', false, input)),
    block('/', classHeaders('day', false, input)),
    '}',
  ].join('\n');
}

export function iisConfig(input: ConfigInput): string {
  const x = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const custom = (headers: Record<string, string>, indent: string) =>
    headerLines(headers, (n, v) => `${indent}<remove name="${n}" />\n${indent}<add name="${n}" value="${x(v)}" />`).join('\n');
  const mime = Object.entries(MIME_TYPES)
    .map(([ext, type]) => `      <remove fileExtension="${ext}" />\n      <mimeMap fileExtension="${ext}" mimeType="${x(type)}" />`)
    .join('\n');
  const special = input.files.filter((f) => cacheClass(f) !== 'day').sort();
  const locations = special.map((f) => {
    const headers = classHeaders(cacheClass(f), /\.html$/i.test(f), input);
    delete (headers as Record<string, string>)['X-Content-Type-Options'];
    delete (headers as Record<string, string>)['Referrer-Policy'];
    delete (headers as Record<string, string>)['Strict-Transport-Security'];
    return [
      `  <location path="${x(f)}">`,
      '    <system.webServer>',
      '      <httpProtocol>',
      '        <customHeaders>',
      custom(headers, '          '),
      '        </customHeaders>',
      '      </httpProtocol>',
      '    </system.webServer>',
      '  </location>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- Pledge Check: made by `pledge-check serve <folder> --print-config iis` for this build (it names its bundles);',
    '     the same headers as `pledge-check serve`. Put it in the served folder. -->',
    '<configuration>',
    '  <system.webServer>',
    '    <staticContent>',
    mime,
    '    </staticContent>',
    '    <defaultDocument enabled="true">',
    '      <files>',
    '        <clear />',
    '        <add value="taskpane.html" />',
    '      </files>',
    '    </defaultDocument>',
    '    <directoryBrowse enabled="false" />',
    '    <security>',
    '      <requestFiltering allowDoubleEscaping="false">',
    '        <hiddenSegments>',
    '          <add segment=".git" />',
    '        </hiddenSegments>',
    '      </requestFiltering>',
    '    </security>',
    '    <httpProtocol>',
    '      <customHeaders>',
    custom(classHeaders('day', false, input), '        '),
    '      </customHeaders>',
    '    </httpProtocol>',
    '  </system.webServer>',
    ...locations,
    '</configuration>',
  ].join('\n');
}

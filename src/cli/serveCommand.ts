import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, relative, sep } from 'path';
import { Server } from 'https';
import { metaPolicy, OFFICE_FRAME_ANCESTORS } from '../serve/headers';
import { iisConfig, nginxConfig } from '../serve/serverConfigs';
import { createStaticServer } from '../serve/staticServer';
import { EXIT, Io } from './io';
import { errorKind } from '../words/localizedError';

/**
 * `pledge-check serve <folder> --cert <pem> --key <pem> [--port 443] [--host 0.0.0.0]
 *  [--frame-ancestor <origin>]… [--print-config nginx|iis]`: serves the built add-in (dist-addin/)
 * over HTTPS on an intranet, or prints an nginx or IIS configuration with the same headers.
 * Its own arguments, so the rest of the CLI is untouched; Vietnamese messages first.
 */
export interface ServeArgs {
  readonly folder: string;
  readonly cert?: string;
  readonly key?: string;
  readonly port: number;
  readonly host: string;
  readonly frameAncestors: string[];
  readonly printConfig?: 'nginx' | 'iis';
}

/** A command line that cannot be run: one sentence in each language. */
export const ServeUsageError = errorKind('serve-usage', 'ServeUsageError');
export type ServeUsageError = InstanceType<typeof ServeUsageError>;

export function parseServeArgs(argv: ReadonlyArray<string>): ServeArgs {
  let folder: string | undefined;
  const values = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (!['--cert', '--key', '--port', '--host', '--frame-ancestor', '--print-config', '--lang'].includes(name)) {
        throw new ServeUsageError(`không có tùy chọn ${name}`, `unknown option ${name}`);
      }
      const value = inline ?? argv[++i];
      if (value === undefined) throw new ServeUsageError(`${name} cần một giá trị`, `${name} needs a value`);
      values.set(name, [...(values.get(name) ?? []), value]);
    } else if (folder === undefined) folder = a;
    else throw new ServeUsageError(`chỉ phục vụ một thư mục, thừa "${a}"`, `serve takes one folder, not also "${a}"`);
  }
  if (!folder) throw new ServeUsageError('thiếu thư mục cần phục vụ (ví dụ dist-addin/)', 'the folder to serve is missing (e.g. dist-addin/)');
  const one = (n: string) => values.get(n)?.at(-1);
  const port = Number(one('--port') ?? 443);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ServeUsageError(`cổng không hợp lệ: ${one('--port')}`, `not a port: ${one('--port')}`);
  const printConfig = one('--print-config');
  if (printConfig !== undefined && printConfig !== 'nginx' && printConfig !== 'iis') {
    throw new ServeUsageError(`--print-config là nginx hoặc iis, không phải "${printConfig}"`, `--print-config is nginx or iis, not "${printConfig}"`);
  }
  for (const origin of values.get('--frame-ancestor') ?? []) {
    if (!/^https:\/\/[\w*.-]+(:\d+)?$/.test(origin))
      throw new ServeUsageError(
        `--frame-ancestor phải là một nguồn https như https://oos.example.vn, không phải "${origin}"`,
        `--frame-ancestor must be an https origin such as https://oos.example.vn, not "${origin}"`,
      );
  }
  if (!printConfig && (!one('--cert') || !one('--key'))) {
    throw new ServeUsageError(
      'cần --cert và --key (tệp PEM): Office chỉ nạp phần bổ trợ qua HTTPS',
      'needs --cert and --key (PEM files): Office loads add-ins over HTTPS only',
    );
  }
  return {
    folder,
    cert: one('--cert'),
    key: one('--key'),
    port,
    host: one('--host') ?? '0.0.0.0',
    frameAncestors: values.get('--frame-ancestor') ?? [],
    ...(printConfig ? { printConfig } : {}),
  };
}

/** Every file of the folder, with forward slashes, dot-files left out (they are never served). */
function filesOf(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(root, p).split(sep).join('/'));
    }
  };
  walk(root);
  return out;
}

/** Starts the server (resolves once it listens) or prints a configuration; problems are one sentence and exit 2. */
export async function serveCommand(argv: ReadonlyArray<string>, io: Io, onListening: (server: Server) => void = () => undefined): Promise<number> {
  const lang = argv.includes('--lang=en') || argv[argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'vi';
  const say = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  let args: ServeArgs;
  try {
    args = parseServeArgs(argv);
  } catch (e) {
    if (!(e instanceof ServeUsageError)) throw e;
    io.err(`${say('Lỗi cách dùng', 'Usage error')}: ${say(e.vi, e.en)}.`);
    return EXIT.badInput;
  }
  if (!existsSync(join(args.folder, 'taskpane.html'))) {
    io.err(
      say(
        `Thư mục ${args.folder} không có bản dựng của phần bổ trợ (taskpane.html): hãy chạy npm run build trước.`,
        `${args.folder} holds no add-in build (taskpane.html): run npm run build first.`,
      ),
    );
    return EXIT.badInput;
  }
  const ancestors = [...OFFICE_FRAME_ANCESTORS, ...args.frameAncestors];
  if (args.printConfig) {
    const policy = metaPolicy(readFileSync(join(args.folder, 'taskpane.html'), 'utf8')) ?? "default-src 'self'";
    const input = { files: filesOf(args.folder), policy, frameAncestors: ancestors };
    io.out(args.printConfig === 'nginx' ? nginxConfig(input) : iisConfig(input));
    return EXIT.ok;
  }
  let cert: Buffer;
  let key: Buffer;
  try {
    cert = readFileSync(args.cert!);
    key = readFileSync(args.key!);
  } catch (e) {
    io.err(say(`Không đọc được chứng chỉ hoặc khóa: ${(e as Error).message}.`, `Cannot read the certificate or key: ${(e as Error).message}.`));
    return EXIT.badInput;
  }
  let server: Server;
  try {
    server = createStaticServer({ root: args.folder, cert, key, frameAncestors: ancestors });
  } catch (e) {
    io.err(say(`Chứng chỉ hoặc khóa không dùng được: ${(e as Error).message}.`, `The certificate or key cannot be used: ${(e as Error).message}.`));
    return EXIT.badInput;
  }
  return new Promise<number>((resolve) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      io.err(
        e.code === 'EADDRINUSE'
          ? say(`Cổng ${args.port} đang được dùng.`, `Port ${args.port} is already in use.`)
          : e.code === 'EACCES'
            ? say(
                `Không được mở cổng ${args.port} (cổng dưới 1024 cần quyền quản trị).`,
                `Not allowed to open port ${args.port} (ports below 1024 need administrator rights).`,
              )
            : say(`Không mở được máy chủ: ${e.message}.`, `Cannot start the server: ${e.message}.`),
      );
      resolve(EXIT.badInput);
    });
    server.listen(args.port, args.host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : args.port;
      io.out(
        say(
          `Đang phục vụ ${args.folder} tại https://${args.host}:${port}/ (Ctrl+C để dừng).`,
          `Serving ${args.folder} at https://${args.host}:${port}/ (Ctrl+C to stop).`,
        ),
      );
      onListening(server);
    });
    const stop = () => {
      server.close();
      server.closeAllConnections(); // browsers keep connections open; Ctrl+C should not wait for them
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    server.once('close', () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(EXIT.ok);
    });
  });
}

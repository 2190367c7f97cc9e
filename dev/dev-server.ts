import { readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * A small `node:http` server that mounts every `api/**` handler at the path Vercel would give it
 * (`api/jobs/expire-offer.ts` → `/api/jobs/expire-offer`) and calls its `fetch` with a web `Request`, as
 * Vercel's Node runtime does. Local development only; tests/vercel-launcher.test.ts checks the real thing.
 */
const apiRoot = fileURLToPath(new URL('../api', import.meta.url));

function discoverRoutes(root = apiRoot): Map<string, string> {
  const routes = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        const route = `/api/${relative(root, full)
          .split(sep)
          .join('/')
          .replace(/\.(ts|js)$/, '')}`;
        routes.set(route, full);
      }
    }
  };
  walk(root);
  return routes;
}

type FetchHandler = { fetch(request: Request): Promise<Response> };

/** The Node request as the web `Request` Vercel hands a `fetch` handler; the body streams through untouched. */
function toRequest(req: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
      headers.append(name, one);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: 'half',
  } as RequestInit);
}

async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.end(Buffer.from(await response.arrayBuffer()));
}

export type ExtraRoute = (req: IncomingMessage, res: ServerResponse) => Promise<boolean> | boolean;

export interface DevServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Starts the server; `extra` may serve other paths first (the sandbox page) and returns true if it did. */
export async function startDevServer(
  port: number,
  extra?: ExtraRoute,
  host = '127.0.0.1',
): Promise<DevServer> {
  const routes = discoverRoutes();
  const handlers = new Map<string, Promise<FetchHandler>>();
  const load = (file: string) => {
    let handler = handlers.get(file);
    if (!handler) {
      handler = import(pathToFileURL(file).href).then((mod) => mod.default as FetchHandler);
      handlers.set(file, handler);
    }
    return handler;
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const { pathname } = url;
    try {
      if (extra && (await extra(req, res))) return;
      const file = routes.get(pathname.replace(/\/+$/, ''));
      if (!file) {
        res.statusCode = 404;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ error: 'not found', routes: [...routes.keys()] }));
        return;
      }
      await sendResponse(res, await (await load(file)).fetch(toRequest(req, url)));
    } catch (error) {
      console.error(
        JSON.stringify({ level: 'error', event: 'dev_server_error', path: pathname, error: String(error) }),
      );
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

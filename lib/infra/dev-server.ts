import { readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ApiHandler } from '../http/node.js';

/**
 * A small `node:http` server that mounts every `api/**` handler at the path Vercel would give it
 * (`api/jobs/expire-offer.ts` → `/api/jobs/expire-offer`), with the few request/response helpers
 * Vercel's Node runtime adds. Local development only.
 */
const apiRoot = fileURLToPath(new URL('../../api', import.meta.url));

export function discoverRoutes(root = apiRoot): Map<string, string> {
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

type VercelishResponse = ServerResponse & {
  status(code: number): VercelishResponse;
  json(body: unknown): VercelishResponse;
  send(body: unknown): VercelishResponse;
};

function withHelpers(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  Object.assign(req, { query: Object.fromEntries(url.searchParams), cookies: {} });
  const vres = res as VercelishResponse;
  vres.status = (code) => {
    res.statusCode = code;
    return vres;
  };
  vres.json = (body) => {
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(body));
    return vres;
  };
  vres.send = (body) => {
    res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
    return vres;
  };
  return { pathname: url.pathname };
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
  const handlers = new Map<string, Promise<ApiHandler>>();
  const load = (file: string) => {
    let handler = handlers.get(file);
    if (!handler) {
      handler = import(pathToFileURL(file).href).then((mod) => mod.default as ApiHandler);
      handlers.set(file, handler);
    }
    return handler;
  };

  const server = createServer(async (req, res) => {
    const { pathname } = withHelpers(req, res);
    try {
      if (extra && (await extra(req, res))) return;
      const file = routes.get(pathname.replace(/\/+$/, ''));
      if (!file) {
        res.statusCode = 404;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ error: 'not found', routes: [...routes.keys()] }));
        return;
      }
      await (await load(file))(req, res);
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

import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * A local stand-in for Neon's SQL-over-HTTP proxy, so `@neondatabase/serverless` (and drizzle's neon-http
 * driver on top of it) runs unchanged against a local Postgres or PGlite. Point the driver at it with
 * `neonConfig.fetchEndpoint = endpoint.fetchEndpoint`.
 *
 * The protocol, as the driver (1.x) speaks it:
 * - `POST /sql`, body `{ query, params }` or `{ queries: [{ query, params }, …] }` (a batch, run in one
 *   transaction); params arrive already serialised to text (or null).
 * - headers `Neon-Connection-String` (required), `Neon-Raw-Text-Output: true` (values come back as
 *   Postgres text, the driver parses them), `Neon-Array-Mode: true` (rows as arrays), and for batches
 *   `Neon-Batch-Isolation-Level`, `Neon-Batch-Read-Only`, `Neon-Batch-Deferrable`.
 * - 200 with `{ command, rowCount, fields: [{ name, dataTypeID, … }], rows, rowAsArray }`, or for a batch
 *   `{ results: [that, …] }`; a Postgres error is 400 with `{ message, code, detail, constraint, … }`.
 *
 * Only raw text output is served (the driver always asks for it); every statement uses the extended
 * protocol, so a string with several statements fails as it does on Neon.
 */

interface SqlField {
  name: string;
  dataTypeID: number;
  tableID: number;
  columnID: number;
  dataTypeSize: number;
  dataTypeModifier: number;
  format: string;
}

interface RawResult {
  command: string;
  rowCount: number | null;
  fields: SqlField[];
  /** Every value as Postgres sent it in text form, or null. */
  rows: Array<Array<string | null>>;
}

type RunQuery = (text: string, params: unknown[]) => Promise<RawResult>;

interface BatchOptions {
  isolationLevel?: string;
  readOnly?: boolean;
  deferrable?: boolean;
}

/** Where the endpoint runs SQL: one statement at a time, or several in one transaction. */
export interface SqlBackend {
  query: RunQuery;
  transaction<T>(options: BatchOptions, run: (query: RunQuery) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

interface RecordedRequest {
  headers: IncomingHttpHeaders;
  body: { query?: string; params?: unknown[]; queries?: Array<{ query: string; params?: unknown[] }> };
}

export interface NeonSqlEndpoint {
  url: string;
  /** For `neonConfig.fetchEndpoint`: every host is served here; the hosts asked for are recorded. */
  fetchEndpoint: (host: string) => string;
  hosts: string[];
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const isolationLevels: Record<string, string> = {
  ReadUncommitted: 'READ UNCOMMITTED',
  ReadCommitted: 'READ COMMITTED',
  RepeatableRead: 'REPEATABLE READ',
  Serializable: 'SERIALIZABLE',
};

function beginStatement(options: BatchOptions): string {
  const parts = ['BEGIN'];
  if (options.isolationLevel) {
    const level = isolationLevels[options.isolationLevel];
    if (!level) throw new RequestError(`invalid Neon-Batch-Isolation-Level: ${options.isolationLevel}`);
    parts.push(`ISOLATION LEVEL ${level}`);
  }
  if (options.readOnly) parts.push('READ ONLY');
  if (options.deferrable) parts.push('DEFERRABLE');
  return parts.join(' ');
}

class RequestError extends Error {}

/** Fields Neon reports for a Postgres error (the driver copies these onto its NeonDbError). */
const errorFields = [
  'severity',
  'code',
  'detail',
  'hint',
  'position',
  'internalPosition',
  'internalQuery',
  'where',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'file',
  'line',
  'routine',
] as const;

function errorBody(error: unknown): Record<string, unknown> {
  const body: Record<string, unknown> = { message: error instanceof Error ? error.message : String(error) };
  if (error && typeof error === 'object') {
    for (const field of errorFields) {
      const value = (error as Record<string, unknown>)[field];
      if (value !== undefined) body[field] = value;
    }
  }
  return body;
}

function shapeResult(result: RawResult, arrayMode: boolean) {
  const rows = arrayMode
    ? result.rows
    : result.rows.map((row) => Object.fromEntries(result.fields.map((f, i) => [f.name, row[i] ?? null])));
  return { ...result, rows, rowAsArray: arrayMode };
}

export async function startNeonSqlEndpoint(backend: SqlBackend): Promise<NeonSqlEndpoint> {
  const requests: RecordedRequest[] = [];
  const hosts: string[] = [];

  async function answer(headers: IncomingHttpHeaders, raw: string): Promise<unknown> {
    const connection = headers['neon-connection-string'];
    if (typeof connection !== 'string' || !/^postgres(ql)?:\/\//.test(connection)) {
      throw new RequestError('missing or invalid Neon-Connection-String header');
    }
    if (headers['neon-raw-text-output'] !== 'true') {
      throw new RequestError('this endpoint serves only Neon-Raw-Text-Output: true');
    }
    const arrayMode = headers['neon-array-mode'] === 'true';
    const body = JSON.parse(raw) as RecordedRequest['body'];
    requests.push({ headers, body });

    if (Array.isArray(body.queries)) {
      const queries = body.queries;
      const options: BatchOptions = {
        isolationLevel: headers['neon-batch-isolation-level'] as string | undefined,
        readOnly: headers['neon-batch-read-only'] === 'true',
        deferrable: headers['neon-batch-deferrable'] === 'true',
      };
      const results = await backend.transaction(options, async (query) => {
        const out: RawResult[] = [];
        for (const q of queries) out.push(await query(q.query, q.params ?? []));
        return out;
      });
      return { results: results.map((r) => shapeResult(r, arrayMode)) };
    }
    if (typeof body.query !== 'string') throw new RequestError('body needs "query" or "queries"');
    return shapeResult(await backend.query(body.query, body.params ?? []), arrayMode);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (req.method !== 'POST' || req.url !== '/sql') {
        reply(404, { message: 'not found' });
        return;
      }
      answer(req.headers, Buffer.concat(chunks).toString('utf8')).then(
        (payload) => reply(200, payload),
        (error: unknown) => reply(400, errorBody(error)),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sql`;

  return {
    url,
    hosts,
    requests,
    fetchEndpoint: (host: string) => {
      hosts.push(host);
      return url;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
      await backend.close();
    },
  };
}

/** A real Postgres behind the endpoint. pg parses nothing (every type parser is the identity). */
export function pgSqlBackend(connectionString: string): SqlBackend {
  const raw = (value: string) => value;
  const pool = new pg.Pool({
    connectionString,
    max: 4,
    types: { getTypeParser: (() => raw) as unknown as typeof pg.types.getTypeParser },
  });
  pool.on('error', () => {});
  const runOn =
    (client: pg.Pool | pg.PoolClient): RunQuery =>
    async (text, params) => {
      // Extended protocol for every statement, as Neon uses: several statements in one string fail.
      const config = { text, values: params, rowMode: 'array', queryMode: 'extended' };
      const result = await client.query(config as pg.QueryArrayConfig);
      return {
        command: result.command,
        rowCount: result.rowCount,
        fields: result.fields.map((f) => ({ ...f })),
        rows: result.rows as Array<Array<string | null>>,
      };
    };
  return {
    query: runOn(pool),
    async transaction(options, run) {
      const client = await pool.connect();
      try {
        await client.query(beginStatement(options));
        const out = await run(runOn(client));
        await client.query('COMMIT');
        return out;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

const dml = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'BEGIN', 'COMMIT', 'ROLLBACK']);

/**
 * PGlite behind the endpoint. PGlite parses by type id (its own table merged with ours), so we pass an
 * identity parser for every type in pg_type, refreshed after DDL (new enums and their array types), and an
 * identity serialiser so params go in as the text the driver sent.
 */
export function pgliteSqlBackend(client: PGlite, { closeClient = false } = {}): SqlBackend {
  const asText = new Proxy({} as Record<number, (value: unknown) => string>, {
    get: () => (value: unknown) => String(value),
  });
  let parsers: Record<number, (value: string) => string> | undefined;

  const loadParsers = async (q: PGlite | Transaction) => {
    const { rows } = await q.query<{ oid: number }>('select oid::int as oid from pg_type');
    parsers = Object.fromEntries(rows.map((r) => [r.oid, (value: string) => value]));
    return parsers;
  };
  const runOn =
    (q: PGlite | Transaction): RunQuery =>
    async (text, params) => {
      const result = await q.query<Array<string | null>>(text, params, {
        rowMode: 'array',
        parsers: parsers ?? (await loadParsers(q)),
        serializers: asText,
      });
      const { command = '' } = result as { command?: string };
      if (!dml.has(command)) parsers = undefined;
      return {
        command,
        rowCount: (result as { rowCount?: number }).rowCount ?? result.affectedRows ?? null,
        fields: result.fields.map((f) => ({
          name: f.name,
          dataTypeID: f.dataTypeID,
          tableID: 0,
          columnID: 0,
          dataTypeSize: -1,
          dataTypeModifier: -1,
          format: 'text',
        })),
        rows: result.rows,
      };
    };
  return {
    query: runOn(client),
    transaction: (options, run) =>
      client.transaction(async (tx) => {
        // PGlite's transaction() has already sent BEGIN; the batch's options apply to it from here.
        const characteristics = beginStatement(options).replace(/^BEGIN ?/, '');
        if (characteristics) await tx.query(`SET TRANSACTION ${characteristics}`);
        return run(runOn(tx));
      }),
    close: async () => {
      if (closeClient) await client.close();
    },
  };
}

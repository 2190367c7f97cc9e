/**
 * Web-standard request/response helpers for the `api/*` functions. Vercel's Node runtime hands a
 * `fetch`-style handler the body untouched; a Node-style `(req, res)` handler would find the stream already
 * drained by Vercel's request helpers. Signatures (QStash) need the exact bytes, so the body is read as text.
 */
const MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLargeError extends Error {
  constructor() {
    super('request body too large');
    this.name = 'BodyTooLargeError';
  }
}

/** The raw body as UTF-8 text, refusing more than `max` bytes without buffering them. */
async function readBodyText(request: Request, max = MAX_BODY_BYTES): Promise<string> {
  if (!request.body) return '';
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > max) throw new BodyTooLargeError();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function jsonResponse({ status, body }: { status: number; body: unknown }): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

export interface Outcome {
  status: number;
  body: Record<string, unknown>;
}

/**
 * An `api/*` function: `export default route(async (request) => outcome)`. Vercel's Node runtime (and the
 * dev server) call `fetch`; the outcome becomes a JSON response, an oversized body a 413. A handler that
 * answers with something else than JSON (an image) returns its own `Response`.
 */
export function route(handle: (request: Request) => Promise<Outcome | Response>): {
  fetch(request: Request): Promise<Response>;
} {
  return {
    async fetch(request) {
      try {
        const outcome = await handle(request);
        return outcome instanceof Response ? outcome : jsonResponse(outcome);
      } catch (error) {
        if (error instanceof BodyTooLargeError)
          return jsonResponse({ status: 413, body: { error: error.message } });
        throw error;
      }
    },
  };
}

export const header = (request: Request, name: string) => request.headers.get(name) ?? undefined;

/** The body of a POST (signatures are checked on these exact bytes); other methods carry none. */
export const postBody = (request: Request) =>
  request.method === 'POST' ? readBodyText(request) : Promise.resolve('');

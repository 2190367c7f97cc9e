import { createHash, createHmac, randomUUID } from 'node:crypto';

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** A JWT exactly as QStash signs a delivery: HS256, iss "Upstash", sub = URL, body = sha256 of the raw body. */
export function qstashSignature(
  rawBody: string,
  url: string,
  key: string,
  { expiresIn = 300, issuer = 'Upstash' }: { expiresIn?: number; issuer?: string } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const claims = base64url(
    JSON.stringify({
      iss: issuer,
      sub: url,
      exp: now + expiresIn,
      nbf: now - 5,
      iat: now,
      jti: randomUUID(),
      body: base64url(createHash('sha256').update(rawBody).digest()),
    }),
  );
  const signature = base64url(createHmac('sha256', key).update(`${header}.${claims}`).digest());
  return `${header}.${claims}.${signature}`;
}

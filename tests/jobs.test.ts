import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offers, reservations } from '../db/schema.js';
import { type DevServer, startDevServer } from '../dev/dev-server.js';
import { checkCronAuth } from '../lib/http/jobs.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { setRuntime } from '../lib/runtime.js';
import { createTestApp, PUBLIC_URL, QSTASH_KEYS, type TestApp } from './support/app.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { qstashSignature } from './support/qstash-sign.js';
import { storeLabel } from './support/stores.js';
import { textUpdate } from './support/updates.js';

const JOB_URL = `${PUBLIC_URL}/api/jobs/expire-offer`;

describe(`signed job endpoints (${storeLabel})`, () => {
  let app: TestApp;
  let server: DevServer;
  let offerId: number;

  beforeAll(async () => {
    app = await createTestApp({ CRON_SECRET: 'cron-secret-for-tests-0123' }, { qstash: true });
    setRuntime(app.runtime);
    server = await startDevServer(0);
    offerId = await overdueOffer();
  });
  afterAll(async () => {
    await server.close();
    await app.close();
  });

  const postJob = (rawBody: string, signature?: string) =>
    fetch(`${server.url}/api/jobs/expire-offer`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature ? { 'upstash-signature': signature } : {}),
      },
      body: rawBody,
    });

  /** An offer whose pickup window ended a minute ago, with one reservation never picked up. */
  async function overdueOffer() {
    const { ownerId } = await verifiedVenue(app.deps.db);
    const past = new Date(Date.now() - 2 * 3_600_000);
    const offer = await liveOffer(app.deps.db, ownerId, { now: past, hours: 2 - 1 / 60 });
    await reserve(app.deps.db, {
      idempotencyKey: newKey(),
      customer: { id: 3131, firstName: 'Late' },
      offerId: offer.id,
      itemId: offer.items[0]!.id,
      quantity: 1,
      currency: 'EUR',
      now: past,
    });
    // Another customer's pickup was confirmed that day, so the no-show counts and its holder is told (issue 14).
    const collected = await reserve(app.deps.db, {
      idempotencyKey: newKey(),
      customer: { id: 3132, firstName: 'Early' },
      offerId: offer.id,
      itemId: offer.items[0]!.id,
      quantity: 1,
      currency: 'EUR',
      now: past,
    });
    await app.deliver(textUpdate({ id: ownerId, first_name: 'Owner' }, `/pickup ${collected.pickupCode}`));
    return offer.id;
  }

  const statusOf = async (id: number) =>
    (await app.deps.db.select({ status: offers.status }).from(offers).where(eq(offers.id, id)))[0]!.status;

  it.each([
    ['a wrong key', (body: string) => qstashSignature(body, JOB_URL, 'not-the-key')],
    [
      'a tampered body',
      (body: string) => qstashSignature(body.replace('}', ', "x": 1}'), JOB_URL, QSTASH_KEYS.current),
    ],
    [
      'a wrong URL',
      (body: string) =>
        qstashSignature(body, 'https://evil.example/api/jobs/expire-offer', QSTASH_KEYS.current),
    ],
    [
      'an expired token',
      (body: string) => qstashSignature(body, JOB_URL, QSTASH_KEYS.current, { expiresIn: -60 }),
    ],
    [
      'another issuer',
      (body: string) => qstashSignature(body, JOB_URL, QSTASH_KEYS.current, { issuer: 'Someone' }),
    ],
    ['a missing signature', () => undefined],
  ])('refuses %s with 401 and changes nothing', async (_label, sign) => {
    const body = JSON.stringify({ offerId });
    const response = await postJob(body, sign(body));
    expect(response.status).toBe(401);
    expect(await statusOf(offerId)).toBe('active');
  });

  it('answers a signed but malformed payload with 400', async () => {
    const body = JSON.stringify({ offer: 'x' });
    expect((await postJob(body, qstashSignature(body, JOB_URL, QSTASH_KEYS.current))).status).toBe(400);
  });

  it('expires the offer with the current key, marks the no-show and tells the customer; a redelivery is a no-op', async () => {
    const body = JSON.stringify({ offerId });
    const response = await postJob(body, qstashSignature(body, JOB_URL, QSTASH_KEYS.current));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, expired: 1, noShows: 1 });
    expect(await statusOf(offerId)).toBe('expired');
    const [reservation] = await app.deps.db
      .select()
      .from(reservations)
      .where(and(eq(reservations.offerId, offerId), eq(reservations.customerId, 3131)));
    expect(reservation!.status).toBe('no_show');
    expect(app.telegram.sentTo(3131)).toHaveLength(1);

    const again = await postJob(body, qstashSignature(body, JOB_URL, QSTASH_KEYS.current));
    expect(await again.json()).toMatchObject({ ok: true, expired: 0 });
    expect(app.telegram.sentTo(3131)).toHaveLength(1);
  });

  it('accepts the next signing key (key rotation)', async () => {
    const another = await overdueOffer();
    const body = JSON.stringify({ offerId: another });
    const response = await postJob(body, qstashSignature(body, JOB_URL, QSTASH_KEYS.next));
    expect(response.status).toBe(200);
    expect(await statusOf(another)).toBe('expired');
  });

  it('treats a stale callback for an offer whose window is still open as a no-op', async () => {
    const { ownerId } = await verifiedVenue(app.deps.db);
    const open = await liveOffer(app.deps.db, ownerId, { hours: 2 });
    const body = JSON.stringify({ offerId: open.id });
    const response = await postJob(body, qstashSignature(body, JOB_URL, QSTASH_KEYS.current));
    expect(await response.json()).toMatchObject({ ok: true, expired: 0 });
    expect(await statusOf(open.id)).toBe('active');
  });

  it('runs the sweep only with the cron secret', async () => {
    const overdue = await overdueOffer();
    const sweep = (authorization?: string) =>
      fetch(`${server.url}/api/cron/sweep`, { headers: authorization ? { authorization } : {} });
    expect((await sweep()).status).toBe(401);
    expect((await sweep('Bearer wrong')).status).toBe(401);
    expect(await statusOf(overdue)).toBe('active');
    const response = await sweep('Bearer cron-secret-for-tests-0123');
    expect(response.status).toBe(200);
    expect(await statusOf(overdue)).toBe('expired');
  });
});

describe('cron authorization', () => {
  it.each([
    ['Bearer s3cret-s3cret-s3cret', 's3cret-s3cret-s3cret', true],
    ['Bearer wrong', 's3cret-s3cret-s3cret', false],
    ['s3cret-s3cret-s3cret', 's3cret-s3cret-s3cret', false],
    [undefined, 's3cret-s3cret-s3cret', false],
    ['Bearer ', undefined, false],
  ])('with header %s and secret %s allows: %s', (header, secret, allowed) => {
    expect(checkCronAuth(header, secret)).toBe(allowed);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeliverNotices } from '../lib/jobs/deliver-notices.js';
import { runSweep } from '../lib/jobs/expire-offer.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { noteError, raiseAlert } from '../lib/ops/alerts.js';
import { healthWithAlert } from '../lib/ops/health-alert.js';
import { createTestApp, manualClock, type TestApp } from './support/app.js';
import { switchableDatabase } from './support/faulty-stores.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { createTestDatabase, storeLabel } from './support/stores.js';
import { people, textUpdate } from './support/updates.js';

/**
 * Ops alerts reach every admin at most once per kind per 15 minutes. Time is a fake clock: the throttle
 * compares the clock's times, so moving it 15 minutes ahead is what lets the next alert through.
 */
const ADMINS = [people.admin.id, 9002];
const MINUTE = 60_000;

const alertsTo = (app: TestApp, adminId: number, words: string) =>
  app.telegram
    .sentTo(adminId)
    .filter((c) => c.method === 'sendMessage' && String(c.params.text).includes(words)).length;

describe(`ops alerts (${storeLabel})`, () => {
  let app: TestApp;
  let database: ReturnType<typeof switchableDatabase>;
  // Starts at the real time: notices are stamped by the database's clock, and the hour is measured from it.
  const clock = manualClock();
  const errors = async (count: number) => {
    for (let i = 0; i < count; i++) await noteError(app.deps, app.runtime.bot.telegram);
  };
  const piling = (adminId: number) => alertsTo(app, adminId, 'Errors are piling up');

  beforeAll(async () => {
    database = switchableDatabase(await createTestDatabase());
    app = await createTestApp(
      { ADMIN_TELEGRAM_IDS: ADMINS.join(','), RATE_LIMIT_MAX_REQUESTS: '1000' },
      { clock, database },
    );
  });
  afterAll(() => app.close());

  describe('errors piling up', () => {
    it('tells nobody about ten errors in a minute', async () => {
      await errors(10);
      expect(ADMINS.map(piling)).toEqual([0, 0]);
    });

    it('tells every admin once at the eleventh error in the same minute', async () => {
      await errors(1);
      expect(ADMINS.map(piling)).toEqual([1, 1]);
      expect(app.telegram.sentTo(ADMINS[0]!).at(-1)?.params.text).toContain('11 in the last minute');
    });

    it('tells nobody again while errors go on within 15 minutes of the alert', async () => {
      await errors(20);
      clock.advance(14 * MINUTE);
      await errors(11);
      expect(ADMINS.map(piling)).toEqual([1, 1]);
    });

    it('tells every admin again once 15 minutes have passed', async () => {
      clock.advance(MINUTE);
      await errors(11);
      expect(ADMINS.map(piling)).toEqual([2, 2]);
    });

    it('counts each minute on its own: ten errors in each of two minutes alert nobody', async () => {
      clock.advance(20 * MINUTE);
      await errors(10);
      clock.advance(MINUTE);
      await errors(10);
      expect(ADMINS.map(piling)).toEqual([2, 2]);
    });

    it('counts updates that fail on a database outage, through the webhook', async () => {
      clock.advance(20 * MINUTE);
      database.down = true;
      try {
        for (let i = 0; i < 11; i++) {
          expect((await app.deliver(textUpdate(people.alice, '/help'))).status).toBe(503);
        }
      } finally {
        database.down = false;
      }
      expect(ADMINS.map(piling)).toEqual([3, 3]);
    });
  });

  it('throttles each kind on its own: another kind goes out while errors are throttled', async () => {
    expect(await raiseAlert(app.deps, app.runtime.bot.telegram, { kind: 'errors', count: 99 })).toBe(false);
    expect(await raiseAlert(app.deps, app.runtime.bot.telegram, { kind: 'health', failing: ['redis'] })).toBe(
      true,
    );
    expect(ADMINS.map((id) => alertsTo(app, id, 'The health check fails'))).toEqual([1, 1]);
  });

  describe('the sweep finding offers a lost callback should have expired', () => {
    let ownerId: number;
    const lost = (id: number) => alertsTo(app, id, 'Expiry callbacks went missing');
    /** An offer whose pickup window ended `minutes` ago and that nothing expired. */
    const endedAgo = (minutes: number) =>
      liveOffer(app.deps.db, ownerId, {
        now: new Date(clock.now().getTime() - minutes * MINUTE),
        hours: 0.01,
      });

    beforeAll(async () => {
      ownerId = (await verifiedVenue(app.deps.db)).ownerId;
    });

    it('tells nobody about an offer whose callback may still be on its way', async () => {
      // A window that ended 36 seconds after "2 minutes ago": just over a minute past.
      await endedAgo(2);
      await runSweep(app.deps, app.runtime.bot.telegram);
      expect(ADMINS.map(lost)).toEqual([0, 0]);
    });

    it('tells every admin when the sweep expires an offer over ten minutes past its window', async () => {
      await endedAgo(30);
      await runSweep(app.deps, app.runtime.bot.telegram);
      expect(ADMINS.map(lost)).toEqual([1, 1]);
      expect(app.telegram.sentTo(ADMINS[0]!).at(-1)?.params.text).toContain('expire 1 offer whose');
    });

    it('tells nobody again within 15 minutes, however many more it finds', async () => {
      clock.advance(5 * MINUTE);
      await endedAgo(30);
      await endedAgo(40);
      await runSweep(app.deps, app.runtime.bot.telegram);
      expect(ADMINS.map(lost)).toEqual([1, 1]);
    });
  });

  it('tells every admin about notices still undelivered an hour after they were written', async () => {
    const { ownerId } = await verifiedVenue(app.deps.db);
    const offer = await liveOffer(app.deps.db, ownerId, { now: clock.now(), hours: 5 });
    await reserve(app.deps.db, {
      idempotencyKey: newKey(),
      customer: { id: people.bob.id, firstName: 'Bob' },
      offerId: offer.id,
      itemId: offer.items[0]!.id,
      quantity: 1,
      currency: 'EUR',
      now: clock.now(),
    });
    // Telegram fails both notices (the code to Bob, the heads-up to the venue): they stay pending.
    app.telegram.inject('sendMessage', { code: 502, description: 'Bad Gateway' }, 2);
    clock.advance(61 * MINUTE);
    await runDeliverNotices(app.deps, app.runtime.bot.telegram);
    expect(ADMINS.map((id) => alertsTo(app, id, 'not getting through'))).toEqual([1, 1]);
    expect(app.telegram.sentTo(ADMINS[0]!).at(-1)?.params.text).toContain('2 notices still undelivered');
  });

  describe('a failing health check', () => {
    const failing = (id: number) => alertsTo(app, id, 'The health check fails');

    it('answers 503 and tells every admin what fails', async () => {
      clock.advance(16 * MINUTE);
      database.down = true;
      try {
        const report = await healthWithAlert(Promise.resolve(app.runtime));
        expect(report.status).toBe(503);
      } finally {
        database.down = false;
      }
      expect(ADMINS.map(failing)).toEqual([2, 2]);
      expect(app.telegram.sentTo(ADMINS[0]!).at(-1)?.params.text).toContain('database (ECONNREFUSED)');
    });

    it('tells nobody again when the uptime check keeps failing for 15 minutes', async () => {
      database.down = true;
      try {
        for (let minute = 0; minute < 14; minute++) {
          clock.advance(MINUTE);
          await healthWithAlert(Promise.resolve(app.runtime));
        }
      } finally {
        database.down = false;
      }
      expect(ADMINS.map(failing)).toEqual([2, 2]);
    });

    it('sends nothing while the check passes', async () => {
      clock.advance(30 * MINUTE);
      expect((await healthWithAlert(Promise.resolve(app.runtime))).status).toBe(200);
      expect(ADMINS.map(failing)).toEqual([2, 2]);
    });
  });
});

import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, offers, venues } from '../db/schema.js';
import { type DevServer, startDevServer } from '../dev/dev-server.js';
import { setRuntime } from '../lib/runtime.js';
import { createTestApp, manualClock, QSTASH_KEYS, type TestApp } from './support/app.js';
import { buttonsOf, shown } from './support/chat.js';
import { verifiedVenue } from './support/fixtures.js';
import { qstashSignature } from './support/qstash-sign.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, messageUpdate, type Person, people, textUpdate } from './support/updates.js';

/** The venue's whole story through the bot's update surface, against the fake Bot API and fake QStash. */

const lastText = (app: TestApp, chatId: number) => {
  const calls = app.telegram.sentTo(chatId).filter((c) => typeof c.params.text === 'string');
  return String(calls.at(-1)?.params.text ?? '');
};

async function photoMessage(app: TestApp, person: Person) {
  const jpeg = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#c84' } })
    .jpeg()
    .toBuffer();
  const fileId = app.telegram.addFile(jpeg);
  return messageUpdate(person, {
    photo: [{ file_id: fileId, file_unique_id: 'u1', width: 1600, height: 1200, file_size: jpeg.length }],
  });
}

describe(`venue story (${storeLabel})`, () => {
  let app: TestApp;
  let server: DevServer;
  const clock = manualClock();
  const owner = people.owner;
  const admin = people.admin;
  const say = (person: Person, text: string) => app.deliver(textUpdate(person, text));
  const tap = (person: Person, data: string) => app.deliver(callbackUpdate(person, data));

  beforeAll(async () => {
    app = await createTestApp(
      { TIMEZONE: 'Europe/Berlin', RATE_LIMIT_MAX_REQUESTS: '1000' },
      { qstash: true, clock },
    );
    setRuntime(app.runtime);
    server = await startDevServer(0);
  });
  afterAll(async () => {
    await server.close();
    await app.close();
  });

  it('registers, gets verified, creates, publishes and manages an offer until it expires', async () => {
    await say(owner, '/register');
    expect(lastText(app, owner.id)).toContain('name');
    await say(owner, 'Olga’s Bakery');
    await say(owner, 'Bakery Lane 1, Berlin');
    await app.deliver(messageUpdate(owner, { location: { latitude: 52.52, longitude: 13.405 } }));
    await app.deliver(
      messageUpdate(owner, {
        contact: { phone_number: '+49301234567', first_name: 'Olga', user_id: owner.id },
      }),
    );
    await say(owner, 'Bread and pastries from today');
    await app.deliver(await photoMessage(app, owner));
    expect(lastText(app, owner.id)).toContain('waiting for verification');

    const [venue] = await app.deps.db.select().from(venues).where(eq(venues.ownerId, owner.id));
    expect(venue).toMatchObject({
      status: 'pending',
      name: 'Olga’s Bakery',
      latitude: 52.52,
      phone: '+49301234567',
    });
    expect(venue!.photoFileId).toBeTruthy();

    // Every admin is told: the venue's photo with its details and Verify / Reject buttons, then its map pin.
    const adminCard = app.telegram.sentTo(admin.id).find((c) => c.method === 'sendPhoto')!;
    expect(shown(adminCard)).toContain('Olga’s Bakery');
    expect(app.telegram.sentTo(admin.id).at(-1)).toMatchObject({
      method: 'sendVenue',
      params: { latitude: 52.52, longitude: 13.405, title: 'Olga’s Bakery' },
    });
    const verifyButton = buttonsOf(adminCard).find((b) => b.text.includes('Verify'))!;
    await tap(admin, verifyButton.callback_data!);
    expect(lastText(app, owner.id)).toContain('verified');
    const menu = app.telegram.callsTo('setMyCommands').at(-1)!;
    expect(menu.params.scope).toEqual({ type: 'chat', chat_id: owner.id });

    await say(owner, '/newoffer');
    await say(owner, 'Evening bakery bag');
    await say(owner, 'Bread bag, 10.00, 3.50, 4');
    await say(owner, 'Pastry box; 12,00; 5,00; 3');
    expect(lastText(app, owner.id)).toContain('2 items');
    await tap(owner, 'wiz:done');
    await say(owner, 'tomorrow 18:00-20:00');
    await app.deliver(await photoMessage(app, owner));
    expect(lastText(app, owner.id)).toContain('Evening bakery bag');
    await tap(owner, 'wiz:publish');
    expect(lastText(app, owner.id)).toContain('is live');

    const [offer] = await app.deps.db.select().from(offers).where(eq(offers.title, 'Evening bakery bag'));
    expect(offer).toMatchObject({ status: 'active', unitsAvailable: 7 });
    expect(offer!.photoFileId).toBeTruthy();
    // Publishing also schedules the followers' deal alerts (issue 14); the expiry is among the jobs.
    const scheduled = app.qstash!.messages.filter((m) => m.destination.endsWith('/expire-offer')).at(-1)!;
    expect(scheduled.destination).toBe('https://bot.example.test/api/jobs/expire-offer');
    expect(JSON.parse(scheduled.body)).toEqual({ offerId: offer!.id });
    expect(scheduled.notBefore).toBe(Math.ceil(offer!.pickupEnd.getTime() / 1000));

    await say(owner, `/pause ${offer!.id}`);
    expect(lastText(app, owner.id)).toContain('Paused');
    await tap(owner, `offer:resume:${offer!.id}`);
    expect(app.telegram.callsTo('answerCallbackQuery').at(-1)!.params.text).toContain('Live again');

    await say(owner, `/edit ${offer!.id}`);
    await tap(owner, 'edit:field:items');
    const bread = buttonsOf(app.telegram.sentTo(owner.id).at(-1)).find((b) => b.text === 'Bread bag')!;
    await tap(owner, bread.callback_data!);
    await say(owner, '-, 3.00, 6');
    expect(lastText(app, owner.id)).toContain('Saved');
    await tap(owner, 'edit:field:done');

    await say(owner, `/soldout ${offer!.id}`);
    expect(lastText(app, owner.id)).toContain('Mark <b>Evening bakery bag</b> sold out?');
    await tap(owner, `offer:confirm:soldout:${offer!.id}`);
    expect(lastText(app, owner.id)).toContain('sold out');
    const [soldOut] = await app.deps.db.select().from(offers).where(eq(offers.id, offer!.id));
    expect(soldOut).toMatchObject({ status: 'sold_out', unitsAvailable: 0 });

    // QStash delivers the scheduled callback once the pickup window is over: the offer expires.
    clock.set(new Date(offer!.pickupEnd.getTime() + 60_000));
    const delivery = await fetch(`${server.url}/api/jobs/expire-offer`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'upstash-signature': qstashSignature(scheduled.body, scheduled.destination, QSTASH_KEYS.current),
      },
      body: scheduled.body,
    });
    expect(delivery.status).toBe(200);
    const [expired] = await app.deps.db.select().from(offers).where(eq(offers.id, offer!.id));
    expect(expired!.status).toBe('expired');
    await say(owner, `/resume ${offer!.id}`);
    expect(lastText(app, owner.id)).toContain('expired');

    const actions = (await app.deps.db.select().from(auditLog).where(eq(auditLog.entityId, offer!.id))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'offer.created',
        'offer.publish',
        'offer.pause',
        'offer.resume',
        'offer.edit',
        'offer.sold_out',
      ]),
    );
  });

  it('tells the owner the reason when an admin rejects the venue', async () => {
    const applicant = people.otherOwner;
    await say(applicant, '/register');
    await say(applicant, 'Paul’s Pizza');
    await say(applicant, 'Somewhere 12');
    await say(applicant, 'Skip');
    await say(applicant, '+49 170 1234567');
    await say(applicant, 'Pizza slices at closing time');
    await say(applicant, 'Skip');
    const [venue] = await app.deps.db.select().from(venues).where(eq(venues.ownerId, applicant.id));
    await tap(admin, `venue:reject:${venue!.id}`);
    expect(lastText(app, admin.id)).toContain('Why are you rejecting');
    await say(admin, 'The address is incomplete');
    expect(lastText(app, applicant.id)).toContain('The address is incomplete');
    const [after] = await app.deps.db.select().from(venues).where(eq(venues.id, venue!.id));
    expect(after).toMatchObject({ status: 'rejected', rejectionReason: 'The address is incomplete' });
    await say(applicant, '/newoffer');
    expect(lastText(app, applicant.id)).toContain('not verified');
  });

  it('creates one offer when Publish is tapped twice at once', async () => {
    const venue = await verifiedVenue(app.deps.db);
    const quick: Person = { id: venue.ownerId, first_name: 'Quick' };
    await say(quick, '/newoffer');
    await say(quick, 'Double tap bag');
    await say(quick, 'Bread bag, 10.00, 3.50, 4');
    await tap(quick, 'wiz:done');
    await say(quick, 'tomorrow 18:00-20:00');
    await tap(quick, 'wiz:skip');
    // Two taps on the same summary card, delivered together: both read the wizard at its last step.
    await Promise.all([
      app.deliver(callbackUpdate(quick, 'wiz:publish', 4242)),
      app.deliver(callbackUpdate(quick, 'wiz:publish', 4242)),
    ]);
    const created = await app.deps.db.select().from(offers).where(eq(offers.venueId, venue.id));
    expect(created.map((o) => [o.title, o.status])).toEqual([['Double tap bag', 'active']]);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { venues } from '../db/schema.js';
import { registerVenue } from '../lib/marketplace/venues.js';
import { createTestApp, type TestApp } from './support/app.js';
import { buttonsOf, lastScreen, screens, shown, tapButton, trackMessages } from './support/chat.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people, textUpdate } from './support/updates.js';

/** /venue: the owner keeps the profile current; name and address go past an admin while everything keeps selling. */
describe(`venue profile (${storeLabel})`, () => {
  let app: TestApp;
  let messages: ReturnType<typeof trackMessages>;
  let owner: Person;
  let venueId: number;
  const { admin, alice } = people;

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' });
    messages = trackMessages(app);
    const venue = await verifiedVenue(app.deps.db, { name: 'Olga’s Bakery' });
    venueId = venue.id;
    owner = { id: venue.ownerId, first_name: 'Olga' };
    await liveOffer(app.deps.db, owner.id, { title: 'Evening bread bag' });
  });
  afterAll(() => app.close());

  const say = (person: Person, text: string) => app.deliver(textUpdate(person, text));
  const tap = (person: Person, prefix: string) => tapButton(app, messages, person, prefix);
  const lastText = (person: Person) => shown(lastScreen(app, person.id));
  const venue = async () => (await app.deps.db.select().from(venues).where(eq(venues.id, venueId)))[0]!;

  it('shows the profile with a button for each detail, staff and recurring drops', async () => {
    await say(owner, '/venue');
    expect(lastText(owner)).toContain('Olga’s Bakery');
    const kinds = buttonsOf(lastScreen(app, owner.id)).map((b) => b.callback_data);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'venue:edit:name',
        'venue:edit:address',
        'venue:edit:photo',
        'staff:list',
        'drops:list',
      ]),
    );
  });

  it('asks again when the new name is too short, and changes nothing', async () => {
    await tap(owner, 'venue:edit:name');
    await say(owner, 'O');
    expect(lastText(owner)).toContain('2–80 characters');
    expect((await venue()).name).toBe('Olga’s Bakery');
  });

  it('keeps the venue verified and its offers on sale while a new name awaits review', async () => {
    await say(owner, 'Olga’s Bakehouse');
    expect(await venue()).toMatchObject({
      name: 'Olga’s Bakehouse',
      status: 'verified',
      approvedName: 'Olga’s Bakery',
    });
    await say(alice, '/offers');
    expect(screens(app, alice.id).some((c) => shown(c).includes('Evening bread bag'))).toBe(true);
  });

  it('shows every admin the old and the new name, with Approve and Revert', async () => {
    const card = screens(app, admin.id).at(-1)!;
    expect(shown(card)).toContain('<s>Olga’s Bakery</s> → <b>Olga’s Bakehouse</b>');
    expect(buttonsOf(card).map((b) => b.callback_data)).toEqual([
      `change:approve:${venueId}`,
      `change:revert:${venueId}`,
    ]);
  });

  it('puts the approved name back when an admin reverts, and tells the owner', async () => {
    await tap(admin, `change:revert:${venueId}`);
    expect(await venue()).toMatchObject({ name: 'Olga’s Bakery', status: 'verified', approvedName: null });
    expect(lastText(owner)).toContain('shows <b>Olga’s Bakery</b>, 1 Main Street again');
  });

  it('keeps a new address once an admin approves it', async () => {
    await say(owner, '/venue');
    await tap(owner, 'venue:edit:address');
    await say(owner, 'Bakery Lane 2, Berlin');
    await tap(admin, `change:approve:${venueId}`);
    expect(await venue()).toMatchObject({ address: 'Bakery Lane 2, Berlin', approvedAddress: null });
  });

  it('changes the phone at once, without a review', async () => {
    await say(owner, '/venue');
    await tap(owner, 'venue:edit:phone');
    await say(owner, '+49 30 7654321');
    expect(await venue()).toMatchObject({ phone: '+49 30 7654321', approvedName: null });
  });

  it('refuses an admin’s Approve when no change awaits review', async () => {
    await app.deliver(callbackUpdate(admin, `change:approve:${venueId}`));
    expect(String(app.telegram.callsTo('answerCallbackQuery').at(-1)?.params.text)).toContain(
      'no name or address change waiting',
    );
  });

  it('refuses Approve and Revert from anyone but an admin', async () => {
    await say(owner, '/venue');
    await tap(owner, 'venue:edit:name');
    await say(owner, 'Olga’s Bakehouse');
    await app.deliver(callbackUpdate(owner, `change:approve:${venueId}`));
    expect(String(app.telegram.callsTo('answerCallbackQuery').at(-1)?.params.text)).toContain('Only admins');
    expect((await venue()).approvedName).toBe('Olga’s Bakery');
  });
});

/** A rejected venue fixes what the reason says and is reviewed again. */
describe(`a rejected owner resubmits (${storeLabel})`, () => {
  let app: TestApp;
  let venueId: number;
  const applicant: Person = { id: 4242, first_name: 'Paul' };
  const { admin } = people;

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' });
    const venue = await registerVenue(app.deps.db, {
      ownerId: applicant.id,
      ownerFirstName: 'Paul',
      name: 'Paul’s Pizza',
      address: 'Somewhere 12',
      phone: '+49 170 1234567',
      description: 'Pizza slices at closing time',
    });
    venueId = venue.id;
  });
  afterAll(() => app.close());

  const say = (person: Person, text: string) => app.deliver(textUpdate(person, text));
  const lastText = (person: Person) => shown(lastScreen(app, person.id));
  const venue = async () => (await app.deps.db.select().from(venues).where(eq(venues.id, venueId)))[0]!;

  it('tells the rejected owner the reason and to send /register to fix it', async () => {
    await app.deliver(callbackUpdate(admin, `venue:reject:${venueId}`));
    await say(admin, 'The address is incomplete');
    expect(lastText(applicant)).toContain('The address is incomplete');
    expect(lastText(applicant)).toContain('To try again, send /register');
  });

  it('resumes /register with the previous answers and the reason', async () => {
    await say(applicant, '/register');
    const shownTexts = screens(app, applicant.id).map(shown);
    expect(shownTexts.at(-2)).toContain('The address is incomplete');
    expect(shownTexts.at(-1)).toContain('Now: <i>Paul’s Pizza</i>');
  });

  it('sends the fixed registration for review again, keeping what was not changed', async () => {
    await say(applicant, '↩️ Keep');
    await say(applicant, 'Somewhere 12, 10115 Berlin');
    await say(applicant, '↩️ Keep');
    await say(applicant, '↩️ Keep');
    await say(applicant, '↩️ Keep');
    await say(applicant, 'Skip');
    expect(await venue()).toMatchObject({
      name: 'Paul’s Pizza',
      address: 'Somewhere 12, 10115 Berlin',
      phone: '+49 170 1234567',
      status: 'pending',
      rejectionReason: null,
    });
    expect(shown(screens(app, admin.id).at(-1))).toContain('Somewhere 12, 10115 Berlin');
  });

  it('can be verified by an admin after resubmitting', async () => {
    await app.deliver(callbackUpdate(admin, `venue:verify:${venueId}`));
    expect((await venue()).status).toBe('verified');
  });
});

import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { venues } from '../db/schema.js';
import { createTestApp, type TestApp } from './support/app.js';
import { buttonsOf, screens, shown, trackMessages } from './support/chat.js';
import { verifiedVenue } from './support/fixtures.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, messageUpdate, type Person, people, textUpdate } from './support/updates.js';

/**
 * The review card every admin gets for a new venue (photo, map pin, owner), and "Request changes": the owner
 * is told what to fix, answers the registration again with the current answers kept, and the venue returns to
 * review.
 */
describe(`venue review (${storeLabel})`, () => {
  let app: TestApp;
  let messages: ReturnType<typeof trackMessages>;
  let venueId: number;
  const owner: Person = { id: 2301, first_name: 'Olga', username: 'olga_bakery' };
  const admin = people.admin;
  const say = (person: Person, text: string) => app.deliver(textUpdate(person, text));
  const lastTo = (person: Person) => shown(screens(app, person.id).at(-1));
  const venueRow = async () => (await app.deps.db.select().from(venues).where(eq(venues.id, venueId)))[0]!;
  const tapOnCard = (person: Person, data: string) =>
    app.deliver(callbackUpdate(person, data, messages.messageWith(person.id, data)));

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' });
    messages = trackMessages(app);
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#c84' } })
      .jpeg()
      .toBuffer();
    const fileId = app.telegram.addFile(jpeg);
    await say(owner, '/register');
    await say(owner, 'Olga’s Bakery');
    await say(owner, 'Bakery Lane 1, Berlin');
    await app.deliver(messageUpdate(owner, { location: { latitude: 52.52, longitude: 13.405 } }));
    await app.deliver(
      messageUpdate(owner, {
        contact: { phone_number: '+49301234567', first_name: 'Olga', user_id: owner.id },
      }),
    );
    await say(owner, 'Bread and pastries from today');
    await app.deliver(
      messageUpdate(owner, { photo: [{ file_id: fileId, file_unique_id: 'u1', width: 800, height: 600 }] }),
    );
    venueId = (await app.deps.db.select().from(venues).where(eq(venues.ownerId, owner.id)))[0]!.id;
  });
  afterAll(() => app.close());

  describe('the card every admin gets', () => {
    const card = () => app.telegram.sentTo(admin.id).find((c) => c.method === 'sendPhoto')!;

    it('is the venue’s photo with its details as the caption', () => {
      const caption = shown(card());
      for (const detail of ['Olga’s Bakery', 'Bakery Lane 1, Berlin', '+49301234567', 'Bread and pastries'])
        expect(caption).toContain(detail);
    });

    it('names the owner with their username and a link to their chat', () => {
      expect(shown(card())).toContain(`<a href="tg://user?id=${owner.id}">Olga</a> @olga_bakery`);
    });

    it('carries Verify, Reject and Request changes', () => {
      expect(buttonsOf(card()).map((b) => b.callback_data)).toEqual([
        `venue:verify:${venueId}`,
        `venue:reject:${venueId}`,
        `venue:changes:${venueId}`,
      ]);
    });

    it('is followed by the venue as a map pin, not as coordinates', () => {
      expect(shown(card())).not.toContain('52.52');
      expect(app.telegram.sentTo(admin.id).at(-1)).toMatchObject({
        method: 'sendVenue',
        params: {
          latitude: 52.52,
          longitude: 13.405,
          title: 'Olga’s Bakery',
          address: 'Bakery Lane 1, Berlin',
        },
      });
    });
  });

  describe('request changes', () => {
    it('asks the admin what the owner should change', async () => {
      await tapOnCard(admin, `venue:changes:${venueId}`);
      expect(lastTo(admin)).toContain('What should the owner of <b>Olga’s Bakery</b> change?');
    });

    it('asks again, kindly, when the note is too short, and changes nothing', async () => {
      await say(admin, 'no');
      expect(lastTo(admin)).toContain('3–300 characters');
      expect((await venueRow()).status).toBe('pending');
    });

    it('sends the venue back to its owner with the note', async () => {
      await say(admin, 'Please add the house number to the address');
      expect(await venueRow()).toMatchObject({
        status: 'changes_requested',
        changeRequest: 'Please add the house number to the address',
      });
      expect(lastTo(admin)).toContain('went back to its owner');
    });

    it('tells the owner exactly what to fix and how', () => {
      const told = lastTo(owner);
      expect(told).toContain('Please add the house number to the address');
      expect(told).toContain('/register');
    });

    it('tells the owner how to go on when they try to post meanwhile', async () => {
      await say(owner, '/newoffer');
      expect(lastTo(owner)).toContain('Send /register to make them');
    });

    it('leaves it out of /pending while the owner has it', async () => {
      await say(admin, '/pending');
      expect(lastTo(admin)).toContain('No venues are waiting');
    });
  });

  describe('the owner answers again', () => {
    it('shows the note and each current answer with a Keep button', async () => {
      await say(owner, '/register');
      const intro = screens(app, owner.id).at(-2)!;
      expect(shown(intro)).toContain('Our team asked: <i>Please add the house number to the address</i>');
      const question = screens(app, owner.id).at(-1)!;
      expect(shown(question)).toContain('Now: <i>Olga’s Bakery</i>');
      expect(JSON.stringify(question.params.reply_markup)).toContain('Keep');
    });

    it('keeps what was kept, takes what was changed, and returns the venue to review', async () => {
      await say(owner, '↩️ Keep'); // name
      await say(owner, 'Bakery Lane 12, 10115 Berlin'); // address
      await say(owner, '↩️ Keep'); // location
      await say(owner, '↩️ Keep'); // phone
      await say(owner, '↩️ Keep'); // description
      await say(owner, '↩️ Keep'); // photo
      const venue = await venueRow();
      expect(venue).toMatchObject({
        status: 'pending',
        changeRequest: null,
        name: 'Olga’s Bakery',
        address: 'Bakery Lane 12, 10115 Berlin',
        latitude: 52.52,
        phone: '+49301234567',
      });
      expect(venue.photoFileId).toBeTruthy();
      expect(lastTo(owner)).toContain('The changes to <b>Olga’s Bakery</b> are sent');
    });

    it('shows every admin the changed card', () => {
      const cards = app.telegram
        .sentTo(admin.id)
        .filter((c) => c.method === 'sendPhoto')
        .map(shown);
      expect(cards.at(-1)).toContain('Changed venue to review');
      expect(cards.at(-1)).toContain('Bakery Lane 12, 10115 Berlin');
    });
  });

  it('refuses Request changes on a venue that is already verified, before asking anything', async () => {
    const verified = await verifiedVenue(app.deps.db);
    await app.deliver(callbackUpdate(admin, `venue:changes:${verified.id}`));
    expect(app.telegram.callsTo('answerCallbackQuery').at(-1)?.params.text).toBe(
      "This venue is verified, so it can't be sent back for changes now.",
    );
  });

  it('leaves the venue as it was when the admin cancels the note', async () => {
    const before = await venueRow();
    await tapOnCard(admin, `venue:changes:${venueId}`);
    await say(admin, '/cancel');
    expect(lastTo(admin)).toBe('Nothing changed.');
    expect(await venueRow()).toEqual(before);
  });
});

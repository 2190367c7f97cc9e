import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reserve } from '../lib/marketplace/reserve.js';
import { registerVenue } from '../lib/marketplace/venues.js';
import { createTestApp, type TestApp } from './support/app.js';
import { buttonsOf, screens, shown } from './support/chat.js';
import { liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, people, textUpdate } from './support/updates.js';

/** `/venues [status] [text]` finds any venue, a page at a time; each opens its card (`/venue <id>`). */
describe(`finding venues (${storeLabel})`, () => {
  let app: TestApp;
  let bakeryId: number;
  const admin = people.admin;
  const say = (text: string) => app.deliver(textUpdate(admin, text));
  const last = () => screens(app, admin.id).at(-1);
  /** The venues a list shows, by the text of their buttons. */
  const listed = () =>
    buttonsOf(last())
      .filter((b) => b.callback_data?.startsWith('venue:card:'))
      .map((b) => b.text);

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' });
    const bakery = await verifiedVenue(app.deps.db, { name: 'Olga’s Bakery' });
    bakeryId = bakery.id;
    await app.deps.db.execute(
      sql`update users set first_name = 'Olga', username = 'olga_bakery' where id = ${bakery.ownerId}`,
    );
    const offer = await liveOffer(app.deps.db, bakery.ownerId, { title: 'Evening bread bag' });
    await reserve(app.deps.db, {
      idempotencyKey: newKey(),
      customer: { id: people.bob.id, firstName: 'Bob' },
      offerId: offer.id,
      itemId: offer.items[0]!.id,
      quantity: 2,
      currency: 'EUR',
      now: new Date(),
    });
    // Eleven more: a second page. Two are on "Bakery Street" (found by address), nine on "Main Road" (and the
    // bakery's own "1 Main Street" makes ten mains).
    for (let i = 1; i <= 11; i++) {
      await registerVenue(app.deps.db, {
        ownerId: 6000 + i,
        ownerFirstName: 'Owner',
        name: i === 11 ? '100% Vegan' : `Kiosk ${i}`,
        address: i <= 2 ? `${i} Bakery Street` : `${i} Main Road`,
        phone: '+4930123456',
        description: '',
      });
    }
  });
  afterAll(() => app.close());

  it('lists every venue with a button to open each, newest first', async () => {
    await say('/venues');
    expect(shown(last())).toContain('All venues</b>: 12 (page 1/2)');
    expect(listed()[0]).toContain('100% Vegan');
  });

  it('pages with Next', async () => {
    await app.deliver(callbackUpdate(admin, 'venues:page:all:1'));
    expect(shown(last())).toContain('(page 2/2)');
    expect(listed()).toHaveLength(4);
  });

  it('filters by status', async () => {
    await say('/venues verified');
    expect(listed()).toEqual([expect.stringContaining('Olga’s Bakery')]);
  });

  it('finds by name or address, whatever the case', async () => {
    await say('/venues BAKERY');
    expect(listed()).toHaveLength(3);
  });

  it('combines a status and a text', async () => {
    await say('/venues pending bakery');
    expect(listed()).toHaveLength(2);
  });

  it('reads % in a search as a letter, not a wildcard', async () => {
    await say('/venues 100%');
    expect(listed()).toEqual([expect.stringContaining('100% Vegan')]);
  });

  it('keeps the search when paging through it', async () => {
    await say('/venues main');
    await app.deliver(callbackUpdate(admin, 'venues:page:all:1'));
    expect(shown(last())).toContain('matching “main”: 10 (page 2/2)');
  });

  it('answers /businesses, the old word, the same way', async () => {
    await say('/businesses verified');
    expect(listed()).toEqual([expect.stringContaining('Olga’s Bakery')]);
  });

  it('says so when nothing matches, and how to see everything', async () => {
    await say('/venues suspended');
    expect(shown(last())).toContain('No venues found');
    expect(shown(last())).toContain('/venues alone');
  });

  describe('a venue’s card', () => {
    beforeAll(async () => {
      await app.deliver(callbackUpdate(admin, `venue:card:${bakeryId}`));
    });

    it('shows the venue with the buttons that fit its status', () => {
      const card = screens(app, admin.id).at(-2)!;
      expect(shown(card)).toContain('Olga’s Bakery');
      expect(buttonsOf(card).map((b) => b.callback_data)).toEqual(
        expect.arrayContaining([`venue:suspend:${bakeryId}`, `audit:venue:${bakeryId}`]),
      );
    });

    it('names the owner with their username and a link to their chat', () => {
      expect(shown(screens(app, admin.id).at(-2))).toMatch(
        /<a href="tg:\/\/user\?id=\d+">Olga<\/a> @olga_bakery/,
      );
    });

    it('shows its offers and reservations', () => {
      const dossier = shown(last());
      expect(dossier).toContain('Evening bread bag');
      expect(dossier).toContain('1 open · 0 picked up');
    });

    it('shows its last audit entries', () => {
      expect(shown(last())).toContain('registered the venue');
      expect(shown(last())).toContain('verified it');
    });
  });
});

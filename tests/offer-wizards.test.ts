import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerItems, offers } from '../db/schema.js';
import { createOffer } from '../lib/marketplace/offers.js';
import { reserve } from '../lib/marketplace/reserve.js';
import { createTestApp, manualClock, type TestApp } from './support/app.js';
import { buttonFor, buttonsOf, lastScreen, shown, trackMessages } from './support/chat.js';
import { defaultItems, liveOffer, verifiedVenue } from './support/fixtures.js';
import { newKey } from './support/keys.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people, textUpdate } from './support/updates.js';

/** How an owner posts and edits: items field by field, pickup slots, the edit menu, /myoffers in one message. */
describe(`the owner's offer wizards (${storeLabel})`, () => {
  let app: TestApp;
  let messages: ReturnType<typeof trackMessages>;
  let owner: Person;
  // Tuesday 1 December 2026, 11:00 in Berlin.
  const clock = manualClock(new Date('2026-12-01T10:00:00Z'));

  beforeAll(async () => {
    app = await createTestApp({ TIMEZONE: 'Europe/Berlin', RATE_LIMIT_MAX_REQUESTS: '1000' }, { clock });
    messages = trackMessages(app);
    const venue = await verifiedVenue(app.deps.db, { name: 'Olga’s Bakery' });
    owner = { id: venue.ownerId, first_name: 'Olga' };
  });
  afterAll(() => app.close());

  const say = (text: string) => app.deliver(textUpdate(owner, text));
  async function tap(prefix: string) {
    const button = buttonFor(app, owner.id, prefix);
    expect(button, `a ${prefix} button`).toBeDefined();
    await app.deliver(callbackUpdate(owner, button!.callback_data!, messages.messageWith(owner.id, prefix)));
  }
  const lastText = () => shown(lastScreen(app, owner.id));
  const itemsOf = async (offerId: number) =>
    (await app.deps.db.select().from(offerItems).where(eq(offerItems.offerId, offerId))).sort(
      (a, b) => a.id - b.id,
    );

  describe('a new offer, item by item', () => {
    it('asks for the original price when only a name is sent', async () => {
      await say('/newoffer');
      await say('Evening soup');
      await say('Lentil soup');
      expect(lastText()).toContain('<b>Lentil soup</b>: what does one normally cost?');
    });

    it.each([['a word instead of the original price', 'cheap', 'That isn’t a price']])(
      'asks again after %s',
      async (_label, answer, hint) => {
        await say(answer);
        expect(lastText()).toContain(hint);
        expect(lastText()).toContain('what does one normally cost?');
      },
    );

    it('asks for the discounted price once the original is in', async () => {
      await say('6.50');
      expect(lastText()).toContain('Lower than €6.50');
    });

    it('asks again when the discounted price is not below the original', async () => {
      await say('7.00');
      expect(lastText()).toContain('below €6.50');
    });

    it('asks for the quantity, and again when it is not a whole number', async () => {
      await say('2.50');
      expect(lastText()).toContain('How many <b>Lentil soup</b>');
      await say('lots');
      expect(lastText()).toContain('whole number from 1 to 999');
    });

    it('asks for an optional weight and adds the item when it is skipped', async () => {
      await say('6');
      expect(lastText()).toContain('how much does one <b>Lentil soup</b> weigh?');
      await tap('wiz:skip');
      expect(lastText()).toContain('1 item so far');
    });

    it('takes a whole line with a weight per unit as well', async () => {
      await say('Bread bag, 10.00, 3.50, 4, 0.5 kg');
      expect(lastText()).toContain('2 items so far');
    });

    it('offers today’s remaining and tomorrow’s pickup slots as buttons', async () => {
      await tap('wiz:done');
      const slots = buttonsOf(lastScreen(app, owner.id)).map((b) => b.text);
      expect(slots).toContain('Today 18:00–20:00');
      expect(slots).toContain('Tomorrow 08:00–10:00');
      // 11:00 now: the 08:00–10:00 slot of today is over.
      expect(slots).not.toContain('Today 08:00–10:00');
    });

    it('takes a tapped slot as the pickup window and saves the draft with every item', async () => {
      await tap('wiz:slot:0:1080:1200');
      await tap('wiz:skip');
      await tap('wiz:draft');
      const [offer] = await app.deps.db.select().from(offers).where(eq(offers.title, 'Evening soup'));
      expect(offer!.pickupStart.toISOString()).toBe('2026-12-01T17:00:00.000Z');
      expect(
        (await itemsOf(offer!.id)).map((i) => [
          i.name,
          i.originalPrice,
          i.price,
          i.quantityTotal,
          i.unitWeightGrams,
        ]),
      ).toEqual([
        ['Lentil soup', 650, 250, 6, null],
        ['Bread bag', 1000, 350, 4, 500],
      ]);
    });
  });

  describe('editing everything', () => {
    let offerId: number;

    beforeAll(async () => {
      const offer = await liveOffer(app.deps.db, owner.id, { now: clock.now(), title: 'Cake box' });
      offerId = offer.id;
      await reserve(app.deps.db, {
        idempotencyKey: newKey(),
        customer: { id: people.alice.id, firstName: 'Alice' },
        offerId,
        itemId: offer.items[0]!.id,
        quantity: 2,
        currency: 'EUR',
        now: clock.now(),
      });
      await say(`/edit ${offerId}`);
    });
    afterAll(() => tap('edit:field:done'));

    it('asks for prices in the same order as a new offer, and restocks to the units available', async () => {
      await tap('edit:field:items');
      await tap(`edit:item:`);
      expect(lastText()).toContain('original price, discounted price, quantity for sale');
      expect(lastText()).toContain('the 2 already reserved stay reserved');
      await say('12.00, 3.00, 10');
      const [bread] = await itemsOf(offerId);
      expect(bread).toMatchObject({
        originalPrice: 1200,
        price: 300,
        quantityAvailable: 10,
        quantityTotal: 12,
      });
    });

    it('adds an item', async () => {
      await tap('edit:field:add');
      await say('Tart, 8.00, 3.00, 2');
      expect((await itemsOf(offerId)).map((i) => i.name)).toEqual(['Bread bag', 'Pastry box', 'Tart']);
      expect(lastText()).toContain('Item added');
    });

    it('removes an item nobody reserved', async () => {
      const tart = (await itemsOf(offerId)).find((i) => i.name === 'Tart')!;
      await tap('edit:field:remove');
      await tap(`edit:remove:${tart.id}`);
      expect((await itemsOf(offerId)).map((i) => i.name)).toEqual(['Bread bag', 'Pastry box']);
    });

    it('keeps an item customers reserved, and says how to stop selling it', async () => {
      const [bread] = await itemsOf(offerId);
      await tap('edit:field:remove');
      await tap(`edit:remove:${bread!.id}`);
      expect(lastText()).toContain('Set its quantity to 0');
      expect(await itemsOf(offerId)).toHaveLength(2);
    });

    it('changes the description', async () => {
      await tap('edit:field:description');
      await say('Baked this morning');
      const [row] = await app.deps.db.select().from(offers).where(eq(offers.id, offerId));
      expect(row!.description).toBe('Baked this morning');
    });

    it('asks again, changing nothing, when the new window is already over', async () => {
      const [before] = await app.deps.db.select().from(offers).where(eq(offers.id, offerId));
      await tap('edit:field:window');
      await say('8:00-9:00');
      expect(lastText()).toContain('already over');
      const [after] = await app.deps.db.select().from(offers).where(eq(offers.id, offerId));
      expect(after!.pickupEnd).toEqual(before!.pickupEnd);
    });
  });

  describe('/myoffers in one message', () => {
    beforeAll(async () => {
      for (const title of ['Draft A', 'Draft B']) {
        await createOffer(app.deps.db, {
          ownerId: owner.id,
          title,
          pickupStart: new Date(clock.now().getTime() + 3_600_000),
          pickupEnd: new Date(clock.now().getTime() + 7_200_000),
          items: defaultItems,
        });
      }
      for (let i = 0; i < 5; i++)
        await liveOffer(app.deps.db, owner.id, { now: clock.now(), title: `Live ${i}` });
    });

    it('opens on the live offers, five to a page, with tabs that count each kind', async () => {
      await say('/myoffers');
      expect(lastText()).toMatch(/🟢 Live \(6\) · page 1\/2/);
      const labels = buttonsOf(lastScreen(app, owner.id)).map((b) => b.text);
      expect(labels).toEqual(expect.arrayContaining(['• 🟢 Live (6)', '📝 Drafts (3)', '⌛ Past (0)']));
    });

    it('pages by editing the same message', async () => {
      const sent = app.telegram.callsTo('sendMessage').length;
      await tap('offers:mine:live:1');
      expect(lastText()).toContain('page 2/2');
      expect(app.telegram.callsTo('sendMessage')).toHaveLength(sent);
      expect(lastScreen(app, owner.id)?.method).toBe('editMessageText');
    });

    it('filters to drafts', async () => {
      await tap('offers:mine:drafts:0');
      expect(lastText()).toContain('Draft A');
      expect(lastText()).not.toContain('Live 0');
    });

    it('turns the message into an offer’s card, with a way back to the list', async () => {
      const draft = buttonsOf(lastScreen(app, owner.id)).find((b) => b.text.includes('Draft A'))!;
      await tap(draft.callback_data!);
      expect(lastText()).toContain('Draft A');
      expect(buttonsOf(lastScreen(app, owner.id)).map((b) => b.callback_data)).toContain(
        'offers:mine:drafts:0',
      );
    });
  });
});

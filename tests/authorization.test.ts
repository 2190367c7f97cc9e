import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businesses, offers } from '../db/schema.js';
import { registerBusiness } from '../lib/marketplace/businesses.js';
import { createTestApp, type TestApp } from './support/app.js';
import { liveOffer, verifiedBusiness } from './support/fixtures.js';
import { storeLabel } from './support/stores.js';
import { callbackUpdate, type Person, people, textUpdate } from './support/updates.js';

describe(`authorization (${storeLabel})`, () => {
  let app: TestApp;
  let pendingId: number;
  let victimOffer: number;
  let intruder: Person;
  const lastText = (person: Person) => String(app.telegram.sentTo(person.id).at(-1)?.params.text ?? '');
  const lastToast = () => String(app.telegram.callsTo('answerCallbackQuery').at(-1)?.params.text ?? '');
  const statusOfOffer = async () =>
    (await app.deps.db.select().from(offers).where(eq(offers.id, victimOffer)))[0]!.status;

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' });
    const pending = await registerBusiness(app.deps.db, {
      ownerId: 4100,
      ownerFirstName: 'Pending',
      name: 'Pending Place',
      address: 'Nowhere 1',
      phone: '+4930000000',
      description: '',
    });
    pendingId = pending.id;
    const victim = await verifiedBusiness(app.deps.db);
    victimOffer = (await liveOffer(app.deps.db, victim.ownerId)).id;
    const other = await verifiedBusiness(app.deps.db);
    intruder = { id: other.ownerId, first_name: 'Intruder' };
  });
  afterAll(() => app.close());

  it.each([
    ['/verify', () => `/verify ${pendingId}`],
    ['/reject', () => `/reject ${pendingId} no reason`],
    ['/pending', () => '/pending'],
  ])('refuses %s from a non-admin and changes nothing', async (_label, command) => {
    await app.deliver(textUpdate(people.alice, command()));
    expect(lastText(people.alice)).toContain('Only admins');
    const [row] = await app.deps.db.select().from(businesses).where(eq(businesses.id, pendingId));
    expect(row!.status).toBe('pending');
  });

  it('refuses a forged verify button from a non-admin', async () => {
    await app.deliver(callbackUpdate(people.alice, `biz:verify:${pendingId}`));
    expect(lastToast()).toContain('Only admins');
    const [row] = await app.deps.db.select().from(businesses).where(eq(businesses.id, pendingId));
    expect(row!.status).toBe('pending');
  });

  it.each(['/pause', '/soldout', '/withdraw', '/edit'])(
    'answers "not found" to %s on another business’s offer',
    async (command) => {
      await app.deliver(textUpdate(intruder, `${command} ${victimOffer}`));
      expect(lastText(intruder)).toContain('not found');
      expect(await statusOfOffer()).toBe('active');
    },
  );

  it.each(['offer:pause', 'offer:soldout', 'offer:cancel', 'offer:edit'])(
    'answers "not found" to a forged %s button for another business’s offer',
    async (kind) => {
      await app.deliver(callbackUpdate(intruder, `${kind}:${victimOffer}`));
      expect(lastToast()).toContain('not found');
      expect(await statusOfOffer()).toBe('active');
    },
  );

  it('answers garbage button data without changing anything', async () => {
    const before = app.telegram.callsTo('answerCallbackQuery').length;
    await app.deliver(callbackUpdate(intruder, 'offer:pause:-1; drop table offers'));
    expect(app.telegram.callsTo('answerCallbackQuery')).toHaveLength(before + 1);
    expect(await statusOfOffer()).toBe('active');
  });

  it('keeps an unverified business out of /newoffer', async () => {
    const owner = { id: 4100, first_name: 'Pending' };
    await app.deliver(textUpdate(owner, '/newoffer'));
    expect(lastText(owner)).toContain('waiting for verification');
    await app.deliver(textUpdate(people.bob, '/newoffer'));
    expect(lastText(people.bob)).toContain('/register');
  });
});

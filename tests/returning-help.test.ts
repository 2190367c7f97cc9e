import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandsFor } from '../lib/bot/texts/common.js';
import { createTestApp, type TestApp } from './support/app.js';
import { lastScreen, shown } from './support/chat.js';
import { verifiedVenue } from './support/fixtures.js';
import { storeLabel } from './support/stores.js';
import { people, textUpdate } from './support/updates.js';

/** Issue 14's commands and buttons are in /help and in the per-role command menus. */
describe(`help and menus for customers coming back (${storeLabel})`, () => {
  let app: TestApp;
  let owner: { id: number; first_name: string };

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_MAX_REQUESTS: '1000' });
    const venue = await verifiedVenue(app.deps.db);
    owner = { id: venue.ownerId, first_name: 'Owner' };
  });
  afterAll(() => app.close());

  it.each([
    ['customer', ['following', 'settings']],
    ['venue', ['myratings']],
  ] as const)('puts the %s’s new commands in their menu', (role, commands) => {
    const menu = commandsFor(role).map((c) => c.command);
    for (const command of commands) expect(menu).toContain(command);
  });

  it('lists /following and /settings in a customer’s /help, with what ⭐ Follow, ↗️ Share, 🔔, the stars and inline mode do', async () => {
    await app.deliver(textUpdate(people.alice, '/help'));
    const help = shown(lastScreen(app, people.alice.id));
    for (const line of ['/following', '/settings', '⭐ Follow', '↗️ Share', '🔔', 'stars', '@username']) {
      expect(help).toContain(line);
    }
  });

  it('lists /myratings and the “did they come?” buttons in a venue’s /help', async () => {
    await app.deliver(textUpdate(owner, '/help'));
    const help = shown(lastScreen(app, owner.id));
    expect(help).toContain('/myratings');
    expect(help).toMatch(/picked up or 🚫 didn’t come/);
  });

  it('answers /settings with the alert settings and their buttons', async () => {
    await app.deliver(textUpdate(people.bob, '/settings'));
    expect(shown(lastScreen(app, people.bob.id))).toMatch(/Quiet hours: <b>22:00–08:00<\/b>/);
  });

  it('answers /following with a pointer to ⭐ Follow when the customer follows nobody', async () => {
    await app.deliver(textUpdate(people.bob, '/following'));
    expect(shown(lastScreen(app, people.bob.id))).toMatch(/tap ⭐ Follow/);
  });
});

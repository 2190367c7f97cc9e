import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../dev/sandbox/bot-api-emulator.js';
import { channelPersona } from '../dev/sandbox/personas.js';
import { startSandbox } from '../dev/sandbox/start.js';

/**
 * Issue 14's flows in the sandbox, over its HTTP API (the page's own calls): inline mode from a chat's input,
 * the channel persona's posts, sharing to another persona, and jobs that fire when the clock is fast-forwarded.
 */
describe('sandbox: customers come back', () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  const alice = 1001;
  const bob = 1002;

  beforeAll(async () => {
    sandbox = await startSandbox({ PORT: '0', LOG_LEVEL: 'warn', TIMEZONE: 'Europe/Berlin' }, { seed: true });
  }, 60_000);
  afterAll(() => sandbox?.close());

  const post = async (path: string, body: Record<string, unknown>) =>
    (await fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((r) => r.json())) as Record<string, unknown>;
  const state = async (persona: number) =>
    (await fetch(`${sandbox.url}/sandbox/state?persona=${persona}`).then((r) => r.json())) as {
      messages: StoredMessage[];
      clock: { now: string; offsetMs: number };
      jobs: Array<{ name: string; at: string }>;
    };
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 50 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
  };
  const text = (m: StoredMessage) => String(m.text ?? m.caption ?? '');
  const withButton = (messages: StoredMessage[], prefix: string) =>
    [...messages]
      .reverse()
      .find((m) => JSON.stringify(m.reply_markup ?? '').includes(`"callback_data":"${prefix}`));
  const buttonData = (m: StoredMessage, prefix: string) =>
    (m.reply_markup as { inline_keyboard: Array<Array<{ callback_data?: string }>> }).inline_keyboard
      .flat()
      .find((b) => b.callback_data?.startsWith(prefix))!.callback_data!;

  it('shows the seeded offers in the channel persona’s chat', async () => {
    await until(async () => (await state(channelPersona.id)).messages.length >= 2);
    const posts = (await state(channelPersona.id)).messages.map(text);
    expect(posts.some((t) => t.includes('Evening bread bag'))).toBe(true);
    expect(
      posts.some((t) => t.includes('Salad &amp; soup rescue') || t.includes('Salad & soup rescue')),
    ).toBe(true);
  });

  it('offers /following and /settings in a customer’s command menu', async () => {
    const { commands } = (await fetch(`${sandbox.url}/sandbox/state?persona=${alice}`).then((r) =>
      r.json(),
    )) as {
      commands: Array<{ command: string }>;
    };
    expect(commands.map((c) => c.command)).toEqual(expect.arrayContaining(['following', 'settings']));
  });

  it('refuses to let the channel persona write to the bot', async () => {
    const response = await fetch(`${sandbox.url}/sandbox/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ persona: channelPersona.id, text: '/start' }),
    });
    expect(response.status).toBe(400);
  });

  it('answers an inline query typed in a chat’s input, and sends the chosen result into the chat', async () => {
    const asked = await post('/sandbox/inline', { persona: alice, query: 'bread' });
    const results = (asked.answer as { results: Array<{ id: string; title: string }> }).results;
    expect(results.map((r) => r.title)).toEqual([expect.stringContaining('Evening bread bag')]);
    await post('/sandbox/inline/choose', {
      persona: alice,
      queryId: asked.queryId,
      resultId: results[0]!.id,
      query: 'bread',
    });
    const sent = (await state(alice)).messages.at(-1)!;
    expect(sent.via_bot).toMatchObject({ username: 'SurplusFoodBot' });
    expect(JSON.stringify(sent.reply_markup)).toContain('start=offer_');
  });

  it('shares an offer link into another persona’s chat', async () => {
    await post('/sandbox/share', {
      persona: alice,
      to: bob,
      text: 'Look!',
      url: 'https://t.me/SurplusFoodBot?start=offer_1',
    });
    const shared = (await state(bob)).messages.at(-1)!;
    expect(text(shared)).toContain('https://t.me/SurplusFoodBot?start=offer_1');
    expect(shared.forward_origin).toBeDefined();
  });

  it('fires a pickup reminder when the clock is fast-forwarded to it', async () => {
    await post('/sandbox/send', { persona: alice, text: '/offers' });
    const list = withButton((await state(alice)).messages, 'offer:view:')!;
    await post('/sandbox/click', {
      persona: alice,
      messageId: list.message_id,
      data: buttonData(list, 'offer:view:'),
    });
    for (const prefix of ['buy:item:', 'buy:qty:', 'buy:confirm:']) {
      const m = withButton((await state(alice)).messages, prefix)!;
      await post('/sandbox/click', { persona: alice, messageId: m.message_id, data: buttonData(m, prefix) });
    }
    expect((await state(alice)).jobs.some((j) => j.name === 'pickup-reminder')).toBe(true);
    const moved = await post('/sandbox/clock', { advanceMs: 3 * 3_600_000 });
    expect((moved.clock as { offsetMs: number }).offsetMs).toBe(3 * 3_600_000);
    await until(async () =>
      (await state(alice)).messages.some((m) => /Pickup closes in 15 minutes/.test(text(m))),
    );
    expect((await state(alice)).messages.some((m) => /Pickup closes in 15 minutes/.test(text(m)))).toBe(true);
  });

  it('edits the channel posts once the fast-forwarded clock passes their windows', async () => {
    await until(async () => (await state(channelPersona.id)).messages.every((m) => /ended/.test(text(m))));
    expect((await state(channelPersona.id)).messages.map((m) => /This deal has ended/.test(text(m)))).toEqual(
      [true, true],
    );
  });
});

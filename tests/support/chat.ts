import { expect } from 'vitest';
import type { RecordedCall } from '../../dev/sandbox/bot-api-emulator.js';
import type { TestApp } from './app.js';
import { callbackUpdate, type Person } from './updates.js';

/** Reading the fake Bot API like a person reads their chat: texts, buttons, and which message is which. */

export interface Button {
  text: string;
  callback_data?: string;
}

/** What a call put on screen: a message's text or a photo's caption. */
export const shown = (call: RecordedCall | undefined) =>
  String(call?.params.text ?? call?.params.caption ?? '');

export const buttonsOf = (call: RecordedCall | undefined): Button[] =>
  ((call?.params.reply_markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard ?? []).flat();

/** Calls that showed something to `chatId` (messages, photos, edits), oldest first. */
export const screens = (app: TestApp, chatId: number) =>
  app.telegram.sentTo(chatId).filter((c) => typeof (c.params.text ?? c.params.caption) === 'string');

export const lastScreen = (app: TestApp, chatId: number) => screens(app, chatId).at(-1);

/** The newest button in `chatId` whose callback_data starts with `prefix`. */
export function buttonFor(app: TestApp, chatId: number, prefix: string): Button | undefined {
  for (const call of screens(app, chatId).reverse()) {
    const found = buttonsOf(call).find((b) => b.callback_data?.startsWith(prefix));
    if (found) return found;
  }
  return undefined;
}

/** The answer to one callback query, if it was answered. */
export const answerTo = (app: TestApp, callbackId: string) =>
  app.telegram.callsTo('answerCallbackQuery').find((c) => c.params.callback_query_id === callbackId);

/**
 * Remembers the message id Telegram gave each sent message, so a test can tap a button on the very message
 * it sits on (editing the message a button is on is what the bot does).
 */
export function trackMessages(app: TestApp) {
  const ids = new Map<RecordedCall, number>();
  app.telegram.onCall((call, result) => {
    const id = (result as { message_id?: number } | null)?.message_id;
    if (typeof id === 'number') ids.set(call, id);
  });
  return {
    /** The id of the message that carries the newest button with this prefix (edits keep the id). */
    messageWith(chatId: number, prefix: string): number {
      for (const call of screens(app, chatId).reverse()) {
        if (!buttonsOf(call).some((b) => b.callback_data?.startsWith(prefix))) continue;
        const id = ids.get(call) ?? Number(call.params.message_id);
        if (Number.isFinite(id)) return id;
      }
      throw new Error(`no message with a ${prefix} button in chat ${chatId}`);
    },
  };
}

/**
 * The person taps the newest button whose callback_data starts with `prefix`, on the message it sits on (the
 * test fails when there is none).
 */
export async function tapButton(
  app: TestApp,
  messages: ReturnType<typeof trackMessages>,
  person: Person,
  prefix: string,
): Promise<void> {
  const button = buttonFor(app, person.id, prefix);
  expect(button, `a ${prefix} button for ${person.first_name}`).toBeDefined();
  await app.deliver(callbackUpdate(person, button!.callback_data!, messages.messageWith(person.id, prefix)));
}

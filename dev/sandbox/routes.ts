import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BotApiEmulator, StoredMessage } from './bot-api-emulator.js';
import { personaById, personas, presetLocations } from './personas.js';
import type { SandboxScheduler, sandboxClock } from './time.js';
import type { UserActions } from './user-actions.js';

/**
 * The sandbox page and its small HTTP API, served by the dev server beside /api/*:
 *   GET  /                        the chat page
 *   GET  /sandbox/state?persona=  the persona's chat, command menu and recent toasts
 *   GET  /sandbox/events          server-sent events: "changed" whenever any chat changes
 *   POST /sandbox/send|click|location|contact   JSON bodies; POST /sandbox/photo?persona= raw image bytes
 *   GET  /sandbox/file/<file_id>  a photo's bytes
 * Issue 14:
 *   POST /sandbox/inline          { persona, query, offset? }: `@bot query` typed in the input; the bot's results
 *   POST /sandbox/inline/choose   { persona, queryId, resultId, query }: a result sent into the chat
 *   POST /sandbox/share           { persona, to, text, url }: Telegram's share dialog, to another persona
 *   POST /sandbox/clock           { advanceMs }: fast-forward the bot's clock; jobs that fall due run
 * Issue 18:
 *   POST /sandbox/pay             { persona, messageId }: Pay (test) on an invoice: Telegram's checkout runs
 * Issue 17:
 *   POST /sandbox/language        { persona, language }: the language of the persona's Telegram app
 */
const page = () => readFileSync(new URL('./page.html', import.meta.url), 'utf8');

/** What a persona's Telegram app can be set to: the bot's languages, and one it doesn't speak (its fallback). */
const appLanguages = [
  { code: 'en', name: 'English' },
  { code: 'de', name: 'Deutsch' },
  { code: 'es', name: 'Español' },
  { code: 'ru', name: 'Русский' },
  { code: 'fr', name: 'Français (not spoken: the default)' },
];
const MAX_UPLOAD = 15 * 1024 * 1024;

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_UPLOAD) throw new Error('upload too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const json = (res: ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
};

export function sandboxRoutes(
  telegram: BotApiEmulator,
  actions: UserActions,
  time: { clock: ReturnType<typeof sandboxClock>; scheduler: SandboxScheduler },
) {
  /** What the page shows of time: the bot's clock, how far it was moved, and the jobs still waiting. */
  const timeState = () => ({
    clock: { now: time.clock.now().toISOString(), offsetMs: time.clock.offsetMs() },
    jobs: time.scheduler.pending(),
  });
  const toasts = new Map<number, Array<{ text: string; at: number }>>();
  const listeners = new Set<ServerResponse>();
  const changed = () => {
    for (const res of listeners) res.write('data: changed\n\n');
  };
  telegram.onCall((call) => {
    // Issue 18: a refused checkout shows Telegram's error line, as a toast.
    if (call.method === 'answerPreCheckoutQuery' && typeof call.params.error_message === 'string') {
      const personaId = Number(String(call.params.pre_checkout_query_id).split('-')[0]);
      toasts.set(
        personaId,
        [...(toasts.get(personaId) ?? []), { text: call.params.error_message, at: Date.now() }].slice(-5),
      );
    }
    if (call.method === 'answerCallbackQuery' && typeof call.params.text === 'string' && call.params.text) {
      const personaId = Number(String(call.params.callback_query_id).split('-')[0]);
      toasts.set(
        personaId,
        [...(toasts.get(personaId) ?? []), { text: call.params.text, at: Date.now() }].slice(-5),
      );
    }
    changed();
  });

  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const path = url.pathname;
    if (req.method === 'GET' && path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page());
      return true;
    }
    if (!path.startsWith('/sandbox/')) return false;
    if (path === '/sandbox/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write('data: hello\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return true;
    }
    if (path.startsWith('/sandbox/file/')) {
      const bytes = telegram.fileBytes(decodeURIComponent(path.slice('/sandbox/file/'.length)));
      if (!bytes) {
        json(res, 404, { error: 'no such file' });
        return true;
      }
      res.writeHead(200, { 'content-type': 'image/jpeg', 'cache-control': 'max-age=3600' });
      res.end(bytes);
      return true;
    }
    const persona = personaById(Number(url.searchParams.get('persona')));
    if (path === '/sandbox/state') {
      if (!persona) {
        json(res, 200, { personas, presetLocations, ...timeState() });
        return true;
      }
      const language = actions.languageOf(persona);
      json(res, 200, {
        personas,
        presetLocations,
        ...timeState(),
        appLanguages,
        language,
        messages: telegram.history(persona.id).map((m) => withInvoicePhoto(telegram, m)),
        commands: telegram.commandsFor(persona.id, language),
        toasts: toasts.get(persona.id) ?? [],
      });
      return true;
    }
    if (req.method !== 'POST') {
      json(res, 405, { error: 'POST only' });
      return true;
    }
    if (path === '/sandbox/photo') {
      if (!persona) {
        json(res, 400, { error: 'unknown persona' });
        return true;
      }
      json(res, 200, { status: await actions.photo(persona, await body(req)) });
      return true;
    }
    const input = JSON.parse((await body(req)).toString('utf8') || '{}') as Record<string, unknown>;
    if (path === '/sandbox/clock') {
      // At most a week per press; the page offers 15 minutes, an hour and a day.
      await time.scheduler.fastForward(Math.min(Math.max(0, Number(input.advanceMs) || 0), 7 * 86_400_000));
      changed();
      json(res, 200, timeState());
      return true;
    }
    const who = personaById(Number(input.persona));
    if (!who) {
      json(res, 400, { error: 'unknown persona' });
      return true;
    }
    if (who.role === 'channel') {
      json(res, 400, { error: 'a channel only shows what the bot posts' });
      return true;
    }
    if (path === '/sandbox/language') {
      const language = appLanguages.find((l) => l.code === input.language);
      if (!language) {
        json(res, 400, { error: 'unknown language' });
        return true;
      }
      actions.setLanguage(who, language.code);
      changed();
      json(res, 200, { status: 200, language: language.code });
      return true;
    }
    if (path === '/sandbox/inline') {
      const query = String(input.query ?? '').slice(0, 256);
      const { status, queryId } = await actions.inlineQuery(who, query, String(input.offset ?? ''));
      json(res, 200, { status, queryId, query, answer: telegram.inlineAnswer(queryId) ?? null });
      return true;
    }
    if (path === '/sandbox/inline/choose') {
      const status = await actions.chooseInlineResult(
        who,
        String(input.queryId ?? ''),
        String(input.resultId ?? ''),
        String(input.query ?? ''),
      );
      changed();
      json(res, status === 404 ? 404 : 200, { status });
      return true;
    }
    if (path === '/sandbox/share') {
      const to = personaById(Number(input.to));
      if (!to || to.role === 'channel' || to.id === who.id) {
        json(res, 400, { error: 'share with another person' });
        return true;
      }
      actions.share(who, to, String(input.text ?? '').slice(0, 512), String(input.url ?? '').slice(0, 512));
      changed();
      json(res, 200, { status: 200 });
      return true;
    }
    const status =
      path === '/sandbox/send'
        ? await actions.text(who, String(input.text ?? '').slice(0, 4096))
        : path === '/sandbox/click'
          ? await actions.click(who, Number(input.messageId), String(input.data ?? ''))
          : path === '/sandbox/pay'
            ? await actions.pay(who, Number(input.messageId))
            : path === '/sandbox/location'
              ? await actions.location(who, Number(input.latitude), Number(input.longitude))
              : path === '/sandbox/contact'
                ? await actions.contact(who)
                : 404;
    changed();
    json(res, status === 404 ? 404 : 200, { status });
    return true;
  };
}

/**
 * Issue 18: a Telegram app shows an invoice's photo, which the Bot API's Message doesn't carry; the page gets it
 * beside the invoice (the URL the bot gave, served by /api/offer-photo on the sandbox's own server).
 */
function withInvoicePhoto(telegram: BotApiEmulator, message: StoredMessage): StoredMessage {
  if (!message.invoice) return message;
  const photoUrl = telegram.invoiceOf(message.chat.id, message.message_id)?.photoUrl;
  return photoUrl
    ? { ...message, invoice: { ...(message.invoice as object), photo_url: photoUrl } }
    : message;
}

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Telegram Bot API emulator at the HTTP boundary: the bot talks to it through TELEGRAM_API_ROOT exactly
 * as it would talk to api.telegram.org. It records every call, answers with Telegram-shaped results, keeps
 * chats and files in memory, and can inject errors (429 with retry_after, 403, 500). The test suite's fake
 * Bot API and the local sandbox share it. Development and tests only: nothing in api/ mounts it.
 */

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** Uploaded files of a multipart call, by field name. */
  files: Record<string, Buffer>;
  at: number;
}

export type InjectedError =
  | { code: number; description: string; retryAfter?: number }
  /** The connection drops before any answer: the client sees a reset (or a timeout), not a Bot API error. */
  | { reset: true };

export interface StoredMessage {
  message_id: number;
  chat: { id: number; type: string };
  date: number;
  from?: { id: number; is_bot: boolean; first_name: string; username?: string; language_code?: string };
  [field: string]: unknown;
}

type Params = Record<string, unknown>;

/** Issue 18: an invoice as the emulator keeps it: what the message shows, and what the bot put behind it. */
export interface SentInvoice {
  title: string;
  description: string;
  start_parameter: string;
  currency: string;
  total_amount: number;
  payload: string;
  providerToken: string;
  photoUrl?: string;
}

/** An inline query's answer: the results (InlineQueryResult objects) and the paging and start button. */
export interface InlineAnswer {
  results: Array<Record<string, unknown> & { id: string }>;
  nextOffset: string;
  button?: { text: string; start_parameter?: string };
}

const now = () => Math.floor(Date.now() / 1000);

export class BotApiEmulator {
  readonly calls: RecordedCall[] = [];
  private readonly files = new Map<string, { bytes: Buffer; path: string }>();
  private readonly messages = new Map<string, StoredMessage>();
  private readonly injected: Array<{ method: string; error: InjectedError; times: number }> = [];
  private readonly listeners = new Set<(call: RecordedCall, result: unknown) => void>();
  private nextMessageId = 1;
  private server?: Server;
  url = '';

  constructor(readonly botId = 123456) {}

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    this.server = createServer((req, res) => {
      this.serve(req, res).catch((error) => {
        res.statusCode = 500;
        res.end(JSON.stringify({ ok: false, error_code: 500, description: String(error) }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    const address = this.server.address() as AddressInfo;
    this.url = `http://${host}:${address.port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  /** Calls to one method, or all calls. */
  callsTo(method?: string): RecordedCall[] {
    return method ? this.calls.filter((c) => c.method === method) : [...this.calls];
  }

  /** Calls that put something in front of a person: messages, photos, edits, callback answers. */
  sentTo(chatId: number): RecordedCall[] {
    return this.calls.filter((c) => Number(c.params.chat_id) === chatId);
  }

  reset(): void {
    this.calls.length = 0;
    this.injected.length = 0;
  }

  /** Faults clear: no call fails any more (what was recorded stays). */
  clearInjected(): void {
    this.injected.length = 0;
  }

  /** The next `times` calls of `method` fail with this error. */
  inject(method: string, error: InjectedError, times = 1): void {
    this.injected.push({ method, error, times });
  }

  /** Stores a file as if a user had sent it, and returns its file_id. */
  addFile(bytes: Buffer, extension = 'jpg'): string {
    const fileId = `file_${randomBytes(8).toString('hex')}`;
    this.files.set(fileId, { bytes, path: `photos/${fileId}.${extension}` });
    return fileId;
  }

  fileBytes(fileId: string): Buffer | undefined {
    return this.files.get(fileId)?.bytes;
  }

  onCall(listener: (call: RecordedCall, result: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async serve(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const fileMatch = url.pathname.match(/^\/file\/bot[^/]+\/(.+)$/);
    if (fileMatch) return this.serveFile(decodeURIComponent(fileMatch[1]!), res);

    const match = url.pathname.match(/^\/bot([^/]+)\/([A-Za-z]+)$/);
    if (!match) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const method = match[2]!;
    const { params, files } = await readParams(req, url);
    const call: RecordedCall = { method, params, files, at: Date.now() };
    this.calls.push(call);

    const injected = this.injected.find((i) => i.method === method && i.times > 0);
    if (injected) {
      injected.times--;
      if ('reset' in injected.error) {
        req.socket.destroy();
        return;
      }
      const { code, description, retryAfter } = injected.error;
      return reply(res, code, {
        ok: false,
        error_code: code,
        description,
        ...(retryAfter !== undefined ? { parameters: { retry_after: retryAfter } } : {}),
      });
    }
    if (method === 'getUpdates' && this.webhookUrl) {
      // As Telegram: a token delivers by webhook or by getUpdates, never both.
      return reply(res, 409, {
        ok: false,
        error_code: 409,
        description:
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      });
    }
    if (method === 'getUpdates') {
      const offset = Number(params.offset ?? 0);
      this.takeUpdates(offset);
      await this.waitForUpdates(Number(params.timeout ?? 0));
    }
    const result = this.answer(method, params, files);
    if (result instanceof Error) {
      return reply(res, 400, { ok: false, error_code: 400, description: `Bad Request: ${result.message}` });
    }
    for (const listener of this.listeners) listener(call, result);
    return reply(res, 200, { ok: true, result });
  }

  private serveFile(path: string, res: ServerResponse) {
    const file = [...this.files.values()].find((f) => f.path === path);
    if (!file) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    res.statusCode = 200;
    res.setHeader('content-type', 'application/octet-stream');
    res.end(file.bytes);
  }

  private answer(method: string, params: Params, files: Record<string, Buffer>): unknown {
    switch (method) {
      case 'getMe':
        return { id: this.botId, is_bot: true, first_name: 'Surplus Food', username: 'SurplusFoodBot' };
      case 'sendMessage':
        if (typeof params.text !== 'string' || params.text.length === 0)
          return new Error('message text is empty');
        return this.store(params, { text: params.text });
      case 'sendPhoto': {
        const upload = files.photo;
        const fileId = upload ? this.addFile(upload) : String(params.photo);
        const size = { file_id: fileId, file_unique_id: fileId.slice(-8), width: 1280, height: 960 };
        return this.store(params, { photo: [size], caption: params.caption });
      }
      case 'sendLocation':
        return this.store(params, { location: { latitude: params.latitude, longitude: params.longitude } });
      case 'sendVenue':
        return this.store(params, {
          venue: {
            location: { latitude: params.latitude, longitude: params.longitude },
            title: params.title,
          },
        });
      case 'answerInlineQuery':
        return this.answerInline(params);
      // Issue 18: payments.
      case 'sendInvoice':
        return this.sendInvoice(params);
      case 'answerPreCheckoutQuery':
        return this.answerPreCheckout(params);
      case 'editMessageText':
      case 'editMessageCaption':
      case 'editMessageReplyMarkup':
      case 'editMessageMedia':
        return this.edit(method, params);
      case 'getFile': {
        const file = this.files.get(String(params.file_id));
        if (!file) return new Error('invalid file_id');
        return {
          file_id: params.file_id,
          file_unique_id: 'u',
          file_size: file.bytes.length,
          file_path: file.path,
        };
      }
      case 'deleteMessage':
        this.messages.delete(`${params.chat_id}:${params.message_id}`);
        return true;
      case 'getWebhookInfo':
        return {
          url: this.webhookUrl ?? '',
          has_custom_certificate: false,
          pending_update_count: this.pendingUpdates.length,
          ...this.webhookOptions,
        };
      case 'setWebhook': {
        const url = String(params.url ?? '');
        if (url !== '' && !/^https:\/\//.test(url))
          return new Error('bad webhook: HTTPS url must be provided for webhook');
        if (isTrue(params.drop_pending_updates)) this.pendingUpdates.length = 0;
        this.webhookUrl = url || undefined;
        this.webhookOptions = {
          ...(params.max_connections !== undefined
            ? { max_connections: Number(params.max_connections) }
            : {}),
          ...(Array.isArray(params.allowed_updates) ? { allowed_updates: params.allowed_updates } : {}),
        };
        this.webhookSecret = typeof params.secret_token === 'string' ? params.secret_token : undefined;
        return true;
      }
      case 'deleteWebhook':
        if (isTrue(params.drop_pending_updates)) this.pendingUpdates.length = 0;
        this.webhookUrl = undefined;
        this.webhookOptions = {};
        this.webhookSecret = undefined;
        return true;
      // Issue 17: menus and descriptions are kept per scope and language_code, as Telegram keeps them.
      case 'setMyCommands':
        this.commandsByScope.set(scopeKey(params.scope, params.language_code), params.commands ?? []);
        return true;
      case 'deleteMyCommands':
        this.commandsByScope.delete(scopeKey(params.scope, params.language_code));
        return true;
      case 'getMyCommands':
        return this.commandsByScope.get(scopeKey(params.scope, params.language_code)) ?? [];
      case 'setMyDescription':
      case 'setMyShortDescription': {
        const field = method === 'setMyDescription' ? 'description' : 'short_description';
        const text = String(params[field] ?? '');
        if (text.length > (field === 'description' ? 512 : 120))
          return new Error(`${field.toUpperCase()}_INVALID`);
        this.descriptions.set(`${field}:${languageKey(params.language_code)}`, text);
        return true;
      }
      case 'getMyDescription':
      case 'getMyShortDescription': {
        const field = method === 'getMyDescription' ? 'description' : 'short_description';
        return { [field]: this.descriptions.get(`${field}:${languageKey(params.language_code)}`) ?? '' };
      }
      case 'getUpdates':
        return this.takeUpdates(Number(params.offset ?? 0));
      default:
        // answerCallbackQuery, sendChatAction, ... all answer `true`.
        return true;
    }
  }

  /** The token's webhook, as setWebhook left it (undefined: none, so getUpdates works). */
  webhookUrl?: string;
  /** The secret Telegram would send with each webhook update; never reported by getWebhookInfo. */
  webhookSecret?: string;
  private webhookOptions: { max_connections?: number; allowed_updates?: unknown[] } = {};
  private readonly commandsByScope = new Map<string, unknown>();
  /** `description:<language>` / `short_description:<language>` ('' for the one without language_code). */
  private readonly descriptions = new Map<string, string>();

  /**
   * What Telegram shows about the bot to someone whose app speaks `languageCode`: the description in that
   * language, else the one set without a language.
   */
  descriptionFor(languageCode?: string): { description: string; shortDescription: string } {
    const read = (field: string) =>
      this.descriptions.get(`${field}:${languageKey(languageCode)}`) ??
      this.descriptions.get(`${field}:`) ??
      '';
    return { description: read('description'), shortDescription: read('short_description') };
  }

  /** Issue 14: public channels the bot posts to, by id, with their titles; `@username` ids resolve here. */
  private readonly channels = new Map<number, string>();
  private readonly channelNames = new Map<string, number>();
  /** Issue 14: what the bot answered to each inline query, as a person's Telegram would show it. */
  private readonly inlineAnswers = new Map<string, InlineAnswer>();

  /** Issue 18: every invoice sent, by `<chat>:<message>`, with what Telegram keeps of it (payload, token). */
  private readonly invoices = new Map<string, SentInvoice>();
  /** Issue 18: the bot's answer to each pre-checkout query, by query id. */
  private readonly checkouts = new Map<string, { ok: boolean; error_message?: string } | null>();
  private nextCharge = 1;

  /** As Telegram checks an invoice: title 1–32, description 1–255, payload 1–128 bytes, a provider token, prices. */
  private sendInvoice(params: Params): StoredMessage | Error {
    const title = String(params.title ?? '');
    const description = String(params.description ?? '');
    const payload = String(params.payload ?? '');
    const prices = params.prices as Array<{ label: string; amount: number }> | undefined;
    if (title.length < 1 || title.length > 32) return new Error('INVOICE_TITLE_INVALID');
    if (description.length < 1 || description.length > 255) return new Error('INVOICE_DESCRIPTION_INVALID');
    if (payload.length < 1 || Buffer.byteLength(payload) > 128) return new Error('INVOICE_PAYLOAD_INVALID');
    if (typeof params.provider_token !== 'string' || !params.provider_token)
      return new Error('PAYMENT_PROVIDER_INVALID');
    if (!/^[A-Z]{3}$/.test(String(params.currency ?? ''))) return new Error('CURRENCY_INVALID');
    if (!Array.isArray(prices) || prices.length === 0 || prices.some((p) => !Number.isInteger(p.amount))) {
      return new Error('PRICES_INVALID');
    }
    const total = prices.reduce((sum, p) => sum + p.amount, 0);
    const invoice = {
      title,
      description,
      start_parameter: typeof params.start_parameter === 'string' ? params.start_parameter : '',
      currency: String(params.currency),
      total_amount: total,
    };
    const message = this.store(params, { invoice });
    this.invoices.set(`${message.chat.id}:${message.message_id}`, {
      ...invoice,
      payload,
      providerToken: params.provider_token,
      photoUrl: typeof params.photo_url === 'string' ? params.photo_url : undefined,
    });
    return message;
  }

  private answerPreCheckout(params: Params): true | Error {
    const id = String(params.pre_checkout_query_id ?? '');
    if (!this.checkouts.has(id)) return new Error('QUERY_ID_INVALID');
    if (this.checkouts.get(id)) return new Error('QUERY_ID_INVALID');
    const ok = isTrue(params.ok);
    if (!ok && typeof params.error_message !== 'string') return new Error('error_message is required');
    this.checkouts.set(id, ok ? { ok } : { ok, error_message: String(params.error_message) });
    return true;
  }

  /** The invoice a message carries (what the person's Telegram shows, and what it will charge). */
  invoiceOf(chatId: number, messageId: number): SentInvoice | undefined {
    return this.invoices.get(`${chatId}:${messageId}`);
  }

  /** The bot's answer to a pre-checkout query (undefined: not answered). */
  checkoutAnswer(queryId: string): { ok: boolean; error_message?: string } | undefined {
    return this.checkouts.get(queryId) ?? undefined;
  }

  /**
   * Issue 18: a person pays an invoice as Telegram runs it: a `pre_checkout_query` for the bot to answer, then,
   * only if it answered ok, the charge and a `successful_payment` message in the payer's private chat. `deliver`
   * hands each update (without its update_id) to the bot and resolves once it was handled. `payer` may be someone
   * other than the chat's owner (a forwarded invoice); `tamper` changes what the checkout claims, as a forged or
   * mismatched update would.
   */
  async payInvoice(
    payer: { id: number; first_name: string },
    invoice: { chatId: number; messageId: number },
    deliver: (update: Record<string, unknown>) => Promise<unknown>,
    tamper: { totalAmount?: number; currency?: string } = {},
  ): Promise<{ answer?: { ok: boolean; error_message?: string }; paid?: StoredMessage }> {
    const sent = this.invoiceOf(invoice.chatId, invoice.messageId);
    if (!sent) throw new Error(`no invoice in message ${invoice.chatId}:${invoice.messageId}`);
    const from = { id: payer.id, is_bot: false, first_name: payer.first_name };
    const queryId = `${payer.id}-pcq-${this.nextCharge}`;
    this.checkouts.set(queryId, null);
    const currency = tamper.currency ?? sent.currency;
    const totalAmount = tamper.totalAmount ?? sent.total_amount;
    await deliver({
      pre_checkout_query: {
        id: queryId,
        from,
        currency,
        total_amount: totalAmount,
        invoice_payload: sent.payload,
      },
    });
    const answer = this.checkoutAnswer(queryId);
    if (!answer?.ok) return { answer };
    const n = this.nextCharge++;
    const paid = this.userMessage(payer, {
      successful_payment: {
        currency,
        total_amount: totalAmount,
        invoice_payload: sent.payload,
        telegram_payment_charge_id: `tg_charge_${this.botId}_${n}_${randomBytes(4).toString('hex')}`,
        provider_payment_charge_id: `ch_emulated_${n}_${randomBytes(6).toString('hex')}`,
      },
    });
    await deliver({ message: paid });
    return { answer, paid };
  }

  /** A channel the bot is an admin of (so it may post there), reachable by id or by `@username`. */
  addChannel(id: number, title: string, username?: string): void {
    this.channels.set(id, title);
    if (username) this.channelNames.set(`@${username.replace(/^@/, '')}`.toLowerCase(), id);
  }

  /** The answer to an inline query, once the bot has given it. */
  inlineAnswer(queryId: string): InlineAnswer | undefined {
    return this.inlineAnswers.get(queryId);
  }

  private chatIdOf(value: unknown): number {
    const named = typeof value === 'string' ? this.channelNames.get(value.toLowerCase()) : undefined;
    return named ?? Number(value);
  }

  /** As Telegram checks them: at most 50 results, each with a unique id of 1–64 bytes. */
  private answerInline(params: Params): true | Error {
    const results = params.results as InlineAnswer['results'] | undefined;
    if (!Array.isArray(results)) return new Error('RESULTS_INVALID');
    if (results.length > 50) return new Error('RESULTS_TOO_MUCH');
    const ids = results.map((r) => String(r.id ?? ''));
    if (ids.some((id) => id.length === 0 || Buffer.byteLength(id) > 64) || new Set(ids).size !== ids.length) {
      return new Error('RESULT_ID_INVALID');
    }
    this.inlineAnswers.set(String(params.inline_query_id), {
      results,
      nextOffset: typeof params.next_offset === 'string' ? params.next_offset : '',
      button: params.button as InlineAnswer['button'],
    });
    return true;
  }

  /**
   * A person sends one of an inline answer's results into their chat (as Telegram does when a result is
   * tapped): the message shows the result's content and buttons, "via" the bot.
   */
  sendInlineResult(
    from: { id: number; first_name: string },
    queryId: string,
    resultId: string,
  ): StoredMessage | undefined {
    const result = this.inlineAnswers.get(queryId)?.results.find((r) => r.id === resultId);
    if (!result) return undefined;
    const content = result.input_message_content as { message_text?: string } | undefined;
    const message = this.userMessage(from, {
      text: content?.message_text ?? String(result.title ?? ''),
      via_bot: { id: this.botId, is_bot: true, first_name: 'Surplus Food', username: 'SurplusFoodBot' },
      ...(result.reply_markup ? { reply_markup: result.reply_markup } : {}),
    });
    return message;
  }

  /**
   * Sets the token's webhook as if someone had run setWebhook earlier (e.g. a production deployment), so a
   * test can see what a client does when it finds one.
   */
  presetWebhook(url: string | undefined): void {
    this.webhookUrl = url || undefined;
  }

  /** Everything in one chat, oldest first: what the person sees (their own messages included). */
  history(chatId: number): StoredMessage[] {
    return [...this.messages.values()]
      .filter((m) => m.chat.id === chatId)
      .sort((a, b) => a.message_id - b.message_id);
  }

  /**
   * Stores a message a person sends, so the chat shows it and the update can carry its real id (and, as
   * Telegram does, the language of the person's app).
   */
  userMessage(
    from: { id: number; first_name: string; language_code?: string },
    content: Params,
  ): StoredMessage {
    const message: StoredMessage = {
      message_id: this.nextMessageId++,
      date: now(),
      chat: { id: from.id, type: 'private' },
      from: {
        id: from.id,
        is_bot: false,
        first_name: from.first_name,
        ...(from.language_code ? { language_code: from.language_code } : {}),
      },
      ...content,
    };
    this.messages.set(`${from.id}:${message.message_id}`, message);
    return message;
  }

  /** A message one person forwards to another (the sandbox's share dialog), shown in the recipient's chat. */
  sharedMessage(from: { id: number; first_name: string }, to: { id: number }, text: string): StoredMessage {
    const message: StoredMessage = {
      message_id: this.nextMessageId++,
      date: now(),
      chat: { id: to.id, type: 'private' },
      from: { id: from.id, is_bot: false, first_name: from.first_name },
      forward_origin: { type: 'user', sender_user: { id: from.id, first_name: from.first_name } },
      text,
    };
    this.messages.set(`${to.id}:${message.message_id}`, message);
    return message;
  }

  message(chatId: number, messageId: number): StoredMessage | undefined {
    return this.messages.get(`${chatId}:${messageId}`);
  }

  /**
   * The command menu a chat sees, as Telegram picks it: the chat's own scope, then (in a private chat)
   * all_private_chats, then the default; within each scope, the list for the person's app language
   * (`languageCode`, issue 17) before the one set without a language.
   */
  commandsFor(chatId: number, languageCode?: string): unknown {
    const scopes = [
      { type: 'chat', chat_id: chatId },
      ...(chatId > 0 ? [{ type: 'all_private_chats' }] : []),
      { type: 'default' },
    ];
    for (const scope of scopes) {
      const found =
        (languageCode ? this.commandsByScope.get(scopeKey(scope, languageCode)) : undefined) ??
        this.commandsByScope.get(scopeKey(scope));
      if (found) return found;
    }
    return [];
  }
  private readonly pendingUpdates: Array<{ update_id: number }> = [];
  private updateWaiters = new Set<() => void>();

  /** Queues an update for `getUpdates` (long polling), as Telegram does while no webhook is set. */
  queueUpdate(update: { update_id: number }): void {
    this.pendingUpdates.push(update);
    for (const wake of this.updateWaiters) wake();
  }

  private takeUpdates(offset: number) {
    // Like Telegram, an offset confirms (drops) every update below it.
    while (this.pendingUpdates.length > 0 && this.pendingUpdates[0]!.update_id < offset)
      this.pendingUpdates.shift();
    return [...this.pendingUpdates];
  }

  /** Holds a long poll until an update arrives or the poll's timeout passes. */
  private waitForUpdates(seconds: number): Promise<void> {
    if (this.pendingUpdates.length > 0 || seconds <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.updateWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.min(seconds, 30) * 1000);
      this.updateWaiters.add(done);
    });
  }

  private store(params: Params, content: Params): StoredMessage {
    const chatId = this.chatIdOf(params.chat_id);
    // Channel posts (issue 14) come from the channel itself, not from a user.
    const channel = this.channels.has(chatId) || String(chatId).startsWith('-100');
    const message: StoredMessage = {
      message_id: this.nextMessageId++,
      date: now(),
      chat: { id: chatId, type: channel ? 'channel' : chatId > 0 ? 'private' : 'group' },
      ...(channel
        ? { sender_chat: { id: chatId, type: 'channel', title: this.channels.get(chatId) ?? 'Channel' } }
        : { from: { id: this.botId, is_bot: true, first_name: 'Surplus Food', username: 'SurplusFoodBot' } }),
      ...content,
      ...(params.reply_markup ? { reply_markup: params.reply_markup } : {}),
    };
    this.messages.set(`${message.chat.id}:${message.message_id}`, message);
    return message;
  }

  private edit(method: string, params: Params): StoredMessage | Error {
    const key = `${this.chatIdOf(params.chat_id)}:${params.message_id}`;
    const message = this.messages.get(key);
    if (!message) return new Error('message to edit not found');
    if (method === 'editMessageText') {
      // As Telegram: a photo (or a pin, an invoice) has no text to replace; only a text message becomes another.
      if (typeof message.text !== 'string') return new Error('there is no text in the message to edit');
      if (
        message.text === params.text &&
        JSON.stringify(message.reply_markup) === JSON.stringify(params.reply_markup)
      ) {
        return new Error('message is not modified');
      }
      message.text = params.text;
    }
    if (method === 'editMessageCaption') {
      if (
        message.caption === params.caption &&
        JSON.stringify(message.reply_markup) === JSON.stringify(params.reply_markup)
      ) {
        return new Error('message is not modified');
      }
      message.caption = params.caption;
    }
    if ('reply_markup' in params) message.reply_markup = params.reply_markup;
    return message;
  }
}

/**
 * One key per BotCommandScope and language, whatever order the scope's fields came in; no scope is the default
 * scope, no language_code the list for every language without its own.
 */
function scopeKey(scope: unknown, languageCode?: unknown): string {
  const value = (scope ?? { type: 'default' }) as Record<string, unknown>;
  const { type, chat_id, user_id } = value;
  const chat = chat_id === undefined ? undefined : Number(chat_id);
  return JSON.stringify({ type, chat_id: chat, user_id, language: languageKey(languageCode) });
}

/** A two-letter language_code as Telegram takes it; '' for none. */
const languageKey = (code: unknown) => (typeof code === 'string' ? code : '');

/** Booleans arrive as JSON booleans, or as strings in multipart and query parameters. */
const isTrue = (value: unknown) => value === true || value === 'true';

function reply(res: ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

async function readParams(
  req: IncomingMessage,
  url: URL,
): Promise<{ params: Params; files: Record<string, Buffer> }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  const params: Params = Object.fromEntries(url.searchParams);
  const files: Record<string, Buffer> = {};
  if (type.includes('application/json') && body.length > 0) {
    Object.assign(params, JSON.parse(body.toString('utf8')));
  } else if (type.includes('multipart/form-data') || type.includes('application/x-www-form-urlencoded')) {
    const form = await new Request('http://emulator/', {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    }).formData();
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') params[key] = parseMaybeJson(value);
      else files[key] = Buffer.from(await value.arrayBuffer());
    }
  }
  return { params, files };
}

/** Multipart fields arrive as strings; Telegraf JSON-encodes objects such as reply_markup. */
function parseMaybeJson(value: string): unknown {
  if (/^[[{]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

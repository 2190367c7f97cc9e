import type { BotApiEmulator } from './bot-api-emulator.js';
import type { Persona } from './personas.js';

/**
 * What a person does in the chat, turned into the Update Telegram would send, and delivered to the bot's
 * webhook over HTTP with the secret header — the same path as production.
 */
export class UserActions {
  private nextUpdateId = 1;
  /** Issue 17: the language each persona's Telegram app is set to (sent as `from.language_code`). */
  private readonly languages = new Map<number, string>();

  constructor(
    private readonly telegram: BotApiEmulator,
    private readonly webhookUrl: string,
    private readonly secret: string,
  ) {}

  private async deliver(update: Record<string, unknown>): Promise<number> {
    const response = await fetch(this.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': this.secret },
      body: JSON.stringify({ update_id: this.nextUpdateId++, ...update }),
    });
    return response.status;
  }

  private sendMessage(person: Persona, content: Record<string, unknown>) {
    const message = this.telegram.userMessage(this.fromOf(person), content);
    return this.deliver({ message });
  }

  /** The person as Telegram describes them in an update: their app's language included. */
  private fromOf(person: Persona) {
    const language = this.languageOf(person);
    return { id: person.id, is_bot: false, first_name: person.first_name, language_code: language };
  }

  /** The language of the persona's app (the page's switch); English until changed. */
  languageOf(person: Persona): string {
    return this.languages.get(person.id) ?? 'en';
  }

  setLanguage(person: Persona, languageCode: string) {
    this.languages.set(person.id, languageCode);
  }

  text(person: Persona, text: string) {
    const command = text.match(/^\/\w+/)?.[0];
    const entities = command ? [{ type: 'bot_command', offset: 0, length: command.length }] : undefined;
    return this.sendMessage(person, { text, ...(entities ? { entities } : {}) });
  }

  location(person: Persona, latitude: number, longitude: number) {
    // Kept for inline mode too: Telegram sends the place with inline queries once a person allowed it.
    this.lastLocation.set(person.id, { latitude, longitude });
    return this.sendMessage(person, { location: { latitude, longitude } });
  }

  private readonly lastLocation = new Map<number, { latitude: number; longitude: number }>();

  /**
   * Issue 14: the person types `@bot <query>` in a chat's input. Returns the query's id once the webhook has
   * answered (the bot's answer is then in the emulator).
   */
  async inlineQuery(
    person: Persona,
    query: string,
    offset = '',
  ): Promise<{ status: number; queryId: string }> {
    const queryId = `${person.id}-iq-${this.nextUpdateId}`;
    const location = this.lastLocation.get(person.id);
    const status = await this.deliver({
      inline_query: {
        id: queryId,
        from: this.fromOf(person),
        query,
        offset,
        chat_type: 'private',
        ...(location ? { location } : {}),
      },
    });
    return { status, queryId };
  }

  /** The person taps one of the inline results: it is sent into their chat, and the bot hears which. */
  async chooseInlineResult(person: Persona, queryId: string, resultId: string, query: string) {
    const sent = this.telegram.sendInlineResult(person, queryId, resultId);
    if (!sent) return 404;
    return this.deliver({
      chosen_inline_result: {
        result_id: resultId,
        from: this.fromOf(person),
        query,
      },
    });
  }

  /**
   * Issue 14: Telegram's share dialog, reduced to the sandbox's chats: the link arrives in the other persona's
   * chat as a message from the sharer, where tapping it opens the bot as a t.me link would.
   */
  share(from: Persona, to: Persona, text: string, url: string) {
    return this.telegram.sharedMessage(from, to, `${text}\n${url}`);
  }

  contact(person: Persona) {
    // A preset phone number; in Telegram the person's own contact carries their user id.
    return this.sendMessage(person, {
      contact: { phone_number: `+49301000${person.id}`, first_name: person.first_name, user_id: person.id },
    });
  }

  photo(person: Persona, bytes: Buffer, caption?: string) {
    const fileId = this.telegram.addFile(bytes);
    const photo = [
      {
        file_id: fileId,
        file_unique_id: fileId.slice(-8),
        width: 1280,
        height: 960,
        file_size: bytes.length,
      },
    ];
    return this.sendMessage(person, { photo, ...(caption ? { caption } : {}) });
  }

  /**
   * Issue 18: the person taps Pay on an invoice in their chat: Telegram's checkout runs (a pre_checkout_query the
   * bot must approve, then the charge and a successful_payment message), as the emulator plays it.
   */
  async pay(person: Persona, messageId: number) {
    if (!this.telegram.invoiceOf(person.id, messageId)) return 404;
    const { answer } = await this.telegram.payInvoice(person, { chatId: person.id, messageId }, (update) =>
      this.deliver(update),
    );
    return answer?.ok ? 200 : 402;
  }

  /** A tap on an inline button of a message in the person's chat. */
  async click(person: Persona, messageId: number, data: string) {
    const message = this.telegram.message(person.id, messageId);
    if (!message) return 404;
    return this.deliver({
      callback_query: {
        id: `${person.id}-${this.nextUpdateId}`,
        from: this.fromOf(person),
        chat_instance: String(person.id),
        message,
        data,
      },
    });
  }
}

import type { BotApiEmulator } from './bot-api-emulator.js';
import type { Persona } from './personas.js';

/**
 * What a person does in the chat, turned into the Update Telegram would send, and delivered to the bot's
 * webhook over HTTP with the secret header — the same path as production.
 */
export class UserActions {
  private nextUpdateId = 1;

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
    const message = this.telegram.userMessage(person, content);
    return this.deliver({ message });
  }

  text(person: Persona, text: string) {
    const command = text.match(/^\/\w+/)?.[0];
    const entities = command ? [{ type: 'bot_command', offset: 0, length: command.length }] : undefined;
    return this.sendMessage(person, { text, ...(entities ? { entities } : {}) });
  }

  location(person: Persona, latitude: number, longitude: number) {
    return this.sendMessage(person, { location: { latitude, longitude } });
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

  /** A tap on an inline button of a message in the person's chat. */
  async click(person: Persona, messageId: number, data: string) {
    const message = this.telegram.message(person.id, messageId);
    if (!message) return 404;
    return this.deliver({
      callback_query: {
        id: `${person.id}-${this.nextUpdateId}`,
        from: { id: person.id, is_bot: false, first_name: person.first_name },
        chat_instance: String(person.id),
        message,
        data,
      },
    });
  }
}

import { randomInt } from 'node:crypto';
import type { Update } from 'telegraf/types';

/**
 * Ids and updates for one benchmark run. Every user id and update id carries the run's tag (a 7-digit
 * prefix), so the run never collides with earlier runs' Redis keys (claims, sessions, limits) on a shared
 * server, and its keys can be found and deleted afterwards.
 */
export interface Person {
  id: number;
  first_name: string;
}

export const newRunTag = () => `9${randomInt(100_000, 1_000_000)}`;

export class UpdateFactory {
  private nextUpdate: number;
  private nextMessage = 1_000_000;

  /** `block` separates the id ranges of processes sharing a tag (the bench, its children). */
  constructor(
    readonly tag: string,
    block = 0,
  ) {
    this.nextUpdate = block * 100_000;
  }

  /** The n-th person of this run (stable: the same n is the same person). */
  person(n: number, name = 'Customer'): Person {
    return { id: this.id(n), first_name: name };
  }

  private id(n: number) {
    return Number(`${this.tag}${String(n).padStart(6, '0')}`);
  }

  private updateId() {
    return this.id(this.nextUpdate++);
  }

  text(person: Person, text: string): Update {
    const command = text.startsWith('/') ? text.split(/\s/)[0]! : undefined;
    return {
      update_id: this.updateId(),
      message: {
        message_id: this.nextMessage++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: person.id, type: 'private', first_name: person.first_name },
        from: { ...person, is_bot: false, language_code: 'en' },
        text,
        ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command.length }] } : {}),
      },
    } as Update;
  }

  /** A button press on message `messageId` of the person's private chat. */
  callback(person: Person, data: string, messageId: number): Update {
    const updateId = this.updateId();
    return {
      update_id: updateId,
      callback_query: {
        id: `cb${updateId}`,
        from: { ...person, is_bot: false, language_code: 'en' },
        chat_instance: 'bench',
        data,
        message: {
          message_id: messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: person.id, type: 'private', first_name: person.first_name },
          text: '…',
        },
      },
    } as Update;
  }
}

import type { Update } from 'telegraf/types';

/** Builders for Telegram updates as people would send them. */
let nextUpdateId = 1000;
let nextMessageId = 5000;

export interface Person {
  id: number;
  first_name: string;
  username?: string;
  /** The language of the person's Telegram app, as Telegram sends it with their updates (issue 17). */
  language_code?: string;
}

export const people = {
  alice: { id: 1001, first_name: 'Alice', username: 'alice' },
  bob: { id: 1002, first_name: 'Bob' },
  owner: { id: 2001, first_name: 'Olga', username: 'olga_bakery' },
  otherOwner: { id: 2002, first_name: 'Paul' },
  admin: { id: 9001, first_name: 'Ada' },
} satisfies Record<string, Person>;

const privateChat = (person: Person) => ({
  id: person.id,
  type: 'private' as const,
  first_name: person.first_name,
});
const date = () => Math.floor(Date.now() / 1000);

export function textUpdate(person: Person, text: string, extra: Record<string, unknown> = {}): Update {
  const entities = text.startsWith('/')
    ? [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0]!.length }]
    : undefined;
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextMessageId++,
      date: date(),
      chat: privateChat(person),
      from: { ...person, is_bot: false },
      text,
      ...(entities ? { entities } : {}),
      ...extra,
    },
  } as Update;
}

export function messageUpdate(
  person: Person,
  content: Record<string, unknown>,
  chat?: Record<string, unknown>,
): Update {
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextMessageId++,
      date: date(),
      chat: chat ?? privateChat(person),
      from: { ...person, is_bot: false },
      ...content,
    },
  } as Update;
}

export function callbackUpdate(person: Person, data: string, messageId = 1): Update {
  return {
    update_id: nextUpdateId++,
    callback_query: {
      id: `cb${nextUpdateId}`,
      from: { ...person, is_bot: false },
      chat_instance: 'ci',
      data,
      message: { message_id: messageId, date: date(), chat: privateChat(person), text: '…' },
    },
  } as Update;
}

export function groupCommand(person: Person, text: string): Update {
  return messageUpdate(
    person,
    { text, entities: [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0]!.length }] },
    { id: -100123, type: 'supergroup', title: 'Food lovers' },
  );
}

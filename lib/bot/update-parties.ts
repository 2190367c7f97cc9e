import type { Update } from 'telegraf/types';

/** Who sent an update and in which chat, whatever its kind; used for rate limits and session keys. */
export interface UpdateParties {
  userId?: number;
  chatId?: number;
  chatType?: string;
  /** my_chat_member / chat_member: news about a membership, handled before any conversation state. */
  membership?: boolean;
  /**
   * Issue 18: a checkout or a successful payment. Never rate limited: a dropped pre_checkout_query fails the
   * customer's payment, and a dropped successful_payment would lose money Telegram already took.
   */
  payment?: 'checkout' | 'charged';
  /** Issue 17: the sender's Telegram language, for what is said before the bot runs (slow down). */
  languageCode?: string;
}

export function updateParties(update: Update): UpdateParties {
  const u = update as Partial<
    Record<string, { from?: { id: number; language_code?: string }; chat?: { id: number; type: string } }>
  > &
    Update;
  const callback = 'callback_query' in update ? update.callback_query : undefined;
  const source =
    u.message ??
    u.edited_message ??
    u.channel_post ??
    u.edited_channel_post ??
    u.my_chat_member ??
    u.chat_member;
  const chat = source?.chat ?? (callback?.message?.chat as { id: number; type: string } | undefined);
  const from =
    source?.from ??
    callback?.from ??
    u.inline_query?.from ??
    u.chosen_inline_result?.from ??
    u.pre_checkout_query?.from;
  const membership = Boolean(u.my_chat_member ?? u.chat_member);
  const payment = u.pre_checkout_query
    ? 'checkout'
    : (u.message as { successful_payment?: unknown } | undefined)?.successful_payment
      ? 'charged'
      : undefined;
  return {
    userId: from?.id,
    chatId: chat?.id,
    chatType: chat?.type,
    ...(membership ? { membership } : {}),
    ...(payment ? { payment } : {}),
    ...(from?.language_code ? { languageCode: from.language_code } : {}),
  };
}

/**
 * The session belongs to a person in their private chat with the bot; groups get no session, and neither
 * do membership updates: they are handled before the session middleware, so a read primed for them would
 * never be consumed.
 */
export function sessionKeyOf(parties: UpdateParties): string | undefined {
  if (parties.userId === undefined || parties.chatType !== 'private' || parties.membership) return undefined;
  return String(parties.userId);
}

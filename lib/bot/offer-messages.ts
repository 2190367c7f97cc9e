import type { Telegram } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Config } from '../config.js';
import type { ChannelShown } from '../marketplace/channel-posts.js';
import type { ClaimedDealAlert } from '../marketplace/deal-alerts.js';
import type { CustomerOffer } from '../marketplace/offer-details.js';
import { html } from './html.js';
import { channelKeyboard, dealAlertKeyboard } from './keyboards/returning.js';
import { channelPost } from './texts/channel.js';
import { offerDetails } from './texts/customer.js';
import { dealAlertTexts } from './texts/follows.js';
import type { Locale } from './texts/locale.js';

/** Telegram's caption limit: a longer card goes out as text, without its photo, so it stays one message. */
const CAPTION_MAX = 1024;

interface OfferMessage {
  text: string;
  photo: string | null;
  markup: InlineKeyboardMarkup;
}

/** Sends a card as one message (a photo with its caption when it fits); returns the message id. */
export async function sendOfferMessage(telegram: Telegram, chatId: number | string, message: OfferMessage) {
  const extra = { ...html, reply_markup: message.markup };
  if (message.photo && message.text.length <= CAPTION_MAX) {
    const sent = await telegram.sendPhoto(chatId, message.photo, { caption: message.text, ...extra });
    return { messageId: sent.message_id, hasPhoto: true };
  }
  const sent = await telegram.sendMessage(chatId, message.text, extra);
  return { messageId: sent.message_id, hasPhoto: false };
}

/** A new-deal alert (issue 14): why it came, then the offer card with its Reserve buttons. */
export function dealAlertMessage(
  offer: CustomerOffer,
  alert: Pick<ClaimedDealAlert, 'reason' | 'distanceM'>,
  l: Locale,
  config: Pick<Config, 'botUsername'>,
): OfferMessage {
  const header =
    alert.reason === 'follow'
      ? dealAlertTexts.followHeader(offer)
      : dealAlertTexts.searchHeader(alert.distanceM);
  return {
    text: `${header}\n\n${offerDetails(offer, l)}`,
    photo: offer.photoFileId,
    markup: dealAlertKeyboard(offer, l, config).reply_markup,
  };
}

/** An offer's post in the public channel, as it should look now. */
export function channelMessage(
  offer: CustomerOffer,
  shown: Exclude<ChannelShown, 'none'>,
  l: Locale,
  config: Pick<Config, 'botUsername'>,
): OfferMessage {
  return {
    text: channelPost(offer, shown, l),
    photo: offer.photoFileId,
    markup: channelKeyboard(offer.id, shown === 'live', config).reply_markup,
  };
}

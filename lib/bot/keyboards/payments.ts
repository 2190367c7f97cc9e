import { Markup } from 'telegraf';
import { encodeCallback } from '../callback-data.js';
import { reserveTexts } from '../texts/customer.js';
import { paymentTexts, venuePaymentTexts } from '../texts/payments.js';

const button = Markup.button.callback;

/** The confirm card of a venue that takes online payment: pay now or at pickup (the cash path, unchanged). */
export const payOrCashKeyboard = (offerId: number, itemId: number, quantity: number) =>
  Markup.inlineKeyboard([
    [
      button(paymentTexts.payNowButton, encodeCallback('buy:pay', offerId, itemId, quantity)),
      button(paymentTexts.payAtPickupButton, encodeCallback('buy:confirm', offerId, itemId, quantity)),
    ],
    [button(reserveTexts.abortButton, encodeCallback('buy:abort'))],
  ]);

/** The owner's switch on the /venue card: it says what a press will do. */
export const onlinePaymentButton = (accepts: boolean) =>
  button(venuePaymentTexts.toggleButton(accepts), encodeCallback('venue:payments', accepts ? 0 : 1));

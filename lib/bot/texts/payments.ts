import * as de from './de/payments.js';
import * as en from './en/payments.js';
import * as es from './es/payments.js';
import { localizedModule } from './language.js';
import * as ru from './ru/payments.js';

export const { paymentTexts, checkoutRefusals, paymentStateTexts, venuePaymentTexts } = localizedModule<
  typeof en
>({ en, de, es, ru });

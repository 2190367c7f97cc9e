import type { Update } from 'telegraf/types';
import type { StoredMessage } from '../../dev/sandbox/bot-api-emulator.js';
import type { TestApp } from './app.js';
import type { Person } from './updates.js';

/** Paying in chat as Telegram runs it (issue 18): the emulator's checkout, delivered through the webhook. */
let nextUpdateId = 7_000_000;

export function paymentDriver(app: TestApp) {
  const deliver = (update: Record<string, unknown>) =>
    app.deliver({ update_id: nextUpdateId++, ...update } as unknown as Update);
  /** The newest invoice message in a chat. */
  const lastInvoice = (chatId: number): StoredMessage | undefined =>
    app.telegram
      .history(chatId)
      .filter((m) => m.invoice)
      .at(-1);
  return {
    deliver,
    lastInvoice,
    /** `payer` pays the newest invoice in `chatId` (their own chat unless said): checkout, then the payment. */
    async pay(
      payer: Person,
      options: { chatId?: number; tamper?: { totalAmount?: number; currency?: string } } = {},
    ) {
      const chatId = options.chatId ?? payer.id;
      const invoice = lastInvoice(chatId);
      if (!invoice) throw new Error(`no invoice in chat ${chatId}`);
      return app.telegram.payInvoice(
        payer,
        { chatId, messageId: invoice.message_id },
        deliver,
        options.tamper,
      );
    },
    /** A successful_payment message as someone could forge it (any chat, any payload, any amount). */
    forgedPayment(
      person: Person,
      payment: { payload: string; totalAmount: number; currency?: string; charge?: string },
      chat: Record<string, unknown> = { id: person.id, type: 'private', first_name: person.first_name },
    ) {
      return deliver({
        message: {
          message_id: nextUpdateId,
          date: Math.floor(Date.now() / 1000),
          chat,
          from: { ...person, is_bot: false },
          successful_payment: {
            currency: payment.currency ?? 'EUR',
            total_amount: payment.totalAmount,
            invoice_payload: payment.payload,
            telegram_payment_charge_id: payment.charge ?? `forged_${nextUpdateId}`,
            provider_payment_charge_id: `ch_forged_${nextUpdateId}`,
            order_info: {
              name: 'Alice Example',
              phone_number: '+49 151 23456789',
              email: 'alice@example.org',
            },
          },
        },
      });
    },
  };
}

import type { Scenes } from 'telegraf';
import type { BotContext } from '../context.js';

/** The text of a plain text message, or undefined for anything else. */
export const textOf = (ctx: BotContext): string | undefined =>
  ctx.message && 'text' in ctx.message ? ctx.message.text.trim() : undefined;

export const isSkip = (text: string | undefined, label: string) =>
  text !== undefined && (text === label || text.toLowerCase() === 'skip' || text === '-');

/**
 * Every wizard: /cancel leaves and discards the draft; any other command is answered with a reminder
 * instead of silently starting something else half-way through.
 */
export function guardWizard(
  scene: Scenes.WizardScene<BotContext>,
  texts: { cancelled: string; still: string },
) {
  scene.command('cancel', async (ctx) => {
    await ctx.scene.leave();
    await ctx.reply(texts.cancelled, { reply_markup: { remove_keyboard: true } });
  });
  scene.on('message', async (ctx, next) => {
    const text = 'text' in ctx.message ? ctx.message.text : '';
    // Cursor 0 is the step that asks the first question: the message there is the command that entered.
    if (text.startsWith('/') && ctx.wizard.cursor > 0) {
      await ctx.reply(texts.still);
      return;
    }
    return next();
  });
}

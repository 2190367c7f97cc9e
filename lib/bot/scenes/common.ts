import { type MiddlewareFn, Scenes } from 'telegraf';
import type { BotContext } from '../context.js';
import { inEveryLanguage } from '../texts/language.js';

/** Every wizard's first step, `start`, runs as the wizard is entered: it asks the first question. */
const START = 0;

/**
 * A wizard whose steps have names: `Step` numbers them (`{ start: 0, title: 1, … }`, the numbers the session
 * keeps), `steps` gives each name its handler, and code moves by name (`ctx.wizard.selectStep(Step.window)`).
 * The steps run in the order of their numbers, which must be 0, 1, 2… with no gap.
 */
export function namedWizard<S extends { start: typeof START } & Record<string, number>>(
  id: string,
  Step: S,
  steps: { [K in keyof S]: MiddlewareFn<BotContext> },
): Scenes.WizardScene<BotContext> {
  const names = Object.keys(Step).sort((a, b) => Step[a]! - Step[b]!);
  names.forEach((name, i) => {
    if (Step[name] !== i) throw new Error(`wizard ${id}: step ${name} is numbered ${Step[name]}, not ${i}`);
  });
  return new Scenes.WizardScene<BotContext>(id, ...names.map((name) => steps[name]!));
}

/** The text of a plain text message, or undefined for anything else. */
export const textOf = (ctx: BotContext): string | undefined =>
  ctx.message && 'text' in ctx.message ? ctx.message.text.trim() : undefined;

/**
 * A keyboard label (read through `label`, e.g. `() => t.keep`) in any language we speak (issue 17): a keyboard
 * shown before a /language switch still works after it.
 */
export const isLabel = (text: string | undefined, label: () => string) =>
  text !== undefined && inEveryLanguage(label).includes(text);

/** "Skip" as the button says it in any language, or typed: "skip" (any case, any of its words) or "-". */
export const isSkip = (text: string | undefined, label: () => string) => {
  if (text === undefined) return false;
  const typed = text.toLowerCase();
  return text === '-' || typed === 'skip' || inEveryLanguage(label).some((l) => l.toLowerCase() === typed);
};

/**
 * Every wizard: /cancel leaves and discards the draft; any other command is answered with a reminder
 * instead of silently starting something else half-way through. `texts` is read when a line is said, so it is
 * in the person's language (issue 17), not in the one the module was loaded in.
 */
export function guardWizard(
  scene: Scenes.WizardScene<BotContext>,
  texts: () => { cancelled: string; still: string },
) {
  scene.command('cancel', async (ctx) => {
    await ctx.scene.leave();
    await ctx.reply(texts().cancelled, { reply_markup: { remove_keyboard: true } });
  });
  scene.on('message', async (ctx, next) => {
    const text = 'text' in ctx.message ? ctx.message.text : '';
    // At the start step the message is the command that entered the wizard.
    if (text.startsWith('/') && ctx.wizard.cursor !== START) {
      await ctx.reply(texts().still);
      return;
    }
    return next();
  });
}

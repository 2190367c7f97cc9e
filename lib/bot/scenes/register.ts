import { Markup } from 'telegraf';
import { registerVenue } from '../../marketplace/venues.js';
import type { BotContext } from '../context.js';
import { notifyAdminsOfRegistration } from '../features/admin-notify.js';
import { html } from '../html.js';
import { photoProblem, receivePhoto } from '../photo.js';
import { registerTexts as t } from '../texts/venue.js';
import { guardWizard, isSkip, namedWizard, textOf } from './common.js';

export const REGISTER_SCENE = 'register';

interface Draft {
  name?: string;
  address?: string;
  latitude?: number | null;
  longitude?: number | null;
  phone?: string;
  description?: string;
}

const draftOf = (ctx: BotContext) => ctx.wizard.state as Draft;
const skipKeyboard = Markup.keyboard([[t.skip]])
  .resize()
  .oneTime();

/** "+49 30 1234567", "030-123 4567" → kept as typed (trimmed) when it has 7–15 digits. */
function parsePhone(text: string): string | null {
  if (!/^\+?[\d\s().-]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  return digits.length >= 7 && digits.length <= 15 ? text.replace(/\s+/g, ' ').trim() : null;
}

/** Each step reads the answer to the question the one before it asked. */
const Step = { start: 0, name: 1, address: 2, location: 3, phone: 4, description: 5, photo: 6 } as const;

export const registerScene = namedWizard(REGISTER_SCENE, Step, {
  start: async (ctx) => {
    await ctx.reply(t.askName, { ...html, reply_markup: { remove_keyboard: true } });
    return ctx.wizard.selectStep(Step.name);
  },
  name: async (ctx) => {
    const name = textOf(ctx);
    if (!name || name.length < 2 || name.length > 80) return void (await ctx.reply(t.badName));
    draftOf(ctx).name = name;
    await ctx.reply(t.askAddress, html);
    return ctx.wizard.selectStep(Step.address);
  },
  address: async (ctx) => {
    const address = textOf(ctx);
    if (!address || address.length < 5 || address.length > 200) return void (await ctx.reply(t.badAddress));
    draftOf(ctx).address = address;
    await ctx.reply(t.askLocation, {
      ...html,
      ...Markup.keyboard([[Markup.button.locationRequest(t.sendLocation)], [t.skip]])
        .resize()
        .oneTime(),
    });
    return ctx.wizard.selectStep(Step.location);
  },
  location: async (ctx) => {
    const message = ctx.message;
    const location = message && 'location' in message ? message.location : undefined;
    if (location) {
      draftOf(ctx).latitude = location.latitude;
      draftOf(ctx).longitude = location.longitude;
    } else if (!isSkip(textOf(ctx), t.skip)) {
      return void (await ctx.reply(t.badLocation));
    }
    await ctx.reply(t.askPhone, {
      ...html,
      ...Markup.keyboard([[Markup.button.contactRequest(t.sharePhone)]])
        .resize()
        .oneTime(),
    });
    return ctx.wizard.selectStep(Step.phone);
  },
  phone: async (ctx) => {
    const message = ctx.message;
    let phone: string | null = null;
    if (message && 'contact' in message) {
      if (message.contact.user_id !== ctx.from?.id) return void (await ctx.reply(t.notYourContact));
      phone = parsePhone(
        message.contact.phone_number.startsWith('+')
          ? message.contact.phone_number
          : `+${message.contact.phone_number}`,
      );
    } else {
      const text = textOf(ctx);
      phone = text ? parsePhone(text) : null;
    }
    if (!phone) return void (await ctx.reply(t.badPhone));
    draftOf(ctx).phone = phone;
    await ctx.reply(t.askDescription, { ...html, reply_markup: { remove_keyboard: true } });
    return ctx.wizard.selectStep(Step.description);
  },
  description: async (ctx) => {
    const description = textOf(ctx);
    if (!description || description.length > 300) return void (await ctx.reply(t.badDescription));
    draftOf(ctx).description = description;
    await ctx.reply(t.askPhoto, { ...html, ...skipKeyboard });
    return ctx.wizard.selectStep(Step.photo);
  },
  photo: async (ctx) => {
    let photoFileId: string | null = null;
    if (!isSkip(textOf(ctx), t.skip)) {
      try {
        photoFileId = await receivePhoto(ctx, draftOf(ctx).name ?? '');
      } catch (error) {
        return void (await ctx.reply(`${photoProblem(error)}\n${t.badPhoto}`));
      }
    }
    const draft = draftOf(ctx);
    const venue = await registerVenue(ctx.deps.db, {
      ownerId: ctx.from!.id,
      ownerFirstName: ctx.from!.first_name,
      name: draft.name!,
      address: draft.address!,
      latitude: draft.latitude ?? null,
      longitude: draft.longitude ?? null,
      phone: draft.phone!,
      description: draft.description!,
      photoFileId,
    });
    await ctx.scene.leave();
    await ctx.reply(t.done(venue.name), { ...html, reply_markup: { remove_keyboard: true } });
    ctx.log.info('venue_registered', { venue_id: venue.id });
    await notifyAdminsOfRegistration(ctx, venue);
  },
});

guardWizard(registerScene, { cancelled: t.cancelled, still: t.stillRegistering });

import { Markup } from 'telegraf';
import type { Venue } from '../../../db/schema.js';
import { resubmitVenue } from '../../marketplace/resubmit-venue.js';
import { registerVenue } from '../../marketplace/venues.js';
import type { BotContext } from '../context.js';
import { notifyAdminsOfRegistration } from '../features/admin-notify.js';
import { html } from '../html.js';
import { photoProblem, receivePhoto } from '../photo.js';
import { resumeTexts as r } from '../texts/register-resume.js';
import { registerTexts as t } from '../texts/venue.js';
import { guardWizard, isLabel, isSkip, namedWizard, textOf } from './common.js';

export const REGISTER_SCENE = 'register';

interface Draft {
  name?: string;
  address?: string;
  latitude?: number | null;
  longitude?: number | null;
  phone?: string;
  description?: string;
  /**
   * Issue 16: the answers given before, when an admin asked for changes and the owner answers again (entered
   * with `resumeRegistration`). Every question then shows the current answer and offers "Keep".
   */
  previous?: Pick<
    Venue,
    'name' | 'address' | 'latitude' | 'longitude' | 'phone' | 'description' | 'photoFileId'
  >;
}

const draftOf = (ctx: BotContext) => ctx.wizard.state as Draft;
// Keyboards are built per message, in the person's language (issue 17), never once at import.
const skipKeyboard = () =>
  Markup.keyboard([[t.skip]])
    .resize()
    .oneTime();

/** When answering again: the current value under the question, and whether "Keep" was tapped. */
const previousOf = (ctx: BotContext) => draftOf(ctx).previous;
const now = (ctx: BotContext, field: 'name' | 'address' | 'phone' | 'description') => {
  const previous = previousOf(ctx);
  return previous ? r.now(previous[field]) : '';
};
const kept = (ctx: BotContext) => previousOf(ctx) !== undefined && isLabel(textOf(ctx), () => r.keep);
const keepRow = (ctx: BotContext) => (previousOf(ctx) ? [[r.keep]] : []);
const keepKeyboard = (ctx: BotContext) =>
  previousOf(ctx)
    ? Markup.keyboard([[r.keep]])
        .resize()
        .oneTime()
    : { reply_markup: { remove_keyboard: true as const } };

/** Enters the registration with the venue's current answers, after an admin asked for changes or rejected it. */
export async function resumeRegistration(ctx: BotContext, venue: Venue): Promise<void> {
  await ctx.reply(r.intro(venue.name, venue.changeRequest ?? venue.rejectionReason), html);
  const { name, address, latitude, longitude, phone, description, photoFileId } = venue;
  await ctx.scene.enter(REGISTER_SCENE, {
    previous: { name, address, latitude, longitude, phone, description, photoFileId },
  });
}

/** "+49 30 1234567", "030-123 4567" → kept as typed (trimmed) when it has 7–15 digits. */
export function parsePhone(text: string): string | null {
  if (!/^\+?[\d\s().-]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  return digits.length >= 7 && digits.length <= 15 ? text.replace(/\s+/g, ' ').trim() : null;
}

/** Each step reads the answer to the question the one before it asked. */
const Step = { start: 0, name: 1, address: 2, location: 3, phone: 4, description: 5, photo: 6 } as const;

export const registerScene = namedWizard(REGISTER_SCENE, Step, {
  start: async (ctx) => {
    await ctx.reply(`${t.askName}${now(ctx, 'name')}`, { ...html, ...keepKeyboard(ctx) });
    return ctx.wizard.selectStep(Step.name);
  },
  name: async (ctx) => {
    const name = kept(ctx) ? previousOf(ctx)!.name : textOf(ctx);
    if (!name || name.length < 2 || name.length > 80) return void (await ctx.reply(t.badName));
    draftOf(ctx).name = name;
    await ctx.reply(`${t.askAddress}${now(ctx, 'address')}`, { ...html, ...keepKeyboard(ctx) });
    return ctx.wizard.selectStep(Step.address);
  },
  address: async (ctx) => {
    const address = kept(ctx) ? previousOf(ctx)!.address : textOf(ctx);
    if (!address || address.length < 5 || address.length > 200) return void (await ctx.reply(t.badAddress));
    draftOf(ctx).address = address;
    const previous = previousOf(ctx);
    const current = previous ? (previous.latitude === null ? r.nowNoLocation : r.nowLocation) : '';
    await ctx.reply(`${t.askLocation}${current}`, {
      ...html,
      ...Markup.keyboard([[Markup.button.locationRequest(t.sendLocation)], ...keepRow(ctx), [t.skip]])
        .resize()
        .oneTime(),
    });
    return ctx.wizard.selectStep(Step.location);
  },
  location: async (ctx) => {
    const message = ctx.message;
    const location = message && 'location' in message ? message.location : undefined;
    const previous = previousOf(ctx);
    if (location) {
      draftOf(ctx).latitude = location.latitude;
      draftOf(ctx).longitude = location.longitude;
    } else if (kept(ctx) && previous) {
      draftOf(ctx).latitude = previous.latitude;
      draftOf(ctx).longitude = previous.longitude;
    } else if (!isSkip(textOf(ctx), () => t.skip)) {
      return void (await ctx.reply(t.badLocation));
    }
    await ctx.reply(`${t.askPhone}${now(ctx, 'phone')}`, {
      ...html,
      ...Markup.keyboard([[Markup.button.contactRequest(t.sharePhone)], ...keepRow(ctx)])
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
    } else if (kept(ctx)) {
      phone = previousOf(ctx)!.phone;
    } else {
      const text = textOf(ctx);
      phone = text ? parsePhone(text) : null;
    }
    if (!phone) return void (await ctx.reply(t.badPhone));
    draftOf(ctx).phone = phone;
    await ctx.reply(`${t.askDescription}${now(ctx, 'description')}`, { ...html, ...keepKeyboard(ctx) });
    return ctx.wizard.selectStep(Step.description);
  },
  description: async (ctx) => {
    const description = kept(ctx) ? previousOf(ctx)!.description : textOf(ctx);
    if (!description || description.length > 300) return void (await ctx.reply(t.badDescription));
    draftOf(ctx).description = description;
    const hasPhoto = Boolean(previousOf(ctx)?.photoFileId);
    await ctx.reply(`${t.askPhoto}${hasPhoto ? r.nowPhoto : ''}`, {
      ...html,
      ...(hasPhoto
        ? Markup.keyboard([[r.keep], [t.skip]])
            .resize()
            .oneTime()
        : skipKeyboard()),
    });
    return ctx.wizard.selectStep(Step.photo);
  },
  photo: async (ctx) => {
    let photoFileId: string | null = null;
    if (kept(ctx)) {
      photoFileId = previousOf(ctx)!.photoFileId;
    } else if (!isSkip(textOf(ctx), () => t.skip)) {
      try {
        photoFileId = await receivePhoto(ctx, draftOf(ctx).name ?? '');
      } catch (error) {
        return void (await ctx.reply(`${photoProblem(error)}\n${t.badPhoto}`));
      }
    }
    const draft = draftOf(ctx);
    if (draft.previous) return finishResubmission(ctx, draft, photoFileId);
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

/** The answers replace the venue's details and it waits for review again; admins get the changed card. */
async function finishResubmission(ctx: BotContext, draft: Draft, photoFileId: string | null) {
  // Whatever the answer, the wizard is over: a venue reviewed meanwhile is told so and keeps its details.
  await ctx.scene.leave();
  const venue = await resubmitVenue(ctx.deps.db, {
    ownerId: ctx.from!.id,
    name: draft.name!,
    address: draft.address!,
    latitude: draft.latitude ?? null,
    longitude: draft.longitude ?? null,
    phone: draft.phone!,
    description: draft.description!,
    photoFileId,
  });
  await ctx.reply(r.done(venue.name), { ...html, reply_markup: { remove_keyboard: true } });
  ctx.log.info('venue_resubmitted', { venue_id: venue.id });
  await notifyAdminsOfRegistration(ctx, venue, 'resubmitted');
}

guardWizard(registerScene, () => ({ cancelled: t.cancelled, still: t.stillRegistering }));

import { Markup } from 'telegraf';
import { editVenueProfile, PROFILE_LIMITS, type ProfileEdit } from '../../marketplace/venue-profile.js';
import type { BotContext } from '../context.js';
import { notifyAdminsOfChange, venueProfileView } from '../features/venue-profile.js';
import { html } from '../html.js';
import { photoProblem, receivePhoto } from '../photo.js';
import { type ProfileField, profileTexts as t } from '../texts/venue-profile.js';
import { guardWizard, isLabel, isSkip, namedWizard, textOf } from './common.js';
import { parsePhone } from './register.js';

/** /venue → a field's button: one question, one answer, then the profile again. */
export const VENUE_EDIT_SCENE = 'venue-edit';

const Step = { start: 0, value: 1 } as const;
const fieldOf = (ctx: BotContext) => (ctx.wizard.state as { field: ProfileField }).field;
// Built per message, in the person's language (issue 17), never once at import.
const keyboards: Partial<Record<ProfileField, () => object>> = {
  location: () =>
    Markup.keyboard([[Markup.button.locationRequest(t.sendLocation)], [t.remove]])
      .resize()
      .oneTime(),
  photo: () =>
    Markup.keyboard([[t.remove]])
      .resize()
      .oneTime(),
};
const removed = (text: string | undefined) => isLabel(text, () => t.remove);

const within = (text: string | undefined, min: number, max: number) =>
  text !== undefined && text.length >= min && text.length <= max && !text.startsWith('/');

/** The edit this message makes to `field`, or null when it doesn't fit (the question is asked again). */
async function editOf(ctx: BotContext, field: ProfileField): Promise<ProfileEdit | null> {
  const text = textOf(ctx);
  switch (field) {
    case 'name':
      return within(text, PROFILE_LIMITS.name.min, PROFILE_LIMITS.name.max) ? { field, value: text! } : null;
    case 'address':
      return within(text, PROFILE_LIMITS.address.min, PROFILE_LIMITS.address.max)
        ? { field, value: text! }
        : null;
    case 'description':
      if (text === '-') return { field, value: '' };
      return within(text, 1, PROFILE_LIMITS.description.max) ? { field, value: text! } : null;
    case 'phone': {
      const phone = text ? parsePhone(text) : null;
      return phone ? { field, value: phone } : null;
    }
    case 'location': {
      const message = ctx.message;
      if (message && 'location' in message) {
        return {
          field,
          value: { latitude: message.location.latitude, longitude: message.location.longitude },
        };
      }
      return isSkip(text, () => t.remove) ? { field, value: null } : null;
    }
    case 'photo':
      if (removed(text)) return { field, value: null };
      try {
        return { field, value: await receivePhoto(ctx, '') };
      } catch (error) {
        await ctx.reply(photoProblem(error));
        return null;
      }
  }
}

export const venueEditScene = namedWizard(VENUE_EDIT_SCENE, Step, {
  start: async (ctx) => {
    const field = fieldOf(ctx);
    await ctx.reply(t.ask[field], {
      ...html,
      ...(keyboards[field]?.() ?? { reply_markup: { remove_keyboard: true } }),
    });
    return ctx.wizard.selectStep(Step.value);
  },
  value: async (ctx) => {
    const field = fieldOf(ctx);
    const edit = await editOf(ctx, field);
    if (!edit) return void (await ctx.reply(t.bad[field], keyboards[field]?.() ?? {}));
    const result = await editVenueProfile(ctx.deps.db, { ownerId: ctx.from!.id, edit });
    await ctx.scene.leave();
    ctx.log.info('venue_profile_edited', { venue_id: result.venue.id, field, review: result.awaitsReview });
    await ctx.reply(result.awaitsReview ? t.inReview : t.saved, { reply_markup: { remove_keyboard: true } });
    if (result.awaitsReview && result.approved)
      await notifyAdminsOfChange(ctx, result.venue, result.approved);
    const view = await venueProfileView(ctx);
    await ctx.reply(view.text, view.extra);
  },
});

guardWizard(venueEditScene, () => ({ cancelled: t.cancelled, still: t.still }));

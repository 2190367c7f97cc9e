import { Scenes } from 'telegraf';
import type { BotContext } from '../context.js';
import { adminReasonScene } from './admin-reason.js';
import { editOfferScene } from './edit-offer.js';
import { newDropScene } from './new-drop.js';
import { newOfferScene } from './new-offer.js';
import { registerScene } from './register.js';
import { rejectReasonScene } from './reject-reason.js';
import { venueEditScene } from './venue-edit.js';

/** Every wizard the bot runs; each lives in its own file in this folder. A wizard left idle a day expires. */
export function createStage() {
  return new Scenes.Stage<BotContext>(
    [
      registerScene,
      newOfferScene,
      editOfferScene,
      rejectReasonScene,
      adminReasonScene,
      // Issue 15: recurring drops and the venue's profile
      newDropScene,
      venueEditScene,
    ],
    {
      ttl: 60 * 60 * 24,
    },
  );
}

import type { Context, Scenes } from 'telegraf';
import type { Deps } from '../deps.js';
import type { Logger } from '../log.js';
import type { Language } from './texts/language.js';

/** Wizard state of whichever scene is running; each scene narrows it for itself. */
type WizardState = Record<string, unknown>;

export interface SessionData
  extends Scenes.WizardSession<Scenes.WizardSessionData & { state?: WizardState }> {
  /** Where the customer said they are, for distance ranking; kept for the session only. */
  location?: { latitude: number; longitude: number; sharedAt: string };
  /** The "📍 Share location" button was offered once already; it stays on the phone's keyboard. */
  locationAsked?: boolean;
  /** Issue 16: the text of an admin's last /venues search, so its Prev/Next buttons page through it. */
  venueSearch?: string;
  /** Issue 14: the customer just rated this reservation; their next plain message is its comment. */
  ratingComment?: { reservationId: number; askedAt: string };
  /**
   * Issue 17: the person's last free-text search, so its pages and "⬅️ Back to list" can show it again.
   * `locationAskedAt`: when "sushi near me" found deals but no location was known and the bot asked for one; a
   * location shared soon after shows those results again.
   */
  search?: { query: string; words: string[]; nearestFirst: boolean; locationAskedAt?: string };
  /** Issue 17: the menu keyboard: hidden by the person (/menu brings it back), or away while a wizard runs. */
  menu?: { hidden?: boolean; away?: boolean };
  /**
   * Issue 17: a mirror of `users.language` (null: never chose), so the language costs no round trip per
   * update; absent in a new or expired session until the visit is recorded (lib/bot/language-middleware.ts).
   */
  language?: Language | null;
}

export interface BotContext extends Context {
  session: SessionData;
  scene: Scenes.SceneContextScene<BotContext, Scenes.WizardSessionData>;
  wizard: Scenes.WizardContextWizard<BotContext>;
  deps: Deps;
  /** A logger carrying this update's id as the correlation id. */
  log: Logger;
}

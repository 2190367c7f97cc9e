import { escapeHtml } from '../../html.js';

/**
 * What the owner reads when they answer the registration again after an admin asked for changes: each
 * question shows the current answer, and "Keep" keeps it. HTML.
 */
const e = escapeHtml;

export const resumeTexts = {
  intro: (name: string, note: string | null) =>
    `✏️ Let’s update <b>${e(name)}</b>.` +
    (note ? `\nOur team asked: <i>${e(note)}</i>` : '') +
    '\nFor each question, send the new answer, or tap “Keep” to leave it as it is.',
  now: (value: string) => `\nNow: <i>${e(value)}</i>`,
  nowLocation: '\nNow: a map location is set.',
  nowNoLocation: '\nNow: no map location.',
  nowPhoto: '\nNow: a photo is set.',
  keep: '↩️ Keep',
  done: (name: string) =>
    `✅ Thanks! The changes to <b>${e(name)}</b> are sent. Our team will review it again and message you.`,
};

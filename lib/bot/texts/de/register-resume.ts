import { escapeHtml } from '../../html.js';
import type * as en from '../en/register-resume.js';

/**
 * What the owner reads when they answer the registration again after an admin asked for changes: each
 * question shows the current answer, and "Keep" keeps it. HTML.
 */
const e = escapeHtml;

export const resumeTexts: typeof en.resumeTexts = {
  intro: (name, note) =>
    `✏️ Lass uns <b>${e(name)}</b> aktualisieren.` +
    (note ? `\nUnser Team bittet: <i>${e(note)}</i>` : '') +
    '\nSchick bei jeder Frage die neue Antwort oder tippe auf „Beibehalten“, damit alles bleibt, wie es ist.',
  now: (value) => `\nAktuell: <i>${e(value)}</i>`,
  nowLocation: '\nAktuell: Ein Kartenstandort ist gesetzt.',
  nowNoLocation: '\nAktuell: kein Kartenstandort.',
  nowPhoto: '\nAktuell: Ein Foto ist gesetzt.',
  keep: '↩️ Beibehalten',
  done: (name) =>
    `✅ Danke! Die Änderungen an <b>${e(name)}</b> sind abgeschickt. Unser Team prüft sie und meldet sich bei dir.`,
};

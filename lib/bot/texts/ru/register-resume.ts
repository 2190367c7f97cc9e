import { escapeHtml } from '../../html.js';
import type * as en from '../en/register-resume.js';

/**
 * What the owner reads when they answer the registration again after an admin asked for changes: each
 * question shows the current answer, and "Keep" keeps it. HTML.
 */
const e = escapeHtml;

export const resumeTexts: typeof en.resumeTexts = {
  intro: (name: string, note: string | null) =>
    `✏️ Обновим данные заведения <b>${e(name)}</b>.` +
    (note ? `\nНаша команда просит: <i>${e(note)}</i>` : '') +
    '\nНа каждый вопрос отправьте новый ответ или нажмите «Оставить», чтобы ничего не менять.',
  now: (value: string) => `\nСейчас: <i>${e(value)}</i>`,
  nowLocation: '\nСейчас: геопозиция указана.',
  nowNoLocation: '\nСейчас: геопозиции нет.',
  nowPhoto: '\nСейчас: фото загружено.',
  keep: '↩️ Оставить',
  done: (name: string) =>
    `✅ Спасибо! Изменения по заведению <b>${e(name)}</b> отправлены. Наша команда снова всё проверит и напишет вам.`,
};

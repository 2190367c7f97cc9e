/** Telegram's HTML parse mode, the one every text in lib/bot/texts is written for: `ctx.reply(text, html)`. */
export const html = { parse_mode: 'HTML' as const };

/** Escapes user-provided text for Telegram's HTML parse mode. */
export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Shortens a label or a quoted text to at most `max` UTF-16 code units (what Telegram counts), cutting
 * only between graphemes: an emoji with a skin tone, a flag or a family joined by ZWJ stays whole or goes
 * whole, so no lone surrogate ever reaches Telegram (it answers 400 and the whole message is lost).
 */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const ELLIPSIS = '…';

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    if (kept.length + segment.length > max - ELLIPSIS.length) break;
    kept += segment;
  }
  return `${kept}${ELLIPSIS}`;
}

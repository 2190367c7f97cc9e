import type { Venue } from '../../../db/schema.js';
import { escapeHtml } from '../html.js';

/** What admins read. Phone numbers appear only here, in the admin's private chat, never in logs. */

export const adminTexts = {
  notAllowed: '⛔ Only admins can do that.',
  noPending: 'No venues are waiting for verification. 🎉',
  pendingHeader: (total: number, page: number, pages: number) =>
    `<b>${total} waiting for verification</b>${pages > 1 ? ` (page ${page + 1}/${pages})` : ''}:`,
  verifyUsage: 'Usage: <code>/verify &lt;venue id&gt;</code>, e.g. <code>/verify 12</code>. See /pending.',
  rejectUsage:
    'Usage: <code>/reject &lt;venue id&gt; &lt;reason&gt;</code>, e.g. <code>/reject 12 Address is incomplete</code>.',
  askRejectReason: (name: string) =>
    `Why are you rejecting <b>${escapeHtml(name)}</b>? Send the reason (the owner will see it), or /cancel.`,
  badReason: 'Please send the reason as text, 3–300 characters, or /cancel.',
  rejectCancelled: 'Not rejected. Nothing changed.',
  verified: (b: Venue, changed: boolean) =>
    changed
      ? `✅ <b>${escapeHtml(b.name)}</b> (#${b.id}) is verified. The owner was told.`
      : `<b>${escapeHtml(b.name)}</b> (#${b.id}) was already verified.`,
  rejected: (b: Venue, changed: boolean) =>
    changed
      ? `🚫 <b>${escapeHtml(b.name)}</b> (#${b.id}) was rejected. The owner was told why.`
      : `<b>${escapeHtml(b.name)}</b> (#${b.id}) was already rejected.`,
  verifyButton: '✅ Verify',
  rejectButton: '🚫 Reject',
  prev: '‹ Prev',
  next: 'Next ›',
};

export function venueCard(b: Venue, heading = '🆕 New venue to review'): string {
  const location =
    b.latitude !== null && b.longitude !== null
      ? `\n📍 ${b.latitude.toFixed(5)}, ${b.longitude.toFixed(5)}`
      : '\n📍 no map location';
  return (
    `<b>${heading}</b> #${b.id}\n` +
    `🏪 <b>${escapeHtml(b.name)}</b>\n` +
    `📫 ${escapeHtml(b.address)}${location}\n` +
    `📱 ${escapeHtml(b.phone)}\n` +
    `📝 ${escapeHtml(b.description || '—')}` +
    (b.photoFileId ? '\n📸 photo attached' : '')
  );
}

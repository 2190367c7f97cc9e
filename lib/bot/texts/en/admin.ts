import type { Venue } from '../../../../db/schema.js';
import type { VenueWithOwner } from '../../../marketplace/find-venues.js';
import { escapeHtml } from '../../html.js';

/** What admins read. Phone numbers appear only here, in the admin's private chat, never in logs. */

const e = escapeHtml;

export const adminTexts = {
  notAllowed: '⛔ Only admins can do that.',
  noPending: 'No venues are waiting for verification. 🎉',
  pendingHeader: (total: number, page: number, pages: number) =>
    `<b>${total} waiting for verification</b>${pages > 1 ? ` (page ${page + 1}/${pages})` : ''}:`,
  verifyUsage: 'Usage: <code>/verify &lt;venue id&gt;</code>, e.g. <code>/verify 12</code>. See /pending.',
  rejectUsage:
    'Usage: <code>/reject &lt;venue id&gt; &lt;reason&gt;</code>, e.g. <code>/reject 12 Address is incomplete</code>.',
  askRejectReason: (name: string) =>
    `Why are you rejecting <b>${e(name)}</b>? Send the reason (the owner will see it), or /cancel.`,
  badReason: 'Please send the reason as text, 3–300 characters, or /cancel.',
  rejectCancelled: 'Not rejected. Nothing changed.',
  verified: (b: Venue, changed: boolean) =>
    changed
      ? `✅ <b>${e(b.name)}</b> (#${b.id}) is verified. The owner was told.`
      : `<b>${e(b.name)}</b> (#${b.id}) was already verified.`,
  rejected: (b: Venue, changed: boolean) =>
    changed
      ? `🚫 <b>${e(b.name)}</b> (#${b.id}) was rejected. The owner was told why.`
      : `<b>${e(b.name)}</b> (#${b.id}) was already rejected.`,
  changesRequested: (b: Venue, changed: boolean) =>
    changed
      ? `✏️ <b>${e(b.name)}</b> (#${b.id}) went back to its owner with what to change. It returns to /pending when they resubmit.`
      : `<b>${e(b.name)}</b> (#${b.id}) is already waiting for changes from its owner.`,
  verifyButton: '✅ Verify',
  rejectButton: '🚫 Reject',
  changesButton: '✏️ Request changes',
  prev: '‹ Prev',
  next: 'Next ›',
};

/** The question the reason wizard asks, per action, and what it says when the admin backs out. */
export const reasonTexts = {
  ask: {
    changes: (name: string) =>
      `What should the owner of <b>${e(name)}</b> change? They will read exactly this, then answer the registration again. Send it, or /cancel.`,
    suspend: (name: string) =>
      `Why are you suspending <b>${e(name)}</b>? Its live offers will be withdrawn and the owner will read this reason. Send it, or /cancel.`,
    takedown: (name: string) =>
      `Why are you taking down <b>${e(name)}</b>? The venue will read this reason; customers holding reservations are told the offer was withdrawn. Send it, or /cancel.`,
  },
  cancelled: 'Nothing changed.',
  badReason: adminTexts.badReason,
};

const statusWords: Record<Venue['status'], string> = {
  pending: '⏳ waiting for review',
  changes_requested: '✏️ waiting for changes from its owner',
  verified: '✅ verified',
  rejected: '🚫 rejected',
  suspended: '⛔ suspended',
};

export const venueStatusWord = (status: Venue['status']) => statusWords[status];

/** Why the venue is where it is, in the words the owner was given. */
function reasonLine(b: Venue): string {
  if (b.status === 'changes_requested' && b.changeRequest)
    return `\n✏️ Asked to change: ${e(b.changeRequest)}`;
  if (b.status === 'rejected' && b.rejectionReason) return `\n🚫 Reason: ${e(b.rejectionReason)}`;
  if (b.status === 'suspended' && b.suspensionReason) return `\n⛔ Reason: ${e(b.suspensionReason)}`;
  return '';
}

function ownerLine({ venue, owner }: VenueWithOwner): string {
  const name = e(owner?.firstName || 'Owner');
  const handle = owner?.username ? ` @${e(owner.username)}` : '';
  return `👤 <a href="tg://user?id=${venue.ownerId}">${name}</a>${handle} · id <code>${venue.ownerId}</code>`;
}

/**
 * The venue as an admin reviews it (a photo's caption when it has one, so it stays under 1,024 characters:
 * names, addresses and descriptions are capped at registration). The map pin follows as its own message.
 */
export function venueCard(card: VenueWithOwner, heading = '🆕 New venue to review'): string {
  const b = card.venue;
  return (
    `<b>${heading}</b> #${b.id} · ${statusWords[b.status]}\n` +
    `🏪 <b>${e(b.name)}</b>\n` +
    `📫 ${e(b.address)}${b.latitude === null || b.longitude === null ? '\n📍 no map location' : ''}\n` +
    `${ownerLine(card)}\n` +
    `📱 ${e(b.phone)}\n` +
    `📝 ${e(b.description || '—')}` +
    reasonLine(b)
  );
}

export const cardHeadings = {
  registered: '🆕 New venue to review',
  resubmitted: '✏️ Changed venue to review',
  waiting: 'Waiting',
  venue: 'Venue',
};

import type { Venue } from '../../../../db/schema.js';
import { PROFILE_LIMITS } from '../../../marketplace/venue-profile.js';
import { escapeHtml as e } from '../../html.js';

/** /venue: the profile card, editing it one field at a time, and the admins' look at a new name or address. */

export type ProfileField = 'name' | 'address' | 'location' | 'phone' | 'description' | 'photo';

const statusWords: Record<Venue['status'], string> = {
  pending: '⏳ waiting for verification',
  changes_requested: '✏️ waiting for the changes our team asked for',
  verified: '✅ verified',
  rejected: '✖️ not approved',
  suspended: '⛔ suspended',
};

export const profileTexts = {
  card: (v: Venue, staff: number, drops: number) =>
    `🏪 <b>${e(v.name)}</b> · ${statusWords[v.status]}\n` +
    (v.approvedName !== null
      ? `⏳ Your new name/address is being reviewed; your offers stay up meanwhile.\n`
      : '') +
    `\n📫 ${e(v.address)}\n` +
    `📍 ${v.latitude !== null && v.longitude !== null ? 'location set' : 'no location (nearby customers won’t find you first)'}\n` +
    `📱 ${e(v.phone)} <i>(our team only)</i>\n` +
    `📝 ${v.description ? e(v.description) : '<i>no description</i>'}\n` +
    `📸 ${v.photoFileId ? 'photo set' : 'no photo'}\n\n` +
    `👥 Staff: ${staff} · 📅 Recurring drops: ${drops}\n\nTap what you want to change.`,
  staffCard: (v: Pick<Venue, 'name'>) =>
    `🏪 You work at <b>${e(v.name)}</b> as staff. See who is coming with /reservations and confirm pickups there. Only the owner edits the venue and its offers.`,
  notAtVenue: 'You don’t have a venue yet. Register one with /register.',
  ask: {
    name: `Send the venue’s new <b>name</b> (${PROFILE_LIMITS.name.min}–${PROFILE_LIMITS.name.max} characters). A new name is checked by our team; your offers stay up meanwhile.`,
    address: `Send the new <b>address</b> (street, number, city). A new address is checked by our team; your offers stay up meanwhile.`,
    location:
      'Send the venue’s <b>location</b> (📎 → Location, or “Send location” while at the venue), or tap “Remove” to remove it.',
    phone: 'Send the new <b>contact phone</b> for our team, e.g. +49 30 1234567.',
    description: `Send the new <b>description</b> (up to ${PROFILE_LIMITS.description.max} characters), or <code>-</code> for none.`,
    photo: 'Send the new <b>photo</b>, or tap “Remove” to remove it.',
  } satisfies Record<ProfileField, string>,
  bad: {
    name: `Please send the name as text, ${PROFILE_LIMITS.name.min}–${PROFILE_LIMITS.name.max} characters.`,
    address: `Please send the address as text, ${PROFILE_LIMITS.address.min}–${PROFILE_LIMITS.address.max} characters.`,
    location: 'Please send a location (📎 → Location), or tap “Remove”.',
    phone: 'That doesn’t look like a phone number. Type it with the country code, e.g. +49 30 1234567.',
    description: `Please send the description as text, up to ${PROFILE_LIMITS.description.max} characters.`,
    photo: 'Please send a photo (JPEG, PNG or WebP), or tap “Remove”.',
  } satisfies Record<ProfileField, string>,
  saved: '✅ Saved.',
  inReview:
    '✅ Saved. Our team will check the new name/address soon; your offers stay up meanwhile, and customers see the new details already.',
  cancelled: 'Nothing changed.',
  still: 'You are editing your venue. Send the new value, or /cancel to stop.',
  sendLocation: '📍 Send location',
  remove: 'Remove',
};

export const profileButtons: Record<ProfileField, string> &
  Record<'staff' | 'drops' | 'offers' | 'desk', string> = {
  name: '✏️ Name',
  address: '📫 Address',
  location: '📍 Location',
  phone: '📱 Phone',
  description: '📝 Description',
  photo: '📸 Photo',
  staff: '👥 Staff',
  drops: '📅 Drops',
  offers: '🍱 My offers',
  desk: '🧾 Reservations',
};

/** What admins read when a verified venue changes its name or address, and what the owner reads after. */
export const changeReviewTexts = {
  card: (v: Venue, approved: { name: string; address: string }) =>
    `✏️ <b>${e(v.name)}</b> (#${v.id}) changed its details. Its offers stay up while you look.\n\n` +
    (approved.name !== v.name ? `Name: <s>${e(approved.name)}</s> → <b>${e(v.name)}</b>\n` : '') +
    (approved.address !== v.address
      ? `Address: <s>${e(approved.address)}</s> → <b>${e(v.address)}</b>\n`
      : '') +
    '\nApprove the change, or revert to what you approved before?',
  approveButton: '✅ Approve change',
  revertButton: '↩️ Revert',
  approved: (v: Venue) => `✅ Approved: <b>${e(v.name)}</b>, ${e(v.address)}.`,
  reverted: (v: Venue) => `↩️ Reverted to <b>${e(v.name)}</b>, ${e(v.address)}. The owner was told.`,
  ownerReverted: (v: Venue) =>
    `Our team couldn’t approve your new name or address, so your venue shows <b>${e(v.name)}</b>, ${e(v.address)} again. Reply here or contact us if you think it should change; your offers were not affected.`,
};

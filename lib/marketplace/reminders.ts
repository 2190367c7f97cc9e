import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import { type ClaimedNotice, noticeClaimUntil, noticesOf } from './notices.js';
import { firstRow } from './rows.js';

/**
 * Pickup reminders: 30 minutes before the window opens, and 15 minutes before it closes while the reservation
 * is still uncollected. They are scheduled when the reservation commits (lib/jobs/pickup-reminder.ts) and
 * become outbox notices (`reminder.opening`, `reminder.closing`) only if, when they fall due, the reservation
 * is still reserved: a cancelled or collected reservation makes its reminders no-ops. The notice's unique
 * (reservation, kind) means a redelivered job reminds nobody twice.
 */
export type ReminderKind = 'opening' | 'closing';

const BEFORE_MS: Record<ReminderKind, number> = { opening: 30 * 60_000, closing: 15 * 60_000 };
/** A job delivered a little early or late still counts as on time. */
const SLACK_MS = 2 * 60_000;

/** The reminders still ahead of `now` for a window, with when each falls due. */
export function remindersFor(window: { pickupStart: Date; pickupEnd: Date }, now: Date) {
  const due = [
    { kind: 'opening' as const, at: new Date(window.pickupStart.getTime() - BEFORE_MS.opening) },
    { kind: 'closing' as const, at: new Date(window.pickupEnd.getTime() - BEFORE_MS.closing) },
  ];
  return due.filter((r) => r.at.getTime() > now.getTime());
}

/**
 * Writes one reminder as a notice if it is due now and the reservation still waits to be collected; returns
 * the notice (claimed for the caller to deliver), or nothing.
 */
export async function writeReminder(
  db: Db,
  input: { reservationId: number; kind: ReminderKind; now: Date },
): Promise<ClaimedNotice[]> {
  const now = input.now.toISOString();
  const claim = noticeClaimUntil(input.now).toISOString();
  const edge = input.kind === 'opening' ? sql.raw('o.pickup_start') : sql.raw('o.pickup_end');
  const before = BEFORE_MS[input.kind] + SLACK_MS;
  const row = firstRow(
    await db.execute(sql`
      with written as (
        insert into notices (recipient_id, kind, reservation_id, claimed_until, next_attempt_at)
        select p.customer_id, ${`reminder.${input.kind}`}, p.id, ${claim}::timestamptz, ${now}::timestamptz
        from reservations p join offers o on o.id = p.offer_id
        where p.id = ${input.reservationId} and p.status = 'reserved'
          and o.status in ('active', 'sold_out', 'paused')
          and ${now}::timestamptz < ${edge}
          and ${now}::timestamptz >= ${edge} - ${before} * interval '1 millisecond'
        on conflict do nothing
        returning id, kind, recipient_id
      )
      select coalesce(json_agg(json_build_object('id', id, 'kind', kind, 'recipient_id', recipient_id)), '[]'::json)
        as notices from written
    `),
  );
  return noticesOf(row?.notices);
}

import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import { factColumns, factsOf, type ReservationFacts } from './reservation-facts.js';
import { allRows, date, num } from './rows.js';
import { languageTagOf } from './users.js';
import { type WindowSummary, windowSummaries } from './window-summary.js';

/**
 * The outbox (db/schema.ts `notices`): what must reach someone because of a committed change. The write
 * that causes a notice inserts it, claimed by the writer for NOTICE_CLAIM_MS so its own after-reply
 * delivery can't race a retry; after that the delivery job and the sweep take whatever is still pending.
 */
export type NoticeKind =
  | 'reservation.code' // to the customer: the pickup code (normally shown in place of the confirm card)
  | 'reservation.new' // to the venue: who is coming, with a "Picked up" button
  | 'reservation.cancelled' // to the venue: a customer cancelled
  | 'reservation.picked_up' // to the customer: thanks
  | 'reservation.withdrawn' // to the holder: the venue withdrew the offer
  | 'reservation.no_show' // to the holder: the window ended uncollected
  | 'reservation.window_changed' // to the holder: the venue moved the pickup window (issue 15)
  | 'reservation.pickup_undone' // to the customer: a pickup confirmed by mistake was undone (issue 15)
  | 'reservation.marked_no_show' // to the holder: the venue marked it not picked up (issue 15)
  | 'reservation.unconfirmed' // to the venue: did they come? (it confirmed no pickup that day; issue 14)
  | 'reservation.strike_limit' // to the customer: 3 no-shows in 30 days, 1 reservation at a time (issue 14)
  | 'reminder.opening' // to the customer: the window opens in 30 minutes (issue 14)
  | 'reminder.closing' // to the customer: the window closes in 15 minutes, not collected yet (issue 14)
  | 'payment.code' // to the customer: paid ✓ and the pickup code (issue 18)
  | 'payment.new' // to the venue: a reservation paid online, nothing to collect (issue 18)
  | 'payment.late_refund' // to the customer: paid after the hold ended, units gone, refunded (issue 18)
  | 'payment.second_charge' // to the customer: an invoice paid twice, the second refunded (issue 18)
  | 'refund.issued' // to the customer: Stripe took the refund (issue 18)
  | 'refund.issued_second'; // the same, for the refund of a second charge (its own kind: both are announced)

/** Notices about a whole offer rather than one reservation (`notices.offer_id`). */
export type OfferNoticeKind = 'offer.summary'; // to the venue: the end-of-window summary (issue 15)

export interface ClaimedNotice {
  id: number;
  kind: NoticeKind;
  recipientId: number;
  /** Issue 17: the recipient's language tag (users.ts `languageTagOf`); each notice is written in theirs. */
  language: string | null;
}

interface DueReservationNotice extends ClaimedNotice {
  attempts: number;
  facts: ReservationFacts;
}

interface DueOfferNotice {
  id: number;
  kind: OfferNoticeKind;
  recipientId: number;
  language: string | null;
  attempts: number;
  summary: WindowSummary;
}

export type DueNotice = DueReservationNotice | DueOfferNotice;

const NOTICE_CLAIM_MS = 60_000;
/** After this many failed tries a notice is given up (and stays visible as `failed` for the operator). */
export const NOTICE_MAX_ATTEMPTS = 12;

export const noticeClaimUntil = (now: Date) => new Date(now.getTime() + NOTICE_CLAIM_MS);

/**
 * A write statement's column listing the notices it inserted (its CTE is named `notice` and returns
 * `id, kind, recipient_id`), as the `[{ id, kind, recipient_id, language }]` JSON that `noticesOf` reads: the
 * recipient's language comes with them (issue 17), so sending right after the write needs no other query.
 */
export const writtenNotices = sql`(select coalesce(json_agg(json_build_object('id', n.id, 'kind', n.kind, 'recipient_id', n.recipient_id, 'language', ${languageTagOf('r')})), '[]'::json) from notice n left join users r on r.id = n.recipient_id)`;

/** The `[{ id, kind, recipient_id, language }]` JSON a write statement returns for the notices it inserted. */
export function noticesOf(value: unknown): ClaimedNotice[] {
  const list = (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as Array<
    Record<string, unknown>
  >;
  return list.map((n) => ({
    id: num(n.id),
    kind: n.kind as NoticeKind,
    recipientId: num(n.recipient_id),
    language: typeof n.language === 'string' ? n.language : null,
  }));
}

/**
 * Takes the notices that are due (pending, not claimed, next attempt reached), or the given ones if still
 * pending, and claims them in the same statement, so two deliverers never send the same notice.
 */
export async function claimNotices(
  db: Db,
  input: { now: Date; ids?: number[]; limit?: number },
): Promise<DueNotice[]> {
  const now = input.now.toISOString();
  const which = input.ids
    ? sql`n.id = any(${`{${input.ids.join(',')}}`}::bigint[])`
    : sql`n.next_attempt_at <= ${now}::timestamptz and n.claimed_until <= ${now}::timestamptz`;
  const result = await db.execute(sql`
    with claimed as (
      update notices n set claimed_until = ${noticeClaimUntil(input.now).toISOString()}::timestamptz
      where n.id in (
        select n.id from notices n where n.status = 'pending' and ${which}
        order by n.id limit ${input.limit ?? 200} for update skip locked
      )
      returning n.id, n.kind, n.recipient_id, n.attempts, n.reservation_id, n.offer_id
    )
    select n.id as notice_id, n.kind, n.recipient_id, ${languageTagOf('r')} as recipient_language, n.attempts,
      n.offer_id as subject_offer_id, ${factColumns}
    from claimed n
      left join users r on r.id = n.recipient_id
      left join reservations p on p.id = n.reservation_id
      left join offer_items i on i.id = p.item_id
      left join offers o on o.id = p.offer_id
      left join venues b on b.id = o.venue_id
      left join users u on u.id = p.customer_id
    order by n.id
  `);
  const rows = allRows(result);
  const offerIds = rows.filter((r) => r.subject_offer_id != null).map((r) => num(r.subject_offer_id));
  const summaries = offerIds.length > 0 ? await windowSummaries(db, offerIds) : new Map();
  return rows.flatMap((row): DueNotice[] => {
    const base = {
      id: num(row.notice_id),
      recipientId: num(row.recipient_id),
      language: (row.recipient_language as string | null) ?? null,
      attempts: num(row.attempts),
    };
    if (row.subject_offer_id == null) return [{ ...base, kind: row.kind as NoticeKind, facts: factsOf(row) }];
    const summary = summaries.get(num(row.subject_offer_id));
    return summary ? [{ ...base, kind: row.kind as OfferNoticeKind, summary }] : [];
  });
}

export type DeliveryResult =
  | { id: number; outcome: 'sent' }
  | { id: number; outcome: 'blocked' }
  | { id: number; outcome: 'failed'; error: string }
  | { id: number; outcome: 'retry'; error: string; at: Date };

/** Records what happened to each delivery attempt, in one statement; the claim is released for retries. */
export async function recordDeliveries(db: Db, results: DeliveryResult[], now: Date): Promise<void> {
  if (results.length === 0) return;
  const rows = results.map((r) => ({
    id: r.id,
    status: r.outcome === 'retry' ? 'pending' : r.outcome,
    error: 'error' in r ? r.error.slice(0, 200) : null,
    at: (r.outcome === 'retry' ? r.at : now).toISOString(),
  }));
  await db.execute(sql`
    update notices n set
      status = v.status::notice_status,
      attempts = n.attempts + 1,
      last_error = v.error,
      sent_at = case when v.status = 'sent' then ${now.toISOString()}::timestamptz else n.sent_at end,
      next_attempt_at = v.at::timestamptz,
      claimed_until = ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id bigint, status text, error text, at text)
    where n.id = v.id and n.status = 'pending'
  `);
}

/** Backoff for a transient failure: 30 s, 1 min, 2 min … capped at an hour. */
export const nextAttemptAfter = (now: Date, attempts: number, retryAfterSeconds?: number) =>
  new Date(now.getTime() + 1000 * (retryAfterSeconds ?? Math.min(3600, 30 * 2 ** attempts)));

/** When the next pending notice falls due, for scheduling the delivery job; null when none is pending. */
export async function nextPendingNoticeAt(db: Db): Promise<Date | null> {
  const [row] = allRows(
    await db.execute(
      sql`select min(greatest(next_attempt_at, claimed_until)) as at from notices where status = 'pending'`,
    ),
  );
  return row?.at == null ? null : date(row.at);
}

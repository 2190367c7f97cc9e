import { sql } from 'drizzle-orm';
import type { Drop, DropItem } from '../../db/schema.js';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { atMinutes, localDayAfter } from './local-time.js';
import { getOwnOffer } from './offers.js';
import { weekdayOf } from './pickup-window.js';
import { allRows, date, firstRow, num } from './rows.js';
import { retryConflicts } from './statement-retry.js';
import { zoneOf } from './time-zones.js';
import { venuesOf } from './venue-access.js';

/**
 * Recurring drops: "every weekday, pickup 18:00–20:00, publish at 16:00". A drop is a snapshot of one of the
 * venue's offers; the `publish-drop` job publishes a copy on each chosen day until the owner stops it. Times
 * are minutes after local midnight in the venue's zone (issue 17: venues.time_zone, else TIMEZONE).
 */
export interface DropSchedule {
  /** Bit n = weekday n (0 = Sunday). */
  weekdays: number;
  windowStart: number;
  windowEnd: number;
  publishAt: number;
}

export const WEEKDAY_SETS = { daily: 0b1111111, weekdays: 0b0111110, weekends: 0b1000001 } as const;

/**
 * Days as typed: "weekdays", "weekends", "every day", "mon wed fri", "mon-fri", "sat, sun" → the weekday bits;
 * null when a word isn't a day.
 */
export function parseWeekdays(text: string): number | null {
  const words = text.trim().toLowerCase();
  if (/^(every ?day|daily|all)$/.test(words)) return WEEKDAY_SETS.daily;
  if (/^(weekdays?|mon-fri|mo-fr)$/.test(words)) return WEEKDAY_SETS.weekdays;
  if (/^(weekends?|sat-sun)$/.test(words)) return WEEKDAY_SETS.weekends;
  let bits = 0;
  for (const part of words.split(/[\s,;/]+/).filter(Boolean)) {
    const range = part.match(/^(\p{L}+\.?)-(\p{L}+\.?)$/u);
    const [from, to] = range ? [range[1]!, range[2]!] : [part, part];
    // Issue 17: a day in any language the bot speaks ("mo-fr", "lun mié vie", "пн-пт").
    const a = weekdayOf(from);
    const b = weekdayOf(to);
    if (a < 0 || b < 0) return null;
    for (let d = a; ; d = (d + 1) % 7) {
      bits |= 1 << d;
      if (d === b) break;
    }
  }
  return bits > 0 ? bits : null;
}

/** The first publication strictly after `after` (none if no weekday is chosen). */
export function nextRunAfter(schedule: DropSchedule, after: Date, zone: string): Date | null {
  for (let offset = 0; offset <= 7; offset++) {
    const day = localDayAfter(after, offset, zone);
    if ((schedule.weekdays & (1 << day.weekday)) === 0) continue;
    const at = atMinutes(day, schedule.publishAt, zone);
    if (at > after) return at;
  }
  return null;
}

/** The pickup window of the run published at `runAt`: the same local day. */
function windowOfRun(schedule: DropSchedule, runAt: Date, zone: string) {
  const day = localDayAfter(runAt, 0, zone);
  return { start: atMinutes(day, schedule.windowStart, zone), end: atMinutes(day, schedule.windowEnd, zone) };
}

function checkSchedule(schedule: DropSchedule) {
  const minutes = [schedule.windowStart, schedule.windowEnd, schedule.publishAt];
  if (
    !minutes.every((m) => Number.isInteger(m) && m >= 0 && m <= 1440) ||
    schedule.windowEnd <= schedule.windowStart
  )
    throw new AppError({ code: 'offer.window_ends_before_start' });
  if (schedule.publishAt >= schedule.windowEnd) throw new AppError({ code: 'drop.publish_after_window' });
  // Weekdays come from buttons or a parsed line, never straight from a person: a bad set is a bug.
  if (!(schedule.weekdays >= 1 && schedule.weekdays <= 127)) throw new Error('drop weekdays out of range');
}

/**
 * Starts a drop from one of the venue's offers (its title, description, photo and items as posted). Only the
 * owner of a verified venue may; the first publication is the next chosen day's publish time. A retry of the
 * same confirmation (same key) returns the drop it created.
 */
export async function createDrop(
  db: Db,
  input: {
    idempotencyKey: string;
    ownerId: number;
    offerId: number;
    schedule: DropSchedule;
    now: Date;
    zone: string;
  },
): Promise<Drop> {
  checkSchedule(input.schedule);
  const offer = await getOwnOffer(db, { offerId: input.offerId, ownerId: input.ownerId });
  const items: DropItem[] = offer.items.map((i) => ({
    name: i.name,
    originalPrice: i.originalPrice,
    price: i.price,
    quantity: Math.max(1, i.quantityTotal),
    unitWeightGrams: i.unitWeightGrams,
  }));
  const next = nextRunAfter(input.schedule, input.now, input.zone)!;
  const { weekdays, windowStart, windowEnd, publishAt } = input.schedule;
  const row = firstRow(
    await retryConflicts(() =>
      db.execute(sql`
        with prior as (select (outcome->>'drop_id')::bigint as id from idempotency_keys where key = ${input.idempotencyKey}),
        venue as (
          select id from venues where id = ${offer.venueId} and id in ${venuesOf(input.ownerId, 'manage')}
            and status = 'verified'
        ),
        created as (
          insert into drops (venue_id, title, description, photo_file_id, items, weekdays, window_start, window_end,
            publish_at, next_run_at, created_by)
          select id, ${offer.title}, ${offer.description}, ${offer.photoFileId}, ${JSON.stringify(items)}::jsonb,
            ${weekdays}, ${windowStart}, ${windowEnd}, ${publishAt}, ${next.toISOString()}::timestamptz, ${input.ownerId}
          from venue where not exists (select 1 from prior)
          returning id
        ),
        remember as (
          insert into idempotency_keys (key, user_id, outcome)
          select ${input.idempotencyKey}, ${input.ownerId}, jsonb_build_object('drop_id', id) from created
        ),
        audit as (
          insert into audit_log (actor_id, action, entity, entity_id, data)
          select ${input.ownerId}, 'drop.created', 'drop', id, jsonb_build_object('offer_id', ${offer.id}::bigint) from created
        )
        select coalesce((select id from created), (select id from prior)) as id
      `),
    ),
  );
  if (row?.id == null) throw new AppError({ code: 'offer.post_needs_verified_venue' });
  return (await getDrop(db, num(row.id)))!;
}

/** A drop, with its venue's own zone (null: TIMEZONE's), which its times are in. */
async function getDrop(db: Db, id: number): Promise<(Drop & { zone: string | null }) | undefined> {
  const row = firstRow(
    await db.execute(
      sql`select d.*, b.time_zone from drops d join venues b on b.id = d.venue_id where d.id = ${id}`,
    ),
  );
  return row ? { ...dropOf(row), zone: zoneOf(row.time_zone) } : undefined;
}

const dropOf = (row: Record<string, unknown>): Drop => ({
  id: num(row.id),
  venueId: num(row.venue_id),
  title: String(row.title),
  description: String(row.description ?? ''),
  photoFileId: (row.photo_file_id as string | null) ?? null,
  items: (typeof row.items === 'string' ? JSON.parse(row.items) : row.items) as DropItem[],
  weekdays: num(row.weekdays),
  windowStart: num(row.window_start),
  windowEnd: num(row.window_end),
  publishAt: num(row.publish_at),
  status: row.status as Drop['status'],
  nextRunAt: date(row.next_run_at),
  createdBy: num(row.created_by),
  createdAt: date(row.created_at),
  updatedAt: date(row.updated_at),
});

/** The venue's running drops, soonest first. */
export async function listDrops(db: Db, input: { ownerId: number }): Promise<Drop[]> {
  const rows = allRows(
    await db.execute(sql`
      select * from drops where venue_id in ${venuesOf(input.ownerId, 'manage')} and status = 'active'
      order by next_run_at, id
    `),
  );
  return rows.map(dropOf);
}

/** Stops a drop: nothing more is published (a run already scheduled finds it stopped). Stopping twice is fine. */
export async function stopDrop(db: Db, input: { ownerId: number; dropId: number }): Promise<Drop> {
  const row = firstRow(
    await db.execute(sql`
      with stopped as (
        update drops set status = 'stopped', updated_at = now()
        where id = ${input.dropId} and venue_id in ${venuesOf(input.ownerId, 'manage')} and status = 'active'
        returning id
      ),
      audit as (
        insert into audit_log (actor_id, action, entity, entity_id, data)
        select ${input.ownerId}, 'drop.stopped', 'drop', id, '{}'::jsonb from stopped
      )
      select d.* from drops d where d.id = ${input.dropId} and d.venue_id in ${venuesOf(input.ownerId, 'manage')}
    `),
  );
  if (!row) throw new AppError({ code: 'drop.not_found' });
  return { ...dropOf(row), status: 'stopped' };
}

export interface DropRun {
  /** The offer this run published, if it did. */
  published: { offerId: number; pickupEnd: Date } | null;
  /** The next publication, when this run advanced the drop (schedule it); null when nothing is due any more. */
  nextRunAt: Date | null;
}

/**
 * One publication of a drop: the copy goes live with its own items and the drop moves on to its next day, in one
 * statement. It runs only while the drop is active and still due at `runAt`, so a redelivered or late job does
 * nothing twice (and the unique (drop, pickup start) index backs that). A venue that isn't verified, or a run so
 * late that its window is over, publishes nothing but still moves on. The day, window and next run are the
 * venue's local ones; `zone` (TIMEZONE) is for a venue without a zone of its own.
 */
export async function runDrop(
  db: Db,
  input: { dropId: number; runAt: Date; now: Date; zone: string },
): Promise<DropRun> {
  const drop = await getDrop(db, input.dropId);
  if (drop?.status !== 'active' || drop.nextRunAt.getTime() !== input.runAt.getTime()) {
    return { published: null, nextRunAt: null };
  }
  const zone = drop.zone ?? input.zone;
  const window = windowOfRun(drop, input.runAt, zone);
  const later = new Date(Math.max(input.now.getTime(), input.runAt.getTime()));
  const next = nextRunAfter(drop, later, zone)!;
  const open = window.end > input.now;
  const units = drop.items.reduce((sum, i) => sum + i.quantity, 0);
  const row = firstRow(
    await retryConflicts(() =>
      db.execute(sql`
        with d as (
          select * from drops where id = ${drop.id} and status = 'active'
            and next_run_at = ${input.runAt.toISOString()}::timestamptz
          for update
        ),
        created as (
          insert into offers (venue_id, title, description, photo_file_id, pickup_start, pickup_end, units_available,
            status, published_at, drop_id)
          select d.venue_id, d.title, d.description, d.photo_file_id, ${window.start.toISOString()}::timestamptz,
            ${window.end.toISOString()}::timestamptz, ${units}, 'active', now(), d.id
          from d join venues b on b.id = d.venue_id
          where b.status = 'verified' and ${open}
          on conflict do nothing
          returning id, pickup_end
        ),
        created_items as (
          insert into offer_items (offer_id, name, original_price, price, quantity_total, quantity_available,
            unit_weight_grams, position)
          select c.id, e.item->>'name', (e.item->>'originalPrice')::int, (e.item->>'price')::int,
            (e.item->>'quantity')::int, (e.item->>'quantity')::int, (e.item->>'unitWeightGrams')::int, e.n - 1
          from created c, d, jsonb_array_elements(d.items) with ordinality as e(item, n)
        ),
        advanced as (
          update drops set next_run_at = ${next.toISOString()}::timestamptz, updated_at = now()
          where id = (select id from d) returning id
        ),
        audit as (
          insert into audit_log (actor_id, action, entity, entity_id, data)
          select null, 'offer.publish', 'offer', id, jsonb_build_object('to', 'active', 'drop_id', ${drop.id}::bigint)
          from created
        )
        select (select id from created) as offer_id, (select pickup_end from created) as pickup_end,
          (select count(*) from advanced) as advanced
      `),
    ),
  );
  return {
    published: row?.offer_id == null ? null : { offerId: num(row.offer_id), pickupEnd: date(row.pickup_end) },
    nextRunAt: num(row?.advanced ?? 0) > 0 ? next : null,
  };
}

/** Active drops whose publication is due (a lost job): for the sweep. */
export async function dueDrops(db: Db, now: Date): Promise<Array<{ id: number; nextRunAt: Date }>> {
  const rows = allRows(
    await db.execute(sql`
      select id, next_run_at from drops where status = 'active' and next_run_at <= ${now.toISOString()}::timestamptz
      order by next_run_at limit 50
    `),
  );
  return rows.map((row) => ({ id: num(row.id), nextRunAt: date(row.next_run_at) }));
}

import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import { type CustomerOffer, customerOfferOf } from './offer-details.js';
import { allRows, firstRow, num } from './rows.js';

/**
 * An offer's post in the public channel (db/schema.ts `channel_posts`). The `channel-post` job claims the row
 * (one run at a time per offer), compares what the post shows with what the offer is now, posts or edits, and
 * records it. Posting is at least once: a run that dies between Telegram's answer and the record posts again
 * after the claim lapses, as the outbox does.
 */
export type ChannelShown = 'none' | 'live' | 'sold_out' | 'paused' | 'ended';

const CLAIM_MS = 60_000;

export interface ChannelSync {
  offer: CustomerOffer;
  /** What the offer is now, in the channel's terms. */
  wanted: Exclude<ChannelShown, 'none'>;
  /** The post as it stands; none yet (messageId null) when CHANNEL_ID changed since it was posted elsewhere. */
  post: { messageId: number | null; shown: ChannelShown; hasPhoto: boolean };
}

/** Claims the offer's post for one sync; null when the offer is missing or another run holds the claim. */
export async function claimChannelPost(
  db: Db,
  input: { offerId: number; chatId: string; now: Date },
): Promise<ChannelSync | null> {
  const now = input.now.toISOString();
  const until = new Date(input.now.getTime() + CLAIM_MS).toISOString();
  const row = firstRow(
    await db.execute(sql`
      with claimed as (
        insert into channel_posts (offer_id, chat_id, shown, claimed_until)
        select id, ${input.chatId}, 'none', ${until}::timestamptz from offers where id = ${input.offerId}
        on conflict (offer_id) do update set claimed_until = excluded.claimed_until
          where channel_posts.claimed_until <= ${now}::timestamptz
        returning message_id, shown, has_photo, chat_id
      )
      select c.message_id, c.shown, c.has_photo, c.chat_id, o.id, o.title, o.description, o.photo_file_id, o.pickup_start,
        o.pickup_end, o.status, o.units_available, b.id as venue_id, b.name as venue_name, b.address, b.latitude,
        b.longitude, b.time_zone, b.status as venue_status, null as rating, false as following,
        (select json_agg(json_build_object('id', i.id, 'name', i.name, 'price', i.price,
            'original', i.original_price, 'left', i.quantity_available) order by i.position, i.id)
          from offer_items i where i.offer_id = o.id) as items
      from claimed c, offers o join venues b on b.id = o.venue_id
      where o.id = ${input.offerId}
    `),
  );
  if (!row) return null;
  const open =
    new Date(String(row.pickup_end)).getTime() > input.now.getTime() && row.venue_status === 'verified';
  const status = String(row.status);
  const wanted: ChannelSync['wanted'] = !open
    ? 'ended'
    : status === 'active' && num(row.units_available) > 0
      ? 'live'
      : status === 'sold_out' || status === 'active'
        ? 'sold_out'
        : status === 'paused'
          ? 'paused'
          : 'ended';
  const sameChannel = String(row.chat_id) === input.chatId;
  return {
    offer: customerOfferOf(row),
    wanted,
    post: {
      messageId: row.message_id == null || !sameChannel ? null : num(row.message_id),
      shown: sameChannel ? (String(row.shown) as ChannelShown) : 'none',
      hasPhoto: row.has_photo === true || row.has_photo === 't',
    },
  };
}

/** Records what the post now shows (and its message, once posted) and releases the claim. */
export async function recordChannelPost(
  db: Db,
  input: {
    offerId: number;
    shown: ChannelShown;
    messageId?: number;
    hasPhoto?: boolean;
    chatId?: string;
    now: Date;
  },
): Promise<void> {
  await db.execute(sql`
    update channel_posts set shown = ${input.shown},
      chat_id = coalesce(${input.chatId ?? null}::text, chat_id),
      message_id = coalesce(${input.messageId ?? null}::int, message_id),
      has_photo = coalesce(${input.hasPhoto ?? null}::boolean, has_photo),
      claimed_until = ${input.now.toISOString()}::timestamptz, updated_at = now()
    where offer_id = ${input.offerId}
  `);
}

/** Gives the claim up without a change (Telegram failed): the next run tries again. */
export async function releaseChannelPost(db: Db, input: { offerId: number; now: Date }): Promise<void> {
  await db.execute(
    sql`update channel_posts set claimed_until = ${input.now.toISOString()}::timestamptz where offer_id = ${input.offerId}`,
  );
}

/** For the sweep: posted offers whose post no longer matches (ended or sold out since, a lost sync). */
export async function channelPostsOutOfDate(db: Db, input: { now: Date }): Promise<number[]> {
  const now = input.now.toISOString();
  const result = await db.execute(sql`
    select c.offer_id from channel_posts c join offers o on o.id = c.offer_id
    where c.message_id is not null and c.shown <> 'ended' and c.claimed_until <= ${now}::timestamptz
      and (o.pickup_end <= ${now}::timestamptz or o.status in ('expired', 'withdrawn')
        or (c.shown = 'live' and o.status <> 'active') or (c.shown <> 'live' and o.status = 'active'))
    limit 100
  `);
  return allRows(result).map((row) => num(row.offer_id));
}

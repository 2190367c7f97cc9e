import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import type { OfferStatus } from './offers.js';
import { date, firstRow, num } from './rows.js';

export interface LiveOfferLine {
  id: number;
  title: string;
  status: OfferStatus;
  unitsAvailable: number;
  pickupStart: Date;
  pickupEnd: Date;
}

/** What `/venue <id>` tells an admin beyond the card: its offers and how its reservations went. */
export interface VenueDossier {
  offersByStatus: Partial<Record<OfferStatus, number>>;
  /** Live, paused and sold-out offers, soonest pickup first (at most 5): the ones an admin may take down. */
  liveOffers: LiveOfferLine[];
  reservations: {
    reserved: number;
    pickedUp: number;
    cancelled: number;
    noShow: number;
    unitsPickedUp: number;
    /** Paid at pickup, in minor units. */
    cash: number;
    /** Paid in chat ahead (issue 18) for units since picked up, in minor units. */
    paidOnline: number;
  };
}

const parsed = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

/** One statement: offer counts by status, the live offers, and reservation totals over all of its offers. */
export async function getVenueDossier(db: Db, venueId: number): Promise<VenueDossier> {
  const row = firstRow(
    await db.execute(sql`
      select
        (select coalesce(json_object_agg(status, n), '{}'::json)
          from (select status, count(*) as n from offers where venue_id = ${venueId} group by status) s) as counts,
        (select coalesce(json_agg(l order by l.pickup_end), '[]'::json) from (
          select id, title, status, units_available, pickup_start, pickup_end from offers
          where venue_id = ${venueId} and status in ('active', 'paused', 'sold_out')
          order by pickup_end limit 5) l) as live,
        (select json_build_object(
            'reserved', count(*) filter (where r.status = 'reserved'),
            'picked_up', count(*) filter (where r.status = 'picked_up'),
            -- A hold that ended unpaid (issue 18) was never a reservation: not counted as cancelled.
            'cancelled', count(*) filter (where r.status = 'cancelled' and pm.state is distinct from 'expired'),
            'no_show', count(*) filter (where r.status = 'no_show'),
            'units_picked_up', coalesce(sum(r.quantity) filter (where r.status = 'picked_up'), 0),
            'cash', coalesce(sum(r.quantity * r.unit_price)
              filter (where r.status = 'picked_up' and pm.state is distinct from 'paid'), 0),
            'online', coalesce(sum(r.quantity * r.unit_price) filter (where r.status = 'picked_up' and pm.state = 'paid'), 0))
          from reservations r join offers o on o.id = r.offer_id
          left join payments pm on pm.reservation_id = r.id
          where o.venue_id = ${venueId}) as reservations
    `),
  );
  const counts = parsed(row?.counts) as Record<string, unknown>;
  const live = parsed(row?.live) as Array<Record<string, unknown>>;
  const r = parsed(row?.reservations) as Record<string, unknown>;
  return {
    offersByStatus: Object.fromEntries(Object.entries(counts).map(([status, n]) => [status, num(n)])),
    liveOffers: live.map((o) => ({
      id: num(o.id),
      title: String(o.title),
      status: o.status as OfferStatus,
      unitsAvailable: num(o.units_available),
      pickupStart: date(o.pickup_start),
      pickupEnd: date(o.pickup_end),
    })),
    reservations: {
      reserved: num(r.reserved),
      pickedUp: num(r.picked_up),
      cancelled: num(r.cancelled),
      noShow: num(r.no_show),
      unitsPickedUp: num(r.units_picked_up),
      cash: num(r.cash),
      paidOnline: num(r.online),
    },
  };
}

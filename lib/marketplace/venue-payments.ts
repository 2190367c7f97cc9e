import { sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { firstRow } from './rows.js';
import { venuesOf } from './venue-access.js';

/**
 * A venue opts in to online payment from /venue (issue 18); cash at the counter stays the default. Only the owner
 * switches it; an absolute value, so a retry sets the same again. Audited like every profile field.
 */
export async function setOnlinePayment(
  db: Db,
  input: { ownerId: number; accept: boolean },
): Promise<boolean> {
  const row = firstRow(
    await db.execute(sql`
      with changed as (
        update venues set accepts_online_payment = ${input.accept}, updated_at = now()
        where id in ${venuesOf(input.ownerId, 'manage')}
        returning id, accepts_online_payment
      ),
      audit as (
        insert into audit_log (actor_id, action, entity, entity_id, data)
        select ${input.ownerId}, 'venue.online_payment', 'venue', id, jsonb_build_object('accept', accepts_online_payment)
        from changed
      )
      select accepts_online_payment from changed
    `),
  );
  if (!row) throw new AppError({ code: 'venue.not_found' });
  return row.accepts_online_payment === true || row.accepts_online_payment === 't';
}

/** Whether the offer's venue takes online payment (the confirm step offers "Pay now" beside "Pay at pickup"). */
export async function offerTakesOnlinePayment(db: Db, offerId: number): Promise<boolean> {
  const row = firstRow(
    await db.execute(sql`
      select b.accepts_online_payment from offers o join venues b on b.id = o.venue_id where o.id = ${offerId}
    `),
  );
  return row?.accepts_online_payment === true || row?.accepts_online_payment === 't';
}

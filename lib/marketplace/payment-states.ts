import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import { allRows, num } from './rows.js';

/** How a customer's online payment stands, as /myreservations shows it (issue 18). */
export interface PaymentState {
  reservationId: number;
  amount: number;
  currency: string;
  /** The newest refund's state, if the payment is being (or was) given back. */
  refund: 'requested' | 'succeeded' | 'failed' | null;
}

/** The paid ones among these reservations of the customer, with their refunds. */
export async function paymentStates(
  db: Db,
  input: { customerId: number; reservationIds: number[] },
): Promise<PaymentState[]> {
  if (input.reservationIds.length === 0) return [];
  const rows = allRows(
    await db.execute(sql`
      select pm.reservation_id, pm.amount, pm.currency,
        (select r.state from refunds r where r.reservation_id = pm.reservation_id and r.reason <> 'duplicate_charge' order by r.id desc limit 1) as refund
      from payments pm
      where pm.customer_id = ${input.customerId} and pm.state = 'paid'
        and pm.reservation_id = any(${`{${input.reservationIds.join(',')}}`}::bigint[])
      order by pm.reservation_id desc
    `),
  );
  return rows.map((row) => ({
    reservationId: num(row.reservation_id),
    amount: num(row.amount),
    currency: String(row.currency),
    refund: (row.refund ?? null) as PaymentState['refund'],
  }));
}

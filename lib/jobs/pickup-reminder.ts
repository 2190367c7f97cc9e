import type { Telegram } from 'telegraf';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { type ReminderKind, remindersFor, writeReminder } from '../marketplace/reminders.js';
import { factsOf, factsQuery } from '../marketplace/reservation-facts.js';
import { firstRow } from '../marketplace/rows.js';
import { deliverById } from './deliver-notices.js';
import { sendingPausedUntil, takeSendBudget } from './send-budget.js';

export const reminderPayload = z.object({
  reservationId: z.number().int().positive(),
  kind: z.enum(['opening', 'closing']),
});

/**
 * Schedules a new reservation's reminders (30 minutes before the window opens, 15 before it closes), each
 * with a deduplication id of its own, so a replayed reservation schedules nothing twice. Runs after the
 * commit; a failure is logged and costs only the reminder.
 */
export async function scheduleReminders(
  deps: Deps,
  reservation: { reservationId: number; pickupStart: Date; pickupEnd: Date },
): Promise<void> {
  const due = remindersFor(reservation, deps.clock.now());
  await Promise.all(
    due.map(({ kind, at }) =>
      deps.scheduler
        .schedule({
          name: 'pickup-reminder',
          payload: { reservationId: reservation.reservationId, kind },
          notBefore: at,
          deduplicationId: `pickup-reminder-${reservation.reservationId}-${kind}`,
        })
        .catch((error) =>
          deps.log.error('schedule_failed', {
            job: 'pickup-reminder',
            reservation_id: reservation.reservationId,
            error: String(error),
          }),
        ),
    ),
  );
}

/**
 * The `pickup-reminder` job: if the reservation still waits to be collected, the reminder becomes an outbox
 * notice (code, Cancel button) and is delivered, followed by a map pin of the venue. A cancelled or collected
 * reservation makes it a no-op; a redelivery finds the notice written and sends nothing twice. The message
 * and its pin take two sends from the bulk budget; without them, the notice waits for the delivery job.
 */
export async function runPickupReminder(
  deps: Deps,
  telegram: Telegram,
  payload: z.infer<typeof reminderPayload>,
) {
  const now = deps.clock.now();
  const kind: ReminderKind = payload.kind;
  const written = await writeReminder(deps.db, { reservationId: payload.reservationId, kind, now });
  if (written.length === 0) return { reminded: false };
  const paused = await sendingPausedUntil(deps.redis, now);
  if (paused || (await takeSendBudget(deps.redis, now, 2)) < 2) {
    // Over the budget (or Telegram asked to slow down): the notice stays in the outbox; its claim lapses in a
    // minute and the delivery job sends it.
    await deps.scheduler
      .schedule({
        name: 'deliver-notices',
        payload: {},
        notBefore: new Date(now.getTime() + 61_000),
        deduplicationId: `deliver-notices-${Math.floor((now.getTime() + 61_000) / 60_000)}`,
      })
      .catch(() => {});
    return { reminded: false, deferred: true };
  }
  const delivered = await deliverById(
    deps,
    telegram,
    written.map((n) => n.id),
  );
  if (delivered.sent > 0) await sendPin(deps, telegram, payload.reservationId);
  deps.log.info('reminder_sent', { reservation_id: payload.reservationId, kind, sent: delivered.sent });
  return { reminded: delivered.sent > 0 };
}

/** The venue as a map pin under the reminder; best effort (the reminder itself carries the address). */
async function sendPin(deps: Deps, telegram: Telegram, reservationId: number) {
  try {
    const row = firstRow(await deps.db.execute(factsQuery(reservationId)));
    if (!row) return;
    const facts = factsOf(row);
    const { latitude, longitude, name, address } = facts.venue;
    if (latitude === null || longitude === null) return;
    await telegram.sendVenue(facts.customerId, latitude, longitude, name, address);
  } catch (error) {
    deps.log.info('reminder_pin_failed', { reservation_id: reservationId, error: String(error) });
  }
}

import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import { allRows, date, num, numOrNull } from './rows.js';

const AUDIT_SUBJECTS = ['venue', 'offer', 'reservation', 'user'] as const;
export type AuditSubject = (typeof AUDIT_SUBJECTS)[number];

export interface AuditLine {
  at: Date;
  /** Null for the system (expiry, settlement, the last unit reserved). */
  actor: { id: number; username: string | null; firstName: string | null } | null;
  action: string;
  entity: string;
  entityId: number;
  data: Record<string, unknown>;
}

/**
 * The last `limit` audit rows of one subject, oldest first. An offer's trail also holds its reservations'
 * rows (reserved, cancelled, picked up, settled), so one list tells the offer's whole life. Both halves read
 * `audit_log_entity_idx`; an offer's reservations come from `reservations_offer_idx`.
 */
export async function auditTrail(
  db: Db,
  input: { subject: AuditSubject; id: number; limit?: number },
): Promise<AuditLine[]> {
  const limit = input.limit ?? 20;
  const reservationsOfOffer =
    input.subject === 'offer'
      ? sql`union all
          select * from audit_log where entity = 'reservation'
            and entity_id in (select id from reservations where offer_id = ${input.id})`
      : sql``;
  const rows = allRows(
    await db.execute(sql`
      select t.created_at, t.actor_id, t.action, t.entity, t.entity_id, t.data, u.first_name, u.username
      from (
        select * from (
          select * from audit_log where entity = ${input.subject} and entity_id = ${input.id}
          ${reservationsOfOffer}
        ) a
        order by a.created_at desc, a.id desc limit ${limit}
      ) t
      left join users u on u.id = t.actor_id
      order by t.created_at, t.id
    `),
  );
  return rows.map((row) => {
    const actorId = numOrNull(row.actor_id);
    const username = (row.username as string | null) ?? null;
    const firstName = (row.first_name as string | null) ?? null;
    return {
      at: date(row.created_at),
      actor: actorId === null ? null : { id: actorId, username, firstName },
      action: String(row.action),
      entity: String(row.entity),
      entityId: num(row.entity_id),
      data: (typeof row.data === 'string' ? JSON.parse(row.data) : (row.data ?? {})) as Record<
        string,
        unknown
      >,
    };
  });
}

import { count, desc, eq, sql } from 'drizzle-orm';
import { type Business, businesses } from '../../db/schema.js';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { date, dateOrNull, firstRow, num, numOrNull, type RawRow } from './rows.js';
import type { BusinessStatus } from './users.js';

export interface BusinessDraft {
  ownerId: number;
  ownerFirstName: string;
  name: string;
  address: string;
  latitude?: number | null;
  longitude?: number | null;
  phone: string;
  description: string;
  photoFileId?: string | null;
}

const toBusiness = (row: RawRow): Business => ({
  id: num(row.id),
  ownerId: num(row.owner_id),
  name: String(row.name),
  address: String(row.address),
  latitude: numOrNull(row.latitude),
  longitude: numOrNull(row.longitude),
  phone: String(row.phone),
  description: String(row.description ?? ''),
  photoFileId: (row.photo_file_id as string | null) ?? null,
  status: row.status as BusinessStatus,
  rejectionReason: (row.rejection_reason as string | null) ?? null,
  reviewedBy: numOrNull(row.reviewed_by),
  reviewedAt: dateOrNull(row.reviewed_at),
  createdAt: date(row.created_at),
  updatedAt: date(row.updated_at),
});

/**
 * Registers a venue as `pending`, in one statement with its audit row (and the owner's user row, in case
 * this is their first contact). One venue per Telegram account: a second registration is a conflict.
 */
export async function registerBusiness(db: Db, draft: BusinessDraft): Promise<Business> {
  const row = firstRow(
    await db.execute(sql`
      with owner as (
        insert into users (id, first_name) values (${draft.ownerId}, ${draft.ownerFirstName})
        on conflict (id) do nothing
      ),
      created as (
        insert into businesses (owner_id, name, address, latitude, longitude, phone, description, photo_file_id)
        values (${draft.ownerId}, ${draft.name}, ${draft.address}, ${draft.latitude ?? null}, ${draft.longitude ?? null},
                ${draft.phone}, ${draft.description}, ${draft.photoFileId ?? null})
        on conflict (owner_id) do nothing
        returning *
      ),
      audit as (
        insert into audit_log (actor_id, action, entity, entity_id, data)
        select ${draft.ownerId}, 'business.registered', 'business', id, jsonb_build_object('to', 'pending') from created
      )
      select * from created
    `),
  );
  if (!row) throw new AppError({ code: 'venue.already_registered' });
  return toBusiness(row);
}

export async function getBusinessByOwner(db: Db, ownerId: number): Promise<Business | undefined> {
  const [row] = await db.select().from(businesses).where(eq(businesses.ownerId, ownerId)).limit(1);
  return row;
}

export async function getBusinessById(db: Db, id: number): Promise<Business | undefined> {
  const [row] = await db.select().from(businesses).where(eq(businesses.id, id)).limit(1);
  return row;
}

export async function listPendingBusinesses(
  db: Db,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<{ items: Business[]; total: number }> {
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(businesses)
      .where(eq(businesses.status, 'pending'))
      .orderBy(businesses.createdAt, businesses.id)
      .limit(pageSize)
      .offset(page * pageSize),
    db.select({ n: count() }).from(businesses).where(eq(businesses.status, 'pending')),
  ]);
  return { items, total: total?.n ?? 0 };
}

export type ReviewDecision = 'verify' | 'reject';

export interface ReviewResult {
  business: Business;
  /** False when the business already had the requested status (verifying twice is a no-op). */
  changed: boolean;
}

const reviewRules: Record<ReviewDecision, { to: 'verified' | 'rejected'; from: BusinessStatus[] }> = {
  // A rejected venue that fixed its details can be verified later.
  verify: { to: 'verified', from: ['pending', 'rejected'] },
  reject: { to: 'rejected', from: ['pending'] },
};

/** An admin verifies or rejects a venue; the status change and its audit row are one statement. */
export async function reviewBusiness(
  db: Db,
  input: { businessId: number; adminId: number; decision: ReviewDecision; reason?: string },
): Promise<ReviewResult> {
  const rule = reviewRules[input.decision];
  const reason = input.decision === 'reject' ? (input.reason ?? null) : null;
  const row = firstRow(
    await db.execute(sql`
      with target as (select id, status from businesses where id = ${input.businessId}),
      changed as (
        update businesses set status = ${rule.to}, rejection_reason = ${reason}, reviewed_by = ${input.adminId},
          reviewed_at = now(), updated_at = now()
        where id = ${input.businessId} and status in ${sql.raw(`(${rule.from.map((s) => `'${s}'`).join(',')})`)}
        returning id, status
      ),
      audit as (
        insert into audit_log (actor_id, action, entity, entity_id, data)
        select ${input.adminId}, ${`business.${input.decision}`}, 'business', id,
          jsonb_build_object('from', (select status from target), 'to', status, 'reason', ${reason}::text)
        from changed
      )
      select (select status from target) as before, (select count(*) from changed) as changed
    `),
  );
  if (!row || row.before === null) throw new AppError({ code: 'venue.not_found' });
  const changed = num(row.changed) > 0;
  if (!changed && row.before !== rule.to) {
    throw new AppError({ code: 'venue.wrong_state', status: row.before as BusinessStatus, to: rule.to });
  }
  const business = await getBusinessById(db, input.businessId);
  return { business: business!, changed };
}

export async function latestBusinesses(db: Db, limit = 20): Promise<Business[]> {
  return db.select().from(businesses).orderBy(desc(businesses.createdAt)).limit(limit);
}

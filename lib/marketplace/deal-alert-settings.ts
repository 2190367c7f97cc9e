import { sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { firstRow, num } from './rows.js';

/** How a customer wants deal alerts (db/schema.ts `deal_alert_settings`); no row means these defaults. */
export interface DealAlertSettings {
  muted: boolean;
  /** Quiet hours, minutes after local midnight; equal means none. */
  quietStart: number;
  quietEnd: number;
}

export const DEFAULT_DEAL_ALERT_SETTINGS: DealAlertSettings = {
  muted: false,
  quietStart: 22 * 60,
  quietEnd: 8 * 60,
};

/** The quiet hours one can pick in /settings; the first is the default, the last is "none". */
export const QUIET_HOURS_PRESETS: ReadonlyArray<readonly [number, number]> = [
  [22 * 60, 8 * 60],
  [23 * 60, 7 * 60],
  [21 * 60, 9 * 60],
  [0, 0],
];

export async function getDealAlertSettings(db: Db, userId: number): Promise<DealAlertSettings> {
  const row = firstRow(
    await db.execute(
      sql`select muted, quiet_start, quiet_end from deal_alert_settings where user_id = ${userId}`,
    ),
  );
  if (!row) return { ...DEFAULT_DEAL_ALERT_SETTINGS };
  return {
    muted: row.muted === true || row.muted === 't',
    quietStart: num(row.quiet_start),
    quietEnd: num(row.quiet_end),
  };
}

/**
 * Sets one or both settings to absolute values (a redelivered press sets the same again). The quiet hours are
 * one of QUIET_HOURS_PRESETS, by index; anything else is refused before any write.
 */
export async function updateDealAlertSettings(
  db: Db,
  input: { userId: number; firstName: string; muted?: boolean; quietPreset?: number },
): Promise<DealAlertSettings> {
  const preset = input.quietPreset === undefined ? undefined : QUIET_HOURS_PRESETS[input.quietPreset];
  if (input.quietPreset !== undefined && !preset) throw new AppError({ code: 'settings.unknown_choice' });
  const muted = input.muted ?? null;
  const [start, end] = preset ?? [null, null];
  const d = DEFAULT_DEAL_ALERT_SETTINGS;
  const row = firstRow(
    await db.execute(sql`
      with person as (
        insert into users (id, first_name) values (${input.userId}, ${input.firstName})
        on conflict (id) do nothing
      )
      insert into deal_alert_settings (user_id, muted, quiet_start, quiet_end)
      values (${input.userId}, coalesce(${muted}::boolean, ${d.muted}), coalesce(${start}::smallint, ${d.quietStart}),
        coalesce(${end}::smallint, ${d.quietEnd}))
      on conflict (user_id) do update set
        muted = coalesce(${muted}::boolean, deal_alert_settings.muted),
        quiet_start = coalesce(${start}::smallint, deal_alert_settings.quiet_start),
        quiet_end = coalesce(${end}::smallint, deal_alert_settings.quiet_end),
        updated_at = now()
      returning muted, quiet_start, quiet_end
    `),
  );
  return {
    muted: row?.muted === true || row?.muted === 't',
    quietStart: num(row?.quiet_start),
    quietEnd: num(row?.quiet_end),
  };
}

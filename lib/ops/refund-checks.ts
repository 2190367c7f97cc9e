import type { Telegram } from 'telegraf';
import type { Deps } from '../deps.js';
import { raiseAlert } from './alerts.js';
import { refundBacklog } from './refund-backlog.js';

/**
 * After each refund run (the job and the sweep): tells every admin (throttled, lib/ops/alerts.ts) about refunds
 * owed that nothing can send because STRIPE_SECRET_KEY is unset, or else about refunds requested over an hour
 * ago. Without the key each run also writes an error line (`refunds_unsent`).
 */
export async function checkRefunds(deps: Deps, telegram: Telegram): Promise<void> {
  const { waiting, overdue } = await refundBacklog(deps.db, deps.clock.now());
  if (!deps.config.refunds && waiting > 0) {
    deps.log.error('refunds_unsent', { missing: 'STRIPE_SECRET_KEY', waiting, overdue });
    await raiseAlert(deps, telegram, { kind: 'stuck_refunds', refunds: waiting, keyMissing: true });
  } else if (overdue > 0) {
    await raiseAlert(deps, telegram, { kind: 'stuck_refunds', refunds: overdue, keyMissing: false });
  }
}

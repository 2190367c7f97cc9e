import type { Telegram } from 'telegraf';
import { notifyUsers } from '../bot/notify.js';
import { alertText } from '../bot/texts/alerts.js';
import type { Deps } from '../deps.js';

/** What went wrong, by kind; each kind is throttled on its own. */
export type Alert =
  | { kind: 'errors'; count: number }
  /** The sweep found offers whose pickup window ended but which a lost QStash callback never expired. */
  | { kind: 'lost_callbacks'; offers: number }
  /** Notices written over an hour ago and still not delivered. */
  | { kind: 'stuck_notices'; notices: number }
  /**
   * Refunds owed to customers that haven't gone out: `keyMissing`, any that are requested while STRIPE_SECRET_KEY
   * is unset (nothing can send them); else those still requested an hour after they were written.
   */
  | { kind: 'stuck_refunds'; refunds: number; keyMissing: boolean }
  /** `/api/health` failed; `failing` names what (database, redis, config), never a value. */
  | { kind: 'health'; failing: string[] };

/**
 * Ops alerts: a message to every admin when something is wrong, at most once per kind per 15 minutes.
 *
 * Counters and throttles live in Redis with a TTL, and only the error path writes them: a healthy update
 * costs nothing. One error is one EVAL (count it in its minute and, past the threshold, pass the throttle),
 * so even the error path gains a single round trip. Times come from `deps.clock` (the TTLs only clean up),
 * which is what lets a test move a fake clock past the 15 minutes. Keys share the `{ops}` hash tag, so the
 * scripts touch one slot. The count is a threshold, not a metric: a retried EVAL may count an error twice
 * (the `errors` log lines are the metric). Nothing here throws or logs at error level: an alert about
 * alerts would loop.
 */
const ALERT_THROTTLE_MS = 15 * 60_000;
const ERRORS_PER_MINUTE = 10;
/** An alert must not hold up the path that raised it (often one that is failing already). */
const BUDGET_MS = 1_000;

const throttleKey = (name: string) => `ops:{ops}:alerted:${name}`;
/**
 * What an alert is throttled as: its kind, except that refunds owed with no Stripe key at all are throttled
 * apart from refunds merely held up, so the held-up one can't hide the more urgent one for 15 minutes.
 */
const throttleName = (alert: Alert): string =>
  alert.kind === 'stuck_refunds' && alert.keyMissing ? 'stuck_refunds_no_key' : alert.kind;
const minuteKey = (now: Date) => `ops:{ops}:errors:${Math.floor(now.getTime() / 60_000)}`;

/** KEYS[1] throttle; ARGV now (ms), throttle (ms). 1 when this caller may alert (and the time is recorded). */
const PASS = `
local last = redis.call('GET', KEYS[1])
if last and tonumber(ARGV[1]) - tonumber(last) < tonumber(ARGV[2]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

/** KEYS[1] this minute's count, KEYS[2] throttle; ARGV now, throttle, threshold. {count, may alert}. */
const COUNT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], 120000) end
if n <= tonumber(ARGV[3]) then return {n, 0} end
local last = redis.call('GET', KEYS[2])
if last and tonumber(ARGV[1]) - tonumber(last) < tonumber(ARGV[2]) then return {n, 0} end
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
return {n, 1}`;

/** Without Redis the throttle is kept per process: a little more noise, never silence. */
const localThrottles = new WeakMap<Deps, Map<string, number>>();
function passLocally(deps: Deps, kind: string, now: number): boolean {
  const seen = localThrottles.get(deps) ?? new Map<string, number>();
  localThrottles.set(deps, seen);
  const last = seen.get(kind);
  if (last !== undefined && now - last < ALERT_THROTTLE_MS) return false;
  seen.set(kind, now);
  return true;
}

const withinBudget = <T>(work: Promise<T>) =>
  Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('alert budget')), BUDGET_MS).unref()),
  ]);

async function tellAdmins(deps: Deps, telegram: Telegram, alert: Alert): Promise<void> {
  // Each admin in their language (issue 17); the lookup falls back to the default if the database is down.
  await notifyUsers(deps, telegram, deps.config.adminIds, () => alertText(alert));
  deps.log.warn('ops_alert', { kind: alert.kind });
}

/** Tells every admin about `alert`, unless its kind was told within the last 15 minutes. */
export async function raiseAlert(deps: Deps, telegram: Telegram, alert: Alert): Promise<boolean> {
  const now = deps.clock.now().getTime();
  let pass: boolean;
  try {
    const answer = await withinBudget(
      deps.redis.eval(PASS, [throttleKey(throttleName(alert))], [String(now), String(ALERT_THROTTLE_MS)]),
    );
    pass = Number(answer) === 1;
  } catch {
    pass = passLocally(deps, throttleName(alert), now);
  }
  if (pass) await withinBudget(tellAdmins(deps, telegram, alert)).catch(() => {});
  return pass;
}

/**
 * On the error path only: counts one error in the current minute, and past ten tells every admin (throttled
 * like any alert). Never throws.
 */
export async function noteError(deps: Deps, telegram: Telegram): Promise<void> {
  const now = deps.clock.now();
  try {
    const answer = (await withinBudget(
      deps.redis.eval(
        COUNT,
        [minuteKey(now), throttleKey('errors')],
        [String(now.getTime()), String(ALERT_THROTTLE_MS), String(ERRORS_PER_MINUTE)],
      ),
    )) as [number, number];
    if (Number(answer[1]) === 1) {
      await withinBudget(tellAdmins(deps, telegram, { kind: 'errors', count: Number(answer[0]) })).catch(
        () => {},
      );
    }
  } catch (error) {
    deps.log.warn('error_count_failed', { error });
  }
}

/** Runs `work`; if it throws, the error is counted (noteError) and thrown on, unchanged. */
export async function countingErrors<T>(deps: Deps, telegram: Telegram, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await noteError(deps, telegram);
    throw error;
  }
}

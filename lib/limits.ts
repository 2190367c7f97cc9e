/**
 * Time budgets, all derived from the one number the platform enforces: a function's maxDuration, which
 * scripts/build-functions.ts writes into every deployed function from here (tests/limits.test.ts checks it).
 * Every wait inside an update is shorter than the handler's budget, so a slow store or a slow Telegram ends
 * the update as "outcome unknown" (a 503 retried through the idempotency record) instead of the platform
 * killing it mid-write.
 */
export const FUNCTION_MAX_DURATION_S = 10;

/** Telegraf gives up on an update after this; the webhook then answers 503 (see OutcomeUnknownError). */
export const HANDLER_TIMEOUT_MS = (FUNCTION_MAX_DURATION_S - 2) * 1000;

/** One SQL statement; a reservation is one statement, so this bounds it well inside the handler's budget. */
export const STATEMENT_TIMEOUT_MS = 5_000;

/** One Bot API call (long polling asks for longer on purpose and is exempt). */
export const TELEGRAM_CALL_TIMEOUT_MS = 5_000;

/**
 * An update's claim while it is processed outlives the function holding it by a little, so a crashed
 * invocation's update is processed again on Telegram's next retry instead of being dropped as a duplicate.
 */
export const CLAIM_WHILE_PROCESSING_S = FUNCTION_MAX_DURATION_S + 5;

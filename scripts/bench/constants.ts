/** The bot the benchmark plays: a token the emulator accepts and the webhook secret it sends. */
export const BENCH_TOKEN = '123456:BENCH-token-for-the-bot-api-emulator';
export const BENCH_SECRET = 'bench-webhook-secret';

/**
 * One cold start: a fresh Node process that loads a webhook handler and handles one update, then exits.
 * `app` goes through api/telegram.ts compiled file by file (config, deps, runtime, webhook policy, bot),
 * `bundle` through the same function as deployed (scripts/build-functions.ts); `bare` through a bare
 * Telegraf bot. The parent times it from spawn to the reply reaching its Bot API emulator.
 * Run from the compiled tree (see cold-start.ts), as a deployment runs compiled JavaScript.
 */
const [mode, payload] = process.argv.slice(2);
const { rawBody, apiRoot, token, secret } = JSON.parse(payload ?? '{}') as Record<string, string>;

// performance.now() counts from the process's start: when Node had booted, imported, and handled.
const marks = { booted: performance.now(), imported: 0, handled: 0 };
if (mode === 'bare') {
  const { createBareBot } = await import('./bare-bot.js');
  marks.imported = performance.now();
  await createBareBot(apiRoot!, token!).handle(rawBody!);
  marks.handled = performance.now();
} else if (mode === 'bundle') {
  // The function as deployed (see bundleForChildren); stores from the environment, as on Vercel.
  const deployed = `${import.meta.dirname}/../../vercel-output/functions/api/telegram.func/api/telegram.js`;
  const { default: handler } = (await import(deployed)) as {
    default: { fetch(request: Request): Promise<Response> };
  };
  marks.imported = performance.now();
  const response = await handler.fetch(
    new Request('http://localhost/api/telegram', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret! },
      body: rawBody!,
    }),
  );
  marks.handled = performance.now();
  if (response.status !== 200) process.exitCode = 1;
} else {
  const { default: handler } = await import('../../api/telegram.js');
  if (!process.env.DATABASE_URL) {
    // Functions never open the embedded stand-ins; the dev scripts hand them over, as here.
    const [{ loadConfig }, { createDeps }, { createRuntime, setRuntime }, { embeddedStores }] =
      await Promise.all([
        import('../../lib/config.js'),
        import('../../lib/deps.js'),
        import('../../lib/runtime.js'),
        import('../../dev/embedded/stores.js'),
      ]);
    const config = loadConfig();
    setRuntime(createRuntime(await createDeps(config, await embeddedStores(config))));
  }
  marks.imported = performance.now();
  const response = await handler.fetch(
    new Request('http://localhost/api/telegram', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret! },
      body: rawBody!,
    }),
  );
  marks.handled = performance.now();
  // After the reply (the parent has its time): close the pool and the Redis connection cleanly.
  const { getRuntime } = await import('../../lib/runtime.js');
  await (await getRuntime()).deps.close();
  if (response.status !== 200) process.exitCode = 1;
}
process.stdout.write(`${JSON.stringify(marks)}\n`, () => process.exit());

/**
 * `npm run build:functions [outDir]` (and `vercel-build`, which Vercel runs: vercel.json hands the build to
 * @vercel/static-build, which takes a `.vercel/output` it finds as the whole build): every api/* function
 * bundled by esbuild into one ES module, split at its dynamic imports so a driver loads when used, written
 * in Vercel's Build Output API (`<outDir>/functions/api/<name>.func/` with its `.vc-config.json`,
 * `config.json`, `static/` from public/; default `.vercel/output`). A cold start then reads and compiles a
 * few files instead of resolving and loading ~300 (docs/BENCHMARKS.md, "Cold start"). sharp stays a package
 * (native libvips), copied into the functions that import it. Each function is launched as @vercel/node
 * launches its own: the same handler path, Node launcher with request helpers, source maps, memory, and the
 * maxDuration lib/limits.ts derives every time budget from. `npm run dev` and the tests run api/*.ts from
 * source, as before.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { FUNCTION_MAX_DURATION_S } from '../lib/limits.js';

const root = new URL('..', import.meta.url).pathname;
/** Every function's memory (MB); function time is billed at it. */
export const FUNCTION_MEMORY_MB = 1024;
/** What Vercel runs the functions on (package.json engines allows 20–24; Vercel refuses 20). */
const RUNTIME = 'nodejs24.x';
/** Packages a bundle leaves outside: native code, and what only dev code would load. */
const EXTERNAL = ['sharp', 'pg-native', '@electric-sql/pglite'];
/**
 * What a cold start would load for nothing, replaced at bundle time:
 * - `whatwg-url` (with tr46's 260 KB mapping table): node-fetch 2, under Telegraf, imports it only as the
 *   fallback of `Url.URL || whatwgUrl.URL`, and Node always has `url.URL`;
 * - zod's 40-odd locales: `z.locales` is re-exported whole, and only English is ever used (zod registers it
 *   itself; nothing here calls `z.config`).
 */
const slimStart: Plugin = {
  name: 'slim-start',
  setup(build) {
    build.onResolve({ filter: /^whatwg-url$/ }, () => ({ path: 'whatwg-url', namespace: 'slim' }));
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]classic[\\/]/.test(args.importer)
        ? { path: join(dirname(args.importer), '../locales/index.js'), namespace: 'slim' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'slim' }, (args) =>
      args.path === 'whatwg-url'
        ? {
            contents:
              'export const URL = globalThis.URL; export const URLSearchParams = globalThis.URLSearchParams;' +
              ' export default { URL, URLSearchParams };',
            loader: 'js',
          }
        : {
            contents: `export { default as en } from ${JSON.stringify(join(dirname(args.path), 'en.js'))};`,
            loader: 'js',
            resolveDir: dirname(args.path),
          },
    );
  },
};

/** sharp and what it requires at run time (the @img/sharp-* packages for this platform are added below). */
const SHARP_PACKAGES = ['sharp', '@img/colour', 'detect-libc', 'semver'];

/** A function's `.vc-config.json`, as @vercel/node writes it for an `api/*.ts` entry. */
export function functionConfig(name: string) {
  return {
    handler: `${name}.js`,
    runtime: RUNTIME,
    architecture: 'x86_64',
    memory: FUNCTION_MEMORY_MB,
    maxDuration: FUNCTION_MAX_DURATION_S,
    environment: {},
    launcherType: 'Nodejs',
    shouldAddHelpers: true,
    shouldAddSourcemapSupport: true,
  };
}

function entries(dir = join(root, 'api')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return entries(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [relative(root, path)] : [];
  });
}

function copyPackage(name: string, funcDir: string) {
  const from = join(root, 'node_modules', name);
  if (existsSync(from))
    cpSync(from, join(funcDir, 'node_modules', name), { recursive: true, dereference: true });
}

async function buildFunction(outDir: string, entry: string): Promise<string> {
  const name = entry.replace(/\.ts$/, ''); // api/telegram
  const funcDir = join(outDir, 'functions', `${name}.func`);
  rmSync(funcDir, { recursive: true, force: true });
  const result = await build({
    entryPoints: [join(root, entry)],
    outdir: funcDir,
    outbase: root,
    entryNames: '[dir]/[name]',
    chunkNames: 'api/_chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    sourcemap: true,
    // Stack traces need the mappings, not the sources (which would double what each function uploads).
    sourcesContent: false,
    external: EXTERNAL,
    plugins: [slimStart],
    // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    metafile: true,
    logLevel: 'error',
  });
  const imports = Object.values(result.metafile.outputs).flatMap((output) =>
    output.imports.map((i) => i.path),
  );
  if (imports.includes('sharp')) {
    for (const pkg of SHARP_PACKAGES) copyPackage(pkg, funcDir);
    const img = join(root, 'node_modules/@img');
    for (const pkg of existsSync(img) ? readdirSync(img) : []) {
      if (pkg.startsWith('sharp-')) copyPackage(`@img/${pkg}`, funcDir);
    }
  }
  writeFileSync(join(funcDir, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(join(funcDir, '.vc-config.json'), JSON.stringify(functionConfig(name), null, 2));
  return name;
}

/** Builds every function, the static files and the routing into `outDir`; returns the function names. */
export async function buildFunctions(outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const built: string[] = [];
  for (const entry of entries()) built.push(await buildFunction(outDir, entry));
  rmSync(join(outDir, 'static'), { recursive: true, force: true });
  cpSync(join(root, 'public'), join(outDir, 'static'), { recursive: true });
  // The routes `vercel build` wrote for this project: files first, unknown /api paths 404, the rest 404.html.
  // The crons stay in vercel.json: the CLI adds them to this file itself.
  const config = {
    version: 3,
    routes: [
      { handle: 'filesystem' },
      { src: '^/api(/.*)?$', status: 404 },
      { handle: 'error' },
      { status: 404, src: '^(?!/api).*$', dest: '/404.html' },
    ],
  };
  writeFileSync(join(outDir, 'config.json'), JSON.stringify(config, null, 2));
  return built;
}

if (process.argv[1] && resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const outDir = resolve(process.argv[2] ?? join(root, '.vercel/output'));
  const started = performance.now();
  buildFunctions(outDir).then(
    (built) => {
      const ms = Math.round(performance.now() - started);
      console.log(
        `build:functions: ${built.join(', ')} → ${relative(process.cwd(), outDir) || '.'} in ${ms} ms`,
      );
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

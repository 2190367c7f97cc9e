/**
 * `npm run sizes [-- <functions dir> [<another functions dir>]]`: what each Vercel function ships, measured in
 * `vercel build` output (default `.vercel/check-output/functions`, where `npm run check:vercel` keeps it).
 * Per function: file count and bytes; then the largest packages. With two directories (before, after) it
 * prints both side by side. Prints Markdown, so the result can go straight into docs/function-sizes.md.
 */
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

interface FunctionSize {
  files: number;
  bytes: number;
  /** Bytes by package (`@scope/name`), the app's own files as `(app)`. */
  packages: Map<string, number>;
}

const APP = '(app)';

/** The package a file belongs to: the segment after its last `node_modules`. */
function packageOf(file: string): string {
  const parts = file.split(sep);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return APP;
  const name = parts[at + 1] ?? APP;
  return name.startsWith('@') ? `${name}/${parts[at + 2] ?? ''}` : name;
}

function measure(funcDir: string): FunctionSize {
  const size: FunctionSize = { files: 0, bytes: 0, packages: new Map() };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      const bytes = lstatSync(path).size;
      const pkg = packageOf(relative(funcDir, path));
      size.files++;
      size.bytes += bytes;
      size.packages.set(pkg, (size.packages.get(pkg) ?? 0) + bytes);
    }
  };
  walk(funcDir);
  return size;
}

/** Every `*.func` under a functions directory, by route (`api/jobs/expire-offer`). */
export function measureFunctions(functionsDir: string): Map<string, FunctionSize> {
  const found = new Map<string, FunctionSize>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = join(dir, entry.name);
      if (entry.name.endsWith('.func'))
        found.set(relative(functionsDir, path).replace(/\.func$/, ''), measure(path));
      else walk(path);
    }
  };
  walk(functionsDir);
  return new Map([...found].sort(([a], [b]) => a.localeCompare(b)));
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const kb = (bytes: number) => (bytes >= 1024 * 1024 ? mb(bytes) : `${(bytes / 1024).toFixed(0)} kB`);
const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;

/** Package sizes taken from the largest function (they all share most of their packages). */
function largestPackages(sizes: Map<string, FunctionSize>): Map<string, number> {
  const merged = new Map<string, number>();
  for (const size of sizes.values())
    for (const [pkg, bytes] of size.packages) merged.set(pkg, Math.max(merged.get(pkg) ?? 0, bytes));
  return merged;
}

function report(dirs: string[], top: number): string {
  const all = dirs.map(measureFunctions);
  const names = [...new Set(all.flatMap((sizes) => [...sizes.keys()]))].sort();
  const label = (i: number) => (dirs.length === 1 ? '' : i === 0 ? ' before' : ' after');
  const lines: string[] = [];
  lines.push(
    row(['function', ...all.flatMap((_, i) => [`files${label(i)}`, `size${label(i)}`])]),
    row(['---', ...all.flatMap(() => ['---:', '---:'])]),
  );
  for (const name of names)
    lines.push(
      row([
        name,
        ...all.flatMap((sizes) => {
          const size = sizes.get(name);
          return size ? [size.files, mb(size.bytes)] : ['–', '–'];
        }),
      ]),
    );
  const packages = all.map(largestPackages);
  const ranked = [...new Set(packages.flatMap((p) => [...p.keys()]))]
    .sort(
      (a, b) =>
        Math.max(...packages.map((p) => p.get(b) ?? 0)) - Math.max(...packages.map((p) => p.get(a) ?? 0)),
    )
    .slice(0, top);
  lines.push(
    '',
    `Largest packages (per function; top ${top}):`,
    '',
    row(['package', ...all.map((_, i) => `size${label(i)}`)]),
    row(['---', ...all.map(() => '---:')]),
  );
  for (const pkg of ranked)
    lines.push(row([pkg, ...packages.map((p) => (p.has(pkg) ? kb(p.get(pkg)!) : '–'))]));
  return lines.join('\n');
}

function main() {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 15;
  const dirs = args.length > 0 ? args : ['.vercel/check-output/functions'];
  for (const dir of dirs)
    if (!existsSync(dir)) throw new Error(`${dir}: no such directory (run npm run check:vercel first)`);
  if (dirs.length > 2)
    throw new Error('usage: npm run sizes -- [<functions dir> [<functions dir after>]] [--top N]');
  console.log(report(dirs, top));
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

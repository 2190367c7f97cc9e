#!/usr/bin/env bash
# Proves `vercel build` succeeds offline and that what it produces works: installs the Vercel CLI outside the
# project (it is heavy and needs an override for a dependency the registry lacks), links a throwaway copy of
# the repository with a hand-written .vercel/project.json, builds it, keeps the output in .vercel/check-output
# (git-ignored with .vercel/), reports function sizes, and, when TEST_DATABASE_URL and TEST_REDIS_URL are set,
# serves every built function with @vercel/node's launcher (tests/vercel-launcher.test.ts).
# Usage: npm run check:vercel   (VERCEL_CHECK_OUTPUT=<dir> keeps the output elsewhere; VERCEL_CHECK_REF=<commit>
# builds that commit instead of the working tree)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="${VERCEL_CLI_DIR:-${TMPDIR:-/tmp}/vercel-cli}"
out="${VERCEL_CHECK_OUTPUT:-$root/.vercel/check-output}"
if [ ! -x "$cli/node_modules/.bin/vercel" ]; then
  mkdir -p "$cli"
  echo '{"name":"vercel-cli","private":true,"overrides":{"sandbox":"4.5.0"}}' > "$cli/package.json"
  npm install --prefix "$cli" --no-audit --no-fund --loglevel=error vercel >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -n "${VERCEL_CHECK_REF:-}" ]; then
  # A committed revision (e.g. to measure an older build): exactly what that commit holds.
  git -C "$root" archive "$VERCEL_CHECK_REF" | tar -x -C "$work"
else
  # The working tree as `vercel deploy` would upload it: tracked and new files, not git-ignored ones (a file
  # deleted but not yet committed is skipped).
  (cd "$root" && git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
    | xargs -0 cp --parents -t "$work")
fi
mkdir -p "$work/.vercel"
echo '{"projectId":"prj_local","orgId":"team_local","settings":{"framework":null}}' > "$work/.vercel/project.json"
(cd "$work" && VERCEL_TELEMETRY_DISABLED=1 "$cli/node_modules/.bin/vercel" build --yes)
ls "$work/.vercel/output/functions/api"
test -f "$work/.vercel/output/functions/api/telegram.func/.vc-config.json"
test ! -e "$work/.vercel/output/static/lib" # the source is never published as static files

rm -rf "$out"
mkdir -p "$(dirname "$out")"
cp -a "$work/.vercel/output" "$out"
echo "vercel build: ok (output kept in ${out#"$root"/})"

(cd "$root" && node --import tsx scripts/function-sizes.ts "$out/functions")

if [ -n "${TEST_DATABASE_URL:-}" ] && [ -n "${TEST_REDIS_URL:-}" ]; then
  # Only the build-output block: the from-source block already runs in `npm test` with the same variables.
  (cd "$root" && VERCEL_BUILD_OUTPUT="$out" npx vitest run tests/vercel-launcher.test.ts -t 'vercel build')
else
  echo "launcher suite on the build output skipped: set TEST_DATABASE_URL and TEST_REDIS_URL to run it"
fi

#!/usr/bin/env bash
# Proves `vercel build` succeeds offline: installs the Vercel CLI outside the project (it is heavy and
# needs an override for a dependency the registry lacks), links a throwaway copy of the repository with
# a hand-written .vercel/project.json, and builds it. Usage: npm run check:vercel
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="${VERCEL_CLI_DIR:-${TMPDIR:-/tmp}/vercel-cli}"
if [ ! -x "$cli/node_modules/.bin/vercel" ]; then
  mkdir -p "$cli"
  echo '{"name":"vercel-cli","private":true,"overrides":{"sandbox":"4.5.0"}}' > "$cli/package.json"
  npm install --prefix "$cli" --no-audit --no-fund --loglevel=error vercel >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git -C "$root" ls-files -z | (cd "$root" && xargs -0 cp --parents -t "$work")
mkdir -p "$work/.vercel"
echo '{"projectId":"prj_local","orgId":"team_local","settings":{"framework":null}}' > "$work/.vercel/project.json"
(cd "$work" && VERCEL_TELEMETRY_DISABLED=1 "$cli/node_modules/.bin/vercel" build --yes)
ls "$work/.vercel/output/functions/api"
test -f "$work/.vercel/output/functions/api/telegram.func/.vc-config.json"
test ! -e "$work/.vercel/output/static/lib" # the source is never published as static files
echo "vercel build: ok"

#!/usr/bin/env bash
# Runs every Duet test on a fresh Debian machine: installs what is missing, builds, tests, and ends with
# one plain line "N passed, N failed[, N skipped]". Browser/WebRTC tests run in a network namespace that
# has only loopback, so no test traffic leaves this machine.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# 1. System packages the tests drive for real: Chromium (browser tests), coturn (TURN relay), Redis (scale-out).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v turnserver >/dev/null 2>&1 || missing+=(coturn)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v unshare >/dev/null 2>&1 || missing+=(util-linux)
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${missing[*]} ..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || { echo "apt-get install ${missing[*]} failed"; exit 1; }
  else
    echo "Missing ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}' (or run ./test.sh as root) and try again."
    exit 1
  fi
fi

# 2. Node packages: the web SDK's build tools, and the third-party packages the compatibility tests use.
(cd web && { [ -f node_modules/.package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; }) || { echo "npm ci (web) failed"; exit 1; }
(cd tests/js && { [ -f node_modules/.package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; }) || { echo "npm ci (tests/js) failed"; exit 1; }

# 3. Build everything once (this also builds the web assets).
dotnet build Duet.slnx -c Release -nologo -v quiet || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

# 4. Fast unit tests of the SDK's pure logic (vitest), then every .NET test project, one at a time so the
#    browser tests get the CPU they need. All of it inside a loopback-only network namespace.
#    esbuild does not type-check, so the TypeScript compiler checks the SDK and the app first.
(cd web && npm run --silent typecheck) || { echo "TypeScript type check failed"; touch "$results/typecheck-failed"; }
(cd web && npx vitest run --reporter=default --reporter=json --outputFile="$results/vitest.json") || true
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  unshare -n sh -c 'ip link set lo up; exec "$@"' sh \
    dotnet test "$project" -c Release --no-build --nologo \
      --logger "trx;LogFileName=$results/$name.trx" --logger "console;verbosity=normal" || true
done

# 5. One summary line for CI, counted from the result files rather than the runners' own output.
python3 - "$results" <<'PY'
import glob, json, os, re, sys
d = sys.argv[1]
passed = failed = skipped = 0
for f in glob.glob(os.path.join(d, "*.trx")):
    text = open(f, encoding="utf-8").read()
    m = re.search(r'<Counters [^>]*', text)
    if not m:
        failed += 1; continue
    c = dict(re.findall(r'(\w+)="(\d+)"', m.group(0)))
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0))
v = os.path.join(d, "vitest.json")
if os.path.exists(v):
    r = json.load(open(v))
    passed += r.get("numPassedTests", 0); failed += r.get("numFailedTests", 0) + (1 if r.get("success") is False and r.get("numFailedTests", 0) == 0 else 0)
    skipped += r.get("numPendingTests", 0) + r.get("numTodoTests", 0)
else:
    failed += 1
if os.path.exists(os.path.join(d, "typecheck-failed")):
    failed += 1
expected = len(glob.glob("tests/*/*.Tests.csproj"))
found = len(glob.glob(os.path.join(d, "*.trx")))
failed += max(0, expected - found)  # a test project that crashed before writing results counts as a failure
line = f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else "")
print(line)
sys.exit(1 if failed else 0)
PY

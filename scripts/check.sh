#!/usr/bin/env bash
# The project's one test command: installs what it needs, then builds, lints, typechecks
# and runs every test, and ends with the line `N passed, N failed`.
# Usage: bash scripts/check.sh   (MNIST is read from $LENET_TEST_MNIST_DIR, by default
# ../shared/data/mnist beside the checkout).
set -uo pipefail
cd "$(dirname "$0")/.."

fail() { echo "check: $*" >&2; exit 1; }

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null) \
  || fail "Node.js is not installed. Install Node 20 or newer, then run this again."
[ "$node_major" -ge 20 ] || fail "Node $node_major found; lenet needs Node 20 or newer."

pnpm_version=$(node -p 'require("./package.json").packageManager.split("@")[1]')
if [ "$(pnpm --version 2>/dev/null)" != "$pnpm_version" ]; then
  echo "check: installing pnpm $pnpm_version"
  npm install -g "pnpm@$pnpm_version" >/dev/null \
    || fail "could not install pnpm $pnpm_version with npm; install it by hand (npm i -g pnpm@$pnpm_version)."
fi

pnpm install --frozen-lockfile || fail "pnpm install failed (see above)."

if [ -z "${LENET_TEST_MNIST_DIR:-}" ]; then
  LENET_TEST_MNIST_DIR="$(cd .. && pwd)/shared/data/mnist"
fi
[ -f "$LENET_TEST_MNIST_DIR/train-images-idx3-ubyte.gz" ] \
  || fail "MNIST not found in $LENET_TEST_MNIST_DIR. Point LENET_TEST_MNIST_DIR at a folder holding the four official MNIST .gz files."
export LENET_TEST_MNIST_DIR

# Fashion-MNIST for the tests of the named data sets: Debian's dataset-fashion-mnist.
if [ -z "${LENET_TEST_FASHION_MNIST_DIR:-}" ]; then
  LENET_TEST_FASHION_MNIST_DIR=/usr/share/datasets/fashion-mnist
fi
if [ ! -f "$LENET_TEST_FASHION_MNIST_DIR/train-images-idx3-ubyte.gz" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "check: installing Debian's dataset-fashion-mnist for the data set tests"
    { apt-get update && apt-get install -y dataset-fashion-mnist; } >/dev/null \
      || fail "could not install dataset-fashion-mnist with apt-get."
  fi
  [ -f "$LENET_TEST_FASHION_MNIST_DIR/train-images-idx3-ubyte.gz" ] \
    || fail "Fashion-MNIST not found in $LENET_TEST_FASHION_MNIST_DIR. Install it (sudo apt-get install -y dataset-fashion-mnist) or point LENET_TEST_FASHION_MNIST_DIR at a folder holding its four .gz files."
fi
export LENET_TEST_FASHION_MNIST_DIR

# The web app's browser tests drive Debian's chromium with playwright-core.
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "check: installing chromium for the browser tests"
    { apt-get update && apt-get install -y chromium; } >/dev/null || fail "could not install chromium with apt-get."
  else
    fail "the browser tests need /usr/bin/chromium: install it (sudo apt-get install -y chromium), then run this again."
  fi
fi

rm -rf packages/*/reports apps/*/reports tests/reports
status=0
pnpm exec turbo run build lint typecheck test --continue --concurrency=2 --output-logs=new-only || status=1
pnpm exec eslint ./*.ts ./*.js scripts tests bench || status=1
pnpm exec prettier --check . || status=1
# Every TypeScript project at once (libraries, apps, tests, benches, tooling): tsc -b at the root.
pnpm exec tsc -b || status=1
pnpm run test:packaging || status=1
node scripts/count-tests.mjs || status=1
exit $status

#!/usr/bin/env bash
# Installs the committed state of this clone as a new user would, in a temporary clone: a new HOME (no npm
# settings of this machine) and a PATH with node, npm, git and the usual shell tools but no compiler, make
# or python; then `npm ci` and `npx rmprep`. Unless --no-test is given, `npm test` then runs in that clone
# with the normal environment, as CI would.
# usage: scripts/check-install.sh [--no-test]
set -u
run_tests=1
[ "${1:-}" = --no-test ] && run_tests=0
src=$(cd "$(dirname "$0")/.." && pwd)
commit=$(git -C "$src" rev-parse HEAD) || exit 2
[ -n "$(git -C "$src" status --porcelain)" ] && echo "(uncommitted changes are not checked: this installs commit ${commit:0:12})"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
git clone -q "$src" "$dir/rmprep" && git -C "$dir/rmprep" checkout -q "$commit" && cd "$dir/rmprep" || exit 2
bin=$dir/bin; mkdir -p "$bin" "$dir/home"
for t in node npm npx git sh bash env cat ls mkdir rm cp mv ln tar gzip sed grep uname which chmod dirname basename \
         tr cut head tail sort wc tee xargs find readlink realpath mktemp touch date sleep id printf awk; do
  p=$(command -v "$t" 2>/dev/null) && ln -sf "$p" "$bin/$t"
done
newuser() { env -i HOME="$dir/home" PATH="$bin" TERM=dumb "$@"; }
step() { echo "== $*"; "$@" || { echo "FAILED: $*"; exit 1; }; }
echo "(installing as a new user would: a new HOME, and no compiler, make or python on PATH)"
step newuser npm ci --no-audit --no-fund
step newuser npx rmprep --help
step newuser npx rmprep list
echo "install works: npm ci as a new user without a compiler, then npx rmprep"
if [ "$run_tests" = 1 ]; then
  step npm test
  echo "npm test passes in the fresh clone"
fi

#!/bin/sh
# The symbols the shared library exports must be exactly the names in the
# linker version script: nothing missing, no private helper leaking.
# usage: check-exports.sh MAPFILE LIBRARY
set -eu
map=$1
lib=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -n 's/^[[:space:]]*\(ukwd_[A-Za-z0-9_]*\);.*/\1/p' "$map" | sort >"$tmp/map"
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBR]$/ { sub(/@.*/, "", $3); print $3 }' |
	sort >"$tmp/lib"
if ! diff -u "$tmp/map" "$tmp/lib"; then
	echo "exported symbols differ from $map (- map only, + library only)" >&2
	exit 1
fi
echo "$(wc -l <"$tmp/lib") symbols exported, as in the map"

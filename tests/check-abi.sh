#!/bin/sh
# The library's ABI must equal the one recorded for this release: abidiff
# (Debian's abigail-tools) against tests/abi/libukwd.abi, any non-zero
# status fails (1 error, 2 usage, 4 ABI change, 8 incompatible change).
# A new minor release records a new baseline in the same commit as its
# additions; see the README's "Stability" section.
# usage: check-abi.sh BASELINE LIBRARY HEADERS GENERATED-HEADERS
set -u
if ! command -v abidiff >/dev/null 2>&1; then
	echo "SKIP: abidiff is not installed (apt-get install abigail-tools)"
	exit 77
fi
abidiff --headers-dir1 "$3" --headers-dir1 "$4" \
	--headers-dir2 "$3" --headers-dir2 "$4" "$1" "$2"
status=$?
if [ "$status" -ne 0 ]; then
	echo "abidiff exited with $status: the ABI differs from $1" >&2
	exit 1
fi
echo "ABI unchanged against $1"

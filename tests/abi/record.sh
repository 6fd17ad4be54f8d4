#!/bin/sh
# Record the ABI of a release: run from the source tree after a gcc build
# in BUILD (default: build), and commit tests/abi/libukwd.abi with the
# release. Build directories are left out, so the file has no machine path.
# usage: tests/abi/record.sh [BUILD]
set -eu
build=${1:-build}
lib=$(ls "$build"/lib/libukwd.so.* | head -n 1)
abidw --no-corpus-path --short-locs --headers-dir include \
	--headers-dir "$build/include" --out-file tests/abi/libukwd.abi.tmp "$lib"
sed -e "s/ comp-dir-path='[^']*'//" tests/abi/libukwd.abi.tmp >tests/abi/libukwd.abi
rm -f tests/abi/libukwd.abi.tmp
echo "recorded the ABI of $lib in tests/abi/libukwd.abi"

#!/bin/sh
# Run a program and compare its standard output with an expected text.
# usage: check-output.sh PROGRAM ARGS... --expect TEXT
set -eu
prog=$1
shift
args=""
while [ $# -gt 0 ] && [ "$1" != "--expect" ]; do
	args="$args $1"
	shift
done
[ $# -eq 2 ] || { echo "usage: check-output.sh PROGRAM ARGS... --expect TEXT" >&2; exit 2; }
# shellcheck disable=SC2086
got=$("$prog" $args)
if [ "$got" != "$2" ]; then
	printf 'expected: %s\n     got: %s\n' "$2" "$got" >&2
	exit 1
fi

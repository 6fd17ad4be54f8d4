#!/bin/sh
# Extract the C program of a manual page's EXAMPLES (the literal block
# holding "#include <ukwd.h>") so the build compiles it as it is printed.
# usage: man-example.sh PAGE OUTPUT.c
set -eu
awk '/^\.Bd -literal/ { inside = 1; block = ""; next }
	/^\.Ed/ { if (block ~ /#include <ukwd.h>/) { printf "%s", block; found = 1; exit }
		inside = 0; next }
	inside { block = block $0 "\n" }
	END { if (!found) exit 1 }' "$1" | sed 's/\\e/\\/g' >"$2"

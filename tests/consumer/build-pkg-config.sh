#!/bin/sh
# An outside program built against an installed libukwd through
# pkg-config, as the README's "Install" section says:
#   PKG_CONFIG_PATH=PREFIX/LIBDIR/pkgconfig build-pkg-config.sh OUTPUT
set -eu
cc=${CC:-cc}
# shellcheck disable=SC2046 # pkg-config's words are separate arguments
"$cc" -std=c11 -Wall -Wextra -Werror -o "$1" "$(dirname "$0")/consumer.c" \
	$(pkg-config --cflags --libs ukwd)

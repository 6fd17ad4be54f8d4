# A throwaway PostgreSQL server with the ukwd extension of the build tree,
# for the 'postgresql' test suite and the 'sql' benchmark (issue 18).
# Sourced by bash:
#
#   . cluster.sh
#   cluster_start BUILD_ROOT SOURCE_ROOT [SETTING=VALUE...]   (exits 77 when
#                                        the server cannot be had here)
#   psql ...        (PGHOST, PGUSER and PGDATABASE point at the server)
#   cluster_stop    (also run on exit)
#
# PostgreSQL 15 finds extensions only in its share directory, and it
# finds that directory from where its own executable is
# (`pg_config --sharedir` relative to `--bindir`). So the server runs from
# a copy of the postgres executable in a temporary tree that mirrors the
# installation's layout: its share and lib directories are links to the
# installed files, plus ukwd.control, ukwd--0.1.0.sql and ukwd.so from the
# build tree (copies, as the build tree may not be readable by the user
# the server runs as). libukwd comes from a copy of the build tree's
# library on LD_LIBRARY_PATH. Nothing is installed and nothing outside
# the temporary directory is written.
#
# Run as root (as CI does), the server runs as the user postgres, which
# postgresql-common creates: PostgreSQL refuses to run as root.

cluster_skip() {
	echo "SKIP: $*"
	exit 77
}

cluster_start() {
	local build_root=$1 source_root=$2
	shift 2
	local pg_config=${PG_CONFIG:-pg_config}
	local bindir sharedir pkglibdir t f setting
	local opts=""

	command -v "$pg_config" >/dev/null ||
		cluster_skip "no pg_config (install postgresql-server-dev-15)"
	bindir=$("$pg_config" --bindir)
	sharedir=$("$pg_config" --sharedir)
	pkglibdir=$("$pg_config" --pkglibdir)
	for f in postgres initdb pg_ctl psql; do
		[ -x "$bindir/$f" ] ||
			cluster_skip "no $bindir/$f (install postgresql-15)"
	done
	[ -f "$build_root/lib/sql/ukwd.so" ] ||
		cluster_skip "no ukwd.so in the build (configure with -Dpostgresql=enabled)"
	# An AddressSanitizer build's module needs the sanitizer's runtime,
	# which an uninstrumented postgres does not load.
	if nm -D "$build_root/lib/sql/ukwd.so" 2>/dev/null | grep -q ' __asan_\| __tsan_'; then
		cluster_skip "a sanitizer build: the server cannot load an instrumented ukwd.so (configure with -Dpostgresql=disabled)"
	fi
	CLUSTER_RUN_AS=()
	if [ "$(id -u)" = 0 ]; then
		id postgres >/dev/null 2>&1 ||
			cluster_skip "running as root and there is no user postgres to run the server as"
		CLUSTER_RUN_AS=(runuser -u postgres --)
	fi

	t=$(mktemp -d "${TMPDIR:-/tmp}/ukwd-pg.XXXXXX")
	CLUSTER_DIR=$t
	trap cluster_stop EXIT
	chmod 755 "$t"

	# The mirror of the installation.
	mkdir -p "$t/inst$bindir" "$t/inst$sharedir/extension" \
		"$t/inst$pkglibdir" "$t/libukwd"
	cp "$bindir/postgres" "$t/inst$bindir/postgres"
	for f in "$sharedir"/*; do
		[ "${f##*/}" = extension ] || ln -s "$f" "$t/inst$sharedir/"
	done
	for f in "$sharedir"/extension/*; do
		ln -s "$f" "$t/inst$sharedir/extension/"
	done
	for f in "$pkglibdir"/*; do
		ln -s "$f" "$t/inst$pkglibdir/"
	done
	cp "$source_root/lib/sql/ukwd.control" \
		"$source_root/lib/sql/ukwd--0.1.0.sql" \
		"$t/inst$sharedir/extension/"
	cp "$build_root/lib/sql/ukwd.so" "$t/inst$pkglibdir/"
	for f in "$build_root"/lib/libukwd.so*; do
		[ -d "$f" ] || cp -P "$f" "$t/libukwd/"
	done
	chmod -R a+rX "$t"

	mkdir "$t/data"
	[ ${#CLUSTER_RUN_AS[@]} = 0 ] || chown postgres "$t" "$t/data"
	# From the temporary directory: the user postgres may not be able to
	# enter the one the script runs in.
	(cd "$t" && "${CLUSTER_RUN_AS[@]}" "$bindir/initdb" -D "$t/data" -U postgres \
		--auth=trust --no-sync -E UTF8 --locale=C >"$t/initdb.log" 2>&1) || {
		cat "$t/initdb.log"
		echo "initdb failed"
		exit 1
	}
	for setting in "listen_addresses=''" "unix_socket_directories='$t'" \
		fsync=off synchronous_commit=off full_page_writes=off \
		"lc_messages='C'" "TimeZone='UTC'" "DateStyle='ISO, YMD'" "$@"; do
		echo "$setting" >>"$t/data/postgresql.auto.conf"
	done
	(cd "$t" && "${CLUSTER_RUN_AS[@]}" env LD_LIBRARY_PATH="$t/libukwd" \
		"$bindir/pg_ctl" -D "$t/data" -p "$t/inst$bindir/postgres" \
		-l "$t/server.log" -w -t 60 start >/dev/null) || {
		cat "$t/server.log"
		echo "the server did not start"
		exit 1
	}
	CLUSTER_PG_CTL=$bindir/pg_ctl
	CLUSTER_PSQL=$bindir/psql
	export PGHOST=$t PGUSER=postgres PGDATABASE=postgres PGTZ=UTC \
		PGDATESTYLE='ISO, YMD' PGOPTIONS='' PGCLIENTENCODING=UTF8
	unset PGPORT PGSERVICE PGPASSWORD
}

# The CPU time (user + system, seconds) of the server's ended
# processes: backends and parallel workers count once they exit and the
# postmaster has waited for them.
cluster_children_cpu() {
	local pid
	pid=$(head -1 "$CLUSTER_DIR/data/postmaster.pid")
	awk -v hz="$(getconf CLK_TCK)" '{
		sub(/^.*\) /, "")   # past "pid (comm) ": field 1 is now the state
		printf "%.2f\n", ($14 + $15) / hz }' "/proc/$pid/stat"
}

cluster_stop() {
	[ -n "${CLUSTER_DIR:-}" ] || return 0
	if [ -f "$CLUSTER_DIR/data/postmaster.pid" ]; then
		(cd "$CLUSTER_DIR" && "${CLUSTER_RUN_AS[@]}" "$CLUSTER_PG_CTL" \
			-D "$CLUSTER_DIR/data" -m immediate -w stop >/dev/null 2>&1)
	fi
	if [ -n "${CLUSTER_KEEP:-}" ]; then
		echo "kept $CLUSTER_DIR"
	else
		rm -rf "$CLUSTER_DIR"
	fi
	CLUSTER_DIR=
}

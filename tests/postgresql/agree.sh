# The 'agree' part of check.sh (sourced): the server's answers against
# ukwd-cal's. 1,000,005 random queries, drawn in SQL from a fixed seed
# the way tests/sql/test-sqlite.c draws them: 5 divisions x 3 commands
# (is, add, count) x 66,667; every other row through the text form.
# Queries both sides answer must agree exactly; queries ukwd-cal refuses
# (an empty line) must be an ERROR of class 22 in SQL.

agree_divisions=(sec england-and-wales scotland northern-ireland uk)

run_agree() {
	local dir=$CLUSTER_DIR/agree cmd div g line
	local names=(is add count)
	mkdir -p "$dir"
	chmod 777 "$dir"
	sql <<'SQL' || { ok 1 "the random queries are drawn"; return; }
CREATE FUNCTION pick_date(kind int, u float8) RETURNS date
IMMUTABLE LANGUAGE sql AS $$
	SELECT CASE
		WHEN kind < 80 THEN date '1971-01-01' + floor(u * 130 * 366)::int
		WHEN kind < 90 THEN date '1971-01-01' + floor(u * 2932532)::int
		WHEN kind < 95 THEN date '1971-01-01' + floor(u * 41)::int
		ELSE date '9999-12-31' - floor(u * 41)::int
	END $$;
CREATE FUNCTION pick_n(kind int, u float8) RETURNS int
IMMUTABLE LANGUAGE sql AS $$
	SELECT CASE
		WHEN kind < 70 THEN floor(u * 1201)::int - 600
		WHEN kind < 80 THEN floor(u * 11)::int - 5
		WHEN kind < 95 THEN floor(u * 4200001)::int - 2100000
		WHEN kind % 2 = 1 THEN 2147483647 - floor(u * 6)::int
		ELSE -2147483648 + floor(u * 6)::int
	END $$;
\o /dev/null
SELECT setseed(0.18);
\o
-- Row i is query i / 15 of group (cmd, div): seq is its line in the
-- concatenation of ukwd-cal's 15 outputs, group after group.
CREATE UNLOGGED TABLE qs AS
SELECT i, cmd, div, as_text, (cmd * 5 + div) * 66667 + i / 15 + 1 AS seq,
	(ARRAY['sec', 'england-and-wales', 'scotland', 'northern-ireland', 'uk'])[div + 1] AS name,
	a,
	CASE WHEN cmd = 1 THEN pick_n(kn, un) END AS n,
	CASE WHEN cmd = 2 THEN
		CASE WHEN kb < 75 THEN a + (floor(ub * 1601)::int - 800)
		ELSE pick_date(kb2, ub) END
	END AS b
FROM (SELECT i, i % 3 AS cmd, (i / 3) % 5 AS div, (i / 15) % 2 = 1 AS as_text,
		pick_date(floor(random() * 100)::int, random()) AS a,
		floor(random() * 100)::int AS kn, random() AS un,
		floor(random() * 100)::int AS kb,
		floor(random() * 100)::int AS kb2, random() AS ub
	FROM generate_series(0, 1000004) i) r;
CREATE UNLOGGED TABLE divisions (div int, name text);
INSERT INTO divisions SELECT i - 1, d
FROM unnest(ARRAY['sec', 'england-and-wales', 'scotland', 'northern-ireland', 'uk'])
	WITH ORDINALITY AS t(d, i);
CREATE UNLOGGED TABLE expected (seq serial, answer text);
SQL
	# The queries as ukwd-cal --batch reads them, group by group.
	for cmd in 0 1 2; do
		for div in 0 1 2 3 4; do
			echo "\\copy (SELECT CASE $cmd WHEN 0 THEN a::text WHEN 1 THEN a || ' ' || n ELSE a || ' ' || b END FROM qs WHERE cmd = $cmd AND div = $div ORDER BY i) TO '$dir/in-$cmd-$div'"
		done
	done | sql || { ok 1 "the queries are written out"; return; }
	: >"$dir/answers"
	for cmd in 0 1 2; do
		for div in 0 1 2 3 4; do
			"$ukwd_cal" --division "${agree_divisions[$div]}" --batch \
				"${names[$cmd]}" <"$dir/in-$cmd-$div" \
				>>"$dir/answers" 2>/dev/null
		done
	done
	sql -c "\\copy expected (answer) FROM '$dir/answers'" ||
		{ ok 1 "ukwd-cal's answers are read"; return; }
	# Answered rows: one query over all of them (an ERROR would stop it,
	# and fail the test). Refused rows: each must raise a data exception.
	sql -F ' ' >"$dir/result" <<'SQL' || { ok 1 "the answers are compared"; return; }
CREATE FUNCTION answer(cmd int, a date, b date, n int, div text, as_text bool)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE
		WHEN cmd = 0 AND as_text THEN ukwd_is_working(a::text, div)::int::text
		WHEN cmd = 0 THEN ukwd_is_working(a, div)::int::text
		WHEN cmd = 1 AND as_text THEN ukwd_add(a::text, n, div)
		WHEN cmd = 1 THEN ukwd_add(a, n, div)::text
		WHEN as_text THEN ukwd_count(a::text, b::text, div)::text
		ELSE ukwd_count(a, b, div)::text
	END $$;
CREATE FUNCTION refused(cmd int, a date, b date, n int, div text, as_text bool)
RETURNS bool LANGUAGE plpgsql AS $$
BEGIN
	PERFORM answer(cmd, a, b, n, div, as_text);
	RETURN false;
EXCEPTION WHEN data_exception THEN
	RETURN true;
END $$;
SELECT qs.cmd, qs.div, count(*),
	count(*) FILTER (WHERE e.answer <> '') AS answered,
	count(*) FILTER (WHERE e.answer <> '' AND
		answer(cmd, a, b, n, name, as_text) IS DISTINCT FROM e.answer) AS differ,
	count(*) FILTER (WHERE e.answer = '') AS refused,
	count(*) FILTER (WHERE e.answer = '' AND
		NOT refused(cmd, a, b, n, name, as_text)) AS answered_in_sql,
	count(*) FILTER (WHERE as_text) AS as_text
FROM qs JOIN expected e USING (seq)
GROUP BY 1, 2 ORDER BY 1, 2;
SELECT 'total', count(*), (SELECT count(*) FROM qs) FROM expected;
SQL
	while read -r cmd div g answered differ refused in_sql as_text; do
		if [ "$cmd" = total ]; then
			ok "$([ "$div" = "$g" ] && [ "$g" = 1000005 ] && echo 0 || echo 1)" \
				"$g queries in all, $div answer lines from ukwd-cal"
			continue
		fi
		ok "$([ "$differ" = 0 ] && [ "$in_sql" = 0 ] && [ "$g" = 66667 ] &&
			{ [ "$cmd" = 0 ] || [ "$refused" -gt 0 ]; } && echo 0 || echo 1)" \
			"ukwd_${names[$cmd]/is/is_working}, division ${agree_divisions[$div]}:" \
			"$g queries ($as_text as text) as ukwd-cal --batch answers them:" \
			"$answered answered, $differ differ; $refused refused by both" \
			"($in_sql answered in SQL only)"
	done <"$dir/result"

	# Roll: against a walk over ukwd_is_working (checked above), 20,000
	# random dates and conventions in each division.
	sql -F ' ' >"$dir/roll" <<'SQL' || { ok 1 "roll is compared"; return; }
\o /dev/null
SELECT setseed(0.42);
\o
CREATE UNLOGGED TABLE rolls AS
SELECT i, d.name,
	date '1971-02-01' + floor(random() * CASE WHEN random() < 0.8
		THEN 130 * 366 ELSE 2932000 END)::int AS day,
	(ARRAY['following', 'preceding', 'modified-following', 'modified-preceding'])
		[1 + floor(random() * 4)::int] AS convention
FROM generate_series(1, 20000) i CROSS JOIN divisions d;
CREATE FUNCTION walk(day date, step int, div text) RETURNS date
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
	WHILE NOT ukwd_is_working(day, div) LOOP
		day := day + step;
	END LOOP;
	RETURN day;
END $$;
CREATE FUNCTION reference(day date, convention text, div text) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE
		WHEN convention = 'following' THEN f
		WHEN convention = 'preceding' THEN p
		WHEN convention = 'modified-following' THEN
			CASE WHEN date_trunc('month', f) = date_trunc('month', day) THEN f ELSE p END
		ELSE CASE WHEN date_trunc('month', p) = date_trunc('month', day) THEN p ELSE f END
	END
	FROM (SELECT walk(day, 1, div) AS f, walk(day, -1, div) AS p) w $$;
SELECT name, count(*),
	count(*) FILTER (WHERE ukwd_roll(day, convention, name) <> reference(day, convention, name)),
	count(*) FILTER (WHERE ukwd_roll(day::text, convention, name) <> reference(day, convention, name)::text)
FROM rolls JOIN divisions USING (name)
GROUP BY name, div ORDER BY div;
SQL
	while read -r div g differ differ_text; do
		ok "$([ "$differ" = 0 ] && [ "$differ_text" = 0 ] && [ "$g" = 20000 ] && echo 0 || echo 1)" \
			"ukwd_roll, division $div: $g random dates and conventions as a" \
			"day-by-day walk answers them ($differ differ; $differ_text as text)"
	done <"$dir/roll"

	# ukwd_holidays against ukwd-cal holidays --format csv.
	for div in "${agree_divisions[@]}"; do
		for span in 1971-1975 2020-2027 2095-2105 9990-9999; do
			"$ukwd_cal" --division "$div" holidays --from "${span%-*}" \
				--to "${span#*-}" --format csv 2>/dev/null | tail -n +2 >"$dir/h-cal"
			sql -c "SELECT date || ',' || division || ',' || name FROM ukwd_holidays(date '${span%-*}-01-01', date '${span#*-}-12-31', '$div')" >"$dir/h-sql" 2>&1
			sql -c "SELECT date || ',' || division || ',' || name FROM ukwd_holidays('${span%-*}-01-01', '${span#*-}-12-31', '$div')" >"$dir/h-sql-text" 2>&1
			if [ -s "$dir/h-cal" ] && cmp -s "$dir/h-cal" "$dir/h-sql" &&
				cmp -s "$dir/h-cal" "$dir/h-sql-text"; then
				ok 0 "ukwd_holidays, division $div, $span: the $(wc -l <"$dir/h-cal") rows of ukwd-cal holidays --format csv (date and text forms)"
			else
				diff "$dir/h-cal" "$dir/h-sql" | head -5 | sed 's/^/# /'
				ok 1 "ukwd_holidays, division $div, $span: the rows of ukwd-cal holidays --format csv"
			fi
		done
	done
	sql -c "DROP TABLE qs, expected, rolls, divisions; DROP FUNCTION answer, refused, reference, walk, pick_date, pick_n" ||
		ok 1 "the tables of the agree part are dropped"
}

# The 'fuzz' part of check.sh (sourced): random and hostile arguments
# through every function and form, from a fixed seed, in PL/pgSQL. Each
# call must give a value, NULL exactly when an argument is NULL, or an
# ERROR of class 22 (data exception) naming the function; anything else
# (another SQLSTATE, a crash: the session would be lost) fails.

fuzz_calls=${FUZZ_CALLS:-100000}

run_fuzz() {
	local fn made answered nulls refused wrong example
	sql -F '|' >"$CLUSTER_DIR/fuzz" <<SQL || { ok 1 "the fuzz run ends"; return; }
CREATE FUNCTION fz_date() RETURNS date LANGUAGE plpgsql AS \$\$
DECLARE
	k int := floor(random() * 20);
BEGIN
	RETURN CASE
		WHEN k = 0 THEN NULL
		WHEN k < 9 THEN date '1971-01-01' + floor(random() * 47500)::int
		WHEN k < 12 THEN date '1971-01-01' + floor(random() * 2932532)::int
		WHEN k < 14 THEN date '4713-01-01 BC' + floor(random() * 2147000000)::int
		WHEN k = 14 THEN 'infinity'
		WHEN k = 15 THEN '-infinity'
		WHEN k = 16 THEN date '1971-01-01' + floor(random() * 40)::int - 20
		WHEN k = 17 THEN date '9999-12-31' + floor(random() * 40)::int - 20
		ELSE (ARRAY[date '1970-12-31', '1971-01-01', '9999-12-31', '10000-01-01',
			'2024-12-25', '2024-02-29'])[1 + floor(random() * 6)::int]
	END;
END \$\$;
CREATE FUNCTION fz_timestamp() RETURNS timestamp LANGUAGE plpgsql AS \$\$
DECLARE
	k int := floor(random() * 10);
BEGIN
	RETURN CASE
		WHEN k = 0 THEN NULL
		WHEN k < 6 THEN timestamp '1971-01-01' + random() * interval '47500 days'
		WHEN k = 6 THEN timestamp '4713-01-01 BC' + random() * interval '107000000 days'
		WHEN k = 7 THEN 'infinity'
		WHEN k = 8 THEN '-infinity'
		ELSE (ARRAY[timestamp '1970-12-31 23:59:59.999999', '1971-01-01 00:00',
			'9999-12-31 23:59:59.999999', '10000-01-01 00:00',
			'2024-02-02 17:00:00.000001'])[1 + floor(random() * 5)::int]
	END;
END \$\$;
CREATE FUNCTION fz_int() RETURNS int LANGUAGE plpgsql AS \$\$
DECLARE
	k int := floor(random() * 20);
BEGIN
	RETURN CASE
		WHEN k = 0 THEN NULL
		WHEN k < 10 THEN floor(random() * 1201)::int - 600
		WHEN k < 13 THEN floor(random() * 11)::int - 5
		WHEN k < 16 THEN floor(random() * 4294967296 - 2147483648)::int
		WHEN k < 18 THEN floor(random() * 4200001)::int - 2100000
		WHEN k = 18 THEN 2147483647 - floor(random() * 6)::int
		ELSE -2147483648 + floor(random() * 6)::int
	END;
END \$\$;
-- Text for a role: d a date, g a date and time, v a division, c a
-- convention, r a rule id, t a cut-off.
CREATE FUNCTION fz_text(role text) RETURNS text LANGUAGE plpgsql AS \$\$
DECLARE
	k int := floor(random() * 20);
	s text;
	p int;
BEGIN
	IF k = 0 THEN
		RETURN NULL;
	ELSIF k < 8 THEN -- plausible
		RETURN CASE role
		WHEN 'd' THEN fz_date()::text
		WHEN 'g' THEN fz_date()::text || (ARRAY['', 'T08:00', ' 17:01', ' 23:59', 'T00:00'])[1 + floor(random() * 5)::int]
		WHEN 'v' THEN (ARRAY['sec', 'scotland', 'NI', 'England', 'uk', 'gb', 'wales', 'Northern-Ireland'])[1 + floor(random() * 8)::int]
		WHEN 'c' THEN (ARRAY['following', 'preceding', 'modified-following', 'MODIFIED-PRECEDING'])[1 + floor(random() * 4)::int]
		WHEN 'r' THEN (ARRAY['uept-notice', 'privacy-booking', 'readmission-bar', 'uept-exit-review', 'privacy-change-outcome', 'privacy-reschedule'])[1 + floor(random() * 6)::int]
		ELSE (ARRAY['00:00', '17:00', '23:59', '09:30', '12:00'])[1 + floor(random() * 5)::int]
		END;
	ELSIF k < 12 THEN -- hostile
		RETURN (ARRAY['', ' ', '2024-02-30', '0000-01-01', 'today', 'epoch',
			'2024-01-01T24:00', '24:00', '-1', '9999-99-99', repeat('2', 70),
			'2024-1-1', '+2024-01-01', 'SEC ', 'sec' || chr(10), '\\x', 'é',
			'2024-01-01T09:00', '2024-01-01 17:01', 'null', '1971-01-01',
			'9999-12-31', '2024-01-01T', '2024-01-01T9:00', '17:0', '1:00',
			'''; DROP TABLE x; --', '2024-01-01 17:01:30', 'infinity',
			'-infinity', '10000-01-01', '1970-12-31'])[1 + floor(random() * 32)::int];
	ELSIF k < 15 THEN -- digits and separators
		SELECT string_agg(substr('0123456789-:T ', 1 + floor(random() * 14)::int, 1), '')
		INTO s FROM generate_series(1, floor(random() * 20)::int);
		RETURN coalesce(s, '');
	ELSIF k < 17 THEN -- any characters
		SELECT string_agg(chr(1 + floor(random() * 55295)::int), '')
		INTO s FROM generate_series(1, floor(random() * 12)::int);
		RETURN coalesce(s, '');
	ELSIF k = 17 THEN -- long
		RETURN repeat(substr('2024-01-01x', 1 + floor(random() * 11)::int, 1),
			1 + floor(random() * 100000)::int);
	ELSE -- a plausible value with one character changed
		s := fz_text(role);
		IF s IS NULL OR s = '' THEN
			RETURN s;
		END IF;
		p := 1 + floor(random() * length(s));
		RETURN overlay(s PLACING chr(32 + floor(random() * 95)::int) FROM p FOR 1);
	END IF;
END \$\$;
CREATE FUNCTION fuzz(calls int) RETURNS TABLE (fn text, made int, answered int,
	nulls int, refused int, wrong int, example text)
LANGUAGE plpgsql AS \$\$
DECLARE
	names text[] := ARRAY[
		'ukwd_is_working(date)', 'ukwd_is_working(date, text)',
		'ukwd_is_working(text)', 'ukwd_is_working(text, text)',
		'ukwd_add(date, int)', 'ukwd_add(date, int, text)',
		'ukwd_add(text, int)', 'ukwd_add(text, int, text)',
		'ukwd_count(date, date)', 'ukwd_count(date, date, text)',
		'ukwd_count(text, text)', 'ukwd_count(text, text, text)',
		'ukwd_roll(date, text)', 'ukwd_roll(date, text, text)',
		'ukwd_roll(text, text)', 'ukwd_roll(text, text, text)',
		'ukwd_notice_check(text, date, date)',
		'ukwd_notice_check(text, date, date, text)',
		'ukwd_notice_check(text, timestamp, date)',
		'ukwd_notice_check(text, timestamp, date, text)',
		'ukwd_notice_check(text, text, text)',
		'ukwd_notice_check(text, text, text, text)',
		'ukwd_holidays(date, date, text)', 'ukwd_holidays(text, text, text)'];
	n int := array_length(names, 1);
	c_made int[] := array_fill(0, ARRAY[n]);
	c_answered int[] := array_fill(0, ARRAY[n]);
	c_nulls int[] := array_fill(0, ARRAY[n]);
	c_refused int[] := array_fill(0, ARRAY[n]);
	c_wrong int[] := array_fill(0, ARRAY[n]);
	c_example text[] := array_fill(NULL::text, ARRAY[n]);
	f int;
	d1 date; d2 date; x1 text; x2 text; v text; c text; r text; t text;
	g text; i int; ts timestamp;
	anynull bool;
	res text;
	msg text;
BEGIN
	PERFORM setseed(0.77);
	FOR k IN 1 .. calls LOOP
		f := 1 + floor(random() * n);
		d1 := fz_date(); d2 := fz_date(); x1 := fz_text('d'); x2 := fz_text('d');
		v := fz_text('v'); c := fz_text('c'); r := fz_text('r'); t := fz_text('t');
		g := fz_text('g'); i := fz_int(); ts := fz_timestamp();
		IF f >= 23 THEN -- holidays: mostly spans of up to a few years
			IF random() < 0.9 AND d1 IS NOT NULL AND d1 BETWEEN '1971-01-01' AND '9000-01-01' THEN
				d2 := d1 + floor(random() * 1600)::int - 400;
				x2 := d2::text;
				x1 := d1::text;
			END IF;
		END IF;
		anynull := CASE
			WHEN f IN (1, 3) THEN d1 IS NULL AND f = 1 OR x1 IS NULL AND f = 3
			WHEN f = 2 THEN d1 IS NULL OR v IS NULL
			WHEN f = 4 THEN x1 IS NULL OR v IS NULL
			WHEN f = 5 THEN d1 IS NULL OR i IS NULL
			WHEN f = 6 THEN d1 IS NULL OR i IS NULL OR v IS NULL
			WHEN f = 7 THEN x1 IS NULL OR i IS NULL
			WHEN f = 8 THEN x1 IS NULL OR i IS NULL OR v IS NULL
			WHEN f = 9 THEN d1 IS NULL OR d2 IS NULL
			WHEN f = 10 THEN d1 IS NULL OR d2 IS NULL OR v IS NULL
			WHEN f = 11 THEN x1 IS NULL OR x2 IS NULL
			WHEN f = 12 THEN x1 IS NULL OR x2 IS NULL OR v IS NULL
			WHEN f = 13 THEN d1 IS NULL OR c IS NULL
			WHEN f = 14 THEN d1 IS NULL OR c IS NULL OR v IS NULL
			WHEN f = 15 THEN x1 IS NULL OR c IS NULL
			WHEN f = 16 THEN x1 IS NULL OR c IS NULL OR v IS NULL
			WHEN f = 17 THEN r IS NULL OR d1 IS NULL OR d2 IS NULL
			WHEN f = 18 THEN r IS NULL OR d1 IS NULL OR d2 IS NULL OR t IS NULL
			WHEN f = 19 THEN r IS NULL OR ts IS NULL OR d2 IS NULL
			WHEN f = 20 THEN r IS NULL OR ts IS NULL OR d2 IS NULL OR t IS NULL
			WHEN f = 21 THEN r IS NULL OR g IS NULL OR x2 IS NULL
			WHEN f = 22 THEN r IS NULL OR g IS NULL OR x2 IS NULL OR t IS NULL
			WHEN f = 23 THEN d1 IS NULL OR d2 IS NULL OR v IS NULL
			ELSE x1 IS NULL OR x2 IS NULL OR v IS NULL
		END;
		c_made[f] := c_made[f] + 1;
		BEGIN
			res := CASE f
				WHEN 1 THEN ukwd_is_working(d1)::text
				WHEN 2 THEN ukwd_is_working(d1, v)::text
				WHEN 3 THEN ukwd_is_working(x1)::text
				WHEN 4 THEN ukwd_is_working(x1, v)::text
				WHEN 5 THEN ukwd_add(d1, i)::text
				WHEN 6 THEN ukwd_add(d1, i, v)::text
				WHEN 7 THEN ukwd_add(x1, i)
				WHEN 8 THEN ukwd_add(x1, i, v)
				WHEN 9 THEN ukwd_count(d1, d2)::text
				WHEN 10 THEN ukwd_count(d1, d2, v)::text
				WHEN 11 THEN ukwd_count(x1, x2)::text
				WHEN 12 THEN ukwd_count(x1, x2, v)::text
				WHEN 13 THEN ukwd_roll(d1, c)::text
				WHEN 14 THEN ukwd_roll(d1, c, v)::text
				WHEN 15 THEN ukwd_roll(x1, c)
				WHEN 16 THEN ukwd_roll(x1, c, v)
				WHEN 17 THEN ukwd_notice_check(r, d1, d2)::text
				WHEN 18 THEN ukwd_notice_check(r, d1, d2, t)::text
				WHEN 19 THEN ukwd_notice_check(r, ts, d2)::text
				WHEN 20 THEN ukwd_notice_check(r, ts, d2, t)::text
				WHEN 21 THEN ukwd_notice_check(r, g, x2)::text
				WHEN 22 THEN ukwd_notice_check(r, g, x2, t)::text
				WHEN 23 THEN (SELECT count(*) || ' rows' FROM ukwd_holidays(d1, d2, v) h
					WHERE NOT anynull)
				ELSE (SELECT count(*) || ' rows' FROM ukwd_holidays(x1, x2, v) h
					WHERE NOT anynull)
			END;
			IF f >= 23 AND anynull THEN
				res := NULL; -- a set-returning function gives no rows
			END IF;
			IF res IS NULL AND anynull THEN
				c_nulls[f] := c_nulls[f] + 1;
			ELSIF res IS NOT NULL AND NOT anynull THEN
				c_answered[f] := c_answered[f] + 1;
			ELSE
				c_wrong[f] := c_wrong[f] + 1;
				c_example[f] := coalesce(c_example[f], 'answer ' || coalesce(res, 'NULL'));
			END IF;
		EXCEPTION WHEN data_exception THEN
			GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT;
			IF msg LIKE split_part(names[f], '(', 1) || ': %' AND NOT anynull THEN
				c_refused[f] := c_refused[f] + 1;
			ELSE
				c_wrong[f] := c_wrong[f] + 1;
				c_example[f] := coalesce(c_example[f], msg);
			END IF;
		WHEN others THEN
			GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT;
			c_wrong[f] := c_wrong[f] + 1;
			c_example[f] := coalesce(c_example[f], SQLSTATE || ' ' || msg);
		END;
	END LOOP;
	FOR f IN 1 .. n LOOP
		RETURN QUERY SELECT names[f], c_made[f], c_answered[f], c_nulls[f],
			c_refused[f], c_wrong[f], left(coalesce(c_example[f], ''), 200);
	END LOOP;
END \$\$;
SELECT * FROM fuzz($fuzz_calls);
SQL
	while IFS='|' read -r fn made answered nulls refused wrong example; do
		[ -z "$example" ] || echo "# $fn: $example"
		ok "$([ "$wrong" = 0 ] && [ "$made" -gt 0 ] && [ "$answered" -gt 0 ] &&
			[ "$refused" -gt 0 ] && [ "$nulls" -gt 0 ] && echo 0 || echo 1)" \
			"fuzz $fn: $made random calls, $answered answered, $nulls NULL for" \
			"NULL, $refused errors naming it, $wrong otherwise"
	done <"$CLUSTER_DIR/fuzz"
}

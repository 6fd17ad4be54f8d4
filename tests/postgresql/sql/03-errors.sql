-- Bad input is an ERROR of class 22 naming the function and the
-- argument; NULL in is NULL out. try() shows the SQLSTATE and message.
CREATE FUNCTION try(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	answer text;
BEGIN
	EXECUTE query INTO answer;
	RETURN coalesce(answer, 'NULL');
EXCEPTION WHEN others THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
SELECT q, try('SELECT ' || q) FROM (VALUES
	-- NULL in, NULL out
	($$ukwd_is_working(NULL::date)$$),
	($$ukwd_is_working('2024-01-01', NULL)$$),
	($$ukwd_add(NULL::text, 1)$$),
	($$ukwd_add('2024-01-01', NULL)$$),
	($$ukwd_count('2024-01-01', NULL)$$),
	($$ukwd_roll('2024-01-01', NULL)$$),
	($$ukwd_notice_check('uept-notice', NULL, '2024-01-01')$$),
	($$ukwd_notice_check('uept-notice', '2024-01-01', '2024-02-01', NULL)$$),
	($$(SELECT count(*) FROM ukwd_holidays(NULL, '2024-12-31'))$$),
	-- huge n, answers outside the calendar
	($$ukwd_add('2024-01-01', 2147483647)$$),
	($$ukwd_add('2024-01-01', -2147483648)$$),
	($$ukwd_add('2024-01-01', 4294967296)$$),
	($$ukwd_add('9999-12-31', 1)$$),
	($$ukwd_add('1971-01-01', -1)$$),
	($$ukwd_roll('1971-01-01', 'preceding')$$),
	($$ukwd_notice_check('uept-notice', '1971-01-01', '1971-01-02')$$),
	-- dates: empty, malformed, out of the calendar, infinite
	($$ukwd_add('', 1)$$),
	($$ukwd_add('2023-02-29', 1)$$),
	($$ukwd_add('2024-01-01 ', 1)$$),
	($$ukwd_add('today', 1)$$),
	($$ukwd_add('1970-12-31', 1)$$),
	($$ukwd_add('0001-01-01', 1)$$),
	($$ukwd_add(date '1970-12-31', 1)$$),
	($$ukwd_add(date '10000-01-01', 1)$$),
	($$ukwd_add(date '4713-01-01 BC', 1)$$),
	($$ukwd_add(date 'infinity', 1)$$),
	($$ukwd_count(date '2024-01-01', date '-infinity')$$),
	($$ukwd_count('2024-01-01', 'tomorrow')$$),
	($$ukwd_count('2024-01-01', '10000-01-01')$$),
	($$ukwd_is_working(repeat('x', 100000))$$),
	($$ukwd_add('2024-12-25', 0)$$),
	-- divisions, conventions, rules, times
	($$ukwd_add('2024-01-01', 1, 'mars')$$),
	($$ukwd_add('2024-01-01', 1, '')$$),
	($$ukwd_is_working('2024-01-01', repeat('é', 1000))$$),
	($$ukwd_roll('2024-01-01', 'nearest')$$),
	($$ukwd_roll('2024-01-01', '')$$),
	($$ukwd_notice_check('no-such-rule', '2024-01-01', '2024-02-01')$$),
	($$ukwd_notice_check('uept-notice', '2024-01-01 25:00', '2024-02-01')$$),
	($$ukwd_notice_check('uept-notice', '2024-01-01', '2024-02-01T10:00')$$),
	($$ukwd_notice_check('uept-notice', '2024-01-01', '2024-02-01', '5pm')$$),
	($$ukwd_notice_check('uept-notice', timestamp 'infinity', date '2024-02-01')$$),
	($$(SELECT count(*) FROM ukwd_holidays('2024-01-01', '2024-12-31', 'atlantis'))$$),
	($$(SELECT count(*) FROM ukwd_holidays('1900-01-01', '2024-12-31'))$$),
	-- wrong types and counts are PostgreSQL's errors
	($$ukwd_add('2024-01-01', 1.5)$$),
	($$ukwd_add('2024-01-01', 'five')$$),
	($$ukwd_is_working(20240101)$$),
	($$ukwd_add()$$),
	($$ukwd_add('2024-01-01', 1, 'sec', 4)$$)
) AS t(q);
-- The SQLSTATEs, by name.
DO $$
BEGIN
	PERFORM ukwd_add(date '1970-12-31', 1);
EXCEPTION WHEN datetime_field_overflow THEN
	RAISE NOTICE 'a date outside the calendar: datetime_field_overflow';
END $$;
DO $$
BEGIN
	PERFORM ukwd_add('2024-02-30', 1);
EXCEPTION WHEN invalid_datetime_format THEN
	RAISE NOTICE 'a malformed date: invalid_datetime_format';
END $$;
DO $$
BEGIN
	PERFORM ukwd_count('2024-01-01', '2024-02-01', 'mars');
EXCEPTION WHEN invalid_parameter_value THEN
	RAISE NOTICE 'an unknown division: invalid_parameter_value';
END $$;
DROP FUNCTION try(text);

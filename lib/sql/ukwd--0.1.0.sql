-- The ukwd extension, version 0.1.0 (issue 18): libukwd's working-day
-- functions over date, and over ISO date text 'YYYY-MM-DD'.
\echo Use "CREATE EXTENSION ukwd" to load this file. \quit

-- IMMUTABLE: the answers come from the calendar built into this release
-- of libukwd and from nothing else (no clock, table or setting), so the
-- same arguments always give the same answer; after upgrading libukwd,
-- REINDEX an index on them, as a newly proclaimed bank holiday changes
-- answers. STRICT: NULL in, NULL out. PARALLEL SAFE: each backend keeps
-- its own immutable calendars.
--
-- The text forms read dates strictly as 'YYYY-MM-DD' (PostgreSQL's own
-- date input would also read 'today', which no IMMUTABLE function may
-- depend on) and answer in the same text. An untyped literal such as
-- '2024-12-25' picks the text form; a date column or a ::date the date
-- form. Bad input is an ERROR naming the function and the argument.

CREATE FUNCTION ukwd_is_working(date, division text DEFAULT 'sec')
RETURNS boolean AS 'MODULE_PATHNAME', 'ukwd_pg_is_working'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION ukwd_is_working(text, division text DEFAULT 'sec')
RETURNS boolean AS 'MODULE_PATHNAME', 'ukwd_pg_is_working_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION ukwd_add(date, n integer, division text DEFAULT 'sec')
RETURNS date AS 'MODULE_PATHNAME', 'ukwd_pg_add'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION ukwd_add(text, n integer, division text DEFAULT 'sec')
RETURNS text AS 'MODULE_PATHNAME', 'ukwd_pg_add_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION ukwd_count("from" date, "to" date, division text DEFAULT 'sec')
RETURNS integer AS 'MODULE_PATHNAME', 'ukwd_pg_count'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION ukwd_count("from" text, "to" text, division text DEFAULT 'sec')
RETURNS integer AS 'MODULE_PATHNAME', 'ukwd_pg_count_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION ukwd_roll(date, convention text, division text DEFAULT 'sec')
RETURNS date AS 'MODULE_PATHNAME', 'ukwd_pg_roll'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION ukwd_roll(text, convention text, division text DEFAULT 'sec')
RETURNS text AS 'MODULE_PATHNAME', 'ukwd_pg_roll_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- ukwd_notice_check(rule, given, event [, cutoff 'HH:MM']): a notice
-- against an SEC rule of the catalogue, on the SEC calendar, as jsonb with
-- the keys rule, compliant, deemed_received, given, unit, shortfall,
-- deadline, earliest_event, earliest_working_event, event_not_working and
-- explanation. A timestamp's time of day meets the cut-off (a part minute
-- counts as the next minute); timestamptz is not taken, as its day depends
-- on the session's TimeZone. Separate 3- and 4-argument forms, so that
-- STRICT gives NULL for a NULL cut-off.

CREATE FUNCTION ukwd_notice_check(rule text, given date, event date)
RETURNS jsonb AS 'MODULE_PATHNAME', 'ukwd_pg_notice_check'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION ukwd_notice_check(rule text, given date, event date, cutoff text)
RETURNS jsonb AS 'MODULE_PATHNAME', 'ukwd_pg_notice_check'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION ukwd_notice_check(rule text, given timestamp, event date)
RETURNS jsonb AS 'MODULE_PATHNAME', 'ukwd_pg_notice_check_timestamp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION ukwd_notice_check(rule text, given timestamp, event date, cutoff text)
RETURNS jsonb AS 'MODULE_PATHNAME', 'ukwd_pg_notice_check_timestamp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION ukwd_notice_check(rule text, given text, event text)
RETURNS jsonb AS 'MODULE_PATHNAME', 'ukwd_pg_notice_check_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION ukwd_notice_check(rule text, given text, event text, cutoff text)
RETURNS jsonb AS 'MODULE_PATHNAME', 'ukwd_pg_notice_check_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- ukwd_holidays(from, to [, division]): the bank holidays on weekdays from
-- `from` to `to`, both inclusive, one row per date and division, ordered
-- by date and then division (england-and-wales, scotland,
-- northern-ireland). The date column is of the arguments' type.

CREATE FUNCTION ukwd_holidays("from" date, "to" date, division text DEFAULT 'sec',
                              OUT date date, OUT division text, OUT name text)
RETURNS SETOF record AS 'MODULE_PATHNAME', 'ukwd_pg_holidays'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;

CREATE FUNCTION ukwd_holidays("from" text, "to" text, division text DEFAULT 'sec',
                              OUT date text, OUT division text, OUT name text)
RETURNS SETOF record AS 'MODULE_PATHNAME', 'ukwd_pg_holidays_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;

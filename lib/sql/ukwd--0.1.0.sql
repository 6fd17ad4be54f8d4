-- The ukwd extension, version 0.1.0 (issue 18): libukwd's working-day
-- functions over date, and over text through date's input.
\echo Use "CREATE EXTENSION ukwd" to load this file. \quit

-- IMMUTABLE: the answers come from the calendar built into this release
-- of libukwd and from nothing else (no clock, table or setting), so the
-- same arguments always give the same answer; after upgrading libukwd,
-- REINDEX an index on them, as a newly proclaimed bank holiday changes
-- answers. STRICT: NULL in, NULL out. PARALLEL SAFE: each backend keeps
-- its own immutable calendars.

CREATE FUNCTION ukwd_is_working(date, division text DEFAULT 'sec')
RETURNS boolean AS 'MODULE_PATHNAME', 'ukwd_pg_is_working'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION ukwd_add(date, n integer, division text DEFAULT 'sec')
RETURNS date AS 'MODULE_PATHNAME', 'ukwd_pg_add'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION ukwd_count("from" date, "to" date, division text DEFAULT 'sec')
RETURNS integer AS 'MODULE_PATHNAME', 'ukwd_pg_count'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION ukwd_roll(date, convention text, division text DEFAULT 'sec')
RETURNS date AS 'MODULE_PATHNAME', 'ukwd_pg_roll'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION ukwd_holidays("from" date, "to" date, division text DEFAULT 'sec',
                              OUT date date, OUT division text, OUT name text)
RETURNS SETOF record AS 'MODULE_PATHNAME', 'ukwd_pg_holidays'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;

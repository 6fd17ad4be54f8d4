-- The extension installs from its control file and versioned script, and
-- every function is IMMUTABLE, STRICT and PARALLEL SAFE.
CREATE EXTENSION ukwd;
SELECT extname, extversion, extrelocatable FROM pg_extension WHERE extname = 'ukwd';
SELECT p.oid::regprocedure AS function, p.provolatile AS volatility,
       p.proisstrict AS strict, p.proparallel AS parallel,
       p.prorettype::regtype AS returns
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'ukwd'
ORDER BY 1::text;
-- Relocatable and trusted: it moves to another schema, and a
-- non-superuser with CREATE on the database may install it.
CREATE SCHEMA cal;
ALTER EXTENSION ukwd SET SCHEMA cal;
SELECT cal.ukwd_add(date '2024-12-24', 1);
DROP EXTENSION ukwd;
CREATE ROLE clerk LOGIN;
GRANT CREATE ON DATABASE regression TO clerk;
GRANT CREATE, USAGE ON SCHEMA cal TO clerk;
SET ROLE clerk;
CREATE EXTENSION ukwd SCHEMA cal;
SELECT cal.ukwd_count('2024-01-01', '2025-01-01');
DROP EXTENSION ukwd;
RESET ROLE;
DROP SCHEMA cal;
REVOKE CREATE ON DATABASE regression FROM clerk;
DROP ROLE clerk;
CREATE EXTENSION ukwd;

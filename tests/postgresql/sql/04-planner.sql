-- IMMUTABLE: the functions may index a table and compute a generated
-- column; PARALLEL SAFE: the planner runs them in parallel workers.
CREATE TABLE invoices (id int, received date,
	due date GENERATED ALWAYS AS (ukwd_add(received, 30)) STORED);
INSERT INTO invoices (id, received)
SELECT i, date '2024-01-01' + i % 366 FROM generate_series(1, 20000) i;
CREATE INDEX invoices_working ON invoices (ukwd_is_working(received));
ANALYZE invoices;
SELECT due FROM invoices WHERE received = date '2024-12-20' LIMIT 1;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM invoices WHERE ukwd_is_working(received);
SELECT count(*) AS working FROM invoices WHERE ukwd_is_working(received);
RESET enable_seqscan;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF, VERBOSE)
SELECT sum(ukwd_count(received, due, 'uk')) FROM invoices;
SELECT sum(ukwd_count(received, due, 'uk')) FROM invoices;
SELECT sum(ukwd_count(received, due, 'uk')) FROM invoices WHERE id > 0;
RESET ALL;
DROP TABLE invoices;

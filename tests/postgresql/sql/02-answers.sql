-- Known answers, over date and over text.
SELECT ukwd_is_working(date '2024-12-25') AS christmas,
       ukwd_is_working(date '2024-12-24') AS christmas_eve,
       ukwd_is_working('2024-08-05', 'scotland') AS scottish_summer,
       ukwd_is_working('2024-08-05', 'SEC') AS sec_aug_5,
       ukwd_is_working('2024-08-05', 'England') AS english_aug_5,
       ukwd_is_working('2024-03-18', 'ni') AS st_patricks_substitute;
-- add: d itself never counts; n = 0 is d only on a working day.
SELECT ukwd_add(date '2023-06-02', 1, 'england-and-wales') AS friday_plus_1,
       ukwd_add(date '2023-06-03', 1, 'england-and-wales') AS saturday_plus_1,
       ukwd_add('2024-01-03', 0) AS zero,
       ukwd_add('2024-12-24', 1) AS over_christmas,
       ukwd_add('2025-01-02', -1) AS back_over_new_year,
       ukwd_add(date '9000-06-01', 1) AS year_9000;
SELECT pg_typeof(ukwd_add(date '2024-01-01', 1)) AS date_form,
       pg_typeof(ukwd_add('2024-01-01', 1)) AS literal_form,
       pg_typeof(ukwd_add('2024-01-01'::text, 1)) AS text_form;
-- count: [from, to), negative backwards.
SELECT ukwd_count(date '2024-01-01', date '2025-01-01') AS in_2024,
       ukwd_count('2025-01-01', '2024-01-01') AS backwards,
       ukwd_count('2024-01-01', '2025-01-01', 'scotland') AS scotland_2024,
       ukwd_count('9999-12-31', '9999-12-31') AS empty,
       ukwd_count('1971-01-01', '9999-12-31') AS whole_calendar;
SELECT ukwd_roll(date '2024-12-25', 'following') AS following,
       ukwd_roll('2024-12-25', 'PRECEDING') AS preceding,
       ukwd_roll('2024-03-30', 'modified-following') AS modified_following,
       ukwd_roll('2024-06-01', 'modified-preceding') AS modified_preceding,
       ukwd_roll('2024-12-24', 'following') AS working_day_stays;
-- Holidays on weekdays, by date then division.
SELECT * FROM ukwd_holidays(date '2024-01-01', date '2024-12-31', 'uk');
SELECT count(*) AS ni_2024 FROM ukwd_holidays('2024-01-01', '2024-12-31', 'ni');
SELECT count(*) AS backwards FROM ukwd_holidays('2024-12-31', '2024-01-01');
SELECT * FROM ukwd_holidays('2022-09-01', '2022-09-30');
-- Notices against the SEC catalogue, as jsonb.
SELECT ukwd_notice_check('uept-notice', date '2024-01-02', date '2024-05-01');
SELECT ukwd_notice_check('uept-notice', '2024-04-01', '2024-05-01') ->> 'shortfall' AS shortfall;
SELECT ukwd_notice_check('uept-notice', '2024-02-02T17:30', '2024-05-01', '17:00') ->> 'deemed_received' AS after_cutoff,
       ukwd_notice_check('uept-notice', '2024-02-02 16:59', '2024-05-01', '17:00') ->> 'deemed_received' AS before_cutoff,
       ukwd_notice_check('uept-notice', timestamp '2024-02-02 17:00:00', date '2024-05-01', '17:00') ->> 'deemed_received' AS at_cutoff,
       ukwd_notice_check('uept-notice', timestamp '2024-02-02 17:00:01', date '2024-05-01', '17:00') ->> 'deemed_received' AS a_second_after;
-- Before 2000-01-01 PostgreSQL's timestamps are negative: the day and
-- the time of day still split right (1999-12-31 was a bank holiday, and
-- 2000-01-03 and, in Scotland, 2000-01-04 substitute days).
SELECT ukwd_notice_check('uept-notice', timestamp '1999-12-31 23:30', date '2000-06-01', '17:00') ->> 'deemed_received' AS late_1999,
       ukwd_notice_check('uept-notice', timestamp '1999-12-30 16:59:59.5', date '2000-06-01', '17:00') ->> 'deemed_received' AS on_time_1999,
       ukwd_notice_check('uept-notice', timestamp '1999-12-30 17:00:00.5', date '2000-06-01', '17:00') ->> 'deemed_received' AS late_by_half_a_second;
SELECT ukwd_notice_check('readmission-bar', date '2023-06-03', date '2024-06-01') -> 'compliant' AS readmitted,
       ukwd_notice_check('privacy-booking', '2024-01-01', '2024-03-01') ->> 'unit' AS unit;
SELECT key FROM jsonb_object_keys(ukwd_notice_check('uept-notice', '2024-01-02', '2024-05-01')) AS key ORDER BY key;

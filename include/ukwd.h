/**
 * @file ukwd.h
 * @brief libukwd: UK working days, notice periods and working-day plans.
 *
 * Include this header and nothing else. Modules, from the bottom up:
 * - ukwd/error.h    error codes and ::ukwd_diag
 * - ukwd/date.h     serial dates, ISO 8601, weekdays, Easter
 * - ukwd/calendar.h working-day calendars and their builders
 * - ukwd/workday.h  is-working, add, count, roll in O(1)
 * - ukwd/plan.h     task networks: tasks, links, constraints; CSV reader
 * - ukwd/schedule.h critical-path schedules in working days
 * - ukwd/render.h   Gantt charts and exports: text, SVG, HTML, Mermaid,
 *                   CSV, JSON
 *
 * Conventions:
 * - Functions that can fail return 0 or a negative `UKWD_E*` code and
 *   write results through out-parameters placed first.
 * - Objects come from `*_new` or `*_build` and are freed with `*_free`,
 *   which accepts NULL. libukwd never takes ownership of caller memory;
 *   strings returned by getters are borrowed from their object.
 * - The library never prints, never aborts, reads no clock, environment or
 *   file; "today" is always a parameter.
 *
 * Thread safety: libukwd has no mutable global state. Objects are not
 * locked; a calendar, once built, is immutable and may be used from any
 * number of threads at once. A builder must be used by one thread at a
 * time.
 */
#ifndef UKWD_H
#define UKWD_H

#include "ukwd/common.h"
#include "ukwd/version.h"
#include "ukwd/error.h"
#include "ukwd/date.h"
#include "ukwd/calendar.h"
#include "ukwd/workday.h"
#include "ukwd/uk.h"
#include "ukwd/notice.h"
#include "ukwd/ical.h"
#include "ukwd/plan.h"
#include "ukwd/schedule.h"
#include "ukwd/uep.h"
#include "ukwd/render.h"

#endif /* UKWD_H */

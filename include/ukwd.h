/**
 * @file ukwd.h
 * @brief libukwd: UK working days, notice periods and working-day plans.
 *
 * Include this header and nothing else. It includes one header per module,
 * from the bottom up (a module uses only those above it in this list; ical
 * stands to the side):
 * - ukwd/common.h   #UKWD_API and the declaration macros
 * - ukwd/version.h  version macros, ukwd_version(), feature tests
 * - ukwd/error.h    error codes, ukwd_strerror() and ::ukwd_diag
 * - ukwd/source.h   where a figure comes from: tag, citation, reference
 * - ukwd/date.h     serial dates, ISO 8601, weekdays, Easter
 * - ukwd/calendar.h working-day calendars, their builders, provenance
 * - ukwd/uk.h       UK bank holidays by division from 1971; the SEC
 *                   Working Day
 * - ukwd/workday.h  is-working, add, count, roll in O(1)
 * - ukwd/notice.h   notice periods: check, latest notice, earliest event;
 *                   the catalogue of SEC rules
 * - ukwd/plan.h     task networks: tasks, links, constraints; CSV reader
 * - ukwd/schedule.h critical-path schedules in working days; a status
 *                   date and remaining work
 * - ukwd/progress.h progress against a baseline: slips, finish variance
 * - ukwd/risk.h     schedule risk: Monte Carlo over three-point estimates
 * - ukwd/uep.h      the SEC User Entry Process as a plan; EUI-64 User IDs
 * - ukwd/render.h   Gantt charts and exports: text, SVG, HTML, Mermaid,
 *                   CSV, JSON
 * - ukwd/ical.h     GOV.UK .ics and JSON import; iCalendar export
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
#include "ukwd/source.h"
#include "ukwd/date.h"
#include "ukwd/calendar.h"
#include "ukwd/workday.h"
#include "ukwd/uk.h"
#include "ukwd/notice.h"
#include "ukwd/ical.h"
#include "ukwd/plan.h"
#include "ukwd/schedule.h"
#include "ukwd/progress.h"
#include "ukwd/risk.h"
#include "ukwd/uep.h"
#include "ukwd/render.h"

#endif /* UKWD_H */

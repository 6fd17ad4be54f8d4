/* What the renderers use of a risk besides its public API. */
#ifndef UKWD_RISK_PRIVATE_H
#define UKWD_RISK_PRIVATE_H

#include "ukwd/risk.h"

/* The distribution of the project start over the iterations, as
 * ukwd_risk_finish() gives the finish's (the same percentiles and mean
 * rounding). It varies only backward: each iteration's latest start that
 * still meets the deadline. Both pointers non-NULL. */
void ukwd__risk_start(ukwd_risk_outcome *out, const ukwd_risk *risk);

#endif /* UKWD_RISK_PRIVATE_H */

/*
 * Benchmark (issue 13, item 9): task ids chosen to collide in the plan's
 * id table cost what ordinary ids cost. Run with
 * `meson test -C build --benchmark --verbose`.
 *
 * The crafted ids are generated here against the hash the plan used
 * before it was keyed (FNV-1a with a fixed mixer, reproduced below): ids
 * "c<n>" whose hash falls in the first 1,024 of 262,144 slots, so that
 * under that hash every table up to 2^18 slots holds them in one run and
 * each insertion probes the whole run (quadratic). Ordinary ids are
 * "t<n>". For 25,000, 50,000 and 100,000 ids of each kind, the time to
 * add them all with ukwd_plan_add_task and look each up once with
 * ukwd_plan_find; best of three.
 *
 * Target: at 100,000 ids, crafted ids within 4x the time of ordinary ones
 * (the old hash: 650x), and doubling the count at most quadruples the
 * time (caches make it more than 2 on a busy machine). The exit status is
 * 1 if either is missed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ukwd.h>

#include "test-util.h"

#define MAX_IDS      100000
#define ID_SIZE      16
#define WINDOW       1024u
#define OLD_CAPACITY (1u << 18)

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
make_ids(char (*ids)[ID_SIZE], size_t count, int crafted)
{
	unsigned long n = 0;

	for (size_t i = 0; i < count; n++) {
		snprintf(ids[i], ID_SIZE, "%c%lu", crafted ? 'c' : 't', n);
		if (!crafted ||
		    (test_old_id_hash(ids[i]) & (OLD_CAPACITY - 1)) < WINDOW)
			i++;
	}
}

static double
time_ids(char (*ids)[ID_SIZE], size_t count)
{
	double best = 1e9;

	for (int repeat = 0; repeat < 3; repeat++) {
		ukwd_plan *plan;
		double start = now(), took;

		if (ukwd_plan_new(&plan))
			exit(2);
		for (size_t i = 0; i < count; i++)
			if (ukwd_plan_add_task(NULL, plan, ids[i], NULL, 1,
			                       NULL))
				exit(2);
		for (size_t i = 0; i < count; i++) {
			size_t index;

			if (ukwd_plan_find(&index, plan, ids[i]) || index != i)
				exit(2);
		}
		took = now() - start;
		ukwd_plan_free(plan);
		if (took < best)
			best = took;
	}
	return best;
}

int
main(void)
{
	static char ordinary[MAX_IDS][ID_SIZE], crafted[MAX_IDS][ID_SIZE];
	static const size_t sizes[] = {25000, 50000, 100000};
	double t_ordinary[3], t_crafted[3];
	int missed = 0;

	make_ids(ordinary, MAX_IDS, 0);
	make_ids(crafted, MAX_IDS, 1);
	printf("# ids added and found; crafted ids collide under the old "
	       "hash\n");
	for (int s = 0; s < 3; s++) {
		t_ordinary[s] = time_ids(ordinary, sizes[s]);
		t_crafted[s] = time_ids(crafted, sizes[s]);
		printf("%7zu ids: ordinary %8.4f s, crafted %8.4f s "
		       "(crafted / ordinary %.1f)\n",
		       sizes[s], t_ordinary[s], t_crafted[s],
		       t_crafted[s] / t_ordinary[s]);
	}
	printf("crafted, time ratio 50k/25k %.2f, 100k/50k %.2f (2.0 is "
	       "linear)\n",
	       t_crafted[1] / t_crafted[0], t_crafted[2] / t_crafted[1]);
	if (t_crafted[2] > 4 * t_ordinary[2] + 0.01)
		missed = 1;
	if (t_crafted[2] > 4 * t_crafted[1] + 0.01)
		missed = 1;
	return missed;
}

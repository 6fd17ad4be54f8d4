/* libFuzzer target: the names front-ends read from arguments (divisions,
 * User Roles, parties, notice rules) and EUI-64 User IDs, with the
 * EUI-64 format -> parse round trip. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <ukwd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), canonical[UKWD_EUI64_STRLEN];
	unsigned int bits;
	ukwd_party_type party;
	ukwd_eui64 id, back;
	ukwd_diag diag;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (ukwd_uk_division_parse(&bits, text, &diag) == 0 &&
	    (bits == 0 || (bits & ~UKWD_UK_ALL)))
		abort();
	if (ukwd_uep_roles_parse(&bits, text, &diag) == 0 &&
	    (bits == 0 || (bits & ~UKWD_ROLE_ALL)))
		abort();
	if (ukwd_uep_party_parse(&party, text, &diag) == 0 &&
	    !ukwd_uep_party_name(party))
		abort();
	(void)ukwd_notice_rule_find(text);
	if (ukwd_eui64_parse(&id, text, &diag) == 0) {
		if (ukwd_eui64_format(canonical, sizeof(canonical), id) != 0 ||
		    ukwd_eui64_parse(&back, canonical, NULL) != 0 ||
		    memcmp(&id, &back, sizeof(id)) != 0)
			abort();
	} else if (diag.code == 0 || diag.column < 1) {
		abort();
	}
	free(text);
	return 0;
}

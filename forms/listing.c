/*
 * listing — helpers for listing searches (see listing.h).
 */
#include "forms/listing.h"

#include <string.h>

#include "locale/text.h"

void listing_cell_put(listing_row *row, int col, const char *utf8)
{
	if (row == NULL || col < 0 || col >= (int)(sizeof row->cells / sizeof row->cells[0]))
		return;
	char *out = row->cells[col];
	size_t cap = sizeof row->cells[col], n = 0;
	const char *s = utf8 ? utf8 : "";
	size_t len = strlen(s), i = 0;
	while (i < len) {
		uint32_t cp;
		int k = text_utf8_check(s + i, len - i, &cp);
		const char *piece = s + i;
		size_t plen = (size_t)k;
		if (k <= 0) {
			piece = "?";
			plen = 1;
			k = 1;
		}
		if (n + plen >= cap)
			break;
		memcpy(out + n, piece, plen);
		n += plen;
		i += (size_t)k;
	}
	out[n] = '\0';
}

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
	/*
	 * Whole characters only, as many as fit; a byte that starts no valid
	 * character shows as '?'. Runs of valid text are copied in one go: a
	 * list page fills 160 cells, and this is on the path of every search.
	 */
	while (i < len) {
		size_t start = i;
		int full = 0;
		while (i < len) {
			uint32_t cp;
			int k =
			    (unsigned char)s[i] < 0x80 ? 1 : text_utf8_check(s + i, len - i, &cp);
			if (k <= 0)
				break;
			if (n + (i - start) + (size_t)k >= cap) {
				full = 1;
				break;
			}
			i += (size_t)k;
		}
		memcpy(out + n, s + start, i - start);
		n += i - start;
		if (full || i >= len || n + 1 >= cap)
			break;
		out[n++] = '?';
		i++;
	}
	out[n] = '\0';
}

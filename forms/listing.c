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

err_code listing_search(const listing_spec *spec, db *d, form *filter, const char *query,
                        size_t offset, size_t max, listing_row *out, size_t *n, size_t *total,
                        int *bad_field, err_info *e)
{
	if (bad_field != NULL)
		*bad_field = -1;
	if (n != NULL)
		*n = 0;
	if (total != NULL)
		*total = 0;
	if (spec == NULL || n == NULL || (out == NULL && max > 0))
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	if (query == NULL)
		query = "";
	if (spec->filter != NULL && spec->search_in != NULL) {
		if (filter == NULL || form_get_spec(filter) != spec->filter)
			return err_set(e, ERR_INVALID_ARG, MSG_NONE, "listing %s: filter form",
			               spec->id);
		err_code c = form_check(filter, bad_field, e);
		if (c != ERR_OK)
			return c;
		return spec->search_in(filter, query, offset, max, out, n, total, e);
	}
	if (spec->search == NULL)
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, "listing %s: no search", spec->id);
	return spec->search(d, query, offset, max, out, n, total, e);
}

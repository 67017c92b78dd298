/*
 * listview — the list/search screen of any listing_spec: a query line
 * (ID, name or pinyin initials, searched as the user types), a table whose
 * columns are cut and padded by display columns so CJK text lines up, paging
 * with PgUp/PgDn ("第 x/y 页"), Enter opening the selected record in the
 * listing's form and F5 a new one. A listing with filters shows them on a
 * row under the query: Tab and Shift-Tab go from the query through the
 * filters, each checked as it is left like a form field (F4 opens a code
 * filter's picklist), and the list follows them.
 */
#ifndef LAOBAO_LISTVIEW_H
#define LAOBAO_LISTVIEW_H

#include "forms/listing.h"
#include "tui/app.h"

/*
 * Push the list screen for ls (static data, borrowed); `readonly` opens
 * records for viewing only and offers no new one. ERR_NOMEM.
 */
err_code listview_open(app *a, const listing_spec *ls, int readonly, err_info *e);

#endif

/*
 * listing — list/search screens as data: the columns to show and the search
 * that fills them. The terminal layer draws any listing (column-true CJK
 * truncation, paging, Enter opens the record in the listing's form); this
 * module only runs the search and turns rows into display text.
 */
#ifndef LAOBAO_LISTING_H
#define LAOBAO_LISTING_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "forms/form.h"
#include "locale/err.h"

typedef struct listing_column {
	msg_id label;
	int width; /* columns on screen; 0 = the rest of the line (last column only) */
} listing_column;

typedef struct listing_row {
	int64_t id;         /* record to open */
	char cells[8][128]; /* display text per column, UTF-8 */
} listing_row;

typedef struct listing_spec {
	const char *id;
	msg_id title;
	msg_id prompt; /* e.g. "输入身份证号、姓名或拼音首字母" */
	const listing_column *columns;
	int n_columns; /* at most 8 */
	/*
	 * Rows matching query from offset, at most max into out; *n written,
	 * *total for "第 x/y 页": counted up to db_count_bound(offset, max),
	 * and a total above that bound means "more than that".
	 */
	err_code (*search)(db *d, const char *query, size_t offset, size_t max, listing_row *out,
	                   size_t *n, size_t *total, err_info *e);
	const form_spec *form; /* the form Enter opens the record in */
	/*
	 * Optional filters shown with the search box (类别, 登记满N个月 …): a
	 * form of their own, checked like any form and never saved; its
	 * office and today are the operator's. A listing with filters searches
	 * with search_in, which reads the filter values (and db, office,
	 * today) from that form; search is then unused and may be NULL.
	 */
	const form_spec *filter;
	err_code (*search_in)(form *filter, const char *query, size_t offset, size_t max,
	                      listing_row *out, size_t *n, size_t *total, err_info *e);
} listing_spec;

/*
 * Run the listing's search: search_in over `filter` (a form of
 * spec->filter, made by the caller with form_new; its fields are checked
 * first, so a bad filter value is refused naming its field, *bad_field
 * set as form_check does) when the listing has filters, else search over d.
 * bad_field may be NULL.
 */
err_code listing_search(const listing_spec *spec, db *d, form *filter, const char *query,
                        size_t offset, size_t max, listing_row *out, size_t *n, size_t *total,
                        int *bad_field, err_info *e);

/*
 * Put UTF-8 text into cell col of row (0 <= col < 8): copied whole when it
 * fits, else cut at a character boundary (the screen truncates by columns
 * anyway); NULL is "". Invalid bytes are replaced by '?', so cells are
 * always valid UTF-8.
 */
void listing_cell_put(listing_row *row, int col, const char *utf8);

#endif

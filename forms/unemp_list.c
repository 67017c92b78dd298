/*
 * unemp_list — 失业登记查询 (see unemp_list.h). The search is db/unemp's;
 * this file turns the filters into its conditions and the rows into cells.
 */
#include "forms/unemp_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/code.h"
#include "db/unemp.h"
#include "forms/unemp_form.h"
#include "forms/unemp_rules.h"

/* Category names of a registration, "4050人员、残疾人", into out. */
static void ul_category_names(db *d, const unemp_reg *r, char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t k = 0; k < r->n_categories; k++) {
		code_item item;
		const char *name = r->categories[k];
		if (code_get(d, CODE_T_UNEMP_CATEGORY, r->categories[k], &item, NULL) == ERR_OK)
			name = item.name;
		int n = snprintf(out + used, size - used, "%s%s",
		                 k ? msg_text(MSG_FORM_LIST_SEP) : "", name);
		if (n < 0 || (size_t)n >= size - used) {
			out[used] = '\0'; /* the screen cuts by columns; never half a name */
			return;
		}
		used += (size_t)n;
	}
}

static err_code ul_search(form *filter, const char *query, size_t offset, size_t max,
                          listing_row *out, size_t *n, size_t *total, err_info *e)
{
	db *d = form_db(filter);
	lb_date today = form_today(filter);
	char office[16], reg_to[DATE_ISO_LEN] = "";
	unemp_form_office(filter, office, sizeof office);
	const char *status = form_value(filter, ULF_STATUS);
	const char *months = form_value(filter, ULF_MONTHS);
	if (months[0] != '\0')
		date_format(date_add_months(today, -atoi(months)), reg_to);
	unemp_filter flt = {
	    .office = office,
	    .status = strcmp(status, "2") == 0   ? UNEMP_ENDED
	              : strcmp(status, "9") == 0 ? UNEMP_ANY
	                                         : UNEMP_OPEN,
	    .query = query,
	    .category = form_value(filter, ULF_CATEGORY),
	    .reg_to = reg_to,
	};
	unemp_hit_list l;
	err_code c = unemp_search(d, &flt, offset, max, &l, total, e);
	if (c != ERR_OK)
		return c;
	for (size_t k = 0; k < l.n && k < max; k++) {
		const unemp_hit *h = &l.items[k];
		listing_row *row = &out[k];
		memset(row, 0, sizeof *row);
		row->id = h->reg.id;
		lb_date reg = 0, end = 0;
		date_parse(h->reg.reg_date, MSG_NONE, &reg, NULL);
		if (h->reg.end_date[0] != '\0')
			date_parse(h->reg.end_date, MSG_NONE, &end, NULL);
		char m[16], cats[256];
		snprintf(m, sizeof m, "%d", unemp_rules_months_registered(reg, end ? end : today));
		ul_category_names(d, &h->reg, cats, sizeof cats);
		listing_cell_put(row, UL_ID_NO, h->id_no);
		listing_cell_put(row, UL_NAME, h->name);
		listing_cell_put(row, UL_REG_DATE, h->reg.reg_date);
		listing_cell_put(row, UL_MONTHS, m);
		listing_cell_put(row, UL_STATUS, msg_text(end ? MSG_UF_ENDED : MSG_UF_OPEN));
		listing_cell_put(row, UL_CATEGORIES, cats);
		(*n)++;
	}
	unemp_hit_list_free(&l);
	return ERR_OK;
}

static const form_option ul_states[] = {
    {"1", MSG_UF_OPEN},
    {"2", MSG_UF_ENDED},
    {"9", MSG_UF_ALL},
};

static const field_spec ul_filter_fields[ULF_COUNT] = {
    [ULF_CATEGORY] = {.id = "category",
                      .label = MSG_UF_CATEGORIES,
                      .type = FT_CODE,
                      .max_chars = 16,
                      .width = 14,
                      .code_table = CODE_T_UNEMP_CATEGORY,
                      .hint = MSG_UF_HINT_CODE},
    [ULF_MONTHS] = {.id = "months",
                    .label = MSG_UF_MONTHS_MIN,
                    .type = FT_INT,
                    .max_chars = 3,
                    .width = 3,
                    .min = 0,
                    .max = 600},
    [ULF_STATUS] = {.id = "status",
                    .label = MSG_UF_STATUS,
                    .type = FT_CODE,
                    .max_chars = 4,
                    .width = 8,
                    .options = ul_states,
                    .n_options = 3,
                    .hint = MSG_UF_HINT_CODE},
};

const form_spec unemp_filter_spec = {
    .id = "unemp_filter",
    .title = MSG_UL_TITLE,
    .fields = ul_filter_fields,
    .n_fields = ULF_COUNT,
};

static const listing_column ul_columns[UL_COUNT] = {
    [UL_ID_NO] = {.label = MSG_F_ID_NO, .width = 18},
    [UL_NAME] = {.label = MSG_F_NAME, .width = 8},
    [UL_REG_DATE] = {.label = MSG_UF_REG_DATE, .width = 10},
    [UL_MONTHS] = {.label = MSG_UF_MONTHS, .width = 8},
    [UL_STATUS] = {.label = MSG_UF_STATUS, .width = 6},
    [UL_CATEGORIES] = {.label = MSG_UF_CATEGORIES, .width = 0},
};

const listing_spec unemp_list_spec = {
    .id = "unemp",
    .title = MSG_UL_TITLE,
    .prompt = MSG_UL_PROMPT,
    .columns = ul_columns,
    .n_columns = UL_COUNT,
    .form = &unemp_form_spec,
    .filter = &unemp_filter_spec,
    .search_in = ul_search,
};

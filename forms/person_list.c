/*
 * person_list — 人员查询 (see person_list.h). The search is db/person's:
 * digits (and X) search the ID, ASCII letters the initials, anything else
 * the name, each as a prefix.
 */
#include "forms/person_list.h"

#include "db/person.h"
#include "forms/person_form.h"

static err_code person_list_search(db *d, const char *query, size_t offset, size_t max,
                                   listing_row *out, size_t *n, size_t *total, err_info *e)
{
	if (n != NULL)
		*n = 0;
	if (total != NULL)
		*total = 0;
	if (n == NULL || (out == NULL && max > 0))
		return err_set(e, ERR_INVALID_ARG, MSG_NONE, NULL);
	person_list l;
	err_code c = person_search(d, query ? query : "", offset, max, &l, total, e);
	if (c != ERR_OK)
		return c;
	for (size_t k = 0; k < l.n && k < max; k++) {
		const person *p = &l.items[k];
		listing_row *r = &out[k];
		r->id = p->id;
		listing_cell_put(r, PL_ID_NO, p->id_no);
		listing_cell_put(r, PL_NAME, p->name);
		listing_cell_put(r, PL_SEX,
		                 msg_text(p->sex == 1   ? MSG_PF_SEX_MALE
		                          : p->sex == 2 ? MSG_PF_SEX_FEMALE
		                                        : MSG_NONE));
		listing_cell_put(r, PL_BIRTH_DATE, p->birth_date);
		listing_cell_put(r, PL_PHONE, p->phone);
		listing_cell_put(r, PL_ADDRESS, p->address);
		for (int col = PL_COUNT; col < 8; col++)
			listing_cell_put(r, col, "");
		(*n)++;
	}
	person_list_free(&l);
	return ERR_OK;
}

static const listing_column person_list_columns[PL_COUNT] = {
    [PL_ID_NO] = {.label = MSG_F_ID_NO, .width = 18},
    [PL_NAME] = {.label = MSG_F_NAME, .width = 10},
    [PL_SEX] = {.label = MSG_F_SEX, .width = 4},
    [PL_BIRTH_DATE] = {.label = MSG_F_BIRTH_DATE, .width = 10},
    [PL_PHONE] = {.label = MSG_F_PHONE, .width = 13},
    [PL_ADDRESS] = {.label = MSG_F_ADDRESS, .width = 0},
};

const listing_spec person_list_spec = {
    .id = "person",
    .title = MSG_PL_TITLE,
    .prompt = MSG_PL_PROMPT,
    .columns = person_list_columns,
    .n_columns = PL_COUNT,
    .search = person_list_search,
    .form = &person_form_spec,
};

/*
 * office — the offices (劳动保障事务所, 仲裁委 …) that own records: code,
 * name, 行政区划代码 and the 简称 used in arbitration case numbers.
 */
#ifndef LAOBAO_OFFICE_H
#define LAOBAO_OFFICE_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"

typedef struct office {
	int64_t id;
	char code[13];        /* office code: letters, digits, _ -, 1-12 */
	char name[184];       /* up to 60 characters */
	char area_code[7];    /* GB/T 2260 county code */
	char case_prefix[48]; /* 简称 for case numbers, e.g. "佛", up to 12 characters */
	int64_t version;
	int64_t chg_seq;
	char created_at[21];
	char updated_at[21];
} office;

typedef struct office_list {
	office *items;
	size_t n;
} office_list;

/* Look up by code. ERR_NOT_FOUND when absent. */
err_code office_get(db *d, const char *code, office *out, err_info *e);

/*
 * "code name" of an office for the screen ("320508-01 双塔街道劳动保障所"),
 * the code alone when unknown, into out; returns out.
 */
const char *office_label(db *d, const char *code, char *out, size_t size);

/* Insert (o->id must be 0); ERR_DB_DUPLICATE when the code exists. */
err_code office_insert(db *d, office *o, err_info *e);

/* Versioned update of name, area code and prefix (the code is the key and stays). */
err_code office_update(db *d, office *o, err_info *e);

/* All offices by code. */
err_code office_list_all(db *d, office_list *out, err_info *e);
void office_list_free(office_list *l);

#endif

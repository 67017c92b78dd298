/*
 * legacy_import — person lists from older systems and spreadsheets (CSV,
 * usually GBK as Excel in Chinese Windows saves it) into the person
 * register. Each row is checked as the person form checks it: the
 * 公民身份号码 with its check digit (15-digit numbers are upgraded to 18),
 * the name, and where the list has them the sex and birth date against the
 * number, 民族, phone, address and remark. Good rows become persons; a row
 * whose number is already registered under the same name is left alone, so
 * running a list again adds nothing twice. Bad rows go to a rejects file
 * next to the list, in its encoding: line number, the columns at fault, the
 * reasons in Chinese, then the row as it was, so it can be corrected and
 * loaded again. A byte that is not valid in the chosen encoding rejects its
 * row with the line and the byte offset in the file.
 *
 * Recognised headers (others are ignored): 公民身份号码 / 身份证号码 /
 * 身份证号 / 证件号码, 姓名, 性别, 出生日期, 民族, 联系电话 / 电话 / 手机 /
 * 手机号码, 现住址 / 住址 / 地址 / 家庭住址, 备注 (or the English column
 * names of persons.csv).
 */
#ifndef LAOBAO_LEGACY_IMPORT_H
#define LAOBAO_LEGACY_IMPORT_H

#include <stdint.h>

#include "db/db.h"
#include "forms/date.h"
#include "locale/enc.h"

/* Rows done and in all. */
typedef void (*legacy_import_progress_fn)(void *ctx, uint64_t done, uint64_t total);

typedef struct legacy_import_opts {
	const char *path;                   /* the CSV list */
	enc_kind enc;                       /* ENC_GBK, ENC_GB18030 or ENC_UTF8 */
	lb_date today;                      /* for 公民身份号码 birth dates in the future */
	legacy_import_progress_fn progress; /* may be NULL */
	void *ctx;
} legacy_import_opts;

typedef struct legacy_import_result {
	uint64_t rows;           /* data rows in the list (blank lines not counted) */
	uint64_t added;          /* new persons */
	uint64_t existing;       /* already registered with the same name */
	uint64_t rejected;       /* rows written to the rejects file */
	char rejects_path[4352]; /* <list>.rejects.csv when rows were rejected, else "" */
} legacy_import_result;

/*
 * Load the list in one transaction (all good rows or, on an error that stops
 * the load, none). Errors: ERR_IO (reading the list or writing the rejects
 * file), ERR_LEGACY_NO_ID_COLUMN, ERR_LEGACY_NO_NAME_COLUMN, ERR_LEGACY_EMPTY,
 * ERR_CSV_* (a quote out of place: line named), ERR_ENC_INVALID in the
 * header, ERR_DB_*. Rejected rows are not errors: see r->rejected.
 */
err_code legacy_import_persons(db *d, const legacy_import_opts *o, legacy_import_result *r,
                               err_info *e);

#endif

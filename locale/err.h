/*
 * err — error codes and the error record every layer fills.
 *
 * Functions that can fail return an err_code (ERR_OK is 0) and, when given
 * an err_info, fill it with the code, the field concerned (a msg_id label,
 * so the message can name it) and an optional detail such as the offending
 * value or a byte offset. The Chinese text of each code is in
 * locale/catalog/errors-*.def; err_format() joins field, rule and detail
 * into the line the user reads ("公民身份号码：校验位错误（应为X）").
 */
#ifndef LAOBAO_ERR_H
#define LAOBAO_ERR_H

#include <stddef.h>

#include "msg.h"

typedef enum err_code {
	ERR_OK = 0,
#define X(id, text) id,
#include "catalog/errors-common.def"
#include "catalog/errors-locale.def"
#include "catalog/errors-forms.def"
#include "catalog/errors-statute.def"
#include "catalog/errors-workflow.def"
#include "catalog/errors-db.def"
#include "catalog/errors-cli.def"
#include "catalog/errors-export.def"
#undef X
	ERR_COUNT
} err_code;

typedef struct err_info {
	err_code code;    /* ERR_OK when nothing went wrong */
	msg_id field;     /* label of the field concerned, or MSG_NONE */
	char detail[200]; /* extra context, UTF-8, may be empty */
} err_info;

/* The UTF-8 text of an error code ("" for ERR_OK, never NULL). */
const char *err_text(err_code code);

/* The symbolic name of a code ("ERR_ID_CHECKSUM"), for tests and logs. */
const char *err_name(err_code code);

/*
 * Record an error in *e (which may be NULL) and return code, so a failing
 * path reads `return err_set(e, ERR_X, MSG_F_ID, "%s", s);`. fmt may be
 * NULL for no detail. The detail is cut at a character boundary if long.
 */
err_code err_set(err_info *e, err_code code, msg_id field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Reset *e to ERR_OK with no field and no detail. */
void err_clear(err_info *e);

/*
 * Write "字段：规则（细节）" (parts omitted when empty) to buf, always
 * NUL-terminated and cut at a character boundary. Returns buf.
 */
char *err_format(const err_info *e, char *buf, size_t size);

#endif

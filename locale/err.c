/*
 * err — error codes and records (see err.h).
 */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const err_texts[ERR_COUNT] = {
    [ERR_OK] = "",
#define X(id, text) [id] = text,
#include "catalog/errors-common.def"
#include "catalog/errors-locale.def"
#include "catalog/errors-forms.def"
#include "catalog/errors-statute.def"
#include "catalog/errors-workflow.def"
#include "catalog/errors-db.def"
#include "catalog/errors-cli.def"
#include "catalog/errors-export.def"
#undef X
};

static const char *const err_names[ERR_COUNT] = {
    [ERR_OK] = "ERR_OK",
#define X(id, text) [id] = #id,
#include "catalog/errors-common.def"
#include "catalog/errors-locale.def"
#include "catalog/errors-forms.def"
#include "catalog/errors-statute.def"
#include "catalog/errors-workflow.def"
#include "catalog/errors-db.def"
#include "catalog/errors-cli.def"
#include "catalog/errors-export.def"
#undef X
};

const char *err_text(err_code code)
{
	if ((int)code < 0 || code >= ERR_COUNT)
		return "";
	return err_texts[code];
}

const char *err_name(err_code code)
{
	if ((int)code < 0 || code >= ERR_COUNT)
		return "ERR_?";
	return err_names[code];
}

/* Cut a NUL-terminated UTF-8 string so it does not end inside a character. */
static void err_trim_partial(char *s)
{
	size_t n = strlen(s);
	size_t i = n;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return;
	unsigned char lead = (unsigned char)s[i - 1];
	size_t need = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (n - (i - 1) < need)
		s[i - 1] = '\0';
}

err_code err_set(err_info *e, err_code code, msg_id field, const char *fmt, ...)
{
	if (e == NULL)
		return code;
	e->code = code;
	e->field = field;
	e->detail[0] = '\0';
	if (fmt != NULL) {
		va_list ap;
		va_start(ap, fmt);
		int n = vsnprintf(e->detail, sizeof e->detail, fmt, ap);
		va_end(ap);
		if (n >= (int)sizeof e->detail)
			err_trim_partial(e->detail);
	}
	return code;
}

void err_clear(err_info *e)
{
	if (e == NULL)
		return;
	e->code = ERR_OK;
	e->field = MSG_NONE;
	e->detail[0] = '\0';
}

char *err_format(const err_info *e, char *buf, size_t size)
{
	if (size == 0)
		return buf;
	buf[0] = '\0';
	if (e == NULL || e->code == ERR_OK)
		return buf;
	const char *field = msg_text(e->field);
	int n;
	if (field[0] != '\0' && e->detail[0] != '\0')
		n = snprintf(buf, size, "%s：%s（%s）", field, err_text(e->code), e->detail);
	else if (field[0] != '\0')
		n = snprintf(buf, size, "%s：%s", field, err_text(e->code));
	else if (e->detail[0] != '\0')
		n = snprintf(buf, size, "%s（%s）", err_text(e->code), e->detail);
	else
		n = snprintf(buf, size, "%s", err_text(e->code));
	if (n >= (int)size)
		err_trim_partial(buf);
	return buf;
}

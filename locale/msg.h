/*
 * msg — the message catalog: every Chinese string the user sees, by id.
 *
 * The texts live in locale/catalog/messages-*.def (labels, prompts, screen
 * text) and locale/catalog/errors-*.def (error codes, see err.h), one
 * X(id, "text") per line, so a translator or reviewer reads them in one
 * place and code refers to them only by id. Texts are UTF-8; the terminal
 * layer converts for the user's locale. The MSG_D_ texts
 * (messages-detail.def) are printf formats for error details, used as
 * err_set(e, code, field, msg_text(MSG_D_...), args...).
 */
#ifndef LAOBAO_MSG_H
#define LAOBAO_MSG_H

typedef enum msg_id {
	MSG_NONE = 0, /* no message; msg_text() gives "" */
#define X(id, text) id,
#include "catalog/messages-fields.def"
#include "catalog/messages-forms.def"
#include "catalog/messages-unemp.def"
#include "catalog/messages-db.def"
#include "catalog/messages-ui.def"
#include "catalog/messages-cli.def"
#include "catalog/messages-detail.def"
#include "catalog/messages-export.def"
#undef X
	MSG_COUNT
} msg_id;

/* The UTF-8 text of a message; never NULL ("" for MSG_NONE or an id out of range). */
const char *msg_text(msg_id id);

/* The symbolic name of a message ("MSG_F_NAME"), for tests and logs. */
const char *msg_name(msg_id id);

#endif

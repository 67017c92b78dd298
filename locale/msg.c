/*
 * msg — the message catalog (see msg.h). The tables are generated from the
 * same .def files as the enum, so ids and texts cannot drift apart.
 */
#include "msg.h"

static const char *const msg_texts[MSG_COUNT] = {
    [MSG_NONE] = "",
#define X(id, text) [id] = text,
#include "catalog/messages-fields.def"
#include "catalog/messages-forms.def"
#include "catalog/messages-unemp.def"
#include "catalog/messages-db.def"
#include "catalog/messages-ui.def"
#include "catalog/messages-cli.def"
#include "catalog/messages-detail.def"
#include "catalog/messages-export.def"
#undef X
};

static const char *const msg_names[MSG_COUNT] = {
    [MSG_NONE] = "MSG_NONE",
#define X(id, text) [id] = #id,
#include "catalog/messages-fields.def"
#include "catalog/messages-forms.def"
#include "catalog/messages-unemp.def"
#include "catalog/messages-db.def"
#include "catalog/messages-ui.def"
#include "catalog/messages-cli.def"
#include "catalog/messages-detail.def"
#include "catalog/messages-export.def"
#undef X
};

const char *msg_text(msg_id id)
{
	if ((int)id < 0 || id >= MSG_COUNT)
		return "";
	return msg_texts[id];
}

const char *msg_name(msg_id id)
{
	if ((int)id < 0 || id >= MSG_COUNT)
		return "MSG_?";
	return msg_names[id];
}

/*
 * workflow — the main-menu table (see workflow.h). Every role also sees
 * 人员信息: each workflow starts from the person (同人同库), so whoever
 * registers, enrolls or files must be able to find and enter persons.
 * Exchanging packages with the provincial system and other offices is
 * the administrator's alone.
 */
#include "forms/workflow.h"

#include <string.h>

#include "forms/export_form.h"
#include "forms/import_form.h"
#include "forms/person_form.h"
#include "forms/person_list.h"
#include "forms/unemp_form.h"
#include "forms/unemp_list.h"

#define WF_ALL                                                                                     \
	(WORKFLOW_ROLE(ROLE_ADMIN) | WORKFLOW_ROLE(ROLE_CASEWORKER) |                              \
	 WORKFLOW_ROLE(ROLE_TRAINING) | WORKFLOW_ROLE(ROLE_CONTRACT) |                             \
	 WORKFLOW_ROLE(ROLE_ARBITRATION) | WORKFLOW_ROLE(ROLE_VIEWER))
#define WF_ADMIN_AND(r) (WORKFLOW_ROLE(ROLE_ADMIN) | WORKFLOW_ROLE(r))

static const workflow workflow_table[] = {
    {.id = "person",
     .title = MSG_WF_PERSON,
     .hotkey = '1',
     .roles = WF_ALL,
     .edit_roles = WF_ALL & ~WORKFLOW_ROLE(ROLE_VIEWER),
     .listing = &person_list_spec,
     .form = &person_form_spec},
    {.id = "unemp",
     .title = MSG_WF_UNEMP,
     .hotkey = '2',
     .roles = WF_ADMIN_AND(ROLE_CASEWORKER),
     .edit_roles = WF_ADMIN_AND(ROLE_CASEWORKER),
     .listing = &unemp_list_spec,
     .form = &unemp_form_spec},
    {.id = "training",
     .title = MSG_WF_TRAINING,
     .hotkey = '3',
     .roles = WF_ADMIN_AND(ROLE_TRAINING),
     .edit_roles = WF_ADMIN_AND(ROLE_TRAINING)},
    {.id = "contract",
     .title = MSG_WF_CONTRACT,
     .hotkey = '4',
     .roles = WF_ADMIN_AND(ROLE_CONTRACT),
     .edit_roles = WF_ADMIN_AND(ROLE_CONTRACT)},
    {.id = "arbitration",
     .title = MSG_WF_ARBITRATION,
     .hotkey = '5',
     .roles = WF_ADMIN_AND(ROLE_ARBITRATION),
     .edit_roles = WF_ADMIN_AND(ROLE_ARBITRATION)},
    {.id = "export",
     .title = MSG_WF_EXPORT,
     .hotkey = '6',
     .roles = WORKFLOW_ROLE(ROLE_ADMIN),
     .edit_roles = WORKFLOW_ROLE(ROLE_ADMIN),
     .listing = &export_list_spec,
     .form = &export_form_spec},
    {.id = "import",
     .title = MSG_WF_IMPORT,
     .hotkey = '7',
     .roles = WORKFLOW_ROLE(ROLE_ADMIN),
     .edit_roles = WORKFLOW_ROLE(ROLE_ADMIN),
     .listing = &import_list_spec,
     .form = &import_form_spec},
};

#define WF_COUNT ((int)(sizeof workflow_table / sizeof workflow_table[0]))

int workflow_count(void)
{
	return WF_COUNT;
}

const workflow *workflow_get(int i)
{
	return i >= 0 && i < WF_COUNT ? &workflow_table[i] : NULL;
}

/* A role's bit, 0 for a value that is no role (so it sees nothing). */
static unsigned workflow_role_bit(op_role role)
{
	return role >= ROLE_ADMIN && role <= ROLE_VIEWER ? WORKFLOW_ROLE(role) : 0;
}

int workflow_visible(op_role role, int i)
{
	const workflow *w = workflow_get(i);
	return w != NULL && (w->roles & workflow_role_bit(role)) != 0;
}

int workflow_can_edit(op_role role, int i)
{
	const workflow *w = workflow_get(i);
	unsigned bit = workflow_role_bit(role);
	return w != NULL && (w->roles & bit) != 0 && (w->edit_roles & bit) != 0;
}

int workflow_built(int i)
{
	const workflow *w = workflow_get(i);
	return w != NULL && (w->listing != NULL || w->form != NULL);
}

int workflow_by_hotkey(int key)
{
	for (int i = 0; i < WF_COUNT; i++)
		if (workflow_table[i].hotkey == key)
			return i;
	return -1;
}

int workflow_find(const char *id)
{
	if (id == NULL)
		return -1;
	for (int i = 0; i < WF_COUNT; i++)
		if (strcmp(workflow_table[i].id, id) == 0)
			return i;
	return -1;
}

/* spec or one of the forms it opens (depth-limited: forms do not open themselves forever). */
static const form_spec *workflow_form_in(const form_spec *spec, const char *form_id, int depth)
{
	if (spec == NULL || depth > 4)
		return NULL;
	if (strcmp(spec->id, form_id) == 0)
		return spec;
	for (int k = 0; spec->actions != NULL && k < spec->n_actions; k++) {
		const form_spec *s = workflow_form_in(spec->actions[k].form, form_id, depth + 1);
		if (s != NULL)
			return s;
	}
	for (int k = 0; spec->sublists != NULL && k < spec->n_sublists; k++) {
		const form_spec *s = workflow_form_in(spec->sublists[k].form, form_id, depth + 1);
		if (s != NULL)
			return s;
	}
	return NULL;
}

const form_spec *workflow_form_spec(const char *form_id, int *which)
{
	if (which != NULL)
		*which = -1;
	if (form_id == NULL)
		return NULL;
	for (int i = 0; i < WF_COUNT; i++) {
		const workflow *w = &workflow_table[i];
		const form_spec *s = workflow_form_in(w->form, form_id, 0);
		if (s == NULL && w->listing != NULL)
			s = workflow_form_in(w->listing->form, form_id, 0);
		if (s != NULL) {
			if (which != NULL)
				*which = i;
			return s;
		}
	}
	return NULL;
}

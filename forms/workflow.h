/*
 * workflow — the main menu as data: each workflow with its title, hotkey
 * digit, the roles that see it and the roles that may change its records,
 * and the listing and form it opens. A workflow whose listing and form are
 * not built yet has both NULL; the menu shows it with "（建设中）"
 * (MSG_WF_BUILDING) and does not open it.
 */
#ifndef LAOBAO_WORKFLOW_H
#define LAOBAO_WORKFLOW_H

#include "db/operator.h"
#include "forms/form.h"
#include "forms/listing.h"

/* Bit of role r in a role set. */
#define WORKFLOW_ROLE(r) (1u << (unsigned)(r))

typedef struct workflow {
	const char *id;              /* stable key: "person", "unemp", … */
	msg_id title;                /* menu text */
	char hotkey;                 /* '1'…'9' on the main menu */
	unsigned roles;              /* WORKFLOW_ROLE bits of the roles that see it */
	unsigned edit_roles;         /* … that may change records (a subset of roles) */
	const listing_spec *listing; /* search screen, or NULL while not built */
	const form_spec *form;       /* record form, or NULL while not built */
} workflow;

/* Number of workflows, and workflow i in menu order (NULL when out of range). */
int workflow_count(void);
const workflow *workflow_get(int i);

/* 1 if role sees workflow i on its menu. */
int workflow_visible(op_role role, int i);

/* 1 if role may change records of workflow i (0 for view-only roles such as viewer). */
int workflow_can_edit(op_role role, int i);

/* 1 if workflow i has a listing or a form to open, 0 while it is "（建设中）". */
int workflow_built(int i);

/* Index of the workflow with this hotkey, or -1. */
int workflow_by_hotkey(int key);

/* Index of the workflow with this id, or -1. */
int workflow_find(const char *id);

/*
 * The form with this form id among the workflows' forms, the forms their
 * listings open, and the child forms those open (actions, sub-lists); NULL
 * if none. *which (may be NULL) gets the index of the workflow it
 * belongs to, for the role's rights. Drafts name their form by id; this
 * finds the form to restore one into.
 */
const form_spec *workflow_form_spec(const char *form_id, int *which);

#endif

/*
 * formview — the screen that draws and edits any form from its form_spec:
 * labels on the left, input boxes on the right, a long form scrolled so the
 * field being edited is always in view.
 *
 * The field under the cursor is edited with tui/edit; every typed character
 * is first offered to form_accepts_char (a refused one is not inserted and
 * the message line says why). Leaving a field runs form_leave_field: an
 * error names the field and the rule and the cursor stays; a valid value is
 * normalised and journaled as a draft. F2 saves through form_save (on error
 * the cursor goes to the field at fault); F4 on a code field opens the
 * picklist. Read-only fields are shown but skipped. A successful save drops
 * the draft; leaving with unsaved changes asks first. F6 opens the form's
 * related records and actions (tui/formmore); a child form that saved
 * something has the record shown again as stored.
 */
#ifndef LAOBAO_FORMVIEW_H
#define LAOBAO_FORMVIEW_H

#include <stdint.h>

#include "forms/form.h"
#include "tui/app.h"

/* How a form is opened. */
typedef enum formview_mode {
	FORMVIEW_NEW = 0, /* an empty form for a new record */
	FORMVIEW_LOAD,    /* the record `record_id` */
	FORMVIEW_DRAFT,   /* the operator's draft of this form */
} formview_mode;

/*
 * Push a form screen for spec; `readonly` for a role that may look but not
 * change. on_close (may be NULL) is called with ctx when the user leaves the
 * form, with saved 1 if something was saved meanwhile (a list shows the
 * change). Errors: those of form_new, form_load and form_draft_restore (the
 * screen is not opened).
 */
err_code formview_open(app *a, const form_spec *spec, formview_mode mode, int64_t record_id,
                       int readonly, void (*on_close)(app *a, void *ctx, int saved), void *ctx,
                       err_info *e);

/*
 * Push a form screen for a form already made (a child form of an action or
 * a sub-list); the screen owns f from now on, also when this fails.
 * View-only when `readonly` or when f already is.
 */
err_code formview_open_form(app *a, form *f, int readonly,
                            void (*on_close)(app *a, void *ctx, int saved), void *ctx, err_info *e);

#endif

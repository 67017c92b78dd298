/*
 * formmore — what a form has beyond its fields: its actions (结束登记,
 * 新增服务记录) and its child lists (就业服务记录, 历次失业登记), offered
 * in a popup from F6 on the form screen. An action opens its child form;
 * a child list opens a list screen whose Enter opens the row in its form
 * and whose F5 starts a new one when an action makes such rows. Nothing
 * here knows a workflow: it all comes from the form_spec.
 */
#ifndef LAOBAO_FORMMORE_H
#define LAOBAO_FORMMORE_H

#include "forms/form.h"
#include "tui/app.h"

/*
 * Open the popup for f (borrowed: the form screen below owns it), placed
 * clear of screen row `anchor`. Every child form opened from here, directly
 * or from a child list, calls child_closed(a, ctx, saved) when it closes,
 * saved 1 if it stored something (the caller shows f again as stored).
 */
void formmore_open(app *a, form *f, int anchor, void (*child_closed)(app *a, void *ctx, int saved),
                   void *ctx);

#endif

/*
 * tui — login, then the main menu (see tui.h).
 */
#include "tui/tui.h"

#include "tui/app.h"
#include "tui/login.h"

static void tui_after_login(app *a)
{
	(void)a;
}

int tui_run(db *d, lb_date today)
{
	app *a = NULL;
	if (app_new(d, today, &a, NULL) != ERR_OK)
		return 1;
	login_open(a, tui_after_login);
	int rc = app_run(a);
	app_free(a);
	return rc;
}

/*
 * tui — the terminal user interface as a whole: login, then the main menu
 * of the operator's workflows, with any unsaved draft offered back first.
 */
#ifndef LAOBAO_TUI_H
#define LAOBAO_TUI_H

#include "db/db.h"
#include "forms/date.h"

/*
 * Run the terminal UI on the terminal of stdin/stdout over database d
 * (borrowed), with `today` for dates. Returns the exit status: 0 when the
 * user quit or the terminal went away (drafts are saved then), 1 when the
 * terminal could not be used (the reason is on stderr).
 */
int tui_run(db *d, lb_date today);

/*
 * The same over the database file at path, opened only after the login
 * screen is drawn (the first screen appears sooner). A database that cannot
 * be opened ends the UI; the reason is written to stderr and 1 returned.
 */
int tui_run_path(const char *path, lb_date today);

#endif

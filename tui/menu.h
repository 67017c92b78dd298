/*
 * menu — the main menu: the workflows the operator's role may use
 * (forms/workflow), each with its digit; the digit or Enter opens it. A
 * workflow that is not built yet is listed as such and cannot be opened.
 */
#ifndef LAOBAO_MENU_H
#define LAOBAO_MENU_H

#include "tui/app.h"

/* Push the main menu for the logged-in operator. */
void menu_open(app *a);

#endif

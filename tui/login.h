/*
 * login — the login screen: 用户名 and 密码 (shown as '*'), checked with
 * operator_verify. A wrong login or password gets one message that does not
 * say which was wrong; after repeated failures of a login the next attempt
 * waits 1 s, 2 s, 4 s … (at most 30 s), shown as a countdown that never
 * holds up the rest of the program; a disabled operator is told so.
 */
#ifndef LAOBAO_LOGIN_H
#define LAOBAO_LOGIN_H

#include "tui/app.h"

/*
 * Push the login screen. After a successful login the operator is set on
 * the app and on the database (for the audit log), the login screen is
 * removed, and on_login(a) is called to open what comes next.
 */
void login_open(app *a, void (*on_login)(app *a));

/* Seconds to wait before the next attempt after `failures` consecutive failures. */
int login_delay(int failures);

#endif

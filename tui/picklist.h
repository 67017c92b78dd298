/*
 * picklist — a popup list of the codes a code-table field may take,
 * filtered as the user types by code, by the start of the name or by its
 * pinyin initials (form_choices): "hz" finds 汉族 and 回族, "mgz" 蒙古族.
 * Up/Down/PgUp/PgDn move, Enter picks, Esc cancels. For a multi-select
 * field the list ticks any number of choices.
 */
#ifndef LAOBAO_PICKLIST_H
#define LAOBAO_PICKLIST_H

#include "forms/form.h"
#include "tui/app.h"

/*
 * Open the picklist for code field `field` of f (borrowed; the screen below
 * owns it), starting with filter `query` (UTF-8, may be ""). The popup is
 * placed above or below screen row `anchor` (the field's row), whichever
 * has more room, so the field stays in sight. When the user picks, the
 * popup closes and pick(a, ctx, code) is called; Esc closes it and nothing
 * is called.
 */
void picklist_open(app *a, form *f, int field, const char *query, int anchor,
                   void (*pick)(app *a, void *ctx, const char *code), void *ctx);

/*
 * The same for a multi-select field (FT_CODES): each choice shows [x] when
 * it is in the set; Space ticks or unticks the selected one, Enter closes
 * and calls pick with the whole set ("01,04", "" for none), Esc closes and
 * nothing is called. `chosen` is the set to start from.
 */
void picklist_open_multi(app *a, form *f, int field, const char *chosen, const char *query,
                         int anchor, void (*pick)(app *a, void *ctx, const char *codes), void *ctx);

#endif

/*
 * unemp_rules — the rules of 失业登记 in one place, as pure functions over
 * dates, codes and numbers (no database): how contribution time is typed,
 * the unemployment-insurance entitlement and why it is refused, who may
 * register (working age), the date rules of registration, follow-ups and
 * the end of a registration, the categories (4050人员 derived, 就业困难人员
 * kinds agreeing with the categories), and the 就业创业证 number built from
 * an office's template. Statutory numbers come from forms/statute.h (rules
 * §5, §7); nothing here repeats them. forms/unemp_form applies these rules
 * to the screen; the tests exercise them without a terminal or database.
 *
 * Category sets are text: codes joined by ',' in ascending order ("01,04"),
 * as the form engine keeps a multi-select field (FT_CODES).
 */
#ifndef LAOBAO_UNEMP_RULES_H
#define LAOBAO_UNEMP_RULES_H

#include <stddef.h>

#include "forms/date.h"
#include "forms/statute.h"
#include "locale/err.h"

/* Contribution longer than this is refused as absurd (50 years). */
#define UNEMP_CONTRIB_MAX_MONTHS 600

/* Category codes of the unemp_category table the rules know. */
#define UNEMP_CAT_4050 "01"
#define UNEMP_CAT_ZERO_JOB "02"   /* 零就业家庭成员 */
#define UNEMP_CAT_DISABLED "03"   /* 残疾人 */
#define UNEMP_CAT_LOW_INCOME "04" /* 城市低保家庭成员 */
#define UNEMP_CAT_GRADUATE "08"   /* 高校毕业生（离校未就业） */

/* ---- contribution and entitlement ---- */

/*
 * Contribution time as typed: years ("2", "1.5", "1.5年", full-width digits
 * too), months ("18个月", "18月") or both ("3年6个月", "3年6月"), into
 * whole months. Blank is 0. Years must come to whole months (1.25 years is
 * 15 months; 1.3 is refused, not rounded). Errors naming `field`:
 * ERR_UNEMP_CONTRIB_FORMAT, ERR_UNEMP_CONTRIB_NEGATIVE,
 * ERR_UNEMP_CONTRIB_FRACTION (detail: the nearest whole months to type),
 * ERR_UNEMP_CONTRIB_TOO_LONG (over UNEMP_CONTRIB_MAX_MONTHS).
 */
err_code unemp_rules_contrib_parse(const char *text, msg_id field, int *months, err_info *e);

/*
 * Contribution cannot be longer than the time from the 16th birthday to the
 * registration date: ERR_UNEMP_CONTRIB_BEYOND_AGE naming `field` (detail:
 * the most it can be).
 */
err_code unemp_rules_contrib_plausible(int months, lb_date birth, lb_date reg, msg_id field,
                                       err_info *e);

/*
 * Months of unemployment benefit (条例 Art.14/17, 社保法 Art.45/46):
 * statute_ui_months() when statute_ui_check_eligible() passes, else 0 with
 * the reason in *why (may be NULL): ERR_UI_NOT_INVOLUNTARY or
 * ERR_UI_TOO_SHORT. Negative months count as 0.
 */
int unemp_rules_entitlement(int contrib_months, int involuntary, err_info *why);

/*
 * The line the form shows under 失业保险金: the contribution in months and
 * the months that may be drawn, or why none ("…不能领取失业保险金：因本人
 * 意愿中断就业…"). involuntary < 0 means not answered yet. Returns buf.
 */
char *unemp_rules_ui_text(int contrib_months, int involuntary, char *buf, size_t size);

/* ---- who may register, and dates ---- */

/*
 * The retirement group for a registration: men RETIRE_MALE; women
 * RETIRE_FEMALE_55 when they held a 干部 post (cadre), else
 * RETIRE_FEMALE_50; 0 for an unknown sex.
 */
retire_group unemp_rules_retire_group(int sex, int cadre);

/*
 * Of legal working age on the registration date (rules §7): under 16 or at
 * or past statutory retirement is ERR_UNEMP_CANNOT_REGISTER naming `field`,
 * with the reason and its date in the detail ("未满16周岁：2028-05-01满16
 * 周岁"; "已达到法定退休年龄：2025-02-17"). ERR_INVALID_ARG for an unknown sex.
 */
err_code unemp_rules_check_age(int sex, int cadre, lb_date birth, lb_date reg, msg_id field,
                               err_info *e);

/*
 * The registration date: not before birth (ERR_UNEMP_BEFORE_BIRTH), not
 * before the end of the person's previous registration when there was one
 * (prev_end > 0; ERR_UNEMP_BEFORE_PREV_END). Detail: the limiting date.
 * Not after today is the form's FF_NOFUTURE.
 */
err_code unemp_rules_check_reg_date(lb_date reg, lb_date birth, lb_date prev_end, msg_id field,
                                    err_info *e);

/* The end date: not before the registration date (ERR_UNEMP_END_BEFORE_START, detail: it). */
err_code unemp_rules_check_end_date(lb_date reg, lb_date end, msg_id field, err_info *e);

/*
 * A follow-up's date lies within the registration: from reg to its end
 * (end > 0) or else to today. ERR_UNEMP_SERVICE_OUTSIDE, detail the range.
 */
err_code unemp_rules_check_service_date(lb_date reg, lb_date end, lb_date today, lb_date day,
                                        msg_id field, err_info *e);

/*
 * 1 if an end reason (注销原因) is a kind of work, so a new employer may be
 * named: ZX01 录用, ZX02 个体经营/创办企业, ZX03 稳定收入的劳动, ZX10 就业登记.
 */
int unemp_rules_end_takes_employer(const char *reason);

/* Whole months registered on `today` (0 before a month has passed, or if today < reg). */
int unemp_rules_months_registered(lb_date reg, lb_date today);

/* ---- categories ---- */

/* 1 if the comma-joined code set has `code`. */
int unemp_rules_has(const char *codes, const char *code);

/*
 * The set with 4050人员 present exactly when is_4050 (statute_is_4050 on the
 * registration date), the other codes kept as they were, into out.
 * ERR_INVALID_ARG if out is too small.
 */
err_code unemp_rules_with_4050(const char *codes, int is_4050, char *out, size_t size, err_info *e);

/*
 * A 就业困难人员 kind that names a category (大龄 → 4050人员, 残疾人,
 * 零就业家庭成员, 城市低保家庭成员, 连续失业1年以上, 失地/被征地农民,
 * 单亲抚养未成年子女) needs that category in the set:
 * ERR_UNEMP_DIFFICULTY_CATEGORY naming `field`, the detail says which.
 * Empty difficulty or kind 99 (其他) is always fine.
 */
err_code unemp_rules_check_difficulty(const char *difficulty, const char *codes, msg_id field,
                                      err_info *e);

/* ---- 就业创业证 number ---- */

/* What a template is filled with. */
typedef struct unemp_card_facts {
	const char *area;   /* issuing office's 6-digit county code */
	const char *office; /* office code (for {office}) */
	int hukou_kind;     /* 1 城镇, 2 农村 */
	int year;           /* of the registration date */
} unemp_card_facts;

/*
 * A number from a template: literal digits and capital letters, and the
 * fields {area} (6 digits), {hukou} (1 digit), {check} (1 digit: the sum of
 * every other digit of the number mod 10, letters A=10 … Z=35), {yy},
 * {yyyy}, {office} and exactly one {seqN} (N digits, 1-9; {seq} is 6),
 * written with or without their width ({area6}, {hukou1}, {check1},
 * {seq:6}), e.g. the default "{area6}{hukou1}{check1}{yy}{seq6}" gives the
 * 16-digit layout of rules §7. The result must be 6-20 characters.
 * ERR_UNEMP_CARD_TEMPLATE (detail: what is wrong), ERR_UNEMP_CARD_NO_AREA
 * when the template needs an area and facts has no 6-digit one,
 * ERR_UNEMP_CARD_EXHAUSTED when seq does not fit its width.
 */
err_code unemp_rules_card_make(const char *tmpl, const unemp_card_facts *facts, long seq, char *out,
                               size_t size, err_info *e);

/*
 * The GLOB pattern matching every number the template gives for these facts
 * whatever the sequence, 户籍 digit and check digit, so the next sequence is
 * one more than the highest in use; *seq_at (0-based) and *seq_len locate
 * the sequence in such a number. Errors as unemp_rules_card_make.
 */
err_code unemp_rules_card_glob(const char *tmpl, const unemp_card_facts *facts, char *glob,
                               size_t size, int *seq_at, int *seq_len, err_info *e);

/*
 * A number typed by hand: 6-20 digits or capital letters (lower case is
 * refused here; the form upper-cases first). ERR_UNEMP_CARD_FORMAT.
 */
err_code unemp_rules_card_check(const char *card, msg_id field, err_info *e);

#endif

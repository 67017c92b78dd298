/*
 * demo_data — the word lists the demo generator draws from: county codes of
 * the five cities the project grew from and of other provinces, surnames by
 * frequency, given-name characters, employer name parts, posts. Internal to
 * forms/demo.c.
 */
#ifndef LAOBAO_DEMO_DATA_H
#define LAOBAO_DEMO_DATA_H

#include <stddef.h>

typedef struct demo_area {
	const char *code; /* GB/T 2260 county-level code */
	const char *name; /* e.g. 苏州市姑苏区 */
	int weight;       /* relative share of persons */
} demo_area;

extern const demo_area demo_areas[];
extern const size_t demo_n_areas;

/* Surnames, most frequent first; the generator favours the front of the list. */
extern const char *const demo_surnames[];
extern const size_t demo_n_surnames;

extern const char *const demo_given_male[];
extern const size_t demo_n_given_male;
extern const char *const demo_given_female[];
extern const size_t demo_n_given_female;
extern const char *const demo_given_any[];
extern const size_t demo_n_given_any;

/* Uyghur-style name parts joined with the middle dot, for areas starting 65. */
extern const char *const demo_minority_parts[];
extern const size_t demo_n_minority_parts;

/* Employer names: a place word, a trade word and a company form. */
extern const char *const demo_firm_words[];
extern const size_t demo_n_firm_words;
extern const char *const demo_firm_trades[];
extern const size_t demo_n_firm_trades;
extern const char *const demo_firm_forms[];
extern const size_t demo_n_firm_forms;

extern const char *const demo_streets[];
extern const size_t demo_n_streets;

extern const char *const demo_posts[];
extern const size_t demo_n_posts;

#endif

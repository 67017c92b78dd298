/*
 * training — training classes (培训班) with their capacity, enrollments of
 * persons, daily attendance and assessments (theory, practice), and the
 * certificate a passed enrollment earns.
 */
#ifndef LAOBAO_TRAINING_H
#define LAOBAO_TRAINING_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"

/* Class status. */
#define TRAINING_PLANNED "planned"
#define TRAINING_OPEN "open" /* taking enrollments */
#define TRAINING_RUNNING "running"
#define TRAINING_FINISHED "finished"
#define TRAINING_CANCELLED "cancelled"

/* Enrollment status; enrolled and completed ones take a place. */
#define TRAINING_ENROLLED "enrolled"
#define TRAINING_WITHDRAWN "withdrawn"
#define TRAINING_COMPLETED "completed"
#define TRAINING_DROPPED "dropped"

typedef struct training_class {
	int64_t id;
	char code[21];       /* 培训班编号, unique */
	char name[184];      /* up to 60 characters */
	char type[3];        /* 培训类型 code */
	char occupation[64]; /* 职业（工种） */
	char level[2];       /* 职业技能等级 1-5, "" none */
	char start_date[11];
	char end_date[11];
	int capacity;       /* places, >= 1 */
	int hours;          /* 课时 */
	char provider[184]; /* 培训机构 */
	char office[13];
	char status[12]; /* TRAINING_PLANNED … */
	int64_t version;
	int64_t chg_seq;
	char created_at[21];
	char updated_at[21];
} training_class;

typedef struct training_class_list {
	training_class *items;
	size_t n;
} training_class_list;

typedef struct training_enrollment {
	int64_t id;
	int64_t class_id;
	int64_t person_id;
	char enroll_date[11];
	char status[12];    /* TRAINING_ENROLLED … */
	char result[8];     /* "pass", "fail", "" not yet */
	char cert_no[33];   /* certificate number, only for a pass */
	char cert_level[2]; /* 1-5 */
	char cert_date[11];
	int64_t version;
	int64_t chg_seq;
	char created_at[21];
	char updated_at[21];
} training_enrollment;

typedef struct training_enrollment_list {
	training_enrollment *items;
	size_t n;
} training_enrollment_list;

typedef struct training_attendance {
	int64_t id;
	int64_t enrollment_id;
	char day[11];
	int present; /* 1 present, 0 absent */
	int64_t version;
} training_attendance;

typedef struct training_attendance_list {
	training_attendance *items;
	size_t n;
} training_attendance_list;

typedef struct training_assessment {
	int64_t id;
	int64_t enrollment_id;
	char assess_date[11];
	char kind[12]; /* "theory" or "practice" */
	double score;  /* 0-100 */
	int passed;
	int64_t version;
	int64_t chg_seq;
} training_assessment;

typedef struct training_assessment_list {
	training_assessment *items;
	size_t n;
} training_assessment_list;

/* Classes. ERR_DB_DUPLICATE (培训班编号) on a used code. */
err_code training_class_insert(db *d, training_class *c, err_info *e);
err_code training_class_update(db *d, training_class *c, err_info *e);
err_code training_class_get(db *d, int64_t id, training_class *out, err_info *e);
err_code training_class_find(db *d, const char *code, training_class *out, err_info *e);

/* Classes of an office, newest start first, one page; *total as db_count_bound() says. */
err_code training_class_list_office(db *d, const char *office, size_t offset, size_t limit,
                                    training_class_list *out, size_t *total, err_info *e);
void training_class_list_free(training_class_list *l);

/* Places taken (enrolled or completed) in a class. */
err_code training_class_taken(db *d, int64_t class_id, int *taken, err_info *e);

/*
 * Enroll a person (en->id 0; status defaults to enrolled). Checked in the
 * write transaction, so two clerks cannot both take the last place:
 * ERR_TRAIN_CLOSED (class finished or cancelled), ERR_TRAIN_FULL (detail
 * names the capacity), ERR_TRAIN_ENROLLED (already in this class).
 */
err_code training_enroll(db *d, training_enrollment *en, err_info *e);

/* Versioned update of status, result and certificate. */
err_code training_enrollment_update(db *d, training_enrollment *en, err_info *e);
err_code training_enrollment_get(db *d, int64_t id, training_enrollment *out, err_info *e);
err_code training_enrollment_list_class(db *d, int64_t class_id, training_enrollment_list *out,
                                        err_info *e);
err_code training_enrollment_list_person(db *d, int64_t person_id, training_enrollment_list *out,
                                         err_info *e);
void training_enrollment_list_free(training_enrollment_list *l);

/* Mark a day present or absent (insert or change). */
err_code training_attendance_set(db *d, int64_t enrollment_id, const char *day, int present,
                                 err_info *e);
err_code training_attendance_list_enrollment(db *d, int64_t enrollment_id,
                                             training_attendance_list *out, err_info *e);
void training_attendance_list_free(training_attendance_list *l);

/* Record an assessment (a->id 0). */
err_code training_assessment_add(db *d, training_assessment *a, err_info *e);
err_code training_assessment_list_enrollment(db *d, int64_t enrollment_id,
                                             training_assessment_list *out, err_info *e);
void training_assessment_list_free(training_assessment_list *l);

#endif

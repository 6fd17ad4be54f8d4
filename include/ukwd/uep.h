/**
 * @file ukwd/uep.h
 * @brief The SEC User Entry Process as data, and EUI-64 User IDs.
 *
 * A Party becomes a DCC User under the Smart Energy Code by going through
 * the User Entry Process: User ID allocation (SEC B2), Credit Cover (J3)
 * where its Credit Cover Requirement exceeds the Credit Cover Threshold
 * (reviewed monthly, the checklist's note 1), a working DCC Gateway
 * connection (note 2), the SMKI and Repository Entry Process Tests
 * (SREPT, L7) and Authorised Subscriber status, the User Entry Process
 * Tests with Self-Service Interface access for each User Role sought
 * (UEPT; the checklist names H1 and Appendix R for its 60 working days'
 * notice, the SEC glossary describes UEPT in H1 and H14), a User Security
 * Assessment (G3-G8) and, for the Other User role only, a Privacy
 * Assessment (the checklist's "Privacy Audit", I2); then, role by role,
 * evidence to SECAS and an information paper to the Panel (H1.12).
 *
 * Each stage is a row of data with its indicative duration in working
 * days and where that figure comes from: #UKWD_SOURCE_SOURCED (a public
 * SECAS or DCC page, cited), #UKWD_SOURCE_CHECKLIST (SECAS's *SEC
 * Checklist for Small Suppliers* v1.3, December 2017) or
 * #UKWD_SOURCE_PROPOSED (libukwd's own default: no source gives one; it is
 * never an SEC rule). A duration the caller sets is #UKWD_SOURCE_USER.
 * Most durations are PROPOSED. The dependencies are our reading of the
 * process and carry PROPOSED too, except the few a source states (60
 * working days' notice before UEPT testing starts; the UEPT exit clocks of
 * the checklist's note 3; SREPT before Authorised Subscriber status; the
 * privacy request at least 12 weeks before the assessment).
 *
 * The plan carries the days a Party must act on as milestones: "Give
 * UEPT notice (ROLE)" on the latest compliant notice day (60 clear working
 * days before its testing starts), "Privacy Assessment: request" at least
 * 12 weeks before the assessment, "Test Completion notified (ROLE)" from
 * which the DCC's receipt (2) and review (5) clocks both run, and "DCC
 * User (ROLE)" for each role (H1.12 lets the process complete role by
 * role) before the final "uep-complete".
 *
 * ukwd_uep_build_plan() turns the catalogue and options into a
 * #ukwd_plan; ukwd_uep_schedule() schedules it, fitting the stages stated
 * in weeks to the calendar. Each task carries a #ukwd_source
 * (ukwd_plan_task_source()): the stage's tag, its citation and its SEC
 * reference (e.g. "H14", "" for none); renderers use the tag to draw
 * figures that are not SEC rules differently.
 */
#ifndef UKWD_UEP_H
#define UKWD_UEP_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "error.h"
#include "source.h"
#include "date.h"
#include "notice.h"
#include "plan.h"
#include "schedule.h"
#include "risk.h"

UKWD_BEGIN_DECLS

/** @defgroup ukwd_uep User Entry Process
 * @{ */

/** The kind of Party, which sets its DCC User mandate date. */
typedef enum ukwd_party_type {
	/** Domestic small supplier: DCC User by 25 November 2017. */
	UKWD_PARTY_DOMESTIC_SMALL_SUPPLIER = 0,
	/** Non-domestic small supplier: DCC User by 31 August 2018. */
	UKWD_PARTY_NON_DOMESTIC_SMALL_SUPPLIER = 1,
	/** Any other Party: no mandate date. */
	UKWD_PARTY_OTHER = 2
} ukwd_party_type;

/** User Role bit: Import Supplier. The seven roles are the bits of an
 *  `unsigned int` (ukwd_uep_options::roles). */
#define UKWD_ROLE_IMPORT_SUPPLIER           0x01u
/** User Role bit: Export Supplier. */
#define UKWD_ROLE_EXPORT_SUPPLIER           0x02u
/** User Role bit: Gas Supplier. */
#define UKWD_ROLE_GAS_SUPPLIER              0x04u
/** User Role bit: Electricity Distributor. */
#define UKWD_ROLE_ELECTRICITY_DISTRIBUTOR   0x08u
/** User Role bit: Gas Transporter. */
#define UKWD_ROLE_GAS_TRANSPORTER           0x10u
/** User Role bit: Registered Supplier Agent. */
#define UKWD_ROLE_REGISTERED_SUPPLIER_AGENT 0x20u
/** User Role bit: Other User. */
#define UKWD_ROLE_OTHER_USER                0x40u
/** All seven User Role bits. */
#define UKWD_ROLE_ALL                       0x7Fu

/**
 * @brief The name of one role: "import-supplier", "export-supplier",
 *        "gas-supplier", "electricity-distributor", "gas-transporter",
 *        "registered-supplier-agent" or "other-user".
 * @return a static string; NULL unless @p role is exactly one known bit.
 * @since 0.1
 */
UKWD_API const char *ukwd_uep_role_name(unsigned int role);

/**
 * @brief Read a comma-separated list of role names into role bits.
 * @param[out] out  the roles; unchanged on failure.
 * @param[in]  text e.g. "import-supplier,other-user".
 * @param[out] diag optional; names the unknown role and its column.
 * @return 0; #UKWD_EINVAL for NULL; #UKWD_ENOTFOUND for an unknown or
 *         empty name.
 * @since 0.1
 */
UKWD_API int ukwd_uep_roles_parse(unsigned int *out, const char *text,
                                  ukwd_diag *diag);

/** "domestic-small-supplier", "non-domestic-small-supplier" or "other";
 *  NULL for other values. */
UKWD_API const char *ukwd_uep_party_name(ukwd_party_type party);

/** Read a party name as ukwd_uep_party_name() writes it.
 *  @return 0; #UKWD_EINVAL for NULL; #UKWD_ENOTFOUND. */
UKWD_API int ukwd_uep_party_parse(ukwd_party_type *out, const char *text,
                                  ukwd_diag *diag);

/**
 * @brief The date by which a Party of this type had to be a DCC User.
 * @param[out] out 2017-11-25 or 2018-08-31.
 * @param[in]  party the kind of Party.
 * @return 0; #UKWD_ENOTFOUND for #UKWD_PARTY_OTHER (no mandate);
 *         #UKWD_EINVAL for NULL or an unknown type.
 * @since 0.1
 */
UKWD_API int ukwd_uep_mandate_date(ukwd_date *out, ukwd_party_type party);

/** A stage of the User Entry Process: static, read-only data. */
typedef struct ukwd_uep_stage {
	const char *id;    /**< e.g. "uept-notice" */
	const char *title; /**< one line of English */
	/** SEC reference as the source names it, e.g. "H1, Appendix R";
	 *  "" when the source names no section. */
	const char *reference;
	/** The duration a plan uses, in working days (0: a milestone). */
	int32_t duration;
	/** The range a risk analysis draws from (ukwd/risk.h), with
	 *  `most_likely`: FUSA fieldwork's 3-10 is SOURCED, every other
	 *  spread PROPOSED (`range_source`, `range_citation`). A stage with
	 *  no spread (a milestone, a rule such as the 60 working days'
	 *  notice, a limit such as the DCC's "within 2 working days") has
	 *  all three equal to `duration`. */
	int32_t optimistic, pessimistic;
	/** The figure as the source states it, in its own unit: for the
	 *  privacy booking lead, 12 #UKWD_UNIT_WEEKS (then `duration` is 60
	 *  working days, a conservative PROPOSED stand-in: 60 working days
	 *  always span at least 12 weeks). */
	int32_t stated_amount;
	ukwd_notice_unit stated_unit;
	ukwd_source_tag source; /**< where the duration comes from */
	const char *citation;   /**< the source, or why it is PROPOSED */
	/** The User Roles the stage applies to (#UKWD_ROLE_ALL for all). */
	unsigned int roles;
	/** 1 when the stage is repeated for each User Role sought (UEPT). */
	int per_role;
	/** 1 when the stage is only needed with Credit Cover. */
	int credit_cover_only;
	/** The most likely duration of the range, working days: always
	 *  `duration` (the single-date plan shows the most likely value). */
	int32_t most_likely;
	/** Where the range comes from: #UKWD_SOURCE_SOURCED for FUSA
	 *  fieldwork only, #UKWD_SOURCE_PROPOSED for every other spread; for
	 *  a stage with no spread, the stage's own `source`. */
	ukwd_source_tag range_source;
	/** The reason for the spread (or for none), and its source. */
	const char *range_citation;
} ukwd_uep_stage;
/** @var ukwd_uep_stage::optimistic
 *  The shortest duration the source gives, in working days. */
/** @var ukwd_uep_stage::pessimistic
 *  The longest duration the source gives, in working days. */
/** @var ukwd_uep_stage::stated_unit
 *  The unit of ukwd_uep_stage::stated_amount, as the source states it. */

/** @brief The number of stages in the catalogue. @since 0.1 */
UKWD_API size_t ukwd_uep_stage_count(void);

/** @brief A stage by position (catalogue order); NULL past the end.
 *  @since 0.1 */
UKWD_API const ukwd_uep_stage *ukwd_uep_stage_at(size_t index);

/** @brief A stage by id; NULL if unknown. The checklist's name for the
 *  Privacy Assessment is accepted too: "privacy-audit-booking" finds
 *  "privacy-booking". @since 0.1 */
UKWD_API const ukwd_uep_stage *ukwd_uep_stage_find(const char *id);

/** A dependency between two stages: static, read-only data. */
typedef struct ukwd_uep_dependency {
	const char *predecessor, *successor; /**< stage ids */
	ukwd_link_type type;                 /**< FS, SS, FF or SF */
	int32_t lag;                         /**< working days */
	ukwd_source_tag source;              /**< mostly PROPOSED */
	const char *citation;
} ukwd_uep_dependency;
/** @var ukwd_uep_dependency::predecessor
 *  The stage that comes first (its id). */
/** @var ukwd_uep_dependency::successor
 *  The stage that follows it (its id). */
/** @var ukwd_uep_dependency::citation
 *  The source of the link, or why it is PROPOSED. */

/** @brief The number of dependencies. @since 0.1 */
UKWD_API size_t ukwd_uep_dependency_count(void);

/** @brief A dependency by position; NULL past the end. @since 0.1 */
UKWD_API const ukwd_uep_dependency *ukwd_uep_dependency_at(size_t index);

/** A stage duration set by the caller instead of the catalogue's: the
 *  task is then tagged #UKWD_SOURCE_USER. */
typedef struct ukwd_uep_override {
	/** A catalogue id ("uept-execution": every role's copy) or, for a
	 *  stage that is per role, one copy ("uept-execution/other-user",
	 *  which wins over the plain id for that role). */
	const char *stage_id;
	int32_t duration; /**< working days, 0 to #UKWD_PLAN_MAX_WORKING_DAYS */
} ukwd_uep_override;

/** Which stage ranges become three-point estimates of a plan's tasks
 *  (ukwd_uep_options::ranges). */
typedef enum ukwd_uep_ranges {
	/** Only ranges a source gives (FUSA fieldwork 3-10): the default,
	 *  a single-date plan with the sourced spread only. */
	UKWD_UEP_RANGES_SOURCED = 0,
	/** Every stage's range, PROPOSED ones included, for a risk analysis
	 *  (ukwd/risk.h). Each task with a range then cites it: its citation
	 *  gains "; range O-M-P working days (TAG): REASON". */
	UKWD_UEP_RANGES_ALL = 1
} ukwd_uep_ranges;

/** The current version of #ukwd_uep_options; version 1 callers (without
 *  `stagger`) and version 2 callers (without `ranges`) are still
 *  accepted. */
#define UKWD_UEP_OPTIONS_VERSION 3

/** Options for ukwd_uep_build_plan(). */
typedef struct ukwd_uep_options {
	unsigned int version;  /**< #UKWD_UEP_OPTIONS_VERSION */
	ukwd_party_type party; /**< default domestic small supplier */
	/** The User Roles sought; default #UKWD_ROLE_IMPORT_SUPPLIER. A
	 *  small supplier cannot take the electricity-distributor or
	 *  gas-transporter role. */
	unsigned int roles;
	/** 1: the Party's Credit Cover Requirement exceeds the threshold, so
	 *  the Credit Cover stage is added; 0 (the default): it is not. */
	int credit_cover;
	const ukwd_uep_override *overrides; /**< may be NULL */
	size_t override_count;              /**< the number of `overrides` */
	/** Version 2. 1: the roles' UEPT test execution runs one role after
	 *  another, in role order; 0 (the default): side by side. */
	int stagger;
	/** Version 3. Which ranges become estimates; default
	 *  #UKWD_UEP_RANGES_SOURCED. */
	ukwd_uep_ranges ranges;
} ukwd_uep_options;

/** The defaults: a domestic small supplier seeking the Import Supplier
 *  role, without Credit Cover, roles tested side by side, sourced ranges
 *  only. */
#define UKWD_UEP_OPTIONS_INIT                                                  \
	{                                                                      \
		UKWD_UEP_OPTIONS_VERSION, UKWD_PARTY_DOMESTIC_SMALL_SUPPLIER,  \
		    UKWD_ROLE_IMPORT_SUPPLIER, 0, NULL, 0, 0,                  \
		    UKWD_UEP_RANGES_SOURCED                                    \
	}

/**
 * @brief Initialise options of the caller's version to the defaults of
 *        #UKWD_UEP_OPTIONS_INIT: pass #UKWD_UEP_OPTIONS_VERSION as the
 *        caller compiled it; only that version's members are written.
 * @return 0; #UKWD_EINVAL for NULL or an unknown version (nothing
 *         written).
 * @since 0.1
 */
UKWD_API int ukwd_uep_options_init(ukwd_uep_options *options,
                                   unsigned int version);

/**
 * @brief The User Entry Process as a plan, ready for ukwd_uep_schedule().
 *
 * One task per stage that applies; stages that are per role get one copy
 * per role sought, with ids "STAGE/ROLE" ("uept-notice/import-supplier")
 * and names that say the role. Each task's name is the stage's title, its
 * duration the catalogue's (or the override's, then tagged
 * #UKWD_SOURCE_USER, with the citation "N working days set by the user;
 * the catalogue has M (TAG: citation)"), its three-point estimate the
 * stage's range when ukwd_uep_options::ranges takes it (none for a
 * duration the user set), and its source the stage's tag, citation and
 * reference (#ukwd_source); each link's source is "TAG: citation". A
 * shared stage links to the copy of every role it applies to (the
 * privacy stages to the Other User's only). The last task is the
 * milestone "uep-complete", after each role's "dcc-user/ROLE". No
 * deadline is set: pass the mandate date (ukwd_uep_mandate_date()) as the
 * finish date to schedule backward.
 *
 * @param[out] out     the plan; the caller frees it.
 * @param[in]  options optional; NULL means #UKWD_UEP_OPTIONS_INIT.
 *                     Version 1, 2 and 3 structs are accepted.
 * @param[out] diag    optional; names an unknown stage or role in an
 *                     override, or a role the party cannot take.
 * @return 0; #UKWD_EINVAL for NULL @p out, an unknown options version,
 *         party, ranges value or role bit, no role, a role the party
 *         cannot take, a duration out of range or a role given for a
 *         shared stage;
 *         #UKWD_ENOTFOUND for an override naming no stage or role;
 *         #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_uep_build_plan(ukwd_plan **out,
                                 const ukwd_uep_options *options,
                                 ukwd_diag *diag);

/**
 * @brief Schedule a User Entry Process plan, fitting the stages stated in
 *        weeks to the calendar.
 *
 * The privacy booking lead is "at least 12 weeks" from the request to the
 * assessment date: a number of working days that depends on the bank
 * holidays those weeks hold. This schedules @p plan as ukwd_schedule_new()
 * does, sets each such stage's duration to the working days its dates
 * need (backward: the request on the latest day 12 weeks before the
 * assessment; forward: the assessment on the first working day 12 weeks
 * after the request), and schedules again. So the request milestone falls
 * on the day ukwd_notice_check() with the "privacy-booking" rule gives.
 * A stage whose duration the caller set (#UKWD_SOURCE_USER) keeps it. A
 * plan without such a stage is scheduled once, unchanged.
 *
 * @param[out] out     the schedule; the caller frees it (before @p plan).
 * @param[in,out] plan a plan from ukwd_uep_build_plan(); the durations of
 *                     stages stated in weeks may change.
 * @param[in]  cal, date, options, diag as for ukwd_schedule_new().
 * @return as ukwd_schedule_new(); #UKWD_ERANGE when the weeks reach
 *         outside the calendar.
 * @since 0.1
 */
UKWD_API int ukwd_uep_schedule(ukwd_schedule **out, ukwd_plan *plan,
                               const ukwd_calendar *cal, ukwd_date date,
                               const ukwd_schedule_options *options,
                               ukwd_diag *diag);

/**
 * A probabilistic branch of the User Entry Process: work that happens
 * only sometimes (a re-test cycle, a follow-up assessment), for a risk
 * analysis (#ukwd_risk_branch). Static, read-only data. The probability
 * and the duration are PROPOSED: no source gives either.
 */
typedef struct ukwd_uep_branch {
	const char *id;    /**< e.g. "srept-retest" */
	const char *title; /**< one line of English */
	/** The stage it lengthens (every role's copy of a per-role stage). */
	const char *stage;
	double probability;     /**< the chance of each cycle, 0 to 1 */
	int32_t duration;       /**< working days each cycle adds */
	uint32_t max_cycles;    /**< the most cycles */
	ukwd_source_tag source; /**< of the probability and duration */
	/** Why the branch exists (with its source) and why its figures are
	 *  ours. */
	const char *citation;
} ukwd_uep_branch;

/** @brief The number of branches in the catalogue. @since 0.1 */
UKWD_API size_t ukwd_uep_branch_count(void);

/** @brief A branch by position; NULL past the end. @since 0.1 */
UKWD_API const ukwd_uep_branch *ukwd_uep_branch_at(size_t index);

/**
 * @brief The catalogue's branches for a plan's tasks, ready for
 *        ukwd_risk_options::branches: one for each task whose id is a
 *        branch's stage, or a per-role copy of it ("STAGE/ROLE"), in
 *        catalogue order then task order. Each has the catalogue
 *        branch's id, figures, tag and citation (static strings); its
 *        task tells one role's copy from another.
 *
 * @param[out] out      room for @p capacity branches; may be NULL when
 *                      @p capacity is 0.
 * @param[in]  capacity the room in @p out.
 * @param[out] count    the number of branches the plan has.
 * @param[in]  plan     a plan from ukwd_uep_build_plan() (any plan: a
 *                      task counts by its id).
 * @return 0; #UKWD_EINVAL for a NULL @p count or @p plan, or NULL
 *         @p out with a capacity; #UKWD_EBUFS when @p capacity is below
 *         @p count (then @p out holds the first @p capacity).
 * @since 0.1
 */
UKWD_API int ukwd_uep_risk_branches(ukwd_risk_branch *out, size_t capacity,
                                    size_t *count, const ukwd_plan *plan);

/** An EUI-64 identifier (a User ID, say): eight octets, most significant
 *  first. A value struct. */
typedef struct ukwd_eui64 {
	uint8_t octet[8]; /**< the octets, most significant first */
} ukwd_eui64;

/** Buffer size for ukwd_eui64_format(): "XX-XX-XX-XX-XX-XX-XX-XX" and a
 *  NUL. */
#define UKWD_EUI64_STRLEN 24

/**
 * @brief Parse an EUI-64: "90-B3-D5-1F-30-01-00-00", the same with
 *        colons, or 16 hex digits "90B3D51F30010000"; either case.
 * @param[out] out  the identifier; unchanged on failure.
 * @param[in]  text NUL-terminated text, nothing before or after.
 * @param[out] diag optional; diag.column is the 1-based position of the
 *                  first character that is wrong.
 * @return 0; #UKWD_EINVAL for NULL; #UKWD_EPARSE for anything else.
 * @since 0.1
 */
UKWD_API int ukwd_eui64_parse(ukwd_eui64 *out, const char *text,
                              ukwd_diag *diag);

/**
 * @brief Write the canonical form, upper case with hyphens.
 * @return 0; #UKWD_EINVAL for NULL; #UKWD_EBUFS if @p size is below
 *         #UKWD_EUI64_STRLEN.
 * @since 0.1
 */
UKWD_API int ukwd_eui64_format(char *buf, size_t size, ukwd_eui64 id);

/**
 * @brief Is @p id within a Party's allocated range [@p first, @p last]
 *        (both inclusive, compared as 64-bit numbers)? The DCC will not
 *        accept an identifier outside the Party's allocation.
 * @return 1 inside, 0 outside (or @p last < @p first).
 * @since 0.1
 */
UKWD_API int ukwd_eui64_in_range(ukwd_eui64 id, ukwd_eui64 first,
                                 ukwd_eui64 last);

/**
 * @brief Is @p id all zeros or all ones? IEEE treats such values as
 *        null or unassigned (PROPOSED policy: not checked against the
 *        IEEE text); a caller may reject them.
 * @return 1 or 0.
 * @since 0.1
 */
UKWD_API int ukwd_eui64_is_null(ukwd_eui64 id);

/** @} */

UKWD_END_DECLS

#endif /* UKWD_UEP_H */

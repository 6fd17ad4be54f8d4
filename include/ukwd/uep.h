/**
 * @file ukwd/uep.h
 * @brief The SEC User Entry Process as data, and EUI-64 User IDs.
 *
 * A Party becomes a DCC User under the Smart Energy Code by going through
 * the User Entry Process: User ID allocation (SEC B2), Credit Cover (J3)
 * where its Credit Cover Requirement exceeds the Credit Cover Threshold,
 * the SMKI and Repository Entry Process Tests (SREPT, L7), the User Entry
 * Process Tests for each User Role sought (UEPT, H1 and H14), a User
 * Security Assessment (G3-G8) and, for the Other User role only, a Privacy
 * Assessment (I2); then evidence to SECAS and an information paper to the
 * Panel (H1.12).
 *
 * Each stage is a row of data with its indicative duration in working
 * days and where that figure comes from: #UKWD_SOURCE_SOURCED (a public
 * SECAS or DCC page, cited), #UKWD_SOURCE_CHECKLIST (SECAS's *SEC
 * Checklist for Small Suppliers* v1.3, December 2017) or
 * #UKWD_SOURCE_PROPOSED (libukwd's own default: no source gives one; it is
 * never an SEC rule). Most durations are PROPOSED. The dependencies are
 * our reading of the process and carry PROPOSED too, except the few a
 * source states (60 working days' notice before UEPT testing starts, the
 * order of the UEPT exit steps, evidence before the Panel paper).
 *
 * ukwd_uep_build_plan() turns the catalogue and options into a
 * #ukwd_plan for ukwd_schedule_new(). Each task's source text starts with
 * its tag ("PROPOSED", "CHECKLIST" or "SOURCED"), then ": ", the
 * citation, and "; SEC " and the reference; renderers use the tag to draw
 * our own figures differently.
 */
#ifndef UKWD_UEP_H
#define UKWD_UEP_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "error.h"
#include "date.h"
#include "notice.h"
#include "plan.h"

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

/** The seven SEC User Roles, as bits. */
#define UKWD_ROLE_IMPORT_SUPPLIER           0x01u
#define UKWD_ROLE_EXPORT_SUPPLIER           0x02u
#define UKWD_ROLE_GAS_SUPPLIER              0x04u
#define UKWD_ROLE_ELECTRICITY_DISTRIBUTOR   0x08u
#define UKWD_ROLE_GAS_TRANSPORTER           0x10u
#define UKWD_ROLE_REGISTERED_SUPPLIER_AGENT 0x20u
#define UKWD_ROLE_OTHER_USER                0x40u
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
 * @return 0; #UKWD_ENOTFOUND for #UKWD_PARTY_OTHER (no mandate);
 *         #UKWD_EINVAL for NULL or an unknown type.
 * @since 0.1
 */
UKWD_API int ukwd_uep_mandate_date(ukwd_date *out, ukwd_party_type party);

/** A stage of the User Entry Process: static, read-only data. */
typedef struct ukwd_uep_stage {
	const char *id;        /**< e.g. "uept-notice" */
	const char *title;     /**< one line of English */
	const char *reference; /**< SEC reference, e.g. "H14" */
	/** The duration a plan uses, in working days (0: a milestone). */
	int32_t duration;
	/** A range where the source gives one (FUSA fieldwork 3-10);
	 *  otherwise both equal `duration`. */
	int32_t optimistic, pessimistic;
	/** The figure as the source states it, in its own unit: for the
	 *  privacy booking lead, 12 #UKWD_UNIT_WEEKS (then `duration` is 60
	 *  working days, a conservative PROPOSED stand-in: 60 working days
	 *  always span at least 12 weeks). */
	int32_t stated_amount;
	ukwd_notice_unit stated_unit;
	ukwd_source source;   /**< where the duration comes from */
	const char *citation; /**< the source, or why it is PROPOSED */
	/** The User Roles the stage applies to (#UKWD_ROLE_ALL for all). */
	unsigned int roles;
	/** 1 when the stage is repeated for each User Role sought (UEPT). */
	int per_role;
	/** 1 when the stage is only needed with Credit Cover. */
	int credit_cover_only;
} ukwd_uep_stage;

/** @brief The number of stages in the catalogue. @since 0.1 */
UKWD_API size_t ukwd_uep_stage_count(void);

/** @brief A stage by position (catalogue order); NULL past the end.
 *  @since 0.1 */
UKWD_API const ukwd_uep_stage *ukwd_uep_stage_at(size_t index);

/** @brief A stage by id; NULL if unknown. @since 0.1 */
UKWD_API const ukwd_uep_stage *ukwd_uep_stage_find(const char *id);

/** A dependency between two stages: static, read-only data. */
typedef struct ukwd_uep_dependency {
	const char *predecessor, *successor; /**< stage ids */
	ukwd_link_type type;                 /**< FS, SS, FF or SF */
	int32_t lag;                         /**< working days */
	ukwd_source source;                  /**< mostly PROPOSED */
	const char *citation;
} ukwd_uep_dependency;

/** @brief The number of dependencies. @since 0.1 */
UKWD_API size_t ukwd_uep_dependency_count(void);

/** @brief A dependency by position; NULL past the end. @since 0.1 */
UKWD_API const ukwd_uep_dependency *ukwd_uep_dependency_at(size_t index);

/** A stage duration set by the caller instead of the catalogue's. */
typedef struct ukwd_uep_override {
	const char *stage_id; /**< a catalogue id (all roles' copies) */
	int32_t duration;     /**< working days, 0 or more */
} ukwd_uep_override;

#define UKWD_UEP_OPTIONS_VERSION 1

/** Options for ukwd_uep_build_plan(). */
typedef struct ukwd_uep_options {
	unsigned int version;  /**< #UKWD_UEP_OPTIONS_VERSION */
	ukwd_party_type party; /**< default domestic small supplier */
	unsigned int roles;    /**< default #UKWD_ROLE_IMPORT_SUPPLIER */
	int credit_cover;      /**< 1 (default): Credit Cover is needed */
	const ukwd_uep_override *overrides; /**< may be NULL */
	size_t override_count;
} ukwd_uep_options;

/** The defaults: a domestic small supplier seeking the Import Supplier
 *  role, without Credit Cover. */
#define UKWD_UEP_OPTIONS_INIT                                                  \
	{                                                                      \
		UKWD_UEP_OPTIONS_VERSION, UKWD_PARTY_DOMESTIC_SMALL_SUPPLIER,  \
		    UKWD_ROLE_IMPORT_SUPPLIER, 0, NULL, 0                      \
	}

/**
 * @brief The User Entry Process as a plan, ready for ukwd_schedule_new().
 *
 * One task per stage that applies; stages that are per role get one copy
 * per role sought, with ids "STAGE/ROLE" ("uept-notice/import-supplier")
 * and names that say the role. Each task's name is the stage's title, its
 * duration the catalogue's (or the override's, then tagged PROPOSED with
 * "set by the caller"), its three-point estimate the stage's range, and
 * its source "TAG: citation; SEC reference". The last task is the
 * milestone "uep-complete" (DCC User). No deadline is set: pass the
 * mandate date (ukwd_uep_mandate_date()) as the finish date to schedule
 * backward.
 *
 * @param[out] out     the plan; the caller frees it.
 * @param[in]  options optional; NULL means #UKWD_UEP_OPTIONS_INIT.
 * @param[out] diag    optional; names an unknown stage in an override.
 * @return 0; #UKWD_EINVAL for NULL @p out, bad options, no role or an
 *         unknown role bit, or a negative override; #UKWD_ENOTFOUND for an
 *         override naming no stage; #UKWD_ENOMEM.
 * @since 0.1
 */
UKWD_API int ukwd_uep_build_plan(ukwd_plan **out,
                                 const ukwd_uep_options *options,
                                 ukwd_diag *diag);

/** An EUI-64 identifier (a User ID, say): eight octets, most significant
 *  first. A value struct. */
typedef struct ukwd_eui64 {
	uint8_t octet[8];
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

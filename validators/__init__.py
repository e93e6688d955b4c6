"""The checks of ../shared/spec/DOMAIN.md ("Checks and flags"), as small named rules.

Only sees records from `models/`; never imports extractors, storage, pipeline or dags.
Typical use by the pipeline:

    procedure = manifest_procedure or infer_procedure(types) or UNKNOWN_PROCEDURE
    ctx = CheckContext(procedure, submitted_at, pieces,
                       job_rome_code=manifest.job_rome_code, work_postcode=manifest.work_postcode)
    assessment = assess(ctx, reading=reading_facts)  # models.reading.ReadingFacts
    # assessment.flags, .status, .labour_market_test, .checked_against

The administrator's tables (validators/data/, each overridable by an environment variable
and re-read when it changes): procedures.json, legal_amounts.json, shortage-occupations.csv,
regions.csv.
"""
from validators.assessment import Assessment, assess
from validators.certainty import CONFIDENCE_THRESHOLD, CORRECTED_CONFIDENCE, is_certain
from validators.checks import RULES, decide_status, run_checks
from validators.context import CheckContext
from validators.data_files import DataFileError
from validators.labour_market import LabourMarketDecision, labour_market_decision
from validators.legal_amounts import (
    INTERN_HOURLY_MINIMUM,
    LEGAL_AMOUNTS_FILE_ENV,
    SMIC_MONTHLY_35H,
    LegalAmounts,
    amount_in_force,
    load_legal_amounts,
)
from validators.procedure import (
    UNKNOWN_PROCEDURE,
    infer_procedure,
    procedure_undetermined_flag,
)
from validators.procedure_table import (
    PROCEDURES_FILE_ENV,
    ProcedureTable,
    Requirement,
    load_procedures,
)
from validators.reading import READING_CODES, reading_flags
from validators.shortage import (
    REGIONS_FILE_ENV,
    SHORTAGE_FILE_ENV,
    departement_of,
    load_regions,
    load_shortage_list,
)

__all__ = [
    "CONFIDENCE_THRESHOLD",
    "CORRECTED_CONFIDENCE",
    "INTERN_HOURLY_MINIMUM",
    "LEGAL_AMOUNTS_FILE_ENV",
    "PROCEDURES_FILE_ENV",
    "READING_CODES",
    "REGIONS_FILE_ENV",
    "RULES",
    "SHORTAGE_FILE_ENV",
    "SMIC_MONTHLY_35H",
    "UNKNOWN_PROCEDURE",
    "Assessment",
    "CheckContext",
    "DataFileError",
    "LabourMarketDecision",
    "LegalAmounts",
    "ProcedureTable",
    "Requirement",
    "amount_in_force",
    "assess",
    "decide_status",
    "departement_of",
    "infer_procedure",
    "is_certain",
    "labour_market_decision",
    "load_legal_amounts",
    "load_procedures",
    "load_regions",
    "load_shortage_list",
    "procedure_undetermined_flag",
    "reading_flags",
    "run_checks",
]

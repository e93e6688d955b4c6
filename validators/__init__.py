"""The checks of ../shared/spec/DOMAIN.md ("Checks and flags"), as small named rules.

Only sees records from `models/`; never imports extractors, storage, pipeline or dags.
Typical use by the pipeline:

    procedure = manifest_procedure or infer_procedure(types) or UNKNOWN_PROCEDURE
    flags = [procedure_undetermined_flag()] if procedure == UNKNOWN_PROCEDURE else []
    flags += run_checks(CheckContext(procedure, submitted_at, pieces))
    status = decide_status(reading_flags + flags)
"""
from validators.checks import RULES, decide_status, run_checks
from validators.context import CheckContext
from validators.data_files import DataFileError
from validators.legal_amounts import (
    INTERN_HOURLY_MINIMUM,
    SMIC_MONTHLY_35H,
    LegalAmounts,
    amount_in_force,
    load_legal_amounts,
)
from validators.procedure import UNKNOWN_PROCEDURE, infer_procedure, procedure_undetermined_flag
from validators.procedure_table import (
    PROCEDURES_FILE_ENV,
    ProcedureTable,
    Requirement,
    load_procedures,
)

__all__ = [
    "RULES", "run_checks", "decide_status", "CheckContext", "DataFileError",
    "INTERN_HOURLY_MINIMUM", "SMIC_MONTHLY_35H", "LegalAmounts", "amount_in_force",
    "load_legal_amounts", "UNKNOWN_PROCEDURE", "infer_procedure", "procedure_undetermined_flag", "PROCEDURES_FILE_ENV",
    "ProcedureTable", "Requirement", "load_procedures",
]

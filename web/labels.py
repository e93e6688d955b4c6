"""French wording of the codes the records use, for the interface (codes stay as they are
in the data; unknown codes show as themselves)."""
from __future__ import annotations

from enum import Enum

PIECE_TYPES = {
    "passport": "Passeport", "id_card": "Carte d'identité", "residence_permit": "Titre de séjour", "employment_contract": "Contrat de travail",
    "internship_agreement": "Convention de stage", "company_registration": "Extrait Kbis / SIRENE",
    "urssaf_certificate": "Attestation de vigilance URSSAF / MSA", "job_offer": "Offre d'emploi publiée",
    "applications_statement": "Bilan des candidatures", "payslip": "Bulletin de salaire",
    "diploma": "Diplôme", "cv": "CV", "other": "Autre document",
}
CHECKLIST = {"present": "Fournie", "missing": "Manquante", "not_required": "Non exigée"}
LABOUR_MARKET_OUTCOMES = {
    "applies": "Opposabilité de la situation de l'emploi : applicable",
    "exempt:shortage": "Dispensé : métier en tension dans la région",
    "exempt:graduate": "Dispensé : diplômé récent ou carte « recherche d'emploi », salaire ≥ 1,5 SMIC",
    "not_applicable": "Sans objet pour cette procédure",
}
PROCEDURES = {
    "introduction_salarie": "Introduction d'un salarié", "changement_statut": "Changement de statut",
    "renouvellement": "Renouvellement", "stage": "Stage", "unknown": "Indéterminée",
}
STATUSES = {
    "ready_for_review": "À instruire", "incomplete": "Incomplet", "failed": "En échec",
    "approved": "Approuvé", "rejected": "Rejeté", None: "En cours de traitement",
}
DECISIONS = {"approved": "Approuvé", "rejected": "Rejeté", "sent_back": "Renvoyé comme incomplet"}
SEVERITIES = {"blocking": "Bloquant", "warning": "Avertissement"}
FLAGS = {
    "missing_piece": "Pièce manquante", "procedure_undetermined": "Procédure indéterminée",
    "invalid_manifest": "Manifeste invalide", "unreadable_file": "Fichier illisible",
    "illegible_page": "Page illisible", "unclassified_piece": "Pièce non classée",
    "missing_field": "Champ non lu", "mrz_check_failed": "Bande MRZ incohérente",
    "document_expired": "Document expiré", "document_expires_early": "Document expirant trop tôt",
    "identity_mismatch": "Identités différentes", "invalid_siret": "SIRET ou SIREN invalide",
    "employer_mismatch": "Employeur différent", "registration_too_old": "Extrait d'immatriculation trop ancien",
    "salary_below_minimum": "Salaire sous le minimum", "internship_too_long": "Stage trop long",
    "gratification_below_minimum": "Gratification sous le minimum",
    "certificate_outdated": "Attestation URSSAF périmée", "certificate_not_employer": "Attestation URSSAF d'une autre entreprise",
    "offer_publication_insufficient": "Publication de l'offre insuffisante",
    "convention_sent_late": "Convention transmise trop tard", "renewal_outside_window": "Renouvellement hors délai",
    "exemption_to_confirm": "Dispense à confirmer", "check_inconclusive": "Contrôle non tranché",
}
# Legal amounts as the checks record them (checked_against.legal_amounts: "name@date").
LEGAL_AMOUNTS = {
    "smic_gross_monthly_35h": "SMIC brut mensuel pour 35 h",
    "intern_gratification_hourly_minimum": "Gratification horaire minimale des stagiaires",
}
FIELDS = {
    "document_number": "Numéro du document", "surname": "Nom", "given_names": "Prénoms",
    "nationality": "Nationalité", "date_of_birth": "Date de naissance", "sex": "Sexe",
    "expiry_date": "Date d'expiration", "issuing_state": "État émetteur", "permit_category": "Catégorie du titre",
    "employer_name": "Employeur", "employer_siret": "SIRET de l'employeur", "employee_surname": "Nom du salarié",
    "employee_given_names": "Prénoms du salarié", "job_title": "Emploi", "contract_type": "Type de contrat",
    "start_date": "Date de début", "end_date": "Date de fin", "weekly_hours": "Heures par semaine",
    "gross_monthly_salary": "Salaire mensuel brut (€)", "institution_name": "Établissement",
    "host_name": "Organisme d'accueil", "host_siret": "SIRET de l'organisme", "intern_surname": "Nom du stagiaire",
    "intern_given_names": "Prénoms du stagiaire", "monthly_gratification": "Gratification mensuelle (€)",
    "company_name": "Raison sociale", "siren": "SIREN", "extract_date": "Date de l'extrait",
    "period": "Période", "gross_salary": "Salaire brut (€)", "holder_surname": "Nom du titulaire",
    "holder_given_names": "Prénoms du titulaire", "title": "Intitulé", "award_date": "Date d'obtention",
    "issue_date": "Date de délivrance", "security_code": "Code de sécurité",
    "offer_reference": "Numéro de l'offre", "rome_code": "Code ROME", "published_from": "Publiée du",
    "published_to": "Publiée jusqu'au", "applications_received": "Candidatures reçues",
    "signed_on": "Signée le",
}
ACTIONS = {
    "dossier_registered": "Dossier enregistré", "run_started": "Traitement commencé",
    "run_completed": "Traitement terminé", "run_failed": "Traitement en échec",
    "run_abandoned": "Traitement abandonné", "field_corrected": "Champ corrigé",
    "piece_type_changed": "Type de pièce modifié", "review_decided": "Décision",
    "rerun_requested": "Retraitement demandé", "checks_rerun": "Contrôles relancés",
    "flag_overridden": "Contrôle écarté", "flag_restored": "Contrôle rétabli",
    "claim_taken": "Dossier pris en charge", "claim_released": "Dossier rendu aux autres agents",
}


def label(table: dict, code: object) -> str:
    code = code.value if isinstance(code, Enum) else code  # the records' enums label as their code
    return table.get(code, str(code) if code is not None else "—")

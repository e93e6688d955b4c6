"""French wording for the agents: piece and field names, dates, amounts."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from models.domain import PieceType
from models.records import PieceResult

# With the article, as used inside a sentence.
PIECE_LABEL: dict[PieceType, str] = {
    PieceType.passport: "le passeport",
    PieceType.id_card: "la carte d'identité",
    PieceType.residence_permit: "le titre de séjour",
    PieceType.employment_contract: "le contrat de travail",
    PieceType.internship_agreement: "la convention de stage",
    PieceType.company_registration: "l'extrait d'immatriculation (Kbis ou avis SIRENE)",
    PieceType.urssaf_certificate: "l'attestation de vigilance URSSAF (ou MSA)",
    PieceType.job_offer: "l'offre d'emploi publiée",
    PieceType.applications_statement: "l'attestation de l'employeur sur les candidatures reçues",
    PieceType.payslip: "le bulletin de salaire",
    PieceType.diploma: "le diplôme",
    PieceType.cv: "le CV",
    PieceType.other: "la pièce",
}

FIELD_LABEL: dict[str, str] = {
    "document_number": "numéro du document",
    "surname": "nom",
    "given_names": "prénoms",
    "nationality": "nationalité",
    "date_of_birth": "date de naissance",
    "sex": "sexe",
    "expiry_date": "date d'expiration",
    "issuing_state": "État de délivrance",
    "permit_category": "catégorie du titre",
    "employer_name": "nom de l'employeur",
    "employer_siret": "SIRET de l'employeur",
    "employee_surname": "nom du salarié",
    "employee_given_names": "prénoms du salarié",
    "job_title": "intitulé du poste",
    "contract_type": "type de contrat",
    "start_date": "date de début",
    "end_date": "date de fin",
    "weekly_hours": "durée hebdomadaire de travail",
    "gross_monthly_salary": "salaire brut mensuel",
    "institution_name": "établissement d'enseignement",
    "host_name": "organisme d'accueil",
    "host_siret": "SIRET de l'organisme d'accueil",
    "intern_surname": "nom du stagiaire",
    "intern_given_names": "prénoms du stagiaire",
    "monthly_gratification": "gratification mensuelle",
    "company_name": "dénomination de l'entreprise",
    "siren": "SIREN",
    "extract_date": "date de l'extrait",
    "period": "période de paie",
    "gross_salary": "salaire brut",
    "holder_surname": "nom du titulaire",
    "holder_given_names": "prénoms du titulaire",
    "title": "intitulé du diplôme",
    "award_date": "date de délivrance du diplôme",
    "issue_date": "date de délivrance",
    "security_code": "code de sécurité",
    "offer_reference": "numéro de l'offre",
    "rome_code": "code ROME",
    "published_from": "début de publication",
    "published_to": "fin de publication",
    "applications_received": "nombre de candidatures reçues",
    "signed_on": "date de signature",
}


def piece_label(piece: PieceResult) -> str:
    """E.g. "le contrat de travail (CDI_D_SOUZA.pdf)": the agent sees which file."""
    return f"{PIECE_LABEL[piece.type]} ({piece.source})"


def field_label(name: str) -> str:
    return FIELD_LABEL.get(name, name)


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def french_date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def french_euros(amount: Decimal) -> str:
    """E.g. Decimal("1823.03") -> "1 823,03 €", with no-break spaces so it never wraps."""
    grouped = f"{amount:,.2f}"  # "1,823.03"
    return grouped.replace(",", "\u00a0").replace(".", ",") + "\u00a0€"


def french_number(number: Decimal) -> str:
    """Hours and the like: "35", "37,5"."""
    text = f"{number.normalize():f}"
    return text.replace(".", ",")

"""Field extraction from pages built from invented texts (clean and OCR-like)."""
from __future__ import annotations

import pytest

from extractors.fields import (
    company_registration,
    diploma,
    employment_contract,
    internship_agreement,
    payslip,
)
from extractors.textfields import TextIndex, strip_legal_form
from models.document import Line, Page, Word
from models.domain import FIELDS, PieceType


def make_page(text: str, number: int = 1, confidence: float = 1.0) -> Page:
    """A page whose words get a box by their position: one line per text line."""
    lines = []
    rows = [row for row in text.strip("\n").split("\n")]
    for y, row in enumerate(rows):
        words = []
        x = 0.0
        for token in row.split():
            width = 0.012 * len(token)
            top = 0.02 + y * 0.02
            words.append(Word(text=token, bbox=(min(x, 0.99), min(top, 0.98), min(x + width, 1.0), min(top + 0.015, 1.0)),
                              confidence=confidence))
            x += width + 0.01
        if words:
            lines.append(Line(words=words))
    return Page(source="x.pdf", number=number, width=595, height=842,
                text_source="ocr" if confidence < 1 else "text_layer", lines=lines)


def check(extraction, piece_type: PieceType, expected: dict) -> None:
    assert set(extraction.fields) == set(FIELDS[piece_type])
    for name, value in expected.items():
        got = extraction.fields[name]
        if isinstance(value, float):
            assert got == pytest.approx(value, rel=0.01), name
        else:
            assert got == value, name
    for name, value in extraction.fields.items():
        if value is not None:
            assert 0 <= extraction.field_confidence[name] <= 1


# ---------------------------------------------------------------- employment contract

CONTRACT_NARRATIVE = """
CONTRAT DE TRAVAIL A DUREE DETERMINEE
Entre les soussignés :
La société ATELIERS MONTCALM, SARL au capital de 50 000 euros, immatriculée au RCS de Nantes
sous le numéro 441 555 123, SIRET 441 555 123 00018, représentée par Mme Odile Marchand, agissant en
qualité de gérante,
Et : Monsieur Tiago Miguel FERREIRA DA COSTA, né le 4 juin 1995 à Porto (Portugal),
Il a été convenu ce qui suit :
Article 1 - M. FERREIRA DA COSTA est engagé à compter du 1er septembre 2026 en qualité de Soudeur qualifié, niveau III.
Le contrat prendra fin le 28 février 2027.
Article 2 - Durée du travail : 39 heures par semaine.
Article 3 - Rémunération annuelle brute de 30 000 euros, versée en douze mensualités.
"""

CONTRACT_OCR = """
LUMEN SOLAIRE
CONTRAT DE TRAVAIL
Contrat a durée indéterminée - temps plein |
Entre LUMEN SOLAIRE, SAS, SIRET n° 5O3 210 987 00042, dont le siège est 4 rue des Lilas, 69003 Lyon,
représentée par M. Paul Girard (Président),
et Mme OKAFOR Chidinma Grace, née le 02/11/1998 à Enugu (Nigeria), ci-après « la salariée ».
Le présent contrat prend effet le 15/06/2026.
Poste | Technicienne de maintenance
Durée mensuelle : 151,67 heures
Salaire de base mensuel brut : 2 240,00 €
"""


def test_contract_narrative():
    ex = employment_contract.extract([make_page(CONTRACT_NARRATIVE)])
    check(ex, PieceType.employment_contract, {
        "employer_name": "ATELIERS MONTCALM", "employer_siret": "44155512300018",
        "employee_surname": "FERREIRA DA COSTA", "employee_given_names": "Tiago Miguel",
        "job_title": "Soudeur qualifié", "contract_type": "CDD", "start_date": "2026-09-01",
        "end_date": "2027-02-28", "weekly_hours": 39.0, "gross_monthly_salary": 2500.0,
    })
    assert ex.field_boxes["employer_siret"][0].page == 1


def test_contract_ocr_sections():
    ex = employment_contract.extract([make_page(CONTRACT_OCR, confidence=0.8)])
    check(ex, PieceType.employment_contract, {
        "employer_name": "LUMEN SOLAIRE", "employer_siret": "50321098700042",
        "employee_surname": "OKAFOR", "employee_given_names": "Chidinma Grace",
        "job_title": "Technicienne de maintenance", "contract_type": "CDI", "start_date": "2026-06-15",
        "end_date": None, "weekly_hours": 35.0, "gross_monthly_salary": 2240.0,
    })
    assert ex.field_confidence["employer_name"] <= 0.8


def test_contract_labelled_form_over_two_pages():
    page1 = make_page("""
CONTRAT DE TRAVAIL - CDD
Employeur : BOULANGERIE DU MOULIN EURL
SIRET : 812 345 678 00027
Nom : N'GUESSAN Prénom(s) : Aya Marie
Emploi : Vendeuse en boulangerie
""")
    page2 = make_page("""
Date de début : 03/08/2026
Date de fin : 02/02/2027
Horaire hebdomadaire : 28 heures
Taux horaire brut : 12,50 € de l'heure
""", number=2)
    ex = employment_contract.extract([page1, page2])
    check(ex, PieceType.employment_contract, {
        "employer_name": "BOULANGERIE DU MOULIN", "employer_siret": "81234567800027",
        "employee_surname": "N'GUESSAN", "employee_given_names": "Aya Marie",
        "job_title": "Vendeuse en boulangerie", "contract_type": "CDD",
        "start_date": "2026-08-03", "end_date": "2027-02-02", "weekly_hours": 28.0,
        "gross_monthly_salary": round(12.5 * 28 * 52 / 12, 2),
    })
    assert ex.field_boxes["start_date"][0].page == 2


def test_a_monthly_salary_beside_the_word_horaire_stays_monthly():
    """'pour l'horaire ci-dessus' is the schedule, not an hourly rate: 1 590 € a month, not
    1 590 € an hour times 110 hours a month (a first user's 174 868,20 €)."""
    page = make_page("""
CONTRAT DE TRAVAIL A DUREE INDETERMINEE
Article 5 - Horaire
L'horaire de travail du salarié est de 110 heures
mensuelles, selon la répartition affichée.
Article 6 - Rémunération
Le salarié percevra une rémunération mensuelle
brute de 1 590,00 € pour l'horaire ci-dessus. Les
heures supplémentaires seront payées au taux
majoré.
""")
    assert employment_contract.extract([page]).fields["gross_monthly_salary"] == 1590.0


# ---------------------------------------------------------------- internship agreement

INTERNSHIP_SECTIONS = """
Université de Bretagne Sud
CONVENTION DE STAGE
entre l'établissement d'enseignement, l'organisme d'accueil et le stagiaire
1 - L'ÉTABLISSEMENT D'ENSEIGNEMENT
Nom : Université de Bretagne Sud
Adresse : 27 rue Armand Guillemot, 56100 Lorient
2 - L'ORGANISME D'ACCUEIL
Nom : VERT HORIZON PAYSAGE SARL
N° SIRET : 398 765 432 00051
Représenté par : M. Louis Tanguy, gérant
3 - LE STAGIAIRE
Nom : NGUYEN   Prénom(s) : Thi Lan
Dates : du 06/04/2026 au 31/07/2026
Durée hebdomadaire de présence : 35 heures
Article 4 - Gratification
Le stagiaire percevra une gratification de 4,50 € par heure de stage.
"""

INTERNSHIP_NARRATIVE_OCR = """
CONVENTION DE STAGE
Entre l'Ecole Supérieure d'Agronomie de Rennes, ci-après l'établissement,
l'entreprise d'accueil : FROMAGERIE DES MONTS, SAS, siret 8O1 234 567 00019
et l'étudiante Mlle Sofia ALVES PEREIRA, née le 3 mai 2003.
Le stage se déroulera du 2 mars 2026 au 30 avril 2026, à raison de 30 h par semaine.
Le stage ne donne pas lieu à gratification : aucune gratification n'est versée.
"""


def test_internship_sections():
    ex = internship_agreement.extract([make_page(INTERNSHIP_SECTIONS)])
    check(ex, PieceType.internship_agreement, {
        "institution_name": "Université de Bretagne Sud", "host_name": "VERT HORIZON PAYSAGE",
        "host_siret": "39876543200051", "intern_surname": "NGUYEN", "intern_given_names": "Thi Lan",
        "start_date": "2026-04-06", "end_date": "2026-07-31", "weekly_hours": 35.0,
        "monthly_gratification": 682.5,
    })


def test_internship_narrative_without_gratification():
    ex = internship_agreement.extract([make_page(INTERNSHIP_NARRATIVE_OCR, confidence=0.7)])
    check(ex, PieceType.internship_agreement, {
        "host_name": "FROMAGERIE DES MONTS", "host_siret": "80123456700019",
        "intern_surname": "ALVES PEREIRA", "intern_given_names": "Sofia",
        "start_date": "2026-03-02", "end_date": "2026-04-30", "weekly_hours": 30.0,
        "monthly_gratification": 0.0,
    })
    assert "Agronomie" in (ex.fields["institution_name"] or "")


# ---------------------------------------------------------------- company registration

KBIS = """
Greffe du Tribunal de Commerce de Lille Métropole
Extrait Kbis
EXTRAIT D'IMMATRICULATION PRINCIPALE AU REGISTRE DU COMMERCE ET DES SOCIÉTÉS
à jour au 12 janvier 2026
Immatriculation au RCS, numéro 512 004 377 R.C.S. Lille Métropole
Date d'immatriculation 03/05/2011
Dénomination ou raison sociale L'ÉCHOPPE NUMÉRIQUE
Forme juridique Société à responsabilité limitée
"""

SIRENE_OCR = """
INSEE | Avis de situation au répertoire Sirene
À la date du 7 avril 2026, l'entreprise est inscrite au répertoire
Dénomination : TRANSPORTS ROCHEBRUNE S.A.S.
Identifiant SIREN : 6l0 223 984
Date de création de l'entreprise : 01/02/1999
"""


def test_kbis():
    ex = company_registration.extract([make_page(KBIS)])
    check(ex, PieceType.company_registration, {
        "company_name": "L'ÉCHOPPE NUMÉRIQUE", "siren": "512004377", "extract_date": "2026-01-12"})


def test_kbis_dated_by_its_title_across_a_line_break():
    # A Kbis typed in a word processor: the title itself dates the extract, its date on the
    # next line; the acts it cites carry later dates.
    text = """Greffe du Tribunal de Commerce d'EVRY
Extrait Kbis
EXTRAIT D'IMMATRICULATION AU REGISTRE DU COMMERCE ET DES SOCIETES au
07 Janvier 2014
IDENTIFICATION
Dénomination sociale CreatiJeux
Numéro d'immatriculation 482 717 006 R.C.S. EVRY
Date d'immatriculation 13/06/2005
Dépôt d'actes constitutifs N° 6187 du 28/05/2018
"""
    ex = company_registration.extract([make_page(text)])
    assert ex.fields["extract_date"] == "2014-01-07"


def test_sirene_notice_ocr():
    ex = company_registration.extract([make_page(SIRENE_OCR, confidence=0.75)])
    check(ex, PieceType.company_registration, {
        "company_name": "TRANSPORTS ROCHEBRUNE", "siren": "610223984", "extract_date": "2026-04-07"})


# ---------------------------------------------------------------- payslip

PAYSLIP = """
ATELIERS MONTCALM BULLETIN DE SALAIRE
SIRET : 441 555 123 00018 Période du 01/10/2026 au 31/10/2026
Matricule 0042 Monsieur FERREIRA DA COSTA Tiago
Salaire de base 169,00 14,7929 2 500,00
Total brut 2 500,00
Net à payer 1 950,00 €
"""

PAYSLIP_OCR = """
BULLETIN DE PAIE
Mois : 03/2026
Siret 5O321098700042
Salarié : Mme OKAFOR Chidinma
| SALAIRE BRUT | | 2240,00
NET PAYE : 1 744,10 €
"""


def test_payslip():
    ex = payslip.extract([make_page(PAYSLIP)])
    check(ex, PieceType.payslip, {"employer_siret": "44155512300018", "employee_surname": "FERREIRA DA COSTA",
                                  "period": "2026-10", "gross_salary": 2500.0})


def test_payslip_ocr():
    ex = payslip.extract([make_page(PAYSLIP_OCR, confidence=0.8)])
    check(ex, PieceType.payslip, {"employer_siret": "50321098700042", "employee_surname": "OKAFOR",
                                  "period": "2026-03", "gross_salary": 2240.0})


# ---------------------------------------------------------------- diploma

DIPLOMA = """
UNIVERSITÉ DE POITIERS
Vu le code de l'éducation, le président de l'université certifie que
Monsieur Karim BELKACEM
né le 12 juin 2000 à Oran (Algérie)
a obtenu le diplôme de
Licence professionnelle Métiers de l'électricité et de l'énergie
"""

DIPLOMA_OCR = """
INSTITUTE OF TECHNOLOGY MUMBAI |
This is to certify that the degree of
| BACHELOR OF SCIENCE IN APPLIED PHYSICS |
has been conferred upon / a été décerné à
Ms. Priya Lakshmi IYER
"""


def test_diploma():
    ex = diploma.extract([make_page(DIPLOMA)])
    check(ex, PieceType.diploma, {"holder_surname": "BELKACEM", "holder_given_names": "Karim",
                                  "title": "Licence professionnelle Métiers de l'électricité et de l'énergie"})


def test_diploma_ocr_english_and_labels():
    ex = diploma.extract([make_page(DIPLOMA_OCR, confidence=0.6)])
    assert ex.fields["title"] == "BACHELOR OF SCIENCE IN APPLIED PHYSICS"
    labelled = diploma.extract([make_page("""
ATTESTATION DE RÉUSSITE
Nom : DUBOIS-LEROY
Prénom : Margaux
Diplôme : Diplôme d'ingénieur en génie des procédés
""")])
    check(labelled, PieceType.diploma, {"holder_surname": "DUBOIS-LEROY", "holder_given_names": "Margaux",
                                        "title": "Diplôme d'ingénieur en génie des procédés"})


def test_a_diploma_parchment_is_conferred_the_day_it_is_signed():
    # A BTS parchment: no jury or delivery label, only where and when it was signed.
    parchment = diploma.extract([make_page("""
RÉPUBLIQUE FRANÇAISE
Académie de Rennes
Le recteur de l'académie confère le
BREVET DE TECHNICIEN SUPÉRIEUR
Services informatiques aux organisations
à Madame Inès EL FASSI
née le 3 février 2003 à Casablanca
Fait à Rennes, le 8 juillet 2024
Le recteur
""")])
    assert parchment.fields["award_date"] == "2024-07-08"
    # An attestation of a degree is signed the day it is written, not the day of the degree.
    attestation = diploma.extract([make_page("""
ATTESTATION DE RÉUSSITE
Le directeur atteste que Madame Inès EL FASSI
a obtenu le Brevet de technicien supérieur, session 2024.
Fait à Rennes, le 2 septembre 2024
""")])
    assert attestation.fields.get("award_date") is None


def test_convention_with_the_host_opening_its_part_and_dates_with_their_weekdays():
    # A school portal's convention: each party's part opens with its name, then its legal form
    # and SIRET on the same line; the period's dates carry their weekdays, in the present tense.
    ex = internship_agreement.extract([make_page("""
CONVENTION DE STAGE
L'ÉTABLISSEMENT D'ENSEIGNEMENT
Institut supérieur du commerce de Tours, 12 rue Nationale, 37000 Tours, représenté par sa directrice.
L'ORGANISME D'ACCUEIL
MENUISERIES DU VAL DE LOIRE, SARL, SIRET 41239985700021, 4 route de Blois, 41000 Blois, représentée par Paul MARTIN.
LE STAGIAIRE
Monsieur DIOP Cheikh, né le 02/02/2003.
Article 2 – Période
Le stage a lieu du mardi 3 mars 2026 au vendredi 28 août 2026.
""")])
    assert ex.fields["host_name"] == "MENUISERIES DU VAL DE LOIRE"
    assert (ex.fields["start_date"], ex.fields["end_date"]) == ("2026-03-03", "2026-08-28")


# ---------------------------------------------------------------- helpers

def test_strip_legal_form():
    assert strip_legal_form("NEXO CONSEIL SAS") == "NEXO CONSEIL"
    assert strip_legal_form("SARL Les Jardins d'Émile") == "Les Jardins d'Émile"
    assert strip_legal_form("La société ALPHA") == "ALPHA"
    assert strip_legal_form("SASSENAGE BOIS") == "SASSENAGE BOIS"


def test_boxes_union_the_words_of_a_value():
    index = TextIndex([make_page("SIRET : 441 555 123 00018")])
    boxes = index.boxes(8, len(index.text) - 1)
    assert len(boxes) == 1 and boxes[0].bbox[0] > 0.05


def test_empty_pages_give_all_fields_null():
    ex = employment_contract.extract([make_page("")])
    assert all(v is None for v in ex.fields.values())


def test_contract_parts_with_their_own_name_lines_and_unlabelled_gross():
    ex = employment_contract.extract([make_page("""
CONTRAT DE TRAVAIL À DURÉE INDÉTERMINÉE
L'EMPLOYEUR
Nom : CLINIQUE SAINT-ROCH SELARL
SIRET : 552 100 554 00011
LE SALARIÉ
Nom : AL-HASSAN Prénom : Omar
Fonction : Aide-soignant
L'intéressé percevra 2 050,00 € bruts par mois pour 35 heures hebdomadaires.
""")])
    check(ex, PieceType.employment_contract, {
        "employee_surname": "AL-HASSAN", "employee_given_names": "Omar", "job_title": "Aide-soignant",
        "contract_type": "CDI", "end_date": None, "weekly_hours": 35.0, "gross_monthly_salary": 2050.0})


def test_names_without_civility_and_periods_without_label():
    dip = diploma.extract([make_page("""
ÉCOLE NATIONALE SUPÉRIEURE DES MINES
Le diplôme de Master Sciences des matériaux
est décerné à
Lucía FERNÁNDEZ RUIZ
""")])
    assert (dip.fields["holder_surname"], dip.fields["holder_given_names"]) == ("FERNÁNDEZ RUIZ", "Lucía")
    assert dip.fields["title"] == "Master Sciences des matériaux"
    slip = payslip.extract([make_page("""
Bulletin de paie — Avril 2026 — payé le 30/04/2026
Salarié : KONÉ Ibrahim
Brut total 1 900,00
""")])
    assert slip.fields["period"] == "2026-04"
    assert slip.fields["employee_surname"] == "KONÉ"
    assert slip.fields["gross_salary"] == 1900.0


def test_internship_hours_as_a_bare_number():
    ex = internship_agreement.extract([make_page("""
CONVENTION DE STAGE
Nombre d'heures par semaine : 32
Période de stage : du 4 mai 2026 au 3 juillet 2026
Gratification mensuelle : 600 €
""")])
    assert ex.fields["weekly_hours"] == 32.0
    assert (ex.fields["start_date"], ex.fields["end_date"]) == ("2026-05-04", "2026-07-03")
    assert ex.fields["monthly_gratification"] == 600.0


# ---------------------------------------------------------------- row-rebuilt layouts
# Lines are rows of the page: a form's label and value sit on one line without a colon,
# and two-column headers merge.

AGREEMENT_FORM_ROWS = """
Université Côte d'Azur
CONVENTION DE STAGE
entre l'établissement d'enseignement, l'organisme d'accueil et le stagiaire
Établissement d'enseignement Université Côte d'Azur
Organisme d'accueil VERDANE LOGISTIQUE (SAS)
N° SIRET de l'organisme 732 829 320 00074
Stagiaire OKAFOR Chiamaka Grace
Période du 02/03/2026 au 31/07/2026
Durée hebdomadaire 35 heures
Le stagiaire perçoit une gratification mensuelle de 682,50 €.
L'établissement L'organisme d'accueil Le stagiaire
"""

AGREEMENT_NUMBERED_PARTS = """
CONVENTION DE STAGE
1 L'ÉTABLISSEMENT D'ENSEIGNEMENT
Nom Institut Supérieur du Littoral
2 – L'ORGANISME D'ACCUEIL
Nom ATELIERS DU LITTORAL
Forme SARL
SIRET 732 829 320 00074
Tuteur Hélène MERCIER
3 LE/LA STAGIAIRE
Nom : ÖZTÜRK Prénoms) : Elif Su
Article 2 – Dates
Le stage se déroule du 24/07/2026 au 03/09/2026.
"""


def test_internship_form_rows_without_colons():
    ex = internship_agreement.extract([make_page(AGREEMENT_FORM_ROWS)])
    check(ex, PieceType.internship_agreement, {
        "institution_name": "Université Côte d'Azur", "host_name": "VERDANE LOGISTIQUE",
        "host_siret": "73282932000074", "intern_surname": "OKAFOR", "intern_given_names": "Chiamaka Grace",
        "start_date": "2026-03-02", "end_date": "2026-07-31", "monthly_gratification": 682.5})


def test_internship_numbered_parts_and_ocr_label_noise():
    ex = internship_agreement.extract([make_page(AGREEMENT_NUMBERED_PARTS, confidence=0.8)])
    check(ex, PieceType.internship_agreement, {
        "institution_name": "Institut Supérieur du Littoral", "host_name": "ATELIERS DU LITTORAL",
        "intern_surname": "ÖZTÜRK", "intern_given_names": "Elif Su"})


def test_internship_host_never_a_role_or_a_sentence():
    ex = internship_agreement.extract([make_page("""
CONVENTION DE STAGE
entre l'établissement d'enseignement, l'organisme d'accueil et le stagiaire
Fait en trois exemplaires.
Pour l'organisme d'accueil Le stagiaire
""")])
    assert ex.fields["host_name"] is None


CONTRACT_REPRESENTATIVE_CAPACITY = """
CONTRAT DE TRAVAIL
Contrat à durée indéterminée (CDI)
La société SOCIÉTÉ NOUVELLE DU VERCORS, SAS au capital de 5 000,00 €, immatriculée sous le numéro SIRET 732
829 320 00074, représentée par Isabelle GIRARD
en qualité de gérant(e), ci-après « l'Employeur »,
ET Madame DIOP Awa, née le 18/04/2000 à Dakar, ci-après « le Salarié ».
Article 2 – Fonctions
Le Salarié est engagé en qualité de Technicien de maintenance. Il exercera ses fonctions au siège.
Article 5 – Rémunération
le Salarié percevra une rémunération annuelle brute de 30
800,00 €, versée en douze mensualités.
"""


def test_contract_job_is_the_employees_not_the_representatives():
    ex = employment_contract.extract([make_page(CONTRACT_REPRESENTATIVE_CAPACITY)])
    check(ex, PieceType.employment_contract, {
        "employer_name": "SOCIÉTÉ NOUVELLE DU VERCORS", "employer_siret": "73282932000074",
        "job_title": "Technicien de maintenance", "employee_surname": "DIOP", "employee_given_names": "Awa",
        "gross_monthly_salary": round(30800 / 12, 2)})


def test_english_diploma_holder_on_its_own_line():
    ex = diploma.extract([make_page("""
NATIONAL UNIVERSITY OF TECHNOLOGY
This is to certify that
Xiao Hong LIU
born on 18/04/2001
having fulfilled the requirements, has been awarded the degree of
Bachelor of Technology in Mechanical Engineering
""", confidence=0.8)])
    check(ex, PieceType.diploma, {"holder_surname": "LIU", "holder_given_names": "Xiao Hong",
                                  "title": "Bachelor of Technology in Mechanical Engineering"})


def test_diploma_holder_left_unread_when_ocr_garbled_it():
    ex = diploma.extract([make_page("""
Vu le code de l'éducation, le diplôme de
Master Chimie analytique
est décerné à
V'arie- _aure KOUASS
né(e) le 30/08/1996 à Bouaké
""", confidence=0.5)])
    assert ex.fields["holder_surname"] is None and ex.fields["holder_given_names"] is None
    assert ex.fields["title"] == "Master Chimie analytique"


def test_kbis_name_never_another_rows_label():
    ex = company_registration.extract([make_page("""
EXTRAIT KBIS
Immatriculation au RCS, numéro 732 829 320 R.C.S. Lyon
Dénomination ou raison sociale
Forme juridique Société par actions simplifiée
À jour au 02/03/2026
""")])
    assert ex.fields["company_name"] is None and ex.fields["siren"] == "732829320"


def test_payslip_gross_from_contribution_bases_when_its_row_is_garbled():
    ex = payslip.extract([make_page("""
BRASSERIE DU PORT BULLETIN DE PAIE
SIRET : 732 829 320 00074 Période : décembre 2025
Matricule : 00569 M. BEN ALI Aymen
SA1AIRE 8RUT 2O77,5E
Sécurité sociale maladie 2 077,53 145,43
Retraite Sécurité sociale plafonnée 2 077,53 6,90 143,35
Assurance chômage 2 077,53 84,14
CSG déductible 2 041,17 6,80 138,80
""", confidence=0.7)])
    check(ex, PieceType.payslip, {"gross_salary": 2077.53, "period": "2025-12", "employee_surname": "BEN ALI"})


def test_strip_legal_form_keeps_societe_as_a_word_of_the_name():
    assert strip_legal_form("SOCIÉTÉ NOUVELLE DU VERCORS SAS") == "SOCIÉTÉ NOUVELLE DU VERCORS"
    assert strip_legal_form("la société ALPHA") == "ALPHA"


def test_diploma_names_no_holder_from_the_words_it_delivers():
    # "DÉLIVRE LE DIPLÔME" reads like a capitalised name after a delivery verb; the holder
    # comes later, surname first and without civility, in a parchment laid out unlike the
    # generator's.
    ex = diploma.extract([make_page("""ÉCOLE NATIONALE SUPÉRIEURE DES MINES
Le Directeur général, vu l'avis du conseil des études ; DÉLIVRE LE DIPLÔME
d'ingénieur, spécialité génie des procédés
au titre de l'année 2024
à
NGUYEN Tuan Anh
né le 3 mars 2000 à Hanoï""")])
    assert (ex.fields["holder_surname"], ex.fields["holder_given_names"]) == ("NGUYEN", "Tuan Anh")

"""Papers handed on by a third party, and grids whose header row names the people: a compliance platform's sheet before
the attestation it certifies, a school's summary sheet before the agreement, an amendment moving the dates, a payroll
grid under "Salarié | Employeur". The document's own values are read, never the cover's or another party's. Written
from how such papers are worded, in wordings and layouts no generator family uses."""
from __future__ import annotations

from extractors.classify import score_page
from extractors.fields import internship_agreement, payslip, urssaf_certificate
from extractors.split import split_pages
from extractors.value_shapes import company_value
from tests.test_parties_layouts import layout_page, prose_page


def test_a_payslips_employee_in_the_cell_under_its_column_heading() -> None:
    # the address set solid under the name; the employer's cell beside it on the same row
    beside = layout_page([[(0.05, "BULLETIN DE PAIE"), (0.70, "Mois : juin 2026")],
                          [(0.05, "Salarié"), (0.40, "Employeur")],
                          [(0.05, "Mme OUEDRAOGO Awa Nadège"), (0.40, "TRANSPORTS MERLIN SAS")],
                          [(0.05, "4 allée des Tilleuls"), (0.40, "SIRET 552 100 554 00017")],
                          [(0.05, "Salaire brut"), (0.70, "2 210,00")]])
    # a narrow payroll-number column run into the name's cell
    glued = layout_page([[(0.05, "BULLETIN DE SALAIRE DE JUIN 2026")],
                         [(0.05, "Matricule"), (0.20, "Employé(e)"), (0.45, "Emploi"), (0.70, "Entrée")],
                         [(0.05, "004417 NGUYEN Van Minh"), (0.45, "Soudeur"), (0.70, "02/01/2025")],
                         [(0.05, "Salaire brut"), (0.70, "2 480,00")]])
    assert payslip.extract([beside]).fields["employee_surname"] == "OUEDRAOGO"
    assert payslip.extract([glued]).fields["employee_surname"] == "NGUYEN"


def test_a_platforms_sheet_before_the_attestation_names_the_client_too() -> None:
    cover = layout_page([[(0.05, "CERTIFICAT DE CONFORMITÉ – PLATEFORME SOUSTRAITANCE+")],
                         [(0.05, "Client"), (0.40, "Fournisseur")],
                         [(0.05, "HÔPITAL PRIVÉ DU LAC"), (0.40, "MAÇONNERIE DUVAL")],
                         [(0.05, "SIREN du client"), (0.40, "SIREN")],
                         [(0.05, "318 455 902"), (0.40, "790 312 568")],
                         [(0.05, "N° de document : SP-2026-044871")],
                         [(0.05, "Attestation de vigilance déposée le 03/03/2026, vérifiée le 04/03/2026")]])
    attestation = layout_page([[(0.05, "SP-2026 – Document n° SP-2026-044871 – page transmise")],
                               [(0.30, "ATTESTATION DE VIGILANCE")],
                               [(0.05, "Raison sociale :"), (0.30, "MAÇONNERIE DUVAL")],
                               [(0.05, "N° SIREN :"), (0.30, "790 312 568")],
                               [(0.05, "Délivrée le 28/02/2026")],
                               [(0.05, "Code de sécurité : 7HQ2MX4PLK9W3RT")]])
    pages = [cover, attestation]
    assert split_pages(pages, [score_page(p) for p in pages]) == [[0, 1]]
    assert urssaf_certificate.extract(pages).fields["siren"] == "790312568"
    # the client's block first, under the same plain "SIREN" label: the attestation's own identification wins
    client_first = prose_page("Demande du donneur d'ordre\nDonneur d'ordre : HÔPITAL PRIVÉ DU LAC\nSIREN : 318 455 902\n"
                              "ATTESTATION DE VIGILANCE\nRaison sociale : MAÇONNERIE DUVAL\nSIREN : 790 312 568\n"
                              "Délivrée le 28/02/2026")
    assert urssaf_certificate.extract([client_first]).fields["siren"] == "790312568"


def test_a_school_summary_sheet_then_the_agreement_and_its_amendment() -> None:
    summary = prose_page("FICHE DE SYNTHÈSE DU STAGE\nÉTABLISSEMENT\nRéférent pédagogique : M. Paul ROCHE\n"
                         "Service des stages : stages@esc-exemple.fr")
    agreement = prose_page(
        "CONVENTION DE STAGE\nENTRE\nL'établissement d'enseignement supérieur :\n"
        "Institut Polytechnique de Bretagne – École d'ingénieurs en agroalimentaire – Campus de Quimper, représenté par "
        "Mme Anne GUEN, ci-après « l'établissement »,\nET\nL'organisme d'accueil :\nCONSERVERIE DE LA POINTE, SAS, "
        "SIRET 414 875 512 00021, ci-après « l'organisme d'accueil »,\nET\nL'étudiant stagiaire :\n"
        "Monsieur Kofi MENSAH, né le 03/05/2003, ci-après « le stagiaire ».\n"
        "Article 3 – Le stage se déroulera du 02/03/2026 au 30/06/2026, 35 heures par semaine.\n"
        "Article 5 – Le montant de la gratification est fixé à 4,50 € par\nheure de stage effectuée.")
    amendment = prose_page("AVENANT N° 1\nLes dates du stage, initialement prévues du 02/03/2026 au 30/06/2026, sont "
                           "reportées du 16/03/2026 au 14/07/2026.")
    fields = internship_agreement.extract([summary, agreement, amendment]).fields
    assert fields["institution_name"] == "Institut Polytechnique de Bretagne"
    assert (fields["intern_surname"], fields["intern_given_names"]) == ("MENSAH", "Kofi")
    assert (fields["start_date"], fields["end_date"]) == ("2026-03-16", "2026-07-14")
    assert fields["monthly_gratification"] == 682.5  # 4,50 € an hour for 35 hours a week
    # without the amendment, the agreement's own dates
    fields = internship_agreement.extract([summary, agreement]).fields
    assert (fields["start_date"], fields["end_date"]) == ("2026-03-02", "2026-06-30")


def test_a_long_name_of_a_school_with_dashes_is_still_a_name() -> None:
    assert company_value("Université Côte d'Opale – IAE – École universitaire de")
    assert company_value("ATTESTATION DE VIGILANCE DÉLIVRÉE À LA SOCIÉTÉ DES TRANSPORTS DU LITTORAL NORD ET SUD") is None


def test_an_internship_agreement_in_english_is_one_and_a_cv_naming_a_traineeship_stays_a_cv() -> None:
    from extractors.classify import classify_pages
    from models.domain import PieceType

    agreement = prose_page("UNIVERSIDADE DO PORTO – Faculty of Engineering\nTRAINING AGREEMENT\n"
                           "Sending institution: Universidade do Porto\nReceiving organisation: ATELIERS DU RHÔNE SAS, "
                           "Lyon (France)\nTrainee: Inês SOUSA, born 04/02/2002\nThe trainee will carry out a "
                           "traineeship from 01/03/2026 to 31/07/2026, 35 hours per week.\nMonthly allowance paid by "
                           "the receiving organisation: 650 EUR.\nSignatures: the trainee, the sending institution, "
                           "the receiving organisation")
    assert classify_pages([agreement])[0] == PieceType.internship_agreement
    cv = prose_page("CURRICULUM VITAE\nInês SOUSA\nExpérience professionnelle\n2024 – Trainee engineer (traineeship, 6 "
                    "months), ATELIERS DU RHÔNE, Lyon\n2022 – Stage ouvrier, Porto\nFormation\n2020-2025 Mestrado em "
                    "Engenharia Mecânica, Universidade do Porto\nCompétences\nLangues : portugais, anglais, français\n"
                    "Centres d'intérêt : voile, photographie")
    assert classify_pages([cv])[0] == PieceType.cv


# A notary's certificate over the notarised translation of a degree (here a Vietnamese notary's, in English): the
# notary's number heads every page; the applicant's passport number makes the cover no passport.
NOTARY_COVER = """
CERTIFIED TRANSLATION – NOTARIAL CERTIFICATE
No. 2211/2025/CT-SCBS
Applicant: Tran Thi MAI, female, born on 02 March 1996, Passport No.: C4471029
I, Nguyen Van Hung, notary of Hanoi Notary Office No. 3, certify that the attached translation of the Bachelor
Diploma is true to the original.
Hanoi, 14 May 2025
"""
NOTARISED_TRANSLATION = """
No. 2211/2025/CT-SCBS
TRANSLATION
HANOI UNIVERSITY OF SCIENCE AND TECHNOLOGY
Name: Tran Thi MAI
Date of birth: 02/03/1996
The above-named graduate has completed the engineering program and was awarded the degree of
Engineer in Mechatronics
Rector
Nguyen Dinh Duc
20 July 2019
"""
GRADES = """
No. 2211/2025/CT-SCBS
TRANSCRIPT OF RECORDS
Student Tran Thi MAI, female, born on 02 March 1996
Mechanics 1   8.5   Control systems   9.0
Date of the last examination: 28 June 2019
"""


def test_a_notarised_translation_is_one_diploma_read_on_its_translation() -> None:
    from extractors.classify import classify_pages
    from extractors.fields import diploma
    from models.domain import PieceType

    pages = [prose_page(NOTARY_COVER), prose_page(NOTARISED_TRANSLATION), prose_page(GRADES)]
    assert classify_pages(pages[:1])[0] != PieceType.passport  # a passport number mentioned, no passport
    assert split_pages(pages, [score_page(p) for p in pages]) == [[0, 1, 2]]
    assert classify_pages(pages)[0] == PieceType.diploma
    fields = diploma.extract(pages).fields
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("MAI", "Tran Thi")
    assert fields["award_date"] == "2019-07-20"  # past the rector's name; never the notary's day nor a birth
    # the holder named in a sentence before the birth, the role before the name left out
    fields = diploma.extract([prose_page(GRADES.replace("TRANSCRIPT OF RECORDS", "DEGREE CERTIFICATE"))]).fields
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("MAI", "Tran Thi")


def test_a_numbered_heading_ties_pages_but_a_company_number_does_not() -> None:
    first = prose_page("SIRET 552 100 554 00017 – TRANSPORTS MERLIN\nBULLETIN DE PAIE\nPériode : mai 2026\n"
                       "Salarié : OUEDRAOGO Awa\nSalaire brut 2 210,00")
    second = prose_page("SIRET 552 100 554 00017 – TRANSPORTS MERLIN\nBULLETIN DE PAIE\nPériode : juin 2026\n"
                        "Salarié : OUEDRAOGO Awa\nSalaire brut 2 230,00")
    assert split_pages([first, second], [score_page(p) for p in (first, second)]) == [[0], [1]]


def test_a_traineeship_agreement_in_english_is_read() -> None:
    agreement = layout_page([
        [(0.05, "LEARNING AGREEMENT FOR TRAINEESHIPS")],
        [(0.05, "Student's name: Kofi MENSAH")],
        [(0.05, "2. THE RECEIVING ORGANISATION")],
        [(0.05, "Name"), (0.30, "ATELIERS DU RHÔNE (SAS)")],
        [(0.05, "SIRET"), (0.30, "414 875 512 00021")],
        [(0.05, "3. TRAINEESHIP PROGRAMME")],
        [(0.05, "Planned period: from 02/03/2026 till 31/07/2026")],
        [(0.05, "Working time: 35 hours per week")],
        [(0.05, "Financial support by the receiving organisation: amount (EUR/month): 650,00")]])
    fields = internship_agreement.extract([agreement]).fields
    assert (fields["intern_surname"], fields["intern_given_names"]) == ("MENSAH", "Kofi")
    assert fields["host_name"] == "ATELIERS DU RHÔNE"
    assert (fields["start_date"], fields["end_date"]) == ("2026-03-02", "2026-07-31")
    assert (fields["weekly_hours"], fields["monthly_gratification"]) == (35, 650.0)
    unpaid = prose_page("TRAINING AGREEMENT\nThe trainee will receive a financial support for his traineeship: "
                        "[ ] Yes [X] No\nThe Erasmus+ grant of the sending institution: 600,00 € per month")
    assert internship_agreement.extract([unpaid]).fields["monthly_gratification"] == 0.0
    french = prose_page("CONVENTION DE STAGE\nGratification versée par l'organisme d'accueil : Néant")
    assert internship_agreement.extract([french]).fields["monthly_gratification"] == 0.0


def test_a_bilingual_agreement_repeats_its_dates_and_wraps_its_labels() -> None:
    page = prose_page("CONVENTION DE STAGE / INTERNSHIP AGREEMENT\n1. ÉTABLISSEMENT / Institution\n"
                      "Nom\tInstitut National des Sciences Appliquées de Rouen\nName\n"
                      "Date de début\t2 mars 2026 / 2 March 2026\nDate de fin\t31 juillet 2026 / 31 July 2026\n"
                      "Coordinateur(rice) de\tJeanne DURAND\nl'établissement\nInstitution's coordinator")
    fields = internship_agreement.extract([page]).fields
    # the same day in the other language is no end of the period
    assert (fields["start_date"], fields["end_date"]) == ("2026-03-02", "2026-07-31")
    # "l'établissement" ending a wrapped label is no heading of the school's part
    assert fields["institution_name"] == "Institut National des Sciences Appliquées de Rouen"

"""The v2 pieces (URSSAF certificate, job offer, applications statement, identity card,
a diploma's award date) on pages written here, in wordings and layouts of their own:
forms and prose, labels beside or above their values, several issuers. All names,
numbers and codes are invented."""
from __future__ import annotations

import datetime as dt

import pytest

from extractors import mrz
from extractors.classify import classify_pages, score_page
from extractors.extract import extract_fields
from extractors.number_words import find_number_words, words_value
from extractors.split import split_pages
from models import Line, Page, PieceType, Word
from tests.card_mrz_builders import french_card, td2
from tests.mrz_builders import td1


def page(text: str, number: int = 1, confidence: float = 1.0, mrz_lines: list[str] | None = None,
         low: tuple[str, ...] = ()) -> Page:
    """One line of words per text line, spread down the page; words listed in `low`
    get an uncertain OCR confidence."""
    rows = [r for r in text.strip("\n").split("\n")]
    lines = []
    for i, row in enumerate(rows):
        y = 0.03 + min(0.9 / max(len(rows), 1), 0.022) * i  # lines about 1.8 heights apart
        x, words = 0.05, []
        for token in row.split():
            width = 0.012 * len(token)
            conf = 0.45 if token in low else confidence
            words.append(Word(text=token, bbox=(x, y, min(x + width, 1.0), y + 0.012), confidence=conf))
            x = min(x + width + 0.01, 0.98)
        if words:
            lines.append(Line(words=words))
    extra = {"mrz": "\n".join(mrz_lines)} if mrz_lines else {}
    return Page(source="piece.pdf", number=number, width=1000, height=1414,
                text_source="ocr" if confidence < 1 or low else "text_layer", lines=lines, extra_text=extra)


def read(piece_type: PieceType, *texts: str, **kw):
    pages = [page(t, i + 1, **kw) for i, t in enumerate(texts)]
    assert classify_pages(pages)[0] == piece_type
    return extract_fields(piece_type, pages)


# ---------------------------------------------------------------- URSSAF / MSA certificates

MSA_FORM = """
MUTUALITÉ SOCIALE AGRICOLE — MSA Beauce Cœur de Loire
ATTESTATION DE VIGILANCE
(articles L. 8222-1 et D. 8222-5 du code du travail)
Nom de l'exploitation : VERGERS DE LA SAULAIE
Forme juridique : EARL
N° SIRET : 512 345 678 00021
N° de cotisant : 45 1234 5678 9012
Situation arrêtée au : 28/02/2026
Date de délivrance : 12 mars 2026
Code de sécurité : ABCDE 12345 FGH6J
L'exploitant est à jour de ses obligations déclaratives et de paiement des cotisations.
"""

CGSS_LETTER = """
Caisse Générale de Sécurité Sociale de la Martinique
Fort-de-France, le 3 février 2026
Objet : votre attestation de vigilance
La Caisse Générale de Sécurité Sociale certifie que la société KARUKERA LOGISTIQUE SAS,
SIREN 412 345 671, est à jour de ses cotisations et contributions sociales
au 31 janvier 2026 pour la période de référence de décembre 2025.
Numéro de compte : 972 000 123 456 789 012
Le code ci-dessous permet de vérifier l'authenticité de cette attestation.
Code de sécurité
7QW2E9RT4YU8IP3
Pour le directeur, le responsable du recouvrement
"""

# A table read by OCR: each label above its value, a SIRET-bearing footer.
URSSAF_TABLE = """
urssaf Île-de-France
ATTESTATION DE VIGILANCE
Dénomination
ATELIERS DUMAS-LEROY
SIREN
790 123 458
Période de référence
janvier 2026
Attestation éditée le
05/02/2026
Code de sécurité
K7M3P-9XQ2T-4LB8W
Siège : 10 rue Oberkampf 75011 Paris — SIRET 790 123 458 00037
"""

# A letter naming the company only in its address block.
URSSAF_ADDRESSED = """
Urssaf Aquitaine
Direction du recouvrement
BOULANGERIE FOURNIL D'OR SARL
14 chemin des Vignes 33000 Bordeaux
Bordeaux, le 9 avril 2026
Vos références : compte cotisant n° 727 000 118 345 220 118 — SIREN 533 712 904
Objet : attestation de vigilance
Madame, Monsieur,
Nous certifions que l'entreprise désignée ci-dessus est à jour de ses cotisations,
au vu de la situation arrêtée au 31/03/2026.
Code de sécurité : 4RT7Y 2ZX9Q 8MP3L
"""


def test_msa_form_with_siret_only_and_grouped_code() -> None:
    e = read(PieceType.urssaf_certificate, MSA_FORM)
    assert e.fields == {"company_name": "VERGERS DE LA SAULAIE", "siren": "512345678",
                        "issue_date": "2026-03-12", "security_code": "ABCDE 12345 FGH6J"}
    # Nine digits cut from a SIRET are less sure than a SIREN printed as such.
    assert e.field_confidence["siren"] < e.field_confidence["issue_date"]


def test_cgss_letter_dated_in_its_heading_code_below_its_label() -> None:
    e = read(PieceType.urssaf_certificate, CGSS_LETTER)
    assert e.fields == {"company_name": "KARUKERA LOGISTIQUE", "siren": "412345671",
                        "issue_date": "2026-02-03", "security_code": "7QW2E9RT4YU8IP3"}


def test_letter_naming_the_company_in_its_address_block() -> None:
    e = read(PieceType.urssaf_certificate, URSSAF_ADDRESSED)
    assert e.fields == {"company_name": "BOULANGERIE FOURNIL D'OR", "siren": "533712904",
                        "issue_date": "2026-04-09", "security_code": "4RT7Y 2ZX9Q 8MP3L"}


def test_table_with_values_below_labels() -> None:
    e = read(PieceType.urssaf_certificate, URSSAF_TABLE, confidence=0.93)
    assert e.fields["company_name"] == "ATELIERS DUMAS-LEROY"
    assert e.fields["siren"] == "790123458"
    assert e.fields["issue_date"] == "2026-02-05"
    assert e.fields["security_code"].replace("-", "").replace(" ", "") == "K7M3P9XQ2T4LB8W"


def test_uncertain_ocr_words_lower_the_field_confidence() -> None:
    sure = read(PieceType.urssaf_certificate, URSSAF_TABLE, confidence=0.95)
    # One doubtful group of digits is enough to make the number doubtful.
    doubtful = read(PieceType.urssaf_certificate, URSSAF_TABLE, confidence=0.95, low=("123",))
    assert doubtful.fields["siren"] == sure.fields["siren"]
    assert doubtful.field_confidence["siren"] < 0.7 <= sure.field_confidence["siren"]


# ---------------------------------------------------------------- job offers

APEC_PAGE = """
apec.fr — Offres d'emploi cadres
Chef de projet data (H/F)
NEOVIA ANALYTICS
Réf. Apec : 178234561W
Réf. Société : DATA-2026-04
Mise en ligne le 02/03/2026
Actualisée le 15/03/2026
Fin de diffusion le 30/04/2026
Code ROME : M1403
Lieu : Bordeaux (33)
Profil recherché : cinq ans d'expérience en pilotage de projets.
"""

RECRUITER_SPACE = """
France Travail — Mon espace recruteur
Détail de l'offre
N° de l'offre : 201KLMN
Intitulé de l'offre : Technicien de maintenance industrielle F/H
Date de création : 01/02/2026
Période de publication : 05/02/2026 - 20/03/2026
Appellation ROME : I1304 - Technicien de maintenance
Type de contrat : CDI
Nombre de postes : 2
"""

PUBLICATION_PROSE = """
ATTESTATION DE DIFFUSION D'UNE OFFRE D'EMPLOI
Agence France Travail de Quimper
Nous attestons que l'offre enregistrée sous le numéro d'offre 188ZTRV
pour un poste d'aide à domicile, code ROME K 1302, a été diffusée sur francetravail.fr du 4
avril 2026 au 2 mai 2026.
Emploi proposé : Aide à domicile
Fait à Quimper, le 6 mai 2026
"""


def test_apec_offer_reference_not_the_companys() -> None:
    e = read(PieceType.job_offer, APEC_PAGE)
    assert e.fields == {"offer_reference": "178234561W", "job_title": "Chef de projet data",
                        "rome_code": "M1403", "published_from": "2026-03-02", "published_to": "2026-04-30"}


def test_recruiter_space_period_not_creation_date() -> None:
    e = read(PieceType.job_offer, RECRUITER_SPACE)
    assert e.fields == {"offer_reference": "201KLMN", "job_title": "Technicien de maintenance industrielle",
                        "rome_code": "I1304", "published_from": "2026-02-05", "published_to": "2026-03-20"}


def test_publication_attestation_in_prose_with_wrapped_dates() -> None:
    e = read(PieceType.job_offer, PUBLICATION_PROSE, confidence=0.9)
    assert e.fields == {"offer_reference": "188ZTRV", "job_title": "Aide à domicile", "rome_code": "K1302",
                        "published_from": "2026-04-04", "published_to": "2026-05-02"}


# ---------------------------------------------------------------- applications statements

BREAKDOWN = """
BILAN DES CANDIDATURES
Offre France Travail n° 201KLMN — Technicien de maintenance
Canal de réception Nombre
France Travail 7
Candidatures spontanées 2
Réseaux sociaux 3
Total 12
Candidats reçus en entretien 3
Date : 14/04/2026
Signature du gérant
"""

WORDS_AND_DIGITS = """
Monsieur le Préfet,
Suite à la publication de notre offre n° 188ZTRV, nous avons reçu quatorze (14) candidatures,
dont trois ont donné lieu à un entretien. Aucun candidat ne correspondait au poste.
Je soussignée, gérante de la société, atteste sur l'honneur l'exactitude de ces informations.
Fait à Rennes, le 2 avril 2026
"""

WORDS_ONLY = """
Lyon, le 5 mai 2026
Objet : déclaration sur les candidatures reçues
Vingt et une candidatures ont été reçues pour le poste de cuisinier ; deux candidats ont été
reçus en entretien, aucun n'a été retenu.
"""

LABEL_ABOVE = """
ATTESTATION DE L'EMPLOYEUR SUR LES CANDIDATURES REÇUES
Nombre de candidatures reçues
9
Nombre d'entretiens réalisés
4
Fait le 20/03/2026
"""

OBJECT_OF = """
Objet : votre demande d'autorisation de travail
La société déclare que son offre n° 188ZTRV a fait l'objet d'une (1) candidature, qui n'a pas été
retenue faute de l'expérience requise. Deux entretiens téléphoniques ont eu lieu.
Date : 07/05/2026
"""


def channels_table(header: str, rows: list[str]) -> list[Page]:
    """A table read as OCR gives it: each column at its own x, one line per row."""
    columns = (0.06, 0.50, 0.75)
    lines = []
    for i, row in enumerate([header] + rows):
        y = 0.2 + 0.03 * i
        words = []
        for x, cell in zip(columns, row.split("|")):
            for k, token in enumerate(cell.split()):
                words.append(Word(text=token, bbox=(x + 0.07 * k, y, x + 0.07 * k + 0.06, y + 0.012), confidence=0.94))
        lines.append(Line(words=words))
    title = Line(words=[Word(text=t, bbox=(0.3 + 0.1 * k, 0.05, 0.38 + 0.1 * k, 0.06), confidence=0.95)
                        for k, t in enumerate("BILAN DU RECRUTEMENT".split())])
    signed = Line(words=[Word(text=t, bbox=(0.06 + 0.1 * k, 0.6, 0.14 + 0.1 * k, 0.61), confidence=0.95)
                         for k, t in enumerate("Fait à Metz, le 11/06/2026".split())])
    return [Page(source="bilan.png", number=1, width=1654, height=2339, text_source="ocr",
                 lines=[title] + lines + [signed])]


@pytest.mark.parametrize("header, rows, count", [
    ("Canal|Candidatures|Entretiens", ["France Travail|6|2", "Site de l'entreprise|4|1", "Total|10|3"], 10),
    ("Origine|Entretiens|Candidatures", ["Apec|1|5", "Cooptation|2|2", "Total|3|7"], 7),
])
def test_total_row_reads_the_applications_column(header: str, rows: list[str], count: int) -> None:
    pages = channels_table(header, rows)
    assert classify_pages(pages)[0] == PieceType.applications_statement
    e = extract_fields(PieceType.applications_statement, pages)
    assert e.fields == {"applications_received": count, "signed_on": "2026-06-11"}


NONE_RECEIVED = """
Déclaration de l'employeur
Malgré la diffusion de l'offre pendant six semaines, nous n'avons reçu aucune candidature.
Aucune candidature n'a donc été retenue.
Saint-Brieuc, le 30 avril 2026
"""


@pytest.mark.parametrize("text, count, signed", [
    (OBJECT_OF, 1, "2026-05-07"),
    (NONE_RECEIVED, 0, "2026-04-30"),
    (BREAKDOWN, 12, "2026-04-14"),
    (WORDS_AND_DIGITS, 14, "2026-04-02"),
    (WORDS_ONLY, 21, "2026-05-05"),
    (LABEL_ABOVE, 9, "2026-03-20"),
])
def test_applications_statement_layouts(text: str, count: int, signed: str) -> None:
    e = read(PieceType.applications_statement, text)
    assert e.fields == {"applications_received": count, "signed_on": signed}


def test_french_number_words() -> None:
    assert [words_value(w) for w in ("dix-sept", "quatre-vingt-onze", "soixante et onze", "deux cents", "nonante")] \
        == [17, 91, 71, 200, 90]
    assert words_value("candidatures") is None
    # 'un'/'une' alone is an article, not a count.
    assert [v for v, _, _ in find_number_words("une offre et trente-deux reponses")] == [32]


# ---------------------------------------------------------------- diplomas: award date

def test_attestation_takes_the_jury_date_not_the_day_it_was_written() -> None:
    e = read(PieceType.diploma, """
ATTESTATION DE RÉUSSITE
Le directeur de l'Institut Polytechnique certifie que
Mme Inès MOREAU-DIAS
a satisfait aux épreuves du Diplôme d'ingénieur spécialité Mécanique.
Date de délibération du jury : 28 juin 2025
Fait à Lille, le 3 juillet 2025
""")
    assert e.fields["award_date"] == "2025-06-28" and e.absent_fields == []


def test_diploma_delivery_date_not_the_birth_date() -> None:
    e = read(PieceType.diploma, """
DIPLÔME NATIONAL DE MASTER
Le diplôme de Master Chimie est délivré à M. Karim BOUZID né le 4 mai 1999 à Oran
Délivré à Toulouse, le 14 décembre 2024
""")
    assert e.fields["award_date"] == "2024-12-14"


def test_year_only_diploma_has_no_award_date_and_says_so() -> None:
    e = read(PieceType.diploma, """
DIPLÔME
Licence Droit
est conférée à Mlle Sofia RINALDI
Promotion 2023 — Session de juin 2023
""")
    assert e.fields["award_date"] is None and e.absent_fields == ["award_date"]


# ---------------------------------------------------------------- identity cards

CARD_TEXT = """
REPUBLIC OF UTOPIA  NATIONAL IDENTITY CARD
Surname / Nom
ERIKSSON
Given names / Prénoms
ANNA MARIA
Date of birth 12.08.1974   Sex F
Date of expiry 15.04.2032
"""


def test_td1_identity_card_is_an_id_card_not_a_residence_permit() -> None:
    card = td1("D23145890", "740812", "320415", "ERIKSSON<<ANNA<MARIA", "UTO", sex="F")
    card[0] = "I<UTO" + card[0][5:]
    e = read(PieceType.id_card, CARD_TEXT, mrz_lines=card)
    assert e.fields == {"document_number": "D23145890", "surname": "ERIKSSON", "given_names": "ANNA MARIA",
                        "nationality": "UTO", "date_of_birth": "1974-08-12", "sex": "F",
                        "expiry_date": "2032-04-15", "issuing_state": "UTO"}
    # The same code on a card titled as a residence permit is a residence permit.
    permit = page("RESIDENCE PERMIT\nTitre de séjour\nSurname ERIKSSON", mrz_lines=card)
    assert classify_pages([permit])[0] == PieceType.residence_permit
    # A French permit's IR code decides whatever the wording.
    french = td1("AB1234567", "900101", "300101", "NDIAYE<<AWA", "SEN")
    assert classify_pages([page("Nom NDIAYE", mrz_lines=french)])[0] == PieceType.residence_permit


def test_td2_identity_card_fields() -> None:
    lines = td2("X4RTBPFW4", "850331", "310912", "DUMITRU<<ELENA<IOANA", state="ROU", code="ID")
    record = mrz.parse_mrz(lines)
    assert record.layout == "TD2" and record.checks_held == 4
    e = read(PieceType.id_card, "CARTE D'IDENTITATE / IDENTITY CARD\nNume/Nom/Surname\nDUMITRU\n"
             "Prenume/Prénom/Given name\nELENA IOANA\n", mrz_lines=lines)
    assert e.fields["document_number"] == "X4RTBPFW4"
    assert (e.fields["date_of_birth"], e.fields["expiry_date"]) == ("1985-03-31", "2031-09-12")
    assert (e.fields["nationality"], e.fields["issuing_state"], e.fields["sex"]) == ("ROU", "ROU", "F")
    assert e.fields["surname"] == "DUMITRU" and e.fields["given_names"] == "ELENA IOANA"


def test_old_french_identity_card_mrz() -> None:
    lines = french_card("880692310285", "650203", "MARTIN<DUPUIS", "CLAIRE<<ANNE", sex="F")
    record = mrz.parse_mrz(lines)
    assert record.layout == "CNI" and record.composite_valid
    assert (record.surname, record.given_names, record.document_number) == ("MARTIN DUPUIS", "CLAIRE ANNE", "880692310285")
    text = ("RÉPUBLIQUE FRANÇAISE CARTE NATIONALE D'IDENTITÉ N° : 880692310285\nNom : MARTIN DUPUIS\n"
            "Prénom(s) : Claire, Anne\nNé(e) le : 03.02.1965\nCarte valable jusqu'au : 14.09.2028\n")
    e = read(PieceType.id_card, text, mrz_lines=lines)
    assert e.fields["document_number"] == "880692310285"
    assert e.fields["date_of_birth"] == "1965-02-03"
    # No expiry in this MRZ: the printed date, and no MRZ failure for it.
    assert e.fields["expiry_date"] == "2028-09-14" and "expiry_date" not in e.mrz_failed
    assert e.fields["nationality"] == "FRA" and e.fields["sex"] == "F"


def test_two_digit_years_without_a_printed_year() -> None:
    today = dt.date(2026, 6, 15)
    assert mrz.expand_year(35, "expiry", today=today) == 2035
    # Beyond ten years ahead no document is still valid: the past century.
    assert mrz.expand_year(45, "expiry", today=today) == 1945
    assert mrz.expand_year(27, "birth", today=today) == 1927


# ---------------------------------------------------------------- classification and splitting

def test_an_iban_is_no_machine_readable_zone() -> None:
    rib = page("RELEVÉ D'IDENTITÉ BANCAIRE\nTitulaire du compte M. Idriss TALL\nDomiciliation Banque du Littoral\n"
               "IBAN FR76 3000 4012 3400 0123 4567 890\nBIC BDLIFRPPXXX")
    assert classify_pages([rib])[0] == PieceType.other


def test_statement_quoting_its_offer_is_not_an_offer() -> None:
    text = WORDS_AND_DIGITS + "\nOffre d'emploi n° 188ZTRV publiée du 04/04/2026 au 02/05/2026 sur francetravail.fr"
    assert classify_pages([page(text)])[0] == PieceType.applications_statement


def test_merged_scan_with_the_v2_pieces_is_split_by_piece() -> None:
    two_page_certificate = [MSA_FORM + "\nPage 1/2", "Le présent document est délivré pour servir et valoir"
                            " ce que de droit.\nPage 2/2"]
    texts = two_page_certificate + [APEC_PAGE, BREAKDOWN, URSSAF_TABLE, CARD_TEXT]
    pages = [page(t, i + 1) for i, t in enumerate(texts)]
    card = td1("D23145890", "740812", "320415", "ERIKSSON<<ANNA<MARIA", "UTO", sex="F")
    pages[-1].extra_text["mrz"] = "\n".join(["I<UTO" + card[0][5:]] + card[1:])
    scores = [score_page(p) for p in pages]
    groups = split_pages(pages, scores)
    assert groups == [[0, 1], [2], [3], [4], [5]]
    assert [classify_pages([pages[g[0]]])[0] for g in groups] == [
        PieceType.urssaf_certificate, PieceType.job_offer, PieceType.applications_statement,
        PieceType.urssaf_certificate, PieceType.id_card]


# ---------------------------------------------------------------- layouts read by position

def grid_page(cells: list[tuple[float, float, str]], confidence: float = 0.95) -> Page:
    """A page of positioned cells (x, y, text), as OCR returns a form: one line per row,
    cells of a row side by side."""
    rows: dict[float, list[Word]] = {}
    for x, y, text in cells:
        for k, token in enumerate(text.split()):
            x0 = x + sum(0.011 * len(t) + 0.008 for t in text.split()[:k])
            rows.setdefault(y, []).append(Word(text=token, bbox=(x0, y, x0 + 0.011 * len(token), y + 0.011),
                                               confidence=confidence))
    lines = [Line(words=sorted(words, key=lambda w: w.bbox[0])) for _, words in sorted(rows.items())]
    return Page(source="grid.png", number=1, width=1654, height=2339, text_source="ocr", lines=lines)


def test_certificate_grid_with_labels_under_their_values() -> None:
    # Two columns; each value printed above its small label, rows further apart than value and label.
    pages = [grid_page([
        (0.30, 0.05, "ATTESTATION DE VIGILANCE"), (0.30, 0.08, "Caisse de Mutualité Sociale Agricole"),
        (0.08, 0.15, "SERRES DU VAL D'AUTHION (SCEA)"), (0.55, 0.15, "441 208 735"),
        (0.08, 0.165, "Raison sociale"), (0.55, 0.165, "N° SIREN"),
        (0.08, 0.20, "10/03/2026"), (0.55, 0.20, "44120873500019"),
        (0.08, 0.215, "Situation arrêtée au"), (0.55, 0.215, "SIRET du siège"),
        (0.08, 0.25, "27/03/2026"), (0.55, 0.25, "M4K8Q2WZ7T1R9XB"),
        (0.08, 0.265, "Date de délivrance"), (0.55, 0.265, "Code de sécurité"),
        (0.08, 0.32, "L'employeur est à jour de ses cotisations et contributions sociales."),
    ])]
    assert classify_pages(pages)[0] == PieceType.urssaf_certificate
    e = extract_fields(PieceType.urssaf_certificate, pages)
    assert e.fields == {"company_name": "SERRES DU VAL D'AUTHION", "siren": "441208735",
                        "issue_date": "2026-03-27", "security_code": "M4K8Q2WZ7T1R9XB"}


def test_offer_sidebar_labels_above_values_beside_the_description() -> None:
    pages = [grid_page([
        (0.07, 0.04, "cadres.apec.fr"), (0.70, 0.04, "Imprimé le 02/06/2026"),
        (0.07, 0.09, "Responsable logistique (F/H)"), (0.65, 0.09, "Mise en ligne le"),
        (0.07, 0.11, "TRANSPORTS VERNAY"), (0.65, 0.105, "12/05/2026"),
        (0.65, 0.13, "Fin de diffusion le"),
        (0.07, 0.145, "Vous pilotez deux entrepôts et une équipe"), (0.65, 0.145, "11/06/2026"),
        (0.07, 0.16, "de vingt personnes avec la direction."),
        (0.65, 0.17, "Réf. Apec"), (0.65, 0.185, "176002341W"),
        (0.65, 0.21, "Réf. Société"), (0.65, 0.225, "LOG-118"),
        (0.65, 0.25, "Métier ROME"), (0.65, 0.265, "1N1302"),
    ])]
    assert classify_pages(pages)[0] == PieceType.job_offer
    e = extract_fields(PieceType.job_offer, pages)
    assert e.fields["offer_reference"] == "176002341W"
    assert e.fields["job_title"] == "Responsable logistique"
    assert (e.fields["published_from"], e.fields["published_to"]) == ("2026-05-12", "2026-06-11")
    # "1N1302" is no ROME code: none is guessed from it.
    assert e.fields["rome_code"] is None


def test_rome_letter_recovered_from_a_look_alike_is_doubtful() -> None:
    pages = [grid_page([(0.1, 0.05, "OFFRE D'EMPLOI"), (0.1, 0.08, "Offre n° 204QXLP"),
                        (0.1, 0.11, "Code ROME"), (0.1, 0.125, "11304"),
                        (0.1, 0.15, "Publiée du 02/02/2026 au 28/02/2026")])]
    e = extract_fields(PieceType.job_offer, pages)
    assert e.fields["rome_code"] == "I1304" and e.field_confidence["rome_code"] < 0.7
    assert e.field_confidence["offer_reference"] > 0.85


def test_english_diploma_award_dates() -> None:
    for line, iso in (("Conferred on January 24, 2026", "2026-01-24"), ("Awarded on the 3rd of March 2025", "2025-03-03"),
                      ("Date of award: 30 June 2024", "2024-06-30")):
        e = read(PieceType.diploma, f"UNIVERSITY OF LAGOS\nThis is to certify that\nChinedu OKAFOR\n"
                                    f"has been awarded the degree of\nBachelor of Science in Physics\n{line}\n")
        assert e.fields["award_date"] == iso, line


def test_an_mrz_decides_which_way_up_a_card_page_is() -> None:
    from extractors.ocr import OcrResult
    from extractors.mrz_locate import PageMrzReadings
    from extractors.reading import _mrz_upright
    from tests.test_mrz import _ocrb_page

    upright = _ocrb_page(td2("X4RTBPFW4", "850331", "310912", "DUMITRU<<ELENA<IOANA", state="ROU", code="ID"))
    upside_down = upright[::-1, ::-1].copy()
    # Orientation detection preferred the wrong way: more words, read from noise.
    candidates = [(0, upside_down, OcrResult(lines=[], mean_confidence=0.3)),
                  (180, upright, OcrResult(lines=[], mean_confidence=0.2))]
    assert _mrz_upright(candidates, PageMrzReadings())[0] == 180


def test_identity_card_front_without_mrz() -> None:
    pages = [grid_page([
        (0.05, 0.03, "REPÚBLICA DE CABO VERDE"), (0.05, 0.05, "BILHETE DE IDENTIDADE / IDENTITY CARD"),
        (0.30, 0.09, "Apelido / Nom / Surname"), (0.30, 0.105, "SEMEDO TAVARES"),
        (0.30, 0.13, "Nome / Prénoms / Given names"), (0.30, 0.145, "LÚCIA HELENA"),
        (0.30, 0.17, "Sexo / Sex"), (0.50, 0.17, "Nacionalidade / Nationality"),
        (0.30, 0.185, "F"), (0.50, 0.185, "CPV"),
        (0.30, 0.21, "Data de nascimento / Date of birth"), (0.30, 0.225, "17.02.1991"),
        (0.30, 0.25, "N° du document / Document No."), (0.65, 0.25, "Date of expiry"),
        (0.30, 0.265, "KQWTZRBN"), (0.65, 0.265, "03.09.2030"),
    ], confidence=0.9)]
    assert classify_pages(pages)[0] == PieceType.id_card
    e = extract_fields(PieceType.id_card, pages)
    assert e.fields == {"document_number": "KQWTZRBN", "surname": "SEMEDO TAVARES", "given_names": "LÚCIA HELENA",
                        "nationality": "CPV", "date_of_birth": "1991-02-17", "sex": "F",
                        "expiry_date": "2030-09-03", "issuing_state": "CPV"}
    # Read from the visual zone alone: certain enough to be checked, not more.
    assert all(0.45 <= e.field_confidence[f] <= 0.7 for f in ("surname", "expiry_date"))


def test_placement_agency_letter_quoting_the_offer() -> None:
    e = read(PieceType.job_offer, """
Cap emploi 29 — Service aux employeurs
BOULANGERIES LE GOFF
Quimper, le 4 mars 2026
Objet : votre annonce — votre réf. BLG/2026/07
Madame, Monsieur,
Nous vous informons que l'annonce n° 230PLQK "Plombier chauffagiste (H/F)" (code ROME F1603)
est diffusée du 10/02/2026 au 10/04/2026 sur notre site et sur francetravail.fr.
""", confidence=0.92)
    assert e.fields == {"offer_reference": "230PLQK", "job_title": "Plombier chauffagiste", "rome_code": "F1603",
                        "published_from": "2026-02-10", "published_to": "2026-04-10"}


def test_certificate_code_called_identifier_letters_only() -> None:
    e = read(PieceType.urssaf_certificate, """
Urssaf Bourgogne — ATTESTATION DE VIGILANCE
Cotisant : LUMEN PAYSAGES   Date de délivrance : 02/04/2026
SIREN : 318 552 904   Situation au : 28/02/2026
Identifiant : QWHTR PLMKS VBNZX
Nous attestons que LUMEN PAYSAGES est à jour de ses obligations à l'égard de l'Urssaf.
""")
    assert e.fields == {"company_name": "LUMEN PAYSAGES", "siren": "318552904", "issue_date": "2026-04-02",
                        "security_code": "QWHTR PLMKS VBNZX"}


def test_code_printed_without_its_label_is_less_sure() -> None:
    e = read(PieceType.urssaf_certificate, """
ATTESTATION DE VIGILANCE
Raison sociale : MENUISERIE ARNOULT
SIREN : 318 552 904
Délivrée le 02/04/2026
Pour vérifier cette attestation sur urssaf.fr, saisissez 7HK2P 9QZ4M 3XW8T.
""")
    assert e.fields["security_code"] == "7HK2P 9QZ4M 3XW8T" and e.field_confidence["security_code"] < 0.8


def test_covering_letter_listing_the_v2_pieces_is_other() -> None:
    letter = page("""
SARL BOIS ET JARDINS
Bordeaux, le 3 mars 2026
Objet : demande d'autorisation de travail
Madame, Monsieur,
Nous sollicitons une autorisation de travail pour le salarié que nous souhaitons recruter.
Vous trouverez ci-joint :
- l'attestation de vigilance de l'Urssaf ;
- l'offre d'emploi publiée sur France Travail (offre n° 231KQZX) ;
- le bilan des candidatures reçues.
Nous vous prions d'agréer nos salutations distinguées.
""")
    assert classify_pages([letter])[0] == PieceType.other


def test_offer_number_taken_from_the_page_address_when_not_labelled() -> None:
    e = read(PieceType.job_offer, """
Offre d'emploi — francetravail.fr
Magasinier cariste (H/F)
Publiée du 02/03/2026 au 31/03/2026
Métier (ROME) N1103 - Magasinage et préparation de commandes
https://candidat.francetravail.fr/offres/recherche/detail/204MZRT
""")
    assert e.fields["offer_reference"] == "204MZRT" and e.field_confidence["offer_reference"] < 0.9


def test_typed_form_with_dot_leaders_and_misread_labels() -> None:
    e = read(PieceType.urssaf_certificate, """
URSSAF MIDI-PYRÉNÉES
ATTESTATION DE VIGILANCE (ART. L.243-15 CSS)
RAISON SOCTALE : ORTEGA FRÈRES
N° DE COMPTE .......... 731 0004 5512 9874 12
STREN ................. 502 118 337
DÉLIVRÉE LE ........... 19.02.2026
SITUATION ARRÊTÉE AU .. 31.01.2026
CODE DE SÉCURITÉ ...... 9RT4K WQ2LM 7ZX5C
LE COTISANT EST À JOUR DE SES OBLIGATIONS DÉCLARATIVES ET DE PAIEMENT.
""", confidence=0.9)
    assert e.fields == {"company_name": "ORTEGA FRÈRES", "siren": "502118337", "issue_date": "2026-02-19",
                        "security_code": "9RT4K WQ2LM 7ZX5C"}


def test_a_sworn_statement_of_another_kind_is_not_an_applications_statement() -> None:
    # OCR damaged the title; the sworn wording alone says nothing of applications.
    lodging = page("ATTFSTATION D'HÉBERGEMENT\nJe soussignée Claire FAURE, demeurant 8 rue Colbert, 37000 Tours,\n"
                   "atteste sur l'honneur héberger à mon domicile M. Yao KOUAME depuis le 01/02/2026.\n"
                   "Fait à Tours, le 3 mars 2026")
    assert classify_pages([lodging])[0] == PieceType.other

"""Classification of pages into the nine types, and splitting of merged scans."""
from __future__ import annotations

from extractors.classify import classify_pages, score_page
from extractors.split import split_pages
from models import Line, Page, PieceType, Word
from validators.reading import CLASSIFIED_CONFIDENCE


def page(lines: list[str], number: int = 1, mrz: str = "") -> Page:
    """A page whose lines are spread from top to bottom."""
    n = max(len(lines), 1)
    built = []
    for i, text in enumerate(lines):
        y = 0.05 + 0.9 * i / n
        words = [Word(text=w, bbox=(0.1, y, 0.2, y + 0.01), confidence=0.95) for w in text.split()]
        built.append(Line(words=words))
    return Page(source="merged.pdf", number=number, width=1000, height=1414, text_source="ocr",
                lines=built, extra_text={"mrz": mrz} if mrz else {})


CONTRACT_1 = ["ATELIERS BERTIN", "CONTRAT DE TRAVAIL A DUREE INDETERMINEE",
              "Entre la société ATELIERS BERTIN et Mme Ana PEREIRA,", "il est convenu ce qui suit.",
              "Article 1 - Engagement : la salariée est engagée en qualité de comptable.",
              "Article 2 - Période d'essai de deux mois.", "Article 3 - Rémunération : salaire mensuel brut 2 400 €."]
CONTRACT_2 = ["Article 7 - Congés payés", "Fait à Lyon, en deux exemplaires.", "L'employeur", "La salariée"]
PAYSLIP = ["BULLETIN DE PAIE", "Période : mars 2026", "Salaire de base 151,67", "SALAIRE BRUT 2 400,00",
           "Cotisations", "Net à payer 1 870,00"]
LETTER = ["Objet : demande d'autorisation de travail", "Madame, Monsieur,",
          "Veuillez agréer nos salutations distinguées."]
CV = ["Ana PEREIRA", "EXPÉRIENCE PROFESSIONNELLE", "2020-2025 Comptable", "FORMATION", "Licence AES",
      "LANGUES", "Portugais, français", "CENTRES D'INTÉRÊT", "Randonnée"]
PASSPORT_MRZ = "P<PRTPEREIRA<<ANA<<<<<<<<<<<<<<<<<<<<<<<<<<<\nX1234567<3PRT9001019F3001013<<<<<<<<<<<<<<02"


def test_each_type_is_recognised() -> None:
    cases = {
        PieceType.employment_contract: [page(CONTRACT_1)],
        PieceType.payslip: [page(PAYSLIP)],
        PieceType.other: [page(LETTER)],
        PieceType.cv: [page(CV)],
        PieceType.passport: [page(["PASSEPORT", "Nom / Surname", "PEREIRA"], mrz=PASSPORT_MRZ)],
        PieceType.residence_permit: [page(["TITRE DE SÉJOUR", "RESIDENCE PERMIT", "Valable jusqu'au"])],
        PieceType.internship_agreement: [page(["CONVENTION DE STAGE", "Organisme d'accueil", "Le stagiaire"])],
        PieceType.company_registration: [page(["Extrait Kbis", "Registre du commerce et des sociétés",
                                               "à jour au 3 mars 2026"])],
        PieceType.diploma: [page(["DIPLÔME", "Le diplôme de Master est délivré à", "Mme Ana PEREIRA"])],
    }
    for expected, pages in cases.items():
        got, conf = classify_pages(pages)
        assert got == expected, (expected, got)
        assert conf >= CLASSIFIED_CONFIDENCE  # no unclassified_piece flag


def test_blank_page_is_other() -> None:
    assert classify_pages([page([])])[0] == PieceType.other


def test_merged_scan_is_split_at_type_changes_and_new_documents() -> None:
    pages = [page(CONTRACT_1, 1), page(CONTRACT_2, 2), page(PAYSLIP, 3), page(PAYSLIP, 4),
             page(LETTER, 5), page(CV, 6)]
    groups = split_pages(pages, [score_page(p) for p in pages])
    assert groups == [[0, 1], [2], [3], [4], [5]]


def test_two_passports_in_a_row_are_two_pieces() -> None:
    p = page(["PASSEPORT", "Nom / Surname"], mrz=PASSPORT_MRZ)
    groups = split_pages([p, p], [score_page(p), score_page(p)])
    assert groups == [[0], [1]]

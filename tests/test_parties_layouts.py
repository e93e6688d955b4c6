"""Parties, roles and amounts read on layouts the extractors were not written for: pages
built from words placed in cells (tables of two parties), letters with a letterhead, and
parties defined in clauses, in wordings other than the generator's families."""
from __future__ import annotations

from extractors.fields import employment_contract, internship_agreement
from extractors.parties import cell_person, defined_company, defined_person, letterhead_company
from extractors.textfields import TextIndex
from models.document import Line, Page, Word

CHAR = 0.0095  # a character's width, as a share of the page


def layout_page(rows: list[list[tuple[float, str]]]) -> Page:
    """One line per row; each row is (x, text) cells, each word placed where its cell starts."""
    lines = []
    for y, row in enumerate(rows):
        top = 0.04 + y * 0.022
        words = []
        for x, text in row:
            for token in text.split():
                words.append(Word(text=token, bbox=(x, top, min(1.0, x + CHAR * len(token)), top + 0.014),
                                  confidence=1.0))
                x += CHAR * (len(token) + 1)
        lines.append(Line(words=words))
    return Page(source="x.pdf", number=1, width=595, height=842, text_source="text_layer", lines=lines)


def prose_page(text: str) -> Page:
    return layout_page([[(0.08, line)] for line in text.strip("\n").split("\n")])


PARTIES_GRID = [
    [(0.08, "CONTRAT DE TRAVAIL À DURÉE DÉTERMINÉE")],
    [(0.08, "Les parties"), (0.50, "")],
    [(0.08, "Dénomination"), (0.25, "SOLVERA INGÉNIERIE"), (0.52, "Nom de naissance"), (0.72, "BEN SALAH")],
    [(0.08, "Forme"), (0.25, "SAS"), (0.52, "Prénom(s)"), (0.72, "Karim Mohamed")],
    [(0.08, "SIRET"), (0.25, "732 829 320 00074"), (0.52, "Nationalité"), (0.72, "tunisienne")],
    [(0.08, "Signataire"), (0.25, "Claire DUBOIS"), (0.52, "Domicile"), (0.72, "12 rue Pasteur")],
    [(0.08, "Poste / emploi"), (0.40, "Chargé d'affaires")],
    [(0.08, "Début du contrat"), (0.40, "02/03/2026")],
    [(0.08, "Terme du contrat"), (0.40, "31/08/2026")],
    [(0.08, "Horaire"), (0.40, "35 heures hebdomadaires")],
    [(0.08, "Salaire mensuel brut"), (0.40, "2 450,00 €")],
    [(0.08, "Taux horaire brut"), (0.40, "16,15 €")],
]


def test_contract_parties_side_by_side_in_a_table() -> None:
    fields = employment_contract.extract([layout_page(PARTIES_GRID)]).fields
    assert fields["employer_name"] == "SOLVERA INGÉNIERIE"
    assert (fields["employee_surname"], fields["employee_given_names"]) == ("BEN SALAH", "Karim Mohamed")
    assert fields["job_title"] == "Chargé d'affaires"
    assert (fields["start_date"], fields["end_date"]) == ("2026-03-02", "2026-08-31")
    # the hourly rate on the next row is not this amount's period
    assert fields["gross_monthly_salary"] == 2450.0


def test_a_label_word_inside_a_sentence_names_no_party() -> None:
    page = prose_page("""
Madame,
Nous vous confirmons votre arrivée au sein de notre
société, pour une durée déterminée, à compter du 4 mai 2026.
""")
    index = TextIndex([page])
    assert letterhead_company(index) is None
    assert employment_contract.extract([page]).fields["employer_name"] is None


def test_letter_sender_and_a_title_wrapped_in_running_text() -> None:
    page = prose_page("""
ORBITALE SYSTÈMES
4 allée des Tilleuls, 35000 Rennes
SIRET 732 829 320 00074
Rennes, le 12 février 2026
Monsieur Rui de SOUSA
Monsieur,
Nous avons le plaisir de vous informer que vous occuperez l'emploi de Responsable
qualité fournisseurs, à compter du 1er avril 2026, pour une durée indéterminée.
Votre rémunération annuelle brute sera de 42 000,00 €.
""")
    fields = employment_contract.extract([page]).fields
    assert fields["employer_name"] == "ORBITALE SYSTÈMES"
    assert fields["job_title"] == "Responsable qualité fournisseurs"
    assert fields["contract_type"] == "CDI" and fields["start_date"] == "2026-04-01"
    assert fields["gross_monthly_salary"] == 3500.0


AGREEMENT_CLAUSES = """
CONVENTION DE STAGE
Entre l'Université de Lorraine, 34 cours Léopold, 54000 Nancy, ci-après désignée « l'établissement »,
l'entreprise HELIOS FRET, SIRET 441 555 123 00018, 3 quai de la Fosse, 44000 Nantes, ci-après désignée
« l'entreprise d'accueil », représentée par M. Paul GIRARD, tuteur de stage,
et Mademoiselle Aya N'GUESSAN, née le 3 mai 2003, ci-après désignée « la stagiaire »,
il est convenu ce qui suit.
Le stage débutera le 2 mars 2026 et s'achèvera le 29 mai 2026.
La stagiaire sera présente 35 heures par semaine.
Le stage n'ouvre pas droit à gratification.
"""


def test_internship_parties_defined_in_clauses() -> None:
    fields = internship_agreement.extract([prose_page(AGREEMENT_CLAUSES)]).fields
    assert fields["institution_name"] == "Université de Lorraine"
    assert fields["host_name"] == "HELIOS FRET"
    assert fields["host_siret"] == "44155512300018"
    # the tutor signs for the host: never the intern
    assert (fields["intern_surname"], fields["intern_given_names"]) == ("N'GUESSAN", "Aya")
    assert fields["start_date"] == "2026-03-02"
    assert fields["monthly_gratification"] == 0.0


def test_defined_party_and_cell_person_on_their_own() -> None:
    index = TextIndex([prose_page(AGREEMENT_CLAUSES)])
    assert str(defined_company(index, r"entreprise\s+d'accueil").value) == "HELIOS FRET"
    grid = TextIndex([layout_page(PARTIES_GRID)])
    person = cell_person(grid)
    assert person is not None and str(person.surname.value) == "BEN SALAH"


def test_letterhead_name_opening_with_societe_and_a_date_wrapped_in_prose() -> None:
    page = prose_page("""
SOCIÉTÉ NOUVELLE DES CÈDRES
SIRET : 441 555 123 00018
Madame Awa FALL
Nous vous confirmons votre engagement en qualité de Serveuse à compter du 19
juillet 2026, pour une durée indéterminée, à temps plein.
""")
    fields = employment_contract.extract([page]).fields
    assert fields["employer_name"] == "SOCIÉTÉ NOUVELLE DES CÈDRES"
    assert fields["start_date"] == "2026-07-19"


def test_a_conjunction_alone_on_its_line_opens_the_next_party() -> None:
    page = prose_page("""
ENTRE LES SOUSSIGNÉS :
La société ALTIMEA SANTÉ, SAS, ci-après « l'Employeur »,
ET
M. VU Ngoc Anh, demeurant 3 rue Pasteur, 69003 Lyon, ci-après « le Salarié ».
""")
    index = TextIndex([page])
    assert str(defined_company(index, r"employeur").value) == "ALTIMEA SANTÉ"
    person = defined_person(index, r"salarie")
    assert person is not None and (str(person.surname.value), str(person.given_names.value)) == ("VU", "Ngoc Anh")

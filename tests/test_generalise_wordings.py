"""Round ten's reading rules, each tested on a wording or an arrangement no generator family prints: a
German-language diploma, a residence card's category cut at a connector, a "Nom et prénom(s)" label, an
institution named with its article, a figure that does not apply to the person, an accountant's SIRET in a
forwarded mail, an intern's rows without their heading, a heading printed white on black, a card's line the page
layout analysis drops, and a diploma sent with its translation and its transcript."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

from extractors import cleanup, reading
from extractors.classify import score_page
from extractors.fields import (
    diploma,
    internship_agreement,
    residence_permit,
    urssaf_certificate,
)
from extractors.frenchtext import find_dates
from extractors.ocr import OcrResult, ocr_words
from extractors.rows import rows_from_words
from extractors.split import split_pages
from extractors.textfields import TextIndex, labelled_name, weekly_hours_span
from models.document import Page, Word
from tests.test_parties_layouts import layout_page, prose_page


def test_german_dates_with_the_dot_after_the_day() -> None:
    assert [d.isoformat() for d, _, _ in find_dates("Graz, am 3. Jänner 2025; geb. 14. Oktober 1998")] == [
        "2025-01-03", "1998-10-14"]
    assert [d.isoformat() for d, _, _ in find_dates("le 1er mars 2020 et le 12. Dezember 2021")] == [
        "2020-03-01", "2021-12-12"]


def test_a_german_masters_certificate_in_prose() -> None:
    page = prose_page("""Technische Universität Dresden
Die Fakultät Informatik verleiht
Frau Aïcha BEN SALAH, geb. am 3. Mai 1999 in Sfax (Tunesien),
aufgrund der am 14. Oktober 2024 bestandenen Masterprüfung
den akademischen Grad Master of Science (M.Sc.)
Dresden, den 2. Dezember 2024
Der Rektor    Der Dekan""")
    fields = diploma.extract([page]).fields
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("BEN SALAH", "Aïcha")
    assert fields["title"] == "Master of Science"
    assert fields["award_date"] == "2024-10-14"


def test_a_german_compound_is_no_degree() -> None:
    page = prose_page("""Zeugnis
Herr Kwame MENSAH
geboren am 12.04.1996
Masterarbeit: „Verteilte Systeme“
Datum des Abschlusses 30.09.2022
Master of Engineering""")
    fields = diploma.extract([page]).fields
    assert fields["title"] == "Master of Engineering"
    assert fields["award_date"] == "2022-09-30"
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("MENSAH", "Kwame")


def _card_rows(category_rows: list[list[tuple[float, str]]], gap: float) -> Page:
    """A residence card's front: the category under its label, then its continuation `gap` lines lower."""
    page = layout_page([[(0.1, "TITRE DE SÉJOUR")], [(0.1, "NOM"), (0.3, "DIALLO")], [(0.1, "PRÉNOMS"), (0.3, "Awa")],
                        *category_rows])
    first = page.lines[-2]
    last = page.lines[-1]
    shift = (gap - 1) * 0.022
    for word in last.words:
        x0, y0, x1, y1 = word.bbox
        word.bbox = (x0, y0 + shift, x1, y1 + shift)
    assert first.words and last.words
    return page


def test_a_category_cut_at_its_connector_goes_on_lower_down() -> None:
    page = _card_rows([[(0.1, "REMARQUES"), (0.3, "VIE PRIVEE ET")], [(0.3, "FAMILIALE"), (0.6, "DELIVRANCE")]], gap=1.6)
    assert residence_permit.extract([page], None).fields["permit_category"] == "VIE PRIVEE ET FAMILIALE"


def test_a_category_keeps_its_dash_as_printed_and_gets_back_the_one_ocr_dropped() -> None:
    printed = layout_page([[(0.1, "TITRE DE SÉJOUR")], [(0.1, "REMARQUES"), (0.3, "ÉTUDIANT - ÉLÈVE")]])
    assert residence_permit.extract([printed], None).fields["permit_category"] == "ÉTUDIANT - ÉLÈVE"
    dropped = layout_page([[(0.1, "TITRE DE SÉJOUR")], [(0.1, "REMARQUES"), (0.3, "ETUDIANT ELEVE")]])
    assert residence_permit.extract([dropped], None).fields["permit_category"] == "ETUDIANT-ELEVE"


def test_a_name_label_with_its_plural_mark() -> None:
    for label in ("Nom et prénom(s) :", "Prénom(s) et nom", "NOM ET PRÉNOMS"):
        name = labelled_name(TextIndex([layout_page([[(0.08, label), (0.4, "DIOUF Awa Mariama")]])]))
        assert name is not None and (name.surname.value, name.given_names.value) == ("DIOUF", "Awa Mariama"), label


def test_an_institution_named_with_the_sentences_article() -> None:
    text = """Entre l'Université de Franche-Comté, ci-après « l'établissement d'enseignement »,
La Communauté d'agglomération du Grand Besançon, 4 rue Gabriel Plançon, 25000 Besançon, SIRET 24250051600045,
ci-après dénommée « la structure d'accueil »,
et Mme Awa DIOUF, ci-après « la stagiaire »."""
    assert internship_agreement.extract([prose_page(text)]).fields["host_name"] == "Communauté d'agglomération du Grand Besançon"
    post = text.replace("La Communauté d'agglomération du Grand Besançon, 4 rue Gabriel Plançon", "La Poste, société anonyme, 9 rue du Colonel Pierre Avia")
    assert internship_agreement.extract([prose_page(post)]).fields["host_name"] == "La Poste"


def test_hours_that_do_not_apply_to_the_person() -> None:
    page = prose_page("L'horaire collectif de 39 heures hebdomadaires ne s'applique pas au stagiaire, présent 28 heures"
                      " par semaine.")
    assert weekly_hours_span(TextIndex([page])).value == 28.0
    applying = prose_page("L'horaire collectif de 39 heures hebdomadaires s'applique au salarié.")
    assert weekly_hours_span(TextIndex([applying])).value == 39.0


def test_an_accountants_siret_is_not_the_certified_companys() -> None:
    mail = """De : Sophie LAMBERT <s.lambert@fiducial-exemple.fr>
Objet : attestation Urssaf
Veuillez trouver l'attestation de vigilance de la société BOIS & CHARPENTE DU JURA.
Sophie LAMBERT
Cabinet Lambert, commissaires aux comptes
SIRET 41234567800021
Raison sociale : BOIS & CHARPENTE DU JURA
Date de délivrance : 02/06/2026"""
    assert urssaf_certificate.extract([prose_page(mail)]).fields["siren"] is None
    own = mail + "\nSIRET du siège : 80295478500028"
    assert urssaf_certificate.extract([prose_page(own)]).fields["siren"] == "802954785"


def test_the_interns_rows_without_their_heading() -> None:
    rows = [[(0.08, "CONVENTION DE STAGE")],
            [(0.08, "Tuteur"), (0.35, "Mme Claire PETIT, responsable qualité")],
            [(0.08, "Nom"), (0.35, "DIOP")],
            [(0.08, "Prénom(s)"), (0.35, "Ousmane")],
            [(0.08, "Date de naissance"), (0.35, "12/03/2001")],
            [(0.08, "Dossier suivi par"), (0.35, "M. Paul GIRARD")]]
    fields = internship_agreement.extract([layout_page(rows)]).fields
    assert (fields["intern_surname"], fields["intern_given_names"]) == ("DIOP", "Ousmane")


def _white_on_black_heading() -> np.ndarray:
    page = np.full((900, 1400), 255, np.uint8)
    cv2.rectangle(page, (60, 100), (1340, 160), 0, -1)  # the band
    cv2.putText(page, "SERVICE EMPLOYEUR", (80, 145), cv2.FONT_HERSHEY_SIMPLEX, 1.4, 255, 3)
    for y in (300, 420):  # a table's rules, which are to go
        cv2.line(page, (60, y), (1340, y), 0, 2)
    cv2.putText(page, "Raison sociale", (80, 380), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 2)
    return page


def test_a_heading_printed_white_on_black_keeps_its_letters_and_tables_lose_their_rules(tmp_path) -> None:
    cleaned = cleanup.remove_rules(_white_on_black_heading())
    assert cleaned[300, 700] == 255 and cleaned[420, 700] == 255  # the rules are gone
    assert (cleaned[105:155, 70:1330] == 0).mean() > 0.6  # the band stands
    cv2.imwrite(str(tmp_path / "p.png"), cleaned)
    text = " ".join(w.text for line in ocr_words(tmp_path / "p.png", 1400, 900, timeout=30).lines for w in line.words)
    assert "EMPLOYEUR" in text and "sociale" in text


def test_a_dark_surround_is_no_band_and_a_cards_edge_against_it_is_erased() -> None:
    photo = np.full((600, 900), 40, np.uint8)  # a table under a card
    cv2.rectangle(photo, (150, 100), (750, 500), 235, -1)
    cv2.line(photo, (170, 300), (730, 300), 0, 2)  # a rule on the card
    assert cleanup.remove_rules(photo)[300, 450] == 255


def _word(text: str, x: float, y: float, confidence: float) -> Word:
    return Word(text=text, bbox=(x, y, x + 0.01 * len(text), y + 0.02), confidence=confidence)


def test_the_sparse_pass_completes_a_reading_and_never_changes_it(monkeypatch, tmp_path) -> None:
    kept = [_word("NOM", 0.1, 0.1, 0.95), _word("DIALLO", 0.3, 0.1, 0.93), _word("P4", 0.3, 0.5, 0.1)]
    sparse = [_word("DIALL0", 0.3, 0.1, 0.99),  # over a word read surely: the page's reading stays
              _word("REMARQUES", 0.1, 0.3, 0.9), _word("SALARIE", 0.3, 0.3, 0.8),  # a line the page dropped
              _word("TALENT", 0.3, 0.5, 0.85),  # over debris, which it replaces
              _word("x#", 0.6, 0.7, 0.5)]  # unsure: left out
    monkeypatch.setattr(reading, "_ocr", lambda *args, **kwargs: OcrResult(rows_from_words(sparse), 0.9))
    best = OcrResult(rows_from_words(kept), 0.66)
    done = reading._with_sparse_words(np.zeros((10, 10), np.uint8), best, None, str(tmp_path))
    words = sorted(w.text for line in done.lines for w in line.words)
    assert words == ["DIALLO", "NOM", "REMARQUES", "SALARIE", "TALENT"]


@pytest.mark.parametrize("between", [[], ["""Notenauszug
Prüfungsfach    Note
Analysis    1,7
Geboren am 3. Mai 1999
Abschlussdatum 14. Oktober 2024"""]])
def test_a_diploma_its_transcript_and_its_translation_are_one_piece(between: list[str]) -> None:
    original = """Technische Universität Dresden
Urkunde
Frau Aïcha BEN SALAH, geboren am 3. Mai 1999, hat am 14. Oktober 2024 die Masterprüfung bestanden.
Die Universität verleiht ihr den akademischen Grad
Master of Science"""
    translation = """Certificate (translation)
Ms Aïcha BEN SALAH, born on May 3, 1999, passed the Master's examination on October 14, 2024.
The University confers upon her the academic degree of Master of Science."""
    second_degree = """Technische Universität Dresden
Urkunde
Frau Aïcha BEN SALAH, geboren am 3. Mai 1999, hat am 9. Juli 2021 die Bachelorprüfung bestanden.
Die Universität verleiht ihr den akademischen Grad
Bachelor of Science"""
    pages = [prose_page(t) for t in [original, *between, translation, second_degree]]
    groups = split_pages(pages, [score_page(p) for p in pages])
    assert groups == [list(range(len(pages) - 1)), [len(pages) - 1]]


def test_a_transcript_before_its_diploma_is_one_piece_with_it() -> None:
    transcript = """Akademischer Leistungsausweis
Name, Vorname    MENSAH, Kwame
Geburtsdatum    12.04.1996
Abschlussdatum    30.09.2022"""
    degree = """Universität Bern
Die Universität verleiht Herrn Kwame MENSAH, geboren am 12. April 1996,
den akademischen Grad Master of Science, nachdem er die Prüfung am 30. September 2022 bestanden hat."""
    pages = [prose_page(transcript), prose_page(degree)]
    assert split_pages(pages, [score_page(p) for p in pages]) == [[0, 1]]


def test_round_ten_rules_stay_within_their_cases() -> None:
    """What the rules above must leave alone (a review found each): two degrees of one person citing the same decree,
    numbered items before a month, a title OCR glued, a degree's own convocation date, a category's printed dashes and
    its real continuation, a brand's article, an accounting firm certified itself, hours whose next row is "non
    applicable", the rows of a tutor above a birth given in prose, a convention's own validity."""
    licence = """UNIVERSITÉ DE LORRAINE
Vu l'arrêté du 22 janvier 2014 fixant le cadre national des formations ;
Vu l'arrêté du 1er août 2011 relatif à la licence ;
DIPLÔME DE LICENCE
Licence Mention Économie
est délivré à Mme Awa DIALLO, née le 3 mai 1999 à Dakar (Sénégal)
Fait à Nancy, le 15 septembre 2020"""
    master = licence.replace("LICENCE\nLicence", "MASTER\nMaster").replace("15 septembre 2020", "20 octobre 2022")
    pages = [prose_page(licence), prose_page(master)]
    assert split_pages(pages, [score_page(p) for p in pages]) == [[0], [1]]
    for text in ("Article 3. Mai 2020 : entrée en vigueur", "Avenant n° 2. Janvier 2025", "Master 2. Septembre 2023"):
        assert find_dates(text) == [], text
    glued = prose_page("DIPLÔME\nMaster2 Informatique\ndélivré à Mme Awa DIALLO, née le 3 mai 1999\nFait à Nancy, le 10 octobre 2021")
    assert diploma.extract([glued]).fields["title"] == "Master2 Informatique"
    convocation = prose_page("""This is to certify that Ravi KUMAR, having passed the entrance examination held on 12 June 2015,
has been awarded the degree of Bachelor of Engineering
at the Convocation held on 22 February 2020""")
    assert diploma.extract([convocation]).fields["award_date"] == "2020-02-22"
    printed = layout_page([[(0.1, "TITRE DE SÉJOUR")], [(0.1, "REMARQUES"), (0.3, "ÉTUDIANT - PROGRAMME DE MOBILITÉ")]])
    assert residence_permit.extract([printed], None).fields["permit_category"] == "ÉTUDIANT - PROGRAMME DE MOBILITÉ"
    going_on = _card_rows([[(0.1, "REMARQUES"), (0.3, "STAGIAIRE")], [(0.3, "ICT (FAMILLE)")]], gap=1.0)
    assert residence_permit.extract([going_on], None).fields["permit_category"] == "STAGIAIRE ICT (FAMILLE)"
    for rows, category in (
            ([[(0.1, "REMARQUES"), (0.3, "RECHERCHE D'EMPLOI/")], [(0.3, "CREATION D'ENTREPRISE")], [(0.1, "DATE")]],
             "RECHERCHE D'EMPLOI/CREATION D'ENTREPRISE"),
            ([[(0.1, "REMARQUES"), (0.3, "ETUDIANT PROGRAMME DE")], [(0.3, "MOBILITE")], [(0.3, "ERASMUS")]],
             "ETUDIANT PROGRAMME DE MOBILITE")):  # the nearest line only
        card = layout_page([[(0.1, "TITRE DE SÉJOUR")], *rows])
        assert residence_permit.extract([card], None).fields["permit_category"] == category
    brand = """Entre l'Université de Franche-Comté, ci-après « l'établissement d'enseignement »,
La Maison Bleue, 4 rue Gabriel Plançon, 25000 Besançon, SIRET 24250051600045, ci-après dénommée « l'organisme d'accueil »,
et Mme Awa DIOUF, ci-après « la stagiaire »."""
    assert internship_agreement.extract([prose_page(brand)]).fields["host_name"] == "La Maison Bleue"
    firm = prose_page("ATTESTATION DE VIGILANCE\nRaison sociale : CABINET COMPTABLE MARTIN\nSIRET 802 954 785 00028")
    assert urssaf_certificate.extract([firm]).fields["siren"] == "802954785"
    grid = layout_page([[(0.08, "Durée du travail"), (0.4, "35 heures hebdomadaires")],
                        [(0.08, "Période d'essai"), (0.4, "non applicable")]])
    assert weekly_hours_span(TextIndex([grid])).value == 35.0
    prose_birth = [[(0.08, "CONVENTION DE STAGE")], [(0.08, "Tuteur de stage")],
                   [(0.08, "Nom : PETIT"), (0.45, "Prénom : Claire")],
                   [(0.08, "L'étudiante Awa DIOUF, née le 12/03/2001 à Dakar, inscrite en Master 2,")]]
    assert internship_agreement.extract([layout_page(prose_birth)]).fields["intern_surname"] != "PETIT"
    validity = prose_page("""CONVENTION DE STAGE
Le stage débute le 2 mars 2026. La présente convention est valable jusqu'au 31 août 2026, terme du stage.
La stagiaire, titulaire d'un titre de séjour valide jusqu'au 31 octobre 2027, sera présente 35 heures par semaine.""")
    assert internship_agreement.extract([validity]).fields["end_date"] == "2026-08-31"

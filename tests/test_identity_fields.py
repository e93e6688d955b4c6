"""Passport and residence-permit fields from synthetic OCR pages (no OCR run here)."""
from functools import partial

import pytest

from extractors.fields import id_card, passport, residence_permit
from models import Line, Page, Word
from tests import mrz_builders

# These tests build a male passport holder and a female permit holder by default.
td3 = partial(mrz_builders.td3, sex="M")
td1 = partial(mrz_builders.td1, sex="F")

CHAR_W, LINE_H = 0.012, 0.02


def word(text: str, x: float, y: float, conf: float = 0.9) -> Word:
    return Word(text=text, bbox=(x, y, min(1.0, x + CHAR_W * len(text)), y + LINE_H), confidence=conf)


def line(text: str, x: float, y: float) -> Line:
    """A line of words starting at x, words one space apart."""
    words, cursor = [], x
    for token in text.split():
        words.append(word(token, cursor, y))
        cursor += CHAR_W * (len(token) + 1)
    return Line(words=words)


def merged(*parts: Line) -> Line:
    """One OCR line made of pieces far apart (side-by-side columns or card faces)."""
    return Line(words=[w for p in parts for w in p.words])


def page(*lines: Line, extra_mrz: str | None = None) -> Page:
    return Page(source="p.jpg", number=1, width=1000, height=700, text_source="ocr", lines=list(lines),
                extra_text={"mrz": extra_mrz} if extra_mrz else {})




def passport_page_labels_above(mrz_lines: list[str]) -> Page:
    return page(
        line("REPUBLIC OF INDIA PASSPORT", 0.1, 0.05),
        merged(line("Type Code", 0.3, 0.12), line("Passport No.", 0.65, 0.12)),
        merged(line("P IND", 0.3, 0.15), line("N2O771776", 0.65, 0.15)),
        line("Surname", 0.3, 0.20),
        line("D'SOUZA", 0.3, 0.23),
        line("Given Names", 0.3, 0.28),
        line("ROHAN", 0.3, 0.31),
        merged(line("Date of Birth", 0.3, 0.36), line("Sex", 0.55, 0.36), line("Place of Birth", 0.7, 0.36)),
        merged(line("11 MAR 1984", 0.3, 0.39), line("M", 0.55, 0.39), line("HYDERABAD", 0.7, 0.39)),
        line("Date of Expiry", 0.3, 0.44),
        merged(line("Holder's signature", 0.05, 0.47), line("13 OCT 2029", 0.3, 0.47)),
        line(mrz_lines[0], 0.05, 0.6),
        line(mrz_lines[1], 0.05, 0.65),
    )


def test_passport_mrz_wins_and_names_come_from_the_visual_zone():
    lines = td3("N20771776", "840311", "291013", "DSOUZA<<ROHAN", "IND")
    ex = passport.extract([passport_page_labels_above(lines)], lines)
    assert ex.fields == {
        "document_number": "N20771776", "surname": "D'SOUZA", "given_names": "ROHAN", "nationality": "IND",
        "date_of_birth": "1984-03-11", "sex": "M", "expiry_date": "2029-10-13", "issuing_state": "IND",
    }
    assert ex.mrz_failed == []
    assert ex.field_confidence["document_number"] > 0.9
    assert ex.field_boxes["surname"][0].page == 1


def test_mrz_read_from_the_page_lines_when_no_reader_output():
    lines = td3("N20771776", "840311", "291013", "DSOUZA<<ROHAN", "IND")
    ex = passport.extract([passport_page_labels_above(lines)], None)
    assert ex.fields["document_number"] == "N20771776"
    assert ex.fields["date_of_birth"] == "1984-03-11"


def test_failed_check_falls_back_to_the_visual_zone():
    good = td3("N20771776", "840311", "291013", "DSOUZA<<ROHAN", "IND")
    broken = [good[0], good[1][:13] + "850311" + good[1][19:]]  # birth digit misread, check fails
    ex = passport.extract([passport_page_labels_above(broken)], broken)
    assert ex.fields["date_of_birth"] == "1984-03-11"  # as printed
    assert "date_of_birth" in ex.mrz_failed
    assert ex.field_confidence["date_of_birth"] < 0.9
    assert ex.fields["expiry_date"] == "2029-10-13" and "expiry_date" not in ex.mrz_failed


def test_labels_with_values_on_the_same_line_and_no_mrz():
    p = page(
        line("PASSEPORT / PASSPORT", 0.1, 0.05),
        line("Code: SEN", 0.1, 0.10),
        line("Passport No: A1234567", 0.1, 0.13),
        line("Nom / Surname: N'DIAYE", 0.1, 0.16),
        line("Prénoms / Given names: FATOU BINETOU", 0.1, 0.19),
        line("Date of birth: 25/04/2004", 0.1, 0.22),
        line("Sexe / Sex: F", 0.1, 0.25),
        line("Date of expiry: 14.12.2027", 0.1, 0.28),
    )
    ex = passport.extract([p], None)
    assert ex.fields["surname"] == "N'DIAYE"
    assert ex.fields["given_names"] == "FATOU BINETOU"
    assert ex.fields["date_of_birth"] == "2004-04-25"
    assert ex.fields["expiry_date"] == "2027-12-14"
    assert ex.fields["document_number"] == "A1234567"
    assert ex.fields["sex"] == "F"
    assert ex.mrz_failed == []  # no MRZ at all is not a failed check


def test_century_from_the_visual_zone():
    lines = td3("X1234567", "250101", "300101", "OLD<<MAN", "FRA")
    p = page(line("Date of birth", 0.1, 0.1), line("01 JAN 1925", 0.1, 0.13))
    ex = passport.extract([p], lines)
    assert ex.fields["date_of_birth"] == "1925-01-01"


def test_accented_printed_name_kept_when_mrz_transliterates():
    lines = td3("NE565600", "051116", "280809", "GARCIA<LOPEZ<<VALENTINA", "COL", sex="F")
    p = page(line("Surname", 0.3, 0.2), line("GARCÍA LÓPEZ", 0.3, 0.23),
             line("Given Names", 0.3, 0.28), line("VALENTINA", 0.3, 0.31))
    ex = passport.extract([p], lines)
    assert ex.fields["surname"] == "GARCÍA LÓPEZ"
    assert ex.fields["given_names"] == "VALENTINA"


def test_mrz_name_when_the_visual_zone_is_unreadable():
    lines = td3("NE565600", "051116", "280809", "GARCIA<LOPEZ<<VALENTINA", "COL", sex="F")
    ex = passport.extract([page(line("~~ :: ..", 0.3, 0.2))], lines)
    assert ex.fields["surname"] == "GARCIA LOPEZ"
    assert ex.fields["given_names"] == "VALENTINA"


def permit_side_by_side(mrz_lines: list[str]) -> Page:
    """Recto (left) and verso (right) in one image: tesseract merges their lines."""
    return page(
        merged(line("TITRE DE SÉJOUR", 0.05, 0.10), line("LIEU DE NAISSANCE / Place of birth", 0.55, 0.10)),
        merged(line("21SH09483", 0.35, 0.14), line("DAKAR (SEN)", 0.55, 0.14)),
        merged(line("NOM / Surname", 0.2, 0.20), line("ADRESSE / Address", 0.55, 0.20)),
        merged(line("NDIAYE", 0.2, 0.23), line("111 RUE NATIONALE, 44000 NANTES", 0.55, 0.23)),
        line("Prénoms / Given names", 0.2, 0.28),
        line("KHADY", 0.2, 0.31),
        merged(line("SEXE / Sex", 0.2, 0.36), line("NAT. / Nat.", 0.3, 0.36), line("DATE DE NAISS. / Date of birth", 0.38, 0.36)),
        merged(line("F", 0.2, 0.39), line("SEN", 0.3, 0.39), line("25 04 2004", 0.38, 0.39)),
        line("TYPE DE TITRE / Type of permit", 0.2, 0.44),
        merged(line("CARTE DE SEJOUR TEMPORAIRE", 0.2, 0.47), line(mrz_lines[0], 0.55, 0.47)),
        merged(line("VALABLE JUSQU'AU / Valid until", 0.2, 0.52), line(mrz_lines[1], 0.55, 0.52)),
        merged(line("21 04 2026", 0.2, 0.55), line(mrz_lines[2], 0.55, 0.55)),
        line("REMARQUES / Remarks", 0.2, 0.60),
        line("~w~ RECHERCHE D'EMPLOI/CREATION D'ENTREPRISE", 0.12, 0.63),
    )


def test_residence_permit_side_by_side():
    lines = td1("21SH09483", "040425", "260421", "NDIAYE<<KHADY", "SEN")
    ex = residence_permit.extract([permit_side_by_side(lines)], None)
    assert ex.fields == {
        "document_number": "21SH09483", "surname": "NDIAYE", "given_names": "KHADY", "nationality": "SEN",
        "date_of_birth": "2004-04-25", "expiry_date": "2026-04-21",
        "permit_category": "RECHERCHE D'EMPLOI/CREATION D'ENTREPRISE",
    }
    assert ex.mrz_failed == []


def test_residence_permit_number_reconciled_with_the_card():
    lines = td1("21SH09483", "040425", "260421", "NDIAYE<<KHADY", "SEN")
    misread = [lines[0].replace("SH0", "SHO"), lines[1], lines[2]]
    ex = residence_permit.extract([permit_side_by_side(lines)], misread)
    assert ex.fields["document_number"] == "21SH09483"


def test_permit_category_without_its_label():
    lines = td1("21SH09483", "040425", "260421", "NDIAYE<<KHADY", "SEN")
    p = page(line("CARTE DE SEJOUR PLURIANNUELLE", 0.2, 0.4), line("AAN TRAVAILLEUR TEMPORAIRE", 0.2, 0.5))
    ex = residence_permit.extract([p], lines)
    assert ex.fields["permit_category"] == "TRAVAILLEUR TEMPORAIRE"
    assert "sex" not in ex.fields and "issuing_state" not in ex.fields


def test_printed_name_wins_over_a_damaged_mrz_name():
    good = td3("N20771776", "840311", "291013", "DSOUZA<<ROHAN", "IND")
    damaged = [good[0].replace("ROHAN<<<<<<<<", "ROHANKK<K<KKE"), good[1]]
    ex = passport.extract([passport_page_labels_above(good)], damaged)
    assert ex.fields["given_names"] == "ROHAN"


def _printed_surname_against_mrz(printed: str, mrz_names: str):
    lines = td3("C4X92J1T8", "900512", "330101", mrz_names, "DEU")
    p = page(line("Surname / Nom", 0.3, 0.2), line(printed, 0.3, 0.23),
             line("Given names / Prénoms", 0.3, 0.28), line("KLARA", 0.3, 0.31))
    ex = passport.extract([p], lines)
    return ex.fields["surname"], ex.field_confidence["surname"]


def test_printed_name_and_mrz_name_reconciled():
    # Same name under ICAO's digraphs: confirmed.
    name, conf = _printed_surname_against_mrz("MÜLLER", "MUELLER<<KLARA")
    assert name == "MÜLLER" and conf >= 0.9
    # OCR dropped a letter of the small print: the MRZ spells the name whole.
    name, conf = _printed_surname_against_mrz("MUELER", "MUELLER<<KLARA")
    assert name == "MUELLER" and conf >= 0.6
    # The readings disagree otherwise: the printed one, below the certainty threshold.
    name, conf = _printed_surname_against_mrz("MUELLIR", "MUELLER<<KLARA")
    assert name == "MUELLIR" and conf < 0.6


def test_category_with_a_dash_is_read_whole():
    lines = td1("21SH09483", "040425", "260421", "NDIAYE<<KHADY", "SEN")
    dash = Word(text="-", bbox=(0.33, 0.633, 0.336, 0.634), confidence=0.9)  # a flat word
    category = Line(words=[word("ETUDIANT", 0.2, 0.62), dash, word("ELEVE", 0.345, 0.62)])
    p = page(line("TITRE DE SÉJOUR", 0.05, 0.1), line("REMARQUES / Remarks", 0.2, 0.58), category,
             *[line(m, 0.05, 0.7 + 0.05 * i) for i, m in enumerate(lines)])
    ex = residence_permit.extract([p], lines)
    assert ex.fields["permit_category"] == "ETUDIANT - ELEVE"


def test_card_with_given_names_in_small_letters_and_a_usage_name_label():
    from extractors.fields import id_card

    p = page(line("CARTE NATIONALE D'IDENTITÉ / IDENTITY CARD", 0.05, 0.05),
             line("NOM / Surname", 0.3, 0.12), line("LEFEBVRE", 0.3, 0.15),
             line("Prénoms / Given names", 0.3, 0.20), line("Anne-Sophie, Claire", 0.3, 0.23),
             line("NOM D'USAGE / Alternate name", 0.3, 0.28), line("ÉP. MOREAU", 0.3, 0.31),
             line("DATE D'EXPIR. / Expiry date", 0.3, 0.36), line("11 02 2031", 0.3, 0.39))
    ex = id_card.extract([p], None)
    assert ex.fields["surname"] == "LEFEBVRE"
    assert ex.fields["given_names"] == "Anne-Sophie Claire"
    assert ex.fields["expiry_date"] == "2031-02-11"


def test_mrz_date_failing_its_check_is_kept_when_the_card_prints_the_same_day():
    # A real specimen's layout (Spanish DNI): the date under labels of its own language, and
    # a DOB check digit that does not hold on the card itself (not a misreading).
    good = td1("BAB183428", "800101", "300101", "MUESTRA<MUESTRA<<CARMEN", "ESP")
    bad_check = str((int(good[1][6]) + 1) % 10)
    lines = [good[0], good[1][:6] + bad_check + good[1][7:], good[2]]
    p = page(
        line("DOCUMENTO NACIONAL DE IDENTIDAD", 0.1, 0.05),
        line("FECHA DE NACIMIENTO", 0.4, 0.30),
        line("01 01 1980", 0.4, 0.33),
        line(lines[0], 0.05, 0.7), line(lines[1], 0.05, 0.75), line(lines[2], 0.05, 0.8),
    )
    ex = id_card.extract([p], lines)
    assert ex.fields["date_of_birth"] == "1980-01-01"
    assert ex.field_confidence["date_of_birth"] >= 0.9
    assert "date_of_birth" in ex.mrz_failed  # the check digit still fails: that is flagged


def test_mrz_date_failing_its_check_and_printed_otherwise_is_not_confirmed():
    good = td1("BAB183428", "800101", "300101", "MUESTRA<MUESTRA<<CARMEN", "ESP")
    lines = [good[0], good[1][:6] + str((int(good[1][6]) + 1) % 10) + good[1][7:], good[2]]
    p = page(line("FECHA DE NACIMIENTO", 0.4, 0.30), line("02 01 1980", 0.4, 0.33),
             line(lines[0], 0.05, 0.7), line(lines[1], 0.05, 0.75), line(lines[2], 0.05, 0.8))
    ex = id_card.extract([p], lines)
    assert ex.field_confidence.get("date_of_birth", 0.0) < 0.9


def test_issuing_state_named_at_the_head_of_a_card_front_without_mrz():
    p = page(
        line("RÉPUBLIQUE FRANÇAISE", 0.3, 0.05),
        line("CARTE NATIONALE D'IDENTITÉ", 0.3, 0.10),
        line("NOM / Surname", 0.3, 0.20), line("MARTIN", 0.3, 0.23),
    )
    ex = id_card.extract([p], None)
    assert ex.fields["issuing_state"] == "FRA"
    assert ex.field_confidence["issuing_state"] < 0.9  # read, not checked: a point to verify


def test_issuing_state_named_in_a_letter_spaced_title_cut_anywhere():
    # The new card's title is printed letter-spaced; OCR cuts it where it likes.
    p = page(
        line("RÉPUBLIQU E FRANÇAISE", 0.3, 0.05),
        line("CARTE NATIONALE D'IDENTITÉ", 0.3, 0.10),
        line("NOM / Surname", 0.3, 0.20), line("MARTIN", 0.3, 0.23),
    )
    assert id_card.extract([p], None).fields["issuing_state"] == "FRA"


def test_digits_run_together_short_of_a_full_date_are_no_date():
    # "11 02 2030" read "1022030": 1 or 10 February? Neither is given.
    p = page(
        line("CARTE NATIONALE D'IDENTITÉ", 0.3, 0.10),
        line("NOM / Surname", 0.3, 0.20), line("MARTIN", 0.3, 0.23),
        line("DATE D'EXPIR / Expiry date", 0.5, 0.80), line("1022030", 0.5, 0.84),
    )
    assert id_card.extract([p], None).fields.get("expiry_date") is None
    p.lines[-1] = line("11022030", 0.5, 0.84)
    assert id_card.extract([p], None).fields["expiry_date"] == "2030-02-11"


@pytest.mark.parametrize(("day_month", "year", "confirmed"), [("01.01.", "1980", True), ("01/01", "1980", True),
                                                              ("02.01.", "1980", False), ("01.01.", "1981", False)])
def test_mrz_date_confirmed_by_a_printed_day_cut_across_two_rows(day_month: str, year: str, confirmed: bool):
    # OCR put the year a row above its day and month ("Nee 1980" / "le : 01.01."): the same
    # day still, in another State's wording and layout than the generator's.
    good = td1("BAB183428", "800101", "300101", "MUESTRA<MUESTRA<<CARMEN", "ESP")
    lines = [good[0], good[1][:6] + str((int(good[1][6]) + 1) % 10) + good[1][7:], good[2]]
    p = page(
        line("GEBURTSDATUM Nee", 0.3, 0.30), line(year, 0.62, 0.30),
        line("le :", 0.3, 0.335), line(day_month, 0.4, 0.335),
        line(lines[0], 0.05, 0.7), line(lines[1], 0.05, 0.75), line(lines[2], 0.05, 0.8),
    )
    ex = id_card.extract([p], lines)
    assert (ex.field_confidence.get("date_of_birth", 0.0) >= 0.9) is confirmed
    assert "date_of_birth" in ex.mrz_failed

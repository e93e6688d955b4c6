"""The fresh diploma family `diploma:notarial_certificate_china` (fourteenth diploma wave, `Fresh.wave` 13): the
notarised English translation a Chinese notary public office issues for a university's graduation and degree
certificates — its notarial certificate ("(2024) Hu Dong Zheng Wai Zi No. …", the applicant, the subject, "This is to
certify that the photocopy … is in conformity with the original", the notary and the date of notarisation) before
or after the translations, in prose or as framed forms. It renders born digital, scanned and photographed; it prints
the holder (surname first on some, given names first on others), the title and the degree certificate's date beside
the birth date, the study period, the graduation certificate's and the notary's dates and the numbers; it is drawn
for workers from China, carries its family tag in whole dossiers that pass `synth check`, and leaves every other
piece (and the earlier fresh diploma families' draws) as it was."""
from __future__ import annotations

import datetime as dt
import re

from synth.pieces.fresh_diploma_china import CHINESE_TITLES
from tests import fresh_waves as waves

NAME = "diploma:notarial_certificate_china"
EARLIER = ("conferred", "school_band", "releve_resultats", "jury_proces_verbal", "titre_professionnel",
           "comparabilite", "traduction_assermentee", "certificat_numerique", "supplement_diplome", "diplome_maghreb",
           "titulo_apostille", "diploma_bilingue_est", "degree_certificate_india")
FREE_SEEDS = (287, 551)  # make_facts seeds drawing it with nothing excluded: an English degree, a French one
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MONTH = "|".join(MONTHS)
DATE = rf"(?:{MONTH}) \d{{1,2}}, \d{{4}}|\d{{1,2}} (?:{MONTH}) \d{{4}}"
HEADINGS = {heading for kind in ("Bachelor's", "Master's") for heading in (
    f"{kind.upper()} DEGREE CERTIFICATE", f"{kind} Degree Certificate", f"CERTIFICATE OF {kind.upper()} DEGREE")}
NUMBER = r"\(\d{4}\) (?:[A-Z][a-z]* )+Zi No\. \d{4,5}"


def _date(text: str) -> dt.date:
    return waves.date_in(text, ("%B %d, %Y", "%d %B %Y"))


def _layout(text: str) -> str:
    """The notarial certificate last (`appended`), or first with the certificates as forms (`form`) or in prose."""
    if text.index("NOTARIAL CERTIFICATE") > text.index("Certificate No.:"):
        return "appended"
    return "form" if "Gender: " in text else "booklet"


def test_registered_last_of_its_type_and_drawn_in_the_fourteenth_wave():
    waves.listed_last_in_its_wave(NAME, {**{name: wave for wave, name in enumerate(EARLIER)},
                                         "notarial_certificate_china": 13})


def test_born_digital_prints_its_truth_beside_its_distractors():
    """Nine booklets: the three layouts, with and without the graduation certificate; the holder, the title on its
    own line (or closing the conferral's sentence), the degree certificate's date as the only date of its section
    bar the birth, and the distractors: the notarial number, the notary's later date, the certificate numbers, the
    study period, the graduation certificate's date."""
    layouts, orders, pages_seen, inline = set(), set(), set(), 0
    for text, pages, fields in waves.born_digital_texts(NAME, (3, 5, 17, 29, 30, 34, 35, 48, 56)):
        text = text.replace("\r\n", "\n")
        assert 2 <= pages <= 3
        lines = [" ".join(line.split()) for line in text.splitlines()]
        flat = " ".join(text.split())
        layouts.add(_layout(text))
        pages_seen.add(pages)
        surname, given = fields["holder_surname"], fields["holder_given_names"]
        assert surname.upper() in flat.upper() and given.upper() in flat.upper()
        if re.search(rf"\b{re.escape(surname)} {re.escape(given)}\b", flat, re.IGNORECASE):
            orders.add("surname first")
        if re.search(rf"\b{re.escape(given)} {re.escape(surname)}\b", flat, re.IGNORECASE):
            orders.add("given first")
        title = fields["title"]
        assert title in lines or f"the degree of {title}." in flat, lines
        inline += title not in lines
        award = dt.date.fromisoformat(fields["award_date"])
        # the degree certificate's section: its heading to its number
        heading = next(k for k, line in enumerate(lines) if line in HEADINGS)
        degree = " ".join(lines[heading:]).split("Certificate No.:")[0]
        born = {_date(m) for m in re.findall(rf"(?:born on|Date of Birth:) ({DATE})", degree)}
        assert len(born) == 1 and {_date(m) for m in re.findall(DATE, degree)} - born == {award}, degree
        # the distractors
        dates = {_date(m) for m in re.findall(DATE, flat)}
        assert max(dates) > award and born < dates  # the notarisation, the birth
        assert re.search(rf"^{NUMBER}$|Notarial Certificate {NUMBER}", text, re.MULTILINE), text
        assert re.search(r"Certificate No\.: \d{16}\b", flat)
        assert re.search(r"Notary(?: Public)?: \S+ \S+", flat) and "the People's Republic of China" in flat
        assert "in conformity with the" in flat and "Chinese original" in flat
        if "from September" in flat:  # the graduation certificate: its period, number and date
            period = re.search(rf"from September (\d{{4}}) to ((?:{MONTH}) \d{{4}})", flat)
            assert period and int(period.group(1)) < award.year
            assert dt.datetime.strptime(period.group(2), "%B %Y").date() <= award
            assert re.search(r"Certificate No\.: \d{18}\b", flat) and "President" in flat
    assert layouts == {"booklet", "form", "appended"}, layouts
    assert orders == {"surname first", "given first"}, orders
    assert pages_seen == {2, 3} and inline, (pages_seen, inline)


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 1)  # two pages


def test_drawn_free_for_workers_from_china():
    """Left free, it is drawn for workers from China; a French degree's title is the Chinese equivalent printed."""
    waves.drawn_free_for_workers_from(NAME, "CHN", range(12), FREE_SEEDS,
                                      lambda french: {title for title, _ in CHINESE_TITLES[french]})


def test_earlier_waves_kept():
    """Every other diploma, the earlier fresh families' included, is the one made with it excluded, and the generator's
    stream ends where it did (seed 287 draws it)."""
    drawn = waves.pieces_with_and_without(NAME, "changement_statut", range(280, 296))
    assert drawn[NAME] == 1 and sum(drawn[f"diploma:{name}"] for name in EARLIER) >= 4, drawn


def test_in_dossiers_carries_its_tag_and_passes_the_check(tmp_path):
    assert waves.dossiers_of_only(NAME, ((2, "changement_statut", 0.0, 0.0),), tmp_path) == {"render:born_digital": 1}


def test_older_dossiers_keep_their_other_pieces(tmp_path):
    """A whole dossier drawn with and without the family (seed 1071 draws it): the same pieces, with the same truth,
    bar its own."""
    assert waves.dossiers_with_and_without(NAME, "changement_statut", (1071,), tmp_path) > 0

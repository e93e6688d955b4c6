"""The fresh diploma family `diploma:degree_certificate_india` (thirteenth diploma wave, `Fresh.wave` 12): the original
degree certificate of an Indian university or institute, in English — a state university's convocation parchment, an
institute's "hereby confers … Given under the seal", a newer "has been awarded" certificate with its grid of dates and
a QR code —, its grade card or its attested back on a second page on some. It renders born digital, scanned and
photographed; it prints the holder, the title alone on its line and the award date (the convocation, the conferral)
beside the examination's month, the result's declaration and later issue dates; it is drawn for workers from India,
carries its family tag in whole dossiers that pass `synth check`, and leaves every other piece (and the earlier fresh
diploma families' draws) as it was."""
from __future__ import annotations

import datetime as dt
import re

from synth.pieces.fresh_diploma_india import INDIAN_TITLES
from tests import fresh_waves as waves

NAME = "diploma:degree_certificate_india"
EARLIER = ("conferred", "school_band", "releve_resultats", "jury_proces_verbal", "titre_professionnel",
           "comparabilite", "traduction_assermentee", "certificat_numerique", "supplement_diplome", "diplome_maghreb",
           "titulo_apostille", "diploma_bilingue_est")
FREE_SEEDS = (636, 15)  # make_facts seeds drawing it with nothing excluded: an English degree, a French one (seed 4,
# an English degree, has been drawn by the later wave diploma:laurea_italiana since)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MONTH = "|".join(MONTHS)
# every way the family prints a full date
DATE = (rf"\d{{1,2}}(?:st|nd|rd|th) (?:{MONTH}), \d{{4}}|\d{{1,2}} (?:{MONTH}) \d{{4}}|\d{{2}}[/.-]\d{{2}}[/.-]\d{{4}}"
        rf"|\d{{2}}-[A-Z][a-z]{{2}}-\d{{4}}|(?:{MONTH}) \d{{1,2}}, \d{{4}}")
# what leads to the award date
AWARD_LEAD = (r"(?:Convocation held on|Convocation of the University held on|Date of Award :|Degree conferred on :|"
              r"Convocation held on :|Date of Conferment :)")
UNITS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
TEENS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
         "eighteenth", "nineteenth")


def _date(text: str) -> dt.date:
    """Any date the family prints: "12th March, 2022", "12 March 2022", "12/03/2022", "12-Mar-2022", "March 12, 2022"."""
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text).replace(",", "")
    return waves.date_in(text, ("%d %B %Y", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d-%b-%Y", "%B %d %Y"))


def _day_in_words(day: int) -> str:
    """12 -> "Twelfth", 23 -> "Twenty-Third", 30 -> "Thirtieth"."""
    if day < 10:
        return UNITS[day].title()
    if day < 20:
        return TEENS[day - 10].title()
    tens = {2: "Twenty", 3: "Thirty"}[day // 10]
    return f"{tens}-{UNITS[day % 10].title()}" if day % 10 else f"{tens[:-1]}ieth"


def _layout(text: str) -> str:
    if "hereby confers" in text:
        return "seal"
    if "awarded the degree of" in text:
        return "awarded"
    assert "admitted to the" in text and "Examination held in" in text, text
    return "convocation"


def test_registered_last_of_its_type_and_drawn_in_the_thirteenth_wave():
    waves.listed_last_in_its_wave(NAME, {**{name: wave for wave, name in enumerate(EARLIER)},
                                         "degree_certificate_india": 12})


def test_born_digital_prints_its_truth_beside_its_distractors():
    """Nine certificates: the three layouts and both second pages; the holder, the title alone on its line, the award
    date after its lead once (or in words "Given under the seal … this"), and the distractors: the examination's month,
    other full dates, the student numbers."""
    layouts, seconds = set(), set()
    for text, pages, fields in waves.born_digital_texts(NAME, range(30, 39)):  # 34: a date in words
        assert 1 <= pages <= 2
        lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").splitlines()]
        flat = " ".join(text.split())
        front = flat.split("SEMESTER I ")[0].split("VERIFIED & ATTESTED")[0]
        layouts.add(_layout(front))
        if pages == 2:
            seconds.add("grades" if "SGPA" in flat else "back")
            assert "SGPA" in flat or "Attested by" in flat, flat
        assert re.search(r"UNIVERSITY|INSTITUTE|University|Institute", front)
        assert fields["holder_surname"].upper() in flat.upper()
        assert fields["holder_given_names"].upper() in flat.upper()
        title = fields["title"]
        assert title in lines or title.upper() in lines, lines
        award = dt.date.fromisoformat(fields["award_date"])
        led = {_date(m.group(1)) for m in re.finditer(rf"{AWARD_LEAD} ({DATE})", front)}
        sealed = re.search(r"Given under the seal of the (?:Institute|University) this (\S+) day of (\w+), ([^.]+)\.",
                           front)
        if sealed and not sealed.group(3).isdigit():  # in words
            assert sealed.group(1) == _day_in_words(award.day) and sealed.group(2) == MONTHS[award.month - 1]
            assert sealed.group(3) == f"Two Thousand and {_year_in_words(award.year)}", sealed.group(0)
        elif sealed:
            led.add(_date(f"{sealed.group(1)} {sealed.group(2)} {sealed.group(3)}"))
        assert sealed or led, front
        assert led <= {award}, (award, led, front)
        # the distractors: the examination's month and year before it, other dates, the numbers
        exams = re.findall(rf"(?:Examination held in|Month & Year of Passing :) ((?:{MONTH}) \d{{4}})", flat)
        assert all(dt.datetime.strptime(e, "%B %Y").date() < award for e in exams)
        others = {_date(m) for m in re.findall(DATE, flat)} - {award}
        assert exams or others or "Roll No." in flat, flat
        assert re.search(r"(Sl\. No\.|Sr\. No\.|Serial No\.|No\.|Certificate No\. :) \S+", front)
        assert re.search(r"(PRN|Seat No\.|Register No\.|USN|Enrolment No\.|Hall Ticket No\.|Registration No\.|"
                         r"Roll No\.|ID No\.) :? ?\S+", flat), flat
    assert layouts == {"convocation", "seal", "awarded"}, layouts
    assert seconds == {"grades", "back"}, seconds


def _year_in_words(year: int) -> str:
    rest = year - 2000
    tens = ("", "", "Twenty", "Thirty")[rest // 10]
    units = ("", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine")[rest % 10]
    if rest < 20:
        return ("Ten", "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen",
                "Nineteen")[rest - 10] if rest >= 10 else units
    return f"{tens}-{units}" if units else tens


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 9)  # one page


def test_drawn_free_for_workers_from_india():
    """Left free, it is drawn for workers from India; a French degree's title is the Indian equivalent printed."""
    waves.drawn_free_for_workers_from(NAME, "IND", range(10), FREE_SEEDS, INDIAN_TITLES.__getitem__)


def test_earlier_waves_kept():
    """Every other diploma, the earlier fresh families' included, is the one made with it excluded, and the generator's
    stream ends where it did (the other diploma tests check every fresh family is still drawn over more seeds)."""
    drawn = waves.pieces_with_and_without(NAME, "changement_statut", range(100, 124))  # 107 and 111 draw it
    assert drawn[NAME] == 2 and sum(drawn[f"diploma:{name}"] for name in EARLIER) >= 6, drawn


def test_in_dossiers_carries_its_tag_and_passes_the_check(tmp_path):
    assert waves.dossiers_of_only(NAME, ((7, "changement_statut", 0.0, 0.0),), tmp_path) == {"render:born_digital": 1}


def test_older_dossiers_keep_their_other_pieces(tmp_path):
    """A whole dossier drawn with and without the family (seed 8 draws it): the same pieces, with the same truth, bar
    its own."""
    assert waves.dossiers_with_and_without(NAME, "changement_statut", (8,), tmp_path) > 0

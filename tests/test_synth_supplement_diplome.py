"""The fresh diploma family `diploma:supplement_diplome` (ninth wave), written once `diploma:certificat_numerique`
had been looked at: the "Supplément au diplôme" a French university or school issues on the European model. It
renders born digital (three pages, each with its running header and "page x/y"), scanned and photographed; it prints
the eight numbered parts in the European order, the holder in 1.1 and 1.2, the title on its own line (or in its cell)
under 2.1, the date the degree was obtained under one label beside the date of birth and the later certification date
of part 7; it carries its family tag in whole dossiers, passes `synth check`, is drawn for French degrees only, and
leaves every other piece (and the earlier fresh diploma families' draws) as it was."""
from __future__ import annotations

import datetime as dt
import random
import re

from synth.families import FAMILIES
from synth.fmt import MONTHS_FR, date_long, date_slash
from synth.pieces import BUILDERS
from synth.pieces.fresh import FRESH
from synth.scenario import make_facts
from tests.fresh_waves import (
    born_digital_texts,
    dossiers_of_only,
    dossiers_with_and_without,
    listed_last_in_its_wave,
    pieces_with_and_without,
    scanned_and_photographed,
)
from tests.test_synth_families_fresh import (
    _french_date as _date,  # "05/03/2022" or "5 mars 2022"
)

NAME = "diploma:supplement_diplome"
DATE = rf"(\d{{2}}/\d{{2}}/\d{{4}}|\d{{1,2}}(?:er)? (?:{'|'.join(MONTHS_FR)}) \d{{4}})"
# the one label the supplement puts before the date the degree was obtained
AWARD_LEAD = r"(?:Date d'obtention du diplôme :|Date de délibération du jury :|Diplôme obtenu le|Date d'obtention :)"
PARTS = ("INFORMATIONS SUR LE TITULAIRE DU DIPLÔME", "INFORMATIONS SUR L", "INFORMATIONS SUR LE NIVEAU",
         "INFORMATIONS SUR LE CONTENU ET LES RÉSULTATS OBTENUS", "INFORMATIONS SUR LA FONCTION DU DIPLÔME",
         "INFORMATIONS COMPLÉMENTAIRES", "CERTIFICATION DU SUPPLÉMENT", "INFORMATIONS SUR LE SYSTÈME")


def test_registered_last_of_its_type_and_drawn_in_the_ninth_wave():
    assert FAMILIES["diploma"].index("supplement_diplome") > FAMILIES["diploma"].index("certificat_numerique")
    listed_last_in_its_wave(NAME, {"conferred": 0, "school_band": 1, "releve_resultats": 2, "jury_proces_verbal": 3,
                                   "titre_professionnel": 4, "comparabilite": 5, "traduction_assermentee": 6,
                                   "certificat_numerique": 7, "supplement_diplome": 8})


def _check_printed(text: str, pages: int, fields: dict) -> bool:
    """The supplement's text layer prints its parts, its truth and its distractors as they should be; returns whether
    the title stands alone on its line."""
    text = text.replace("\r\n", "\n")
    assert pages == 3, pages
    assert re.search(r"SUPPLÉMENT AU DIPLÔME|ANNEXE DESCRIPTIVE AU DIPLÔME", text), text
    flat = " ".join(text.split())
    # the parts in the European order, each item numbered
    at = [flat.find(f"{n}. {head}") for n, head in enumerate(PARTS, 1)]
    assert -1 not in at and at == sorted(at), at
    assert all(re.search(rf"{n} \w", flat) for n in ("1.1", "1.2", "1.3", "1.4", "2.1", "2.3", "3.1", "4.3",
                                                       "4.5", "7.1", "7.4")), flat
    surname, given = fields["holder_surname"], fields["holder_given_names"]
    item = re.search(r"1\.1 (.*?)1\.2 ", text, re.DOTALL)  # the surname alone at the end of one of its lines
    assert item and re.search(rf"(^|\s){re.escape(surname)}\n", item.group(1)), text
    assert given in text or given.upper() in text
    lines = [" ".join(line.split()) for line in text.splitlines()]
    title = fields["title"]
    own_line = title in lines or title.upper() in lines
    # else beside its label, in the right-hand column
    assert own_line or any(line.endswith((title, title.upper())) and line.startswith("2.1") for line in lines), lines
    award = dt.date.fromisoformat(fields["award_date"])
    assert [_date(m.group(1)) for m in re.finditer(AWARD_LEAD + " " + DATE, flat)] == [award], (award, flat)
    # part 7 certifies the supplement later; the footer counts the pages
    certified = re.search(r"7\.1 Date\s*(?:Date\s*)?(?:[A-Z][\w' -]+, le )?" + DATE, text)  # English label under
    assert certified and _date(certified.group(1)) > award, text
    assert len(re.findall(r"[Pp]age [123] ?(?:/|sur) ?3", text)) == 3, text
    assert re.search(r"\d+ crédits ECTS", flat) and re.search(r"année universitaire \d{4}-\d{4}", flat)
    assert re.search(r"(Le|La) (Présidente?|Directeur|Directrice) |par délégation", flat), flat
    return own_line


def test_renders_born_digital_with_the_eight_parts_and_its_truth():
    assert sum(_check_printed(*printed) for printed in born_digital_texts(NAME, range(1, 6))) > 0


def test_scanned_and_photographed():
    scanned_and_photographed(NAME, 2)


def test_birth_date_and_award_date_printed_apart():
    """The date of birth is printed in 1.3, never under the award's label; the award date is the facts' own."""
    for seed in (3, 21):  # seeds on which the family is drawn with nothing excluded
        rng = random.Random(seed)
        facts = make_facts(rng, "changement_statut", dt.date(2026, 6, 1))
        piece = BUILDERS["diploma"](facts, rng)
        assert piece.family == NAME and not facts.diploma.english
        assert piece.fields["award_date"] == facts.diploma.award_date.isoformat()
        assert piece.fields["title"] == facts.diploma.title
        printed = " ".join(e.text for sheet in piece.sheets for e in sheet.elements if hasattr(e, "text"))
        born = facts.person.birth_date
        assert date_slash(born) in printed or date_long(born) in printed


def test_drawn_for_french_degrees_and_the_earlier_waves_kept():
    """Left free, it takes some diplomas of French degrees; every other diploma, the eight earlier fresh families
    included, is the one made with it excluded, and the generator's stream ends where it did."""
    drawn = pieces_with_and_without(NAME, "changement_statut", range(60))
    # every wave up to degree_certificate_india's (12): notarial_certificate_china's, for workers from China only,
    # first draws at seed 287
    assert all(drawn[f"diploma:{f.layout}"] > 0 for f in FRESH["diploma"] if f.wave <= 12), drawn
    french = next(f for f in FRESH["diploma"] if f.layout == "supplement_diplome").fits
    for seed in range(8):
        facts = make_facts(random.Random(seed), "changement_statut", dt.date(2026, 6, 1))
        assert french(facts) is not facts.diploma.english


def test_in_dossiers_carries_its_tag_and_passes_the_check(tmp_path):
    assert sum(dossiers_of_only(NAME, ((196, "changement_statut", 0.0, 0.0),), tmp_path).values()) == 1


def test_older_dossiers_keep_their_other_pieces(tmp_path):
    """A whole dossier drawn with and without the family (seed 350 draws it): the same pieces, with the same truth,
    bar its own."""
    assert dossiers_with_and_without(NAME, "changement_statut", (350,), tmp_path) > 0

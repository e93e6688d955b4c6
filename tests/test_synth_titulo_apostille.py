"""The fresh diploma family `diploma:titulo_apostille` (eleventh wave), written once `diploma:diplome_maghreb` had been
looked at: the original diploma of a university of Colombia, Brazil or Portugal, printed in Spanish or Portuguese,
with the Hague apostille on a second page on most. It renders born digital (one or two pages), scanned and
photographed; it prints the holder, the title alone on its line and the date the degree was conferred (in words on
some: "a los quince (15) días del mes de…", "aos vinte dias do mês de…") after its lead; the apostille's ten items,
its later date and its officials, none of them the holder; it carries its family tag in whole dossiers, passes
`synth check`, is drawn for workers from those three countries, and leaves every other piece (and the earlier fresh
diploma families' draws) as it was."""
from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter

from synth.pieces import BUILDERS
from synth.pieces.fresh import FRESH
from synth.pieces.fresh_diploma_titulo import MONTHS, Speech
from synth.scenario import make_facts
from tests import fresh_waves as waves

NAME = "diploma:titulo_apostille"
EARLIER = ("conferred", "school_band", "releve_resultats", "jury_proces_verbal", "titre_professionnel",
           "comparabilite", "traduction_assermentee", "certificat_numerique", "supplement_diplome", "diplome_maghreb")
CONVENTION = "(Convention de La Haye du 5 octobre 1961)"
SPEECHES = (Speech("es"), Speech("pt"), Speech("pt", brazil=True))
# what leads to the day the degree was conferred
LEADS = (r"(?:Dado en|diploma en) [^,]+, (?:el )?", r"colado grau ", r"colação de grau em ", r"concluiu em ",
         r"concluiu, ", r"(?:Data da colação de grau|Colação de grau em|Data de conclusão): ")
APOSTILLE_DAY = r"6\. (?:el día|no dia)(?: / the(?: / le)?)?:? (\d{2}/\d{2}/\d{4}|\d{1,2}º? de [a-zç]+ de \d{4})"
FREE_SEEDS = (36, 101)  # make_facts seeds drawing the family with nothing excluded (a Brazilian, a Portuguese)
HOMES = {"COL", "BRA", "PRT"}


def _forms(day: dt.date) -> set[str]:
    return {speech.say(day, style) for speech in SPEECHES for style in ("words", "digits", "long", "slash")}


def _day(text: str) -> dt.date:
    """"13/05/2021" or "13 de maio de 2021" (Spanish or Portuguese month)."""
    if "/" in text:
        return dt.datetime.strptime(text, "%d/%m/%Y").date()
    day, _, month, _, year = text.split()
    months = MONTHS["es"] if month in MONTHS["es"] else MONTHS["pt"]
    return dt.date(int(year), months.index(month) + 1, int(day.removesuffix("º")))


def test_registered_last_of_its_type_and_drawn_in_the_eleventh_wave():
    waves.listed_last_in_its_wave(NAME, {**{name: wave for wave, name in enumerate(EARLIER)}, "titulo_apostille": 10})


def test_born_digital_prints_its_truth_and_its_apostille():
    seen: Counter = Counter()
    for text, pages, fields in waves.born_digital_texts(NAME, range(1, 13)):
        flat = " ".join(text.split())
        diploma, _, apostille = flat.partition(CONVENTION)
        assert pages in (1, 2) and bool(apostille) == (pages == 2), (pages, flat)
        lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").splitlines()]
        title, surname, given = (str(fields[k]) for k in ("title", "holder_surname", "holder_given_names"))
        assert title in lines or title.upper() in lines, (title, lines)
        assert surname.upper() in diploma.upper() and given.upper() in diploma.upper()
        award = dt.date.fromisoformat(str(fields["award_date"]))
        forms = _forms(award)
        assert any(re.search(f"(?:{'|'.join(LEADS)}){re.escape(form)}", diploma) for form in forms), (award, flat)
        seen["words" if any(f" {w}" in diploma for w in ("días del mes", "día del mes", "dias do mês", "dia do mês"))
             else "figures"] += 1
        seen["colombia" if re.search(r"\b(Universidad|UNIVERSIDAD)\b", diploma) else
             "brasil" if "BRASIL" in diploma else "portugal"] += 1
        seen[f"{pages} pages"] += 1
        if not apostille:
            continue
        # the ten items of the model, its later day, and officials who are not the holder
        for n in range(1, 11):
            assert f"{n}. " in apostille, (n, apostille)
        day = re.search(APOSTILLE_DAY, apostille)
        assert day and _day(day.group(1)) > award, apostille
        signed = re.search(r"2\. (?:ha sido firmado por|foi assinado por)(.*?)3\. ", apostille)
        assert signed and surname.upper() not in signed.group(1).upper(), apostille
        seen["e-apostille" if "certifica" in apostille else "stamp"] += 1
        seen["three languages" if "Country" in apostille else "one language"] += 1
    assert set(seen) == {"words", "figures", "colombia", "brasil", "portugal", "1 pages", "2 pages", "e-apostille",
                         "stamp", "three languages", "one language"}, seen


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 5)  # one page: a seed with its apostille takes four times as long


def test_drawn_free_for_workers_from_colombia_brazil_and_portugal_and_the_earlier_waves_kept():
    """Left free, it is drawn for workers from the three countries; the truth is the facts' own but for the title,
    which is the degree as that country words it; the birth date is printed apart from the award date. Every other
    diploma, the ten earlier fresh families included, is the one made with it excluded, and the generator's stream
    ends where it did; every fresh family is still drawn."""
    fits = next(f for f in FRESH["diploma"] if f.layout == "titulo_apostille").fits
    for seed in range(12):
        facts = make_facts(random.Random(seed), "changement_statut", dt.date(2026, 6, 1))
        assert fits(facts) is (facts.person.country.code in HOMES)
    for seed in FREE_SEEDS:
        rng = random.Random(seed)
        facts = make_facts(rng, "changement_statut", dt.date(2026, 6, 1))
        piece = BUILDERS["diploma"](facts, rng)
        assert piece.family == NAME and fits(facts)
        fields = dict(piece.fields)
        assert fields.pop("title") != facts.diploma.title
        assert fields == {"holder_surname": facts.person.surname, "holder_given_names": facts.diploma.given_names,
                          "award_date": facts.diploma.award_date.isoformat()}
        printed = " ".join(e.text for sheet in piece.sheets for e in sheet.elements if hasattr(e, "text"))
        assert "Universidade" in printed or "Instituto Politécnico" in printed  # a Brazilian's, a Portuguese's
        assert any(form in printed for form in _forms(facts.person.birth_date))
    drawn = waves.pieces_with_and_without(NAME, "changement_statut", range(80))
    # every wave up to degree_certificate_india's (12): notarial_certificate_china's, for workers from China only,
    # first draws at seed 287
    assert all(drawn[f"diploma:{f.layout}"] > 0 for f in FRESH["diploma"] if f.wave <= 12), drawn


def test_in_whole_dossiers(tmp_path):
    """Drawn alone, it carries its tag and passes the check; a dossier drawn with and without it (seed 164 draws it)
    has the same pieces, with the same truth, bar its own."""
    renders = waves.dossiers_of_only(NAME, ((2, "changement_statut", 0.0, 0.0),), tmp_path / "alone")
    assert renders == {"render:born_digital": 1}
    assert waves.dossiers_with_and_without(NAME, "changement_statut", (164,), tmp_path / "free") > 0

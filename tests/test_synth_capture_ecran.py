"""The sixth fresh attestation de vigilance family, `urssaf_certificate:capture_ecran` (wave 5), written once
`plateforme_conformite` had been looked at: a screenshot of the employer's Urssaf online account sent instead of the
attestation's PDF — a desktop browser on "Mes attestations" (the list of the attestations generated over the months,
the newest one's detail card open), the attestation's PDF in the browser's viewer, or a phone's capture of the
attestation's card. It renders born digital, scanned and photographed, prints its truth among the screen's
distractors (the OS's clock and date, the last login, older attestations with their own dates and codes, the account
number), prints nothing under 7 pt, carries its family tag in whole dossiers that pass `synth check`, is never drawn
for an agricultural employer, and leaves every other piece of a dossier (and the earlier fresh families' draws) as it
was (tests/fresh_waves.py)."""
from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter

from synth.families import FamilyFilter
from synth.fmt import date_long, siren_spaced
from synth.layout import Text
from synth.pieces import BUILDERS
from synth.rules import add_months
from synth.scenario import make_facts
from tests import fresh_waves as waves

NAME = "urssaf_certificate:capture_ecran"
DATE = r"\d{2}/\d{2}/\d{4}"
ROW = rf"(Attestation de [^\d✕]{{3,40}}?) ({DATE}) "  # a row of the account's list: its kind, delivered on


def _day(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%d/%m/%Y").date()


def test_listed_last_later_and_drawn_in_the_sixth_wave():
    waves.listed_last_in_its_wave(NAME, {"cssm_mayotte": 0, "urssaf_numerique": 1, "net_entreprises": 2,
                                         "urssaf_vlu": 3, "plateforme_conformite": 4, "capture_ecran": 5})


def test_born_digital_prints_its_truth_among_the_screen_s_distractors():
    seen: Counter = Counter()
    for _, flat, pages, (name, siren, issue, code) in waves.vigilance_texts(NAME, range(1, 11)):
        assert pages == 1  # the screenshot is the page
        issued = rf"({issue:%d/%m/%Y}|{date_long(issue)})"
        assert name in flat and "urssaf" in flat, flat
        assert re.search(rf"N° SIREN( :)? ({siren}|{siren_spaced(siren)})\b", flat), flat
        assert re.search(rf"([Dd]élivrée le|Date de délivrance) {issued}\b", flat), flat
        assert len(code.replace(" ", "")) == 15 and re.search(rf"Code de sécurité( :)? {code}\b", flat), flat
        assert "N° de compte" in flat and "urssaf.fr" in flat
        if "1 / 2" in flat:  # the PDF in the browser's viewer, at a reduced zoom
            layout = "visionneuse"
            assert "ATTESTATION DE VIGILANCE" in flat and re.search(r"\b\d{2,3} %", flat), flat
        elif re.search(r"Attestation de vigilance (Valide|Expirée) Raison sociale", flat):  # the phone's capture
            layout = "mobile"
            assert "www.urssaf.fr" in flat
            assert re.search(r"^\d{2}:\d{2}\b", flat), flat  # the status bar's clock first
        else:
            layout = "liste"
            rows = re.findall(ROW, flat)
            assert len(rows) >= 3, flat
            delivered = [_day(d) for _, d in rows]
            # the truth is the newest; older ones carry other dates (and other codes where the list shows them)
            assert max(delivered) == issue and delivered.count(issue) == 1, rows
            assert "Mes attestations" in flat and "Déclarer et payer" in flat and "Messagerie" in flat
            assert "www.urssaf.fr" in flat
            codes = {c.replace(" ", "") for c in re.findall(r"\b(?:[0-9A-Z]{15}|[0-9A-Z]{5} [0-9A-Z]{5} [0-9A-Z]{5})\b",
                                                            flat)}
            assert code.replace(" ", "") in codes
            seen["codes listed" if len(codes) >= 3 else "codes in the card alone"] += 1
        seen[layout] += 1
        if layout != "visionneuse":  # the account's own dates: the last login, the validity's end
            assert re.search(rf"Dernière connexion le {DATE} à \d{{2}}:\d{{2}}", flat), flat
            assert f"Valable jusqu'au {add_months(issue, 6):%d/%m/%Y}" in flat or \
                re.search(rf"Valable jusqu'au .{{0,40}}{add_months(issue, 6):%d/%m/%Y}", flat), flat
        if layout != "mobile":  # the OS's clock: the Windows taskbar's date, or the macOS menu bar's day
            seen["mac" if "Présentation Historique" in flat else "windows"] += 1
            assert "Présentation Historique" in flat or re.search(r"\d{2}:\d{2} \d{2}/\d{2}/\d{2,4}", flat), flat
        seen["grouped" if " " in code else "plain"] += 1
    assert {"liste", "visionneuse", "mobile", "windows", "mac", "codes listed", "grouped", "plain"} <= set(seen), seen


def test_nothing_under_seven_points_and_the_screen_s_shapes():
    """Every text at 7 pt or more at the page's scale; desktops landscape, phones tall and narrow."""
    shapes = set()
    for seed in range(30, 42):
        rng = random.Random(seed)
        facts = make_facts(rng, "renouvellement", dt.date(2026, 6, 1))
        facts.families = FamilyFilter(frozenset({NAME}))
        piece = BUILDERS["urssaf_certificate"](facts, rng)
        (sheet,) = piece.sheets
        assert min(el.size for el in sheet.elements if isinstance(el, Text)) >= 7.0
        ratio = sheet.width / sheet.height
        assert 1.55 < ratio < 1.8 or 0.44 < ratio < 0.48, (sheet.width, sheet.height)
        shapes.add("desktop" if ratio > 1 else "phone")
    assert shapes == {"desktop", "phone"}


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 1)  # a phone's capture: a small page, quick to photograph


def test_in_a_dossier_with_its_tag_passing_the_check(tmp_path):
    waves.born_digital_dossiers(NAME, ((3, "renouvellement"),), tmp_path)


def test_an_older_dossier_keeps_its_other_pieces(tmp_path):
    """Seed 10 draws the new family."""
    assert waves.dossiers_with_and_without(NAME, "introduction_salarie", (10,), tmp_path) == 1


def test_the_sixth_wave_leaves_the_earlier_draws_as_they_were():
    """The five earlier fresh families and the older ones are still drawn (over 81 seeds: travailleur_independant's
    wave took the one piece of urssaf_numerique among the first 45)."""
    waves.earlier_draws_kept(NAME, "renouvellement", range(81), ("cssm_mayotte", "urssaf_numerique", "net_entreprises",
                                                                 "urssaf_vlu", "plateforme_conformite", "msa",
                                                                 "urssaf_letter"))


def test_never_drawn_for_an_agricultural_employer():
    """The MSA alone certifies agricultural employers: left free, they never get the new family."""
    assert waves.agricultural_employers_keep_the_msa("renouvellement", range(100)) > 0

"""The seventh fresh attestation de vigilance family, `urssaf_certificate:courriel_urssaf` (wave 6), written once
`capture_ecran` had been looked at: a printed e-mail thread sent instead of the attestation — the Urssaf's "Votre
attestation de vigilance est disponible" message from a no-reply address, forwarded by the company's HR or its
accountant (or both in turn), printed from Outlook, Thunderbird or Gmail, the attached attestation printed behind it on
some. It renders born digital, scanned and photographed, prints its truth among the thread's distractors (every
message's date and hour, the print's date, "valable jusqu'au", the attachment's dated name, the contributor account,
the accounting firm and its SIRET, phone numbers), prints nothing under 7 pt, carries its family tag in a whole dossier
that passes `synth check`, is never drawn for an agricultural employer, and leaves every other piece of a dossier (and
the earlier fresh families' draws) as it was (tests/fresh_waves.py)."""
from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter

from synth.families import FamilyFilter
from synth.fmt import MONTHS_FR, date_long, siren_spaced
from synth.layout import Text
from synth.pieces import BUILDERS
from synth.rules import add_months
from synth.scenario import make_facts
from tests import fresh_waves as waves

NAME = "urssaf_certificate:courriel_urssaf"
MONTH = "(" + "|".join(MONTHS_FR) + ")"
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# a message's date as each client prints it: Outlook's, Thunderbird's (its own, then the raw header of a forward),
# Gmail's (its own, then a forward's)
DATED = (rf"(?:Envoyé|Date) : (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) (?P<od>\d{{1,2}}) "
         rf"(?P<om>{MONTH[1:-1]}) (?P<oy>\d{{4}}) (?P<oh>\d{{2}}):(?P<on>\d{{2}})"
         rf"|Date : (?P<td>\d{{2}})/(?P<tm>\d{{2}})/(?P<ty>\d{{4}}) (?P<th>\d{{2}}):(?P<tn>\d{{2}})"
         rf"|Date : \w{{3}}, (?P<rd>\d{{1,2}}) (?P<rm>{'|'.join(MONTHS_EN)}) (?P<ry>\d{{4}}) (?P<rh>\d{{2}}):(?P<rn>\d{{2}})"
         rf":\d{{2}} \+0[12]00"
         rf"|(?:Date ?: \w{{3}}\. )?(?P<gd>\d{{1,2}}) (?P<gm>{MONTH[1:-1]}) (?P<gy>\d{{4}}) à (?P<gh>\d{{2}}):(?P<gn>\d{{2}})")


def _moments(flat: str) -> list[dt.datetime]:
    """The messages' dates and hours, in the order the print shows them."""
    out = []
    for m in re.finditer(DATED, flat):
        for k in "otrg":
            if m.group(f"{k}d"):
                month = m.group(f"{k}m")
                number = (int(month) if k == "t" else MONTHS_EN.index(month) + 1 if k == "r"
                          else MONTHS_FR.index(month) + 1)
                out.append(dt.datetime(int(m.group(f"{k}y")), number, int(m.group(f"{k}d")),
                                       int(m.group(f"{k}h")), int(m.group(f"{k}n"))))
    return out


def test_listed_last_later_and_drawn_in_the_seventh_wave():
    waves.listed_last_in_its_wave(NAME, {"cssm_mayotte": 0, "urssaf_numerique": 1, "net_entreprises": 2,
                                         "urssaf_vlu": 3, "plateforme_conformite": 4, "capture_ecran": 5,
                                         "courriel_urssaf": 6})


def test_born_digital_prints_its_truth_among_the_thread_s_distractors():
    seen: Counter = Counter()
    for _, flat, pages, (name, siren, issue, code) in waves.vigilance_texts(NAME, range(1, 11)):
        assert pages in (1, 2)
        issued = rf"({issue:%d/%m/%Y}|{date_long(issue)})"
        # the Urssaf's message and its summary of the attestation
        assert "Votre attestation de vigilance est disponible" in flat
        assert re.search(r"(ne-pas-repondre|noreply|no-reply)@(info\.)?urssaf\.fr", flat), flat
        assert re.search(rf"Raison sociale( :)? {re.escape(name)}\b", flat), flat
        assert re.search(rf"SIREN( :)? ({siren}|{siren_spaced(siren)})\b", flat), flat
        assert re.search(rf"Date de délivrance( :)? {issued}", flat), flat
        assert len(code.replace(" ", "")) == 15 and re.search(rf"Code de sécurité( :)? {code}\b", flat), flat
        until = add_months(issue, 6)
        assert re.search(rf"valable jusqu'au ({until:%d/%m/%Y}|{date_long(until)})", flat), flat
        assert re.search(r"N° de compte cotisant( :)? \d{18}\b", flat), flat
        assert re.search(r"\w*_\w*\d{6,}\w*\.pdf|\d{2}-\d{2}-\d{4}\.pdf|\d{4}-\d{2}\.pdf", flat), flat  # a dated name
        assert "www.urssaf.fr" in flat and "3957" in flat
        # every message dated: the Urssaf's on the day of delivery or the next, each forward later
        moments = _moments(flat)
        assert len(moments) >= 2, flat
        assert min(moments).date() in (issue, issue + dt.timedelta(days=1)), (moments, issue)
        # the client's print
        if "view=pt" in flat:
            layout = "gmail"
            assert "mail.google.com" in flat and re.search(r"\b[12]/[12]\b", flat)
            assert re.search(r"(\d+ messages?)", flat) and "Gmail - " in flat
            top = moments[0]
            quoted = [m for m in moments[1:] if m <= top]
            assert quoted == sorted(quoted, reverse=True) and quoted, moments
            if "2 messages" in flat:  # the recipient's reply, after the forward
                seen["reply"] += 1
                assert max(moments) > top and "[Texte des messages précédents masqué]" in flat
            assert re.search(r"-{10} (Forwarded message|Message transféré) -{9}", flat), flat
        elif "-------- Message transféré --------" in flat:
            layout = "thunderbird"
            assert re.search(r"Page 1 sur [12]", flat) and "Sujet :" in flat and "Pour :" in flat
            assert moments == sorted(moments, reverse=True), moments
        else:
            layout = "outlook"
            assert "Envoyé :" in flat and "Objet :" in flat and re.search(r"Pièces jointes : \S+\.pdf \(\d+ Ko\)",
                                                                        flat), flat
            assert moments == sorted(moments, reverse=True), moments
        assert re.search(r"(TR|Fwd): ", flat)
        seen[layout] += 1
        # the forwarder: the company's HR (the truth company's name in the signature) or its accounting firm (another
        # name, its own SIRET)
        firm = re.search(r"SIRET (\d{14}|\d{3} \d{3} \d{3} \d{5}) – Société inscrite au tableau de l'Ordre des "
                         r"experts-comptables", flat)
        if firm:
            seen["accountant"] += 1
            assert firm.group(1).replace(" ", "")[:9] != siren
        else:
            seen["hr"] += 1
            assert flat.count(name) >= 2  # the summary's and the HR's signature
        assert re.search(r"Tél\. : 0\d( \d{2}){4}", flat), flat
        # the attached attestation printed behind the e-mail on some
        if "ATTESTATION DE VIGILANCE" in flat:
            seen["attached"] += 1
            assert pages == 2 and re.search(rf"Délivrée le {issued}", flat) and f"Code de sécurité : {code}" in flat
            attached = flat.split("ATTESTATION DE VIGILANCE")[1]
            assert "L. 243-15" in attached and re.search(r"Attestation n° \d{4}-\d{2}-\d{7} .* Page 1/1", attached)
        else:
            seen["mail only"] += 1
        seen["grouped" if " " in code else "plain"] += 1
    assert {"outlook", "thunderbird", "gmail", "reply", "accountant", "hr", "attached", "mail only", "grouped",
            "plain"} <= set(seen), seen


def test_nothing_under_seven_points_on_one_or_two_pages():
    for seed in range(20, 32):
        rng = random.Random(seed)
        facts = make_facts(rng, "renouvellement", dt.date(2026, 6, 1))
        facts.families = FamilyFilter(frozenset({NAME}))
        piece = BUILDERS["urssaf_certificate"](facts, rng)
        assert piece.family == NAME and len(piece.sheets) in (1, 2)
        assert min(el.size for sheet in piece.sheets for el in sheet.elements if isinstance(el, Text)) >= 7.0


def test_scanned_and_photographed():
    waves.scanned_and_photographed(NAME, 19)  # a one-page print: quick to photograph


def test_in_a_dossier_with_its_tag_passing_the_check(tmp_path):
    waves.born_digital_dossiers(NAME, ((3, "renouvellement"),), tmp_path)


def test_an_older_dossier_keeps_its_other_pieces(tmp_path):
    """Seed 22 draws the new family."""
    assert waves.dossiers_with_and_without(NAME, "introduction_salarie", (22,), tmp_path) == 1


def test_the_seventh_wave_leaves_the_earlier_draws_as_they_were():
    """The six earlier fresh families and the older ones are still drawn (over 81 seeds: travailleur_independant's
    wave took the one piece of urssaf_numerique among the first 40)."""
    waves.earlier_draws_kept(NAME, "renouvellement", range(81), ("cssm_mayotte", "urssaf_numerique",
                                                                    "net_entreprises", "urssaf_vlu",
                                                                    "plateforme_conformite", "capture_ecran", "msa",
                                                                    "urssaf_letter"))


def test_never_drawn_for_an_agricultural_employer():
    """The MSA alone certifies agricultural employers: left free, they never get the new family."""
    assert waves.agricultural_employers_keep_the_msa("renouvellement", range(100)) > 0

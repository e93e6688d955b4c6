"""The employer's signed statement on the applications an offer received: letter with the total
in digits, table by channel with a Total row, sworn statement in words and digits, form with
boxes, list of the candidates (one row each) closed by its count, two columns with the total in
a large box on the right. The interviews held are a distractor on every layout."""
from __future__ import annotations

import random

from synth.facts import DossierFacts
from synth.fmt import date_fr, date_long, date_slash, number_words
from synth.fonts import FontKey
from synth.layout import Box, Flow, Sheet, Text, wrap
from synth.pieces.base import BuiltPiece, body_font, bold, family

REASONS = ("expérience insuffisante dans le métier", "qualification requise non détenue",
           "candidats non disponibles à la date d'embauche", "absence de réponse aux convocations")
SHORT_REASONS = ("expérience insuffisante", "diplôme requis absent", "non disponible", "sans suite", "désistement")
ROLES = ("Gérant", "Directrice des ressources humaines", "Président", "Responsable du recrutement", "Directeur général")


def build_applications_statement(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    layout = family(facts, rng, "applications_statement")
    sheets = {"letter": _letter, "channels_table": _channels, "honour_words": _honour,
              "form": _form, "candidates_list": _candidates, "boxed_total": _boxed_total}[layout](facts, body_font(rng), rng)
    st = facts.statement
    fields = {"applications_received": st.total, "signed_on": st.signed_on.isoformat()}
    return BuiltPiece("applications_statement", f"applications_statement:{layout}", fields, sheets=sheets)


def _feminine_words(n: int) -> str:
    if n == 0:
        return "aucune"
    words = number_words(n)
    return words[:-2] + "une" if words.endswith("un") and n % 100 != 11 else words


def _offer_ref(facts: DossierFacts) -> str:
    return facts.offer.printed_reference or facts.offer.ft_reference


def _head(flow: Flow, facts: DossierFacts, bold_font) -> None:
    company = facts.contract.employer
    flow.text(company.name, 12, bold_font)
    flow.text(company.address, 8.5)
    flow.space(8)


def _sign(flow: Flow, facts: DossierFacts, rng: random.Random, with_place: bool = True) -> None:
    st, company = facts.statement, facts.contract.employer
    flow.space(6)
    when = date_fr(st.signed_on, rng.choice(("long", "slash")))
    flow.text(f"Fait à {company.city}, le {when}" if with_place else f"Date : {date_slash(st.signed_on)}", align="right")
    flow.space(3)
    flow.text(f"{st.signatory}, {rng.choice(ROLES).lower()}", align="right")
    flow.text("(signature et cachet de l'entreprise)", 8, align="right")


def _letter(facts: DossierFacts, font: FontKey, rng: random.Random) -> list[Sheet]:
    st, offer, company = facts.statement, facts.offer, facts.contract.employer
    flow = Flow(font, 10.5, top=22)
    _head(flow, facts, bold(font))
    flow.text("Objet : candidatures reçues sur l'offre d'emploi", 10.5, bold(font))
    flow.space(4)
    flow.text(f"Je soussigné(e) {st.signatory}, agissant pour le compte de la société {company.name}, déclare que "
              f"l'offre n° {_offer_ref(facts)} ({offer.job_title}) a fait l'objet de {st.total} candidature"
              f"{'s' if st.total > 1 else ''}, dont {st.interviews} "
              f"{'ont' if st.interviews > 1 else 'a'} donné lieu à un entretien.")
    flow.space(2)
    flow.text(f"Aucune ne correspondait au profil recherché ({rng.choice(REASONS)}). Les candidatures sont tenues "
              "à la disposition de vos services.")
    _sign(flow, facts, rng)
    return flow.finish()


def _channels(facts: DossierFacts, font: FontKey, rng: random.Random) -> list[Sheet]:
    st, offer = facts.statement, facts.offer
    flow = Flow(font, 10, top=22)
    _head(flow, facts, bold(font))
    flow.text("BILAN DU RECRUTEMENT", 14, bold(font), "center")
    flow.text(f"Poste : {offer.job_title} – offre {_offer_ref(facts)}", 10, align="center")
    flow.space(5)
    interviews = _spread(st.interviews, [n for _, n in st.channels])
    rows = [("Canal de réception", "Candidatures", "Entretiens")]
    rows += [(channel, str(n), str(k)) for (channel, n), k in zip(st.channels, interviews)]
    rows.append(("Total", str(st.total), str(st.interviews)))
    flow.table(rows, (80, 40, 40), 9.5, bold(font))
    flow.space(3)
    flow.text("Je certifie qu'aucun des candidats ne répondait aux exigences du poste.")
    _sign(flow, facts, rng, with_place=rng.random() < 0.5)
    return flow.finish()


def _spread(total: int, caps: list[int]) -> list[int]:
    """Interviews per channel: never more than the channel's applications."""
    out = []
    for cap in caps:
        take = min(cap, total)
        out.append(take)
        total -= take
    return out


def _honour(facts: DossierFacts, font: FontKey, rng: random.Random) -> list[Sheet]:
    st, offer, company = facts.statement, facts.offer, facts.contract.employer
    flow = Flow(font, 11, top=28)
    flow.text("DÉCLARATION SUR L'HONNEUR", 15, bold(font), "center")
    flow.text("relative au recrutement sur le marché du travail", 10, align="center")
    flow.space(8)
    flow.text(f"Je soussigné(e), {st.signatory}, représentant(e) légal(e) de {company.name}, déclare sur "
              f"l'honneur avoir publié l'offre d'emploi « {offer.job_title} » (référence {_offer_ref(facts)}).")
    flow.space(2)
    flow.text(f"À l'issue de la publication, j'ai reçu {_feminine_words(st.total)} ({st.total}) candidature"
              f"{'s' if st.total > 1 else ''}. {number_words(st.interviews).capitalize()} ({st.interviews}) "
              f"entretien{'s' if st.interviews > 1 else ''} {'ont' if st.interviews > 1 else 'a'} été "
              f"conduit{'s' if st.interviews > 1 else ''}, sans qu'aucun candidat ne convienne.")
    flow.space(2)
    flow.text(f"Motif : {rng.choice(REASONS)}.")
    _sign(flow, facts, rng)
    return flow.finish()


def _form(facts: DossierFacts, font: FontKey, rng: random.Random) -> list[Sheet]:
    st, offer = facts.statement, facts.offer
    flow = Flow(font, 10, top=20)
    flow.text("Recherche de candidats – Attestation de l'employeur", 13, bold(font))
    flow.text(f"Offre d'emploi : {_offer_ref(facts)} – {offer.job_title}", 9.5)
    flow.space(6)
    for label, value in (("Nombre total de candidatures reçues", st.total),
                         ("Nombre de candidats reçus en entretien", st.interviews)):
        flow.text(label, 9.5)
        flow.sheet.add(Box(flow.margin, flow.y + 1.5, 30, 9, stroke=(40, 40, 40)),
                       Text(flow.margin + 15, flow.y + 8, str(value), 12, bold(font), align="center"))
        flow.space(13)
    flow.text("Motif(s) pour lesquels aucune candidature n'a été retenue :", 9.5, bold(font))
    chosen = rng.sample(range(len(REASONS)), 2)
    for i, reason in enumerate(REASONS):
        flow.text(f"[{'X' if i in chosen else ' '}]  {reason}", 9.5, indent=4)
    flow.space(6)
    flow.text(f"Date : {date_slash(st.signed_on)}" if rng.random() < 0.5 else
              f"Fait à {facts.contract.employer.city}, le {date_long(st.signed_on)}")
    flow.text(f"Nom et qualité du signataire : {st.signatory}, {rng.choice(ROLES).lower()}")
    flow.text("Signature :")
    return flow.finish()


def _candidates(facts: DossierFacts, font: FontKey, rng: random.Random) -> list[Sheet]:
    """One row per application (initials, channel, interview, reason), then the count."""
    st, offer = facts.statement, facts.offer
    flow = Flow(font, 9.5, top=22)
    _head(flow, facts, bold(font))
    flow.text(f"Offre {_offer_ref(facts)} – {offer.job_title} : examen des candidatures", 12.5, bold(font))
    flow.space(3)
    rows = [("N°", "Candidat", "Reçue via", "Entretien", "Motif du refus")]
    interviewed = set(rng.sample(range(st.total), st.interviews)) if st.total else set()
    number = 0
    for channel, count in st.channels:
        for _ in range(count):
            initials = f"{rng.choice('ABCDEFGHJKLMNPRSTV')}. {rng.choice('ABCDEFGHJKLMNPRSTV')}."
            rows.append((str(number + 1), initials, channel[:24], "oui" if number in interviewed else "non",
                         rng.choice(SHORT_REASONS)))
            number += 1
    flow.table(rows, (10, 24, 44, 20, 72), 8.5, bold(font))
    flow.text(f"Nombre de candidatures reçues : {st.total}" if st.total else "Aucune candidature reçue (0).",
              10.5, bold(font))
    flow.text(f"dont candidats reçus en entretien : {st.interviews}", 9.5)
    _sign(flow, facts, rng, with_place=rng.random() < 0.7)
    return flow.finish()


def _boxed_total(facts: DossierFacts, font: FontKey, rng: random.Random) -> list[Sheet]:
    """Text on the left, the figures in boxes on the right: interviews above the total."""
    st, offer, company = facts.statement, facts.offer, facts.contract.employer
    flow = Flow(font, 10, top=22)
    flow.text("ATTESTATION DE L'EMPLOYEUR", 14, bold(font))
    flow.text("Résultat de la recherche de candidats sur le marché du travail", 9.5)
    flow.space(6)
    top = flow.y
    for block in (f"Entreprise : {company.name}", f"Offre : {_offer_ref(facts)}", f"Poste : {offer.job_title}",
                  f"Motif : {rng.choice(REASONS)}."):
        for line in wrap(block, font, 10, 100):
            flow.sheet.add(Text(20, flow.y + 5, line, 10, font))
            flow.y += 5
        flow.y += 1.5
    x = 132
    for i, (label, value) in enumerate((("Entretiens réalisés", st.interviews),
                                        ("Candidatures reçues (total)", st.total))):
        y = top + 2 + i * 28
        flow.sheet.add(Text(x, y + 4, label, 8.5, font, (70, 70, 70)),
                       Box(x, y + 6, 58, 18, stroke=(30, 30, 30), width=0.5 if i else 0.25),
                       Text(x + 29, y + 20, str(value), 20 if i else 13, bold(font), align="center"))
    flow.y = max(flow.y, top + 62) + 4
    flow.text(f"Fait le {date_slash(st.signed_on)}, pour servir et valoir ce que de droit.")
    flow.text(f"{st.signatory}, {rng.choice(ROLES).lower()}", align="right")
    return flow.finish()

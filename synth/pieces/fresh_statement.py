"""Fresh applications statement family `recruitment_report`: an HR department's report on the
recruitment ("Bilan des démarches de recrutement") — the offer recalled in a boxed summary, the
recruitment funnel as a table whose first row is the applications received and whose later rows
(pre-selected, interviewed, retained) are smaller distractors, the channels told as a list, and
"Établi le …, à …" (date first) before the signatory."""
from __future__ import annotations

import random

from synth.facts import DossierFacts
from synth.fmt import date_fr, date_slash
from synth.fonts import FontKey
from synth.layout import A4, Box, Flow, Text
from synth.pieces.base import BuiltPiece, FieldValue, bold

ROLES = ("Responsable des ressources humaines", "Chargé(e) de recrutement", "Gérant(e)", "Directeur(trice) général(e)")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n > 1 else ''}"


def recruitment_report(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    st, offer, company = facts.statement, facts.offer, facts.contract.employer
    font = FontKey(rng.choice(("lsans", "sans", "lserif")))
    total = st.total
    preselected = rng.randint(st.interviews, max(st.interviews, total))
    flow = Flow(font, 9.8, margin=22, top=40)
    flow.sheet.add(Text(A4[0] - 22, 18, company.name, 12, bold(font), align="right"),
                   Text(A4[0] - 22, 23.5, company.address, 8, font, (80, 80, 80), "right"),
                   Text(22, 18, "Direction des ressources humaines", 9, bold(font), (30, 70, 120)),
                   Text(22, 23.5, "Pôle recrutement", 8, font, (80, 80, 80)),
                   Box(22, 28, A4[0] - 44, 0.6, fill=(30, 70, 120), stroke=None))
    flow.text("BILAN DES DÉMARCHES DE RECRUTEMENT", 14, bold(font), "center")
    flow.text("(à joindre à la demande d'autorisation de travail)", 8.5, font, "center")
    flow.space(5)
    top = flow.y
    flow.y += 1
    flow.pairs([("Poste à pourvoir", offer.job_title),
                ("Offre d'emploi", f"n° {offer.printed_reference or offer.ft_reference}"),
                ("Diffusion", f"du {date_slash(offer.published_from)} au {date_slash(offer.published_to)}")],
               45, bold(font))
    flow.sheet.add(Box(flow.margin - 2, top, flow.width + 4, flow.y - top + 2.5, fill=None, stroke=(30, 70, 120),
                       width=0.35))
    flow.space(6)
    flow.text("Déroulement du recrutement", 10.5, bold(font))
    flow.table([("Étape", "Nombre"), ("Candidatures reçues", str(total)),
                ("Candidats présélectionnés sur CV", str(preselected)),
                ("Entretiens réalisés", str(st.interviews)), ("Candidats retenus", "0")],
               (120, 46), 9.5, bold(font))
    flow.space(3)
    flow.text("Origine des candidatures :", 9.8, bold(font))
    for channel, count in st.channels:
        flow.text(f"–  {channel} : {_plural(count, 'candidature')}", indent=5)
    flow.space(4)
    flow.text("Aucune des candidatures reçues ne correspondait au profil recherché (qualification, expérience ou "
              "disponibilité). Le poste n'a pu être pourvu par le recrutement d'un candidat déjà présent sur le "
              "marché du travail.")
    flow.space(8)
    city = company.city
    flow.text(f"Établi le {date_fr(st.signed_on, rng.choice(('long', 'slash')))}, à {city}.")
    flow.space(4)
    flow.text(st.signatory, 10, bold(font), indent=100)
    flow.text(rng.choice(ROLES), 9, indent=100)
    flow.text("Signature et cachet", 8, indent=100, color=(100, 100, 100))
    fields: dict[str, FieldValue] = {"applications_received": total, "signed_on": st.signed_on.isoformat()}
    return BuiltPiece("applications_statement", "applications_statement:recruitment_report", fields,
                      sheets=flow.finish())

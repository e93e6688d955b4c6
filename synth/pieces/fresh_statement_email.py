"""Fresh applications statement family `email_summary` (wave 1), written once `recruitment_report` had been
looked at: the employer's statement of the applications its offer received, as an HR assistant or the owner of
a small business sends it to the prefecture's foreign-labour platform. Three prints of it:

- an Outlook print: the mailbox owner's name over a thick rule, then "De / Envoyé / À / Cc / Objet / Pièces
  jointes", the send date with its weekday and hour ("jeudi 14 mai 2026 10:42"), a confidentiality notice;
- a webmail page printed from the browser: the print date and hour and the page's title on top, the page's address
  and "1/1" at the foot, the subject as a heading over a shaded "De / À / Date / Objet" block;
- a short memo ("NOTE" or "MÉMO") on the company's letterhead, its "De / À / Objet / Transmis le" header in a
  ruled frame, the memo sent by e-mail at a date and hour.

The date and hour it was sent (the same day as the signature or up to three days later) is a distractor. The
prose gives the applications in a sentence that also carries the offer's reference, the days it was online (with
its publication dates), a breakdown by channel, the CVs set aside or shortlisted and the candidates interviewed;
the count is sometimes in words and digits ("quatorze (14)"). A short recap repeats the figures, as a grid pasted
from a spreadsheet or as aligned lines (the reference, the days, the applications received, the CVs set aside, the
interviews). The worker's name and the job title are printed too. The signing date closes it: "Fait le …",
"Fait à …, le …", or "Ville, le …" under the signature."""
from __future__ import annotations

import datetime as dt
import random
import unicodedata

from synth.companies import french_name
from synth.facts import DossierFacts
from synth.fmt import date_fr, date_long, date_slash
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, Box, Color, Flow, Rule, Text
from synth.pieces.base import BuiltPiece, FieldValue, bold
from synth.pieces.fresh_internship_portal import _email, _phone
from synth.pieces.fresh_words import WEEKDAYS_FR, date_with_weekday
from synth.pieces.statements import _feminine_words, _offer_ref

GREY: Color = (95, 95, 95)
SHADE: Color = (238, 240, 244)
KINDS = ("outlook", "webmail", "memo")
ASSISTANT_ROLES = ({"f": "Assistante ressources humaines", "m": "Assistant ressources humaines"},
                   {"f": "Chargée de recrutement", "m": "Chargé de recrutement"},
                   {"f": "Assistante de direction", "m": "Assistant de direction"},
                   {"f": "Gestionnaire RH", "m": "Gestionnaire RH"}, {"f": "Office manager", "m": "Office manager"})
# the head of the company, by legal form: a SARL has a manager, a SAS a president
OWNER_ROLES = {"SARL": ({"f": "Gérante", "m": "Gérant"}, {"f": "Co-gérante", "m": "Co-gérant"}),
               "EURL": ({"f": "Gérante", "m": "Gérant"}, {"f": "Cheffe d'entreprise", "m": "Chef d'entreprise"}),
               "SAS": ({"f": "Présidente", "m": "Président"},
                       {"f": "Directrice générale", "m": "Directeur général"}),
               "SASU": ({"f": "Présidente", "m": "Président"}, {"f": "Dirigeante", "m": "Dirigeant"}),
               "SA": ({"f": "Directrice générale", "m": "Directeur général"},
                      {"f": "Directrice des ressources humaines", "m": "Directeur des ressources humaines"})}
SMALL = ("SARL", "EURL", "SASU")  # whose owner may write from a personal address
PLATFORMS = ("Plateforme main-d'œuvre étrangère", "Plateforme MOE", "Service main-d'œuvre étrangère")
# how a channel is told in a sentence ("dont 8 par France Travail")
CHANNEL_WORDS = {"France Travail": "par France Travail", "Apec": "par l'Apec",
                 "Site carrière de l'entreprise": "par notre site internet",
                 "Candidatures spontanées": "en candidature spontanée", "LinkedIn": "via LinkedIn",
                 "Indeed": "via Indeed", "Cooptation": "par cooptation"}
REASONS = ("aucun ne justifiait de l'expérience demandée", "les qualifications requises faisaient défaut",
           "les candidats n'étaient pas disponibles à la date d'embauche prévue")
GREETINGS = ("Madame, Monsieur,", "Bonjour,", "Bonjour Madame, Monsieur,")
COURTESIES = ("Bien cordialement,", "Cordialement,", ("Restant à votre disposition, je vous prie d'agréer, "
              "Madame, Monsieur, mes salutations distinguées."))
PERSONAL_MAIL = ("orange.fr", "gmail.com", "wanadoo.fr", "free.fr")


def _plain(text: str) -> str:
    """"Boulangerie du Parc" -> "boulangerie-du-parc": accents dropped, any other sign a hyphen."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_text).split())


def _gender(name: str) -> str:
    """The generator's French given names: the women's end in e (Claire, Sophie, Hélène…)."""
    return "f" if name.split()[0].endswith("e") else "m"


def _of(words: str) -> str:
    """"de Thomas MARTIN", "d'Isabelle MARTIN", "d'ORBITALE SERVICES"."""
    return f"d'{words}" if words[:1].upper() in "AEIOUYÉÈÊÂÎÔ" else f"de {words}"


def _small(role: str) -> str:
    """A role after a name: "directrice générale", "gestionnaire RH"."""
    return role[:1].lower() + role[1:]


def _job(title: str) -> str:
    """"poste de Cuisinier", "poste d'Analyste de données"."""
    return f"poste {_of(title)}"


def _s(n: int) -> str:
    return "s" if n > 1 else ""


def _have(n: int) -> str:
    return "ont" if n > 1 else "a"


def _count(n: int, rng: random.Random) -> str:
    """The applications as written in the sentence: "14", "quatorze (14)" or "14 (quatorze)"."""
    style = rng.choice(("digits", "digits", "words", "words_after"))
    if style == "words":
        return f"{_feminine_words(n)} ({n})"
    return f"{n} ({_feminine_words(n)})" if style == "words_after" else str(n)


class Statement:
    """The figures and the words of one statement, whatever the print."""

    def __init__(self, facts: DossierFacts, rng: random.Random) -> None:
        st, offer = facts.statement, facts.offer
        self.facts, self.rng = facts, rng
        self.ref, self.total, self.interviews = _offer_ref(facts), st.total, st.interviews
        self.shortlisted = rng.randint(st.interviews, max(st.interviews, st.total))
        self.set_aside = st.total - self.shortlisted
        long = rng.random() < 0.4
        start = offer.published_from
        if offer.published_to > st.signed_on:  # still online when the statement is made
            self.days = (st.signed_on - start).days
            self.period = f"en ligne depuis le {date_fr(start, 'long' if long else 'slash')}"
        else:
            self.days = (offer.published_to - start).days + 1
            self.period = (f"diffusée du {date_fr(start, 'long' if long else 'slash')} "
                           f"au {date_fr(offer.published_to, 'long' if long else 'slash')}")
        company = facts.contract.employer
        # the owner of a small company writes; otherwise an assistant, for the signatory
        self.owner = rng.random() < 0.45 and company.legal_form != "SA"
        self.signatory_role = rng.choice(OWNER_ROLES.get(company.legal_form, OWNER_ROLES["SAS"]))[_gender(st.signatory)]
        self.sender = st.signatory if self.owner else french_name(rng)
        self.sender_role = self.signatory_role if self.owner else rng.choice(ASSISTANT_ROLES)[_gender(self.sender)]
        domain = (rng.choice(PERSONAL_MAIL) if self.owner and company.legal_form in SMALL and rng.random() < 0.4
                  else f"{_plain(company.name)}.{rng.choice(('fr', 'fr', 'com'))}")
        self.sender_mail = _email(self.sender, domain)
        self.signatory_mail = _email(st.signatory, domain)
        self.platform = rng.choice(PLATFORMS)
        self.platform_mail = f"pref-moe-{_plain(company.city)}@interieur.gouv.fr"
        latest = max(st.signed_on, facts.reference_date - dt.timedelta(days=1))
        self.sent = min(st.signed_on + dt.timedelta(days=rng.choice((0, 0, 1, 2, 3))), latest)
        self.sent_at = (rng.randint(8, 18), rng.randint(0, 59))
        person = facts.person
        self.worker = f"{person.civility} {person.given_names} {person.surname}"
        self.subject = rng.choice((f"Offre n° {self.ref} – bilan des candidatures",
                                   f"Demande d'autorisation de travail {person.surname} – candidatures reçues",
                                   f"RE: Test du marché du travail – offre {self.ref}",
                                   f"Attestation des candidatures – {_job(offer.job_title)}"))

    def hour(self, sep: str = ":") -> str:
        return f"{self.sent_at[0]:02d}{sep}{self.sent_at[1]:02d}"

    def figures_sentence(self) -> str:
        """The applications in a sentence with the reference, the days online, the channels and the interviews."""
        n, k, rng = self.total, self.interviews, self.rng
        if n == 0:
            return rng.choice(((f"Notre offre n° {self.ref}, {self.period} (soit {self.days} jours), n'a donné lieu "
                               "à aucune candidature : aucun entretien n'a donc pu être organisé."),
                               (f"Sur les {self.days} jours de diffusion de l'offre {self.ref}, nous n'avons reçu "
                               "aucune candidature, ni par France Travail ni en candidature spontanée.")))
        count, one, aside_n, chosen = _count(n, rng), n == 1, self.set_aside, self.shortlisted
        heard = ("le candidat a été reçu en entretien" if one and k else
                 f"{k} candidat{_s(k)} {_have(k)} été reçu{_s(k)} en entretien" if k
                 else "aucun entretien n'a pu être organisé")
        form = rng.randrange(3)
        if form == 0:
            aside = ("le CV a été étudié avec attention" if one and not aside_n else
                     "le CV ne correspondait pas au profil" if one else
                     "aucun CV ne correspondait au profil" if aside_n == n else
                     f"{aside_n} CV ne correspondai{'ent' if aside_n > 1 else 't'} pas au profil" if aside_n
                     else "tous les CV ont été étudiés")
            return (f"Notre offre n° {self.ref}, {self.period} (soit {self.days} jours), nous a permis de recevoir "
                    f"{count} candidature{_s(n)}{self._channels()} ; {aside} et {heard}.")
        if form == 1:
            aside = (("sans rapport avec le poste" if aside_n else "examinée avec attention") if one else
                     "toutes sans rapport avec le poste" if aside_n == n else
                     f"dont {aside_n} sans rapport avec le poste" if aside_n else "toutes examinées avec attention")
            return (f"Sur les {self.days} jours de diffusion de l'offre {self.ref}, nous avons reçu "
                    f"{'' if one else 'au total '}{count} candidature{_s(n)}, {aside}, et {heard}.")
        head = f"{self.period.capitalize()} ({self.days} jours), l'annonce {self.ref} a recueilli {count} candidature"
        if one:
            return (f"{head}, {'présélectionnée' if chosen else 'écartée'} sur CV"
                    f"{', puis reçue en entretien' if k else ''}.")
        picked = (f"{chosen} {_have(chosen)} été présélectionnée{_s(chosen)}" if chosen
                  else "aucune n'a été présélectionnée")
        met = f"{k} {_have(k)} donné lieu à un entretien" if k else "aucune n'a donné lieu à un entretien"
        return f"{head}s{self._channels()} : {picked} sur CV et {met}."

    def outcome(self) -> str:
        """Why nobody was hired, agreeing with the count and the interviews."""
        if self.total == 1:
            reasons = ["le candidat ne justifiait pas de l'expérience demandée",
                       "la qualification requise faisait défaut",
                       "le candidat n'était pas disponible à la date d'embauche prévue"]
            return f"Cette candidature n'a pu aboutir : {self.rng.choice(reasons)}."
        reasons = list(REASONS) + (["les candidats reçus en entretien n'avaient pas le niveau attendu"]
                                   if self.interviews else [])
        return f"Aucune de ces candidatures n'a pu aboutir : {self.rng.choice(reasons)}."

    def _channels(self) -> str:
        """", dont 8 par France Travail et 3 via Indeed" (the largest channels), or nothing."""
        told = sorted(((c, n) for c, n in self.facts.statement.channels if n), key=lambda cn: -cn[1])[:3]
        if len(told) < 2 or self.rng.random() < 0.4:
            return ""
        parts = [f"{n} {CHANNEL_WORDS.get(c, 'par ' + c)}" for c, n in told]
        return f", dont {', '.join(parts[:-1])} et {parts[-1]}"

    def paragraphs(self) -> list[str]:
        st, offer, company, rng = self.facts.statement, self.facts.offer, self.facts.contract.employer, self.rng
        intro = (f"Dans le cadre de la demande d'autorisation de travail déposée pour {self.worker}, je vous "
                 f"adresse le bilan des candidatures reçues pour le {_job(offer.job_title)}.")
        if not self.owner:
            intro = (f"À la demande {_of(st.signatory)}, {_small(self.signatory_role)} {_of(company.name)}, et "
                     f"dans le cadre de la demande d'autorisation de travail de {self.worker}, je vous transmets le "
                     f"bilan des candidatures reçues pour le {_job(offer.job_title)}.")
        out = [intro, self.figures_sentence()]
        if self.total:
            out.append(self.outcome())
        last = [f"Nous maintenons donc notre souhait de recruter {self.worker} sur ce poste.",
                "Vous trouverez en pièce jointe l'attestation de publication de l'offre."]
        out.append(rng.choice(last + (["Les CV reçus restent à votre disposition si vous souhaitez les consulter."]
                                      if self.total else [])))
        return out

    def recap(self) -> list[tuple[str, str]]:
        rng = self.rng
        rows = [(rng.choice(("Référence de l'offre", "Offre n°", "Réf. offre")), self.ref),
                (rng.choice(("Durée de diffusion", "Jours de publication")), f"{self.days} jours"),
                ("Candidatures reçues", str(self.total))]
        if self.total:
            rows.append((rng.choice(("CV ne correspondant pas au profil", "Candidatures écartées sur CV")),
                         str(self.set_aside)))
        rows += [(rng.choice(("Entretiens réalisés", "Candidats reçus en entretien")), str(self.interviews)),
                 (rng.choice(("Recrutement", "Candidat retenu")), "aucun")]
        if rng.random() < 0.5:  # the days first, then the reference
            rows[0], rows[1] = rows[1], rows[0]
        return rows

    def closing(self) -> tuple[str, str | None, str | None]:
        """(the line with the signing date before the signature, or "" when it comes after it; the line after the
        signature, or None; a line for the signatory when an assistant writes, or None)."""
        st, city, rng = self.facts.statement, self.facts.contract.employer.city, self.rng
        when = date_fr(st.signed_on, rng.choice(("long", "slash")))
        on_behalf = None if self.owner else f"Pour {st.signatory}, {_small(self.signatory_role)}"
        form = rng.randrange(4)
        if form == 0:
            return f"Fait le {when}, pour servir et valoir ce que de droit.", None, on_behalf
        if form == 1:
            return f"Je certifie l'exactitude des informations ci-dessus. Fait à {city}, le {when}.", None, on_behalf
        if form == 2:
            return "Je certifie l'exactitude des informations ci-dessus.", f"{city}, le {when}", on_behalf
        return f"Fait le {when}", None, on_behalf


def _recap(flow: Flow, rows: list[tuple[str, str]], grid: bool) -> None:
    """A grid pasted from a spreadsheet (numbers right-aligned), or aligned lines."""
    size, step = flow.size - 0.5, flow.line_height(flow.size - 0.5)
    left, label_w, value_w = flow.margin + 4, 70.0, 32.0
    tab = max(text_width_mm(label, flow.font, size) for label, _ in rows) + 10  # the aligned lines' value column
    flow.space(1.5)
    for label, value in rows:
        flow.ensure(step + 2)
        if grid:
            h = step + 1.8
            number = value.isdigit()
            flow.sheet.add(Box(left, flow.y, label_w, h, stroke=(175, 175, 175), width=0.2),
                           Box(left + label_w, flow.y, value_w, h, stroke=(175, 175, 175), width=0.2),
                           Text(left + 1.5, flow.y + h - 1.6, label, size, flow.font),
                           Text(left + label_w + (value_w - 1.5 if number else 1.5), flow.y + h - 1.6, value, size,
                                flow.font, align="right" if number else "left"))
            flow.y += h
        else:
            flow.y += step
            flow.sheet.add(Text(left, flow.y, label, size, flow.font), Text(left + tab, flow.y, value, size, flow.font))
    flow.space(3)


def _body(flow: Flow, s: Statement) -> None:
    """Greeting, prose, recap, the dated closing and the signature."""
    rng, company = s.rng, s.facts.contract.employer
    flow.text(rng.choice(GREETINGS))
    flow.space(3)
    paragraphs = s.paragraphs()
    for i, paragraph in enumerate(paragraphs):
        if i == len(paragraphs) - 1:  # the recap before the last paragraph
            flow.text(rng.choice(("Récapitulatif :", "En résumé :", "Pour mémoire :")))
            _recap(flow, s.recap(), rng.random() < 0.6)
        flow.text(paragraph)
        flow.space(2.5)
    before, after, on_behalf = s.closing()
    if before:
        flow.text(before)
        flow.space(2.5)
    flow.text(rng.choice(COURTESIES))
    flow.space(4)
    if on_behalf:
        flow.text(on_behalf, color=GREY)
    flow.text(s.sender, font=bold(flow.font))
    flow.text(s.sender_role)
    flow.text(f"{company.name} – {company.address}", flow.size - 1, color=GREY)
    flow.text(f"Tél. {_phone(rng)}", flow.size - 1, color=GREY)
    if after:
        flow.space(3)
        flow.text(after)


def _outlook(s: Statement, font: FontKey) -> list:
    st, rng = s.facts.statement, s.rng
    flow = Flow(font, 10.2, margin=20, top=18)
    flow.text(s.sender, 12.5, bold(font))
    flow.y += 1.5
    flow.sheet.add(Box(flow.margin, flow.y, flow.width, 0.9, fill=(0, 0, 0), stroke=None))
    flow.space(3)
    rows = [("De :", f"{s.sender} <{s.sender_mail}>"),
            ("Envoyé :", f"{date_with_weekday(s.sent)} {s.hour()}"),
            ("À :", f"{s.platform} <{s.platform_mail}>")]
    if not s.owner:
        rows.append(("Cc :", f"{st.signatory} <{s.signatory_mail}>"))
    rows.append(("Objet :", s.subject))
    if rng.random() < 0.6:
        rows.append(("Pièces jointes :", f"offre_{s.ref}.pdf ({rng.randint(90, 480)} Ko)"))
    flow.pairs(rows, 34, bold(font))
    flow.space(7)
    _body(flow, s)
    flow.space(8)
    flow.text("Ce message et ses pièces jointes sont confidentiels et destinés exclusivement à leur destinataire. "
              "Si vous l'avez reçu par erreur, merci d'en informer l'expéditeur et de le supprimer.", 7.5,
              color=GREY)
    return flow.finish()


def _webmail(s: Statement, font: FontKey) -> list:
    rng = s.rng
    printed = s.sent_at[0] * 60 + s.sent_at[1] + rng.randint(3, 240)
    service = rng.choice(("Messagerie", "Webmail", "Courrier"))
    flow = Flow(font, 10, margin=16, top=30, bottom=20)
    top, foot = 8.0, A4[1] - 8
    title = f"{service} :: {s.subject}" if len(s.subject) < 70 else service
    flow.sheet.add(Text(10, top, f"{date_slash(s.sent)} {printed // 60:02d}:{printed % 60:02d}", 7, font, GREY),
                   Text(A4[0] / 2, top, title, 7, font, GREY, "center"),
                   Text(10, foot, f"https://webmail.{s.sender_mail.split('@')[1]}/?_task=mail&_uid="
                        f"{rng.randint(1200, 98000)}&_mbox=Sent&_action=print", 7, font, GREY),
                   Text(A4[0] - 10, foot, "1/1", 7, font, GREY, "right"))
    flow.y = 18
    flow.text(s.subject, 13.5, bold(font))
    flow.space(2)
    head = flow.y
    style = rng.randrange(3)
    sent = (f"{date_slash(s.sent)} {s.hour()}" if style == 0 else
            f"{WEEKDAYS_FR[s.sent.weekday()][:3]}. {date_long(s.sent)} à {s.hour()}" if style == 1 else
            f"{s.sent.isoformat()} {s.hour()}")
    rows = [("De", f"{s.sender} <{s.sender_mail}>"), ("À", f"{s.platform} <{s.platform_mail}>"),
            ("Date", sent), ("Objet", s.subject)]
    under = len(flow.sheet.elements)
    flow.y += 1
    flow.pairs(rows, 20, bold(font))
    flow.y += 2.5
    flow.sheet.elements.insert(under, Box(flow.margin, head, flow.width, flow.y - head, fill=SHADE, stroke=None))
    flow.sheet.add(Rule(flow.margin, flow.y, A4[0] - flow.margin, flow.y, 0.3, (160, 160, 160)))
    flow.space(7)
    _body(flow, s)
    return flow.finish()


def _memo(s: Statement, font: FontKey) -> list:
    company, rng = s.facts.contract.employer, s.rng
    flow = Flow(font, 10.5, margin=22, top=20)
    flow.text(company.name, 13, bold(font))
    flow.text(company.address, 8.5, color=GREY)
    flow.space(7)
    flow.text(rng.choice(("NOTE", "MÉMO", "NOTE D'INFORMATION")), 17, bold(font), "center")
    flow.space(5)
    head = flow.y
    sent = f"{date_slash(s.sent)} à {s.hour(' h ')}, par courriel"
    flow.pairs([("De", f"{s.sender}, {_small(s.sender_role)}"), ("À", f"{s.platform} ({s.platform_mail})"),
                ("Objet", s.subject), (rng.choice(("Transmis le", "Date d'envoi")), sent)], 34, bold(font))
    flow.y += 2
    flow.sheet.add(Box(flow.margin - 2, head, flow.width + 4, flow.y - head, stroke=(60, 60, 60), width=0.3),
                   Rule(flow.margin + 31, head, flow.margin + 31, flow.y, 0.2, (60, 60, 60)))
    flow.space(9)
    _body(flow, s)
    return flow.finish()


def email_summary(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    st = facts.statement
    kind = rng.choice(KINDS)
    font = FontKey(rng.choice({"outlook": ("lsans", "sans"), "webmail": ("sans", "lsans", "condensed"),
                               "memo": ("serif", "lserif", "lsans")}[kind]))
    statement = Statement(facts, rng)
    sheets = {"outlook": _outlook, "webmail": _webmail, "memo": _memo}[kind](statement, font)
    fields: dict[str, FieldValue] = {"applications_received": st.total, "signed_on": st.signed_on.isoformat()}
    return BuiltPiece("applications_statement", "applications_statement:email_summary", fields, sheets=sheets)

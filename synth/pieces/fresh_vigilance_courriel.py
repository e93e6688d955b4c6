"""Fresh attestation de vigilance family `courriel_urssaf` (seventh urssaf wave, written once `capture_ecran` had been
looked at, without looking at the extractors): instead of the attestation's PDF, the employer sends a PRINTED E-MAIL
THREAD — the message the Urssaf account sent when the attestation was generated ("Votre attestation de vigilance est
disponible", from a no-reply address), forwarded by the company's HR ("TR:", "Fwd:") or by its accountant (who
receives it as the company's "tiers déclarant"), sometimes forwarded twice (the accountant to the company, the company
to the worker), and printed from the recipient's e-mail client.

Three sub-layouts, one per e-mail client's print:
- `outlook`: Outlook's "Style Mémo": the printing user's name in bold over a thick rule, bold "De :", "Envoyé :",
  "À :", "Cc :", "Objet :", "Pièces jointes :" labels, the forwarded messages under a thin rule with their own headers
  ("Envoyé :" or "Date :"), the footer with the user's name, the page number and the print date.
- `thunderbird`: the subject in bold, a header table ("Objet :", "De :", "Date :", "Pour :", "Copie à :"), the inline
  forward "-------- Message transféré --------" with the raw headers ("Sujet :", "Date : Mon, 11 May 2026 08:14:02
  +0200", "De :", "Pour :"), the attachments listed at the end; the print's header (subject, the message's imap
  address on some) and footer ("Page 1 sur 2", the print's date and hour).
- `gmail`: "Imprimer tout" from Gmail in a browser: the browser's header (print date and hour, "Gmail - <subject>")
  and footer (the mail.google.com address, "1/2"), the Gmail mark and the account's owner, the subject and "1
  message" / "2 messages", each message's sender, date "12 mai 2026 à 14:32", "À :", "Cc :", the forward
  "---------- Forwarded message ---------" (or "Message transféré"), the attachment with its size at the message's end,
  and on some the recipient's short reply ("Bien reçu, merci") as a second message, its quoted text hidden.

The Urssaf's message: its "urssaf" band on some (an HTML mail), a greeting, the attestation's summary (raison sociale,
N° SIREN, N° de compte cotisant, date de délivrance, situation arrêtée au on some, code de sécurité — as "label :
value" lines or an aligned table), "Cette attestation est valable jusqu'au …", how a client checks it on urssaf.fr,
the Urssaf's sign-off, the automatic-message and personal-data mentions. The forwarders' short messages and
signature blocks (name, job, company or accounting firm with its address, phones, e-mail, web site; the firm's SIRET
and its Ordre des experts-comptables mention), the company's confidentiality disclaimer. On some seeds (when the
e-mail fits on one page) the printed attached attestation follows as a second page, in a compact layout of its own.

Truth: the certificate's company name, SIREN, date of delivery and security code, printed exactly as the facts give
them (the SIREN in groups of three on some, the code in groups of five on some, the date as 12/05/2026 or 12 mai
2026). Distractors: the dates and hours of every message (the Urssaf's send, a day after the delivery on some, each
forward, the reply), the print's date, "valable jusqu'au", "situation arrêtée au", the attachment's name with a date
in it, the contributor account, the attestation's number, the phone numbers, the accounting firm's name and SIRET."""
from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass, field

from synth.checksums import make_siren, make_siret
from synth.companies import Company, french_name
from synth.facts import CertificateFacts, DossierFacts
from synth.fmt import (
    MONTHS_FR,
    date_long,
    date_slash,
    euros,
    siren_spaced,
    siret_spaced,
)
from synth.fonts import FontKey, text_width_mm
from synth.identifiers import grouped
from synth.layout import A4, Box, Color, Flow, Rule, Sheet, Text, wrap
from synth.people import FRENCH_CITIES, STREETS, Person
from synth.pieces.base import BuiltPiece, FieldValue, bold
from synth.pieces.fresh_vigilance_numerique import REGIONS
from synth.pieces.urssaf import LEGAL_VIGILANCE, URSSAF_REGIONS
from synth.rules import add_months

LAYOUTS = ("outlook", "thunderbird", "gmail")
GREY: Color = (95, 95, 95)
LIGHT: Color = (200, 200, 200)
URSSAF_BLUE: Color = (0, 62, 137)
LINK: Color = (17, 85, 204)
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
WEEKDAYS_SHORT = ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")
DAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
NO_REPLY = ("ne-pas-repondre@urssaf.fr", "noreply@info.urssaf.fr", "no-reply@urssaf.fr")
SUBJECTS = ("Votre attestation de vigilance est disponible", "Votre attestation de vigilance est disponible",
            "Urssaf - Votre attestation de vigilance est disponible")
WEBMAILS = ("gmail.com", "outlook.fr", "yahoo.fr", "hotmail.fr", "orange.fr", "free.fr", "laposte.net")
HR_ROLES = ("Responsable des ressources humaines", "Responsable RH et paie", "Office manager",
            "Gestionnaire paie et administration du personnel", "Direction administrative et financière",
            "Service du personnel")
FIRM_ROLES = ("Expert-comptable", "Gestionnaire de paie", "Responsable du pôle social", "Gestionnaire social",
              "Mission comptable et sociale")
FIRM_HEADS = ("AXIOLIS", "CERFIGEST", "COMPTAVEO", "FIDALYS", "NORÉAL", "VALEXCO", "AUDITIS", "BERLIAC")
FIRM_TAILS = ("EXPERTISE", "AUDIT & CONSEIL", "EXPERTS-COMPTABLES", "EXPERTISE COMPTABLE")
FIRM_FORMS = ("SAS", "SARL", "SA")
ORDRE = ("Paris Île-de-France", "Auvergne-Rhône-Alpes", "Provence-Alpes-Côte d'Azur", "Occitanie",
         "Pays de la Loire", "Hauts-de-France", "Aquitaine", "Bretagne", "Grand Est", "Bourgogne-Franche-Comté")
DISCLAIMERS = (
    ("Ce message et les pièces jointes sont confidentiels et établis à l'attention exclusive de leurs destinataires. "
     "Si vous avez reçu ce message par erreur, merci d'en avertir immédiatement l'expéditeur et de le détruire. "
     "Toute utilisation, diffusion ou publication, totale ou partielle, non autorisée est interdite."),
    ("AVERTISSEMENT : ce courriel et ses pièces jointes peuvent contenir des informations confidentielles. Ils sont "
     "destinés à l'usage exclusif de leurs destinataires. Si vous n'êtes pas le destinataire de ce message, toute "
     "lecture, copie ou diffusion en est interdite ; merci de le signaler à l'expéditeur et de le supprimer."),
)
ECO = ("Pensez à l'environnement avant d'imprimer ce courriel.", "Merci de n'imprimer ce message que si nécessaire.")
URSSAF_FOOT = (
    ("Ce courriel vous est adressé automatiquement, merci de ne pas y répondre. Pour toute question, connectez-vous "
     "à votre espace en ligne sur urssaf.fr (rubrique « Messagerie ») ou appelez le 3957 (service 0,12 €/min + prix "
     "d'appel), du lundi au vendredi de 9h à 17h."),
    ("Conformément au règlement général sur la protection des données (RGPD) et à la loi « Informatique et libertés » "
     "du 6 janvier 1978 modifiée, vous disposez d'un droit d'accès et de rectification des données vous concernant, "
     "que vous pouvez exercer auprès du délégué à la protection des données de votre Urssaf."),
)
VERIFY = (
    ("Vos donneurs d'ordre peuvent vérifier l'authenticité de cette attestation sur www.urssaf.fr, rubrique "
     "« Vérifier une attestation », en saisissant votre numéro SIREN et le code de sécurité."),
    ("L'authenticité de l'attestation peut être vérifiée par tout donneur d'ordre sur le site www.urssaf.fr, à "
     "l'aide du code de sécurité indiqué ci-dessus."),
)


# ---------------------------------------------------------------- the thread

@dataclass(frozen=True)
class Truth:
    """The truth fields as printed."""
    name: str
    siren: str
    issued: str
    code: str


@dataclass(frozen=True)
class Contact:
    name: str
    address: str  # the e-mail address

    @property
    def full(self) -> str:
        return f"{self.name} <{self.address}>" if self.name else self.address


@dataclass
class Mail:
    sender: Contact
    when: dt.datetime
    to: list[Contact]
    subject: str
    body: list[tuple[str, object]]  # ("p", text) / ("rows", [(label, value)]) / ("gap", mm) / ("band", region)
    cc: list[Contact] = field(default_factory=list)
    attachments: list[tuple[str, int]] = field(default_factory=list)  # (file name, size in Ko)


@dataclass(frozen=True)
class Firm:
    """The company's accounting firm (a distractor: another name, its own SIRET)."""
    name: str
    form: str
    siret: str
    address: str
    domain: str
    ordre: str


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _domain(name: str) -> str:
    words = [w for w in _ascii(name).lower().replace("'", " ").replace("&", " ").split()
             if w not in {"de", "du", "des", "la", "le", "l", "et"}]
    return "-".join(words[:3]) + ".fr"


def _mailbox(name: str, domain: str, style: int) -> str:
    words = [w for w in _ascii(name).lower().replace("'", " ").split() if w.strip("-")] or ["contact"]
    first, last = words[0], "-".join(words[1:]) or "x"
    return (f"{first}.{last}", f"{first[0]}.{last}", f"{first[0]}{last}")[style % 3] + f"@{domain}"


def _phone(rng: random.Random, mobile: bool = False) -> str:
    head = f"0{rng.choice((6, 7))}" if mobile else f"0{rng.randint(1, 5)}"
    return head + " " + " ".join(f"{rng.randint(0, 99):02d}" for _ in range(4))


def _firm(rng: random.Random) -> Firm:
    name = f"{rng.choice(FIRM_HEADS)} {rng.choice(FIRM_TAILS)}"
    city, postcode = rng.choice(FRENCH_CITIES)
    region = REGIONS.get(postcode[:2])
    ordre = ("Paris Île-de-France" if postcode.startswith("75") else
             region if region else rng.choice(ORDRE))
    return Firm(name, rng.choice(FIRM_FORMS), make_siret(make_siren(rng), rng),
                f"{rng.randint(1, 160)} {rng.choice(STREETS)}, {postcode} {city}", _domain(name), ordre)


def _at(day: dt.date, rng: random.Random, first: int = 8, last: int = 18, after: dt.datetime | None = None
        ) -> dt.datetime:
    """A moment on `day` in office hours, later than `after` when that is the same day."""
    low = first * 60
    if after is not None and after.date() == day:
        low = max(low, after.hour * 60 + after.minute + 4)
    high = max(low, last * 60 + 30)
    minutes = rng.randint(low, high)
    return dt.datetime(day.year, day.month, day.day, min(minutes // 60, 23), minutes % 60, rng.randint(0, 59))


def _later_day(start: dt.date, limit: dt.date, rng: random.Random, most: int) -> dt.date:
    """`start` or a few days later, never after `limit` (the day before the dossier is sent)."""
    room = max(0, (limit - start).days)
    day = start + dt.timedelta(days=0 if rng.random() < 0.3 else rng.randint(0, min(room, most)))
    while day.weekday() >= 5 and day < limit:  # offices forward on working days
        day += dt.timedelta(days=1)
    return day


def _attachment_name(cert: CertificateFacts, sent: dt.datetime, rng: random.Random) -> str:
    issue = cert.issue_date
    return rng.choice((f"attestation_vigilance_{cert.siren}_{issue:%Y%m%d}.pdf",
                       f"Attestation_de_vigilance_{issue:%d-%m-%Y}.pdf",
                       f"AV_{cert.account}_{sent:%Y%m%d%H%M%S}.pdf",
                       f"attestation_vigilance_{cert.situation_date:%Y-%m}.pdf"))


def _urssaf_mail(cert: CertificateFacts, truth: Truth, region: str, to: Contact, sent: dt.datetime,
                 attachment: tuple[str, int], rng: random.Random) -> Mail:
    until = add_months(cert.issue_date, 6)
    body: list[tuple[str, object]] = []
    if rng.random() < 0.5:  # an HTML mail: its band with the Urssaf's mark
        body.append(("band", region))
    body.append(("p", rng.choice(("Bonjour,", "Madame, Monsieur,"))))
    body.append(("p", rng.choice((
        ("Vous avez demandé une attestation de vigilance depuis votre espace en ligne. Elle est disponible en pièce "
         "jointe de ce message et dans votre espace, rubrique « Mes attestations »."),
        ("Votre attestation de vigilance vient d'être générée. Vous la trouverez en pièce jointe de ce courriel ; "
         "elle reste consultable et téléchargeable dans votre espace urssaf.fr."),
        ("Nous vous informons qu'une attestation de vigilance a été établie pour votre entreprise. Elle est jointe à "
         "ce message au format PDF."),
    ))))
    body.append(("head", rng.choice(("Récapitulatif de votre attestation :", "Informations de l'attestation",
                                     "Votre attestation en bref :"))))
    siren_label = rng.choice(("N° SIREN", "SIREN"))
    rows = [("Raison sociale", truth.name), (siren_label, truth.siren),
            ("N° de compte cotisant", cert.account), ("Date de délivrance", truth.issued)]
    if rng.random() < 0.5:
        rows.append(("Situation arrêtée au", date_slash(cert.situation_date)))
    if rng.random() < 0.4:
        rows[2], rows[3] = rows[3], rows[2]
    rows.append(("Code de sécurité", truth.code))
    body.append(("rows", rows))
    body.append(("p", rng.choice((f"Cette attestation est valable jusqu'au {date_slash(until)}.",
                                  (f"Cette attestation est valable jusqu'au {date_long(until)}, six mois après sa "
                                   "date de délivrance.")))))
    body.append(("p", rng.choice(VERIFY)))
    body.append(("p", rng.choice((f"Cordialement,\nVotre Urssaf {region}", f"L'Urssaf {region}",
                                  f"Bien cordialement,\nLe service Relation cotisants\nUrssaf {region}"))))
    body.append(("small", URSSAF_FOOT[0]))
    if rng.random() < 0.7:
        body.append(("small", URSSAF_FOOT[1]))
    sender = Contact(rng.choice(("Urssaf", f"Urssaf {region}", "")), rng.choice(NO_REPLY))
    return Mail(sender, sent, [to], rng.choice(SUBJECTS), body, attachments=[attachment])


def _signature_company(name: str, role: str, company: Company, address: str, rng: random.Random) -> list[str]:
    lines = [name, role, f"{company.name} {company.legal_form}" if rng.random() < 0.6 else company.name]
    if rng.random() < 0.75:
        lines.append(company.address)
    phones = [f"Tél. : {_phone(rng)}"]
    if rng.random() < 0.5:
        phones.append(f"Mob. : {_phone(rng, mobile=True)}")
    lines += [" | ".join(phones)] if rng.random() < 0.5 else phones
    lines.append(address)
    if rng.random() < 0.6:
        lines.append(f"www.{address.split('@', 1)[1]}")
    return lines


def _signature_firm(name: str, role: str, firm: Firm, address: str, rng: random.Random) -> list[str]:
    lines = [name, role, f"{firm.name} {firm.form}", rng.choice(("Expertise comptable – Audit – Social",
                                                                  "Expertise comptable, paie et conseil")),
             firm.address, f"Tél. : {_phone(rng)} – Fax : {_phone(rng)}" if rng.random() < 0.3 else
             f"Tél. : {_phone(rng)}", address]
    lines.append(f"SIRET {siret_spaced(firm.siret) if rng.random() < 0.6 else firm.siret} – Société inscrite au "
                 f"tableau de l'Ordre des experts-comptables {firm.ordre}")
    return lines


def _thread(facts: DossierFacts, truth: Truth, region: str, layout: str, rng: random.Random
            ) -> tuple[list[Mail], Contact, dt.datetime, str]:
    """(the messages, newest first — each forward quoting the next one —, the recipient who prints, when, the
    confidentiality disclaimer under the forwarders' signatures or "")."""
    cert = facts.certificate
    company = cert.company
    person: Person = facts.person
    limit = facts.reference_date - dt.timedelta(days=1)
    domain = _domain(company.name)
    style = rng.randrange(3)
    firm = _firm(rng)
    hr_name = company.manager if rng.random() < 0.3 else french_name(rng)
    hr = Contact(hr_name, _mailbox(hr_name, domain, style))
    accountant_name = french_name(rng)
    accountant = Contact(accountant_name, _mailbox(accountant_name, firm.domain, rng.randrange(3)))
    worker = Contact(f"{person.given_names} {person.surname}",
                     _mailbox(f"{person.given_names.split()[0]} {person.surname}", rng.choice(WEBMAILS), 0))
    # who forwards to whom: the company's HR to the worker, the accountant to the company, or both in turn
    chain = rng.choice(("hr", "hr", "accountant", "both"))
    urssaf_to = (Contact("", rng.choice(("paie", "social", "urssaf")) + f"@{firm.domain}")
                 if chain != "hr" else Contact("", rng.choice(("compta", "rh", "administratif", "contact")) +
                                               f"@{domain}"))
    sent_day = cert.issue_date + dt.timedelta(days=1 if rng.random() < 0.25 else 0)
    sent_day = min(sent_day, limit)
    sent = _at(sent_day, rng, 6, 9) if sent_day != cert.issue_date else _at(sent_day, rng, 7, 17)
    attachment = (_attachment_name(cert, sent, rng), rng.randint(86, 264))
    urssaf = _urssaf_mail(cert, truth, region, urssaf_to, sent, attachment, rng)
    prefixes = {"outlook": "TR: ", "thunderbird": "Fwd: ", "gmail": "Fwd: "}
    mails = [urssaf]
    disclaimer = rng.choice(DISCLAIMERS) if rng.random() < 0.75 else ""
    hr_role = rng.choice(HR_ROLES)
    firm_role = rng.choice(FIRM_ROLES)
    when = sent
    if chain in ("accountant", "both"):
        manager = Contact(company.manager, _mailbox(company.manager, domain, style))
        day = _later_day(when.date(), limit, rng, 6)
        when = _at(day, rng, after=when)
        greeting = rng.choice((f"Bonjour {company.manager.split()[0]},", "Bonjour,", "Madame, Monsieur,"))
        text = rng.choice((
            ("Nous avons reçu, en notre qualité de tiers déclarant, l'attestation de vigilance de votre société. Je "
             "vous la transfère pour le dossier de votre futur salarié."),
            ("Pour faire suite à votre demande, voici l'attestation de vigilance générée depuis votre compte Urssaf. "
             "Pensez à en demander une nouvelle tous les six mois pour vos donneurs d'ordre."),
            ("Vous trouverez ci-dessous l'attestation de vigilance de la société, à jour. Elle est également en "
             "pièce jointe."),
        ))
        body: list[tuple[str, object]] = [("p", greeting), ("p", text), ("p", rng.choice(("Bien cordialement,", "Cordialement,",
                                                                "Bonne journée,"))),
                ("sig", _signature_firm(accountant_name, firm_role, firm, accountant.address, rng))]
        cc = [Contact("", f"social@{firm.domain}")] if rng.random() < 0.4 else []
        to = manager if chain == "accountant" else hr
        mails.insert(0, Mail(accountant, when, [to], "TR: " + urssaf.subject if chain == "both" else
                             prefixes[layout] + urssaf.subject, body, cc, [attachment]))
    if chain in ("hr", "both"):
        day = _later_day(when.date(), limit, rng, 12)
        when = _at(day, rng, after=when)
        greeting = rng.choice((f"Bonjour {person.given_names.split()[0]},",
                               f"Bonjour {person.civility} {person.surname},", "Bonjour,"))
        text = rng.choice((
            ("Comme convenu, je vous transfère l'attestation de vigilance Urssaf de la société, à joindre à votre "
             "dossier de demande d'autorisation de travail. Vous la trouverez en pièce jointe."),
            ("Veuillez trouver ci-dessous et en pièce jointe l'attestation de vigilance que vous nous avez demandée "
             "pour la préfecture. Je reste à votre disposition pour tout autre document (extrait Kbis, contrat de "
             "travail, bulletins de salaire)."),
            ("Voici l'attestation de vigilance demandée pour votre dossier. N'hésitez pas à revenir vers moi s'il "
             "manque une pièce."),
        ))
        body = [("p", greeting), ("p", text), ("p", rng.choice(("Bien cordialement,", "Cordialement,",
                                                                "Belle journée,")))]
        body.append(("sig", _signature_company(hr_name, hr_role, company, hr.address, rng)))
        cc = [Contact(company.manager, _mailbox(company.manager, domain, style))] \
            if rng.random() < 0.35 and company.manager != hr_name else []
        subject = prefixes[layout] + mails[0].subject
        mails.insert(0, Mail(hr, when, [worker], subject, body, cc, [attachment]))
        recipient = worker
    else:
        recipient = mails[0].to[0]
    printed = _at(_later_day(when.date(), limit, rng, 4), rng, after=when)
    return mails, recipient, printed, disclaimer


# ---------------------------------------------------------------- dates as each client prints them

def _outlook_date(moment: dt.datetime) -> str:
    return f"{WEEKDAYS[moment.weekday()]} {moment.day} {MONTHS_FR[moment.month - 1]} {moment.year} {moment:%H:%M}"


def _last_sunday(year: int, month: int) -> dt.date:
    day = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


def _rfc_date(moment: dt.datetime) -> str:
    """"Mon, 11 May 2026 08:14:02 +0200": the raw header, French summer time from March's last Sunday to
    October's."""
    summer = _last_sunday(moment.year, 3) <= moment.date() < _last_sunday(moment.year, 10)
    return (f"{DAYS_EN[moment.weekday()]}, {moment.day} {MONTHS_EN[moment.month - 1]} {moment.year} "
            f"{moment:%H:%M:%S} +0{2 if summer else 1}00")


def _gmail_date(moment: dt.datetime) -> str:
    return f"{moment.day} {MONTHS_FR[moment.month - 1]} {moment.year} à {moment:%H:%M}"


def _gmail_quoted_date(moment: dt.datetime) -> str:
    return f"{WEEKDAYS_SHORT[moment.weekday()]} {moment.day} {MONTHS_FR[moment.month - 1]} {moment.year} à " \
           f"{moment:%H:%M}"


# ---------------------------------------------------------------- drawing

def _names(mails: list[Mail], recipient: Contact) -> str:
    return " ".join([recipient.name] + [c.name for m in mails for c in (m.sender, *m.to, *m.cc)])


def _font(rng: random.Random, families: tuple[str, ...], names: str) -> FontKey:
    """One of `families`; DejaVu's own instead of Liberation's when a name needs letters Liberation lacks (the
    Vietnamese ones)."""
    family = rng.choice(families)
    if family.startswith("l") and any(ord(c) > 0x24F for c in names):
        family = family[1:]
    return FontKey(family)


def _clip(text: str, font: FontKey, size: float, width: float) -> str:
    if text_width_mm(text, font, size) <= width:
        return text
    while text and text_width_mm(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _headers(flow: Flow, rows: list[tuple[str, str]], label_font: FontKey, size: float, right: bool = False,
             label_color: Color = (0, 0, 0)) -> None:
    """Header lines: the labels in a column (right-aligned against the values on some clients), the values wrapped
    beside them."""
    width = max(text_width_mm(label, label_font, size) for label, _ in rows) + 3
    step = flow.line_height(size)
    for label, value in rows:
        lines = wrap(value, flow.font, size, flow.width - width)
        flow.ensure(step * len(lines))
        flow.y += step
        if right:
            flow.sheet.add(Text(flow.margin + width - 2, flow.y, label, size, label_font, label_color, "right"))
        else:
            flow.sheet.add(Text(flow.margin, flow.y, label, size, label_font, label_color))
        for i, line in enumerate(lines):
            if i:
                flow.y += step
            flow.sheet.add(Text(flow.margin + width, flow.y, line, size, flow.font))


def _body(flow: Flow, mail: Mail, size: float, table: bool, disclaimer: str, rng: random.Random) -> None:
    """A message's body: paragraphs, the summary's rows, the signature, the small print."""
    step = flow.line_height(size)
    for kind, value in mail.body:
        if kind == "band":
            flow.ensure(16)
            flow.space(2)
            flow.sheet.add(Box(flow.margin, flow.y, flow.width, 11, fill=URSSAF_BLUE, stroke=None),
                           Text(flow.margin + 4, flow.y + 7.6, "urssaf", 15, bold(flow.font), (255, 255, 255)),
                           Text(flow.margin + flow.width - 4, flow.y + 7, f"Urssaf {value}", 8, flow.font,
                                (255, 255, 255), "right"))
            flow.y += 13
        elif kind == "p":
            for part in str(value).split("\n"):
                flow.text(part, size)
            flow.space(step * 0.6)
        elif kind == "head":
            flow.ensure(step * 8 + 4)  # the summary's heading stays with its rows
            flow.text(str(value), size, bold(flow.font))
            flow.space(0.6)
        elif kind == "rows":
            rows: list[tuple[str, str]] = value  # type: ignore[assignment]
            if table:  # an HTML table: grey labels, bold values in a column
                width = max(text_width_mm(label, flow.font, size) for label, _ in rows) + 6
                for label, val in rows:
                    flow.ensure(step + 1)
                    flow.y += step + 0.6
                    flow.sheet.add(Text(flow.margin + 3, flow.y, label, size, flow.font, GREY),
                                   Text(flow.margin + 3 + width, flow.y, val, size, bold(flow.font)))
                    flow.sheet.add(Rule(flow.margin + 2, flow.y + 1.4, flow.margin + 3 + width + 75, flow.y + 1.4,
                                        0.15, LIGHT))
                flow.space(step * 0.8)
            else:  # a plain-text mail: "label : value" lines
                bullet = rng.choice(("- ", "• ", ""))
                for label, val in rows:
                    flow.text(f"{bullet}{label} : {val}", size, indent=3)
                flow.space(step * 0.6)
        elif kind == "sig":
            lines: list[str] = value  # type: ignore[assignment]
            if rng.random() < 0.3:
                flow.text("--", size)
            flow.text(lines[0], size, bold(flow.font))
            for line in lines[1:]:
                flow.text(line, size - 1, color=(60, 60, 60))
            if disclaimer:
                flow.space(1.5)
                flow.text(disclaimer, max(7.0, size - 2.5), color=GREY)
                if rng.random() < 0.5:
                    flow.text(rng.choice(ECO), max(7.0, size - 2.5), color=(40, 120, 60))
            flow.space(step * 0.6)
        elif kind == "small":
            flow.text(str(value), max(7.0, size - 2.5), color=GREY)
            flow.space(1)


def _layout_outlook(mails: list[Mail], recipient: Contact, printed: dt.datetime, disclaimer: str,
                    rng: random.Random) -> list[Sheet]:
    font = _font(rng, ("lsans", "sans", "lsans"), _names(mails, recipient))
    size = rng.choice((10.0, 9.5))
    dated = rng.choice(("Envoyé :", "Date :"))  # the newer Outlook writes "Date :" in a forward's headers

    def footer(sheet: Sheet, page: int) -> None:
        sheet.add(Text(18, 287, recipient.name, 8, font), Text(A4[0] / 2, 287, str(page), 8, font, align="center"),
                  Text(A4[0] - 18, 287, date_slash(printed.date()), 8, font, align="right"))

    flow = Flow(font, size, margin=18, top=14, bottom=18, footer=footer)
    flow.text(recipient.name, 14, bold(font))
    flow.y += 1.5
    flow.sheet.add(Rule(18, flow.y, A4[0] - 18, flow.y, 1.1))
    flow.y += 2
    label = bold(font)
    for i, mail in enumerate(mails):
        rows = [("De :", mail.sender.full), ("Envoyé :" if i == 0 else dated, _outlook_date(mail.when)),
                ("À :", "; ".join(c.full for c in mail.to))]
        if mail.cc:
            rows.append(("Cc :", "; ".join(c.full for c in mail.cc)))
        rows.append(("Objet :", mail.subject))
        if i == 0 and mail.attachments:
            rows.append(("Pièces jointes :", "; ".join(f"{n} ({k} Ko)" for n, k in mail.attachments)))
        if i:
            flow.space(2)
            flow.ensure(30)
            flow.sheet.add(Rule(18, flow.y, A4[0] - 18, flow.y, 0.3, (150, 150, 150)))
            flow.y += 0.5
        _headers(flow, rows, label, size)
        flow.space(5)
        _body(flow, mail, size, rng.random() < 0.5, disclaimer, rng)
    return flow.finish()


def _layout_thunderbird(mails: list[Mail], recipient: Contact, printed: dt.datetime, disclaimer: str,
                        rng: random.Random) -> list[Sheet]:
    font = _font(rng, ("sans", "lsans", "serif"), _names(mails, recipient))
    ui = FontKey("sans")
    size = 9.5
    top = mails[0]
    url = (f"imap://{recipient.address.replace('@', '%40')}@imap.{recipient.address.split('@')[1]}:993/fetch%3EUID%3E"
           f"/INBOX%3E{rng.randint(1200, 48000)}") if rng.random() < 0.5 else ""

    def footer(sheet: Sheet, page: int) -> None:
        sheet.add(Text(12, 8, _clip(top.subject, ui, 7.5, 110), 7.5, ui),
                  Text(A4[0] - 12, 8, _clip(url, ui, 7.5, 80), 7.5, ui, align="right"),
                  Text(12, 291, f"Page {page} sur {len(flow.sheets)}", 7.5, ui),
                  Text(A4[0] - 12, 291, f"{printed:%d/%m/%Y %H:%M}", 7.5, ui, align="right"))

    flow = Flow(font, size, margin=16, top=16, bottom=16, footer=footer)
    flow.text(top.subject, 12, bold(font))
    flow.space(1)
    rows = [("Objet :", top.subject), ("De :", top.sender.full), ("Date :", f"{top.when:%d/%m/%Y %H:%M}"),
            ("Pour :", ", ".join(c.full for c in top.to))]
    if top.cc:
        rows.append(("Copie à :", ", ".join(c.full for c in top.cc)))
    if rng.random() < 0.5:
        rows = rows[1:]
    _headers(flow, rows, bold(font), size - 0.5, right=True)
    flow.y += 1.5
    flow.sheet.add(Rule(16, flow.y, A4[0] - 16, flow.y, 0.3, (120, 120, 120)))
    flow.space(4)
    for i, mail in enumerate(mails):
        if i:
            flow.space(2)
            flow.text("-------- Message transféré --------", size, align="left")
            rows = [("Sujet :", mail.subject), ("Date :", _rfc_date(mail.when)), ("De :", mail.sender.full),
                    ("Pour :", ", ".join(c.full for c in mail.to))]
            if mail.cc:
                rows.append(("Copie à :", ", ".join(c.full for c in mail.cc)))
            _headers(flow, rows, bold(font), size, right=True)
            flow.space(4)
        _body(flow, mail, size, rng.random() < 0.4, disclaimer, rng)
    if top.attachments:
        flow.ensure(14)
        flow.space(2)
        flow.sheet.add(Rule(16, flow.y, A4[0] - 16, flow.y, 0.3, (120, 120, 120)))
        flow.space(1)
        for name, kilo in top.attachments:
            flow.text(f"{name}    {kilo} Ko", size - 0.5, color=GREY)
    return flow.finish()


def _layout_gmail(mails: list[Mail], recipient: Contact, printed: dt.datetime, disclaimer: str,
                  facts: DossierFacts, rng: random.Random) -> list[Sheet]:
    font = _font(rng, ("lsans", "sans"), _names(mails, recipient))
    ui = FontKey("sans")
    size = 9.0
    top = mails[0]
    reply = rng.random() < 0.45 and (printed - top.when).total_seconds() > 1800
    thread = f"{rng.randint(10**18, 2 * 10**18 - 1)}"
    url = (f"https://mail.google.com/mail/u/0/?ik={rng.randint(16**9, 16**10 - 1):x}&view=pt&search=all&"
           f"permthid=thread-f:{thread}&simpl=msg-f:{thread}")

    def footer(sheet: Sheet, page: int) -> None:
        sheet.add(Text(10, 8, f"{printed:%d/%m/%Y %H:%M}", 7, ui),
                  Text(A4[0] / 2, 8, _clip(f"Gmail - {top.subject}", ui, 7, 110), 7, ui, align="center"),
                  Text(10, 291, _clip(url, ui, 7, 165), 7, ui),
                  Text(A4[0] - 10, 291, f"{page}/{len(flow.sheets)}", 7, ui, align="right"))

    flow = Flow(font, size, margin=16, top=14, bottom=16, footer=footer)
    sheet = flow.sheet
    sheet.add(Box(16, 15, 8, 6, fill=None, stroke=(219, 68, 55), width=0.6),
              Rule(16, 15, 20, 18.6, 0.6, (219, 68, 55)), Rule(20, 18.6, 24, 15, 0.6, (219, 68, 55)),
              Text(26, 20.5, "Gmail", 14, font, (95, 99, 104)),
              Text(A4[0] - 16, 20, f"{recipient.name} <{recipient.address}>", 8.5, bold(font), align="right"))
    flow.y = 24
    flow.sheet.add(Rule(16, flow.y, A4[0] - 16, flow.y, 0.5, (150, 150, 150)))
    flow.y += 1
    flow.text(top.subject, 13, bold(font))
    flow.text(f"{2 if reply else 1} messages" if reply else "1 message", 8, color=GREY)
    flow.y += 1.5
    flow.sheet.add(Rule(16, flow.y, A4[0] - 16, flow.y, 0.3, (150, 150, 150)))
    flow.y += 2

    def heading(sender: Contact, when: dt.datetime, to: list[Contact], cc: list[Contact]) -> None:
        flow.ensure(16)
        flow.y += flow.line_height(size)
        flow.sheet.add(Text(16, flow.y, sender.name or sender.address, size, bold(font)))
        if sender.name:
            flow.sheet.add(Text(17 + text_width_mm(sender.name, bold(font), size), flow.y, f"<{sender.address}>",
                                size - 0.5, font, GREY))
        flow.sheet.add(Text(A4[0] - 16, flow.y, _gmail_date(when), size - 0.5, font, align="right"))
        flow.text("À : " + ", ".join(c.full for c in to), size - 0.5, color=GREY)
        if cc:
            flow.text("Cc : " + ", ".join(c.full for c in cc), size - 0.5, color=GREY)
        flow.space(3)

    heading(top.sender, top.when, top.to, top.cc)
    english = rng.random() < 0.5
    for i, mail in enumerate(mails):
        if i:
            flow.space(1)
            if english:
                flow.text("---------- Forwarded message ---------", size)
                rows = [("De :", mail.sender.full), ("Date:", _gmail_quoted_date(mail.when)),
                        ("Subject:", mail.subject), ("To:", ", ".join(c.full for c in mail.to))]
                if mail.cc:
                    rows.append(("Cc:", ", ".join(c.full for c in mail.cc)))
            else:
                flow.text("---------- Message transféré ---------", size)
                rows = [("De :", mail.sender.full), ("Date :", _gmail_quoted_date(mail.when)),
                        ("Objet :", mail.subject), ("À :", ", ".join(c.full for c in mail.to))]
                if mail.cc:
                    rows.append(("Cc :", ", ".join(c.full for c in mail.cc)))
            for label, value in rows:
                flow.text(f"{label} {value}", size)
            flow.space(3)
        _body(flow, mail, size, rng.random() < 0.6, disclaimer, rng)
    for name, kilo in top.attachments:
        flow.ensure(14)
        flow.space(1)
        flow.sheet.add(Rule(16, flow.y, 80, flow.y, 0.3, LIGHT))
        flow.y += 2
        flow.sheet.add(Box(16, flow.y, 7.5, 6.5, fill=(219, 68, 55), stroke=None, radius=0.5),
                       Text(19.75, flow.y + 4.4, "PDF", 7, bold(ui), (255, 255, 255), "center"),
                       Text(25.5, flow.y + 2.8, name, size - 0.5, font),
                       Text(25.5, flow.y + 6.4, f"{kilo}K", 7.5, font, GREY))
        flow.y += 9
    if reply:
        gap = (printed - top.when).total_seconds()
        when = top.when + dt.timedelta(seconds=rng.uniform(0.2, 0.8) * gap)
        flow.space(2)
        flow.ensure(30)
        flow.sheet.add(Rule(16, flow.y, A4[0] - 16, flow.y, 0.3, (150, 150, 150)))
        flow.y += 1
        heading(recipient, when, [top.sender], [])
        first = top.sender.name.split()[0] if top.sender.name else ""
        flow.text(f"Bonjour {first}," if first else "Bonjour,", size)
        flow.space(1)
        flow.text(rng.choice(("Bien reçu, merci beaucoup ! Je l'ajoute à mon dossier.",
                              "Merci pour votre envoi rapide, c'est bien reçu.",
                              "Bien reçu, merci. Je vous tiens informé(e) de la suite du dossier.")), size)
        flow.space(1)
        flow.text(f"{facts.person.given_names.split()[0]}", size)
        flow.text("[Texte des messages précédents masqué]", size - 1, color=GREY)
    return flow.finish()


# ---------------------------------------------------------------- the attached attestation, printed

def _attestation(cert: CertificateFacts, truth: Truth, region: str, rng: random.Random) -> Sheet:
    """The PDF attached to the Urssaf's message, printed on its own page: a compact layout."""
    company = cert.company
    font = FontKey(rng.choice(("lsans", "sans", "condensed")))
    number = f"{cert.issue_date:%Y}-{rng.randint(0, 99):02d}-{rng.randint(0, 9_999_999):07d}"
    flow = Flow(font, 9.5, margin=20, top=44, bottom=18)
    sheet = flow.sheet
    sheet.add(Text(20, 22, "urssaf", 24, bold(font), URSSAF_BLUE),
              Text(20, 28, f"Urssaf {region}", 8.5, font, GREY),
              Box(118, 13, 72, 20, fill=(236, 242, 250), stroke=URSSAF_BLUE, width=0.3),
              Text(122, 19, "ATTESTATION DE VIGILANCE", 9.5, bold(font), URSSAF_BLUE),
              Text(122, 24.5, f"N° {number}", 8, font),
              Text(122, 30, f"Délivrée le {truth.issued}", 9, bold(font)),
              Rule(20, 37, A4[0] - 20, 37, 0.6, URSSAF_BLUE))
    flow.text(f"L'Urssaf {region} atteste que l'entreprise :", 10)
    flow.space(2)
    top = flow.y
    half = flow.width / 2
    cells = [("Raison sociale", truth.name), ("Forme juridique", company.legal_form_long),
             ("N° SIREN", truth.siren), ("N° de compte cotisant", cert.account)]
    if rng.random() < 0.5:
        cells[1], cells[2] = cells[2], cells[1]
    y = top + 1
    for k in range(0, 4, 2):
        for j, (label, value) in enumerate(cells[k:k + 2]):
            x = 24 + j * half
            sheet.add(Text(x, y + 4, label, 7.5, font, GREY), Text(x, y + 9, value, 9.5, bold(font)))
        y += 12
    sheet.add(Text(24, y + 4, "Adresse du siège", 7.5, font, GREY), Text(24, y + 9, company.address, 9.5, font))
    y += 13
    sheet.add(Box(20, top, flow.width, y - top, fill=None, stroke=(120, 120, 120), width=0.3))
    flow.y = y + 3
    staff = rng.randint(1, 120)
    flow.text(f"est à jour de ses obligations en matière de déclaration et de paiement des cotisations et "
              f"contributions de sécurité sociale, au regard de sa situation arrêtée au "
              f"{date_slash(cert.situation_date)}.")
    flow.space(1.5)
    flow.text(f"Dernière période déclarée : {MONTHS_FR[cert.situation_date.month - 1]} {cert.situation_date.year} – "
              f"effectif : {staff} salarié{'s' if staff > 1 else ''} – rémunérations déclarées : "
              f"{euros(round(staff * rng.uniform(1900, 3600), -1))}.", 8.5)
    flow.space(4)
    label = f"Code de sécurité : {truth.code}"
    width = text_width_mm(label, bold(font), 11) + 10
    sheet.add(Box(20, flow.y, width, 10, fill=None, stroke=URSSAF_BLUE, width=0.5),
              Text(25, flow.y + 6.8, label, 11, bold(font)))
    flow.y += 13
    flow.text(VERIFY[1], 8.5)
    flow.space(3)
    flow.text(LEGAL_VIGILANCE, 7.5, color=GREY)
    flow.space(6)
    flow.text(f"Le directeur de l'Urssaf {region}", 9.5, bold(font), "right")
    sheet.add(Rule(20, 283, A4[0] - 20, 283, 0.2, LIGHT),
              Text(20, 287.5, f"Attestation n° {number} – générée le {date_slash(cert.issue_date)} depuis votre "
                              "espace en ligne", 7, font, GREY),
              Text(A4[0] - 20, 287.5, "Page 1/1", 7, font, GREY, "right"))
    return flow.sheets[0]


# ---------------------------------------------------------------- the builder

def courriel_urssaf(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    cert = facts.certificate
    company = cert.company
    layout = rng.choice(LAYOUTS)
    code = grouped(cert.security_code) if rng.random() < 0.35 else cert.security_code
    siren = siren_spaced(cert.siren) if len(cert.siren) == 9 and rng.random() < 0.5 else cert.siren
    issued = date_slash(cert.issue_date) if rng.random() < 0.65 else date_long(cert.issue_date)
    truth = Truth(company.name, siren, issued, code)
    region = REGIONS.get(company.address.rsplit(", ", 1)[-1][:2]) or rng.choice(URSSAF_REGIONS)
    mails, recipient, printed, disclaimer = _thread(facts, truth, region, layout, rng)
    if layout == "outlook":
        sheets = _layout_outlook(mails, recipient, printed, disclaimer, rng)
    elif layout == "thunderbird":
        sheets = _layout_thunderbird(mails, recipient, printed, disclaimer, rng)
    else:
        sheets = _layout_gmail(mails, recipient, printed, disclaimer, facts, rng)
    if len(sheets) == 1 and rng.random() < 0.55:  # the attachment printed and stapled behind
        sheets.append(_attestation(cert, truth, region, rng))
    fields: dict[str, FieldValue] = {"company_name": company.name, "siren": cert.siren,
                                     "issue_date": cert.issue_date.isoformat(), "security_code": code}
    return BuiltPiece("urssaf_certificate", "urssaf_certificate:courriel_urssaf", fields, sheets=sheets)

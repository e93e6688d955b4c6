"""Fresh `other` family `certificat_travail` (wave 2, written once `other:acte_naissance` had been
looked at): the certificat de travail a PREVIOUS employer gave the worker when an earlier job ended
(articles L. 1234-19 and D. 1234-6 of the Code du travail), as workers attach it to show their
experience. The former employer — a company other than the dossier's, with its own name, address,
SIRET, APE code and collective agreement — certifies that the worker was employed from … to … as …
(the successive positions, in prose, a list or a small table), that they leave free of any
commitment, that the receipt for the "solde de tout compte" and the France Travail (Pôle emploi
before 2024) certificate were handed over, and that the health and provident cover is kept free of
charge (L. 911-8 of the Code de la sécurité sociale); "Fait à …, le …", the signatory and a stamp.

Three layouts: a letter on the company's letterhead, a payroll software's form (employer and
employee boxes, a table of positions, ticked mentions, a footer with the edition date), and a
formal certificate (the company presented in a sentence, the worker in dotted lines, a receipt
box for the employee's signature). It reads much like a contract or an attestation on purpose; it
has no truth field: the piece is an `other`."""
from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass

from synth.companies import Company, french_name, make_company
from synth.facts import DossierFacts
from synth.fmt import date_long, date_slash, euros, siren_spaced, siret_spaced
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, Box, Color, Flow, Rule, Sheet, Text, wrap
from synth.people import Person
from synth.pieces.base import BuiltPiece, body_font, bold
from synth.pieces.fresh_birth_act import FEMININE
from synth.pieces.fresh_diploma_jury import SHORT_COUNTRY
from synth.pieces.fresh_diploma_titre_pro import _scribble
from synth.pieces.fresh_internship_portal import _phone
from synth.pieces.fresh_statement_email import _of, _plain
from synth.rules import add_months

# positions by the first two digits of the former employer's APE code, the junior ones first: (masculine, feminine)
JOBS = {"62": (("Technicien support informatique", "Technicienne support informatique"),
               ("Développeur junior", "Développeuse junior"), ("Administrateur systèmes", "Administratrice systèmes")),
        "56": (("Plongeur", "Plongeuse"), ("Commis de cuisine", "Commis de cuisine"),
               ("Employé polyvalent de restauration", "Employée polyvalente de restauration"),
               ("Serveur", "Serveuse"), ("Chef de rang", "Cheffe de rang")),
        "49": (("Préparateur de commandes", "Préparatrice de commandes"), ("Agent de quai", "Agente de quai"),
               ("Cariste", "Cariste"), ("Chef d'équipe logistique", "Cheffe d'équipe logistique")),
        "71": (("Assistant d'études", "Assistante d'études"), ("Dessinateur projeteur", "Dessinatrice projeteuse"),
               ("Technicien d'études", "Technicienne d'études")),
        "47": (("Employé libre-service", "Employée libre-service"), ("Hôte de caisse", "Hôtesse de caisse"),
               ("Vendeur", "Vendeuse"), ("Adjoint au chef de rayon", "Adjointe au chef de rayon")),
        "86": (("Agent de service hospitalier", "Agente de service hospitalier"), ("Brancardier", "Brancardière"),
               ("Aide-soignant", "Aide-soignante")),
        "10": (("Aide-boulanger", "Aide-boulangère"), ("Vendeur en boulangerie", "Vendeuse en boulangerie"),
               ("Ouvrier boulanger", "Ouvrière boulangère")),
        "43": (("Manœuvre", "Manœuvre"), ("Aide-électricien", "Aide-électricienne"), ("Électricien", "Électricienne")),
        "01": (("Ouvrier agricole saisonnier", "Ouvrière agricole saisonnière"), ("Ouvrier agricole", "Ouvrière agricole"),
               ("Ouvrier viticole qualifié", "Ouvrière viticole qualifiée"), ("Tractoriste", "Tractoriste"))}
# the collective agreement the APE code usually goes with (IDCC numbers are public)
AGREEMENTS = {"62": "Syntec (IDCC 1486)", "71": "Syntec (IDCC 1486)",
              "56": "Hôtels, cafés, restaurants (IDCC 1979)", "49": "Transports routiers (IDCC 16)",
              "47": "Commerce de détail et de gros à prédominance alimentaire (IDCC 2216)",
              "86": "Hospitalisation privée (IDCC 2264)", "10": "Boulangerie-pâtisserie artisanale (IDCC 843)",
              "43": "Bâtiment – ouvriers, entreprises de plus de 10 salariés (IDCC 1597)",
              "01": "Production agricole et CUMA (IDCC 7024)"}
SIGNERS = (("Gérant", "Gérante"), ("Directeur des ressources humaines", "Directrice des ressources humaines"),
           ("Responsable administratif et financier", "Responsable administrative et financière"),
           ("Président", "Présidente"), ("Responsable paie et administration du personnel",) * 2,
           ("Directeur d'exploitation", "Directrice d'exploitation"))
INSURERS = ("Mutuelle Atlantique Prévoyance", "Union Mutualiste des Métiers du Centre", "Alliance Prévoyance Collective",
            "Caisse Interprofessionnelle de Prévoyance du Sud", "Mutuelle des Services et du Commerce")
SOFTWARE = ("PaieXpert v12.4", "Silae Paie – édition employeur", "GestRH Online", "Quadra Paie 2024", "EBP Paie Pro")
INK: tuple[Color, ...] = ((30, 50, 140), (40, 40, 40), (110, 30, 90))


@dataclass
class _Job:
    """The earlier job the certificate is about, and who signs it."""
    person: Person
    company: Company
    start: dt.date
    end: dt.date
    positions: list[tuple[str, str, dt.date, dt.date]]  # (title, classification, from, to)
    fixed_term: bool
    part_time: int | None  # weekly hours of a part-time job
    notice: dt.date | None  # a CDI's notice worked from that day (None: not said, or dispensed)
    dispensed: bool
    signer: str
    role: str
    issued: dt.date
    insurer: str
    policy: str
    agreement: str
    long_dates: bool

    @property
    def female(self) -> bool:
        return self.person.sex == "F"

    def e(self) -> str:
        return "e" if self.female else ""

    @property
    def she(self) -> str:
        return "Elle" if self.female else "Il"

    @property
    def worker(self) -> str:
        p = self.person
        return f"{p.civility_long} {p.given_names} {p.surname}"

    @property
    def signer_female(self) -> bool:
        return self.signer.split()[0] in FEMININE

    def say(self, day: dt.date) -> str:
        return date_long(day) if self.long_dates else date_slash(day)

    @property
    def contract(self) -> str:
        kind = "contrat à durée déterminée" if self.fixed_term else "contrat à durée indéterminée"
        if self.fixed_term and self.company.agricultural:
            kind += " saisonnier"
        return kind + (f", à temps partiel ({self.part_time} heures hebdomadaires)" if self.part_time else "")

    @property
    def agency(self) -> str:
        """France Travail replaced Pôle emploi on 1 January 2024."""
        return "France Travail" if self.end >= dt.date(2024, 1, 1) else "Pôle emploi"

    @property
    def cover_months(self) -> int:
        """The portability lasts as long as the last contract, in whole months rounded up, twelve at most."""
        return min(12, max(1, math.ceil((self.end - self.start).days / 30.44)))

    @property
    def cover_until(self) -> dt.date:
        return add_months(self.end + dt.timedelta(days=1), self.cover_months) - dt.timedelta(days=1)


def _former_employer(facts: DossierFacts, rng: random.Random) -> Company:
    """A company other than every one the dossier names."""
    taken = {facts.contract.employer.name, facts.internship.host.name, facts.certificate.company.name,
             facts.registration.company.name}
    while True:
        company = make_company(rng)
        if company.name not in taken:
            return company


def _period(facts: DossierFacts, rng: random.Random, longest: int) -> tuple[dt.date, dt.date]:
    """An earlier job of at most `longest` days, over before the dossier's contract was signed, from the worker's
    18th birthday on."""
    limit = min(facts.reference_date, facts.contract.signed_on) - dt.timedelta(days=rng.randint(12, 60))
    end = limit - dt.timedelta(days=rng.randint(0, 700))
    adult = facts.person.birth_date + dt.timedelta(days=18 * 365 + 30)
    if end - dt.timedelta(days=150) < adult:
        end = limit
    if rng.random() < 0.4:  # many jobs end on the last day of a month
        end = min(add_months(end.replace(day=1), 1) - dt.timedelta(days=1), limit)
    start = max(end - dt.timedelta(days=rng.randint(min(150, longest // 2), longest)), adult)
    if start > end - dt.timedelta(days=60):
        start = end - dt.timedelta(days=rng.randint(60, 110))  # a short seasonal job
    if rng.random() < 0.5:
        start = start.replace(day=1) if start.day < 20 else add_months(start.replace(day=1), 1)
    return start, end


def _classification(ape: str, rank: int, female: bool, rng: random.Random) -> str:
    if ape.startswith(("62", "71")):
        return f"ETAM – position {rank + 1}.{rng.randint(1, 3)}, coefficient {(230, 250, 275, 310)[min(rank, 3)]}"
    level = ("I", "II", "III", "IV")[min(rank, 3)]
    status = ("Ouvrière" if female else "Ouvrier") if ape.startswith(("01", "43", "10")) else f"Employé{'e' * female}"
    return rng.choice((f"{status} – niveau {level}, échelon {rng.randint(1, 3)}",
                       f"Niveau {level} – coefficient {(130, 150, 170, 190)[min(rank, 3)]}"))


def _positions(job_titles: tuple[tuple[str, str], ...], ape: str, start: dt.date, end: dt.date, female: bool,
               rng: random.Random) -> list[tuple[str, str, dt.date, dt.date]]:
    """The positions held one after the other: a promotion on the first of a month, every year or so."""
    years = (end - start).days / 365
    count = 1 if years < 1.2 else rng.choice((1, 2, 2, 3)) if years > 2.2 else rng.choice((1, 2))
    first = rng.randrange(0, len(job_titles) - count + 1)
    cuts = [start]
    for k in range(1, count):
        lo, hi = cuts[-1] + dt.timedelta(days=150), end - dt.timedelta(days=150 * (count - k))
        cut = lo + dt.timedelta(days=rng.randint(0, max(0, (hi - lo).days)))
        cuts.append(cut.replace(day=1) if cut.day > 1 else cut)
    ends = [c - dt.timedelta(days=1) for c in cuts[1:]] + [end]
    return [(job_titles[first + k][1 if female else 0], _classification(ape, first + k, female, rng), cuts[k], ends[k])
            for k in range(count)]


def _job(facts: DossierFacts, rng: random.Random) -> _Job:
    company = _former_employer(facts, rng)
    fixed = rng.random() < (0.75 if company.agricultural else 0.4)
    # a fixed-term contract lasts 18 months at most, renewals included; a seasonal one a season
    start, end = _period(facts, rng, (240 if company.agricultural else 540) if fixed else 1500)
    person = facts.person
    ape = company.ape[:2]
    notice = None
    dispensed = not fixed and rng.random() < 0.3
    if not fixed and not dispensed and rng.random() < 0.6:
        notice = add_months(end, -rng.choice((1, 1, 2))) + dt.timedelta(days=1)
    signer = company.manager if rng.random() < 0.5 else french_name(rng)
    roles = SIGNERS[:1] + SIGNERS[3:4] if signer == company.manager else SIGNERS[1:3] + SIGNERS[4:]
    role = rng.choice(roles)[1 if signer.split()[0] in FEMININE else 0]
    room = (facts.reference_date - end).days - 1
    issued = end + dt.timedelta(days=0 if rng.random() < 0.6 else rng.randint(1, max(1, min(8, room))))
    issued = min(issued, facts.reference_date - dt.timedelta(days=1))
    return _Job(person, company, start, end, _positions(JOBS[ape], ape, start, end, person.sex == "F", rng), fixed,
                rng.choice((15, 20, 24, 28)) if rng.random() < 0.3 else None, notice, dispensed, signer, role, issued,
                rng.choice(INSURERS), f"{rng.choice(('PC', 'CS', 'PR'))}-{rng.randint(100000, 999999)}",
                AGREEMENTS[ape], rng.random() < 0.5)


def _in_sentence(grade: str) -> str:
    """"Niveau III – coefficient 170" -> "niveau III – coefficient 170"; "ETAM – …" stays."""
    return grade[0].lower() + grade[1:] if grade[1:2].islower() else grade


def _title(job: _Job) -> str:
    return job.positions[0][0]


def _born(job: _Job) -> str:
    p = job.person
    country = SHORT_COUNTRY.get(p.country.code, p.country.name_fr)
    return f"né{job.e()} le {job.say(p.birth_date)} à {p.birth_city.title()} ({country})"


def _certify(job: _Job, rng: random.Random, opening: str) -> str:
    """"… certifie que Madame X, née le …, a été employée du … au … en qualité de …"."""
    who = job.worker + (f", {_born(job)}," if rng.random() < 0.5 else "")
    period = f"du {job.say(job.start)} au {job.say(job.end)}"
    where = rng.choice(("", " au sein de notre société", " dans notre entreprise", " dans notre établissement"))
    verb = rng.choice((f"a été employé{job.e()}", "a fait partie de notre personnel", "a travaillé"))
    if len(job.positions) == 1:
        return (f"{opening} certifie que {who} {verb}{where} {period}, en {job.contract}, "
                f"en qualité {_of(_title(job))}.")
    return (f"{opening} certifie que {who} {verb}{where} {period}, en {job.contract}, et a occupé "
            f"successivement les emplois suivants :")


def _exit_lines(job: _Job, rng: random.Random) -> list[str]:
    """Notice, free of any commitment, the final settlement and the France Travail certificate."""
    lines = []
    if job.notice:
        lines.append(f"{job.she} a effectué son préavis du {job.say(job.notice)} au {job.say(job.end)}.")
    elif job.dispensed:
        lines.append(f"{job.she} a été dispensé{job.e()} de l'exécution de son préavis, qui lui a été rémunéré.")
    elif job.fixed_term:
        lines.append(f"Son contrat a pris fin à son terme, le {job.say(job.end)}.")
    free_from = job.say(job.end + dt.timedelta(days=1))
    today = (f"{job.she} nous quitte ce jour libre de tout engagement.",) if job.issued == job.end else ()
    leaves = (f"{job.worker} quitte notre société libre de tout engagement.",
              f"{job.she} est libre de tout engagement envers notre entreprise à compter du {free_from}.")
    lines.append(rng.choice(today + leaves))
    handed = (f"Le reçu pour solde de tout compte et l'attestation destinée à {job.agency} lui ont été remis ce jour "
              "avec le présent certificat.")
    given = (f"Nous lui avons remis ce jour son reçu pour solde de tout compte ainsi que l'attestation employeur "
             f"destinée à {job.agency}.")
    lines.append(rng.choice((handed, given)))
    return lines


def _portability(job: _Job, rng: random.Random) -> str:
    until = job.say(job.cover_until)
    if rng.random() < 0.5:
        return (f"Conformément à l'article L. 911-8 du Code de la sécurité sociale, {job.worker} bénéficie, sous "
                f"réserve d'être pris{'e' if job.female else ''} en charge par le régime d'assurance chômage, du "
                f"maintien à titre gratuit des garanties collectives de frais de santé et de prévoyance en vigueur "
                f"dans l'entreprise, pendant une durée égale à celle de son dernier contrat de travail, appréciée en "
                f"mois entiers, dans la limite de douze mois, soit jusqu'au {until} au plus tard. Organisme "
                f"assureur : {job.insurer}, contrat n° {job.policy}.")
    return (f"Portabilité des droits : l'intéressé{job.e()} conserve le bénéfice des garanties complémentaires santé "
            f"et prévoyance (contrat collectif {job.insurer} n° {job.policy}) à compter du "
            f"{job.say(job.end + dt.timedelta(days=1))}, pour une durée de {job.cover_months} mois, dans les "
            f"conditions de l'article L. 911-8 du Code de la sécurité sociale. Ce maintien est financé par le "
            f"mécanisme de mutualisation ; il cesse dès la reprise d'un emploi.")


def _company_stamp(sheet: Sheet, x: float, y: float, c: Company, font: FontKey, ink: Color) -> None:
    """A rubber stamp: the company, its address, its SIRET (kept inside the page)."""
    street, town = (c.address.split(", ", 1) + [""])[:2]
    lines = [f"{c.name} {c.legal_form}", street, town, f"SIRET {c.siret}"]
    width = max(text_width_mm(line, bold(font) if i == 0 else font, 7 if i == 0 else 6.5)
                for i, line in enumerate(lines)) + 6
    x = min(x, A4[0] - 10 - width)
    sheet.add(Box(x, y, width, 21, stroke=ink, width=0.5, radius=1.2))
    for i, line in enumerate(lines):
        sheet.add(Text(x + width / 2, y + 5 + 4.4 * i, line, 6.5 if i else 7, bold(font) if i == 0 else font, ink,
                       "center"))


def _signature(flow: Flow, job: _Job, rng: random.Random, where: str, left: float | None = None) -> None:
    """"Fait à …, le …", the signatory, a pen signature and the stamp."""
    font, ink = flow.font, rng.choice(INK)
    x = left if left is not None else A4[0] - flow.margin - 70
    flow.ensure(46)
    sheet = flow.sheet
    flow.y += 6
    sheet.add(Text(x, flow.y, f"Fait à {where}, le {job.say(job.issued)}", flow.size, font))
    flow.y += 6
    sheet.add(Text(x, flow.y, job.signer, flow.size, bold(font)),
              Text(x, flow.y + 4.5, job.role, flow.size - 1, font))
    _scribble(sheet, x + 4, flow.y + 16, 30, ink, rng)
    if rng.random() < 0.75:
        _company_stamp(sheet, x + rng.uniform(22, 36), flow.y + 8 + rng.uniform(0, 4), job.company, font, ink)
    flow.y += 32


def _letterhead(flow: Flow, job: _Job, rng: random.Random, colour: Color) -> None:
    c, font, sheet = job.company, flow.font, flow.sheet
    initials = "".join(w[0] for w in c.name.replace("'", " ").split()[:2])
    sheet.add(Box(flow.margin, 14, 15, 15, fill=colour, stroke=None),
              Text(flow.margin + 7.5, 24, initials, 11, bold(font), (255, 255, 255), "center"),
              Text(flow.margin + 19, 19, c.name, 14, bold(font), colour),
              Text(flow.margin + 19, 24, f"{c.legal_form} au capital de {euros(c.capital, '€').replace(',00', '')}",
                   8, font, (90, 90, 90)),
              Text(flow.margin + 19, 28, c.address, 8, font, (90, 90, 90)),
              Text(flow.margin + 19, 32, f"Tél. {_phone(rng)} – rh@{_plain(c.name)}.fr", 8, font, (90, 90, 90)),
              Text(flow.margin + 19, 36, f"SIRET {siret_spaced(c.siret)} – APE {c.ape}", 8, font, (90, 90, 90)))
    flow.y = 46


def _letter(job: _Job, rng: random.Random) -> list[Sheet]:
    """A letter on the former employer's letterhead, the certification in prose."""
    font = body_font(rng)
    colour = rng.choice(((20, 70, 120), (120, 40, 30), (30, 90, 60), (60, 60, 60)))
    flow = Flow(font, rng.choice((9.5, 10.0)), margin=rng.choice((20.0, 22.0)), top=46)
    _letterhead(flow, job, rng, colour)
    if rng.random() < 0.5:
        flow.text(f"Réf. : RH/{job.issued.year}/{rng.randint(10, 999):03d}", 8.5, align="right", color=(90, 90, 90))
    flow.space(8)
    flow.text(rng.choice(("CERTIFICAT DE TRAVAIL", "Certificat de travail")), 15, bold(font), "center")
    if rng.random() < 0.5:
        flow.text("(articles L. 1234-19 et D. 1234-6 du Code du travail)", 8, align="center", color=(90, 90, 90))
    flow.space(7)
    she = "e" if job.signer_female else ""
    flow.text(_certify(job, rng, f"Je soussigné{she} {job.signer}, agissant en qualité {_of(job.role.lower())} "
                                 f"de la société {job.company.name},"))
    if len(job.positions) > 1:
        flow.space(1)
        for title, grade, since, until in job.positions:
            flow.text(f"– du {job.say(since)} au {job.say(until)} : {title} ({grade})", indent=6)
    flow.space(3)
    for line in _exit_lines(job, rng):
        flow.text(line)
        flow.space(2)
    flow.text(_portability(job, rng), flow.size - 1)
    flow.space(3)
    flow.text("Le présent certificat est délivré pour servir et valoir ce que de droit.")
    _signature(flow, job, rng, job.company.city)
    return flow.finish()


def _box(sheet: Sheet, x: float, y: float, w: float, title: str, rows: list[tuple[str, str]], font: FontKey,
         band: Color) -> float:
    """A titled box of label / value lines; returns its height."""
    size, step, label_w = 8.5, 4.2, 30.0
    lines: list[tuple[str, str]] = []
    for label, value in rows:
        for i, part in enumerate(wrap(value, font, size, w - label_w - 4)):
            lines.append((label if i == 0 else "", part))
    height = 8 + step * len(lines) + 2.5
    sheet.add(Box(x, y, w, height, stroke=(80, 80, 80), width=0.3), Box(x, y, w, 6.5, fill=band, stroke=None),
              Text(x + 2, y + 4.7, title, 8.5, bold(font), (255, 255, 255)))
    for i, (label, value) in enumerate(lines):
        sheet.add(Text(x + 2, y + 11 + step * i, label, 7.5, font, (90, 90, 90)),
                  Text(x + label_w, y + 11 + step * i, value, size, font))
    return height


def _tick(sheet: Sheet, x: float, y: float, text: str, font: FontKey, size: float, checked: bool = True) -> None:
    sheet.add(Box(x, y - 3, 3.2, 3.2, stroke=(40, 40, 40), width=0.25), Text(x + 5.5, y, text, size, font))
    if checked:
        sheet.add(Rule(x + 0.5, y - 2.5, x + 2.7, y - 0.3, 0.3), Rule(x + 0.5, y - 0.3, x + 2.7, y - 2.5, 0.3))


def _form(job: _Job, rng: random.Random) -> list[Sheet]:
    """A payroll software's certificate: employer and employee boxes, a table of positions, ticked mentions."""
    font = FontKey(rng.choice(("sans", "sans", "condensed", "lsans")))
    band = rng.choice(((70, 90, 110), (40, 80, 140), (90, 90, 90)))
    flow = Flow(font, 9.0, margin=16, top=16)
    sheet, c, p = flow.sheet, job.company, job.person
    sheet.add(Box(16, 12, A4[0] - 32, 15, fill=(235, 238, 242), stroke=None),
              Text(A4[0] / 2, 20, "CERTIFICAT DE TRAVAIL", 14, bold(font), align="center"),
              Text(A4[0] / 2, 24.5, "Articles L. 1234-19 et D. 1234-6 du Code du travail", 7.5, font, (80, 80, 80),
                   "center"))
    employer = [("Raison sociale", f"{c.name} {c.legal_form}"), ("Adresse", c.address), ("SIRET", c.siret),
                ("Code NAF", c.ape), ("Convention", job.agreement)]
    nir = (f"{1 if p.sex == 'M' else 2} {p.birth_date:%y %m} 99 {rng.randint(100, 999)} {rng.randint(100, 999)} "
           f"{rng.randint(10, 97)}")
    employee = [("Nom", p.surname), ("Prénom(s)", p.given_names),
                ("Né(e) le", f"{date_slash(p.birth_date)} à {p.birth_city.title()}"), ("N° S.S.", nir),
                ("Matricule", f"{rng.randint(1, 9999):05d}"), ("Adresse", p.address)]
    width = (A4[0] - 32 - 4) / 2
    boxes = [("EMPLOYEUR", employer), ("SALARIÉ(E)", employee)]
    if rng.random() < 0.3:
        boxes.reverse()
    heights = [_box(sheet, 16 + i * (width + 4), 32, width, title, rows, font, band)
               for i, (title, rows) in enumerate(boxes)]
    flow.y = 32 + max(heights) + 5
    flow.pairs([("Date d'entrée", date_slash(job.start)), ("Date de sortie", date_slash(job.end)),
                ("Nature du contrat", job.contract[0].upper() + job.contract[1:])], 40, bold(font))
    flow.space(2)
    flow.text("Emploi(s) occupé(s)", 9.5, bold(font))
    rows: list[tuple[str, ...]] = [("Emploi", "Classification", "Du", "Au")]
    rows += [(title, grade, date_slash(since), date_slash(until)) for title, grade, since, until in job.positions]
    flow.table(rows, (62, 68, 24, 24), 8.5, bold(font))
    flow.space(3)
    she = "e" if job.signer_female else ""
    worker = f"{p.civility} {p.surname} {p.given_names}" if rng.random() < 0.5 else job.worker
    flow.text(f"Je soussigné{she} {job.signer}, {job.role.lower()}, agissant pour le compte de l'employeur désigné "
              f"ci-dessus, certifie que {worker} a été employé{job.e()} dans l'entreprise du {date_slash(job.start)} "
              f"au {date_slash(job.end)} inclus, dans les emplois indiqués ci-dessus, et nous quitte libre de tout "
              f"engagement.")
    flow.space(3)
    y = flow.y + 4
    size = 8.5
    _tick(sheet, 16, y, f"Reçu pour solde de tout compte remis le {date_slash(job.issued)}", font, size)
    _tick(sheet, 16, y + 5, f"Attestation employeur destinée à {job.agency} remise", font, size)
    if job.fixed_term:
        _tick(sheet, 16, y + 10, "Fin de contrat à durée déterminée à son terme (sans préavis)", font, size)
    else:
        _tick(sheet, 16, y + 10, "Préavis effectué", font, size, job.notice is not None)
        _tick(sheet, 80, y + 10, "Préavis non effectué (dispense)", font, size, job.dispensed)
    flow.y = y + 14
    flow.text(f"Maintien des garanties santé et prévoyance (art. L. 911-8 du Code de la sécurité sociale) : OUI, "
              f"pendant {job.cover_months} mois au plus, soit jusqu'au {date_slash(job.cover_until)}, sous réserve "
              f"de l'indemnisation par l'assurance chômage. Organisme : {job.insurer} – contrat n° {job.policy}.", 8.5)
    _signature(flow, job, rng, c.city, left=A4[0] - 16 - 75)
    edited = job.issued if rng.random() < 0.6 else job.issued - dt.timedelta(days=rng.randint(1, 3))
    sheet.add(Rule(16, A4[1] - 16, A4[0] - 16, A4[1] - 16, 0.2, (140, 140, 140)),
              Text(16, A4[1] - 12, f"Édité le {date_slash(edited)} – {rng.choice(SOFTWARE)}", 7, font, (110, 110, 110)),
              Text(A4[0] - 16, A4[1] - 12, "Page 1/1", 7, font, (110, 110, 110), "right"))
    return flow.finish()


def _formal(job: _Job, rng: random.Random) -> list[Sheet]:
    """The company presented in a sentence, the worker in dotted lines, a receipt box for the worker."""
    font = FontKey(rng.choice(("serif", "lserif")))
    flow = Flow(font, 10.0, margin=24, top=20)
    c, p = job.company, job.person
    flow.text(c.name, 15, bold(font), "center")
    flow.text(f"{c.legal_form_long} au capital de {euros(c.capital, 'euros').replace(',00', '')}", 8.5,
              align="center", color=(70, 70, 70))
    flow.text(f"Siège social : {c.address} – RCS {c.city} {siren_spaced(c.siren)}", 8.5, align="center",
              color=(70, 70, 70))
    flow.rule(0.5)
    flow.space(8)
    flow.y += 6
    spaced = rng.random() < 0.5  # letter-spaced, the words three spaces apart
    flow.sheet.add(Text(A4[0] / 2, flow.y, "C E R T I F I C A T   D E   T R A V A I L" if spaced else
                        "CERTIFICAT DE TRAVAIL", 13 if spaced else 15, bold(font), align="center"))
    flow.space(10)
    she = "e" if job.signer_female else ""
    flow.text(f"Je soussigné{she}, {job.signer}, agissant en qualité {_of(job.role.lower())} de la société {c.name}, "
              f"{c.legal_form} dont le siège est situé {c.address}, immatriculée sous le numéro SIRET "
              f"{siret_spaced(c.siret)}, code APE {c.ape}, certifie que :")
    flow.space(3)
    rows = [("Nom", p.surname), ("Prénom(s)", p.given_names), ("Date et lieu de naissance",
            f"{job.say(p.birth_date)} à {p.birth_city.title()} ({SHORT_COUNTRY.get(p.country.code, p.country.name_fr)})"),
            ("Demeurant", p.address)]
    flow.dotted(rows, 62)
    flow.space(3)
    flow.text(f"a été employé{job.e()} par notre société du {job.say(job.start)} au {job.say(job.end)}, en "
              f"{job.contract}.")
    flow.space(2)
    if len(job.positions) == 1:
        flow.text(f"Emploi occupé : {_title(job)}, {_in_sentence(job.positions[0][1])}.")
    else:
        flow.text("Emplois successivement occupés :")
        for title, grade, since, until in job.positions:
            flow.text(f"• {title} ({_in_sentence(grade)}), du {job.say(since)} au {job.say(until)}", indent=8)
    flow.space(2)
    flow.text(f"Convention collective appliquée : {job.agreement}.")
    flow.space(3)
    for line in _exit_lines(job, rng):
        flow.text(line)
        flow.space(1.5)
    flow.space(1.5)
    flow.text(_portability(job, rng), flow.size - 1.2, color=(40, 40, 40))
    flow.space(2)
    flow.text("En foi de quoi, nous lui délivrons le présent certificat pour servir et valoir ce que de droit.")
    top = flow.y
    _signature(flow, job, rng, c.city)
    sheet = flow.sheet
    sheet.add(Box(flow.margin, top + 4, 72, 26, stroke=(110, 110, 110), width=0.25),
              Text(flow.margin + 2, top + 9, f"Remis en main propre le {date_slash(job.issued)}", 8, font),
              Text(flow.margin + 2, top + 13, f"Signature du salarié{'e' if job.female else ''} :", 8, font))
    return flow.finish()


def certificat_travail(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    job = _job(facts, rng)
    layout = rng.choice((_letter, _form, _formal))
    return BuiltPiece("other", "other:certificat_travail", {}, sheets=layout(job, rng))

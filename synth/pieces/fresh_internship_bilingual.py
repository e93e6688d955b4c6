"""Fresh internship agreement family `bilingual_traineeship` (third wave, written once `school_portal` had been
looked at): the bilingual "Convention de stage / Internship Agreement" a French school's international office
issues for an international student interning in a French company. Every label is French with its English
translation ("Stagiaire / Trainee", "Organisme d'accueil / Host organisation"), either after a slash or in
italics under it; numbered sections of small ruled tables (the institution with its Erasmus code, the host with
its SIRET, APE code and legal representative, the trainee with a student number and, for an exchange student,
the home university, the internship, the supervision by a tutor and the institution's coordinator, the allowance
as an hourly rate beside the monthly amount, insurance with a policy number); general terms in two parallel
columns, French and English; a three-column signature block. The French version prevails, it says so."""
from __future__ import annotations

import datetime as dt
import random
import unicodedata

from synth.companies import FOREIGN_UNIVERSITIES, french_name
from synth.facts import DossierFacts, InternshipFacts
from synth.fmt import date_long, date_slash, euros, hours_fr, number_fr, siret_spaced
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, Color, Flow, Rule, Sheet, Text, wrap
from synth.people import FRENCH_CITIES, STREETS
from synth.pieces.base import BuiltPiece, bold
from synth.pieces.education import MONTHS_EN, _agreement_piece
from synth.pieces.fresh_internship_portal import _email, _phone
from synth.rules import INTERN_HOURLY_MIN, gratification_floor, value_at

Row = tuple[str, str, str]  # French label, English label, value
GREY: Color = (95, 95, 95)
HAIRLINE: Color = (175, 175, 180)
ACCENTS: tuple[Color, ...] = ((0, 70, 127), (122, 28, 48), (28, 90, 60), (60, 60, 70))
FONTS = ("lsans", "serif", "lserif", "sans")  # families with an italic face for the English
OFFICES = (("Direction des relations internationales", "International Relations Office"),
           ("Service des stages et des relations internationales", "Internships & International Office"),
           ("Bureau des étudiants internationaux", "International Students Office"))
INSTITUTION_LABELS = (("Établissement d'enseignement", "Sending institution"),
                      ("Établissement d'enseignement", "Higher education institution"),
                      ("Établissement d'enseignement supérieur", "Educational institution"))
HEADS = (("Directeur(rice) général(e)", "Director General"), ("Président(e)", "President"),
         ("Directeur(rice) des relations internationales", "Director of International Relations"),
         ("Directeur(rice) des études", "Dean of Studies"))
SIGNERS = (("Gérant(e)", "Managing Director"), ("Président(e)", "President"),
           ("Directeur(rice) général(e)", "Chief Executive Officer"), ("Responsable des ressources humaines",
                                                                       "Human Resources Manager"))
TUTORS = (("Chef de projet", "Project Manager"), ("Responsable technique", "Technical Manager"),
          ("Responsable marketing", "Marketing Manager"), ("Ingénieur(e) principal(e)", "Lead Engineer"),
          ("Responsable administratif(ve)", "Office Manager"))
PROGRAMMES = ("Master in Management – Programme Grande École", "MSc International Business",
              "Diplôme d'ingénieur / Master of Engineering, 2nd year", "Bachelor in International Business, year 3",
              "MSc Data Science & Artificial Intelligence")
SCHEDULES = (("Du lundi au vendredi", "Monday to Friday"), ("5 jours par semaine", "5 days a week"),
             ("Horaires de l'entreprise", "Company working hours"))
BENEFITS = (("Remboursement de 50 % de l'abonnement de transport", "50% of the public transport pass refunded"),
            ("Titres-restaurant", "Meal vouchers"), ("Accès au restaurant d'entreprise", "Access to the staff canteen"),
            ("Néant", "None"))
INSURERS = ("MAIF", "MACIF", "AXA France", "Groupama", "SMERRA", "HEYME")
GRANTS = (700, 750, 850)  # a monthly mobility grant from the institution: not the host's allowance


def _date_en(day: dt.date) -> str:
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def _dates(long: bool, day: dt.date) -> str:
    """"02/03/2026", or "2 mars 2026 / 2 March 2026"."""
    return f"{date_long(day)} / {_date_en(day)}" if long else date_slash(day)


def _erasmus_code(city: str, rng: random.Random) -> str:
    """"F  RENNES07": the country letter, the city in capitals (at most 8 letters), a number."""
    plain = unicodedata.normalize("NFKD", city).encode("ascii", "ignore").decode().upper()
    return f"F  {''.join(c for c in plain if c.isalpha())[:8]}{rng.randint(1, 40):02d}"


class Page:
    """The flow of the agreement and how it prints a label: "Nom / Name" on one line, or the French in bold with
    the English in italics under it."""

    def __init__(self, font: FontKey, accent: Color, stacked: bool) -> None:
        self.flow = Flow(font, 8.6, margin=18, top=22, bottom=22)
        self.flow.y = 68  # below the first page's header and title
        self.font, self.accent, self.stacked = font, accent, stacked
        self.italic = FontKey(font.family, italic=True)

    def _label_lines(self, fr: str, en: str, width: float) -> list[tuple[str, float, FontKey, Color]]:
        if not self.stacked:
            return [(line, 8.0, self.font, GREY) for line in wrap(f"{fr} / {en}", self.font, 8.0, width)]
        return ([(line, 8.0, bold(self.font), (20, 20, 20)) for line in wrap(fr, bold(self.font), 8.0, width)]
                + [(line, 7.2, self.italic, GREY) for line in wrap(en, self.italic, 7.2, width)])

    def section(self, number: int, fr: str, en: str) -> None:
        flow = self.flow
        flow.space(4)
        flow.ensure(22)
        flow.y += 4.5
        head = f"{number}. {fr.upper()}"
        flow.sheet.add(Text(flow.margin, flow.y, head, 9.6, bold(self.font), self.accent),
                       Text(flow.margin + text_width_mm(head, bold(self.font), 9.6) + 2, flow.y, f"/ {en}", 9,
                            self.italic, self.accent),
                       Rule(flow.margin, flow.y + 1.6, A4[0] - flow.margin, flow.y + 1.6, 0.4, self.accent))
        flow.y += 2.2

    def rows(self, rows: list[Row], label_width: float = 56.0) -> None:
        """A small ruled table: the bilingual label on the left, the value beside it, a hairline under each row."""
        flow, size = self.flow, self.flow.size
        step = flow.line_height()
        for fr, en, value in rows:
            labels = self._label_lines(fr, en, label_width - 3)
            values = wrap(value, self.font, size, flow.width - label_width - 2)
            label_height = sum(s * 0.3528 * 1.3 for _, s, _, _ in labels)
            height = max(label_height, len(values) * step) + 2.0
            flow.ensure(height)
            y = flow.y + 0.6
            for line, lsize, lfont, color in labels:
                y += lsize * 0.3528 * 1.3
                flow.sheet.add(Text(flow.margin + 1, y, line, lsize, lfont, color))
            for i, line in enumerate(values):
                flow.sheet.add(Text(flow.margin + label_width, flow.y + 0.6 + step * (i + 1), line, size, self.font))
            flow.y += height
            flow.sheet.add(Rule(flow.margin, flow.y, A4[0] - flow.margin, flow.y, 0.15, HAIRLINE))

    def parallel(self, clauses: list[tuple[str, str, str, str]]) -> None:
        """General terms: the French text in the left column, the English in italics in the right one."""
        flow, size = self.flow, 7.6
        step = flow.line_height(size)
        width = (flow.width - 8) / 2
        flow.ensure(3 * step)
        flow.y += step
        for x, head in ((flow.margin, "Version française (fait foi)"), (flow.margin + width + 8, "English version")):
            flow.sheet.add(Text(x, flow.y, head, 8, bold(self.font), self.accent))
        flow.y += 1.5
        for title_fr, body_fr, title_en, body_en in clauses:
            left = [(title_fr, bold(self.font))] + [(line, self.font) for line in wrap(body_fr, self.font, size, width)]
            right = ([(title_en, FontKey(self.font.family, bold=True, italic=True))]
                     + [(line, self.italic) for line in wrap(body_en, self.italic, size, width)])
            height = max(len(left), len(right)) * step + 1.5
            flow.ensure(height)
            for x, lines in ((flow.margin, left), (flow.margin + width + 8, right)):
                for i, (line, font) in enumerate(lines):
                    flow.sheet.add(Text(x, flow.y + step * (i + 1), line, size, font))
            middle = flow.margin + width + 4
            flow.sheet.add(Rule(middle, flow.y + 1, middle, flow.y + height, 0.15, HAIRLINE))
            flow.y += height

    def signatures(self, columns: list[tuple[str, str, str, str]]) -> None:
        """Three columns side by side, parted by thin rules: the party, who signs for it and as what, then the
        date, "Lu et approuvé / Read and approved" and room for the signature."""
        flow = self.flow
        flow.ensure(56)
        width, top = flow.width / len(columns), flow.y + 3
        for i, (fr, en, name, role) in enumerate(columns):
            x = flow.margin + i * width + (2 if i else 0)
            if i:
                flow.sheet.add(Rule(x - 2, top, x - 2, top + 50, 0.2, HAIRLINE))
            flow.sheet.add(Text(x, top + 4, fr, 8.6, bold(self.font), self.accent),
                           Text(x, top + 8, en, 7.6, self.italic, GREY))
            lines = ([(line, 8.4, self.font) for line in wrap(name, self.font, 8.4, width - 5)]
                     + [(line, 7.4, self.italic) for line in wrap(role, self.italic, 7.4, width - 5) if line])
            for j, (line, size, font) in enumerate(lines):
                flow.sheet.add(Text(x, top + 13.5 + 3.8 * j, line, size, font))
            flow.sheet.add(Text(x, top + 30, "Date :", 7.6, self.font, GREY),
                           Text(x, top + 35, "« Lu et approuvé / Read and approved »", 6.8, self.italic, GREY),
                           Text(x, top + 40, "Signature :", 7.6, self.font, GREY))
        flow.y = top + 52


def _allowance(st: InternshipFacts, rng: random.Random, grant: int | None) -> list[Row]:
    """The allowance: an hourly rate with the monthly amount it gives (the monthly amount is what is paid)."""
    if st.gratification == 0:
        rows = [("Gratification", "Allowance", "Non / No"),
                ("Montant mensuel", "Monthly amount",
                 "Sans objet : stage non gratifié / Not applicable: unpaid internship")]
    else:
        monthly = euros(st.gratification)
        monthly_en = f"€{st.gratification:,.2f}"
        if abs(st.gratification - float(gratification_floor(st.start_date, st.weekly_hours))) < 0.005:
            # the statutory hourly rate, then the monthly amount it gives for the weekly hours
            legal = float(value_at(INTERN_HOURLY_MIN, st.start_date))
            amounts = [("Taux horaire", "Hourly rate", (f"{number_fr(legal)} € par heure de présence (minimum légal) "
                                                        f"/ €{legal:.2f} per hour of attendance (statutory minimum)")),
                       ("Montant mensuel", "Monthly amount", f"soit {monthly} par mois / i.e. {monthly_en} per month")]
        else:
            rate = st.gratification / (st.weekly_hours * 52 / 12)
            amounts = [("Montant mensuel", "Monthly amount", f"{monthly} par mois / {monthly_en} per month"),
                       ("Taux horaire indicatif", "Indicative hourly rate",
                        f"environ {number_fr(rate)} € / about €{rate:.2f}")]
        rows = [("Gratification", "Allowance", "Oui / Yes"), *amounts,
                ("Versement", "Payment", rng.choice(("Mensuel, par virement / Monthly, by bank transfer",
                                                     "Chaque fin de mois / At the end of each month")))]
    benefit = rng.choice(BENEFITS)
    rows.append(("Avantages", "Benefits", f"{benefit[0]} / {benefit[1]}"))
    if grant:
        rows.append(("Bourse de mobilité", "Mobility grant",
                     (f"{euros(grant)} par mois, versée par l'établissement et distincte de la gratification / "
                      f"€{grant:,.2f} per month, paid by the institution, separate from the allowance")))
    return rows


CLAUSES = (
    ("Art. 1 – Objet",
     ("La présente convention règle les rapports entre l'établissement, l'organisme d'accueil et le stagiaire pour "
      "un stage intégré au cursus."),
     "Art. 1 – Purpose",
     ("This agreement governs the relations between the institution, the host organisation and the trainee for an "
      "internship that is part of the curriculum.")),
    ("Art. 2 – Statut",
     ("Le stagiaire reste étudiant de l'établissement ; il n'est pas lié à l'organisme d'accueil par un contrat de "
      "travail."),
     "Art. 2 – Status",
     "The trainee remains a student of the institution and has no employment contract with the host organisation."),
    ("Art. 3 – Séjour",
     ("Le stagiaire ressortissant d'un pays tiers doit détenir un titre de séjour l'autorisant à effectuer le stage "
      "en France pendant toute sa durée."),
     "Art. 3 – Residence",
     ("A trainee from a non-EU country must hold a residence permit allowing the internship in France for its whole "
      "duration.")),
    ("Art. 4 – Absences et interruption",
     ("Toute absence est signalée à l'établissement. En cas de manquement grave, le stage peut être interrompu après "
      "concertation des parties."),
     "Art. 4 – Absence and termination",
     ("Any absence is reported to the institution. In case of serious misconduct, the internship may be ended after "
      "consultation of the parties.")),
    ("Art. 5 – Attestation",
     ("À l'issue du stage, l'organisme d'accueil remet au stagiaire une attestation de stage indiquant sa durée "
      "effective."),
     "Art. 5 – Certificate",
     ("At the end of the internship, the host organisation gives the trainee a certificate stating its actual "
      "duration.")),
)


def _header(page: Page, institution: str, office: tuple[str, str], reference: str, year: int) -> None:
    sheet, font, accent = page.flow.sheet, page.font, page.accent
    right = A4[0] - 18
    sheet.add(Text(18, 16, institution, 12.5, bold(font), accent),
              Text(18, 21.5, office[0], 8, font, GREY), Text(18, 25.3, office[1], 7.6, page.italic, GREY),
              Text(right, 16, f"Réf. / Ref. : {reference}", 8, font, align="right"),
              Text(right, 21.5, f"Année universitaire / Academic year {year}-{year + 1}", 7.6, font, GREY,
                   align="right"),
              Rule(18, 29, right, 29, 0.6, accent),
              Text(A4[0] / 2, 40, "CONVENTION DE STAGE", 15, bold(font), align="center"),
              Text(A4[0] / 2, 46.5, "INTERNSHIP AGREEMENT", 12, FontKey(font.family, bold=True, italic=True), accent,
                   align="center"),
              Text(A4[0] / 2, 52.5, "Stage en France d'un(e) étudiant(e) international(e) / Internship in France of "
                   "an international student", 8.2, font, align="center"),
              Text(A4[0] / 2, 57, "Code de l'éducation, art. L. 124-1 à L. 124-20 / French Education Code, "
                   "Art. L. 124-1 to L. 124-20", 7.2, page.italic, GREY, align="center"))
    note = ("Convention établie en français et en anglais ; en cas de divergence, la version française fait foi. / "
            "This agreement is drawn up in French and English; should they differ, the French version prevails.")
    for i, line in enumerate(wrap(note, page.italic, 7.2, A4[0] - 60)):
        sheet.add(Text(A4[0] / 2, 63 + 3.4 * i, line, 7.2, page.italic, GREY, align="center"))


def _footer(page: Page, institution: str, reference: str):
    flow = page.flow

    def draw(sheet: Sheet, number: int) -> None:
        y = A4[1] - 11
        sheet.add(Rule(18, y - 4, A4[0] - 18, y - 4, 0.2, HAIRLINE),
                  Text(18, y, f"{institution} – Convention de stage / Internship Agreement", 6.8, page.font, GREY),
                  Text(A4[0] - 18, y, f"{reference} – {number}/{len(flow.sheets)}", 6.8, page.font, GREY,
                       align="right"))
    return draw


def bilingual_traineeship(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, st = facts.person, facts.internship
    host = st.host
    page = Page(FontKey(rng.choice(FONTS)), rng.choice(ACCENTS), rng.random() < 0.5)
    long_dates = rng.random() < 0.5
    city, postcode = rng.choice(FRENCH_CITIES)
    head, coordinator = french_name(rng), french_name(rng)
    head_title, signer, tutor_role = rng.choice(HEADS), rng.choice(SIGNERS), rng.choice(TUTORS)
    office = rng.choice(OFFICES)
    domain = rng.choice(("international-campus.fr", "ecole-international.fr", "ri-etudiants.fr"))
    year = st.start_date.year if st.start_date.month >= 9 else st.start_date.year - 1
    reference = f"INT-{year}-{rng.randint(1000, 9999)}"
    exchange = rng.random() < 0.5
    grant = rng.choice([g for g in GRANTS if g != st.gratification]) if exchange and rng.random() < 0.6 else None
    # made, and due back signed, before the dossier was sent
    made = min(st.start_date - dt.timedelta(days=rng.randint(15, 45)),
               facts.reference_date - dt.timedelta(days=rng.randint(14, 40)))
    due = made + dt.timedelta(days=10)
    flow = page.flow
    flow.footer = _footer(page, st.institution, reference)
    _header(page, st.institution, office, reference, year)

    school = rng.choice(INSTITUTION_LABELS)
    page.section(1, *school)
    page.rows([("Nom", "Name", st.institution),
               ("Adresse", "Address", f"{rng.randint(1, 120)} {rng.choice(STREETS)}, {postcode} {city}, France"),
               ("Représenté par", "Represented by", f"{head}, {head_title[0]} / {head_title[1]}"),
               ("Code Erasmus", "Erasmus code", _erasmus_code(city, rng)),
               ("Téléphone", "Phone", "+33 " + _phone(rng)[1:])])

    page.section(2, "Organisme d'accueil", "Host organisation")
    page.rows([("Raison sociale", "Company name", host.name), ("Forme juridique", "Legal form", host.legal_form),
               ("N° SIRET", "SIRET number", siret_spaced(st.siret) if rng.random() < 0.5 else st.siret),
               ("Code APE", "Business activity code", host.ape),
               ("Adresse", "Address", host.address),
               ("Représentant légal", "Legal representative", f"{host.manager}, {signer[0]} / {signer[1]}"),
               ("Lieu du stage", "Place of internship",
                rng.choice(("Identique / Same as above", host.address)))])

    page.section(3, "Stagiaire", "Trainee")
    trainee = [("Nom", "Surname", person.surname), ("Prénom(s)", "First name(s)", st.given_names),
               ("Date de naissance", "Date of birth", _dates(long_dates, person.birth_date)),
               ("Nationalité", "Nationality", f"{person.demonym.capitalize()} ({person.country.name_en})"),
               ("N° étudiant", "Student number", str(rng.randint(21000000, 25999999))),
               ("Formation", "Programme", rng.choice(PROGRAMMES))]
    if exchange:
        trainee += [("Statut", "Status", "Étudiant(e) en échange / Exchange student"),
                    ("Université d'origine", "Home university",
                     f"{rng.choice(FOREIGN_UNIVERSITIES)} ({person.country.name_en})"),
                    ("Programme de mobilité", "Mobility programme",
                     rng.choice(("Programme Erasmus+ / Erasmus+ programme",
                                 "Accord bilatéral / Bilateral exchange agreement")))]
    trainee += [("Adresse en France", "Address in France", person.address),
                ("Courriel", "E-mail", _email(f"{st.given_names} {person.surname}", "etu." + domain))]
    page.rows(trainee)

    page.section(4, "Le stage", "The internship")
    days = (st.end_date - st.start_date).days + 1
    if rng.random() < 0.5:
        period = [("Date de début", "Start date", _dates(long_dates, st.start_date)),
                  ("Date de fin", "End date", _dates(long_dates, st.end_date))]
    else:
        period = [("Dates du stage", "Internship period",
                   f"du {_dates(False, st.start_date)} au {_dates(False, st.end_date)} / "
                   f"from {_dates(False, st.start_date)} to {_dates(False, st.end_date)}" if not long_dates else
                   f"du {date_long(st.start_date)} au {date_long(st.end_date)} / "
                   f"from {_date_en(st.start_date)} to {_date_en(st.end_date)}")]
    schedule = rng.choice(SCHEDULES)
    leave = rng.choice((2, 2.5))
    page.rows([("Missions", "Tasks", st.subject)] + period + [
        ("Durée hebdomadaire", "Weekly hours",
         f"{hours_fr(st.weekly_hours)} heures / {st.weekly_hours:g} hours"),
        ("Répartition", "Schedule", f"{schedule[0]} / {schedule[1]}"),
        ("Durée totale", "Total duration", f"{days // 7} semaines / {days // 7} weeks"
         + (f" + {days % 7} jour(s) / day(s)" if days % 7 else "")),
        ("Congés", "Leave", f"{hours_fr(leave)} jours ouvrés par mois / {leave:g} working days per month")])

    page.section(5, "Encadrement", "Supervision")
    page.rows([("Tuteur (organisme d'accueil)", "Supervisor (host organisation)",
                f"{st.tutor}, {tutor_role[0]} / {tutor_role[1]}"),
               ("Coordinateur(rice) de l'établissement", "Institution's coordinator", coordinator),
               ("Courriel du coordinateur", "Coordinator's e-mail", _email(coordinator, domain))])

    page.section(6, "Gratification", "Allowance")
    page.rows(_allowance(st, rng, grant))

    page.section(7, "Protection sociale et assurance", "Social security and insurance")
    page.rows([("Assurance maladie", "Health insurance",
                rng.choice(("Régime étudiant de la Sécurité sociale française / French student social security",
                            "Assurance privée couvrant le séjour / Private insurance covering the stay"))),
               ("Responsabilité civile", "Civil liability",
                f"{rng.choice(INSURERS)} – police n° / policy no. {rng.randint(1000000, 9999999)}")])

    page.section(8, "Conditions générales", "General terms")
    page.parallel(list(CLAUSES))

    flow.space(5)
    flow.ensure(66)
    flow.text(f"Convention à retourner signée au plus tard le {date_slash(due)} / To be returned signed by "
              f"{_date_en(due)}.", 8, page.italic, color=GREY)
    flow.text(f"Fait en trois exemplaires à {city}, le {_dates(False, made)} / Done in three copies in {city}, on "
              f"{_date_en(made)}.", 8.6)
    intern = f"{st.given_names} {person.surname}"
    page.signatures([("Pour l'établissement", "For the institution", head, f"{head_title[0]} / {head_title[1]}"),
                     ("Pour l'organisme d'accueil", "For the host organisation", host.manager,
                      f"{signer[0]} / {signer[1]} – cachet / stamp"),
                     ("Le/La stagiaire", "The trainee", intern, "")])
    return _agreement_piece(facts, "bilingual_traineeship", flow.finish())

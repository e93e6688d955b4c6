"""Fresh `other` family `bail_habitation` (wave 3, written once `other:certificat_travail` had been
looked at): the residential lease of the flat the worker rents, as employers slip it into a dossier
for proof of address. A contract of the loi n° 89-462 du 6 juillet 1989 — unfurnished (three years,
six when the landlord is a company) or furnished (one year) —, between a landlord (a person, a couple,
a family SCI or a property company, with its SIREN and its RCS) sometimes represented by a letting
agency (its SIRET, its carte professionnelle « Gestion immobilière » and its financial guarantee) and
the worker, « le locataire »: the premises described (surface, rooms, floor, heating, cellar…), the
date the lease takes effect and its term, the monthly rent without charges, the monthly provision
for charges, per month and per year, the IRL quarter of the yearly revision, the deposit, the
agency's fees by square metre, a guarantor, the resolutory clause, sometimes the annexes (energy
diagnosis with its yearly cost estimate…), "Fait à …, le … en deux exemplaires", both signatures,
and the parties' initials at the foot of every page ("Paraphes").

Three layouts: the décret n° 2015-587 contrat type (roman-numbered sections, "A. Consistance du
logement", dash lines "– surface habitable : 42 m²"), an agency's or notary-style bail in numbered
articles (parties in prose, a table of amounts per month and per year), and a one-page summary a
rental-management software prints (party boxes side by side, a conditions grid, general terms in
small print). It reads much like an employment contract on purpose — parties defined in clauses,
articles, a start date, a duration, monthly amounts —; it has no truth field: the piece is an
`other`."""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from synth.checksums import make_siren, make_siret
from synth.facts import DossierFacts
from synth.fmt import date_long, date_slash, euros, number_fr, siren_spaced, siret_spaced
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, Box, Color, Flow, Rule, Sheet, Text, wrap
from synth.people import FRENCH_CITIES, STREETS, Person
from synth.pieces.base import BuiltPiece, body_font, bold
from synth.pieces.fresh_diploma_jury import SHORT_COUNTRY
from synth.pieces.fresh_diploma_titre_pro import _scribble
from synth.pieces.fresh_internship_portal import _phone
from synth.pieces.fresh_words import euros_in_words
from synth.rules import add_months

MEN = ("Bernard", "Jean-Pierre", "Philippe", "Alain", "Michel", "Patrick", "Gérard", "Christophe", "Didier")
WOMEN = ("Monique", "Catherine", "Sylvie", "Martine", "Nathalie", "Françoise", "Brigitte", "Véronique", "Odile")
SURNAMES = ("LEROY", "GARNIER", "FAURE", "ROUSSEL", "BLANC", "GUÉRIN", "BOYER", "LEMAIRE", "PERRIN", "CARON", "VIDAL")
SCI_NAMES = ("LES ORMEAUX", "DU VIEUX PRESSOIR", "LE CLOS SAINT-JEAN", "PATRIMOINE ALBERTI", "RÉSIDENCE DES CÈDRES",
             "LES TROIS CHÊNES", "VAL D'ARGENT")
COMPANIES = (("FONCIÈRE DES RIVES", "SAS"), ("IMMOBILIÈRE HABITAT CENTRE", "SA"), ("LOGIVAL RÉSIDENCES", "SAS"),
             ("SOCIÉTÉ FONCIÈRE DU MAIL", "SA"))
AGENCIES = (("Cabinet Delorme Immobilier", "SARL"), ("Agence Centrale de Gestion", "SAS"),
            ("Rives & Toits Immobilier", "SAS"), ("Immo Horizon Gestion", "SARL"), ("Agence des Halles", "EURL"),
            ("Cabinet Morel & Associés", "SARL"), ("Gestion Locative du Parc", "SAS"))
GUARANTORS = ("GALIAN", "SOCAF", "CEGC")
# (principal rooms, what the ads call it, smallest and largest surface in m²)
FLATS = ((1, "studio", 17, 30), (1, "T1 bis", 26, 34), (2, "T2", 32, 50), (3, "T3", 48, 70), (4, "T4", 68, 88))
ROOMS = {1: "pièce principale, coin cuisine, salle d'eau avec WC",
         2: "entrée, séjour, une chambre, cuisine, salle d'eau, WC",
         3: "entrée, séjour, deux chambres, cuisine, salle de bains, WC séparés",
         4: "entrée, séjour double, trois chambres, cuisine, salle de bains, salle d'eau, WC"}
PERIODS = (("avant 1949", "avant 1949"), ("de 1949 à 1974", "entre 1949 et 1974"),
           ("de 1975 à 1989", "entre 1975 et 1989"), ("de 1989 à 2005", "entre 1989 et 2005"),
           ("depuis 2005", "après 2005"))
HEATING = ("individuel électrique", "individuel au gaz", "collectif (chaudière gaz de l'immeuble)",
           "collectif – réseau de chaleur urbain")
WATER = ("individuelle (ballon électrique)", "individuelle (chaudière gaz)", "collective")
PRIVATE = ("une cave n° {n}", "une place de stationnement n° {n} au sous-sol", "un cellier n° {n}",
           "un box fermé n° {n}")
OUTSIDE = ("balcon", "loggia", "terrasse de 6 m²", "jardinet privatif")
COMMON = ("ascenseur", "local à vélos", "local poubelles", "interphone et digicode", "espaces verts", "gardien")
TIC = ("raccordement à la fibre optique", "antenne collective TNT", "prise téléphonique et prise RJ45 dans le séjour")
KITCHENS = ("cuisine équipée (plaques vitrocéramiques, hotte, évier deux bacs)",
            "kitchenette (deux plaques électriques, évier, réfrigérateur top)",
            "cuisine aménagée (meubles hauts et bas, évier)")
FURNITURE = ("literie avec couette, dispositif d'occultation des fenêtres, plaques de cuisson, four à micro-ondes, "
             "réfrigérateur avec compartiment congélation, vaisselle et ustensiles de cuisine, table et sièges, "
             "étagères de rangement, luminaires, matériel d'entretien ménager")
# rent by square metre, and the reference rent of the cities whose rents are capped (encadrement), €/m²
RENT_PER_M2 = {"Paris": (25.0, 32.0), "Nice": (14.5, 18.0), "Lyon": (12.5, 15.5), "Bordeaux": (12.0, 15.0),
               "Montpellier": (12.0, 15.0), "Lille": (11.5, 14.5), "Marseille": (11.5, 14.0)}
CAPPED = {"Paris", "Lyon", "Lille", "Montpellier", "Bordeaux"}
VERY_TIGHT = {"Paris"}  # agency fees: 12 €/m² there, 10 €/m² in the other tight zones, 8 €/m² elsewhere
TIGHT = {"Lyon", "Marseille", "Toulouse", "Nantes", "Lille", "Bordeaux", "Rennes", "Strasbourg", "Montpellier",
         "Grenoble", "Nice"}
# the rent reference index (IRL) by quarter, as INSEE published it
IRL = {(2022, 1): 133.93, (2022, 2): 135.84, (2022, 3): 136.27, (2022, 4): 137.26, (2023, 1): 138.61,
       (2023, 2): 140.59, (2023, 3): 141.03, (2023, 4): 142.06, (2024, 1): 143.46, (2024, 2): 145.17,
       (2024, 3): 144.51, (2024, 4): 144.64, (2025, 1): 145.47, (2025, 2): 146.68}
DPE = (("B", 85, 110), ("C", 112, 175), ("C", 120, 170), ("D", 180, 245), ("D", 190, 240), ("E", 252, 325),
       ("F", 335, 415))
PAYMENTS = ("par virement bancaire", "par prélèvement automatique", "par virement permanent",
            "par chèque à l'ordre du bailleur")  # a cheque when the landlord collects the rent himself
INK: tuple[Color, ...] = ((25, 45, 140), (30, 30, 30), (20, 60, 120))
HAND = FontKey("serif", italic=True)


@dataclass
class _Landlord:
    kind: str  # "person", "couple", "sci", "company"
    name: str  # as the parties' clause names it
    address: str
    signer: str  # who signs: the landlord, the SCI's manager, the company's director
    female: bool  # the landlord named (a person), for "dénommée"
    siren: str = ""
    capital: int = 0
    rcs: str = ""

    @property
    def person(self) -> bool:
        return self.kind in ("person", "couple")


@dataclass
class _Agency:
    name: str
    legal_form: str
    siren: str
    siret: str
    address: str
    city: str
    card: str
    guarantor: str
    guarantee: int
    negotiator: str
    phone: str


@dataclass
class _Lease:
    person: Person
    landlord: _Landlord
    agency: _Agency | None
    furnished: bool
    kind: str  # "T2", "studio"…
    rooms: int
    surface: float
    floor: str  # "3e étage, porte gauche" ("" for a house)
    building: str  # "Bâtiment B, escalier 2" or ""
    house: bool
    period: tuple[str, str]
    heating: str
    water: str
    private: str  # "une cave n° 12" or ""
    outside: str
    common: list[str]
    tic: str
    kitchen: str
    fiscal_id: str
    lots: str
    start: dt.date
    signed: dt.date
    months: int  # 12, 36 or 72
    rent: float
    charges: float
    deposit: float
    reference: float | None  # the capped cities' reference rent, €/m²
    fee_rate: int  # agency fees by m² (visit, file, drafting)
    pay_day: int
    in_advance: bool
    pay_mode: str
    irl: tuple[int, int]
    dpe: tuple[str, int, int, int]  # class, kWh/m²/year, yearly cost from, to
    guarantee: str  # a guarantor's clause, or ""
    works: str
    place: str  # where it is signed
    long_dates: bool
    file_ref: str
    tenant: str = ""  # "Madame Fatou SARR"
    e: str = ""  # the feminine ending of the words about the tenant ("née", "désignée")

    def __post_init__(self) -> None:
        p = self.person
        self.tenant, self.e = f"{p.civility_long} {p.given_names} {p.surname}", "e" * (p.sex == "F")

    def say(self, day: dt.date) -> str:
        return date_long(day) if self.long_dates else date_slash(day)

    @property
    def flat_city(self) -> str:
        return self.person.address.rsplit(" ", 1)[-1]

    @property
    def term_end(self) -> dt.date:
        return add_months(self.start, self.months) - dt.timedelta(days=1)

    @property
    def term(self) -> str:
        return {12: "un an", 36: "trois ans", 72: "six ans"}[self.months]

    @property
    def years(self) -> str:
        return {12: "une année", 36: "trois années", 72: "six années"}[self.months]

    @property
    def monthly(self) -> float:
        return round(self.rent + self.charges, 2)

    @property
    def first_due(self) -> tuple[int, float]:
        """(days of the first month the lease covers, what they cost): a lease that does not start on the 1st pays
        its first month prorata temporis."""
        days_in_month = (add_months(self.start.replace(day=1), 1) - self.start.replace(day=1)).days
        days = days_in_month - self.start.day + 1
        return days, round(self.monthly * days / days_in_month, 2)

    @property
    def law(self) -> str:
        return "titre Ier bis" if self.furnished else "titre Ier"

    @property
    def fee_visit(self) -> float:
        return round(self.surface * self.fee_rate, 2)

    @property
    def fee_inventory(self) -> float:
        return round(self.surface * 3, 2)

    @property
    def located(self) -> str:
        where = ", ".join(part for part in (self.building, self.floor) if part)
        return f"{self.person.address}" + (f" – {where}" if where else "")

    @property
    def surface_text(self) -> str:
        return number_fr(self.surface).replace(",00", "").strip() + " m²"


def _irl_quarter(day: dt.date) -> tuple[int, int]:
    """The last quarter INSEE had published on `day` (about the 15th of the month after it ends)."""
    done = (day.month - 1) // 3
    if day.month in (1, 4, 7, 10) and day.day < 16:
        done -= 1
    return (day.year, done) if done > 0 else (day.year - 1, 4 + done)


def _irl(quarter: tuple[int, int], with_value: bool = True) -> str:
    year, q = quarter
    label = f"{'1er' if q == 1 else f'{q}e'} trimestre {year}"
    value = IRL.get(quarter)
    return f"{label} ({number_fr(value).strip()})" if with_value and value else label


def _company_address(rng: random.Random) -> tuple[str, str]:
    city, postcode = rng.choice(FRENCH_CITIES)
    return f"{rng.randint(1, 90)} {rng.choice(STREETS)}, {postcode} {city}", city


def _landlord(rng: random.Random, tenant_address: str) -> _Landlord:
    kind = rng.choices(("person", "couple", "sci", "company"), (4, 2, 3, 1))[0]
    address = tenant_address
    while address == tenant_address:
        address, city = _company_address(rng)
    if kind == "couple":
        husband, wife, surname = rng.choice(MEN), rng.choice(WOMEN), rng.choice(SURNAMES)
        return _Landlord(kind, f"Monsieur {husband} {surname} et Madame {wife} {surname}", address,
                         f"{rng.choice((husband, wife))} {surname}", False)
    if kind == "person":
        female = rng.random() < 0.45
        given = f"{rng.choice(WOMEN if female else MEN)} {rng.choice(SURNAMES)}"
        return _Landlord(kind, f"{'Madame' if female else 'Monsieur'} {given}", address, given, female)
    siren = make_siren(rng)
    manager = f"{rng.choice(MEN + WOMEN)} {rng.choice(SURNAMES)}"
    if kind == "sci":
        return _Landlord(kind, f"SCI {rng.choice(SCI_NAMES)}", address, manager, True, siren,
                         rng.choice((1000, 1500, 10000, 152449)), city)
    name, form = rng.choice(COMPANIES)
    return _Landlord(kind, f"{name} {form}", address, manager, True, siren, rng.choice((500000, 2000000, 15000000)),
                     city)


def _card_number(postcode: str, rng: random.Random) -> str:
    """"CPI 6901 2019 000 041 277": the department, the chamber, the year, a serial."""
    serial = f"{rng.randint(1, 99999):06d}"
    return f"CPI {postcode[:2]}01 {rng.randint(2015, 2023)} 000 {serial[:3]} {serial[3:]}"


def _agency(rng: random.Random, flat_address: str) -> _Agency:
    """A letting agency, most often in the town of the flat it lets."""
    name, form = rng.choice(AGENCIES)
    address, city = _company_address(rng)
    if rng.random() < 0.8:
        town = flat_address.split(", ")[-1]
        address, city = f"{rng.randint(1, 90)} {rng.choice(STREETS)}, {town}", town.split(" ", 1)[1]
    siren = make_siren(rng)
    postcode = address.split(", ")[1][:5]
    return _Agency(name, form, siren, make_siret(siren, rng), address, city, _card_number(postcode, rng),
                   rng.choice(GUARANTORS), rng.choice((110000, 120000, 250000, 500000)),
                   f"{rng.choice(MEN + WOMEN)} {rng.choice(SURNAMES)}", _phone(rng))


def _dates(facts: DossierFacts, rng: random.Random) -> tuple[dt.date, dt.date]:
    """(the day the lease takes effect, the day it was signed): a few weeks to four years before the dossier,
    the worker of age."""
    ref = facts.reference_date
    adult = facts.person.birth_date + dt.timedelta(days=18 * 365 + 60)
    start = ref - dt.timedelta(days=rng.randint(25, 1500))
    if start < adult:
        start = ref - dt.timedelta(days=rng.randint(25, 200))
    if rng.random() < 0.65 and start.day > 1:  # most leases start on the first of a month
        first = add_months(start.replace(day=1), 1)
        start = first if first <= ref - dt.timedelta(days=10) else start.replace(day=1)
    signed = start - dt.timedelta(days=rng.choice((0, 0, rng.randint(1, 21))))
    return start, signed


def _guarantee(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.35:
        given = rng.choice(MEN + WOMEN)
        return (f"Cautionnement solidaire de {'Madame' if given in WOMEN else 'Monsieur'} {given} "
                f"{rng.choice(SURNAMES)}, par acte séparé annexé au présent contrat, dans la limite de "
                f"{rng.choice(('trois', 'six', 'neuf'))} années de loyers et charges.")
    if roll < 0.65:
        return (f"Garantie Visale (Action Logement) – visa certifié n° V{rng.randint(10**8, 10**9 - 1)}, "
                f"couvrant les impayés de loyers et charges pendant toute la durée du bail.")
    return ""


def _lease(facts: DossierFacts, rng: random.Random) -> _Lease:
    person = facts.person
    city = person.address.rsplit(" ", 1)[-1]
    landlord = _landlord(rng, person.address)
    managed = {"person": 0.5, "couple": 0.5, "sci": 0.4, "company": 0.8}[landlord.kind]
    agency = _agency(rng, person.address) if rng.random() < managed else None
    furnished = rng.random() < 0.4
    rooms, kind, low, high = rng.choice(FLATS[:4] if furnished else FLATS)
    surface = float(rng.randint(low, high)) + rng.choice((0.0, 0.0, 0.5, 0.25, 0.8))
    house = rooms >= 3 and rng.random() < 0.2
    floor = "" if house else (
        rng.choice(("rez-de-chaussée", "1er étage", "2e étage", "3e étage", "4e étage", "5e étage", "6e étage"))
        + rng.choice(("", ", porte gauche", ", porte droite", ", porte face", f", porte {rng.randint(1, 40)}")))
    building = "" if house or rng.random() < 0.6 else f"Bâtiment {rng.choice('ABCD')}, escalier {rng.randint(1, 3)}"
    lo, hi = RENT_PER_M2.get(city, (10.0, 13.5))
    per_m2 = rng.uniform(lo, hi) * (1.12 if furnished else 1.0)
    reference = None
    if city in CAPPED:  # the rent stays under the reference rent increased by 20 %
        reference = round(per_m2 / rng.uniform(0.85, 1.15), 1)
        per_m2 = min(per_m2, reference * 1.19)
    rent = float(round(surface * per_m2)) if rng.random() < 0.7 else round(surface * per_m2, 2)
    charges = float(rng.randint(2, 8) * 5 + rooms * rng.choice((5, 10, 15)))
    deposit = rent * (rng.choice((1, 2)) if furnished else 1)
    start, signed = _dates(facts, rng)
    outside = rng.choice(OUTSIDE if house or floor.startswith("rez") else OUTSIDE[:3]) if rng.random() < 0.5 else ""
    months = 12 if furnished else 72 if landlord.kind == "company" or (landlord.kind == "sci" and rng.random() < 0.3) \
        else 36
    fee_rate = 12 if city in VERY_TIGHT else 10 if city in TIGHT else 8
    cls, kwh_lo, kwh_hi = rng.choice(DPE)
    kwh = rng.randint(kwh_lo, kwh_hi)
    cost = round(kwh * surface * rng.uniform(0.075, 0.1) / 10) * 10
    place = rng.choice((city, agency.city if agency else landlord.address.rsplit(" ", 1)[-1]))
    return _Lease(person, landlord, agency, furnished, kind, rooms, surface, floor, building, house,
                  rng.choice(PERIODS[:2] if house else PERIODS), rng.choice(HEATING[:2] if house else HEATING),
                  rng.choice(WATER[:2] if house else WATER),
                  "" if rng.random() < 0.35 else rng.choice(PRIVATE).format(n=rng.randint(1, 60)),
                  outside, rng.sample(COMMON, rng.randint(2, 4)),
                  rng.choice(TIC), rng.choice(KITCHENS),
                  f"{rng.randint(10**11, 10**12 - 1)}" if rng.random() < 0.5 else "",
                  "" if house else f"lot n° {rng.randint(2, 140)} de l'état descriptif de division",
                  start, signed, months, rent, charges, deposit, reference, fee_rate,
                  rng.choice((1, 1, 1, 5, 10)), rng.random() < 0.85,
                  rng.choice(PAYMENTS if agency is None else PAYMENTS[:3]),
                  _irl_quarter(signed), (cls, kwh, cost, round(cost * rng.uniform(1.3, 1.45) / 10) * 10),
                  _guarantee(rng),
                  rng.choice(("", "", (f"réfection complète des peintures et remplacement du revêtement de sol "
                                      f"({euros(rng.randint(18, 60) * 100)} TTC)"),
                              f"remplacement des menuiseries extérieures ({euros(rng.randint(30, 90) * 100)} TTC)")),
                  place, rng.random() < 0.5, f"{start.year}-{rng.randint(1, 999):04d}")


# ---------------------------------------------------------------------------------------------- wording shared


def _named(lease: _Lease, who: str, rng: random.Random, capitals: bool = False) -> str:
    """"ci-après dénommé « le bailleur »", "désignée ci-après « LE LOCATAIRE »"."""
    female = lease.person.sex == "F" if who == "locataire" else lease.landlord.female
    quoted = f"« {'LE ' + who.upper() if capitals else 'le ' + who} »"
    verb = rng.choice(("ci-après dénommé{}", "désigné{} ci-après", "ci-après désigné{}"))
    if lease.landlord.kind == "couple" and who == "bailleur":
        return f"{verb.format('s')} ensemble {quoted}"
    return f"{verb.format('e' if female else '')} {quoted}"


def _landlord_text(lease: _Lease) -> str:
    owner = lease.landlord
    if owner.kind == "person":
        return f"{owner.name}, demeurant {owner.address}"
    if owner.kind == "couple":
        return f"{owner.name}, demeurant ensemble {owner.address}"
    civil = "société civile immobilière" + (" familiale" if lease.months == 36 else "")  # a family SCI: three years
    if owner.kind == "company":
        civil = "société par actions simplifiée" if owner.name.endswith("SAS") else "société anonyme"
    signer = "" if lease.agency else f", représentée par {owner.signer}, {_role(owner)}"  # else by its agent
    return (f"{owner.name}, {civil} au capital de {euros(owner.capital).replace(',00', '')}, immatriculée au RCS "
            f"de {owner.rcs} sous le numéro {siren_spaced(owner.siren)}, dont le siège est situé {owner.address}"
            f"{signer}")


def _role(owner: _Landlord) -> str:
    """The SCI's manager or the company's chairman, in the signer's gender."""
    female = owner.signer.split()[0] in WOMEN
    if owner.kind == "sci":
        return "gérante" if female else "gérant"
    if owner.name.endswith("SAS"):
        return "présidente" if female else "président"
    return "directrice générale" if female else "directeur général"


def _agency_text(agency: _Agency) -> str:
    return (f"{agency.name}, {agency.legal_form} dont le siège est situé {agency.address}, SIRET "
            f"{siret_spaced(agency.siret)}, exerçant l'activité d'administration de biens, titulaire de la carte "
            f"professionnelle « Gestion immobilière » n° {agency.card} délivrée par la CCI de {agency.city}, "
            f"garantie financière {agency.guarantor} à hauteur de {euros(agency.guarantee).replace(',00', '')}")


def _tenant_text(lease: _Lease, rng: random.Random) -> str:
    p = lease.person
    country = SHORT_COUNTRY.get(p.country.code, p.country.name_fr)
    born = f"né{lease.e} le {lease.say(p.birth_date)} à {p.birth_city.title()} ({country})"
    return rng.choice((f"{lease.tenant}, {born}, de nationalité {p.demonym}",
                       f"{lease.tenant}, {born}", f"{p.civility} {p.surname} {p.given_names}"))


def _duration_text(lease: _Lease) -> str:
    if lease.furnished:
        return ("Le présent contrat est conclu pour une durée d'un an. Si le bailleur ne donne pas congé dans les "
                "conditions de l'article 25-8 de la loi du 6 juillet 1989, le contrat arrivé à échéance est reconduit "
                "tacitement pour un an et dans les mêmes conditions. Le locataire peut mettre fin au bail à tout "
                "moment, après avoir donné congé avec un préavis d'un mois.")
    again = "6 ans" if lease.months == 72 else "3 ans"
    return (f"En l'absence de proposition de renouvellement du contrat, celui-ci est, à son terme, reconduit "
            f"tacitement pour {again} et dans les mêmes conditions. Le locataire peut mettre fin au bail à tout "
            f"moment, après avoir donné congé. Le bailleur, quant à lui, peut mettre fin au bail à son échéance et "
            f"après avoir donné congé, soit pour reprendre le logement en vue de l'occuper lui-même ou une personne "
            f"de sa famille, soit pour le vendre, soit pour un motif sérieux et légitime.")


def _payment_text(lease: _Lease) -> str:
    when = "le 1er de chaque mois" if lease.pay_day == 1 else f"au plus tard le {lease.pay_day} de chaque mois"
    advance = "d'avance" if lease.in_advance else "à terme échu"
    payee = "entre les mains du mandataire" if lease.agency else "au bailleur"
    return f"payable mensuellement et {advance}, {when}, {lease.pay_mode}, {payee}"


RESOLUTORY = ("Le présent contrat sera résilié immédiatement et de plein droit, sans qu'il soit besoin de faire "
              "ordonner cette résolution en justice : six semaines après un commandement de payer demeuré "
              "infructueux à défaut de paiement aux termes convenus de tout ou partie du loyer et des charges dûment "
              "justifiées ou en cas de non-versement du dépôt de garantie ; un mois après un commandement demeuré "
              "infructueux à défaut d'assurance contre les risques locatifs ; en cas de troubles de voisinage "
              "constatés par une décision de justice passée en force de chose jugée.")
INSURANCE = ("Le locataire est tenu de s'assurer contre les risques dont il doit répondre en sa qualité de locataire "
             "et d'en justifier lors de la remise des clés puis chaque année à la demande du bailleur.")


def _annexes(lease: _Lease) -> list[str]:
    cls, kwh, low, high = lease.dpe
    items = [(f"un diagnostic de performance énergétique (classe {cls}, {kwh} kWh/m²/an ; dépenses annuelles "
             f"d'énergie estimées entre {euros(low).replace(',00', '')} et {euros(high).replace(',00', '')} par an, "
             f"prix de l'énergie indexés au 1er janvier 2021)"),
             "un état des risques et pollutions (ERP)"]
    if lease.period[0] == "avant 1949":
        items.append("un constat de risque d'exposition au plomb (CREP)")
    if lease.period[0] in ("avant 1949", "de 1949 à 1974", "de 1975 à 1989"):
        items.append("l'état de l'installation intérieure d'électricité et, le cas échéant, de gaz")
    items += ["la notice d'information relative aux droits et obligations des locataires et des bailleurs",
              "l'état des lieux d'entrée établi contradictoirement"]
    if lease.furnished:
        items.append("l'inventaire et l'état détaillé du mobilier")
    if lease.lots:
        items.append("un extrait du règlement de copropriété (destination de l'immeuble, jouissance des parties "
                     "communes)")
    if lease.guarantee.startswith("Cautionnement"):
        items.append("l'acte de cautionnement solidaire")
    return items


def _initials(name: str) -> str:
    """"Jean-Pierre LEROY" -> "JPL": the letters a hand writes at the foot of a page."""
    return "".join(part[0] for part in name.replace("-", " ").split())


def _paraph_footer(flow: Flow, lease: _Lease, rng: random.Random, boxed: bool) -> Callable[[Sheet, int], None]:
    """The parties' initials at the foot of every page (their own hands), with the page number."""
    font, ink = flow.font, rng.choice(INK)
    owner = _initials(lease.agency.negotiator if lease.agency else lease.landlord.signer)
    tenant = _initials(f"{lease.person.given_names} {lease.person.surname}")
    jitter = [rng.uniform(-1.2, 1.2) for _ in range(8)]
    label = rng.choice(("Paraphes", "Paraphes :", "PARAPHES"))
    grey = (90, 90, 90)

    def footer(sheet: Sheet, number: int) -> None:
        total, y = len(flow.sheets), A4[1] - 13
        wobble = jitter[number % 4], jitter[4 + number % 4]
        if boxed:
            x = A4[0] - flow.margin - 62
            sheet.add(Text(x - 2, y + 1, label, 7.5, font, grey, "right"))
            for i, (who, ini) in enumerate((("Bailleur", owner), ("Locataire", tenant))):
                bx = x + i * 31
                sheet.add(Box(bx, y - 7, 29, 11, stroke=(110, 110, 110), width=0.25),
                          Text(bx + 1.2, y - 4.6, who, 6, font, grey),
                          Text(bx + 14.5 + wobble[i], y + 1.8, ini, 10, HAND, ink, "center"))
            sheet.add(Text(flow.margin, y + 1, f"Page {number} sur {total}", 7.5, font, grey))
            if lease.agency:  # the agency's file
                sheet.add(Text(flow.margin, y + 4.5, f"Bail d'habitation – réf. {lease.file_ref}", 6.5, font, grey))
            return
        line = f"{label}  Bailleur : ____________      Locataire : ____________"
        sheet.add(Rule(flow.margin, y - 6, A4[0] - flow.margin, y - 6, 0.2, (150, 150, 150)),
                  Text(A4[0] / 2, y, line, 7.5, font, grey, "center"),
                  Text(A4[0] - flow.margin, y + 4.5, f"{number}/{total}", 7, font, grey, "right"))
        start = A4[0] / 2 - text_width_mm(line, font, 7.5) / 2
        for i, ini in enumerate((owner, tenant)):
            anchor = start + text_width_mm(line.split("____________")[0] if i == 0 else
                                           line.rsplit("____________", 1)[0], font, 7.5)
            sheet.add(Text(anchor + 8 + wobble[i], y - 1 + wobble[i] / 3, ini, 10, HAND, ink, "center"))
    return footer


def _signatures(flow: Flow, lease: _Lease, rng: random.Random) -> None:
    """"Fait à …, le …, en deux exemplaires", then each party's signature under « Lu et approuvé »."""
    flow.ensure(50)
    flow.space(3)
    made = lease.say(lease.signed)
    flow.text(rng.choice(((f"Fait à {lease.place}, le {made}, en deux exemplaires originaux, dont un remis à chacune "
                          f"des parties."), f"Fait et signé à {lease.place}, le {made}, en deux exemplaires.",
                          f"Fait à {lease.place}, le {made}, en deux exemplaires originaux.")))
    top, font, ink = flow.y + 7, flow.font, rng.choice(INK)
    owner = lease.landlord
    left = ("Pour le bailleur, son mandataire" if lease.agency else
            "Le bailleur" if owner.kind == "person" else "Les bailleurs" if owner.kind == "couple" else
            f"Pour la {owner.name.split()[0]} {' '.join(owner.name.split()[1:])}" if owner.kind == "sci" else
            f"Pour {owner.name}")
    signers = (lease.agency.negotiator if lease.agency else owner.signer, (f"{lease.person.given_names} "
               f"{lease.person.surname}"))
    for i, (title, signer) in enumerate(((left, signers[0]), ("Le locataire", signers[1]))):
        x = flow.margin + i * (flow.width / 2 + 4)
        flow.sheet.add(Text(x, top, title, flow.size, bold(font)),
                       Text(x, top + 4, "(signature précédée de la mention « Lu et approuvé »)", 6.5, font,
                            (90, 90, 90)),
                       Text(x + 3, top + 12, rng.choice(("Lu et approuvé", "lu et approuvé", "Lu et approuvé,")), 10,
                            HAND, ink))
        _scribble(flow.sheet, x + 8, top + 24, rng.uniform(24, 34), ink, rng)
        flow.sheet.add(Text(x, top + 31, signer, flow.size - 1, font))
    flow.y = top + 34


# ---------------------------------------------------------------------------------------------- the contrat type


def _heading(flow: Flow, text: str, size: float, rng_rule: bool) -> None:
    flow.space(2.5)
    flow.ensure(14)
    flow.text(text, size, bold(flow.font))
    if rng_rule:
        flow.sheet.add(Rule(flow.margin, flow.y + 1, A4[0] - flow.margin, flow.y + 1, 0.2, (120, 120, 120)))
        flow.y += 1.5


def _dashes(flow: Flow, rows: list[tuple[str, str]], indent: float = 4.0) -> None:
    for label, value in rows:
        if value:
            flow.text(f"– {label} : {value}", indent=indent)


def _decree(lease: _Lease, rng: random.Random) -> list[Sheet]:
    """The contrat type of the décret n° 2015-587 du 29 mai 2015, sections I to XI, filled in."""
    font = FontKey(rng.choice(("serif", "lserif", "sans", "lsans")))
    flow = Flow(font, 8.3, margin=18, top=16, bottom=24)
    flow.footer = _paraph_footer(flow, lease, rng, boxed=rng.random() < 0.5)
    ruled = rng.random() < 0.5
    big = 9.2
    flow.text("CONTRAT DE LOCATION", 14, bold(font), "center")
    flow.text("LOCAUX MEUBLÉS À USAGE DE RÉSIDENCE PRINCIPALE" if lease.furnished else
              "LOCAUX VIDES À USAGE D'HABITATION", 9.5, bold(font), "center")
    flow.text(f"(Soumis au {lease.law} de la loi n° 89-462 du 6 juillet 1989 tendant à améliorer les rapports "
              f"locatifs et portant modification de la loi n° 86-1290 du 23 décembre 1986)", 7, align="center",
              color=(80, 80, 80))
    if rng.random() < 0.5:
        flow.text("Contrat type défini par le décret n° 2015-587 du 29 mai 2015", 7, align="center",
                  color=(80, 80, 80))
    _heading(flow, "I. DÉSIGNATION DES PARTIES", big, ruled)
    flow.text("Le présent contrat est conclu entre les soussignés :")
    flow.text(f"{_landlord_text(lease)}, {_named(lease, 'bailleur', rng)} ;", indent=4)
    if lease.agency:
        flow.text(f"représenté par le mandataire : {_agency_text(lease.agency)} ;", indent=4)
    flow.text(f"{_tenant_text(lease, rng)}, {_named(lease, 'locataire', rng)} ;", indent=4)
    flow.text("Il a été convenu ce qui suit :")
    _heading(flow, "II. OBJET DU CONTRAT", big, ruled)
    flow.text("Le présent contrat a pour objet la location d'un logement ainsi déterminé :")
    flow.text("A. Consistance du logement", font=bold(font))
    _dashes(flow, [("localisation du logement", lease.located), ("identifiant fiscal du logement", lease.fiscal_id),
                   ("type d'habitat", "individuel" if lease.house else "immeuble collectif"),
                   ("régime juridique de l'immeuble", "mono propriété" if lease.house else "copropriété"),
                   ("période de construction", lease.period[0]), ("surface habitable", lease.surface_text),
                   ("nombre de pièces principales", str(lease.rooms)), ("autres parties du logement", lease.outside),
                   ("éléments d'équipement du logement", lease.kitchen),
                   ("modalité de production de chauffage", lease.heating),
                   ("modalité de production d'eau chaude sanitaire", lease.water)])
    flow.text("B. Destination des locaux : usage d'habitation" + (" (résidence principale du locataire)"
                                                                     if lease.furnished else ""))
    if lease.private:
        flow.text(f"C. Locaux et équipements accessoires à usage privatif du locataire : {lease.private}")
    flow.text(f"D. Locaux, parties, équipements et accessoires à usage commun : {', '.join(lease.common)}")
    flow.text(f"E. Équipement d'accès aux technologies de l'information et de la communication : {lease.tic}")
    if lease.furnished:
        flow.text(f"F. Mobilier (décret n° 2015-981 du 31 juillet 2015) : {FURNITURE} ; inventaire détaillé annexé")
    _heading(flow, "III. DATE DE PRISE D'EFFET ET DURÉE DU CONTRAT", big, ruled)
    flow.text("La durée du contrat et sa date de prise d'effet sont ainsi définies :")
    flow.text(f"A. Date de prise d'effet du contrat : {lease.say(lease.start)}")
    flow.text(f"B. Durée du contrat : {lease.term}" + ("" if lease.furnished else
                                                       f", soit jusqu'au {lease.say(lease.term_end)}"))
    flow.text(_duration_text(lease))
    _heading(flow, "IV. CONDITIONS FINANCIÈRES", big, ruled)
    flow.text("Les parties conviennent des conditions financières suivantes :")
    flow.text("A. Loyer", font=bold(font))
    flow.text(f"1° Fixation du loyer initial : a) montant du loyer mensuel : {euros(lease.rent)} "
              f"({euros_in_words(lease.rent)}) hors charges, soit {euros(lease.rent * 12)} par an", indent=4)
    if lease.flat_city in TIGHT | VERY_TIGHT:
        flow.text("b) le loyer du logement est soumis au décret fixant annuellement le montant maximum "
                  "d'évolution des loyers à la relocation : Oui", indent=8)
    if lease.reference:
        flow.text(f"– soumis au loyer de référence majoré fixé par arrêté préfectoral : Oui – loyer de référence : "
                  f"{number_fr(lease.reference).strip()} €/m² – loyer de référence majoré : "
                  f"{number_fr(round(lease.reference * 1.2, 2)).strip()} €/m² – complément de loyer : néant", indent=8)
    flow.text(f"2° Modalités de révision : a) date de révision : {lease.start.day if lease.start.day > 1 else '1er'} "
              f"{date_long(lease.start).split()[1]} de chaque année ; b) trimestre de référence de l'IRL : "
              f"{_irl(lease.irl)}", indent=4)
    flow.text("B. Charges récupérables", font=bold(font))
    flow.text(f"1. Modalité de règlement : provisions sur charges avec régularisation annuelle ; 2. montant des "
              f"provisions sur charges : {euros(lease.charges)} par mois", indent=4)
    flow.text("C. Modalités de paiement", font=bold(font))
    days, first = lease.first_due
    _dashes(flow, [("périodicité du paiement", "mensuelle"),
                   ("paiement", "à échoir" if lease.in_advance else "à terme échu"),
                   ("date de paiement", "le 1er de chaque mois" if lease.pay_day == 1 else
                    f"le {lease.pay_day} de chaque mois"), ("mode de paiement", lease.pay_mode.removeprefix("par ")),
                   ("montant total dû chaque mois", (f"{euros(lease.monthly)} (loyer {euros(lease.rent)} + provisions "
                                                    f"{euros(lease.charges)})")),
                   ("première échéance", "" if lease.start.day == 1 else
                    f"{euros(first)}, prorata de {days} jours du mois de {date_long(lease.start).split(' ', 1)[1]}")])
    _heading(flow, "V. TRAVAUX", big, ruled)
    flow.text(f"Travaux effectués depuis la fin du dernier contrat de location : {lease.works}." if lease.works else
              "Néant.")
    _heading(flow, "VI. GARANTIES", big, ruled)
    months = round(lease.deposit / lease.rent)
    flow.text(f"Montant du dépôt de garantie de l'exécution des obligations du locataire : {euros(lease.deposit)} "
              f"({'un mois' if months == 1 else 'deux mois'} de loyer hors charges).")
    if lease.guarantee:
        flow.text(lease.guarantee)
    _heading(flow, "VII. CLAUSE RÉSOLUTOIRE", big, ruled)
    flow.text(RESOLUTORY)
    if lease.agency:
        _heading(flow, "VIII. HONORAIRES DE LOCATION", big, ruled)
        flow.text(f"Plafonds applicables : visite, constitution du dossier et rédaction du bail : {lease.fee_rate} "
                  f"€/m² de surface habitable ; état des lieux : 3 €/m².")
        flow.text(f"Honoraires à la charge du locataire : {euros(lease.fee_visit)} (visite, dossier, bail) et "
                  f"{euros(lease.fee_inventory)} (état des lieux) ; à la charge du bailleur : "
                  f"{euros(lease.fee_visit + lease.fee_inventory)}, outre {euros(rng.randint(4, 8) * 50)} HT "
                  f"d'entremise et de négociation.")
    _heading(flow, f"{'IX' if lease.agency else 'VIII'}. AUTRES CONDITIONS PARTICULIÈRES", big, ruled)
    flow.text(INSURANCE)
    if rng.random() < 0.6:
        _heading(flow, f"{'X' if lease.agency else 'IX'}. ANNEXES", big, ruled)
        flow.text("Sont annexées et jointes au contrat de location les pièces suivantes :")
        for letter, item in zip("ABCDEFGHIJ", _annexes(lease)):
            flow.text(f"{letter}. {item[0].upper()}{item[1:]}", indent=4)
    _signatures(flow, lease, rng)
    return flow.finish()


# ---------------------------------------------------------------------------------------------- a bail in articles


def _letterhead(flow: Flow, agency: _Agency, colour: Color) -> None:
    sheet, font = flow.sheet, flow.font
    initials = "".join(w[0] for w in agency.name.replace("&", " ").split()[:2]).upper()
    sheet.add(Box(flow.margin, 12, 16, 16, fill=colour, stroke=None, radius=2),
              Text(flow.margin + 8, 22.5, initials, 11, bold(font), (255, 255, 255), "center"),
              Text(flow.margin + 20, 17, agency.name, 13, bold(font), colour),
              Text(flow.margin + 20, 21.5, "Location – Gestion locative – Transaction", 8, font, (90, 90, 90)),
              Text(flow.margin + 20, 25.5, f"{agency.address} – Tél. {agency.phone}", 7.5, font, (90, 90, 90)),
              Text(A4[0] - flow.margin, 17, f"{agency.legal_form} – SIRET {siret_spaced(agency.siret)}", 7, font,
                   (90, 90, 90), "right"),
              Text(A4[0] - flow.margin, 20.5, f"Carte professionnelle n° {agency.card}", 7, font, (90, 90, 90),
                   "right"),
              Text(A4[0] - flow.margin, 24, f"délivrée par la CCI de {agency.city}", 7, font, (90, 90, 90), "right"),
              Text(A4[0] - flow.margin, 27.5, f"Garantie {agency.guarantor} – "
                                              f"{euros(agency.guarantee).replace(',00', '')}", 7, font, (90, 90, 90),
                   "right"),
              Rule(flow.margin, 31, A4[0] - flow.margin, 31, 0.4, colour))
    flow.y = 36


def _article(flow: Flow, number: int, title: str, capitals: bool, colour: Color) -> None:
    flow.space(2.2)
    flow.ensure(14)
    head = f"ARTICLE {number} – {title.upper()}" if capitals else f"Article {number} – {title}"
    flow.text(head, flow.size + 0.8, bold(flow.font), color=colour)


def _amounts_table(flow: Flow, lease: _Lease, rng: random.Random) -> None:
    rent_label = rng.choice(("Loyer mensuel hors charges", "Loyer principal", "Loyer hors charges"))
    charges_label = rng.choice(("Provision sur charges", "Provisions pour charges récupérables",
                                "Charges (provision mensuelle)"))
    rows = [("Désignation", "Par mois", "Par an"), (rent_label, euros(lease.rent), euros(lease.rent * 12)),
            (charges_label, euros(lease.charges), euros(lease.charges * 12)),
            ("Total", euros(lease.monthly), euros(lease.monthly * 12))]
    flow.table(rows, (78, 34, 34), flow.size, bold(flow.font))


def _articles(lease: _Lease, rng: random.Random) -> list[Sheet]:
    """An agency's (or a landlord's own) bail: parties in prose, numbered articles, a table of amounts."""
    font = body_font(rng)
    colour = rng.choice(((20, 60, 110), (110, 30, 40), (30, 80, 60), (40, 40, 40)))
    flow = Flow(font, rng.choice((8.4, 8.8)), margin=rng.choice((17.0, 19.0)), top=18, bottom=24)
    flow.footer = _paraph_footer(flow, lease, rng, boxed=rng.random() < 0.6)
    if lease.agency:
        _letterhead(flow, lease.agency, colour)
    capitals = rng.random() < 0.5
    title = ("CONTRAT DE LOCATION MEUBLÉE", "BAIL DE LOCATION MEUBLÉE") if lease.furnished else \
        ("BAIL D'HABITATION", "CONTRAT DE LOCATION – LOGEMENT NU", "BAIL D'HABITATION – LOCAUX VIDES")
    flow.text(rng.choice(title), 14, bold(font), "center")
    flow.text("Résidence principale – loi n° 89-462 du 6 juillet 1989" +
              (" (titre Ier bis)" if lease.furnished else ""), 8, align="center", color=(80, 80, 80))
    if lease.agency:
        flow.text(f"Réf. dossier : LOC-{lease.file_ref}", 7.5, align="right", color=(90, 90, 90))
    flow.space(2)
    flow.text("ENTRE LES SOUSSIGNÉS :", font=bold(font))
    flow.space(1)
    flow.text(f"{_landlord_text(lease)},")
    if lease.agency:
        owner = lease.landlord
        agreed = "s par leur" if owner.kind == "couple" else "e par son" if owner.female else " par son"
        flow.text(f"représenté{agreed} mandataire {lease.agency.name}, "
                  f"{lease.agency.legal_form}, {lease.agency.address}, titulaire de la carte professionnelle "
                  f"n° {lease.agency.card},")
    flow.text(f"{_named(lease, 'bailleur', rng, capitals)}, D'UNE PART,")
    flow.space(1)
    flow.text("ET :", font=bold(font))
    flow.text(f"{_tenant_text(lease, rng)}, élisant domicile dans les lieux loués,")
    flow.text(f"{_named(lease, 'locataire', rng, capitals)}, D'AUTRE PART.")
    flow.space(1.5)
    flow.text("IL A ÉTÉ CONVENU ET ARRÊTÉ CE QUI SUIT :", font=bold(font))
    flow.text("Le bailleur donne en location au locataire, qui accepte, les locaux désignés ci-après, aux charges "
              "et conditions suivantes.")
    number = iter(range(1, 20))

    def article(title: str) -> None:
        _article(flow, next(number), title, capitals, colour)

    article("Désignation des locaux")
    kind = f"Une maison individuelle de type {lease.kind}" if lease.house else \
        f"Un appartement {lease.kind if lease.kind == 'studio' else 'de type ' + lease.kind}"
    where = f" situé au {lease.floor}" if lease.floor else ""
    extras = "".join(f", {x}" for x in (lease.outside, lease.private) if x)
    built = "construite" if lease.house else "dans un immeuble collectif en copropriété construit"
    block = f", {lease.building}" if lease.building else ""
    flow.text(f"{kind}{' meublé' if lease.furnished else ''} d'une surface habitable de {lease.surface_text}{where}"
              f"{block}, {built} {lease.period[1]}, sis {lease.person.address}, comprenant : "
              f"{ROOMS[lease.rooms]}{extras}. {lease.kitchen[0].upper()}{lease.kitchen[1:]}. Chauffage "
              f"{lease.heating} ; eau chaude {lease.water}.")
    if lease.lots:
        flow.text(f"Les locaux forment le {lease.lots} de l'immeuble.")
    if lease.furnished:
        flow.text(f"Le logement est loué meublé, garni d'un mobilier conforme au décret n° 2015-981 du 31 juillet "
                  f"2015 ({FURNITURE}), dont l'inventaire est annexé au présent bail.")
    article("Destination des lieux")
    flow.text("Les locaux sont loués à usage exclusif d'habitation et de résidence principale du locataire, qui ne "
              "pourra ni les sous-louer ni céder son bail sans l'accord écrit du bailleur.")
    article("Durée du bail")
    plural = "s" if lease.months > 12 else ""
    length = f"d'{lease.years} entière" if lease.months == 12 else f"de {lease.years} entières"
    flow.text(f"Le présent bail est consenti pour une durée {length} et consécutive{plural}, qui commencera à courir "
              f"le {lease.say(lease.start)} "
              f"pour se terminer le {lease.say(lease.term_end)}. {_duration_text(lease).split('. ', 1)[1]}")
    article("Loyer et charges")
    flow.text(f"Le présent bail est consenti et accepté moyennant un loyer mensuel de {euros(lease.rent)} "
              f"({euros_in_words(lease.rent)}) hors charges, {_payment_text(lease)}. Le locataire versera en outre "
              f"une provision mensuelle sur charges de {euros(lease.charges)}, régularisée chaque année au vu du "
              f"décompte des charges réelles.")
    _amounts_table(flow, lease, rng)
    flow.text(f"Le loyer sera révisé chaque année à la date anniversaire du bail en fonction de la variation de "
              f"l'indice de référence des loyers publié par l'INSEE ; indice de référence : {_irl(lease.irl)}.")
    if lease.reference:
        flow.text(f"Loyer de référence : {number_fr(lease.reference).strip()} €/m² ; loyer de référence majoré : "
                  f"{number_fr(round(lease.reference * 1.2, 2)).strip()} €/m² (arrêté préfectoral d'encadrement des "
                  f"loyers). Aucun complément de loyer n'est appliqué.")
    article("Dépôt de garantie")
    flow.text(f"À la signature des présentes, le locataire verse la somme de {euros(lease.deposit)} "
              f"({euros_in_words(lease.deposit)}) à titre de dépôt de garantie, non productive d'intérêts, qui lui "
              f"sera restituée dans un délai maximal de deux mois à compter de la remise des clés, déduction faite des "
              f"sommes restant dues.")
    if lease.guarantee:
        article("Garantie")
        flow.text(lease.guarantee)
    article("Obligations du locataire")
    flow.text(f"Le locataire s'oblige à payer le loyer et les charges aux termes convenus, à user paisiblement des "
              f"locaux, à prendre à sa charge l'entretien courant et les réparations locatives, et à laisser exécuter "
              f"les travaux nécessaires. {INSURANCE}")
    article("Clause résolutoire")
    flow.text(RESOLUTORY)
    if lease.agency:
        article("Honoraires")
        flow.text(f"Les honoraires de location dus par le locataire s'élèvent à {euros(lease.fee_visit)} TTC pour la "
                  f"visite, la constitution du dossier et la rédaction du bail ({lease.fee_rate} €/m²) et à "
                  f"{euros(lease.fee_inventory)} TTC pour l'état des lieux (3 €/m²), soit "
                  f"{euros(lease.fee_visit + lease.fee_inventory)} TTC, payables à la signature.")
    if rng.random() < 0.5:
        article("Pièces annexées")
        flow.text("Sont annexés au présent bail : " + " ; ".join(_annexes(lease)) + ".")
    else:
        cls, kwh, low, high = lease.dpe
        article("Diagnostics")
        flow.text(f"Diagnostic de performance énergétique : classe {cls} ({kwh} kWh/m²/an). Montant estimé des "
                  f"dépenses annuelles d'énergie pour un usage standard : entre {euros(low).replace(',00', '')} et "
                  f"{euros(high).replace(',00', '')} par an.")
    article("Élection de domicile")
    flow.text(f"Pour l'exécution des présentes, le bailleur fait élection de domicile "
              f"{'au siège de son mandataire' if lease.agency else 'en sa demeure'} et le locataire dans les lieux "
              f"loués.")
    _signatures(flow, lease, rng)
    return flow.finish()


# ---------------------------------------------------------------------------------------------- a one-page summary


def _panel(sheet: Sheet, x: float, y: float, w: float, title: str, lines: list[str], font: FontKey, band: Color,
           size: float = 7.8) -> float:
    """A titled box of wrapped lines; returns its height."""
    wrapped = [part for line in lines for part in wrap(line, font, size, w - 4)]
    step = size * 0.3528 * 1.3
    height = 7.5 + step * len(wrapped) + 2
    sheet.add(Box(x, y, w, height, stroke=band, width=0.35), Box(x, y, w, 5.5, fill=band, stroke=None),
              Text(x + 2, y + 4, title, 8, bold(font), (255, 255, 255)))
    for i, line in enumerate(wrapped):
        sheet.add(Text(x + 2, y + 9 + step * i, line, size, font))
    return height


def _summary(lease: _Lease, rng: random.Random) -> list[Sheet]:
    """One page from a rental-management software: party boxes, the flat, a conditions grid, terms in small print."""
    font = FontKey(rng.choice(("condensed", "lsans", "sans")))
    band = rng.choice(((35, 70, 120), (70, 70, 80), (120, 50, 30), (20, 95, 90)))
    flow = Flow(font, 7.6, margin=14, top=14, bottom=22)
    flow.footer = _paraph_footer(flow, lease, rng, boxed=True)
    sheet = flow.sheet
    sheet.add(Box(14, 10, A4[0] - 28, 13, fill=band, stroke=None),
              Text(17, 17.5, "CONTRAT DE LOCATION – " + ("LOGEMENT MEUBLÉ" if lease.furnished else "LOGEMENT VIDE"),
                   12.5, bold(font), (255, 255, 255)),
              Text(17, 21, f"Résidence principale – loi n° 89-462 du 6 juillet 1989, {lease.law}", 7, font,
                   (235, 235, 235)),
              Text(A4[0] - 17, 17.5, f"N° {lease.file_ref}", 8, font, (255, 255, 255), "right"))
    owner = lease.landlord
    landlord = [owner.name, owner.address]
    if owner.siren:
        landlord.append(f"SIREN {siren_spaced(owner.siren)} – RCS {owner.rcs}")
        landlord.append(f"Représentée par {owner.signer}")
    if lease.agency:
        a = lease.agency
        landlord += [f"Mandataire : {a.name} ({a.legal_form})", a.address, f"SIRET {siret_spaced(a.siret)}",
                     f"Carte pro. {a.card} – CCI {a.city}"]
    p = lease.person
    tenant = [f"{p.civility} {p.given_names} {p.surname}",
              f"Né{lease.e} le {date_slash(p.birth_date)} à {p.birth_city.title()}",
              f"Nationalité : {p.demonym}", "Domicile : les lieux loués"]
    if lease.guarantee:
        tenant.append("Garantie : " + lease.guarantee.split(" – ")[0].split(",")[0])
    half = (A4[0] - 28 - 4) / 2
    heights = [_panel(sheet, 14 + i * (half + 4), 27, half, title, lines, font, band)
               for i, (title, lines) in enumerate((("LE BAILLEUR", landlord), ("LE LOCATAIRE", tenant)))]
    flow.y = 27 + max(heights) + 1
    flow.text(f"Le bailleur désigné ci-dessus, {_named(lease, 'bailleur', rng)}, donne en location au locataire "
              f"désigné ci-dessus, {_named(lease, 'locataire', rng)}, qui accepte, le logement décrit ci-après aux "
              f"conditions suivantes.", 7.4)
    y = flow.y + 2.5
    flat = [f"Adresse : {lease.located}",
            (f"{'Maison individuelle' if lease.house else 'Appartement en copropriété'} – {lease.kind} – "
            f"{lease.rooms} pièce{'s' if lease.rooms > 1 else ''} principale{'s' if lease.rooms > 1 else ''} – "
            f"surface habitable {lease.surface_text} – construit {lease.period[1]}"),
            f"Chauffage {lease.heating} – eau chaude {lease.water}" + (f" – annexe : {lease.private}"
                                                                         if lease.private else ""),
            (f"DPE : classe {lease.dpe[0]} – dépenses annuelles d'énergie estimées entre {euros(lease.dpe[2])} et "
            f"{euros(lease.dpe[3])}")]
    y += _panel(sheet, 14, y, A4[0] - 28, "LE LOGEMENT", flat, font, band) + 3
    flow.y = y
    flow.text("DURÉE ET CONDITIONS FINANCIÈRES", 8.5, bold(font), color=band)
    rows = [("Prise d'effet", lease.say(lease.start)), ("Durée", f"{lease.term} renouvelable par tacite reconduction"),
            ("Fin de la première période", lease.say(lease.term_end)),
            ("Loyer mensuel hors charges", f"{euros(lease.rent)} – soit {euros(lease.rent * 12)} par an"),
            ("Provision mensuelle sur charges", euros(lease.charges)),
            ("Total mensuel", euros(lease.monthly)),
            ("Paiement", _payment_text(lease)),
            ("Révision annuelle", f"IRL {_irl(lease.irl, rng.random() < 0.5)}"),
            ("Dépôt de garantie", euros(lease.deposit))]
    if lease.agency:
        rows.append(("Honoraires locataire", (f"{euros(lease.fee_visit + lease.fee_inventory)} TTC (dont état des "
                                             f"lieux {euros(lease.fee_inventory)})")))
    flow.pairs(rows, 52, bold(font))
    flow.space(2)
    flow.text("CONDITIONS GÉNÉRALES", 8.5, bold(font), color=band)
    terms = [_duration_text(lease), INSURANCE, RESOLUTORY,
             ("Le dépôt de garantie est restitué dans un délai d'un mois à compter de la remise des clés lorsque "
              "l'état des lieux de sortie est conforme à l'état des lieux d'entrée, de deux mois dans le cas "
              "contraire.")]
    for term in terms:
        flow.text(term, 6.6, color=(50, 50, 50))
    if rng.random() < 0.5:
        flow.text("Annexes : " + " ; ".join(item.split(" (")[0] for item in _annexes(lease)) + ".", 6.6,
                  color=(50, 50, 50))
    _signatures(flow, lease, rng)
    return flow.finish()


def bail_habitation(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    lease = _lease(facts, rng)
    layout = rng.choice((_decree, _articles, _summary))
    return BuiltPiece("other", "other:bail_habitation", {}, sheets=layout(lease, rng))

"""Fake French employers, schools and jobs."""
from __future__ import annotations

import random
from dataclasses import dataclass

from synth.checksums import LA_POSTE_SIREN, make_siren, make_siret
from synth.people import FRENCH_CITIES, STREETS

LEGAL_FORMS = {
    "SAS": "Société par actions simplifiée",
    "SARL": "Société à responsabilité limitée",
    "SA": "Société anonyme",
    "EURL": "Entreprise unipersonnelle à responsabilité limitée",
    "SASU": "Société par actions simplifiée unipersonnelle",
}
SIRENE_CATEGORIES = {"SAS": "5710", "SASU": "5720", "SARL": "5499", "EURL": "5498", "SA": "5599"}

_NAME_HEADS = ("ATELIERS", "CABINET", "GROUPE", "ÉTABLISSEMENTS", "CRÉATIONS", "MAISON", "LABORATOIRES",
               "TRANSPORTS", "BOULANGERIE", "RESTAURANT", "GARAGE", "CLINIQUE", "SOCIÉTÉ NOUVELLE")
_NAME_TAILS = ("DU LITTORAL", "DES TROIS RIVIÈRES", "MÉDITERRANÉE", "DE L'ESTUAIRE", "DU PLATEAU",
               "BELLEVUE", "SAINT-EXUPÉRY", "DES CÈDRES", "DE LA GARONNE", "DU VERCORS", "ARMOR")
_FARM_HEADS = ("DOMAINE", "FERME", "VERGERS", "EXPLOITATION AGRICOLE")
_COINED = ("KORVALIS", "DATANOVA", "HELIOPTEC", "SYNAPSIA", "VERTIGA", "OPALINE", "QUANTELIS",
           "ALTIMEA", "BIOSENTIS", "LUMÉRIA", "NEOFRET", "CAPVERDIA", "TERRALUX", "ORBITALE")
_COINED_TAILS = ("CONSEIL", "TECHNOLOGIES", "INGÉNIERIE", "SERVICES", "LOGISTIQUE", "SOLUTIONS", "ÉNERGIE",
                 "DIGITAL", "SANTÉ", "SYSTÈMES")
ACTIVITIES = ("Conseil en systèmes et logiciels informatiques", "Restauration traditionnelle",
              "Transports routiers de fret", "Ingénierie, études techniques", "Commerce de détail alimentaire",
              "Activités hospitalières", "Fabrication de produits de boulangerie", "Travaux d'installation électrique")
APE_CODES = ("6202A", "5610A", "4941A", "7112B", "4711D", "8610Z", "1071C", "4321A")
# agricultural employers: their social contributions go to the MSA, not the Urssaf
FARMING = (("Culture de la vigne", "0121Z"), ("Élevage de vaches laitières", "0141Z"),
           ("Maraîchage", "0113Z"))


@dataclass(frozen=True)
class Company:
    name: str  # without legal form, as printed
    legal_form: str  # short form, e.g. "SAS"
    siren: str
    siret: str
    address: str
    city: str
    activity: str
    ape: str
    capital: int
    registration_year: int
    manager: str

    @property
    def agricultural(self) -> bool:
        return self.ape.startswith("0")

    @property
    def legal_form_long(self) -> str:
        return LEGAL_FORMS[self.legal_form]


def company_name(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.choice(_COINED)} {rng.choice(_COINED_TAILS)}"
    return f"{rng.choice(_NAME_HEADS)} {rng.choice(_NAME_TAILS)}"


_FR_FIRST = ("Julien", "Claire", "Nicolas", "Sophie", "Thomas", "Isabelle", "Laurent", "Émilie", "Hélène", "François")
_FR_LAST = ("MARTIN", "BERNARD", "DUBOIS", "LEFÈVRE", "MOREAU", "GIRARD", "ROUSSEAU", "FONTAINE", "CHEVALIER", "MERCIER")


def french_name(rng: random.Random) -> str:
    return f"{rng.choice(_FR_FIRST)} {rng.choice(_FR_LAST)}"


def make_company(rng: random.Random, la_poste: bool = False) -> Company:
    city, postcode = rng.choice(FRENCH_CITIES)
    activities = tuple(zip(ACTIVITIES, APE_CODES)) + (() if la_poste else FARMING)
    activity, ape = activities[rng.randrange(len(activities))]
    siren = LA_POSTE_SIREN if la_poste else make_siren(rng)
    name = f"{rng.choice(_FARM_HEADS)} {rng.choice(_NAME_TAILS)}" if (activity, ape) in FARMING else company_name(rng)
    return Company(
        name="LA POSTE" if la_poste else name,
        legal_form="SA" if la_poste else rng.choice(tuple(LEGAL_FORMS)),
        siren=siren,
        siret=make_siret(siren, rng),
        address=f"{rng.randint(1, 220)} {rng.choice(STREETS)}, {postcode} {city}",
        city=city,
        activity=activity,
        ape=ape,
        capital=rng.choice((1000, 5000, 10000, 37000, 100000, 250000, 1200000)),
        registration_year=rng.randint(1995, 2023),
        manager=french_name(rng),
    )


INSTITUTIONS = ("Université de Haute-Bretagne", "Université Claude-Bernard", "Institut Polytechnique du Rhône",
                "École Supérieure d'Ingénieurs de l'Ouest", "Institut d'Études Commerciales de Lorraine",
                "Université Côte d'Opale", "École Nationale des Arts et Métiers Numériques",
                "Institut Supérieur de Management Atlantique", "Université Paris-Est Marne",
                "École de Commerce et de Gestion du Sud-Ouest")
# job title -> its ROME v3 code (as an employer would declare it)
JOB_ROME = {"Développeur informatique": "M1805", "Ingénieur d'études": "H1206", "Cuisinier": "G1602",
            "Aide-soignante": "J1501", "Chargé de clientèle": "C1206", "Analyste de données": "M1403",
            "Technicien de maintenance": "I1304", "Comptable": "M1203", "Chef de projet marketing": "M1705",
            "Boulanger": "D1102", "Infirmier de bloc opératoire": "J1503", "Conducteur de travaux": "F1202",
            "Serveur": "G1803", "Ingénieure R&D": "H1206"}
# titles for ROME codes a shortage row may name; other codes fall back to the row's label
ROME_TITLES = {"K1302": ("Auxiliaire de vie", "Assistant de vie aux familles"),
               "K1305": ("Aide à domicile", "Intervenante à domicile"),
               **{rome: (title,) for title, rome in JOB_ROME.items()}}
DIPLOMA_TITLES_FR = ("Master Ingénierie des systèmes complexes", "Licence professionnelle Métiers de la gestion",
                     "Diplôme d'ingénieur en informatique et réseaux", "Master Management international",
                     "BTS Comptabilité et gestion", "Licence Économie et gestion",
                     "Master Chimie analytique", "Diplôme d'État d'infirmier")
DIPLOMA_TITLES_EN = ("Bachelor of Science in Computer Engineering", "Master of Science in Data Analytics",
                     "Bachelor of Commerce", "Master of Arts in International Relations",
                     "Bachelor of Technology in Mechanical Engineering")
FOREIGN_UNIVERSITIES = ("National University of Technology", "State University of Applied Sciences",
                        "Institute of Management Studies", "Polytechnic University", "University of Commerce")

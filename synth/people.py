"""Fake people from many countries, with the spellings that trip readers up
(accents, apostrophes, hyphens, compound given names). Latin script only."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166 alpha-3, as in the MRZ
    name_fr: str
    name_en: str
    demonym_fr: tuple[str, str]  # (masculine, feminine)
    surnames: tuple[str, ...]
    given_m: tuple[str, ...]
    given_f: tuple[str, ...]
    cities: tuple[str, ...]
    number_style: str  # "L8" letter + 8 digits, "LL7", "D9", "L7"...


COUNTRIES: tuple[Country, ...] = (
    Country("SEN", "République du Sénégal", "Republic of Senegal", ("sénégalais", "sénégalaise"),
            ("N'DIAYE", "SÈNE", "FALL", "GUÈYE", "DIOUF", "MBAYE", "SARR", "THIAM", "NDOYE", "FAYE"),
            ("Mamadou", "Cheikh Tidiane", "Ousmane", "Pape Malick", "Ibrahima", "Serigne"),
            ("Fatou", "Awa", "Mariama", "Ndèye Astou", "Aïssatou", "Coumba"),
            ("DAKAR", "THIÈS", "SAINT-LOUIS", "ZIGUINCHOR", "KAOLACK"), "L8"),
    Country("MLI", "République du Mali", "Republic of Mali", ("malien", "malienne"),
            ("KEÏTA", "TRAORÉ", "COULIBALY", "KONATÉ", "SANGARÉ", "DEMBÉLÉ", "DOUMBIA"),
            ("Moussa", "Seydou", "Bakary", "Souleymane", "Adama Yacouba"),
            ("Fatoumata", "Kadiatou", "Oumou", "Djeneba", "Hawa Binta"),
            ("BAMAKO", "SIKASSO", "SÉGOU", "KAYES", "MOPTI"), "L8"),
    Country("MAR", "Royaume du Maroc", "Kingdom of Morocco", ("marocain", "marocaine"),
            ("EL AMRANI", "BENJELLOUN", "OUAZZANI", "EL IDRISSI", "TAZI", "BERRADA", "AIT OUMGHAR"),
            ("Youssef", "Mehdi", "Anas", "Mohamed Amine", "Hamza", "Zakaria"),
            ("Salma", "Imane", "Khadija", "Fatima-Zahra", "Meryem", "Houda"),
            ("CASABLANCA", "RABAT", "FÈS", "MARRAKECH", "TANGER", "AGADIR"), "LL7"),
    Country("IND", "République de l'Inde", "Republic of India", ("indien", "indienne"),
            ("D'SOUZA", "SHARMA", "IYER", "NAIR", "DESHPANDE", "FERNANDES", "REDDY", "BANERJEE"),
            ("Arjun", "Rahul", "Vikram", "Sai Kiran", "Aditya", "Karthik"),
            ("Priya", "Ananya", "Lakshmi", "Divya", "Sneha Rani", "Kavya"),
            ("MUMBAI", "BENGALURU", "CHENNAI", "PUNE", "KOCHI", "HYDERABAD"), "L7"),
    Country("VNM", "République socialiste du Viêt Nam", "Socialist Republic of Viet Nam", ("vietnamien", "vietnamienne"),
            ("NGUYỄN", "TRẦN", "LÊ", "PHẠM", "HOÀNG", "ĐẶNG", "BÙI", "ĐỖ"),
            ("Minh Quân", "Đức Anh", "Hoàng Long", "Văn Hùng", "Quốc Bảo"),
            ("Thị Lan", "Ngọc Hà", "Thu Trang", "Mai Anh", "Phương Linh"),
            ("HÀ NỘI", "HỒ CHÍ MINH", "ĐÀ NẴNG", "HẢI PHÒNG", "HUẾ"), "L8"),
    Country("BRA", "République fédérative du Brésil", "Federative Republic of Brazil", ("brésilien", "brésilienne"),
            ("GONÇALVES", "DA SILVA", "SANTOS", "OLIVEIRA", "CONCEIÇÃO", "ARAÚJO", "DOS REIS"),
            ("João Pedro", "Lucas", "Thiago", "Matheus", "Luiz Henrique"),
            ("Ana Júlia", "Beatriz", "Letícia", "Maria Eduarda", "Camila"),
            ("SÃO PAULO", "RIO DE JANEIRO", "BELO HORIZONTE", "SALVADOR", "RECIFE"), "LL6"),
    Country("UKR", "Ukraine", "Ukraine", ("ukrainien", "ukrainienne"),
            ("SHEVCHENKO", "BONDARENKO", "KOVALCHUK", "MELNYK", "TKACHENKO", "OLIINYK"),
            ("Oleksandr", "Dmytro", "Andrii", "Bohdan", "Serhii"),
            ("Olena", "Iryna", "Kateryna", "Anastasiia", "Oksana"),
            ("KYIV", "LVIV", "ODESA", "KHARKIV", "DNIPRO"), "LL6"),
    Country("COL", "República de Colombia", "Republic of Colombia", ("colombien", "colombienne"),
            ("RODRÍGUEZ", "MARTÍNEZ", "PEÑA", "GÓMEZ", "CASTAÑO", "RAMÍREZ OSORIO", "MUÑOZ"),
            ("Juan Sebastián", "Andrés Felipe", "Santiago", "Camilo", "Julián"),
            ("María José", "Daniela", "Laura", "Sofía", "Natalia Andrea"),
            ("BOGOTÁ", "MEDELLÍN", "CALI", "BARRANQUILLA", "CARTAGENA"), "LL6"),
    Country("CHN", "République populaire de Chine", "People's Republic of China", ("chinois", "chinoise"),
            ("WANG", "LI", "ZHANG", "LIU", "CHEN", "HUANG", "ZHOU", "OUYANG"),
            ("Wei", "Jun Jie", "Hao Ran", "Zhi Qiang", "Yu Chen"),
            ("Xin Yi", "Mei Ling", "Jing", "Yu Xuan", "Xiao Hong"),
            ("SHANGHAI", "BEIJING", "WUHAN", "CHENGDU", "GUANGZHOU"), "L8"),
    Country("PRT", "República Portuguesa", "Portuguese Republic", ("portugais", "portugaise"),
            ("FERREIRA", "GONÇALVES", "MAGALHÃES", "SIMÕES", "LOURENÇO", "PEREIRA"),
            ("João", "Rui Miguel", "Tiago", "Gonçalo", "André"),
            ("Inês", "Mariana", "Leonor", "Ana Rita", "Beatriz"),
            ("LISBOA", "PORTO", "BRAGA", "COIMBRA", "FARO"), "LL6"),
    Country("CIV", "République de Côte d'Ivoire", "Republic of Côte d'Ivoire", ("ivoirien", "ivoirienne"),
            ("KOUASSI", "N'GUESSAN", "KOFFI", "YAO", "KONAN", "BAMBA", "OUATTARA"),
            ("Kouamé", "Jean-Marc", "Serge Alain", "Yannick", "Didier"),
            ("Aya", "Adjoua", "Marie-Laure", "Affoué", "Christelle"),
            ("ABIDJAN", "BOUAKÉ", "YAMOUSSOUKRO", "DALOA", "KORHOGO"), "LL7"),
    Country("TUN", "République tunisienne", "Republic of Tunisia", ("tunisien", "tunisienne"),
            ("BEN SALEM", "TRABELSI", "JEBALI", "BEN YOUSSEF", "GHARBI", "HAMMAMI"),
            ("Ahmed", "Karim", "Skander", "Mohamed Ali", "Walid"),
            ("Nour", "Rim", "Ines", "Yasmine", "Sarra"),
            ("TUNIS", "SFAX", "MONASTIR", "BIZERTE", "GABÈS"), "D9"),
    Country("CMR", "République du Cameroun", "Republic of Cameroon", ("camerounais", "camerounaise"),
            ("NGO BIYONG", "MBARGA", "ETOA", "FOTSO", "TCHOUPO-MOTING", "NJOYA"),
            ("Paul-Henri", "Brice", "Hervé", "Landry", "Franck Arnaud"),
            ("Blandine", "Estelle", "Carine", "Marie-Noëlle", "Gaëlle"),
            ("YAOUNDÉ", "DOUALA", "BAFOUSSAM", "GAROUA"), "LL7"),
)

_MONTHS_EN = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")

FRENCH_CITIES = (("Paris", "75011"), ("Lyon", "69003"), ("Marseille", "13006"), ("Toulouse", "31000"),
                 ("Nantes", "44000"), ("Lille", "59000"), ("Bordeaux", "33000"), ("Rennes", "35000"),
                 ("Strasbourg", "67000"), ("Montpellier", "34000"), ("Grenoble", "38000"), ("Nice", "06000"),
                 ("Angers", "49100"), ("Dijon", "21000"), ("Clermont-Ferrand", "63000"), ("Rouen", "76000"))
STREETS = ("rue de la République", "avenue Jean Jaurès", "boulevard Voltaire", "rue Pasteur", "rue des Écoles",
           "allée des Tilleuls", "rue du Général Leclerc", "impasse des Lilas", "chemin des Vignes",
           "rue Émile Zola", "quai de la Fosse", "place du Marché", "rue Victor Hugo", "cours Gambetta")


@dataclass(frozen=True)
class Person:
    surname: str  # as printed in capitals, accents kept (N'DIAYE, GONÇALVES)
    given_names: str  # as printed on French documents ("Ndèye Astou")
    sex: str  # "M" or "F"
    birth_date: dt.date
    birth_city: str
    country: Country
    address: str

    @property
    def given_upper(self) -> str:
        return self.given_names.upper()

    @property
    def civility(self) -> str:
        return "M." if self.sex == "M" else "Mme"

    @property
    def civility_long(self) -> str:
        return "Monsieur" if self.sex == "M" else "Madame"

    @property
    def demonym(self) -> str:
        return self.country.demonym_fr[0 if self.sex == "M" else 1]


def french_address(rng: random.Random) -> str:
    city, postcode = rng.choice(FRENCH_CITIES)
    return f"{rng.randint(1, 140)} {rng.choice(STREETS)}, {postcode} {city}"


def make_person(rng: random.Random, reference_date: dt.date, min_age: int = 20, max_age: int = 45) -> Person:
    country = rng.choice(COUNTRIES)
    sex = rng.choice("MF")
    given = rng.choice(country.given_m if sex == "M" else country.given_f)
    age_days = rng.randint(min_age * 365 + 30, max_age * 365)
    birth = reference_date - dt.timedelta(days=age_days)
    return Person(rng.choice(country.surnames), given, sex, birth, rng.choice(country.cities),
                  country, french_address(rng))


def other_given_names(person: Person, rng: random.Random) -> str:
    """Given names of someone else of the same origin (identity_mismatch injection)."""
    pool = [g for g in person.country.given_m + person.country.given_f
            if g.split()[0].lower() != person.given_names.split()[0].lower()]
    return rng.choice(pool)


def passport_number(country: Country, rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    style = country.number_style
    n_letters = sum(1 for c in style if c == "L")
    n_digits = int(style.lstrip("LD") or 0) if style[0] == "L" else int(style[1:])
    return "".join(rng.choice(letters) for _ in range(n_letters)) + "".join(
        str(rng.randint(0, 9)) for _ in range(n_digits))


def date_en(d: dt.date) -> str:
    return f"{d.day:02d} {_MONTHS_EN[d.month - 1]} {d.year}"

"""Fresh diploma family `titulo_apostille` (eleventh wave): the original university diploma of Colombia, Brazil or
Portugal, printed in Spanish or Portuguese, for a worker from one of those countries — and, on a second page on most,
the Hague apostille that makes it usable abroad.

The diploma. Colombia: "REPÚBLICA DE COLOMBIA", the university with its legal standing ("Personería jurídica
reconocida mediante Resolución No. …", "Vigilada Mineducación"), then one of three wordings — "La República de
Colombia y en su nombre la Universidad … confiere el título de … a …", "Por cuanto … ha cumplido los requisitos
académicos … para optar al título de …", "… otorga el Título de … expedido a favor de …" —, the holder's cédula
("C.C. No. 1.020.345.678 de Medellín", a cédula de extranjería for a foreigner), the title alone on its line
(gendered: "Ingeniera de Sistemas"), "Dado en <town>, a los quince (15) días del mes de marzo de dos mil veintidós
(2022)" — the day of the graduation, which is the diploma's date —, the rector's and the secretary general's
signatures (a dean's on some), the acta de grado, libro, folio and registration numbers, a SNIES code. Brazil:
"REPÚBLICA FEDERATIVA DO BRASIL", "MINISTÉRIO DA EDUCAÇÃO" for a federal university, "DIPLOMA", "O Reitor da …,
no uso de suas atribuições legais e tendo em vista a conclusão do Curso de … e a colação de grau em …, confere o
título de <title> a <holder>, brasileiro, natural de … – SP, nascido em …, RG …, CPF …, e outorga-lhe o presente
Diploma …" (or "A Universidade …, tendo em vista que … concluiu …, confere-lhe o grau de …" with "Data da colação
de grau" under it), "<town>, <a later day>", the rector's, the graduate's and a secretary's signatures, and the
registration ("Diploma registrado sob o nº …, Livro …, Folha …, Processo nº …, nos termos do art. 48 da Lei nº
9.394 …, em …") in a box at the foot or on the verso. Portugal: "REPÚBLICA PORTUGUESA", the university (a
politécnico's president for a TeSP) and its faculty or school, "DIPLOMA" or "CARTA DE CURSO", "O Reitor … faz
saber que …, nascida a …, natural de …, portadora do Cartão de Cidadão n.º …, concluiu em … a Licenciatura em …,
com a classificação final de 16 (dezasseis) valores, pelo que lhe é conferido o grau de <title>" (or "Certifica-se
que … obteve o grau de …" with "Data de conclusão", classification and ECTS under it), "E, para constar, se passou o
presente diploma …", "<town>, <a later day>", the rector's and the academic services director's signatures, the
register's number, folio and book. The award date is printed in words ("a los quince días del mes de…", "aos vinte
dias do mês de janeiro de dois mil e vinte e dois") on some, "15 de marzo de 2022" or "15/03/2022" on others.
Landscape or portrait, ceremonial (centred, in a double frame on tinted paper) or plain and left-aligned, in
DejaVu or Liberation serif or sans.

The apostille (two seeds in three): the Hague Convention's ten numbered items in Spanish or Portuguese (with
their English and French on some): "APOSTILLE (Convention de La Haye du 5 octobre 1961) 1. País: Colombia — El
presente documento público 2. ha sido firmado por: … 3. quien actúa en calidad de: … 4. y está revestido del sello
/ timbre de: … Certificado 5. en: … 6. el día: … 7. por: … 8. bajo el número: … 9. Sello / timbre: 10. Firma:",
as a stamp on the diploma's verso or as the authority's e-apostille page with a verification code, a QR code,
the document type, the holder and the Convention's disclaimer: the Colombian foreign ministry, a Brazilian notary
(cartório) or the Portuguese Procuradoria-Geral.

Truth as the other diploma families: the holder, the title printed on its own line (the degree the dossier's facts
name, as that country words it), the award date — the day the degree was conferred: the Colombian graduation and
diploma date, the Brazilian "colação de grau", the Portuguese "concluiu em" / "Data de conclusão" (the sworn
translations of such diplomas take those too). Distractors: the birth date, the Brazilian course's completion and
the later dates of issue and registration, the Portuguese date of issue, the apostille's date, number and
officials (item 2 is the official who signed the diploma, item 10 the one who apostilled it; neither is the
holder), identity numbers, SNIES code, book, folio and register numbers, grade and ECTS.

Drawn for workers from Colombia, Brazil and Portugal (most studied at home; some Brazilians in Portugal and
Portuguese in Brazil), whatever their degree: the facts' French or English degree is printed as its Spanish or
Portuguese counterpart. With nothing else allowed any dossier gets one, from a country drawn for the holder."""
from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass

from synth.facts import DossierFacts
from synth.fonts import FontKey, text_width_mm
from synth.layout import Box, Color, Rule, Sheet, Text, wrap
from synth.people import COUNTRIES, Person
from synth.pieces.base import BuiltPiece, FieldValue, bold
from synth.pieces.fresh_diploma_band import _fit, _monogram
from synth.pieces.fresh_diploma_comparabilite import _Cursor
from synth.pieces.fresh_diploma_maghreb import _star
from synth.pieces.fresh_diploma_titre_pro import _scribble
from synth.pieces.fresh_diploma_traduction import _digits
from synth.pieces.fresh_vigilance_numerique import _qr

GREY: Color = (85, 85, 85)
PEN: Color = (25, 30, 95)
INKS: tuple[Color, ...] = ((25, 45, 110), (110, 25, 35), (20, 75, 50), (35, 35, 35), (90, 60, 15))
SEAL_INKS: tuple[Color, ...] = ((40, 60, 150), (120, 40, 120), (150, 45, 45), (30, 100, 70))
PAPERS: tuple[Color, ...] = ((251, 248, 238), (246, 244, 235), (248, 250, 252), (250, 247, 240))
LANDSCAPE, PORTRAIT = (297.0, 210.0), (210.0, 297.0)
Block = tuple  # (kind, text or rows): see _render
Signs = list  # [(the capacity printed under a signature, the official signing or None for the graduate)]
Wording = tuple  # (the blocks, the signatures, the registration lines): what a country's diploma says

# the worker's country -> where they studied, with weights
WHERE = {"COL": (("colombia", 1),), "BRA": (("brasil", 9), ("portugal", 1)), "PRT": (("portugal", 9), ("brasil", 1))}


def studied_in_iberoamerica(facts: DossierFacts) -> bool:
    """A worker from Colombia, Brazil or Portugal: the diploma is their home university's (or a sister country's)."""
    return facts.person.country.code in WHERE


# Words ---------------------------------------------------------------------------------------------------------

MONTHS = {"es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                 "noviembre", "diciembre"),
          "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
                 "novembro", "dezembro")}
ES_UNITS = ("cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce",
            "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte", "veintiuno",
            "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis", "veintisiete", "veintiocho",
            "veintinueve")
PT_UNITS = ("zero", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez", "onze", "doze",
            "treze", "catorze", "quinze", "dezasseis", "dezassete", "dezoito", "dezanove")
BR_UNITS = {16: "dezesseis", 17: "dezessete", 19: "dezenove"}
TENS = {"es": {3: "treinta", 4: "cuarenta", 5: "cincuenta", 6: "sesenta", 7: "setenta", 8: "ochenta", 9: "noventa"},
        "pt": {2: "vinte", 3: "trinta", 4: "quarenta", 5: "cinquenta", 6: "sessenta", 7: "setenta", 8: "oitenta",
               9: "noventa"}}
HUNDREDS = {"es": ("", "ciento", "doscientos", "trescientos", "cuatrocientos", "quinientos", "seiscientos",
                   "setecientos", "ochocientos", "novecientos"),
            "pt": ("", "cento", "duzentos", "trezentos", "quatrocientos", "quinhentos", "seiscentos", "setecentos",
                   "oitocentos", "novecentos")}


def _es(n: int) -> str:
    """Spanish words for 0..9999: "dos mil veintidós", "mil novecientos noventa y seis"."""
    if n >= 1000:
        thousands, rest = divmod(n, 1000)
        head = "mil" if thousands == 1 else f"{_es(thousands)} mil"
        return f"{head} {_es(rest)}" if rest else head
    if n >= 100:
        if n == 100:
            return "cien"
        hundreds, rest = divmod(n, 100)
        return f"{HUNDREDS['es'][hundreds]} {_es(rest)}" if rest else HUNDREDS["es"][hundreds]
    if n < 30:
        return ES_UNITS[n]
    tens, unit = divmod(n, 10)
    return f"{TENS['es'][tens]} y {ES_UNITS[unit]}" if unit else TENS["es"][tens]


def _pt(n: int, brazil: bool) -> str:
    """Portuguese words for 0..9999: "dois mil e vinte e dois", "mil novecentos e noventa e seis" ("dezasseis" in
    Portugal, "dezesseis" in Brazil)."""
    if n >= 1000:
        thousands, rest = divmod(n, 1000)
        head = "mil" if thousands == 1 else f"{_pt(thousands, brazil)} mil"
        if not rest:
            return head
        return f"{head}{' e ' if rest < 100 or rest % 100 == 0 else ' '}{_pt(rest, brazil)}"
    if n >= 100:
        hundreds, rest = divmod(n, 100)
        if n == 100:
            return "cem"
        return f"{HUNDREDS['pt'][hundreds]} e {_pt(rest, brazil)}" if rest else HUNDREDS["pt"][hundreds]
    if n < 20:
        return BR_UNITS.get(n, PT_UNITS[n]) if brazil else PT_UNITS[n]
    tens, unit = divmod(n, 10)
    return f"{TENS['pt'][tens]} e {_pt(unit, brazil)}" if unit else TENS["pt"][tens]


@dataclass(frozen=True)
class Speech:
    """How a country writes its dates and numbers: Spanish (Colombia), Brazilian or European Portuguese."""
    lang: str  # "es" or "pt"
    brazil: bool = False

    def number(self, n: int) -> str:
        return _es(n) if self.lang == "es" else _pt(n, self.brazil)

    def month(self, d: dt.date) -> str:
        return MONTHS[self.lang][d.month - 1]

    def long(self, d: dt.date) -> str:
        day = "1º" if self.brazil and d.day == 1 else str(d.day)
        return f"{day} de {self.month(d)} de {d.year}"

    def words(self, d: dt.date, digits: bool) -> str:
        """"a los quince (15) días del mes de marzo de dos mil veintidós (2022)", "aos vinte dias do mês de …"."""
        def num(k: int) -> str:
            return f" ({k})" if digits else ""
        year = f"{self.number(d.year)}{num(d.year)}"
        if self.lang == "es":
            if d.day == 1:
                return f"al primer{num(1)} día del mes de {self.month(d)} de {year}"
            day = self.number(d.day)
            if day.endswith("uno"):  # "veintiún días", "treinta y un días"
                day = "veintiún" if day == "veintiuno" else day[:-1]
            return f"a los {day}{num(d.day)} días del mes de {self.month(d)} de {year}"
        if d.day == 1:
            return f"ao primeiro{num(1)} dia do mês de {self.month(d)} de {year}"
        return f"aos {self.number(d.day)}{num(d.day)} dias do mês de {self.month(d)} de {year}"

    def say(self, d: dt.date, style: str) -> str:
        """`style`: "words", "digits" (words with the figures in brackets), "long" or "slash"."""
        if style in ("words", "digits"):
            return self.words(d, style == "digits")
        return self.long(d) if style == "long" else f"{d:%d/%m/%Y}"


# The degrees -----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Degree:
    level: str  # "grado", "master" or "tecnico" (a Colombian tecnólogo, a Brazilian tecnólogo, a Portuguese TeSP)
    co: tuple[str, str]  # the Colombian title, for a man and for a woman
    co_program: str  # the Colombian programme
    br: str  # the Brazilian course's field
    pt: str  # the Portuguese one
    school: str  # the kind of faculty: "eng", "eco", "sci", "health", "soc"
    br_title: tuple[str, str] = ("", "")  # a Brazilian professional title beside "Bacharel em …"
    pt_level: str = ""  # the Portuguese level when it differs (an engineer is a "mestre" of a mestrado integrado)


def _same(title: str) -> tuple[str, str]:
    return title, title


# the facts' degrees (French and English titles) -> their counterpart in Colombia, Brazil and Portugal
DEGREES = {
    "Master Ingénierie des systèmes complexes": Degree(
        "master", _same("Magíster en Ingeniería de Sistemas Complejos"), "Maestría en Ingeniería de Sistemas Complejos",
        "Engenharia de Sistemas", "Engenharia de Sistemas", "eng"),
    "Licence professionnelle Métiers de la gestion": Degree(
        "grado", ("Administrador de Empresas", "Administradora de Empresas"), "Administración de Empresas",
        "Administração", "Gestão", "eco"),
    "Diplôme d'ingénieur en informatique et réseaux": Degree(
        "grado", ("Ingeniero de Sistemas y Computación", "Ingeniera de Sistemas y Computación"),
        "Ingeniería de Sistemas y Computación", "Engenharia de Computação", "Engenharia Informática e de Computadores",
        "eng", ("Engenheiro de Computação", "Engenheira de Computação"), "master"),
    "Master Management international": Degree(
        "master", _same("Magíster en Negocios Internacionales"), "Maestría en Negocios Internacionales",
        "Administração", "Gestão Internacional", "eco"),
    "BTS Comptabilité et gestion": Degree(
        "tecnico", ("Tecnólogo en Gestión Contable y Financiera", "Tecnóloga en Gestión Contable y Financiera"),
        "Tecnología en Gestión Contable y Financiera", "Gestão Financeira", "Contabilidade e Gestão", "eco"),
    "Licence Économie et gestion": Degree(
        "grado", _same("Economista"), "Economía", "Ciências Econômicas", "Economia", "eco"),
    "Master Chimie analytique": Degree(
        "master", _same("Magíster en Química"), "Maestría en Química", "Química", "Química", "sci"),
    "Diplôme d'État d'infirmier": Degree(
        "grado", ("Enfermero", "Enfermera"), "Enfermería", "Enfermagem", "Enfermagem", "health"),
    "Bachelor of Science in Computer Engineering": Degree(
        "grado", ("Ingeniero de Sistemas", "Ingeniera de Sistemas"), "Ingeniería de Sistemas", "Ciência da Computação",
        "Engenharia Informática", "eng"),
    "Master of Science in Data Analytics": Degree(
        "master", _same("Magíster en Analítica de Datos"), "Maestría en Analítica de Datos", "Ciência de Dados",
        "Ciência de Dados", "sci"),
    "Bachelor of Commerce": Degree(
        "grado", _same("Profesional en Comercio Internacional"), "Comercio Internacional", "Comércio Exterior",
        "Gestão de Empresas", "eco"),
    "Master of Arts in International Relations": Degree(
        "master", _same("Magíster en Relaciones Internacionales"), "Maestría en Relaciones Internacionales",
        "Relações Internacionais", "Relações Internacionais", "soc"),
    "Bachelor of Technology in Mechanical Engineering": Degree(
        "grado", ("Ingeniero Mecánico", "Ingeniera Mecánica"), "Ingeniería Mecánica", "Engenharia Mecânica",
        "Engenharia Mecânica", "eng", ("Engenheiro Mecânico", "Engenheira Mecânica")),
}
FACULTIES = {"colombia": {"eng": "Facultad de Ingeniería", "eco": "Facultad de Ciencias Económicas",
                          "sci": "Facultad de Ciencias", "health": "Facultad de Enfermería",
                          "soc": "Facultad de Ciencia Política y Relaciones Internacionales"},
             "brasil": {"eng": "Escola de Engenharia", "eco": "Faculdade de Ciências Econômicas",
                        "sci": "Instituto de Ciências Exatas", "health": "Escola de Enfermagem",
                        "soc": "Instituto de Relações Internacionais"},
             "portugal": {"eng": "Faculdade de Engenharia", "eco": "Faculdade de Economia",
                          "sci": "Faculdade de Ciências", "health": "Escola Superior de Enfermagem",
                          "soc": "Faculdade de Ciências Sociais e Humanas"}}
POLYTECHNIC_SCHOOL = "Escola Superior de Tecnologia e Gestão"


def _degree(title: str) -> Degree:
    """The counterpart of the facts' degree (a title the tables do not know: by its level)."""
    if title in DEGREES:
        return DEGREES[title]
    return DEGREES["Master Management international" if title.lower().startswith("master")
                   else "Licence Économie et gestion"]


def _rows(table: str) -> list[list[str]]:
    """A table typed one row a line, its cells between "|"."""
    return [[cell.strip() for cell in line.split("|")] for line in table.splitlines()]


@dataclass(frozen=True)
class University:
    name: str
    town: str
    kind: str  # "publica"/"privada" (Colombia), "federal"/"estadual"/"privada" (Brazil), "universidade"/"politecnico"
    state: str = ""  # a Brazilian university's state (UF)


# per country, "name | town | kind | Brazilian state"
UNIVERSITY_ROWS = {
    "colombia": """Universidad Nacional de Colombia | Bogotá D.C. | publica
                   Universidad de Antioquia | Medellín | publica
                   Universidad del Valle | Cali | publica
                   Universidad Industrial de Santander | Bucaramanga | publica
                   Pontificia Universidad Javeriana | Bogotá D.C. | privada
                   Universidad de los Andes | Bogotá D.C. | privada
                   Universidad del Norte | Barranquilla | privada
                   Universidad EAFIT | Medellín | privada""",
    "brasil": """Universidade de São Paulo | São Paulo | estadual | SP
                 Universidade Federal do Rio de Janeiro | Rio de Janeiro | federal | RJ
                 Universidade Federal de Minas Gerais | Belo Horizonte | federal | MG
                 Universidade Federal de Pernambuco | Recife | federal | PE
                 Universidade Federal da Bahia | Salvador | federal | BA
                 Universidade Estadual de Campinas | Campinas | estadual | SP
                 Pontifícia Universidade Católica do Paraná | Curitiba | privada | PR""",
    "portugal": """Universidade de Lisboa | Lisboa | universidade
                   Universidade do Porto | Porto | universidade
                   Universidade de Coimbra | Coimbra | universidade
                   Universidade do Minho | Braga | universidade
                   Universidade de Aveiro | Aveiro | universidade
                   Universidade Nova de Lisboa | Lisboa | universidade
                   Instituto Politécnico do Porto | Porto | politecnico
                   Instituto Politécnico de Leiria | Leiria | politecnico"""}
UNIVERSITIES = {key: tuple(University(*row) for row in _rows(rows)) for key, rows in UNIVERSITY_ROWS.items()}
# a Brazilian birth city's state
UF = {"SÃO PAULO": "SP", "RIO DE JANEIRO": "RJ", "BELO HORIZONTE": "MG", "SALVADOR": "BA", "RECIFE": "PE"}
# the holder's country: its Spanish name, nationality (m, f); its Portuguese name, nationality (m, f)
NATION_ROWS = """SEN | Senegal | senegalés | senegalesa | Senegal | senegalês | senegalesa
                 MLI | Malí | maliense | maliense | Mali | maliano | maliana
                 MAR | Marruecos | marroquí | marroquí | Marrocos | marroquino | marroquina
                 IND | India | indio | india | Índia | indiano | indiana
                 VNM | Vietnam | vietnamita | vietnamita | Vietname | vietnamita | vietnamita
                 BRA | Brasil | brasileño | brasileña | Brasil | brasileiro | brasileira
                 UKR | Ucrania | ucraniano | ucraniana | Ucrânia | ucraniano | ucraniana
                 COL | Colombia | colombiano | colombiana | Colômbia | colombiano | colombiana
                 CHN | China | chino | china | China | chinês | chinesa
                 PRT | Portugal | portugués | portuguesa | Portugal | português | portuguesa
                 CIV | Costa de Marfil | marfileño | marfileña | Costa do Marfim | marfinense | marfinense
                 TUN | Túnez | tunecino | tunecina | Tunísia | tunisino | tunisina
                 CMR | Camerún | camerunés | camerunesa | Camarões | camaronês | camaronesa"""
NATIONS = {row[0]: tuple(row[1:]) for row in _rows(NATION_ROWS)}
BRAZILIAN_NATIONS = {"VNM": ("Vietnã", "vietnamita", "vietnamita"), "TUN": ("Tunísia", "tunisiano", "tunisiana")}
HOME = {"colombia": "COL", "brasil": "BRA", "portugal": "PRT"}
LOWER_WORDS = {"da", "de", "do", "dos", "das", "del", "la", "las", "los", "e", "y"}


def _proper(text: str) -> str:
    """"SÃO PAULO" -> "São Paulo", "DA SILVA" -> "da Silva" (the first word keeps its capital)."""
    words = text.title().split(" ")
    return " ".join(w.lower() if i and w.lower() in LOWER_WORDS else w for i, w in enumerate(words))


# The people -----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Official:
    given: str
    surname: str
    female: bool

    @property
    def name(self) -> str:
        return _proper(f"{self.given} {self.surname}")


def _officials(key: str, person: Person, given: str, n: int, rng: random.Random) -> list[Official]:
    """`n` officials bearing the names of the university's country (one or two surnames): none bears the holder's
    names, and none another's surname while the country has others."""
    country = next(c for c in COUNTRIES if c.code == HOME[key])
    holder = {person.surname, *given.split()}
    used: set[str] = set()
    out: list[Official] = []
    for _ in range(n):
        female = rng.random() < 0.4
        pool = [g for g in (country.given_f if female else country.given_m) if not set(g.split()) & holder]
        first = rng.choice([g for g in pool if g not in used] or pool)
        names = [s for s in country.surnames if s not in holder]
        fresh = [s for s in names if s not in used] or names
        surname = rng.choice(fresh)
        others = [s for s in fresh if s != surname and " " not in s]
        if " " not in surname and others and rng.random() < 0.6:
            surname += " " + rng.choice(others)
        used |= set(surname.split(" ")) | {surname, first}
        out.append(Official(first, surname, female))
    return out


def _role(word: str, female: bool) -> str:
    """"Rector" -> "Rectora", "Secretário Geral" -> "Secretária Geral", "Diretor dos …" -> "Diretora dos …"."""
    if not female:
        return word
    for man, woman in (("Rector", "Rectora"), ("Reitor", "Reitora"), ("Secretario", "Secretaria"),
                       ("Secretário", "Secretária"), ("Decano", "Decana"), ("Diretor", "Diretora"),
                       ("Director", "Directora"), ("Coordenador", "Coordenadora"), ("Coordinador", "Coordinadora"),
                       ("Procurador", "Procuradora"), ("Tabelião", "Tabeliã"), ("Escrevente Autorizado",
                                                                               "Escrevente Autorizada")):
        word = word.replace(man, woman)
    return word


def _article(role: str, female: bool, lang: str) -> str:
    if lang == "es":
        return f"{'La' if female else 'El'} {role}"
    return f"{'A' if female else 'O'} {role}"


def _of_pt(name: str) -> str:
    """"da Universidade …", "do Instituto …"."""
    return f"do {name}" if name.startswith("Instituto") else f"da {name}"


def _cpf(rng: random.Random) -> str:
    """A Brazilian CPF with its two check digits."""
    digits = [rng.randint(0, 9) for _ in range(9)]
    for weight in (10, 11):
        digits.append(sum(d * w for d, w in zip(digits, range(weight, 1, -1))) * 10 % 11 % 10)
    s = "".join(map(str, digits))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"


def _grouped(number: str) -> str:
    """"1020345678" -> "1.020.345.678"."""
    out = ""
    while len(number) > 3:
        number, out = number[:-3], "." + number[-3:] + out
    return number + out


# The grant -------------------------------------------------------------------------------------------------------

@dataclass
class Grant:
    key: str  # "colombia", "brasil" or "portugal"
    speech: Speech
    university: University
    faculty: str
    degree: Degree
    title: str  # as printed on its own line: the truth
    program: str  # the course named in the prose
    person: Person
    given: str
    award: dt.date
    issued: dt.date  # the diploma's own date (the award's in Colombia)
    registered: dt.date
    style: str  # the award date's: "words", "digits", "long", "slash"
    others: str  # the other dates': "long" or "slash"

    @property
    def female(self) -> bool:
        return self.person.sex == "F"

    def when(self, d: dt.date) -> str:
        return self.speech.say(d, self.others)

    @property
    def awarded(self) -> str:
        return self.speech.say(self.award, self.style)

    @property
    def worded(self) -> bool:
        return self.style in ("words", "digits")

    def holder(self, rng: random.Random, upper: float) -> str:
        name = _proper(f"{self.given} {self.person.surname}")
        return name.upper() if rng.random() < upper else name

    def nationality(self, feminine: bool) -> tuple[str, str]:
        """(the holder's country, their nationality) in the diploma's language: feminine after "de nacionalidade",
        else agreeing with the holder."""
        code = self.person.country.code
        words = NATIONS[code][:3] if self.speech.lang == "es" else NATIONS[code][3:]
        if self.speech.brazil:
            words = BRAZILIAN_NATIONS.get(code, words)
        return words[0], words[1 + feminine]


def _title(key: str, degree: Degree, female: bool, rng: random.Random) -> tuple[str, str]:
    """(the title as that country prints it, the course or programme its prose names)."""
    if key == "colombia":
        return degree.co[female], degree.co_program
    if key == "brasil":
        field = degree.br
        if degree.level == "master":
            return f"Mestre em {field}", f"Programa de Pós-Graduação em {field}, em nível de Mestrado"
        if degree.level == "tecnico":
            return f"{'Tecnóloga' if female else 'Tecnólogo'} em {field}", f"Curso Superior de Tecnologia em {field}"
        if degree.br_title[0] and rng.random() < 0.6:
            return degree.br_title[female], f"Curso de Graduação em {field}"
        return f"Bacharel em {field}", f"Curso de {rng.choice(('Graduação', 'Bacharelado'))} em {field}"
    field, level = degree.pt, degree.pt_level or degree.level
    if level == "master":
        cycle = "Mestrado Integrado" if degree.pt_level else "Mestrado"
        return f"Mestre em {field}", f"{cycle} em {field}"
    if level == "tecnico":
        return (f"{'Técnica' if female else 'Técnico'} Superior Profissional em {field}",
                f"Curso Técnico Superior Profissional em {field}")
    return f"{'Licenciada' if female else 'Licenciado'} em {field}", f"Licenciatura em {field}"


def _after(start: dt.date, reference: dt.date, low: int, high: int, rng: random.Random) -> dt.date:
    """A day `low`..`high` days after `start`, at least a day before the dossier was sent (or `start` itself)."""
    room = (reference - start).days - 1
    if room <= 0:
        return start
    return start + dt.timedelta(days=rng.randint(min(low, room), min(high, room)))


# The diploma's text, one wording per country ---------------------------------------------------------------------

def _co_identity(g: Grant, short: bool, rng: random.Random) -> str:
    """The cédula a Colombian diploma prints under the name (a cédula de extranjería for a foreigner): "C.C. No. …
    de <town>" or, `short` False, "identificado con cédula de ciudadanía No. … expedida en <town>"."""
    who = "identificada" if g.female else "identificado"
    if g.person.country.code == "COL":
        number = _grouped(f"10{_digits(rng, 8)}")
        town = _proper(g.person.birth_city).replace("Bogotá", "Bogotá D.C.")
        return f"C.C. No. {number} de {town}" if short else \
            f"{who} con cédula de ciudadanía No. {number} expedida en {town}"
    number = _grouped(str(rng.randint(100000, 1999999)))
    return f"C.E. No. {number}" if short else f"{who} con cédula de extranjería No. {number}"


def _colombia(g: Grant, people: list[Official], rng: random.Random) -> Wording:
    u = g.university
    rector, secretary, dean = people[:3]
    wording = rng.choice(("republica", "por_cuanto", "expedido"))
    blocks: list[Block] = []
    if wording != "republica" and rng.random() < 0.7:  # the formula names the Republic itself
        blocks.append(("state", "REPÚBLICA DE COLOMBIA"))
    blocks.append(("univ", u.name.upper()))
    if u.kind == "privada":
        since = dt.date(rng.randint(1948, 1975), rng.randint(1, 12), rng.randint(1, 28))
        blocks.append(("small", (f"Personería jurídica reconocida mediante Resolución No. {rng.randint(100, 9999)} del "
                                 f"{g.speech.long(since)} del Ministerio de Justicia · Vigilada Mineducación")))
    else:
        blocks.append(("small", rng.choice(("Ente universitario autónomo vinculado al Ministerio de Educación Nacional",
                                            "Institución de Educación Superior · Vigilada Mineducación"))))
    faculty = rng.random() < 0.5
    if faculty:
        blocks.append(("line", g.faculty))
    name, identity = g.holder(rng, 0.7), _co_identity(g, wording != "por_cuanto" and rng.random() < 0.6, rng)
    town = u.town
    dated = (f"{town}, {g.awarded}" if g.worded else f"{town}, el {g.awarded}")
    if wording == "republica":
        blocks += [("formula", "LA REPÚBLICA DE COLOMBIA"), ("formula", "Y EN SU NOMBRE"),
                   ("formula", f"LA {u.name.upper()}")]
        if rng.random() < 0.5:  # the title first
            blocks += [("para", "confiere el título de"), ("title", g.title), ("para", "a"), ("name", name),
                       ("para", identity)]
        else:
            blocks += [("para", "confiere a"), ("name", name), ("para", identity), ("para", "el título de"),
                       ("title", g.title)]
        blocks += [("para", ("quien cumplió satisfactoriamente los requisitos académicos exigidos por los reglamentos "
                             "de la Universidad y las disposiciones legales vigentes.")),
                   ("place", f"En testimonio de ello se le otorga el presente diploma en {dated}.")]
    elif wording == "por_cuanto":
        blocks += [("para", "Por cuanto"), ("name", name),
                   ("para", (f"{identity}, ha cumplido los requisitos académicos exigidos por los reglamentos de la "
                             f"Universidad y las disposiciones legales vigentes para optar al título de")),
                   ("title", g.title),
                   ("para", rng.choice(("le confiere dicho título y, en consecuencia, le expide el presente diploma.",
                                        ("le otorga el título y expide el presente diploma para que le sean "
                                         "reconocidos los derechos y prerrogativas que la ley le concede.")))),
                   ("place", f"Dado en {dated}.")]
    else:
        blocks += [("heading", "DIPLOMA"),
                   ("para", (f"La {u.name}, en uso de las facultades que le confieren la Ley 30 de 1992 y sus "
                             f"estatutos, otorga el")),
                   ("para", "Título de"), ("title", g.title), ("para", "expedido a favor de"), ("name", name),
                   ("para", identity),
                   ("pairs", [("Programa", g.program), ("Código SNIES", str(rng.randint(101, 109999)))]),
                   ("place", f"Dado en {dated}.")]
    acta = str(rng.randint(12, 4999)).zfill(rng.choice((3, 4)))
    foot = [rng.choice((f"Acta de grado No. {acta} del {g.when(g.award)}", f"Acta de grado No. {acta}")),
            f"Libro de registro de diplomas No. {rng.randint(1, 60)}, folio {rng.randint(1, 400)}",
            f"Diploma No. {rng.randint(1000, 99999)}"]
    signs: Signs = [(_role("Rector", rector.female), rector),
                    (_role("Secretario General", secretary.female), secretary)]
    if faculty and rng.random() < 0.6:
        signs.insert(1, (_role("Decano", dean.female) + " " + g.faculty.replace("Facultad", "de la Facultad"), dean))
    return blocks, signs, foot


def _pt_born(g: Grant, rng: random.Random) -> str:
    """"brasileiro, natural de São Paulo – SP, nascido em …, portador da Cédula de Identidade RG nº …" and the
    Portuguese "nascida a …, natural de …, de nacionalidade portuguesa, portadora do Cartão de Cidadão n.º …"."""
    p, brazil = g.person, g.key == "brasil"
    country, demonym = g.nationality(g.female)
    nationality = g.nationality(True)[1]
    town = _proper(p.birth_city)
    home = p.country.code == HOME[g.key]
    bearer = "portadora" if g.female else "portador"
    born = "nascida" if g.female else "nascido"
    if brazil:
        place = f"{town} – {UF[p.birth_city]}" if home and p.birth_city in UF else f"{town} ({country})"
        if home:
            ids = f"{bearer} da Cédula de Identidade RG nº {_digits(rng, 2)}.{_digits(rng, 3)}.{_digits(rng, 3)}-" \
                  f"{rng.randint(0, 9)} {rng.choice(('SSP/SP', 'SSP/MG', 'DETRAN/RJ', 'SDS/PE', 'SSP/BA'))}"
        else:
            ids = f"{bearer} do RNM nº {rng.choice('VGF')}{_digits(rng, 6)}-{rng.randint(0, 9)}"
        if rng.random() < 0.6:
            ids += f", CPF nº {_cpf(rng)}"
        lead = demonym if home or rng.random() < 0.5 else f"de nacionalidade {nationality}"
        return f"{lead}, natural de {place}, {born} em {g.when(p.birth_date)}, {ids}"
    ids = (f"{bearer} do Cartão de Cidadão n.º {_digits(rng, 8)}" if home
           else f"{bearer} do título de residência n.º {_digits(rng, 9)}")
    return f"{born} a {g.when(p.birth_date)}, natural de {town} ({country}), de nacionalidade {nationality}, {ids}"


def _brasil(g: Grant, people: list[Official], rng: random.Random) -> Wording:
    u = g.university
    rector, secretary = people[:2]
    blocks: list[Block] = [("state", "REPÚBLICA FEDERATIVA DO BRASIL")]
    if u.kind == "federal":
        blocks.append(("line", "MINISTÉRIO DA EDUCAÇÃO"))
    blocks.append(("univ", u.name.upper()))
    if rng.random() < 0.4:
        blocks.append(("line", g.faculty))
    blocks.append(("heading", rng.choice(("DIPLOMA", "DIPLOMA", "Diploma"))))
    name, born = g.holder(rng, 0.3), _pt_born(g, rng)
    head = _article(_role("Reitor", rector.female), rector.female, "pt")
    completed = g.award - dt.timedelta(days=rng.randint(12, 75))
    finished = f", em {g.when(completed)}" if rng.random() < 0.5 else ""
    if g.worded or rng.random() < 0.5:
        ceremony = (f" e tendo colado grau {g.awarded}" if g.worded else f" e a colação de grau em {g.awarded}")
        blocks += [("para", (f"{head} da {u.name}, no uso de suas atribuições legais e tendo em vista a conclusão do "
                             f"{g.program}{finished}{ceremony}, confere o título de")),
                   ("title", g.title), ("para", "a"), ("name", name),
                   ("para", (f"{born}, e outorga-lhe o presente Diploma, a fim de que possa gozar de todos os direitos "
                             f"e prerrogativas legais."))]
    else:
        blocks += [("para", f"A {u.name}, tendo em vista que"), ("name", name),
                   ("para", f"{born}, concluiu o {g.program}{finished}, confere-lhe o grau de"), ("title", g.title),
                   ("para", ("e expede o presente Diploma, a fim de que possa gozar de todos os direitos e "
                             "prerrogativas legais.")),
                   ("pairs", [(rng.choice(("Data da colação de grau", "Colação de grau em")), g.awarded)])]
    blocks.append(("place", f"{u.town}, {g.when(g.issued)}."))
    second = _role(rng.choice(("Secretário Geral", "Pró-Reitor de Graduação")), secretary.female)
    signs: Signs = [(_role("Reitor", rector.female), rector), ("Diplomada" if g.female else "Diplomado", None),
                    (second, secretary)]
    process = f"{rng.randint(23000, 23999)}.{_digits(rng, 6)}/{g.registered.year}-{_digits(rng, 2)}"
    registry = [(f"Diploma registrado sob o nº {rng.randint(1000, 299999)}, Livro {rng.randint(1, 90)}, Folha "
                 f"{rng.randint(1, 300)}, Processo nº {process}, nos termos do art. 48 da Lei nº 9.394, de 20 de "
                 "dezembro de 1996."), f"{u.town}, {g.when(g.registered)}."]
    return blocks, signs, registry


def _portugal(g: Grant, people: list[Official], rng: random.Random) -> Wording:
    u = g.university
    head_person, director = people[:2]
    blocks: list[Block] = []
    if rng.random() < 0.6:
        blocks.append(("state", "REPÚBLICA PORTUGUESA"))
    blocks += [("univ", u.name.upper()), ("line", g.faculty)]
    level = g.degree.pt_level or g.degree.level
    blocks.append(("heading", rng.choice(("DIPLOMA", "CARTA DE CURSO") if level == "grado" else ("DIPLOMA",))))
    name, born = g.holder(rng, 0.3), _pt_born(g, rng)
    mark = rng.randint(11, 18)
    ects = {"grado": 180, "master": 300 if g.degree.pt_level else 120, "tecnico": 120}[level]
    grant = "lhe é atribuído o diploma de" if level == "tecnico" else "lhe é conferido o grau de"
    role = "Presidente" if u.kind == "politecnico" else _role("Reitor", head_person.female)
    house = "neste Instituto" if u.kind == "politecnico" else "nesta Universidade"
    if g.worded or rng.random() < 0.5:
        concluded = f"concluiu, {g.awarded}," if g.worded else f"concluiu em {g.awarded}"
        blocks += [("para", f"{_article(role, head_person.female, 'pt')} {_of_pt(u.name)} faz saber que"),
                   ("name", name),
                   ("para", (f"{born}, {concluded} o ciclo de estudos de {g.program}, com a classificação final de "
                             f"{mark} ({g.speech.number(mark)}) valores, pelo que {grant}")),
                   ("title", g.title),
                   ("para", ("E, para constar, se passou o presente diploma, que vai assinado e autenticado com o selo "
                             f"branco em uso {house}."))]
    else:
        blocks += [("para", "Certifica-se que"), ("name", name),
                   ("para", f"{born}, obteve o {'diploma' if level == 'tecnico' else 'grau'} de"), ("title", g.title),
                   ("pairs", [("Ciclo de estudos", g.program), ("Data de conclusão", g.awarded),
                              ("Classificação final", f"{mark} ({g.speech.number(mark)}) valores"),
                              ("Créditos ECTS", str(ects))])]
    blocks.append(("place", f"{u.town}, {g.when(g.issued)}"))
    signs: Signs = [(role, head_person), (_role("Diretor dos Serviços Académicos", director.female), director)]
    registry = [rng.choice(((f"Registado sob o n.º {rng.randint(100, 9999)}/{g.registered.year % 100:02d}, a fls. "
                             f"{rng.randint(1, 200)} do Livro de Registo de Diplomas n.º {rng.randint(1, 40)}."),
                            (f"Registo n.º {rng.randint(10000, 99999)} · Processo n.º {rng.randint(1000, 9999)}/"
                             f"{g.registered.year}")))]
    return blocks, signs, registry


WORDINGS = {"colombia": _colombia, "brasil": _brasil, "portugal": _portugal}


# Drawing ---------------------------------------------------------------------------------------------------------

def _crest(sheet: Sheet, cx: float, cy: float, r: float, key: str, ink: Color) -> None:
    """The State's arms as the diplomas print them, reduced to lines: a shield (Colombia), a starred disc (Brazil),
    an armillary sphere behind a shield (Portugal)."""
    if key == "colombia":
        top, bottom = cy - r, cy + r
        outline = [(cx - r * 0.8, top), (cx + r * 0.8, top), (cx + r * 0.8, cy + r * 0.25), (cx, bottom),
                   (cx - r * 0.8, cy + r * 0.25), (cx - r * 0.8, top)]
        for a, b in itertools.pairwise(outline):
            sheet.add(Rule(a[0], a[1], b[0], b[1], 0.45, ink))
        sheet.add(Rule(cx - r * 0.8, top + r * 0.55, cx + r * 0.8, top + r * 0.55, 0.3, ink))
        _star(sheet, cx, cy + r * 0.2, r * 0.35, ink)
        return
    sheet.add(Box(cx - r, cy - r, 2 * r, 2 * r, stroke=ink, width=0.45, radius=r))
    if key == "brasil":
        sheet.add(Box(cx - r * 0.62, cy - r * 0.62, r * 1.24, r * 1.24, stroke=ink, width=0.25, radius=r * 0.62))
        _star(sheet, cx, cy, r * 0.5, ink)
        return
    sheet.add(Rule(cx - r, cy, cx + r, cy, 0.3, ink), Rule(cx, cy - r, cx, cy + r, 0.3, ink),
              Box(cx - r * 0.4, cy - r * 0.45, r * 0.8, r * 0.9, fill=(255, 255, 255), stroke=ink, width=0.35))


def _round_seal(sheet: Sheet, cx: float, cy: float, r: float, words: tuple[str, str, str], font: FontKey,
                ink: Color) -> None:
    """A round rubber stamp: two rings, a line of text above, initials or a word in the middle, a line below."""
    top, middle, bottom = words
    inner = r * 0.78
    sheet.add(Box(cx - r, cy - r, 2 * r, 2 * r, stroke=ink, width=0.5, radius=r),
              Box(cx - inner, cy - inner, 2 * inner, 2 * inner, stroke=ink, width=0.2, radius=inner),
              Text(cx, cy - inner * 0.45, top, _fit(top, bold(font), 4.5, inner * 1.8, 2.6), bold(font), ink,
                   "center"),
              Text(cx, cy + 1.6, middle, _fit(middle, bold(font), 7.5, inner * 1.6, 3.5), bold(font), ink, "center"),
              Text(cx, cy + inner * 0.65, bottom, _fit(bottom, font, 4, inner * 1.7, 2.6), font, ink, "center"))


def _render(cur: _Cursor, blocks: list[Block], align: str, ink: Color, head: FontKey, spread: float) -> None:
    """The blocks down the page; `align` "center" (ceremonial) or "left"; `spread` mm more after each block."""
    prose = FontKey(cur.font.family, italic=head.italic)
    for kind, arg in blocks:
        cur.y += spread
        if kind == "state":
            cur.own_line(arg, 10.5, bold(head), align, GREY)
        elif kind == "univ":
            cur.own_line(arg, 17, bold(head), align, ink)
            cur.y += 0.6 * cur.scale
        elif kind == "line":
            cur.text(arg, 9.5, head, align, gap=0.5)
        elif kind == "small":
            cur.text(arg, 7.8, align=align, color=GREY, gap=1.0)
        elif kind == "formula":
            cur.text(arg, 12, bold(head), align, ink, gap=0.6)
        elif kind == "heading":
            cur.y += 3 * cur.scale
            cur.own_line(arg, 24, bold(head), align, ink)
            cur.y += 2 * cur.scale
        elif kind in ("name", "title"):
            cur.y += 1.2 * cur.scale
            cur.own_line(arg, 17 if kind == "name" else 16, bold(head), align, (0, 0, 0) if kind == "name" else ink)
            cur.y += 1.2 * cur.scale
        elif kind == "para":
            cur.text(arg, 11, prose, align, gap=1.3)
        elif kind == "pairs":
            for label, value in arg:
                cur.text(f"{label}: {value}", 10.5, align=align, gap=0.4)
            cur.y += 1.0
        elif kind == "place":
            cur.y += 1.5 * cur.scale
            cur.text(arg, 11, prose, align, gap=1.3, indent=0 if align == "center" else (cur.right - cur.left) * 0.35)


def _signatures(sheet: Sheet, signs: Signs, y: float, left: float, right: float, font: FontKey,
                rng: random.Random) -> float:
    """The signatures across the foot: a pen stroke over a rule, the name and the capacity under it (the graduate's
    own line with only its caption); returns the y under them."""
    width = (right - left) / len(signs)
    bottom = y
    for i, (caption, person) in enumerate(signs):
        x = left + width * (i + 0.5)
        if person is not None or rng.random() < 0.5:
            _scribble(sheet, x - width * 0.25, y + 7, rng.uniform(width * 0.35, width * 0.55), PEN, rng)
        sheet.add(Rule(x - width * 0.38, y + 10, x + width * 0.38, y + 10, 0.25, GREY))
        yy = y + 14
        if person is not None:
            sheet.add(Text(x, yy, person.name.upper(), _fit(person.name.upper(), bold(font), 8.5, width * 0.9, 6),
                           bold(font), align="center"))
            yy += 3.8
        for line in wrap(caption, font, 8, width * 0.88):
            sheet.add(Text(x, yy, line, 8, font, GREY, "center"))
            yy += 3.4
        bottom = max(bottom, yy)
    return bottom


def _frame(sheet: Sheet, ink: Color, style: str) -> None:
    w, h = sheet.width, sheet.height
    if style == "double":
        sheet.add(Box(9, 9, w - 18, h - 18, stroke=ink, width=1.4), Box(12.5, 12.5, w - 25, h - 25, stroke=ink,
                                                                         width=0.35))
    elif style == "guilloche":  # a band of fine rules round the page, as security paper prints it
        for k in range(6):
            inset = 8 + k * 0.9
            sheet.add(Box(inset, inset, w - 2 * inset, h - 2 * inset, stroke=ink, width=0.12 if k % 2 else 0.3,
                          radius=3))


@dataclass
class Look:
    font: FontKey  # the prose
    head: FontKey  # the headings, names and title
    ink: Color
    seal_ink: Color
    align: str  # "center" or "left"
    frame: str  # "double", "guilloche" or "none"
    landscape: bool


def _look(g: Grant, rng: random.Random) -> Look:
    families = ("serif", "lserif", "sans", "lsans", "condensed")
    body, head = rng.choice(families), rng.choice(("serif", "lserif", "lserif", "sans", "lsans"))
    if g.person.country.code == "VNM":  # Liberation has no Vietnamese letters
        body, head = (f.removeprefix("l") for f in (body, head))
    align = rng.choice(("center", "center", "left"))
    landscape = g.key != "portugal" and align == "center" and rng.random() < 0.55
    frame = rng.choice(("double", "guilloche", "none") if align == "center" else ("none", "none", "guilloche"))
    return Look(FontKey(body), FontKey(head, italic=rng.random() < 0.2), rng.choice(INKS), rng.choice(SEAL_INKS),
                align, frame, landscape)


HEADER = ("state", "univ", "small", "line")  # the blocks of the letterhead, beside the crest when left-aligned


def _diploma_sheet(g: Grant, blocks: list[Block], signs: Signs, foot: list[str], look: Look,
                   rng: random.Random) -> Sheet:
    w, h = LANDSCAPE if look.landscape else PORTRAIT
    sheet = Sheet(w, h, rng.choice(PAPERS) if look.frame != "none" or rng.random() < 0.3 else (255, 255, 255))
    _frame(sheet, look.ink, look.frame)
    margin = 24.0 if look.frame != "none" else 20.0
    left, right = (margin + 12, w - margin - 12) if look.landscape else (margin, w - margin)
    top = margin - 2
    centred = look.align == "center"
    if centred:
        _crest(sheet, w / 2, top + 7, 7.5, g.key, look.ink)
        top += 19
    else:
        _crest(sheet, left + 8, top + 8, 8, g.key, look.ink)
    count = next(i for i, block in enumerate(blocks) if block[0] not in HEADER)
    header, body = blocks[:count], blocks[count:]
    serial = rng.choice(("", f"No. {_digits(rng, 6)}", f"Serie {rng.choice('ABCD')} {_digits(rng, 6)}")
                        if g.key == "colombia" else ("", f"N.º {_digits(rng, 6)}", f"Nº {_digits(rng, 7)}"))
    if serial:
        sheet.add(Text(right, margin - 5, serial, 9, look.font, (150, 30, 30), "right"))
    seal_words = (g.university.name.upper(), _monogram(g.university.name), g.university.town.upper())
    foot_height = len(foot) * 3.6 + 2
    bottom = h - (margin if look.frame != "none" else 14)
    mark, start = len(sheet.elements), rng.getstate()

    def lay(scale: float, spread: float) -> tuple[float, bool]:
        """The text at `scale`, `spread` mm more after each block of the body, and the signatures: (the text's end,
        whether all holds above the foot)."""
        rng.setstate(start)
        del sheet.elements[mark:]
        cur = _Cursor(sheet, look.font, left if centred else left + 22, right, top, scale)
        _render(cur, header, look.align, look.ink, look.head, 0.0)
        if look.landscape:  # a ceremonial column narrower than the page
            cur.left, cur.right = left + 18, right - 18
        cur.left, cur.y = (cur.left, cur.y) if centred else (left, max(cur.y, top + 20))
        _render(cur, body, look.align, look.ink, look.head, spread)
        signs_at = max(cur.y + 4, bottom - foot_height - 30)
        under = _signatures(sheet, signs, signs_at, left, right, look.font, rng)
        # the university's seal between the first two signatures
        _round_seal(sheet, left + (right - left) / len(signs) + rng.uniform(-3, 3), signs_at + rng.uniform(2, 6), 10,
                    seal_words, look.font, look.seal_ink)
        return cur.y, under <= bottom - foot_height

    scales = ((1.0,) if look.landscape else (1.12, 1.05, 1.0)) + (0.94, 0.88, 0.82, 0.76, 0.7, 0.64, 0.58)
    for scale in scales:
        end, fits = lay(scale, 0.0)
        if fits:
            break
    room = bottom - foot_height - 36 - end
    if room > 10:  # a short text spread down to the signatures
        lay(scale, min(room / (len(body) + 2), 5.0))
    y = bottom - foot_height + 3
    for line in foot:
        for part in wrap(line, look.font, 7.5, right - left):
            sheet.add(Text((left + right) / 2 if centred else left, y, part, 7.5, look.font, GREY,
                           "center" if centred else "left"))
            y += 3.4
    return sheet


# The apostille -----------------------------------------------------------------------------------------------------

# the model's wording: 1, the line before 2, 2, 3, 4, the line before 5, 5, 6, 7, 8, 9, 10
LABELS = {
    "es": ("País", "El presente documento público", "ha sido firmado por", "quien actúa en calidad de",
           "y está revestido del sello / timbre de", "Certificado", "en", "el día", "por", "bajo el número",
           "Sello / timbre", "Firma"),
    "br": ("País", "Este documento público", "foi assinado por", "na qualidade de", "tem o selo/carimbo de",
           "Reconhecido", "em", "no dia", "por", "sob o nº", "Selo/Carimbo", "Assinatura"),
    "pt": ("País", "O presente documento público", "foi assinado por", "na qualidade de",
           "tem aposto o selo/carimbo de", "Certificado", "em", "no dia", "por", "sob o n.º", "Selo/carimbo",
           "Assinatura"),
    "en": ("Country", "This public document", "has been signed by", "acting in the capacity of",
           "bears the seal / stamp of", "Certified", "at", "the", "by", "No.", "Seal / stamp", "Signature"),
    "fr": ("Pays", "Le présent acte public", "a été signé par", "agissant en qualité de",
           "est revêtu du sceau / timbre de", "Attesté", "à", "le", "par", "sous n°", "Sceau / timbre", "Signature"),
}
ITEMS = (0, 2, 3, 4, 6, 7, 8, 9, 10, 11)  # where items 1 to 10 stand in LABELS' rows
CONVENTION = "(Convention de La Haye du 5 octobre 1961)"
DISCLAIMER = {
    "es": ("Esta Apostilla certifica únicamente la autenticidad de la firma, la calidad en que el signatario del "
           "documento haya actuado y, en su caso, la identidad del sello o timbre del que el documento público esté "
           "revestido. Esta Apostilla no certifica el contenido del documento para el cual se expidió."),
    "pt": ("Esta Apostila certifica unicamente a autenticidade da assinatura, a qualidade em que o signatário do "
           "documento atuou e, se for caso disso, a identidade do selo ou carimbo nele aposto. Esta Apostila não "
           "certifica o conteúdo do documento para o qual foi emitida.")}


@dataclass
class Apostille:
    key: str
    labels: str  # "es", "br" or "pt"
    heading: str
    values: list[str]  # items 1 to 8
    official: Official  # who signs item 10
    capacity: str  # the official's
    authority: str  # the letterhead of the e-apostille page
    extras: list[tuple[str, str]]  # document type, holder, pages...
    code: str  # the verification code
    site: str

    def label(self, row: int, languages: tuple[str, ...]) -> str:
        return " / ".join(LABELS[lang][row] for lang in (self.labels, *languages))


def _apostille(g: Grant, signer: tuple[str, Official], officials: list[Official], holder: str,
               rng: random.Random) -> Apostille:
    """The apostille of the diploma: item 2 is the official who signed it (or, in Colombia, the Ministry of
    Education's, who certified that signature first), item 10 the one who apostilles (`officials[0]`)."""
    capacity, person = signer
    official, u = officials[0], g.university
    if g.key == "colombia":
        signed_by, acting, seal = person.name.upper(), capacity, u.name.upper()
        if rng.random() < 0.3:
            clerk = officials[1]
            signed_by, seal = clerk.name.upper(), "MINISTERIO DE EDUCACIÓN NACIONAL"
            acting = (f"Profesional {'Especializada' if clerk.female else 'Especializado'} – Ministerio de "
                      "Educación Nacional")
        number = f"A{rng.choice('BCDFGHJK')}{rng.choice('LMNPQRST')}{_digits(rng, 9)}"
        ministry = ("Ministerio de Relaciones Exteriores de Colombia – Grupo Interno de Trabajo de Apostilla y "
                    "Legalizaciones")
        values = ["Colombia", signed_by, acting, seal, "Bogotá D.C.", "", ministry, number]
        extras = [("Tipo de documento", "Diploma"), ("Nombre del titular", holder),
                  ("Número de hojas apostilladas", "1")]
        code = "-".join(_digits(rng, 4) for _ in range(3))
        return Apostille(g.key, "es", rng.choice(("APOSTILLE", "APOSTILLA")), values, official,
                         _role("Coordinador", official.female) + " de Apostilla y Legalizaciones",
                         "MINISTERIO DE RELACIONES EXTERIORES", extras, code, "www.cancilleria.gov.co/apostilla")
    if g.key == "brasil":
        office = rng.choice((f"{rng.randint(1, 26)}º Tabelionato de Notas de {u.town}",
                             (f"Oficial de Registro Civil das Pessoas Naturais do {rng.randint(1, 9)}º Subdistrito de "
                              f"{u.town}")))
        role = _role(rng.choice(("Escrevente Autorizado", "Tabelião")), official.female)
        number = rng.choice((f"{_digits(rng, 7)}/{rng.choice('ABCDEFGH')}{rng.choice('ABCDEFGH')}",
                             f"{rng.choice(('AA', 'AB', 'BA', 'CB'))}{_digits(rng, 8)}"))
        values = ["República Federativa do Brasil", person.name, capacity, u.name, f"{u.town}/{u.state}", "",
                  f"{official.name}, {role} – {office}", number]
        code = "".join(rng.choice("0123456789ABCDEF") for _ in range(16))
        return Apostille(g.key, "br", rng.choice(("APOSTILA", "APOSTILLE")), values, official, role, office.upper(),
                         [("Tipo de documento", "Diploma"), ("Nome do titular", holder)],
                         "-".join(code[i:i + 4] for i in range(0, 16, 4)), "www.cnj.jus.br/apostila")
    office, town = rng.choice((("Procuradoria-Geral da República", "Lisboa"),
                               ("Procuradoria-Geral Regional do Porto", "Porto"),
                               ("Procuradoria-Geral Regional de Coimbra", "Coimbra")))
    values = ["Portugal", person.name, capacity, u.name, town, "", office,
              f"{rng.randint(100, 29999)}/{g.issued.year + rng.randint(0, 1)}"]
    return Apostille(g.key, "pt", "APOSTILLE", values, official, _role("Procurador da República", official.female),
                     office.upper(), [], "", "")


def _apostille_rows(a: Apostille, day: str, languages: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(number, label, value) for the ten items, and ("", the model's connecting line, "") between them."""
    values = a.values[:5] + [day] + a.values[6:] + ["", ""]
    rows: list[tuple[str, str, str]] = []
    for n, row in enumerate(ITEMS, start=1):
        if n in (2, 5):
            rows.append(("", a.label(row - 1, languages), ""))
        rows.append((f"{n}.", a.label(row, languages), values[n - 1]))
    return rows


def _stamp_apostille(sheet: Sheet, a: Apostille, day: str, x: float, y: float, width: float, font: FontKey,
                     ink: Color, rng: random.Random) -> float:
    """The apostille as a rectangular stamp, its blanks filled in by a printer; returns the y under it."""
    typed = bold(FontKey(rng.choice(("mono", "condensed", font.family))))
    italic = FontKey(font.family, italic=True)
    top = y
    sheet.add(Text(x + width / 2, y + 8, a.heading, 14, bold(font), ink, "center"),
              Text(x + width / 2, y + 13, CONVENTION, 8, italic, ink, "center"))
    y += 20
    rows = _apostille_rows(a, day, ())
    i = 0
    while i < len(rows):
        number, label, value = rows[i]
        if not number:  # the model's connecting line
            sheet.add(Text(x + width / 2, y, label, 8.5, italic, ink, "center"))
            y += 5
            i += 1
            continue
        heads = [f"{number} {label}:"]
        values = [value]
        if number in ("5.", "9."):  # side by side as the model prints them, when they hold on one line
            nxt = rows[i + 1]
            pair = (f"{nxt[0]} {nxt[1]}:", nxt[2])
            if all(text_width_mm(t, font, 8.5) + text_width_mm(v, typed, 9) + 4 < width / 2 - 6
                   for t, v in ((heads[0], value), pair)):
                heads.append(pair[0])
                values.append(pair[1])
                i += 1
        xx = x + 6
        for head, val in zip(heads, values):
            sheet.add(Text(xx, y, head, 8.5, font, ink))
            start = xx + text_width_mm(head, font, 8.5) + 2
            lines = wrap(val, typed, 9, x + width - 6 - start) if val else []
            if len(lines) > 1:  # a long value under its label
                lines = wrap(val, typed, 9, width - 18)
                for k, line in enumerate(lines):
                    sheet.add(Text(x + 12, y + 4.4 * (k + 1), line, 9, typed))
                y += 4.4 * len(lines)
            elif lines:
                sheet.add(Text(start, y, lines[0], 9, typed))
            xx = x + width * 0.5
        y += 5.2
        i += 1
    _round_seal(sheet, x + width * 0.25, y + 10, 10, (a.values[0].upper(), "APOSTILLE", "* * *"), font, ink)
    _scribble(sheet, x + width * 0.58, y + 9, width * 0.3, PEN, rng)
    sheet.add(Text(x + width * 0.73, y + 16, a.official.name, 8, font, align="center"),
              Text(x + width * 0.73, y + 19.5, a.capacity, _fit(a.capacity, font, 7, width * 0.46, 5), font, GREY,
                   "center"))
    y += 24
    sheet.add(Box(x, top, width, y - top, stroke=ink, width=0.6))
    return y


def _page_apostille(sheet: Sheet, a: Apostille, day: str, font: FontKey, ink: Color, rng: random.Random,
                    languages: tuple[str, ...]) -> None:
    """The authority's e-apostille page: its letterhead, the ten items in a ruled table, the holder and document,
    the verification code beside a QR code, the disclaimer."""
    left, right = 20.0, sheet.width - 20
    sheet.add(Box(0, 0, sheet.width, 30, fill=ink, stroke=None),
              Text(left, 14, a.authority, _fit(a.authority, bold(font), 12, right - left, 7), bold(font),
                   (255, 255, 255)),
              Text(left, 21, {"colombia": "República de Colombia", "brasil": "República Federativa do Brasil",
                              "portugal": "República Portuguesa"}[a.key], 9, font, (235, 235, 235)))
    y = 44.0
    sheet.add(Text(sheet.width / 2, y, a.heading, 18, bold(font), ink, "center"),
              Text(sheet.width / 2, y + 6.5, CONVENTION, 9.5, FontKey(font.family, italic=True), align="center"))
    y += 14
    split = left + 72
    for number, label, value in _apostille_rows(a, day, languages):
        if not number:
            sheet.add(Box(left, y, right - left, 6.5, fill=(236, 236, 236), stroke=(180, 180, 180), width=0.2),
                      Text(left + 3, y + 4.6, label, 8, FontKey(font.family, italic=True)))
            y += 6.5
            continue
        size = 7.5 if languages else 8.5
        label_lines = wrap(f"{number} {label}", font, size, split - left - 4)
        value_lines = wrap(value, bold(font), 9.5, right - split - 4) if value else []
        height = max(len(label_lines) * size * 0.44, len(value_lines) * 4.4) + 3
        if number in ("9.", "10."):
            height = 24
        sheet.add(Box(left, y, right - left, height, stroke=(180, 180, 180), width=0.2),
                  Rule(split, y, split, y + height, 0.2, (180, 180, 180)))
        for k, line in enumerate(label_lines):
            sheet.add(Text(left + 2, y + 4.2 + k * size * 0.44, line, size, font))
        for k, line in enumerate(value_lines):
            sheet.add(Text(split + 3, y + 4.6 + k * 4.4, line, 9.5, bold(font)))
        if number == "9.":
            _round_seal(sheet, split + 20, y + 12, 10, (a.values[0].upper(), "APOSTILLE", "* * *"), font, ink)
        if number == "10.":
            _scribble(sheet, split + 6, y + 11, 36, PEN, rng)
            sheet.add(Text(split + 50, y + 9, a.official.name,
                           _fit(a.official.name, bold(font), 9, right - split - 52, 6), bold(font)),
                      Text(split + 50, y + 13.5, a.capacity, _fit(a.capacity, font, 8, right - split - 52, 5.5), font,
                           GREY))
        y += height
    y += 6
    block = y
    for label, value in a.extras:
        sheet.add(Text(left, y, f"{label}: {value}", 9.5, font))
        y += 5
    if a.code:  # the verification code, and a QR code at the right of the block
        _qr(sheet, right - 27, block - 4, 26, rng)
        sheet.add(Text(left, y + 2, f"{'Código de verificación' if a.labels == 'es' else 'Código de verificação'}: "
                                    f"{a.code}", 9.5, bold(font)),
                  Text(left, y + 7, ("Verifique la autenticidad de esta apostilla en " if a.labels == "es"
                                     else "Verifique a autenticidade desta apostila em ") + a.site, 8.5, font, GREY))
        y = max(y + 12, block + 25)
    y = max(y + 4, sheet.height - 44)
    italic = FontKey(font.family, italic=True)
    for line in wrap(DISCLAIMER["es" if a.labels == "es" else "pt"], italic, 7.5, right - left):
        sheet.add(Text(left, y, line, 7.5, italic, GREY))
        y += 3.4
    sheet.add(Text(right, sheet.height - 12, rng.choice(("Página 1 de 1", "1/1", "")), 8, font, GREY, "right"))


def _verso(g: Grant, a: Apostille, day: dt.date, registry: list[str], look: Look, rng: random.Random) -> Sheet:
    """The second page: the apostille as a stamp on the diploma's verso (under a Brazilian registration, if the
    verso carries it), or the authority's e-apostille page."""
    sheet = Sheet(background=(255, 255, 255))
    said = g.speech.say(day, rng.choice(("slash", "long")))
    if not registry and rng.random() < 0.55:
        languages = rng.choice(((), ("en",), ("en", "fr")))
        _page_apostille(sheet, a, said, look.font, look.ink, rng, languages)
        return sheet
    y = rng.uniform(18, 40)
    if registry:
        box_top = y
        y += 6
        for line in registry:
            for part in wrap(line, look.font, 9, 150):
                sheet.add(Text(30, y, part, 9, look.font))
                y += 4.3
        _scribble(sheet, 120, y + 8, 34, PEN, rng)
        sheet.add(Text(135, y + 15, _role("Diretor de Registro de Diplomas", rng.random() < 0.5), 8, look.font, GREY,
                       "center"))
        sheet.add(Box(25, box_top, 160, y + 20 - box_top, stroke=GREY, width=0.3))
        y += 30
    width = rng.uniform(105, 130)
    x = rng.choice((20.0, (sheet.width - width) / 2, sheet.width - 20 - width))
    _stamp_apostille(sheet, a, said, x, y, width, look.font, rng.choice(SEAL_INKS), rng)
    return sheet


# The piece ---------------------------------------------------------------------------------------------------------

def _country(facts: DossierFacts, rng: random.Random) -> str:
    options = WHERE.get(facts.person.country.code)
    if not options:
        return rng.choice(("colombia", "brasil", "portugal"))
    return rng.choices([k for k, _ in options], [w for _, w in options])[0]


def titulo_apostille(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, d = facts.person, facts.diploma
    key = _country(facts, rng)
    degree = _degree(d.title)
    title, program = _title(key, degree, person.sex == "F", rng)
    speech = Speech("es" if key == "colombia" else "pt", key == "brasil")
    level = degree.pt_level or degree.level
    options = UNIVERSITIES[key]
    if key == "portugal":
        options = tuple(u for u in options if (u.kind == "politecnico") == (level == "tecnico")) or options
    university = rng.choice(options)
    faculty = POLYTECHNIC_SCHOOL if university.kind == "politecnico" else FACULTIES[key][degree.school]
    award = d.award_date
    issued = award if key == "colombia" else _after(award, facts.reference_date, 20, 260, rng)
    registered = _after(issued, facts.reference_date, 5, 80, rng) if key == "brasil" else issued
    style = rng.choice(("words", "digits", "long", "slash")) if key != "portugal" else rng.choice(
        ("words", "long", "long", "slash"))
    g = Grant(key, speech, university, faculty, degree, title, program, person, d.given_names, award, issued,
              registered, style, rng.choice(("long", "slash")))
    people = _officials(key, person, d.given_names, 5, rng)  # the diploma's three, the apostille's two
    blocks, signs, foot = WORDINGS[key](g, people, rng)
    look = _look(g, rng)
    apostilled = rng.random() < 0.67
    verso_registry = key == "brasil" and apostilled and rng.random() < 0.5
    sheets = [_diploma_sheet(g, blocks, signs, [] if verso_registry else foot, look, rng)]
    if apostilled:  # the apostille certifies the secretary's (the Portuguese rector's) signature
        signer = next((caption, official) for caption, official in signs if official is not None and
                      (key == "portugal" or caption.startswith(("Secret", "Pró"))))
        holder = f"{d.given_names} {person.surname}".upper()
        apostille = _apostille(g, signer, people[3:], holder, rng)
        day = _after(max(issued, registered), facts.reference_date, 10, 700, rng)
        sheets.append(_verso(g, apostille, day, foot if verso_registry else [], look, rng))
    fields: dict[str, FieldValue] = {"holder_surname": person.surname, "holder_given_names": d.given_names,
                                     "title": title, "award_date": award.isoformat()}
    return BuiltPiece("diploma", "diploma:titulo_apostille", fields, sheets=sheets)

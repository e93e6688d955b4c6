"""Fresh diploma family `notarial_certificate_china` (fourteenth wave, `Fresh.wave` 13): the notarised English
translation a Chinese notary public office issues for a university degree, as a Chinese graduate sends it abroad —
not the diploma itself but the notary's booklet.

Its pages, all in English (the OCR reads French and English: no Chinese characters are printed, only the bracketed
placeholders translations use, "[Photo]", "[Seal of Tongji University]", "(Chinese characters)"):
- the notarial certificate: "NOTARIAL CERTIFICATE", its number "(2024) Hu Dong Zheng Wai Zi No. 12345" (the year,
  the province's and the office's syllables, "Zheng Wai Zi" / "Nei Jing Zheng Zi"), "Applicant: ZHANG Wei, female,
  born on March 5, 1996, Citizen Identity Card No.: 3101…" (an address, an agent — a parent — on some), "Subject:" /
  "Notarial Matter:" the graduation and degree certificates, then "This is to certify that the photocopy of the …
  attached hereto is in conformity with the original, and the seal of … on the original is true" (or "… held by the
  applicant was issued by …", the signatures of the president and the chairman named on some), the office, "Shanghai,
  the People's Republic of China", "Notary Public: …" with a pen signature, the office's red round seal and the date
  of notarisation;
- the translation of the graduation certificate: "[Photo]", "Graduation Certificate", "Student ZHANG Wei, gender
  female, born on …, studied in the major of Civil Engineering from September 2015 to June 2019 in the four-year
  undergraduate program, has completed all the courses … and is hereby granted graduation", "President: …", the
  university "(Seal)", "Certificate No.: 1024712019050…", its date (the graduation, on or a few days before the degree)
  and the CHSI verification address on some;
- the translation of the degree certificate: "Bachelor's Degree Certificate" / "Master's Degree Certificate", "…,
  female, born on …, has studied in the major of … at … and completed the four-year undergraduate program … In
  accordance with the Regulations of the People's Republic of China on Academic Degrees (the Academic Degrees Law
  from 2025), she is hereby conferred the degree of" and the title on its own line (inline in the sentence on some),
  "Chairman of the Academic Degree Evaluation Committee of …: …", "Certificate No.: 1024742019…", its date.
Each translation page ends with the notary's note that the translation is in conformity with the Chinese original
(a translator named on some), the notarial number at its top.

Three sub-layouts: `booklet` (the certificate, then one page per certificate translated, in prose: 2-3 pages),
`form` (the certificate as a ruled table of applicant and matter, then both certificates on one page as framed
forms of "Name / Gender / Date of Birth" rows: 2 pages), `appended` (the translations first, both on one page, the
notarial certificate last: 2 pages). The degree certificate is always there; the graduation certificate on most.

Names: a Chinese holder surname first ("ZHANG Wei", "ZHANG WEI") on some seeds, given names first ("Wei ZHANG") on
others, always with the facts' surname and given names as they are; another holder given names first.

Truth as the other diploma families: the holder, the title (the facts' English title as printed; a French degree of
the facts printed as a Chinese university words its equivalent, "Bachelor of Engineering", "Master of Science",
which the truth takes), the award date: the degree certificate's date. Distractors: the birth date, the study period,
the graduation certificate's date, the notarisation date, the agent's birth date, the identity card, certificate and
notarial numbers, the notary's, the president's, the chairman's, the translator's and the agent's names.

Drawn for workers from China; with nothing else allowed, for anyone (a foreign student of a Chinese university)."""
from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass

from synth.facts import DossierFacts
from synth.fonts import FontKey, text_width_mm
from synth.layout import Box, Color, Rule, Sheet, Text, wrap
from synth.pieces.base import BuiltPiece, FieldValue, bold
from synth.pieces.fresh_diploma_band import _fit
from synth.pieces.fresh_diploma_titre_pro import _scribble

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
BLACK: Color = (0, 0, 0)
GREY: Color = (85, 85, 85)
RED: Color = (200, 30, 35)
PEN: Color = (25, 30, 95)
W, H = 210.0, 297.0


@dataclass(frozen=True)
class Univ:
    name: str
    city: str
    code: str  # the ministry's five-digit code, the head of its certificate numbers
    domains: str  # "eng sci econ mgmt law med", or "*"


UNIVERSITIES: tuple[Univ, ...] = (
    Univ("Tongji University", "Shanghai", "10247", "eng sci econ mgmt"),
    Univ("Fudan University", "Shanghai", "10246", "*"),
    Univ("East China Normal University", "Shanghai", "10269", "sci econ mgmt law"),
    Univ("Shanghai University of Finance and Economics", "Shanghai", "10272", "econ mgmt law"),
    Univ("Peking University", "Beijing", "10001", "*"),
    Univ("Beijing Jiaotong University", "Beijing", "10004", "eng sci econ mgmt"),
    Univ("Renmin University of China", "Beijing", "10002", "econ mgmt law"),
    Univ("Beijing University of Posts and Telecommunications", "Beijing", "10013", "eng mgmt"),
    Univ("Wuhan University", "Wuhan", "10486", "*"),
    Univ("Huazhong University of Science and Technology", "Wuhan", "10487", "*"),
    Univ("Zhongnan University of Economics and Law", "Wuhan", "10520", "econ mgmt law"),
    Univ("Sichuan University", "Chengdu", "10610", "*"),
    Univ("Southwestern University of Finance and Economics", "Chengdu", "10651", "econ mgmt"),
    Univ("University of Electronic Science and Technology of China", "Chengdu", "10614", "eng sci mgmt"),
    Univ("Sun Yat-sen University", "Guangzhou", "10558", "*"),
    Univ("South China University of Technology", "Guangzhou", "10561", "eng sci mgmt"),
    Univ("Jinan University", "Guangzhou", "10559", "econ mgmt sci med"),
    Univ("Nanjing University", "Nanjing", "10284", "*"),
    Univ("Zhejiang University", "Hangzhou", "10335", "*"),
    Univ("Xi'an Jiaotong University", "Xi'an", "10698", "*"),
)

# the notary public offices of a city: (name, the syllables of its notarial numbers)
OFFICES: dict[str, tuple[tuple[str, str], ...]] = {
    "Shanghai": (("Shanghai Oriental Notary Public Office", "Hu Dong Zheng Wai Zi"),
                 ("Shanghai Xuhui Notary Public Office", "Hu Xu Zheng Wai Zi"),
                 ("Shanghai Pudong Notary Public Office", "Hu Pu Zheng Wai Zi")),
    "Beijing": (("Beijing Fangyuan Notary Public Office", "Jing Fang Yuan Nei Jing Zheng Zi"),
                ("Beijing Changan Notary Public Office", "Jing Chang An Nei Jing Zheng Zi"),
                ("Beijing Zhongxin Notary Public Office", "Jing Zhong Xin Nei Jing Zheng Zi")),
    "Wuhan": (("Wuhan Notary Public Office of Hubei Province", "E Han Zheng Wai Zi"),
              ("Hubei Province Wuhan Jianghan Notary Public Office", "E Han Jiang Zheng Wai Zi")),
    "Chengdu": (("Chengdu Shudu Notary Public Office of Sichuan Province", "Chuan Rong Shu Zheng Wai Zi"),
                ("Chengdu Tianfu Notary Public Office", "Chuan Rong Tian Zheng Wai Zi")),
    "Guangzhou": (("Guangzhou Notary Public Office of Guangdong Province", "Yue Sui Guang Zheng Wai Zi"),
                  ("Guangzhou Nanyue Notary Public Office", "Yue Sui Nan Yue Zheng Wai Zi")),
    "Nanjing": (("Nanjing Notary Public Office of Jiangsu Province", "Su Ning Zheng Wai Zi"),),
    "Hangzhou": (("Hangzhou Notary Public Office of Zhejiang Province", "Zhe Hang Zheng Wai Zi"),),
    "Xi'an": (("Xi'an Notary Public Office of Shaanxi Province", "Shaan Xi Zheng Wai Zi"),),
}
# the first six digits of a resident identity card, and streets, by city
AREAS = {"Shanghai": ("310104", "310110", "310115"), "Beijing": ("110105", "110108", "110102"),
         "Wuhan": ("420106", "420111", "420103"), "Chengdu": ("510104", "510107", "510108"),
         "Guangzhou": ("440106", "440105", "440104"), "Nanjing": ("320102", "320106"), "Hangzhou": ("330106",),
         "Xi'an": ("610113", "610103")}
STREETS = {"Shanghai": ("Siping Road, Yangpu District", "Zhaojiabang Road, Xuhui District",
                        "Zhangyang Road, Pudong New Area"),
           "Beijing": ("Chaoyang North Road, Chaoyang District", "Xueyuan Road, Haidian District",
                       "Jiaodaokou South Street, Dongcheng District"),
           "Wuhan": ("Luoyu Road, Hongshan District", "Jiefang Avenue, Jianghan District"),
           "Chengdu": ("Renmin South Road, Wuhou District", "Shuangqing Road, Chenghua District"),
           "Guangzhou": ("Tianhe Road, Tianhe District", "Xingang West Road, Haizhu District"),
           "Nanjing": ("Hankou Road, Gulou District",), "Hangzhou": ("Tianmushan Road, Xihu District",),
           "Xi'an": ("Xianning West Road, Beilin District",)}

# the facts' degree -> (the degree a Chinese university confers, the major) as the translation words them; the
# facts' English titles are printed as they are, with the major they name
CHINESE_TITLES: dict[str, tuple[tuple[str, str], ...]] = {
    "Master Ingénierie des systèmes complexes": (("Master of Engineering", "Control Science and Engineering"),
                                                 ("Master of Engineering", "Systems Engineering")),
    "Licence professionnelle Métiers de la gestion": (("Bachelor of Management", "Business Administration"),
                                                      ("Bachelor of Management", "Administrative Management")),
    "Diplôme d'ingénieur en informatique et réseaux": (("Bachelor of Engineering", "Network Engineering"),
                                                       ("Bachelor of Engineering", "Computer Science and Technology"),
                                                       ("Master of Engineering", "Computer Technology")),
    "Master Management international": (("Master of Management", "Business Management"),
                                        ("Master of International Business", "International Business")),
    "BTS Comptabilité et gestion": (("Bachelor of Management", "Accounting"),
                                    ("Bachelor of Management", "Financial Management")),
    "Licence Économie et gestion": (("Bachelor of Economics", "Economics"),
                                    ("Bachelor of Economics", "International Economics and Trade")),
    "Master Chimie analytique": (("Master of Science", "Analytical Chemistry"),),
    "Diplôme d'État d'infirmier": (("Bachelor of Science", "Nursing"),),
}
MAJORS_EN = {"Bachelor of Commerce": ("International Economics and Trade", "Business Administration")}

# people named beside the holder: never the holder's names
OFFICIAL_SURNAMES = ("Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song",
                     "Tang", "Han", "Feng", "Deng", "Cao", "Peng", "Zeng", "Jiang", "Shen", "Yang", "Wu", "Qian")
OFFICIAL_GIVEN = ("Jianguo", "Hongmei", "Lijun", "Xiaoming", "Weidong", "Yongxin", "Shuping", "Zhenhua", "Haiyan",
                  "Qingsong", "Dongmei", "Xiaoyan", "Jianhua", "Guohua", "Yanping", "Hui", "Lei", "Min", "Zhigang",
                  "Wenbo", "Chunlei", "Shufen", "Yiming", "Kaiwen")
FATHERS = ("Jianguo", "Guoqiang", "Weimin", "Zhiyong", "Jianjun", "Hongwei", "Dejun")
MOTHERS = ("Guilan", "Shuying", "Lihua", "Xiuzhen", "Meifang", "Yufen")
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}


def studied_in_china(facts: DossierFacts) -> bool:
    """A worker from China: the notarised translation of a Chinese university's certificates."""
    return facts.person.country.code == "CHN"


# The degree -----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Degree:
    title: str  # the truth
    major: str
    master: bool
    years: int
    domain: str  # "eng", "sci", "econ", "mgmt", "law", "med"

    @property
    def kind(self) -> str:
        return "Master's" if self.master else "Bachelor's"

    @property
    def program(self) -> str:
        """"four-year undergraduate program", "three-year master's program"."""
        return (f"{NUMBER_WORDS[self.years]}-year " +
                ("master's program" if self.master else "undergraduate program"))


def _degree(facts: DossierFacts, rng: random.Random) -> Degree:
    d = facts.diploma
    if d.title in CHINESE_TITLES:
        title, major = rng.choice(CHINESE_TITLES[d.title])
    elif d.english or d.title.startswith(("Bachelor", "Master")):
        title = d.title
        branch = title.partition(" in ")[2]
        major = branch or rng.choice(MAJORS_EN.get(title, ("Economics",)))
    else:
        title, major = "Bachelor of Engineering", "Mechanical Engineering"
    low = f"{title} {major}".lower()
    if "nursing" in low:
        domain = "med"
    elif "relations" in low or "law" in low:
        domain = "law"
    elif "engineering" in low or "technology" in low:
        domain = "eng"
    elif "economics" in low or "commerce" in low or "trade" in low:
        domain = "econ"
    elif "management" in low or "business" in low or "accounting" in low:
        domain = "mgmt"
    else:
        domain = "sci"
    master = title.startswith("Master")
    years = rng.choice((2, 3)) if master and ("Business" in title or "Technology" in major) else 3 if master else 4
    return Degree(title, major, master, years, domain)


# Words, dates, numbers ------------------------------------------------------------------------------------------

def _say(d: dt.date, style: str) -> str:
    month = MONTHS[d.month - 1]
    return f"{month} {d.day}, {d.year}" if style == "mdy" else f"{d.day} {month} {d.year}"


def _month(d: dt.date) -> str:
    return f"{MONTHS[d.month - 1]} {d.year}"


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def _id_card(city: str, born: dt.date, female: bool, rng: random.Random) -> str:
    """A resident identity card number: the area, the birth date, a sequence (even for a woman), its check digit."""
    seq = rng.randint(0, 499) * 2 + (0 if female else 1)
    body = f"{rng.choice(AREAS.get(city, AREAS['Shanghai']))}{born:%Y%m%d}{seq:03d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]


@dataclass(frozen=True)
class Name:
    surname: str  # "Chen"
    given: str  # "Jianguo"

    def show(self, surname_first: bool, caps: bool) -> str:
        surname = self.surname.upper() if caps else self.surname
        return f"{surname} {self.given}" if surname_first else f"{self.given} {surname}"


def _official(avoid: set[str], rng: random.Random) -> Name:
    surname = rng.choice([s for s in OFFICIAL_SURNAMES if s.upper() not in avoid])
    given = rng.choice([g for g in OFFICIAL_GIVEN if g.upper() not in avoid])
    avoid |= {surname.upper(), given.upper()}
    return Name(surname, given)


# The grant ------------------------------------------------------------------------------------------------------

@dataclass
class Grant:
    facts: DossierFacts
    degree: Degree
    univ: Univ
    holder: str  # as printed
    female: bool
    style: str  # "mdy" or "dmy"
    award: dt.date
    graduated: dt.date  # the graduation certificate's date
    start: dt.date  # the month the studies began
    notarised: dt.date
    office: str
    city: str
    number: str  # the notarial certificate's number
    grad_no: str
    degree_no: str
    notary: str
    president: str
    chairman: str
    translator: str
    surname_first: bool
    caps: bool

    def say(self, d: dt.date) -> str:
        return _say(d, self.style)

    @property
    def he(self) -> str:
        return "she" if self.female else "he"

    @property
    def gender(self) -> str:
        return "female" if self.female else "male"

    @property
    def period(self) -> str:
        return f"from {_month(self.start)} to {_month(self.graduated)}"


def _fits(univ: Univ, degree: Degree) -> bool:
    return univ.domains == "*" or degree.domain in univ.domains.split()


def _dates(facts: DossierFacts, degree: Degree, rng: random.Random) -> tuple[dt.date, dt.date, dt.date]:
    """(the graduation certificate's date, the first month of study, the notarisation): the graduation on the day of
    the degree or a few days before, the studies from a September, the notary's day after the degree and before the
    dossier was sent."""
    award = facts.diploma.award_date
    graduated = award if rng.random() < 0.4 else award - dt.timedelta(days=rng.randint(1, 12))
    start_year = graduated.year - degree.years - (1 if graduated.month < 6 else 0)
    start = dt.date(start_year, 9, 1)
    room = (facts.reference_date - award).days
    if room <= 4:
        notarised = award + dt.timedelta(days=max(0, room - 1))
    else:
        notarised = facts.reference_date - dt.timedelta(days=rng.randint(3, max(3, min(room - 1, 330))))
    return graduated, start, notarised


def _grant(facts: DossierFacts, degree: Degree, rng: random.Random) -> Grant:
    person, d = facts.person, facts.diploma
    chinese = person.country.code == "CHN"
    home = person.birth_city.title() if chinese else ""
    fitting = [u for u in UNIVERSITIES if _fits(u, degree)]
    near = [u for u in fitting if u.city == home]
    univ = rng.choice(near if near and rng.random() < 0.6 else fitting)
    city = home if home in OFFICES and rng.random() < 0.6 else univ.city
    office, syllables = rng.choice(OFFICES[city])
    graduated, start, notarised = _dates(facts, degree, rng)
    number = f"({notarised.year}) {syllables} No. {rng.randint(1, 29999):0{rng.choice((4, 5, 5))}d}"
    surname_first = chinese and rng.random() < 0.6
    caps = rng.random() < 0.25
    surname = person.surname.upper()
    given = d.given_names.upper() if caps else d.given_names
    holder = f"{surname} {given}" if surname_first else f"{given} {surname}"
    avoid = {surname, *d.given_names.upper().split(), *person.given_names.upper().split()}
    names = [_official(avoid, rng) for _ in range(4)]
    shown = [n.show(surname_first or rng.random() < 0.5, caps and rng.random() < 0.5) for n in names]
    level = "3" if degree.master else "4"  # the degree's level in its number: bachelor, master
    grad_no = f"{univ.code}{'2' if degree.master else '1'}{graduated.year}{_digits(rng, 8)}"
    degree_no = f"{univ.code}{level}{d.award_date.year}{_digits(rng, 6)}"
    notary, president, chairman, translator = shown
    return Grant(facts, degree, univ, holder, person.sex == "F", rng.choice(("mdy", "mdy", "mdy", "dmy")),
                 d.award_date, graduated, start, notarised, office, city, number, grad_no, degree_no, notary,
                 president, chairman, translator, surname_first, caps)


# Drawing --------------------------------------------------------------------------------------------------------

Block = tuple  # (kind, *arguments)


class _Page:
    """Blocks laid down a text column, shrunk until they fit between `top` and `bottom`."""

    def __init__(self, sheet: Sheet, font: FontKey, left: float, right: float, top: float, bottom: float):
        self.sheet, self.font, self.left, self.right, self.top, self.bottom = sheet, font, left, right, top, bottom

    def lay(self, blocks: list[Block]) -> None:
        mark = len(self.sheet.elements)
        for scale in (1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6):
            del self.sheet.elements[mark:]
            if self._lay(blocks, scale) <= self.bottom:
                return

    def _para(self, y: float, text: str, size: float, font: FontKey, align: str = "left", color: Color = BLACK,
              indent: float = 0.0, left: float | None = None, lead: float = 1.5) -> float:
        x0 = self.left if left is None else left
        width = self.right - x0 - indent
        step = size * 0.3528 * lead
        for line in wrap(text, font, size, width):
            y += step
            x = {"left": x0 + indent, "center": (x0 + self.right) / 2, "right": self.right}[align]
            self.sheet.add(Text(x, y, line, size, font, color, align))  # type: ignore[arg-type]
        return y + step * 0.3

    def _lay(self, blocks: list[Block], s: float) -> float:
        font, y = self.font, self.top
        frame_top = y
        for block in blocks:
            kind = block[0]
            if kind == "head":
                size = _fit(block[1], bold(font), 16 * s, self.right - self.left, 9)
                y = self._para(y + 2 * s, block[1], size, bold(font), "center") + 1.5 * s
            elif kind == "sub":
                y = self._para(y, block[1], 10 * s, font, "center")
            elif kind == "right":
                y = self._para(y, block[1], 10 * s, font, "right")
            elif kind == "para":
                y = self._para(y, block[1], 11 * s, font, indent=block[2] if len(block) > 2 else 0.0) + 1.5 * s
            elif kind == "title":
                size = _fit(block[1], bold(font), 14 * s, self.right - self.left, 8.5)
                y = self._para(y + 1.5 * s, block[1], size, bold(font), "center") + 1.5 * s
            elif kind == "note":
                y = self._para(y, block[1], 9 * s, FontKey(font.family, italic=True), block[2] if len(block) > 2
                               else "left", GREY)
            elif kind == "line":
                y = self._para(y, block[1], 10.5 * s, font, block[2] if len(block) > 2 else "left")
            elif kind == "gap":
                y += block[1] * s
            elif kind == "pair":
                y = self._pair(y, block[1], block[2], block[3] if len(block) > 3 else 38.0, s)
            elif kind == "table":
                y = self._table(y, block[1], s)
            elif kind == "photo":
                self.sheet.add(Box(self.left, y + 2, 24 * s, 31 * s, stroke=GREY, width=0.3),
                               Text(self.left + 12 * s, y + 2 + 16 * s, "[Photo]", 8 * s,
                                    FontKey(font.family, italic=True), GREY, "center"))
                if len(block) > 1:
                    self._para(y + 2 + 31 * s, block[1], 7 * s, FontKey(font.family, italic=True), color=GREY)
                y += (block[2] if len(block) > 2 else 40) * s
            elif kind == "sign":  # ("sign", office, name, seed or None): the name in the right half, a pen
                line = f"{block[1]}{block[2]}"  # signature after it when the seed is given
                x = self._half(line, font, 10.5 * s)
                y = self._para(y, line, 10.5 * s, font, left=x)
                if block[3] is not None:
                    _scribble(self.sheet, x + text_width_mm(line, font, 10.5 * s) + 4, y - 3, 16 * s, PEN,
                              random.Random(block[3]))
            elif kind == "rside":  # a line in the right half (further left when it is long)
                face = bold(font) if len(block) > 2 and block[2] else font
                y = self._para(y, block[1], 10.5 * s, face, left=self._half(block[1], face, 10.5 * s))
            elif kind == "seal":  # ("seal", words, dx, dy): a red round seal, the text laid over it
                _seal(self.sheet, (self.left + self.right) / 2 + block[2], y + block[3], block[1], font)
            elif kind == "frame":
                frame_top = y
                y += 4 * s
            elif kind == "endframe":
                y += 3 * s
                self.sheet.add(Box(self.left - 5, frame_top, self.right - self.left + 10, y - frame_top,
                                   stroke=(110, 40, 40), width=0.9),
                               Box(self.left - 3.8, frame_top + 1.2, self.right - self.left + 7.6,
                                   y - frame_top - 2.4, stroke=(110, 40, 40), width=0.25))
                y += 4 * s
            elif kind == "rule":
                y += 2 * s
                self.sheet.add(Rule(self.left, y, self.right, y, 0.3, GREY))
                y += 1 * s
            elif kind == "grid":  # two label: value pairs to a line
                y = self._grid(y, block[1], s, block[2] if len(block) > 2 else 0.0)
        return y

    def _half(self, text: str, font: FontKey, size: float) -> float:
        """Where a line of the right half starts: the middle, or further left so that a date or a name holds on its
        line (a long office's name still wraps)."""
        x = (self.left + self.right) / 2 + 8
        width = text_width_mm(text, font, size)
        if x + width > self.right and width < (self.right - self.left) * 0.62:
            x = self.right - width - 1
        return x

    def _pair(self, y: float, label: str, value: str, label_w: float, s: float) -> float:
        size = 11 * s
        step = size * 0.3528 * 1.5
        lines = wrap(value, self.font, size, self.right - self.left - label_w)
        y += step
        self.sheet.add(Text(self.left, y, label, size, bold(self.font)))
        for k, line in enumerate(lines):
            self.sheet.add(Text(self.left + label_w, y + k * step, line, size, self.font))
        return y + (len(lines) - 1) * step + step * 0.45

    def _table(self, y: float, rows: list[tuple[str, str]], s: float) -> float:
        size = 10.5 * s
        step = size * 0.3528 * 1.45
        label_w = 42.0
        y += 2
        for label, value in rows:
            lines = wrap(value, self.font, size, self.right - self.left - label_w - 4)
            height = step * len(lines) + 3
            self.sheet.add(Box(self.left, y, label_w, height, fill=(238, 238, 238), stroke=(60, 60, 60), width=0.3),
                           Box(self.left + label_w, y, self.right - self.left - label_w, height, stroke=(60, 60, 60),
                               width=0.3),
                           Text(self.left + 2, y + step + 0.6, label, size, bold(self.font)))
            for k, line in enumerate(lines):
                self.sheet.add(Text(self.left + label_w + 2, y + step * (k + 1) + 0.6, line, size, self.font))
            y += height
        return y + 3

    def _grid(self, y: float, pairs: list[tuple[str, str]], s: float, left_pad: float) -> float:
        size = 10.5 * s
        step = size * 0.3528 * 1.6
        x0 = self.left + left_pad * s
        half = (self.right - x0) / 2
        for k in range(0, len(pairs), 2):
            y += step
            for j, (label, value) in enumerate(pairs[k:k + 2]):
                x = x0 + j * half
                head = f"{label}: "
                self.sheet.add(Text(x, y, head, size, bold(self.font)))
                room = half - 3 - text_width_mm(head, bold(self.font), size)
                self.sheet.add(Text(x + text_width_mm(head, bold(self.font), size), y, value,
                                    _fit(value, self.font, size, room, 6), self.font))
        return y + step * 0.4


def _seal(sheet: Sheet, cx: float, cy: float, words: str, font: FontKey) -> None:
    """A red round seal: two rings, a five-pointed star, the office's or university's name in small letters."""
    r = 19.0
    sheet.add(Box(cx - r, cy - r, 2 * r, 2 * r, stroke=RED, width=0.9, radius=r),
              Box(cx - r + 1.6, cy - r + 1.6, 2 * r - 3.2, 2 * r - 3.2, stroke=RED, width=0.25, radius=r - 1.6))
    pts = []
    for k in range(10):
        angle = -math.pi / 2 + k * math.pi / 5
        rad = 5.5 if k % 2 == 0 else 2.2
        pts.append((cx + rad * math.cos(angle), cy - 3 + rad * math.sin(angle)))
    for a, b in zip(pts, pts[1:] + pts[:1]):
        sheet.add(Rule(a[0], a[1], b[0], b[1], 0.45, RED))
    words = words.upper()
    half = len(words.split()) // 2 + 1
    for k, line in enumerate((" ".join(words.split()[:half]), " ".join(words.split()[half:]))):
        if line:
            sheet.add(Text(cx, cy + 6.5 + 3.4 * k, line, _fit(line, bold(font), 5.2, 2 * r - 8, 3), bold(font),
                           RED, "center"))


# The pages ------------------------------------------------------------------------------------------------------

def _applicant(g: Grant, rng: random.Random) -> tuple[str, list[tuple[str, str]]]:
    """(the applicant's line, the rows of a form) with the birth date and the identity document."""
    person = g.facts.person
    chinese = person.country.code == "CHN"
    if chinese and rng.random() < 0.8:
        doc = ("Citizen Identity Card No.", _id_card(person.birth_city.title(), person.birth_date, g.female, rng))
    else:
        doc = ("Passport No.", g.facts.passport.number)
    line = f"{g.holder}, {g.gender}, born on {g.say(person.birth_date)}"
    if not chinese:
        line += f", a citizen of the {person.country.name_en}".replace("the Ukraine", "Ukraine")
    line += f", {doc[0]}: {doc[1]}"
    if chinese and rng.random() < 0.45:
        street = rng.choice(STREETS.get(person.birth_city.title(), STREETS[g.city]))
        line += (f", residing at Room {rng.randint(1, 24)}0{rng.randint(1, 6)}, No. {rng.randint(1, 99)}, "
                 f"Lane {rng.randint(10, 1999)}, {street}, {person.birth_city.title()}")
    rows = [("Applicant", g.holder), ("Gender", g.gender.title()), ("Date of Birth", g.say(person.birth_date)),
            doc]
    return line + ".", rows


def _agent(g: Grant, rng: random.Random) -> str:
    """A parent applying for the graduate, who is abroad."""
    person = g.facts.person
    father = rng.random() < 0.6
    given = rng.choice([n for n in (FATHERS if father else MOTHERS)])
    surname = person.surname.upper() if father or rng.random() < 0.3 else rng.choice(OFFICIAL_SURNAMES).upper()
    name = f"{surname} {given}" if g.surname_first else f"{given} {surname}"
    born = person.birth_date.replace(year=person.birth_date.year - rng.randint(24, 32), day=min(person.birth_date.day,
                                                                                                 28))
    born = born.replace(month=rng.randint(1, 12))
    return (f"{name}, {'male' if father else 'female'}, born on {g.say(born)}, the applicant's "
            f"{'father' if father else 'mother'}.")


def _subjects(g: Grant, both: bool) -> tuple[str, str]:
    """(the certificates' names, "the … Certificate(s)")."""
    degree = f"{g.degree.kind} Degree Certificate"
    if both:
        return f"Graduation Certificate and {degree}", f"the Graduation Certificate and the {degree}"
    return degree, f"the {degree}"


def _certification(g: Grant, both: bool, rng: random.Random) -> list[str]:
    """The notary's certifying paragraphs."""
    _, things = _subjects(g, both)
    copies = "photocopies" if both else "photocopy"
    are, originals = ("are", "originals") if both else ("is", "original")
    variant = rng.choice(("copy", "copy", "issued", "signed"))
    if variant == "copy":
        text = (f"This is to certify that the {copies} of {things} attached hereto {are} in conformity "
                f"with the {originals}, and the seal of {g.univ.name} on the {originals} is true.")
    elif variant == "issued":
        holder = "her" if g.female else "him"
        text = (f"This is to certify that {things} held by the applicant {g.holder} {'were' if both else 'was'} "
                f"issued to {holder} by {g.univ.name}. The seal of {g.univ.name} affixed thereto is true. "
                f"The {copies} attached hereto {are} in conformity with the {originals}.")
    else:
        signers = f"the signature of {g.chairman}"
        if both:
            signers = f"the signatures of {g.president} and {g.chairman}"
        text = (f"This is to certify that the seal of {g.univ.name} and {signers} on {things} attached hereto "
                f"are true, and that the {copies} {are} in conformity with the {originals}.")
    texts = [text]
    if rng.random() < 0.7:
        texts.append(rng.choice((("The English translation attached hereto is in conformity with the Chinese "
                                 "original."),
                                 ("It is also certified that the attached English translation is in conformity with "
                                 "the Chinese original."))))
    return texts


def _office_block(g: Grant, seal_seed: int, rng: random.Random) -> list[Block]:
    place = rng.choice((f"{g.city}, the People's Republic of China", "The People's Republic of China"))
    label = rng.choice(("Notary Public: ", "Notary: "))
    # the office's seal stamped over the date, as the offices stamp it
    return [("gap", 12), ("rside", g.office, True), ("rside", place), ("gap", 3),
            ("sign", label, g.notary, seal_seed), ("gap", 3),
            ("seal", g.office, rng.uniform(36, 52), rng.uniform(-1, 4)), ("rside", g.say(g.notarised))]


def _cover(g: Grant, both: bool, form: bool, rng: random.Random) -> list[Block]:
    """The notarial certificate."""
    line, rows = _applicant(g, rng)
    matters, _ = _subjects(g, both)
    label = rng.choice(("Subject:", "Notarial Matter:", "Notarized Matter:"))
    blocks: list[Block] = []
    if rng.random() < 0.4:
        blocks.append(("right", "(Translation)"))
    blocks.append(("head", "NOTARIAL CERTIFICATE"))
    blocks.append(("sub" if rng.random() < 0.6 else "right", g.number))
    blocks.append(("gap", 8))
    if form:
        matter = rng.choice((f"Conformity of the photocopy with the original ({matters})", matters))
        agent = g.facts.person.country.code == "CHN" and rng.random() < 0.3
        table = rows + ([("Agent", _agent(g, rng).rstrip("."))] if agent else [])
        blocks.append(("table", table + [(label.rstrip(":"), matter)]))
    else:
        blocks.append(("pair", "Applicant:", line, 26.0))
        if g.facts.person.country.code == "CHN" and rng.random() < 0.35:
            blocks.append(("pair", "Agent:", _agent(g, rng), 26.0))
        blocks.append(("pair", label, matters, 40.0 if label != "Subject:" else 26.0))
    blocks.append(("gap", 8))
    for text in _certification(g, both, rng):
        blocks.append(("para", text, 8.0))
    return blocks + _office_block(g, rng.randrange(1 << 30), rng)


def _conformity(g: Grant, rng: random.Random) -> list[Block]:
    note = rng.choice((("This is to certify that the above English translation is in conformity with the Chinese "
                       "original."),
                       "The English translation is in conformity with the original Chinese document.",
                       f"Translation certified to be in conformity with the Chinese original by {g.office}."))
    blocks: list[Block] = [("gap", 10), ("rule",), ("note", note)]
    if rng.random() < 0.45:
        blocks.append(("note", f"Translator: {g.translator}"))
    return blocks


def _head_lines(g: Grant, rng: random.Random) -> list[Block]:
    return [("right", g.number), ("gap", 4)] if rng.random() < 0.75 else [("right", (f"Notarial Certificate "
                                                                                     f"{g.number}")), ("gap", 4)]


def _graduation(g: Grant, form: bool, rng: random.Random) -> list[Block]:
    """The graduation certificate translated: prose or a form of rows."""
    d = g.degree
    heading = rng.choice(("GRADUATION CERTIFICATE", "Graduation Certificate", "CERTIFICATE OF GRADUATION"))
    if d.master and rng.random() < 0.5:
        heading = "GRADUATION CERTIFICATE FOR GRADUATE STUDENTS"
    courses = rng.choice(("has completed all the courses stipulated in the teaching plan with satisfactory results",
                          "has completed all the required courses and passed all the examinations",
                          ("has completed all the courses as required by the teaching plan and passed the "
                          "examinations")))
    if d.master:
        courses += " and the defence of the thesis"
    student = "Graduate student" if d.master else "Student"
    granted = rng.choice(("is hereby granted graduation", "is allowed to graduate", "has graduated"))
    blocks: list[Block] = []
    if form:
        blocks += [("frame",), ("head", heading), ("photo", "", 2),
                   ("grid", [("Name", g.holder), ("Gender", g.gender.title()),
                             ("Date of Birth", g.say(g.facts.person.birth_date)),
                             ("Length of Schooling", f"{NUMBER_WORDS[d.years].title()} years")], 30.0),
                   ("gap", 16),
                   ("para", (f"{rng.choice(('', 'The above-named student '))}studied in the major of {d.major} {g.period} in the {d.program}, {courses}, and "
                            f"{granted}."))]
    else:
        blocks += [("photo", rng.choice(("", f"(embossed seal of {g.univ.name} over the photo)")), 38),
                   ("head", heading), ("gap", 4)]
        if rng.random() < 0.5:
            gender = f"gender {g.gender}"
        else:
            gender = g.gender
        blocks.append(("para", (f"{student} {g.holder}, {gender}, born on {g.say(g.facts.person.birth_date)}, "
                               f"studied in the major of {d.major} {g.period} in the {d.program}, {courses}, and "
                               f"{granted}."), 8.0))
    blocks += [("gap", 6), ("sign", rng.choice(("President: ", f"President of {g.univ.name}: ")),
                            g.president + rng.choice(("", "", " (signed)")), None),
               ("rside", f"{g.univ.name} {rng.choice(('(Seal)', '[seal]'))}")]
    label = rng.choice(("", "", "Date: ", "Date of Issue: "))
    blocks += [("rside", f"{label}{g.say(g.graduated)}"), ("gap", 3), ("line", f"Certificate No.: {g.grad_no}")]
    if rng.random() < 0.5:
        blocks.append(("note", "Online verification: http://www.chsi.com.cn"))
    if form:
        blocks.append(("endframe",))
    return blocks


def _degree_blocks(g: Grant, form: bool, rng: random.Random) -> list[Block]:
    """The degree certificate translated: the title on its own line or inline in the sentence."""
    d = g.degree
    heading = rng.choice((f"{d.kind.upper()} DEGREE CERTIFICATE", f"{d.kind} Degree Certificate",
                          f"CERTIFICATE OF {d.kind.upper()} DEGREE"))
    law = ("the Academic Degrees Law of the People's Republic of China" if g.award.year >= 2025 else
           rng.choice(("the Regulations of the People's Republic of China on Academic Degrees",
                       "the Regulations on Academic Degrees of the People's Republic of China")))
    if d.master:
        studied = (f"has completed the {d.program} in the discipline of {d.major} at {g.univ.name} and passed the "
                   "defence of the thesis")
    else:
        studied = (f"has studied in the major of {d.major} at {g.univ.name}, completed the {d.program} and "
                   "graduated")
    inline = rng.random() < 0.3
    upon = rng.choice((f"Upon examination, in accordance with {law}, {g.he} is hereby conferred the degree of",
                       f"In accordance with {law}, {g.he} has been conferred the degree of",
                       f"Having been examined and approved, in accordance with {law}, {g.he} is awarded the degree of"))
    blocks: list[Block] = []
    who = f"{g.holder}, {g.gender}, born on {g.say(g.facts.person.birth_date)}, "
    if form:
        blocks += [("frame",), ("head", heading), ("gap", 2),
                   ("grid", [("Name", g.holder), ("Gender", g.gender.title()),
                             ("Date of Birth", g.say(g.facts.person.birth_date)), ("Major", d.major)]),
                   ("gap", 3)]
        who = f"The above-named {'graduate student' if d.master else 'student'} "
    else:
        if rng.random() < 0.35:
            blocks.append(("photo", "", 38))
        blocks += [("head", heading), ("gap", 4)]
    if inline:
        blocks.append(("para", f"{who}{studied}. {upon} {d.title}.", 0.0 if form else 8.0))
    else:
        blocks += [("para", f"{who}{studied}. {upon}", 0.0 if form else 8.0), ("title", d.title)]
    chairman = rng.choice((f"Chairman of the Academic Degree Evaluation Committee of {g.univ.name}: ",
                           "Chairman of the Academic Degree Evaluation Committee: ",
                           "Chairman of the Degree Evaluation Committee: "))
    blocks += [("gap", 6), ("line", chairman, "right"), ("sign", "", g.chairman + rng.choice(("", "", " (signed)")), None)]
    if rng.random() < 0.6:
        blocks.append(("note", f"[Seal of {g.univ.name}] (Chinese characters)", "right"))
    else:
        blocks.append(("rside", g.univ.name))
    label = rng.choice(("", "", "Date: ", "Date of Conferment: "))
    blocks += [("rside", f"{label}{g.say(g.award)}"), ("gap", 3), ("line", f"Certificate No.: {g.degree_no}")]
    if form:
        blocks.append(("endframe",))
    return blocks


def _sheet(g: Grant, font: FontKey, blocks: list[Block], footer: list[Block] | None = None) -> Sheet:
    sheet = Sheet(W, H)
    _Page(sheet, font, 24, W - 24, 22, H - 40 if footer else H - 22).lay(blocks)
    if footer:
        _Page(sheet, font, 24, W - 24, H - 40, H - 12).lay(footer)
    return sheet


def notarial_certificate_china(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, d = facts.person, facts.diploma
    degree = _degree(facts, rng)
    g = _grant(facts, degree, rng)
    layout = rng.choice(("booklet", "form", "appended"))
    both = rng.random() < 0.7
    names = f"{g.holder} {person.surname} {d.given_names}"
    latin = all(ord(c) < 0x180 for c in names)
    family = rng.choice(("lserif", "lserif", "serif", "lsans") if latin else ("serif", "serif", "sans"))
    font = FontKey(family)
    form = layout == "form"
    cover = _cover(g, both, form, rng)
    grad = _graduation(g, form, rng) if both else []
    deg = _degree_blocks(g, form, rng)
    heads = _head_lines(g, rng)
    sheets: list[Sheet] = []
    if layout == "booklet":
        sheets.append(_sheet(g, font, cover))
        if both:
            sheets.append(_sheet(g, font, heads + grad, _conformity(g, rng)))
        sheets.append(_sheet(g, font, heads + deg, _conformity(g, rng)))
    elif layout == "form":
        sheets.append(_sheet(g, font, cover))
        sheets.append(_sheet(g, font, heads + grad + ([("gap", 6)] if both else []) + deg, _conformity(g, rng)))
    else:
        between: list[Block] = [("gap", 8), ("rule",), ("gap", 4)] if both else []
        sheets.append(_sheet(g, font, heads + grad + between + deg, _conformity(g, rng)))
        sheets.append(_sheet(g, font, cover))
    fields: dict[str, FieldValue] = {"holder_surname": person.surname, "holder_given_names": d.given_names,
                                     "title": degree.title, "award_date": d.award_date.isoformat()}
    return BuiltPiece("diploma", "diploma:notarial_certificate_china", fields, sheets=sheets)

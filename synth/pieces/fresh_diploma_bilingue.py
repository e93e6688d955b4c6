"""Fresh diploma family `diploma_bilingue_est` (wave 11, the twelfth): the original diploma of a university of Viet Nam
or of Ukraine, as those countries print it — in the national language with its English version on the same
page — for a worker who studied there.

Viet Nam: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc" beside "SOCIALIST REPUBLIC OF
VIETNAM / Independence - Freedom - Happiness", "HIỆU TRƯỞNG TRƯỜNG ĐẠI HỌC …" / "THE RECTOR OF … UNIVERSITY",
"cấp" / "confers", "BẰNG CỬ NHÂN" / "THE DEGREE OF BACHELOR" (kỹ sư / engineer, thạc sĩ / master, a college's
"BẰNG TỐT NGHIỆP CAO ĐẲNG"; before 2021 on some the older "BẰNG TỐT NGHIỆP ĐẠI HỌC" with the year of
graduation and the mode of study), or in one sentence "cấp bằng cử nhân ngành … cho" / "confers the degree of
Bachelor of … upon"; the major ("Ngành: …"), the holder family name first in both halves (NGUYỄN Văn Hùng,
without its diacritics on the English half of some), "Ngày sinh" / "Date of birth", "Xếp loại tốt nghiệp" /
"Degree classification", the course's years on some, on about half the graduation decision ("Quyết định công
nhận tốt nghiệp số …/QĐ-… ngày …" / "Graduation Decision No. … dated …"), "Hà Nội, ngày … tháng … năm …" /
"Hanoi, <the date in English>", the rector's (or the vice-rector's, "KT. HIỆU TRƯỞNG") title and name with his
academic titles ("PGS.TS." / "Assoc. Prof. Dr."), a red round seal, "Số hiệu" / "Serial No." and "Số vào sổ cấp
bằng" / "Reg. No.".

Ukraine: "УКРАЇНА" / "UKRAINE" under the trident, "ДИПЛОМ БАКАЛАВРА" / "BACHELOR'S DIPLOMA" (магістра /
master's, молодшого бакалавра / junior bachelor's), "З ВІДЗНАКОЮ" / "WITH HONOURS" on some, the series and
number ("Серія B22 № 012345" / "Series B22 No. 012345", or the older "КВ № 12345678"), the holder in Cyrillic
(surname first, a patronymic for a Ukrainian) and in the passport's Latin letters, "у 2022 році закінчив(ла) …
університет" / "in 2022 completed the full course of … University", "та здобув(ла) ступінь вищої освіти
бакалавра за спеціальністю" / "and obtained the degree of Bachelor in the specialty", the specialty with its
code, "освітня програма" / "educational programme", "Кваліфікація" / "Qualification", "Рішенням екзаменаційної
комісії від … (протокол № …)" / "By the decision of the Examination Board of … (Minutes No. …)", the rector's
name (and on some the board's chair or the dean), a blue seal with the university's identification code,
"Реєстраційний номер" / "Registration No.", "Дата видачі" / "Date of issue" (a later day), a QR code to the
national register on the newer ones; a date of birth on some.

Three layouts: the two languages side by side on a landscape spread (which half comes first varies), stacked on
a portrait page (the national text above the English one, one signature under both), or interleaved line by
line (each national line with its English under it in italics, labels "Ngày sinh / Date of birth"). Fonts that
hold the Vietnamese and Cyrillic letters only (DejaVu for Vietnamese; Liberation too for Cyrillic), checked
against the font files before the page is laid out.

Truth as the other diploma families: the holder's names as the dossier's facts give them (printed in the Latin
form the person has; the Cyrillic rendering is this module's own transliteration), the title as printed in the
English version ("Bachelor of Economics", "Master of Computer Engineering", the facts' English title when the
degree is one of the generator's English ones), and the award date: the examination board's decision, the
graduation decision — the jury's date, as the other families take it —, or, on a Vietnamese diploma printing no
decision, the one date it carries (as `diplome`'s "Délivré le"). Distractors: the date of birth, the date of
issue, the year of graduation and the course's years, the rector's, vice-rector's, dean's and chair's names,
the serial, registration, decision, minutes and identification numbers.

Drawn for workers from Viet Nam and Ukraine (both the generator's French and English degrees: the English version
gives the former an English title); with nothing else allowed, any dossier gets one (a holder from elsewhere
gets one of the two countries' diplomas)."""
from __future__ import annotations

import datetime as dt
import itertools
import math
import random
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from synth.facts import DossierFacts
from synth.fonts import BODY_FAMILIES, FontKey, font_path, text_width_mm
from synth.layout import Box, Color, Ellipse, Rule, Sheet, Text
from synth.pieces.base import BuiltPiece, FieldValue, bold
from synth.pieces.fresh_diploma_band import _fit
from synth.pieces.fresh_diploma_comparabilite import _Cursor
from synth.pieces.fresh_diploma_titre_pro import _scribble
from synth.pieces.fresh_diploma_traduction import _digits
from synth.pieces.fresh_vigilance_numerique import _qr

HOME = {"VNM": "vietnam", "UKR": "ukraine"}
LANDSCAPE, PORTRAIT = (297.0, 210.0), (210.0, 297.0)
GREY: Color = (70, 70, 70)
PEN: Color = (25, 30, 95)
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
MONTHS_UA = ("січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня",
             "листопада", "грудня")


def studied_in_vietnam_or_ukraine(facts: DossierFacts) -> bool:
    """A worker from Viet Nam or Ukraine: the diploma of a university of home, bilingual as they print them."""
    return facts.person.country.code in HOME


# The degrees ------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class VnDegree:
    kind: str  # "bachelor", "engineer", "master", "college"
    major: str  # the Vietnamese "Ngành"
    major_en: str
    title: str  # the English title: the truth


@dataclass(frozen=True)
class UaDegree:
    kind: str  # "bachelor", "master", "junior"
    code: str  # the specialty's code in the national list
    specialty: str
    specialty_en: str
    programme: str
    programme_en: str
    qualification: str  # in Ukrainian
    title: str  # the qualification in English: the truth


# the generator's degrees (French and English) -> (the domain its universities teach, Vietnamese, Ukrainian)
DEGREES: dict[str, tuple[str, VnDegree, UaDegree]] = {
    "Master Ingénierie des systèmes complexes": (
        "it", VnDegree("master", "Hệ thống thông tin", "Information Systems", "Master of Science in Information Systems"),
        UaDegree("master", "126", "Інформаційні системи та технології", "Information Systems and Technologies",
                 "Інженерія складних систем", "Complex Systems Engineering",
                 "Магістр з інформаційних систем та технологій", "Master of Information Systems and Technologies")),
    "Licence professionnelle Métiers de la gestion": (
        "econ", VnDegree("bachelor", "Quản trị kinh doanh", "Business Administration",
                         "Bachelor of Business Administration"),
        UaDegree("bachelor", "073", "Менеджмент", "Management", "Менеджмент організацій", "Management of Organizations",
                 "Бакалавр з менеджменту", "Bachelor of Management")),
    "Diplôme d'ingénieur en informatique et réseaux": (
        "it", VnDegree("engineer", "Mạng máy tính và truyền thông dữ liệu", "Computer Networks and Data Communications",
                       "Engineer in Computer Networks and Data Communications"),
        UaDegree("master", "123", "Комп'ютерна інженерія", "Computer Engineering", "Комп'ютерні системи та мережі",
                 "Computer Systems and Networks", "Магістр з комп'ютерної інженерії", "Master of Computer Engineering")),
    "Master Management international": (
        "intl", VnDegree("master", "Kinh doanh quốc tế", "International Business", "Master of International Business"),
        UaDegree("master", "073", "Менеджмент", "Management", "Міжнародний менеджмент", "International Management",
                 "Магістр з менеджменту", "Master of Management")),
    "BTS Comptabilité et gestion": (
        "college", VnDegree("college", "Kế toán doanh nghiệp", "Business Accounting", "College Degree in Accounting"),
        UaDegree("junior", "071", "Облік і оподаткування", "Accounting and Taxation", "Облік і оподаткування",
                 "Accounting and Taxation", "Молодший бакалавр з обліку і оподаткування",
                 "Junior Bachelor of Accounting and Taxation")),
    "Licence Économie et gestion": (
        "econ", VnDegree("bachelor", "Kinh tế", "Economics", "Bachelor of Economics"),
        UaDegree("bachelor", "051", "Економіка", "Economics", "Економіка підприємства", "Business Economics",
                 "Бакалавр з економіки", "Bachelor of Economics")),
    "Master Chimie analytique": (
        "chem", VnDegree("master", "Hóa phân tích", "Analytical Chemistry", "Master of Science in Analytical Chemistry"),
        UaDegree("master", "102", "Хімія", "Chemistry", "Аналітична хімія", "Analytical Chemistry", "Магістр хімії",
                 "Master of Chemistry")),
    "Diplôme d'État d'infirmier": (
        "health", VnDegree("bachelor", "Điều dưỡng", "Nursing", "Bachelor of Nursing"),
        UaDegree("bachelor", "223", "Медсестринство", "Nursing", "Сестринська справа", "Nursing Care",
                 "Бакалавр медсестринства", "Bachelor of Nursing")),
    "Bachelor of Science in Computer Engineering": (
        "it", VnDegree("bachelor", "Kỹ thuật máy tính", "Computer Engineering", ""),
        UaDegree("bachelor", "123", "Комп'ютерна інженерія", "Computer Engineering", "Комп'ютерна інженерія",
                 "Computer Engineering", "Бакалавр з комп'ютерної інженерії", "")),
    "Master of Science in Data Analytics": (
        "it", VnDegree("master", "Khoa học dữ liệu", "Data Science", ""),
        UaDegree("master", "122", "Комп'ютерні науки", "Computer Science", "Аналітика даних", "Data Analytics",
                 "Магістр з комп'ютерних наук", "")),
    "Bachelor of Commerce": (
        "econ", VnDegree("bachelor", "Kinh doanh thương mại", "Commerce", ""),
        UaDegree("bachelor", "076", "Підприємництво, торгівля та біржова діяльність",
                 "Entrepreneurship, Trade and Exchange Activities", "Комерція", "Commerce",
                 "Бакалавр з підприємництва, торгівлі та біржової діяльності", "")),
    "Master of Arts in International Relations": (
        "intl", VnDegree("master", "Quan hệ quốc tế", "International Relations", ""),
        UaDegree("master", "291", "Міжнародні відносини, суспільні комунікації та регіональні студії",
                 "International Relations, Public Communications and Regional Studies", "Міжнародні відносини",
                 "International Relations", "Магістр міжнародних відносин", "")),
    "Bachelor of Technology in Mechanical Engineering": (
        "mech", VnDegree("bachelor", "Kỹ thuật cơ khí", "Mechanical Engineering", ""),
        UaDegree("bachelor", "131", "Прикладна механіка", "Applied Mechanics", "Технології машинобудування",
                 "Mechanical Engineering Technologies", "Бакалавр з прикладної механіки", "")),
}
# (Vietnamese heading, English heading, the Vietnamese word in a sentence, years of study)
VN_KINDS = {"bachelor": ("BẰNG CỬ NHÂN", "THE DEGREE OF BACHELOR", "cử nhân", 4),
            "engineer": ("BẰNG KỸ SƯ", "THE DEGREE OF ENGINEER", "kỹ sư", 5),
            "master": ("BẰNG THẠC SĨ", "THE DEGREE OF MASTER", "thạc sĩ", 2),
            "college": ("BẰNG TỐT NGHIỆP CAO ĐẲNG", "THE COLLEGE DEGREE", "tốt nghiệp cao đẳng", 3)}
# (the diploma's kind in the genitive, in English, the degree in a sentence, in English, the series' letter)
UA_KINDS = {"bachelor": ("БАКАЛАВРА", "BACHELOR'S", "бакалавра", "Bachelor", "B"),
            "master": ("МАГІСТРА", "MASTER'S", "магістра", "Master", "M"),
            "junior": ("МОЛОДШОГО БАКАЛАВРА", "JUNIOR BACHELOR'S", "молодшого бакалавра", "Junior Bachelor", "C")}


@dataclass(frozen=True)
class University:
    name: str  # as the national half prints it
    name_en: str
    town: str
    town_en: str
    domains: str  # the domains it teaches, or "*"
    short: str  # its initials: in a Vietnamese decision's number, on a Ukrainian seal


VN_UNIVERSITIES = (
    University("Trường Đại học Kinh tế Quốc dân", "National Economics University", "Hà Nội", "Hanoi", "econ intl",
               "ĐHKTQD"),
    University("Trường Đại học Ngoại thương", "Foreign Trade University", "Hà Nội", "Hanoi", "econ intl", "ĐHNT"),
    University("Trường Đại học Kinh tế Thành phố Hồ Chí Minh", "University of Economics Ho Chi Minh City",
               "TP. Hồ Chí Minh", "Ho Chi Minh City", "econ", "ĐHKT"),
    University("Trường Đại học Bách khoa Hà Nội", "Hanoi University of Science and Technology", "Hà Nội", "Hanoi",
               "it mech chem", "ĐHBK"),
    University("Trường Đại học Công nghệ Thông tin", "University of Information Technology", "TP. Hồ Chí Minh",
               "Ho Chi Minh City", "it", "ĐHCNTT"),
    University("Trường Đại học Bách khoa - Đại học Đà Nẵng", "The University of Danang - University of Science and "
               "Technology", "Đà Nẵng", "Da Nang", "it mech chem", "ĐHBK"),
    University("Trường Đại học Khoa học Tự nhiên", "University of Science", "Hà Nội", "Hanoi", "chem it", "KHTN"),
    University("Trường Đại học Khoa học Xã hội và Nhân văn", "University of Social Sciences and Humanities", "Hà Nội",
               "Hanoi", "intl", "XHNV"),
    University("Trường Đại học Y Dược Huế", "Hue University of Medicine and Pharmacy", "Huế", "Hue", "health", "ĐHYD"),
    University("Trường Đại học Điều dưỡng Nam Định", "Nam Dinh University of Nursing", "Nam Định", "Nam Dinh",
               "health", "ĐDNĐ"),
    University("Trường Cao đẳng Kinh tế Đối ngoại", "College of Foreign Economic Relations", "TP. Hồ Chí Minh",
               "Ho Chi Minh City", "college", "CĐKTĐN"),
    University("Trường Cao đẳng Thương mại", "College of Commerce", "Đà Nẵng", "Da Nang", "college", "CĐTM"),
)
UA_UNIVERSITIES = (
    University("Київський національний університет імені Тараса Шевченка", "Taras Shevchenko National University of "
               "Kyiv", "Київ", "Kyiv", "econ chem intl it", "КНУ"),
    University("Національний технічний університет України «Київський політехнічний інститут імені Ігоря "
               "Сікорського»", "National Technical University of Ukraine \"Igor Sikorsky Kyiv Polytechnic Institute\"",
               "Київ", "Kyiv", "it mech chem", "КПІ"),
    University("Київський національний економічний університет імені Вадима Гетьмана", "Kyiv National Economic "
               "University named after Vadym Hetman", "Київ", "Kyiv", "econ intl college", "КНЕУ"),
    University("Львівський національний університет імені Івана Франка", "Ivan Franko National University of Lviv",
               "Львів", "Lviv", "econ chem intl it", "ЛНУ"),
    University("Національний університет «Львівська політехніка»", "Lviv Polytechnic National University", "Львів",
               "Lviv", "it mech chem econ college", "НУЛП"),
    University("Харківський національний університет імені В. Н. Каразіна", "V. N. Karazin Kharkiv National "
               "University", "Харків", "Kharkiv", "econ chem intl it health", "ХНУ"),
    University("Одеський національний економічний університет", "Odesa National Economic University", "Одеса",
               "Odesa", "econ intl college", "ОНЕУ"),
    University("Дніпровський національний університет імені Олеся Гончара", "Oles Honchar Dnipro National University",
               "Дніпро", "Dnipro", "econ chem it mech intl", "ДНУ"),
    University("Національний медичний університет імені О. О. Богомольця", "Bogomolets National Medical University",
               "Київ", "Kyiv", "health", "НМУ"),
    University("Львівський національний медичний університет імені Данила Галицького", "Danylo Halytsky Lviv National "
               "Medical University", "Львів", "Lviv", "health", "ЛНМУ"),
)

# officials' names: (national, Latin)
VN_SURNAMES = ("Phạm", "Vũ", "Võ", "Đinh", "Trương", "Lý", "Hồ", "Dương", "Ngô", "Đoàn")
VN_GIVEN = ("Hồng Sơn", "Văn Thắng", "Minh Tuấn", "Quang Huy", "Thanh Bình", "Thị Thu Hà", "Ngọc Anh", "Đức Thịnh",
            "Thị Hải Yến", "Xuân Trường")
VN_RANKS = (("GS.TS.", "Prof. Dr."), ("PGS.TS.", "Assoc. Prof. Dr."), ("TS.", "Dr."))
UA_SURNAMES = (("КОВАЛЕНКО", "KOVALENKO"), ("ПЕТРЕНКО", "PETRENKO"), ("ГРИЦЕНКО", "HRYTSENKO"), ("САВЧУК", "SAVCHUK"),
               ("ЛИСЕНКО", "LYSENKO"), ("МОРОЗ", "MOROZ"), ("КРАВЧЕНКО", "KRAVCHENKO"), ("ПОЛІЩУК", "POLISHCHUK"),
               ("ДЕМЧЕНКО", "DEMCHENKO"), ("ЯРЕМЕНКО", "YAREMENKO"))
UA_GIVEN = (("Володимир", "Volodymyr"), ("Михайло", "Mykhailo"), ("Віктор", "Viktor"), ("Юрій", "Yurii"),
            ("Петро", "Petro"), ("Наталія", "Nataliia"), ("Тетяна", "Tetiana"), ("Людмила", "Liudmyla"))
PATRONYMICS = {"M": ("Іванович", "Петрович", "Миколайович", "Васильович", "Олегович", "Юрійович", "Сергійович"),
               "F": ("Іванівна", "Петрівна", "Миколаївна", "Василівна", "Олегівна", "Юріївна", "Сергіївна")}
VN_CLASSES = (("Xuất sắc", "Excellent"), ("Giỏi", "Very good"), ("Khá", "Good"), ("Trung bình", "Average"))

# The Cyrillic rendering of a Latin name: the worker's own names as Ukrainian spells them, else letter by letter
CYRILLIC = {"SHEVCHENKO": "ШЕВЧЕНКО", "BONDARENKO": "БОНДАРЕНКО", "KOVALCHUK": "КОВАЛЬЧУК", "MELNYK": "МЕЛЬНИК",
            "TKACHENKO": "ТКАЧЕНКО", "OLIINYK": "ОЛІЙНИК", "Oleksandr": "Олександр", "Dmytro": "Дмитро",
            "Andrii": "Андрій", "Bohdan": "Богдан", "Serhii": "Сергій", "Olena": "Олена", "Iryna": "Ірина",
            "Kateryna": "Катерина", "Anastasiia": "Анастасія", "Oksana": "Оксана"}
LETTERS = (("shch", "щ"), ("iia", "ія"), ("iiu", "ію"), ("iie", "іє"), ("ii", "ій"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"),
           ("ch", "ч"), ("sh", "ш"), ("yu", "ю"), ("ya", "я"), ("ye", "є"), ("yi", "ї"), ("iu", "ю"), ("ia", "я"),
           ("ie", "є"), ("ou", "у"), ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"), ("f", "ф"),
           ("g", "г"), ("h", "г"), ("i", "і"), ("j", "ж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
           ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"),
           ("w", "в"), ("x", "кс"), ("y", "и"), ("z", "з"))


def _ascii(text: str) -> str:
    """The letters without their diacritics (Đ -> D): how an English half prints a Vietnamese name on some."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _cyrillic_word(word: str) -> str:
    if word in CYRILLIC:
        return CYRILLIC[word]
    low, out, i = _ascii(word).lower(), "", 0
    while i < len(low):
        for latin, cyr in LETTERS:
            if low.startswith(latin, i):
                out, i = out + cyr, i + len(latin)
                break
        else:  # an apostrophe, a hyphen: kept
            out, i = out + low[i], i + 1
    return out.upper() if word.isupper() else out[:1].upper() + out[1:]


def cyrillic(name: str) -> str:
    """"KOVALCHUK" -> "КОВАЛЬЧУК", "Anastasiia" -> "Анастасія", "N'DIAYE" -> "Н'ДЯЄ" (word by word)."""
    return " ".join("-".join(_cyrillic_word(part) for part in word.split("-")) for word in name.split())


# Dates -------------------------------------------------------------------------------------------------------------

def en_date(d: dt.date, american: bool) -> str:
    """"15 June 2023" or "June 15, 2023"."""
    return f"{MONTHS_EN[d.month - 1]} {d.day}, {d.year}" if american else f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"


def vn_date(d: dt.date) -> str:
    """"ngày 05 tháng 01 năm 2023": days under 10 and January and February take a leading zero."""
    day = f"{d.day:02d}" if d.day < 10 else str(d.day)
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {day} tháng {month} năm {d.year}"


def ua_date(d: dt.date, style: str) -> str:
    """"20 червня 2022 року", "«20» червня 2022 р." or "20.06.2022"."""
    if style == "words":
        return f"{d.day} {MONTHS_UA[d.month - 1]} {d.year} року"
    if style == "quoted":
        return f"«{d.day:02d}» {MONTHS_UA[d.month - 1]} {d.year} р."
    return d.strftime("%d.%m.%Y")


# The paper's content ------------------------------------------------------------------------------------------------

Block = tuple  # ("state" | "motto" | "grantor" | "word" | "heading" | "sub" | "title" | "name" | "line" | "para" |
#                "place", text) or ("pair", label, value)
Item = tuple  # (the national block or None, the English block or None)


@dataclass(frozen=True)
class Signer:
    caption: tuple[str, ...]  # national
    caption_en: tuple[str, ...]
    name: str
    name_en: str


@dataclass
class Paper:
    country: str  # "vietnam" or "ukraine"
    items: list[Item]
    signers: list[Signer]
    numbers: list[tuple[str, str, str, str, str]]  # (label, English label, value, English value, value when joined)
    seal: tuple[str, str, str]  # the seal's top, middle and bottom words
    qr: bool
    joint: dict[int, str]  # an item's "pair" value when the two languages share one line (interleaved)
    title: str
    award: dt.date


def _issued(facts: DossierFacts, lo: int, hi: int, rng: random.Random) -> dt.date:
    """A day some days after the award, before the dossier was sent."""
    award = facts.diploma.award_date
    room = max(1, (facts.reference_date - award).days - 2)
    return award + dt.timedelta(days=rng.randint(min(room, lo), min(room, hi)))


def _holder_given(facts: DossierFacts) -> str:
    return facts.diploma.given_names


def _vn_official(avoid: set[str], college: bool, rng: random.Random) -> tuple[str, str]:
    surname = rng.choice([s for s in VN_SURNAMES if _ascii(s).upper() not in avoid])
    given = rng.choice([g for g in VN_GIVEN if _ascii(g).upper() not in avoid])
    avoid |= {_ascii(surname).upper(), _ascii(given).upper()}
    rank, rank_en = rng.choice(VN_RANKS if not college else (("TS.", "Dr."), ("ThS.", "M.Sc.")))
    return f"{rank} {surname} {given}", f"{rank_en} {_ascii(surname)} {_ascii(given)}"


def _ua_official(avoid: set[str], rng: random.Random) -> tuple[str, str]:
    surname = rng.choice([s for s in UA_SURNAMES if s[1] not in avoid])
    given = rng.choice([g for g in UA_GIVEN if g[1].upper() not in avoid])
    avoid |= {surname[1], given[1].upper()}
    return f"{given[0]} {surname[0]}", f"{given[1]} {surname[1]}"


def _university(table: tuple[University, ...], domain: str, rng: random.Random) -> University:
    fitting = [u for u in table if domain in u.domains.split()]
    if domain != "college":
        fitting = fitting or [u for u in table if "college" not in u.domains or len(u.domains.split()) > 1]
    return rng.choice(fitting or list(table))


def _degree_entry(title: str, rng: random.Random) -> tuple[str, VnDegree, UaDegree]:
    if title in DEGREES:
        return DEGREES[title]
    return DEGREES[rng.choice(sorted(DEGREES))]  # a title the tables do not know: one they do


def _vietnam(facts: DossierFacts, rng: random.Random) -> Paper:
    person, d = facts.person, facts.diploma
    domain, degree, _ = _degree_entry(d.title, rng)
    title = degree.title or d.title
    uni = _university(VN_UNIVERSITIES, domain, rng)
    heading, heading_en, word, years = VN_KINDS[degree.kind]
    award = d.award_date
    decided = rng.random() < 0.5
    issued = _issued(facts, 7, 75, rng) if decided else award
    american = rng.random() < 0.3
    older = degree.kind in ("bachelor", "engineer") and award.year <= 2020 and rng.random() < 0.6
    if older:
        heading = "BẰNG TỐT NGHIỆP ĐẠI HỌC"
    college = degree.kind == "college"
    head = "HIỆU TRƯỞNG"
    head_en = rng.choice(("THE RECTOR OF", "THE PRESIDENT OF")) if not college else "THE RECTOR OF"
    items: list[Item] = [
        (("state", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
         ("state", rng.choice(("SOCIALIST REPUBLIC OF VIETNAM", "SOCIALIST REPUBLIC OF VIET NAM")))),
        (("motto", "Độc lập - Tự do - Hạnh phúc"), ("motto", "Independence - Freedom - Happiness")),
        (("grantor", f"{head}\n{uni.name.upper()}"), ("grantor", f"{head_en}\n{uni.name_en.upper()}")),
    ]
    # the holder, family name first in both halves; the English half without its diacritics on some
    surname, given = person.surname, _holder_given(facts)
    style = rng.choice(("caps", "caps", "title", "upper"))
    name = {"caps": f"{surname} {given}", "title": f"{surname.title()} {given}",
            "upper": f"{surname} {given.upper()}"}[style]
    name_en = _ascii(name) if person.country.code == "VNM" and rng.random() < 0.35 else name
    if rng.random() < 0.4:
        name = f"{'Ông' if person.sex == 'M' else 'Bà'} {name}"
        name_en = f"{'Mr.' if person.sex == 'M' else 'Ms.'} {name_en}"
    joint: dict[int, str] = {}
    major_label = rng.choice(("Ngành:", "Ngành đào tạo:"))
    if not older and rng.random() < 0.35:  # the grant in one sentence
        lead = f"the {title}" if title.startswith("College") else f"the degree of {title}"
        items += [(("para", f"cấp bằng {word} ngành {degree.major} cho"), ("para", f"confers {lead} upon")),
                  (("name", name), ("name", name_en))]
    else:
        items += [(("word", "cấp"), ("word", rng.choice(("confers", "confers upon the holder")))),
                  (("heading", heading), ("heading", heading_en)),
                  (("pair", major_label, degree.major), ("title", title))]
        if rng.random() < 0.5:
            items += [(("word", "cho"), ("word", "upon")), (("name", name), ("name", name_en))]
        else:
            items.append((("pair", "Cho:", name), ("pair", "Upon:", name_en)))
            joint[len(items) - 1] = name
    birth = person.birth_date.strftime("%d/%m/%Y")
    items.append((("pair", "Ngày sinh:", birth),
                   ("pair", "Date of birth:", en_date(person.birth_date, american) if rng.random() < 0.6 else birth)))
    joint[len(items) - 1] = birth
    if older and rng.random() < 0.6:
        items.append((("pair", "Nơi sinh:", person.birth_city.title()),
                       ("pair", "Place of birth:", _ascii(person.birth_city.title()))))
        joint[len(items) - 1] = person.birth_city.title()
    if degree.kind != "master":
        grade, grade_en = rng.choice(VN_CLASSES)
        items.append((("pair", rng.choice(("Xếp loại tốt nghiệp:", "Hạng tốt nghiệp:")), grade),
                       ("pair", rng.choice(("Degree classification:", "Rank:")), grade_en)))
        joint[len(items) - 1] = f"{grade} / {grade_en}"
    if older:
        items.append((("pair", "Năm tốt nghiệp:", str(award.year)), ("pair", "Year of graduation:", str(award.year))))
        items.append((("pair", "Hình thức đào tạo:", "Chính quy"), ("pair", "Mode of study:", "Full-time")))
        joint[len(items) - 1] = "Chính quy / Full-time"
    elif rng.random() < 0.3:
        course = f"{award.year - years} - {award.year}"
        items.append((("pair", "Khóa học:", course), ("pair", "Course:", course)))
    if decided:  # the graduation decision: the award date
        number = f"{rng.randint(120, 4999)}/QĐ-{uni.short}"
        said = award.strftime("%d/%m/%Y") if rng.random() < 0.6 else vn_date(award)
        on = "ngày " if "/" in said else ""
        if rng.random() < 0.5:
            items.append((("para", f"Theo Quyết định công nhận tốt nghiệp số {number} {on}{said} của Hiệu trưởng"),
                          ("para", (f"Under the Graduation Decision No. {number} dated {en_date(award, american)} "
                                    f"of the {'President' if 'PRESIDENT' in head_en else 'Rector'}"))))
        else:
            items.append((("pair", "Quyết định công nhận tốt nghiệp:", f"số {number} {on}{said}"),
                          ("pair", "Graduation decision:", f"No. {number} of {en_date(award, american)}")))
            joint[len(items) - 1] = f"số {number} {on}{said}"
    items.append((("place", f"{uni.town}, {vn_date(issued)}"), ("place", f"{uni.town_en}, {en_date(issued, american)}")))
    avoid = {_ascii(surname).upper(), _ascii(given).upper()}
    rector, rector_en = _vn_official(avoid, college, rng)
    if rng.random() < 0.3:  # signed for the rector by a vice-rector
        signer = Signer(("KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"), ("FOR THE RECTOR", "VICE-RECTOR"), rector, rector_en)
    else:
        signer = Signer((head,), ("PRESIDENT" if "PRESIDENT" in head_en else "RECTOR",), rector, rector_en)
    year = issued.year
    serial = rng.choice((f"{rng.choice('ABCD')} {_digits(rng, 7)}", f"QH.{year}.{rng.choice('EKTX')}.{_digits(rng, 6)}",
                         _digits(rng, 6), f"{year % 100:02d}{_digits(rng, 6)}"))
    register = rng.choice((f"{rng.randint(100, 9999)}/{uni.short}-{year}", f"CN.{year}.{_digits(rng, 5)}",
                           f"{year}/{_digits(rng, 5)}", f"{_digits(rng, 5)}/{year}"))
    reg_label = rng.choice(("Số vào sổ cấp bằng:", "Số vào sổ gốc cấp văn bằng:"))
    numbers = [("Số hiệu:", "Serial No.:", serial, serial, serial),
               (reg_label, rng.choice(("Reg. No.:", "Register No.:")), register, register, register)]
    return Paper("vietnam", items, [signer], numbers, (uni.name.upper().replace("TRƯỜNG ", ""), "★", uni.town.upper()),
                 False, joint, title, award)


def _ukraine(facts: DossierFacts, rng: random.Random) -> Paper:
    person, d = facts.person, facts.diploma
    domain, _, degree = _degree_entry(d.title, rng)
    title = degree.title or d.title
    uni = _university(UA_UNIVERSITIES, domain, rng)
    kind, kind_en, word, word_en, letter = UA_KINDS[degree.kind]
    award = d.award_date
    issued = _issued(facts, 4, 45, rng)
    american = rng.random() < 0.25
    style = rng.choice(("words", "words", "quoted", "numeric"))
    female = person.sex == "F"
    agree = rng.choice(("sex", "sex", "both"))
    completed = {"sex": "закінчила" if female else "закінчив", "both": "закінчив(ла)"}[agree]
    obtained = {"sex": "здобула" if female else "здобув", "both": "здобув(ла)"}[agree]
    items: list[Item] = [(("state", "УКРАЇНА"), ("state", "UKRAINE"))]
    if rng.random() < 0.4:
        items.append((("grantor", uni.name), ("grantor", uni.name_en)))
    items.append((("heading", f"ДИПЛОМ {kind}"), ("heading", f"{kind_en} DIPLOMA")))
    if rng.random() < 0.15:
        items.append((("sub", "З ВІДЗНАКОЮ"), ("sub", "WITH HONOURS")))
    newer = award.year >= 2016 or rng.random() < 0.5
    number = _digits(rng, 6 if newer else 8)
    series = f"{letter}{award.year % 100:02d}" if newer else rng.choice(("КВ", "ЛВ", "ХА", "ОД"))
    series_en = series if newer else _ascii(cyrillic_to_latin(series))
    if rng.random() < 0.5:
        items.append((("line", f"Серія {series} № {number}"), ("line", f"Series {series_en} No. {number}")))
    else:
        items.append((("line", f"{series} № {number}"), ("line", f"{series_en} No. {number}")))
    # the holder: surname first; a Ukrainian's patronymic in the Cyrillic only
    given = _holder_given(facts)
    cyr = f"{cyrillic(person.surname)} {cyrillic(given)}"
    if person.country.code == "UKR" and rng.random() < 0.75:
        cyr += " " + rng.choice(PATRONYMICS[person.sex])
    latin = f"{person.surname} {given}" if rng.random() < 0.8 else f"{given} {person.surname}"
    items.append((("name", cyr), ("name", latin)))
    joint: dict[int, str] = {}
    if rng.random() < 0.4:
        birth = ua_date(person.birth_date, "numeric")
        items.append((("pair", "Дата народження:", birth), ("pair", "Date of birth:", en_date(person.birth_date,
                                                                                               american))))
        joint[len(items) - 1] = birth
    if rng.random() < 0.5:
        items.append((("para", f"у {award.year} році {completed} {uni.name}"),
                      ("para", f"in {award.year} completed the full course of {uni.name_en}")))
    else:
        items.append((("para", f"{completed} у {award.year} році {uni.name}"),
                      ("para", f"completed in {award.year} the full course of {uni.name_en}")))
    items += [(("para", f"та {obtained} ступінь вищої освіти {word} за спеціальністю"),
               ("para", rng.choice((f"and obtained the degree of {word_en} in the specialty",
                                    f"and obtained the {word_en}'s degree in the specialty")))),
              (("line", f"{degree.code} {degree.specialty}"), ("line", f"{degree.code} {degree.specialty_en}"))]
    label = rng.choice(("освітня програма", "Освітня програма:"))
    items.append((("pair", label, f"«{degree.programme}»"),
                  ("pair", "educational programme" if label[0] == "о" else "Educational programme:",
                   f"\"{degree.programme_en}\"")))
    joint[len(items) - 1] = f"«{degree.programme}» / \"{degree.programme_en}\""
    if rng.random() < 0.5:
        items.append((("pair", "Кваліфікація:", degree.qualification), ("pair", "Qualification:", title)))
        joint[len(items) - 1] = f"{degree.qualification} / {title}"
    else:
        items += [(("word", "Кваліфікація"), ("word", "Qualification")),
                  (("title", degree.qualification), ("title", title))]
    minutes = rng.randint(1, 24)
    if rng.random() < 0.65:
        tail = rng.choice(("", " присуджено ступінь та присвоєно кваліфікацію"))
        items.append((("para", (f"Рішенням екзаменаційної комісії від {ua_date(award, style)} "
                                f"(протокол № {minutes}){tail}")),
                      ("para", (f"By the decision of the Examination Board of {en_date(award, american)} "
                                f"(Minutes No. {minutes})"))))
    else:
        items.append((("pair", "Рішення екзаменаційної комісії:",
                       f"від {ua_date(award, 'numeric')}, протокол № {minutes}"),
                      ("pair", "Decision of the Examination Board:",
                       f"{en_date(award, american)}, Minutes No. {minutes}")))
        joint[len(items) - 1] = f"від {ua_date(award, 'numeric')}, протокол № {minutes}"
    avoid = {_ascii(person.surname).upper(), _ascii(given).upper()}
    rector, rector_en = _ua_official(avoid, rng)
    signers = [Signer(("Ректор",), ("Rector",), rector, rector_en)]
    if rng.random() < 0.35:
        other, other_en = _ua_official(avoid, rng)
        caption = rng.choice(((("Голова екзаменаційної комісії",), ("Head of the Examination Board",)),
                              (("Декан факультету",), ("Dean of the Faculty",))))
        signers.insert(0, Signer(caption[0], caption[1], other, other_en))
    yy = issued.year % 100
    register = rng.choice((_digits(rng, 5), str(rng.randint(11, 999)), f"{yy:02d}-{_digits(rng, 4)}",
                           f"{_digits(rng, 3)}/{yy:02d}"))
    numbers = [("Реєстраційний номер", "Registration No.", register, register, register),
               ("Дата видачі", "Date of issue", ua_date(issued, style), en_date(issued, american),
                ua_date(issued, "numeric"))]
    code = _digits(rng, 8)
    return Paper("ukraine", items, signers, numbers, ("УКРАЇНА", uni.short, f"Код {code}"),
                 newer and award.year >= 2020 and rng.random() < 0.5, joint, title, award)


def cyrillic_to_latin(text: str) -> str:
    """The old series' two Cyrillic letters in Latin ones ("КВ" -> "KV")."""
    table = {"К": "K", "В": "V", "Л": "L", "Х": "KH", "А": "A", "О": "O", "Д": "D"}
    return "".join(table.get(c, c) for c in text)


# Fonts ----------------------------------------------------------------------------------------------------------------

@lru_cache(maxsize=32)
def _cmap(path: str) -> frozenset[int]:
    from reportlab.pdfbase.ttfonts import TTFontFile
    return frozenset(TTFontFile(path).charToGlyph)


def _covers(key: FontKey, text: str) -> bool:
    path = font_path(key)
    if path.suffix.lower() == ".otf":
        return False
    cmap = _cmap(str(path))
    return all(ord(c) in cmap for c in set(text) if not c.isspace())


def _font(paper: Paper, rng: random.Random) -> FontKey:
    """A family whose regular, bold and italic faces hold every letter of the page (DejaVu for Vietnamese)."""
    text = "".join(_texts(paper))
    options = [f for f in ("serif", "serif", "sans", "condensed", "lserif", "lsans") if f in BODY_FAMILIES]
    family = rng.choice(options)
    for candidate in [family] + options + ["serif", "sans"]:
        if all(_covers(FontKey(candidate, b, i), text) for b, i in ((False, False), (True, False), (False, True))):
            return FontKey(candidate)
    return FontKey("sans")


def _texts(paper: Paper) -> list[str]:
    out: list[str] = []
    for item in paper.items:
        for block in item:
            if block:
                out += [str(part) for part in block[1:]]
    for s in paper.signers:
        out += [*s.caption, *s.caption_en, s.name, s.name_en]
    for number in paper.numbers:
        out += list(number)
    return out + list(paper.seal) + list(paper.joint.values())


def _every_glyph_drawn(sheet: Sheet) -> None:
    """A text whose font lacks one of its letters is drawn with DejaVu instead: nothing vanishes silently."""
    for i, element in enumerate(sheet.elements):
        if isinstance(element, Text) and not _covers(element.font, element.text):
            sheet.elements[i] = replace(element, font=FontKey("serif", element.font.bold, element.font.italic))


# Drawing ------------------------------------------------------------------------------------------------------------

# kind -> (size, bold, italic, colour role, space before)
STYLES = {"state": (11.5, True, False, "black", 0.0), "motto": (10.0, True, False, "black", 0.0),
          "grantor": (11.0, True, False, "ink", 2.0), "word": (10.5, False, True, "black", 0.6),
          "heading": (19.0, True, False, "accent", 1.5), "sub": (11.0, True, False, "accent", 0.0),
          "title": (14.0, True, False, "ink", 0.5), "name": (15.0, True, False, "black", 1.5),
          "line": (11.0, True, False, "black", 0.3), "para": (10.5, False, False, "black", 0.6),
          "place": (10.5, False, True, "black", 2.5), "pair": (10.5, False, False, "black", 0.3)}


@dataclass(frozen=True)
class Look:
    font: FontKey
    ink: Color
    accent: Color
    pairs: str  # "left" or "center"
    faint: Color = (60, 60, 60)


def _render_block(cur: _Cursor, block: Block, look: Look, english_under: bool, spread: float,
                  joint: str | None = None, label: str | None = None) -> None:
    kind = block[0]
    size, is_bold, italic, role, before = STYLES[kind]
    color = {"black": (0, 0, 0), "ink": look.ink, "accent": look.accent}[role]
    if english_under:  # the English line under its national one: smaller, in italics
        size, before, color = size * 0.8, 0.0, look.faint if role == "black" else color
        italic = True
    font = FontKey(look.font.family, is_bold and not english_under, italic)
    if english_under and is_bold:
        font = FontKey(look.font.family, True, False)
    cur.y += (before + spread) * cur.scale
    if kind == "pair":
        _pair(cur, label or block[1], joint if joint is not None else block[2], size, font, look)
        return
    text = block[1]
    if kind in ("heading", "title", "name", "state", "sub"):
        for line in text.split("\n"):
            cur.own_line(line, size, font, "center", color)
    else:
        cur.text(text, size, font, "center", color, gap=0.2 if kind == "para" else 0.5)
    if kind == "motto" and not english_under:  # the motto underlined
        width = min(text_width_mm(text, font, size * cur.scale), cur.right - cur.left)
        mid = (cur.left + cur.right) / 2
        cur.sheet.add(Rule(mid - width / 2, cur.y - 0.4, mid + width / 2, cur.y - 0.4, 0.3, color))
        cur.y += 0.8


def _pair(cur: _Cursor, label: str, value: str, size: float, font: FontKey, look: Look) -> None:
    """"Label: value", the value in bold, on one line if it holds (left at an indent or centred), else wrapped."""
    size *= cur.scale
    value_font = FontKey(font.family, True, font.italic) if not font.italic else font
    label_w = text_width_mm(label + " ", font, size)
    total = label_w + text_width_mm(value, value_font, size)
    width = cur.right - cur.left
    indent = width * 0.1 if look.pairs == "left" else 0.0
    color = look.faint if font.italic else (0, 0, 0)
    if total > width - indent:
        cur.text(f"{label} {value}", size / cur.scale, font, "left", color, gap=0.6, indent=min(indent, 4.0))
        return
    x = cur.left + indent if look.pairs == "left" else (cur.left + cur.right) / 2 - total / 2
    y = cur.y + size * 0.3528
    cur.sheet.add(Text(x, y, label, size, font, color), Text(x + label_w, y, value, size, value_font, color))
    cur.y = y + size * 0.3528 * 0.8 + 0.6


def _star(sheet: Sheet, cx: float, cy: float, r: float, color: Color, width: float = 0.45) -> None:
    pts = [(cx + r * math.sin(2 * math.pi * i / 5), cy - r * math.cos(2 * math.pi * i / 5)) for i in range(5)]
    for i in range(5):
        a, b = pts[i], pts[(i + 2) % 5]
        sheet.add(Rule(a[0], a[1], b[0], b[1], width, color))


def _emblem(sheet: Sheet, country: str, cx: float, cy: float, r: float, ink: Color) -> None:
    """Viet Nam's emblem (a gold ring round a red disc and its yellow star) or Ukraine's trident on its shield."""
    if country == "vietnam":
        sheet.add(Ellipse(cx - r, cy - r, 2 * r, 2 * r, fill=(205, 160, 45)),
                  Ellipse(cx - r * 0.78, cy - r * 0.78, 1.56 * r, 1.56 * r, fill=(200, 35, 35)))
        _star(sheet, cx, cy, r * 0.55, (250, 215, 60), 0.6)
        return
    w, h = r * 1.5, r * 2
    sheet.add(Box(cx - w / 2, cy - h / 2, w, h, stroke=ink, width=0.45, radius=r * 0.35),
              Rule(cx, cy - h * 0.38, cx, cy + h * 0.32, 0.6, ink),
              Rule(cx - w * 0.32, cy - h * 0.3, cx - w * 0.32, cy + h * 0.18, 0.5, ink),
              Rule(cx + w * 0.32, cy - h * 0.3, cx + w * 0.32, cy + h * 0.18, 0.5, ink),
              Rule(cx - w * 0.32, cy + h * 0.18, cx, cy + h * 0.32, 0.5, ink),
              Rule(cx + w * 0.32, cy + h * 0.18, cx, cy + h * 0.32, 0.5, ink),
              Rule(cx - w * 0.12, cy + h * 0.1, cx + w * 0.12, cy + h * 0.1, 0.4, ink))


def _seal(sheet: Sheet, cx: float, cy: float, words: tuple[str, str, str], font: FontKey, ink: Color) -> None:
    """A round seal: two rings, the university (the State) at the top, a star or initials, a word at the foot."""
    top, middle, foot = words
    sheet.add(Box(cx - 14, cy - 14, 28, 28, stroke=ink, width=0.55, radius=14),
              Box(cx - 10.5, cy - 10.5, 21, 21, stroke=ink, width=0.2, radius=10.5),
              Text(cx, cy - 11, top, _fit(top, bold(font), 4.5, 22, 2.4), bold(font), ink, "center"),
              Text(cx, cy + 12.6, foot, _fit(foot, font, 4, 18, 2.4), font, ink, "center"))
    if middle == "★":
        _star(sheet, cx, cy, 5, ink, 0.5)
    else:
        sheet.add(Text(cx, cy + 2, middle, _fit(middle, bold(font), 9, 16, 4), bold(font), ink, "center"))


def _frame(sheet: Sheet, ink: Color, guilloche: bool) -> None:
    w, h = sheet.width, sheet.height
    sheet.add(Box(7, 7, w - 14, h - 14, stroke=ink, width=1.2), Box(10.5, 10.5, w - 21, h - 21, stroke=ink, width=0.3))
    for cx, cy in ((10.5, 10.5), (w - 10.5, 10.5), (10.5, h - 10.5), (w - 10.5, h - 10.5)):
        sheet.add(Box(cx - 2.2, cy - 2.2, 4.4, 4.4, fill=ink, stroke=None))
    if guilloche:  # two waves along the top and the foot, inside the frame
        light: Color = (ink[0] + (255 - ink[0]) * 2 // 3, ink[1] + (255 - ink[1]) * 2 // 3,
                        ink[2] + (255 - ink[2]) * 2 // 3)
        for base in (14.0, h - 14.0):
            for phase in (0.0, math.pi):
                pts = [(13 + x, base + 1.6 * math.sin(x / 4 + phase)) for x in range(0, int(w - 26), 2)]
                sheet.add(*(Rule(a[0], a[1], b[0], b[1], 0.2, light) for a, b in itertools.pairwise(pts)))


def _signature(sheet: Sheet, signer: Signer, x: float, y: float, look: Look, scale: float, side: str,
               rng: random.Random) -> float:
    """A signer's caption, pen signature and name centred on x from y; returns the y under the name."""
    captions = {"nat": signer.caption, "en": signer.caption_en, "both": signer.caption + signer.caption_en}[side]
    size = 10 * scale
    for k, line in enumerate(captions):
        english = side == "both" and k >= len(signer.caption)
        sheet.add(Text(x, y, line, size * (0.85 if english else 1), FontKey(look.font.family, not english, english),
                       look.faint if english else (0, 0, 0), "center"))
        y += size * 0.3528 * 1.45
    if side != "en" or rng.random() < 0.5:
        _scribble(sheet, x - 11, y + 9 * scale, rng.uniform(18, 26), PEN, rng)
    y += 17 * scale
    names = {"nat": [signer.name], "en": [signer.name_en],
             "both": [signer.name] + ([signer.name_en] if signer.name_en != signer.name else [])}[side]
    for k, name in enumerate(names):
        sheet.add(Text(x, y, name, size * (0.85 if k else 1), FontKey(look.font.family, not k, bool(k)),
                       look.faint if k else (0, 0, 0), "center"))
        y += size * 0.3528 * 1.5
    return y


def _numbers(sheet: Sheet, numbers: list[tuple[str, str, str, str, str]], x: float, y: float, look: Look,
             scale: float, side: str) -> float:
    size = 9 * scale
    for label, label_en, value, value_en, joined in numbers:
        text = {"nat": f"{label} {value}", "en": f"{label_en} {value_en}",
                "both": f"{label.rstrip(':')} / {label_en.rstrip(':')}: {joined}"}[side]
        sheet.add(Text(x, y, text, size, look.font, GREY))
        y += size * 0.3528 * 1.6
    return y


def _lay_column(sheet: Sheet, paper: Paper, side: str, left: float, right: float, top: float, look: Look,
                scale: float, spread: float, emblem: bool, rng: random.Random) -> float:
    """One language's text down a column, its signatures and numbers: returns the y under them."""
    y = top
    if emblem:
        r = 7.5 * scale
        _emblem(sheet, paper.country, (left + right) / 2, y + r, r, look.ink)
        y += 2 * r + 3 * scale
    cur = _Cursor(sheet, look.font, left, right, y, scale)
    index = 0 if side == "nat" else 1
    for item in paper.items:
        if item[index]:
            _render_block(cur, item[index], look, False, spread)
    return _foot(sheet, paper, side, left, right, cur.y + (5 + spread) * scale, look, scale, rng)


def _foot(sheet: Sheet, paper: Paper, side: str, left: float, right: float, y: float, look: Look, scale: float,
          rng: random.Random) -> float:
    """The signatures (the seal on the national or shared side), then the numbers; returns the y under them."""
    width = right - left
    signers = paper.signers
    if paper.country == "vietnam":
        xs = [left + width * 0.66]
    else:
        xs = [left + width * (0.27 + 0.46 * k) for k in range(len(signers))] if len(signers) > 1 else \
            [left + width * 0.68]
    bottom = y
    for x, signer in zip(xs, signers):
        under = _signature(sheet, signer, x, y + 4 * scale, look, scale, side, rng)
        bottom = max(bottom, under)
    if side != "en":
        seal_ink = (200, 40, 40) if paper.country == "vietnam" else (40, 70, 160)
        _seal(sheet, xs[-1] - rng.uniform(17, 23) * scale, y + rng.uniform(20, 24) * scale, paper.seal, look.font,
              seal_ink)
    n_y = bottom + 3 * scale
    if paper.qr and side != "en":
        _qr(sheet, left, n_y, 15 * scale, rng)
        sheet.add(Text(left + 18 * scale, n_y + 10 * scale, "info.edbo.gov.ua", 7.5 * scale, look.font, GREY))
        n_y += 17 * scale
    return _numbers(sheet, paper.numbers, left, n_y + 3 * scale, look, scale, side)


def _interleaved(sheet: Sheet, paper: Paper, left: float, right: float, top: float, look: Look, scale: float,
                 spread: float) -> float:
    cur = _Cursor(sheet, look.font, left, right, top, scale)
    for k, (nat, en) in enumerate(paper.items):
        if nat and nat[0] == "pair" and en and en[0] == "pair":  # one line: both labels, one value
            label = f"{nat[1].rstrip(':')} / {en[1].rstrip(':')}:"
            _render_block(cur, nat, look, False, spread, joint=paper.joint.get(k, en[2]), label=label)
            continue
        if nat:
            _render_block(cur, nat, look, False, spread)
        if en and not (nat and en[1:] == nat[1:]):  # the same words in both: printed once
            _render_block(cur, en, look, True, 0.0)
    return cur.y


def diploma_bilingue_est(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    code = facts.person.country.code
    country = HOME.get(code) or rng.choice(("vietnam", "ukraine"))
    paper = _vietnam(facts, rng) if country == "vietnam" else _ukraine(facts, rng)
    layout = rng.choice(("spread", "spread", "stacked", "interleaved"))
    font = _font(paper, rng)
    if country == "vietnam":
        ink, accent = rng.choice((((150, 25, 30), (190, 30, 35)), ((20, 50, 120), (190, 30, 35)),
                                  ((120, 25, 40), (160, 25, 30))))
        background = rng.choice(((253, 247, 238), (252, 242, 240), (255, 255, 255)))
    else:
        ink, accent = rng.choice((((25, 60, 130), (25, 60, 130)), ((20, 90, 90), (150, 30, 35)),
                                  ((40, 40, 90), (40, 40, 90))))
        background = rng.choice(((240, 246, 250), (245, 248, 240), (255, 255, 255)))
    look = Look(font, ink, accent, rng.choice(("left", "center")))
    framed = layout == "spread" or rng.random() < 0.7
    w, h = LANDSCAPE if layout == "spread" else PORTRAIT
    sheet = Sheet(w, h, background if framed else (255, 255, 255))
    if framed:
        _frame(sheet, ink, rng.random() < 0.5)
    margin = 19.0 if framed else 16.0
    foot = h - margin
    mark, start = len(sheet.elements), rng.getstate()
    national_first = country == "ukraine" and rng.random() < 0.8 or country == "vietnam" and rng.random() < 0.5
    emblem = country == "ukraine" or rng.random() < 0.5

    def lay(scale: float, spread: float) -> float:
        """Everything at `scale`, `spread` mm more before each block: the y under the lowest numbers."""
        rng.setstate(start)
        del sheet.elements[mark:]
        if layout == "spread":
            gap = 14.0
            half = (w - 2 * margin - gap) / 2
            sides = ("nat", "en") if national_first else ("en", "nat")
            bottoms = []
            for k, side in enumerate(sides):
                left = margin + k * (half + gap)
                bottoms.append(_lay_column(sheet, paper, side, left + 3, left + half - 3, margin, look, scale, spread,
                                           emblem and (side == "nat" or country == "ukraine"), rng))
            sheet.add(Rule(w / 2, margin + 8, w / 2, h - margin - 8, 0.25, ink))
            return max(bottoms)
        y = margin
        if emblem:
            r = 7.5 * scale
            _emblem(sheet, paper.country, w / 2, y + r, r, ink)
            y += 2 * r + 3 * scale
        if layout == "stacked":
            cur = _Cursor(sheet, font, margin + 6, w - margin - 6, y, scale)
            for nat, _ in paper.items:
                if nat:
                    _render_block(cur, nat, look, False, spread)
            cur.y += 3 * scale
            sheet.add(Rule(margin + 30, cur.y, w - margin - 30, cur.y, 0.3, ink))
            cur.y += 3 * scale
            for _, en in paper.items:
                if en:
                    _render_block(cur, en, look, False, spread)
            end = cur.y
        else:
            end = _interleaved(sheet, paper, margin + 6, w - margin - 6, y, look, scale, spread)
        return _foot(sheet, paper, "both", margin + 6, w - margin - 6, end + 4 * scale, look, scale, rng)

    for scale in (1.0, 0.94, 0.88, 0.82, 0.76, 0.7, 0.64, 0.58, 0.52):
        bottom = lay(scale, 0.0)
        if bottom <= foot:
            break
    room = foot - bottom - 4
    if room > 8:  # a short text spread down the page
        blocks = len(paper.items) * (1 if layout != "stacked" else 2) + 2
        for spread in (min(room / blocks, 5.0), min(room / blocks, 5.0) * 0.6, 0.0):
            if lay(scale, spread / scale) <= foot:
                break
    _every_glyph_drawn(sheet)
    fields: dict[str, FieldValue] = {"holder_surname": facts.person.surname,
                                     "holder_given_names": facts.diploma.given_names,
                                     "title": paper.title, "award_date": paper.award.isoformat()}
    return BuiltPiece("diploma", "diploma:diploma_bilingue_est", fields, sheets=[sheet])

"""Fresh diploma family `degree_certificate_india` (thirteenth wave, `Fresh.wave` 12): the degree certificate of an
Indian university or autonomous institute, in English, for a worker from India — the original, not a translation.

Three certificates, as the three kinds of awarding body print them:
- `convocation`, a state university with affiliated colleges (Mumbai, Pune, Anna, Calcutta, Osmania, VTU…, a
  health-sciences university for a nursing degree), landscape or portrait parchment in a double (or zigzag)
  frame: the serial number at the top left, the PRN, seat, register, USN or hall-ticket number at the top right,
  the emblem and the university's name large, its act or accreditation; "This is to certify that <NAME> [S/o /
  D/o Shri <FATHER>] having passed the <B.E. (Computer Engineering)> Examination held in <Month Year> [in the
  First Class with Distinction] [as a student of <college>] has been admitted to the degree of <TITLE> at the
  <Nth> Convocation held on <date>", "In testimony whereof …", "Place : …" and a "Date : …" that is the later date
  of printing on some; the registrar's (or the director of examinations') and the vice-chancellor's signatures,
  the university's round seal and a hologram number.
- `seal`, an institute of national importance (an IIT, an NIT, an IIIT) or a deemed university: "The Board of
  Governors, on the recommendation of the Senate, hereby confers on <NAME> the degree of <TITLE> in recognition of
  the fulfilment of the requirements for the said degree [with a CGPA of …]", "In testimony whereof the seal of
  the Institute and the signatures of its authorised officers are hereunto affixed. Given under the seal of the
  Institute this 12th day of March, 2022" — in words on some — or "at its Nth Convocation held on …"; the roll
  number; three signatures (registrar, director, chairman).
- `awarded`, a deemed or private university's newer certificate (a state university's on some): a coloured band or
  a logo beside the name, a photo of the holder on some, the certificate, enrolment and ABC numbers, "has been
  awarded the degree of <TITLE> … with CGPA 8.42 on a 10-point scale", a grid of dates — "Month & Year of
  Passing", "Result Declared on", "Date of Award" (or "Degree conferred on", "Convocation held on"), "Date of Issue"
  —, a QR code with "Verify at …" and the certificate ID, a hologram number, the controller of examinations', the
  registrar's and the vice-chancellor's signatures, a DigiLocker / NAD note on some.
The holder's name is given names first, in capitals on most ("PRIYA RANI BANERJEE", "Ms." / "Shri" on some), the
father's name after it ("S/o", "D/o", "Son of") on some. No line in Hindi or a regional script: no font of
synth/fonts.py draws Devanagari, and a line would vanish rather than print.

A second page on some: the "Consolidated Statement of Marks" / "Consolidated Grade Card" (the holder — surname
first on some —, the father's and mother's names, the date of birth, the enrolment number, the programme, each
semester's courses with codes, credits and grades, its SGPA and the month it was examined, the CGPA, class and
equivalent percentage, "Result Declared on", "Date of Issue"), or the certificate's back: the university's stamp,
"Attested by …" (the state's higher-education department, the university's attestation cell or a notary) with a
later date, and the Hague apostille of the Ministry of External Affairs on some.

Truth as the other diploma families: the holder as the facts give them, the title as printed on its own line (an
English degree's own title, "Bachelor of Technology in Mechanical Engineering"; a French degree of the facts is
printed as an Indian university words its equivalent, "Master of Science in Analytical Chemistry", which the truth
takes), and the award date: the convocation / the day the degree was conferred ("Given under the seal … this …",
"Date of Award"). Distractors: the examination's month and year, the result's declaration, the printing and issue
dates, the date of birth, the attestation's and apostille's dates, the father's and mother's names, the officials'
names, the serial, enrolment, roll, PRN, ABC, certificate and hologram numbers, the CGPA and percentage.

Drawn for workers from India; with nothing else allowed, for anyone."""
from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, field

from synth.facts import DossierFacts
from synth.fonts import FontKey, text_width_mm
from synth.layout import Box, Color, Rule, Sheet, Text, wrap
from synth.pieces.base import BuiltPiece, FieldValue, bold, portrait
from synth.pieces.fresh_diploma_band import _fit
from synth.pieces.fresh_diploma_comparabilite import _Cursor
from synth.pieces.fresh_diploma_titre_pro import _scribble
from synth.pieces.fresh_vigilance_numerique import _qr

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
GREY: Color = (80, 80, 80)
INKS: tuple[Color, ...] = ((120, 20, 30), (20, 40, 110), (10, 80, 55), (30, 30, 30), (110, 60, 10))
SEAL_INKS: tuple[Color, ...] = ((170, 35, 35), (40, 60, 150), (120, 40, 120))
PAPERS: tuple[Color, ...] = ((250, 245, 228), (246, 241, 222), (252, 250, 240), (243, 246, 238))
LANDSCAPE, PORTRAIT = (297.0, 210.0), (210.0, 297.0)


@dataclass(frozen=True)
class Univ:
    name: str
    town: str
    state: str
    kind: str  # "state" (affiliating), "institute" (of national importance), "deemed" (deemed or private)
    domains: str  # the degrees it awards ("eng sci com mgmt arts nursing"), or "*"
    first: int  # the year of its first convocation (the ordinal of a later one follows)
    abbr: str
    web: str
    ids: tuple[str, ...]  # the student numbers it prints
    status: str = ""  # its act or accreditation, under its name
    motto: str = ""
    colleges: tuple[str, ...] = ()


UNIVERSITIES: tuple[Univ, ...] = (
    Univ("University of Mumbai", "Mumbai", "Maharashtra", "state", "*", 1862, "MU", "mu.ac.in", ("PRN", "Seat No."),
         "Established under the Maharashtra Public Universities Act, 2016",
         colleges=("Sardar Patel Institute of Technology", "K. J. Somaiya College of Engineering",
                   "R. A. Podar College of Commerce and Economics", "Ramnarain Ruia College")),
    Univ("Savitribai Phule Pune University", "Pune", "Maharashtra", "state", "*", 1950, "SPPU", "unipune.ac.in",
         ("PRN", "Seat No."), "(Formerly University of Pune)", "Yah Kriyavan Sa Panditah",
         ("Pune Institute of Computer Technology", "Modern College of Arts, Science and Commerce",
          "Maharashtra Institute of Technology", "Brihan Maharashtra College of Commerce")),
    Univ("Anna University", "Chennai", "Tamil Nadu", "state", "eng sci mgmt", 1980, "AU", "annauniv.edu",
         ("Register No.",), "NAAC Accredited with 'A++' Grade", "Progress Through Knowledge",
         ("Sri Venkateswara College of Engineering", "PSG College of Technology", "College of Engineering, Guindy")),
    Univ("University of Calcutta", "Kolkata", "West Bengal", "state", "*", 1858, "CU", "caluniv.ac.in",
         ("Registration No.", "Roll No."), "", "Advancement of Learning",
         ("Scottish Church College", "Bethune College", "Asutosh College", "Maulana Azad College")),
    Univ("Osmania University", "Hyderabad", "Telangana", "state", "*", 1919, "OU", "osmania.ac.in",
         ("Hall Ticket No.",), "NAAC Accredited with 'A+' Grade", "Tamaso Ma Jyotirgamaya",
         ("Nizam College", "University College of Engineering", "Chaitanya Bharathi Institute of Technology")),
    Univ("Visvesvaraya Technological University", "Belagavi", "Karnataka", "state", "eng mgmt", 2002, "VTU",
         "vtu.ac.in", ("USN",), "Established by the Government of Karnataka under the VTU Act, 1994",
         colleges=("R. V. College of Engineering", "B. M. S. College of Engineering",
                   "Siddaganga Institute of Technology")),
    Univ("Gujarat Technological University", "Ahmedabad", "Gujarat", "state", "eng mgmt", 2010, "GTU", "gtu.ac.in",
         ("Enrolment No.",), "Established under the Gujarat Act No. 20 of 2007",
         colleges=("L. D. College of Engineering", "Government Engineering College, Gandhinagar")),
    Univ("Jawaharlal Nehru Technological University Hyderabad", "Hyderabad", "Telangana", "state", "eng sci mgmt",
         1973, "JNTUH", "jntuh.ac.in", ("Hall Ticket No.",), "Established by Andhra Pradesh Act No. 30 of 2008",
         colleges=("Vasavi College of Engineering", "Gokaraju Rangaraju Institute of Engineering and Technology")),
    Univ("University of Kerala", "Thiruvananthapuram", "Kerala", "state", "*", 1938, "UoK", "keralauniversity.ac.in",
         ("Register No.",), "NAAC Accredited with 'A++' Grade", "Karmani Vyajyate Prajna",
         ("Mar Ivanios College", "University College, Thiruvananthapuram", "College of Engineering Trivandrum")),
    Univ("University of Delhi", "Delhi", "Delhi", "state", "sci com arts mgmt", 1923, "DU", "du.ac.in",
         ("Enrolment No.", "Roll No."), "", "Nishtha Dhriti Satyam",
         ("Shri Ram College of Commerce", "Hindu College", "Hansraj College", "Kirori Mal College")),
    Univ("Dr. A.P.J. Abdul Kalam Technical University", "Lucknow", "Uttar Pradesh", "state", "eng mgmt", 2003,
         "AKTU", "aktu.ac.in", ("Roll No.", "Enrolment No."), "Formerly Uttar Pradesh Technical University",
         colleges=("Institute of Engineering and Technology, Lucknow", "KIET Group of Institutions")),
    Univ("Maharashtra University of Health Sciences", "Nashik", "Maharashtra", "state", "nursing", 2000, "MUHS",
         "muhs.ac.in", ("PRN", "Seat No."), "Established under the MUHS Act, 1998",
         colleges=("Bharati Vidyapeeth College of Nursing", "Government College of Nursing, Nagpur")),
    Univ("Rajiv Gandhi University of Health Sciences", "Bengaluru", "Karnataka", "state", "nursing", 1998, "RGUHS",
         "rguhs.ac.in", ("Register No.",), "Karnataka",
         colleges=("St. John's College of Nursing", "Government College of Nursing, Bengaluru")),
    Univ("Indian Institute of Technology Bombay", "Mumbai", "Maharashtra", "institute", "eng sci mgmt", 1962, "IITB",
         "iitb.ac.in", ("Roll No.",), "An Institute of National Importance under the Institutes of Technology Act, 1961",
         "Jnanam Paramam Dhyeyam"),
    Univ("Indian Institute of Technology Madras", "Chennai", "Tamil Nadu", "institute", "eng sci mgmt", 1964, "IITM",
         "iitm.ac.in", ("Roll No.",), "An Institute of National Importance under the Institutes of Technology Act, 1961",
         "Siddhirbhavati Karmaja"),
    Univ("Indian Institute of Technology Kharagpur", "Kharagpur", "West Bengal", "institute", "eng sci mgmt", 1955,
         "IITKGP", "iitkgp.ac.in", ("Roll No.",),
         "An Institute of National Importance under the Institutes of Technology Act, 1961", "Yogah Karmasu Kaushalam"),
    Univ("National Institute of Technology Tiruchirappalli", "Tiruchirappalli", "Tamil Nadu", "institute",
         "eng sci mgmt", 1968, "NITT", "nitt.edu", ("Roll No.",),
         "An Institute of National Importance under the NIT Act, 2007"),
    Univ("National Institute of Technology Karnataka, Surathkal", "Surathkal", "Karnataka", "institute",
         "eng sci mgmt", 1965, "NITK", "nitk.ac.in", ("Roll No.", "Registration No."),
         "An Institute of National Importance under the NIT Act, 2007"),
    Univ("International Institute of Information Technology Hyderabad", "Hyderabad", "Telangana", "institute",
         "eng sci", 2003, "IIITH", "iiit.ac.in", ("Roll No.",), "(Deemed to be University)"),
    Univ("Manipal Academy of Higher Education", "Manipal", "Karnataka", "deemed", "*", 1994, "MAHE", "manipal.edu",
         ("Registration No.",), "Institution of Eminence Deemed to be University"),
    Univ("Amity University", "Noida", "Uttar Pradesh", "deemed", "eng sci com mgmt arts", 2006, "AUUP", "amity.edu",
         ("Enrolment No.",), "Established by the Uttar Pradesh Private Universities Act"),
    Univ("Symbiosis International (Deemed University)", "Pune", "Maharashtra", "deemed", "*", 2003, "SIU",
         "siu.edu.in", ("PRN",), "Deemed to be University under Section 3 of the UGC Act, 1956",
         "Vasudhaiva Kutumbakam"),
    Univ("Vellore Institute of Technology", "Vellore", "Tamil Nadu", "deemed", "eng sci com mgmt", 2002, "VIT",
         "vit.ac.in", ("Register No.",), "Deemed to be University under Section 3 of the UGC Act, 1956"),
    Univ("SRM Institute of Science and Technology", "Chennai", "Tamil Nadu", "deemed", "*", 2005, "SRMIST",
         "srmist.edu.in", ("Register No.",), "Deemed to be University u/s 3 of the UGC Act, 1956"),
    Univ("Birla Institute of Technology and Science, Pilani", "Pilani", "Rajasthan", "deemed", "eng sci mgmt", 1968,
         "BITS", "bits-pilani.ac.in", ("ID No.",), "Deemed to be University under Section 3 of the UGC Act, 1956",
         "Jnanam Paramam Balam"),
    Univ("Christ (Deemed to be University)", "Bengaluru", "Karnataka", "deemed", "sci com mgmt arts", 2010, "CHRIST",
         "christuniversity.in", ("Register No.",), "NAAC Accredited with 'A+' Grade", "Excellence and Service"),
)

# the facts' degree -> how an Indian university words it (the facts' English titles are printed as they are)
INDIAN_TITLES: dict[str, tuple[str, ...]] = {
    "Master Ingénierie des systèmes complexes": ("Master of Technology in Systems Engineering",
                                                 "Master of Engineering in Systems Engineering"),
    "Licence professionnelle Métiers de la gestion": ("Bachelor of Business Administration",
                                                      "Bachelor of Management Studies"),
    "Diplôme d'ingénieur en informatique et réseaux": ("Bachelor of Technology in Computer Science and Engineering",
                                                       "Bachelor of Engineering in Computer Engineering",
                                                       "Bachelor of Engineering in Information Technology"),
    "Master Management international": ("Master of Business Administration in International Business",
                                        "Master of Business Administration"),
    "BTS Comptabilité et gestion": ("Bachelor of Vocation in Accounting and Taxation",
                                    "Bachelor of Commerce in Accounting and Finance"),
    "Licence Économie et gestion": ("Bachelor of Arts in Economics", "Bachelor of Commerce"),
    "Master Chimie analytique": ("Master of Science in Analytical Chemistry", "Master of Science in Chemistry"),
    "Diplôme d'État d'infirmier": ("Bachelor of Science in Nursing",),
}
ABBR = {"Bachelor of Technology": "B.Tech.", "Bachelor of Engineering": "B.E.", "Bachelor of Science": "B.Sc.",
        "Master of Science": "M.Sc.", "Bachelor of Commerce": "B.Com.", "Master of Arts": "M.A.",
        "Bachelor of Arts": "B.A.", "Master of Business Administration": "M.B.A.", "Master of Technology": "M.Tech.",
        "Master of Engineering": "M.E.", "Bachelor of Business Administration": "B.B.A.",
        "Bachelor of Management Studies": "B.M.S.", "Bachelor of Vocation": "B.Voc."}
BASICS = ("Engineering Mathematics", "Engineering Physics", "Engineering Chemistry", "Basic Electrical Engineering",
          "Engineering Graphics", "Programming and Problem Solving", "Environmental Studies",
          "Professional Communication")
# the courses of a grade card, by the branch's code (see _prefix)
COURSES: dict[str, tuple[str, ...]] = {
    "CS": BASICS + ("Data Structures", "Discrete Mathematics", "Digital Electronics", "Computer Organization",
                    "Design and Analysis of Algorithms", "Database Management Systems", "Operating Systems",
                    "Computer Networks", "Theory of Computation", "Software Engineering", "Compiler Design",
                    "Machine Learning", "Web Technologies", "Information Security", "Cloud Computing"),
    "ME": BASICS + ("Engineering Mechanics", "Thermodynamics", "Fluid Mechanics", "Strength of Materials",
                    "Theory of Machines", "Manufacturing Processes", "Heat and Mass Transfer",
                    "Design of Machine Elements", "Metrology and Quality Control", "Refrigeration and Air Conditioning",
                    "Internal Combustion Engines", "Finite Element Analysis", "Industrial Engineering",
                    "Computer Aided Design and Manufacturing", "Automobile Engineering"),
    "SE": ("Systems Engineering Principles", "Advanced Engineering Mathematics", "Systems Modelling and Simulation",
           "Control Systems Design", "Optimisation Techniques", "Reliability Engineering",
           "Model-Based Systems Engineering", "Embedded Systems", "Requirements Engineering", "Research Methodology",
           "Systems Integration and Testing", "Operations Research"),
    "CH": ("Inorganic Chemistry", "Organic Chemistry", "Physical Chemistry", "Analytical Techniques",
           "Spectroscopic Methods", "Chromatography and Separation Methods", "Electroanalytical Methods",
           "Quality Control and Instrumentation", "Environmental Chemistry", "Mathematics for Chemists",
           "Pharmaceutical Analysis", "Research Methodology", "Chemistry Laboratory"),
    "DS": ("Mathematical Foundations", "Statistical Inference", "Probability and Distributions", "Data Visualisation",
           "Programming for Data Science", "Big Data Analytics", "Machine Learning", "Database Systems",
           "Time Series Analysis", "Deep Learning", "Natural Language Processing", "Research Methodology",
           "Data Ethics and Privacy"),
    "BC": ("Financial Accounting", "Business Economics", "Business Communication", "Principles of Management",
           "Business Law", "Cost Accounting", "Corporate Accounting", "Income Tax", "Auditing",
           "Business Statistics", "Banking and Insurance", "Goods and Services Tax", "Marketing Management",
           "Human Resource Management", "Financial Management", "Entrepreneurship Development",
           "Computer Applications in Business", "Environmental Studies", "Company Law", "Tally and Accounting Software"),
    "MB": ("Management Principles and Practices", "Managerial Economics", "Accounting for Managers",
           "Organisational Behaviour", "Marketing Management", "Financial Management", "Operations Management",
           "Business Research Methods", "Strategic Management", "International Business Environment",
           "Export-Import Management", "Cross-Cultural Management", "Global Supply Chain Management",
           "Business Analytics", "Corporate Governance", "Summer Internship Project"),
    "EC": ("Microeconomics", "Macroeconomics", "Indian Economy", "Development Economics", "Econometrics",
           "Mathematical Methods for Economics", "Statistical Methods for Economics", "Public Economics",
           "International Economics", "Money and Banking", "Environmental Studies", "English Communication",
           "Economic History of India"),
    "IR": ("Political Theory", "Theories of International Relations", "India's Foreign Policy", "International Law",
           "Diplomacy and Foreign Policy Analysis", "Global Governance", "International Political Economy",
           "Conflict and Peace Studies", "Research Methodology", "Regional Studies: South Asia"),
    "NU": ("Anatomy and Physiology", "Nutrition and Biochemistry", "Nursing Foundations", "Psychology",
           "Microbiology", "Sociology", "Pharmacology", "Pathology and Genetics", "Medical-Surgical Nursing",
           "Community Health Nursing", "Child Health Nursing", "Mental Health Nursing",
           "Midwifery and Obstetrical Nursing", "Nursing Research and Statistics",
           "Management of Nursing Services and Education", "Communication and Educational Technology"),
}
COURSES["IT"] = COURSES["CS"]
GRADES = {10: "O", 9: "A+", 8: "A", 7: "B+", 6: "B", 5: "C", 4: "P"}
# people who sign or are named beside the holder: never the holder's names
OFFICIAL_SURNAMES = ("Kulkarni", "Menon", "Chatterjee", "Gupta", "Rao", "Pillai", "Singh", "Joshi", "Mishra",
                     "Patil", "Subramanian", "Mukherjee", "Agarwal", "Krishnan", "Bhattacharya", "Deshmukh",
                     "Srinivasan", "Pandey", "Venkatesh", "Chauhan")
OFFICIAL_MEN = ("Suresh", "Ramesh", "Anil", "Prakash", "Sanjay", "Rajendra", "Venkata Ramana", "Ashok", "Manoj",
                "Sudhir", "Ravindra", "Girish", "Tapan Kumar", "Devendra")
OFFICIAL_WOMEN = ("Meena", "Sunita", "Anjali", "Rekha", "Shobha", "Uma", "Nirmala", "Vandana")
FATHERS = ("RAJESH", "MAHESH", "SRINIVAS", "ANAND", "MOHAN", "DILIP", "SUNIL", "GOPAL", "NARAYANAN", "JOSEPH",
           "FRANCIS", "VIJAY KUMAR", "SUBHASH", "KRISHNA MURTHY")
MOTHERS = ("SUNITA", "LATA", "MEERA", "RADHA", "USHA", "SAVITRI", "MARY", "GEETA", "PADMA", "SHANTHI")


def studied_in_india(facts: DossierFacts) -> bool:
    """A worker from India: the degree certificate of an Indian university or institute."""
    return facts.person.country.code == "IND"


# Words and numbers ----------------------------------------------------------------------------------------------

_ONES = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ORDINAL_WORDS = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
                  "nine": "ninth", "twelve": "twelfth"}


def _words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    return _TENS[n // 10] + (f"-{_ONES[n % 10]}" if n % 10 else "")


def _ordinal_words(n: int) -> str:
    """12 -> "twelfth", 21 -> "twenty-first", 30 -> "thirtieth"."""
    words = _words(n)
    head, _, last = words.rpartition("-")
    if last in _ORDINAL_WORDS:
        last = _ORDINAL_WORDS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return f"{head}-{last}" if head else last


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _year_words(year: int) -> str:
    rest = year - 2000
    return "Two Thousand" + (f" and {_words(rest).title()}" if rest else "")


def _say(d: dt.date, style: str) -> str:
    month = MONTHS[d.month - 1]
    return {"ord": f"{_ordinal(d.day)} {month}, {d.year}", "dmy": f"{d.day} {month} {d.year}",
            "slash": f"{d:%d/%m/%Y}", "dot": f"{d:%d.%m.%Y}", "dash": f"{d:%d-%m-%Y}",
            "abbr": f"{d.day:02d}-{month[:3]}-{d.year}", "mdy": f"{month} {d.day}, {d.year}"}[style]


def _month_year(d: dt.date, short: bool = False) -> str:
    return f"{MONTHS[d.month - 1][:3] if short else MONTHS[d.month - 1]} {d.year}"


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


# The degree -----------------------------------------------------------------------------------------------------

@dataclass
class Degree:
    title: str  # printed on its own line: the truth
    abbr: str  # "B.Tech."
    branch: str  # "Mechanical Engineering", or ""
    domain: str  # "eng", "sci", "com", "mgmt", "arts", "nursing"
    years: int

    @property
    def exam(self) -> str:
        """"B.Tech. (Mechanical Engineering)", "B.Com."."""
        return f"{self.abbr} ({self.branch})" if self.branch else self.abbr

    @property
    def master(self) -> bool:
        return self.title.startswith("Master")


def _degree(facts: DossierFacts, rng: random.Random) -> Degree:
    d = facts.diploma
    title = rng.choice(INDIAN_TITLES[d.title]) if d.title in INDIAN_TITLES else (
        d.title if d.english else "Bachelor of Arts")
    head, _, branch = title.partition(" in ")
    abbr = ABBR.get(head, "".join(w[0] + "." for w in head.split() if w[0].isupper()))
    low = title.lower()
    if "nursing" in low:
        domain = "nursing"
    elif "business" in low or "management" in low:
        domain = "mgmt" if title.startswith("Master") else "com"
    elif "commerce" in low or "accounting" in low or "vocation" in low:
        domain = "com"
    elif "arts" in low:
        domain = "arts"
    elif "technology" in low or "engineering" in low:
        domain = "eng"
    else:
        domain = "sci"
    years = 2 if title.startswith("Master") else 4 if domain in ("eng", "nursing") else 3
    return Degree(title, abbr, branch, domain, years)


# The people, the numbers, the dates -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Official:
    given: str
    surname: str
    prefix: str  # "Prof. (Dr.) ", "Dr. ", "Shri ", ""

    def name(self, initials: bool) -> str:
        given = " ".join(w[0] + "." for w in self.given.split()) if initials else self.given
        return f"{self.prefix}{given} {self.surname}"


def _official(avoid: set[str], rng: random.Random, academic: bool = True) -> Official:
    surname = rng.choice([s for s in OFFICIAL_SURNAMES if s.upper() not in avoid])
    female = rng.random() < 0.25
    given = rng.choice([g for g in (OFFICIAL_WOMEN if female else OFFICIAL_MEN) if g.upper() not in avoid])
    avoid |= {surname.upper(), given.upper()}
    prefix = rng.choice(("Prof. (Dr.) ", "Prof. ", "Dr. ") if academic else ("Dr. ", "Shri " if not female else
                                                                               "Smt. ", ""))
    return Official(given, surname, prefix)


@dataclass
class Semester:
    exam: str  # "Nov 2020"
    courses: list[tuple[str, str, int, str]]  # code, course, credits, grade
    sgpa: float


@dataclass
class Grant:
    facts: DossierFacts
    degree: Degree
    univ: Univ
    college: str
    holder: str  # as printed on the certificate
    parent: str  # "S/o Shri RAJESH BANERJEE", or ""
    father: str
    mother: str
    award: dt.date
    exam: dt.date  # the last examination (a month and year)
    result: dt.date
    issue: dt.date | None  # printed later than the award, or None
    style: str  # how full dates are printed
    ids: list[tuple[str, str]]  # the student numbers: (label, number)
    serial: tuple[str, str]
    hologram: str
    semesters: list[Semester]
    cgpa: float
    klass: str  # "First Class with Distinction"
    convocation: int
    admitted: int  # the year the holder was admitted
    font: FontKey
    ink: Color
    seal_ink: Color
    paper: Color
    officials: dict[str, Official] = field(default_factory=dict)

    def say(self, d: dt.date) -> str:
        return _say(d, self.style)

    @property
    def percentage(self) -> str:
        return f"{(self.cgpa - 0.75) * 10:.2f} %"


def _fits(univ: Univ, degree: Degree) -> bool:
    """A nursing degree from a health-sciences university or a deemed one; the others where they are taught."""
    if degree.domain == "nursing" and univ.kind == "state":
        return "nursing" in univ.domains.split()
    return univ.domains == "*" or degree.domain in univ.domains.split()


def _teaches(college: str, degree: Degree) -> bool:
    """An engineering college for an engineering degree, a nursing college for nursing, an arts, science or commerce
    college for the others."""
    technical = any(w in college for w in ("Engineering", "Technology", "Technical"))
    if degree.domain == "nursing":
        return "Nursing" in college
    return technical if degree.domain == "eng" else not technical and "Nursing" not in college


def _university(kinds: tuple[str, ...], degree: Degree, rng: random.Random) -> Univ:
    options = [u for u in UNIVERSITIES if u.kind in kinds and _fits(u, degree)]
    return rng.choice(options or [u for u in UNIVERSITIES if _fits(u, degree)])


def _prefix(degree: Degree) -> str:
    """The branch's code in course codes and student numbers."""
    if degree.domain == "eng":
        return "CS" if "Comput" in degree.branch else "IT" if "Information" in degree.branch else \
            "ME" if "Mech" in degree.branch else "SE"
    if degree.domain == "sci":
        return "CH" if "Chem" in degree.title else "DS"
    if degree.domain == "arts":
        return "EC" if "Econom" in degree.title else "IR"
    return {"com": "BC", "mgmt": "MB", "nursing": "NU"}[degree.domain]


def _student_id(label: str, pre: str, admitted: int, rng: random.Random) -> str:
    yy = f"{admitted % 100:02d}"
    return {"PRN": rng.choice((f"{rng.choice('70')}{yy}{_digits(rng, 6)}{rng.choice('ABCDEFGHJK')}",
                               f"{admitted}{_digits(rng, 12)}")),
            "Seat No.": f"{rng.choice('BTSAE')}{_digits(rng, 7)}",
            "Register No.": rng.choice((_digits(rng, 12), f"{yy}{pre}{_digits(rng, 4)}")),
            "USN": f"{rng.randint(1, 4)}{rng.choice(('RV', 'BM', 'SI', 'MS', 'PE'))}{yy}{pre}{rng.randint(1, 180):03d}",
            "Enrolment No.": rng.choice((f"A{_digits(rng, 10)}", f"{yy}{pre}{_digits(rng, 5)}",
                                         f"{admitted}{_digits(rng, 8)}")),
            "Hall Ticket No.": f"{yy}{rng.randint(10, 99)}1A{_digits(rng, 4)}",
            "Registration No.": rng.choice((f"{_digits(rng, 3)}-{_digits(rng, 4)}-{_digits(rng, 4)}-{yy}",
                                            f"{yy}{_digits(rng, 7)}")),
            "Roll No.": rng.choice((f"{yy}{pre}{_digits(rng, 4)}", f"{yy}{rng.choice('BDM')}{_digits(rng, 6)}")),
            "ID No.": f"{admitted}{rng.choice('AB')}{rng.randint(1, 8)}PS{_digits(rng, 4)}{rng.choice('PGH')}",
            }[label]


def _semesters(degree: Degree, exam: dt.date, rng: random.Random) -> tuple[list[Semester], float]:
    """Two semesters a year, the last one examined in `exam`'s month; grades around the holder's level."""
    level = rng.uniform(6.3, 9.4)
    prefix = _prefix(degree)
    first = [c for c in COURSES[prefix] if c in BASICS]  # the first year's common courses first (popped last)
    pool = [c for c in COURSES[prefix] if c not in BASICS]
    rng.shuffle(first)
    rng.shuffle(pool)
    pool += first
    scheme = rng.choice(("", f"{rng.randint(15, 21)}"))
    n = degree.years * 2
    semesters, points, credits, electives = [], 0.0, 0, 0
    for i in range(1, n + 1):
        back = (n - i) * 6
        month, year = exam.month - back, exam.year
        while month < 1:
            month, year = month + 12, year - 1
        rows = []
        names = []
        for _ in range(rng.randint(4, 6)):
            if not pool:
                electives += 1
            names.append(pool.pop() if pool else
                         f"{rng.choice(('Discipline Specific Elective', 'Generic Elective', 'Open Elective'))} - "
                         f"{electives}")
        if i == n:
            names = names[:3] + [rng.choice(("Project Work", "Major Project", "Dissertation", "Internship"))]
        for k, name in enumerate(names, 1):
            cr = 8 if name in ("Project Work", "Major Project", "Dissertation") else rng.choice((2, 3, 3, 4, 4))
            pt = max(4, min(10, round(level + rng.gauss(0, 0.9))))
            rows.append((f"{scheme}{prefix}{i}{k:02d}", name, cr, GRADES[pt]))
        sem_cr = sum(r[2] for r in rows)
        sem_pts = sum(r[2] * _points(r[3]) for r in rows)
        semesters.append(Semester(f"{MONTHS[month - 1][:3]} {year}", rows, round(sem_pts / sem_cr, 2)))
        points, credits = points + sem_pts, credits + sem_cr
    return semesters, round(points / credits, 2)


def _points(grade: str) -> int:
    return next(p for p, g in GRADES.items() if g == grade)


def _class(cgpa: float, division: bool) -> str:
    """The class (a Maharashtra or southern university's word) or division (a northern one's) a CGPA gives."""
    word = "Division" if division else "Class"
    if cgpa >= 7.75:
        return f"First {word} with Distinction"
    if cgpa >= 6.75:
        return f"First {word}"
    if division:
        return "Second Division"
    return "Higher Second Class" if cgpa >= 6.25 else "Second Class"


def _dates(facts: DossierFacts, rng: random.Random) -> tuple[dt.date, dt.date, dt.date | None]:
    """(the last examination, the result's declaration, the later date of printing or None): the examination and
    the result before the convocation, the printing after it and before the dossier was sent."""
    award = facts.diploma.award_date
    result = award - dt.timedelta(days=rng.randint(25, 230))
    exam = result - dt.timedelta(days=rng.randint(30, 80))
    while exam.month not in (4, 5, 6, 11, 12):  # the summer or the winter session
        exam = exam.replace(day=1) - dt.timedelta(days=1)
    exam = exam.replace(day=15)
    room = (facts.reference_date - award).days - 3
    issue = award + dt.timedelta(days=rng.randint(min(room, 8), min(room, 420))) if room >= 3 else None
    return exam, result, issue


def _grant(facts: DossierFacts, degree: Degree, layout: str, rng: random.Random) -> Grant:
    person, d = facts.person, facts.diploma
    kinds = {"convocation": ("state",), "seal": ("institute", "deemed"), "awarded": ("deemed", "deemed", "state")}
    univ = _university(kinds[layout], degree, rng)
    colleges = [c for c in univ.colleges if _teaches(c, degree)]
    college = rng.choice(colleges) if univ.kind == "state" and colleges and rng.random() < 0.7 else ""
    exam, result, issue = _dates(facts, rng)
    admitted = exam.year - degree.years if exam.month <= 8 else exam.year - degree.years + 1
    caps = rng.random() < 0.75
    name = f"{d.given_names.upper()} {person.surname.upper()}" if caps else f"{d.given_names} {person.surname}"
    female = person.sex == "F"
    honorific = rng.choice(("", "", "", "Ms. " if female else "Mr. ", "Kumari " if female else "Shri "))
    avoid = {person.surname.upper(), *d.given_names.upper().split(), *person.given_names.upper().split()}
    india = person.country.code == "IND"
    fathers = FATHERS if india else tuple(n.upper() for n in person.country.given_m)
    mothers = MOTHERS if india else tuple(n.upper() for n in person.country.given_f)
    father_given = rng.choice([f for f in fathers if f not in avoid and f.split()[0] not in avoid] or FATHERS)
    other = rng.choice(OFFICIAL_SURNAMES if india else person.country.surnames).upper()
    father = f"{father_given} {person.surname.upper() if rng.random() < 0.8 else other}"
    mother = rng.choice([n for n in mothers if n.split()[0] not in avoid] or MOTHERS)
    parent = ""
    if rng.random() < 0.45:
        lead = rng.choice((("D/o" if female else "S/o"), ("Daughter of" if female else "Son of")))
        parent = f"{lead} {rng.choice(('Shri ', 'Mr. ', ''))}{father if caps else father.title()}"
    semesters, cgpa = _semesters(degree, exam, rng)
    division = univ.state in ("Delhi", "Uttar Pradesh", "West Bengal") or rng.random() < 0.2
    labels = list(univ.ids[:rng.randint(1, len(univ.ids))])
    ids = [(label, _student_id(label, _prefix(degree), admitted, rng)) for label in labels]
    if layout == "awarded" and "Enrolment No." not in labels and rng.random() < 0.5:
        ids.append(("Enrolment No.", _student_id("Enrolment No.", _prefix(degree), admitted, rng)))
    serial = (rng.choice(("Sr. No.", "Sl. No.", "Serial No.", "No.")),
              rng.choice((_digits(rng, 7), f"{univ.abbr}/{facts.diploma.award_date.year}/{_digits(rng, 6)}",
                          f"{rng.choice('ABCDEFGH')} {_digits(rng, 6)}")))
    hologram = rng.choice((f"H {_digits(rng, 7)}", f"{univ.abbr}-H-{_digits(rng, 6)}", f"HG{_digits(rng, 8)}"))
    convocation = max(2, d.award_date.year - univ.first + rng.choice((0, 1)))
    family = rng.choice(("serif", "lserif", "lserif") if layout != "awarded" else ("sans", "lsans", "serif"))
    g = Grant(facts, degree, univ, college, f"{honorific}{name}", parent, father, mother, d.award_date, exam, result,
              issue, rng.choice(("ord", "ord", "dmy", "slash", "dot", "dash", "abbr", "mdy")), ids, serial, hologram,
              semesters, cgpa, _class(cgpa, division), convocation, admitted, FontKey(family), rng.choice(INKS),
              rng.choice(SEAL_INKS), rng.choice(PAPERS))
    for role in ("vc", "registrar", "coe", "director", "chairman"):
        g.officials[role] = _official(avoid, rng)
    return g


# Drawing --------------------------------------------------------------------------------------------------------

def _center(sheet: Sheet, x: float, y: float, text: str, size: float, font: FontKey, color: Color,
            width: float, smallest: float = 7.0) -> float:
    """`text` centred on `x` from the top `y`, shrunk then wrapped to `width`; returns the y under it."""
    size = _fit(text, font, size, width, smallest)
    for line in wrap(text, font, size, width):
        y += size * 0.3528
        sheet.add(Text(x, y, line, size, font, color, "center"))
        y += size * 0.3528 * 0.55
    return y


def _emblem(sheet: Sheet, cx: float, cy: float, r: float, g: Grant, light: bool = False) -> None:
    """The university's emblem: two rings, a wheel of 24 spokes, its initials under the wheel."""
    ink: Color = (min(255, g.ink[0] + 185), min(255, g.ink[1] + 185), min(255, g.ink[2] + 185)) if light else g.ink
    sheet.add(Box(cx - r, cy - r, 2 * r, 2 * r, stroke=ink, width=0.6 if not light else 1.2, radius=r),
              Box(cx - r * 0.86, cy - r * 0.86, 1.72 * r, 1.72 * r, stroke=ink, width=0.25, radius=r * 0.86))
    hub = (cx, cy - r * 0.12)
    for k in range(24):
        a = 2 * math.pi * k / 24
        sheet.add(Rule(hub[0] + r * 0.1 * math.cos(a), hub[1] + r * 0.1 * math.sin(a),
                       hub[0] + r * 0.48 * math.cos(a), hub[1] + r * 0.48 * math.sin(a), 0.15 if not light else 0.4,
                       ink))
    sheet.add(Box(hub[0] - r * 0.5, hub[1] - r * 0.5, r, r, stroke=ink, width=0.3, radius=r * 0.5))
    if not light:
        abbr = g.univ.abbr
        sheet.add(Text(cx, cy + r * 0.62, abbr, _fit(abbr, bold(g.font), r * 0.9, r * 1.2, 3), bold(g.font), g.ink,
                       "center"))


def _seal(sheet: Sheet, cx: float, cy: float, g: Grant) -> None:
    """The university's round seal in coloured ink."""
    ink, font = g.seal_ink, g.font
    top = g.univ.name.upper()
    sheet.add(Box(cx - 14, cy - 14, 28, 28, stroke=ink, width=0.6, radius=14),
              Box(cx - 11, cy - 11, 22, 22, stroke=ink, width=0.25, radius=11),
              Text(cx, cy - 11.6, top, _fit(top, bold(font), 4.2, 22, 2.2), bold(font), ink, "center"),
              Text(cx, cy + 1.4, g.univ.abbr, _fit(g.univ.abbr, bold(font), 9, 18, 4), bold(font), ink, "center"),
              Text(cx, cy + 6, "SEAL", 4, font, ink, "center"),
              Text(cx, cy + 12.6, g.univ.town.upper(), _fit(g.univ.town.upper(), font, 4, 18, 2.2), font, ink,
                   "center"))


def _hologram(sheet: Sheet, x: float, y: float, g: Grant) -> None:
    """A round hologram sticker of stripes and its number under it."""
    colors = ((205, 215, 235), (225, 210, 235), (210, 235, 225), (235, 230, 205))
    for k, c in enumerate(colors):
        sheet.add(Box(x + k * 0.8, y + k * 0.8, 16 - k * 1.6, 16 - k * 1.6, fill=c, stroke=None, radius=8 - k * 0.8))
    sheet.add(Text(x + 8, y + 9, g.univ.abbr, _fit(g.univ.abbr, bold(g.font), 6, 10, 3), bold(g.font),
                   (150, 150, 175), "center"))
    sheet.add(Text(x, y + 20, f"Hologram No. {g.hologram}", 6.5, g.font, GREY))


def _frame(sheet: Sheet, g: Grant, rng: random.Random) -> float:
    """A double frame, a zigzag band or a plain line round the page; returns the margin inside it."""
    w, h, ink = sheet.width, sheet.height, g.ink
    style = rng.choice(("double", "double", "zigzag", "line"))
    if style == "line":
        sheet.add(Box(9, 9, w - 18, h - 18, stroke=ink, width=0.5))
        return 14.0
    sheet.add(Box(7, 7, w - 14, h - 14, stroke=ink, width=1.2), Box(12.5, 12.5, w - 25, h - 25, stroke=ink, width=0.3))
    if style == "zigzag":
        step = 2.5
        for x0, y0, x1, y1 in ((9.5, 9.75, w - 9.5, 9.75), (9.5, h - 9.75, w - 9.5, h - 9.75)):
            n = int((x1 - x0) / step)
            for k in range(n):
                sheet.add(Rule(x0 + k * step, y0 - 1 if k % 2 else y0 + 1, x0 + (k + 1) * step,
                               y0 + 1 if k % 2 else y0 - 1, 0.2, ink))
        for x0, y0, y1 in ((9.75, 9.5, h - 9.5), (w - 9.75, 9.5, h - 9.5)):
            n = int((y1 - y0) / step)
            for k in range(n):
                sheet.add(Rule(x0 - 1 if k % 2 else x0 + 1, y0 + k * step, x0 + 1 if k % 2 else x0 - 1,
                               y0 + (k + 1) * step, 0.2, ink))
    else:
        for cx, cy in ((12.5, 12.5), (w - 12.5, 12.5), (12.5, h - 12.5), (w - 12.5, h - 12.5)):
            sheet.add(Box(cx - 2.2, cy - 2.2, 4.4, 4.4, fill=ink, stroke=None, radius=2.2))
    return 17.0


def _masthead(sheet: Sheet, g: Grant, left: float, right: float, top: float, rng: random.Random,
              emblem_left: bool) -> float:
    """The emblem, the motto, the university's name large and its status; returns the y under them."""
    width = right - left
    cx = (left + right) / 2
    if emblem_left:
        _emblem(sheet, left + 12, top + 12, 11, g)
        x0, x1 = left + 28, right - 4
        y = top + 3
    else:
        _emblem(sheet, cx, top + 11, 10.5, g)
        y = top + 23
        x0, x1 = left + width * 0.06, right - width * 0.06
    if g.univ.motto and rng.random() < 0.6:
        y = _center(sheet, cx if not emblem_left else (x0 + x1) / 2, y, g.univ.motto, 7.5,
                    FontKey(g.font.family, italic=True), GREY, x1 - x0)
        y += 0.8
    name = g.univ.name.upper() if rng.random() < 0.75 else g.univ.name
    y = _center(sheet, (x0 + x1) / 2, y + 1, name, 22 if sheet.width > sheet.height else 19, bold(g.font), g.ink,
                x1 - x0, 11)
    if g.univ.status and rng.random() < 0.8:
        y = _center(sheet, (x0 + x1) / 2, y + 0.5, g.univ.status, 8.5, FontKey(g.font.family, italic=True), GREY,
                    x1 - x0)
    if emblem_left:
        y = max(y, top + 26)
    return y + 3


def _body(sheet: Sheet, g: Grant, blocks: list[tuple], left: float, right: float, top: float, bottom: float,
          landscape: bool) -> None:
    """The certificate's lines between `top` and `bottom`: shrunk until they fit, then spread down the room."""
    mark = len(sheet.elements)

    def lay(scale: float, spread: float) -> float:
        del sheet.elements[mark:]
        cur = _Cursor(sheet, g.font, left, right, top + spread, scale)
        for kind, text in blocks:
            cur.y += spread
            if kind == "name":
                cur.y += 1.2 * scale
                cur.own_line(text, 19, bold(g.font), "center", (0, 0, 0))
                cur.y += 1.2 * scale
            elif kind == "title":
                cur.y += 1.5 * scale
                cur.own_line(text, 17, bold(g.font), "center", g.ink)
                cur.y += 1.5 * scale
            elif kind == "italic":
                cur.text(text, 10, FontKey(g.font.family, italic=True), "center", GREY, gap=1.0)
            elif kind == "small":
                cur.text(text, 9.5, align="center", gap=0.8)
            elif kind == "rows":
                _rows(cur, text, g)
            else:
                cur.text(text, 12.5 if landscape else 12, align="center", gap=1.2)
        return cur.y

    scale = 1.0
    for scale in (1.12, 1.05, 1.0, 0.94, 0.88, 0.82, 0.76, 0.7, 0.64, 0.58, 0.52):
        if lay(scale, 0.0) <= bottom:
            break
    end = lay(scale, 0.0)
    if bottom - end > 8:
        lay(scale, min((bottom - end) / (len(blocks) + 1), 7.0))


def _rows(cur: _Cursor, rows: list[tuple[str, str]], g: Grant) -> None:
    """Label : value pairs, two to a line, in a grid across the text column."""
    size = 9.5 * cur.scale
    width = (cur.right - cur.left) / 2
    cur.y += 1.5
    for k in range(0, len(rows), 2):
        cur.y += size * 0.3528 * 1.55
        for j, (label, value) in enumerate(rows[k:k + 2]):
            x = cur.left + j * width + 4
            text = f"{label} : "
            cur.sheet.add(Text(x, cur.y, text, size, g.font, GREY))
            cur.sheet.add(Text(x + text_width_mm(text, g.font, size), cur.y, value,
                               _fit(value, bold(g.font), size, width - 8 - text_width_mm(text, g.font, size), 5),
                               bold(g.font)))
    cur.y += 2.5


def _signatures(sheet: Sheet, g: Grant, roles: list[tuple[str, str]], left: float, right: float, y: float,
                names: bool, rng: random.Random) -> None:
    """The pen signatures across the foot, each with its name (on some) and its office under it."""
    width = (right - left) / len(roles)
    for k, (role, office) in enumerate(roles):
        x = left + width * (k + 0.5)
        _scribble(sheet, x - 11, y + 7, rng.uniform(18, 24), (25, 30, 95), rng)
        yy = y + 12
        if names:
            official = g.officials[role]
            sheet.add(Text(x, yy, official.name(rng.random() < 0.3), 8.5, bold(g.font), align="center"))
            yy += 4
        for line in wrap(office, g.font, 8.5, width - 4):
            sheet.add(Text(x, yy, line, 8.5, g.font, align="center"))
            yy += 3.6


def _id_lines(g: Grant) -> list[str]:
    return [f"{label} : {number}" for label, number in g.ids]


def _convocation(g: Grant, rng: random.Random) -> Sheet:
    """A state university's parchment: "having passed the … Examination … has been admitted to the degree of …
    at the Nth Convocation held on …"."""
    w, h = LANDSCAPE if rng.random() < 0.55 else PORTRAIT
    landscape = w > h
    sheet = Sheet(w, h, g.paper)
    if rng.random() < 0.5:
        _emblem(sheet, w / 2, h / 2 + 8, 55, g, light=True)  # the watermark
    m = _frame(sheet, g, rng)
    sheet.add(Text(m + 3, m + 5, f"{g.serial[0]} {g.serial[1]}", 8.5, g.font))
    for k, line in enumerate(_id_lines(g)):
        sheet.add(Text(w - m - 3, m + 5 + 4 * k, line, 8.5, g.font, align="right"))
    top = _masthead(sheet, g, m + 6, w - m - 6, m + 7, rng, emblem_left=False)
    d = g.degree
    opening = rng.choice(("This is to certify that", "This is to certify that", "Certified that",
                          "It is hereby certified that"))
    passed = rng.choice((f"having passed the {d.exam} Examination held in {_month_year(g.exam)}",
                         f"has passed the {d.exam} Examination held in {_month_year(g.exam)}",
                         (f"having been declared to have passed the {d.exam} Examination held in "
                          f"{_month_year(g.exam)}")))
    if rng.random() < 0.7:
        passed += rng.choice((f" in the {g.klass}", f" and having been placed in the {g.klass}",
                              f" and was placed in the {g.klass}"))
    if rng.random() < 0.35:
        passed += f" (CGPA {g.cgpa:.2f})"
    blocks: list[tuple] = [("line", opening), ("name", g.holder)]
    if g.parent:
        blocks.append(("small", g.parent))
    blocks.append(("line", passed))
    if g.college:
        blocks.append(("small", rng.choice((f"as a student of {g.college}", f"({g.college})",
                                            f"from {g.college}, affiliated to this University"))))
    blocks += [("line", rng.choice(("has been admitted to the degree of", "has this day been admitted to the Degree of",
                                    "has been duly admitted to the degree of"))),
               ("title", g.degree.title.upper() if rng.random() < 0.4 else g.degree.title)]
    nth = _ordinal(g.convocation)
    blocks.append(("line", rng.choice((f"at the {nth} Convocation held on {g.say(g.award)}",
                                       f"at the {nth} Annual Convocation of the University held on {g.say(g.award)}",
                                       f"at the Convocation held on {g.say(g.award)}"))))
    if rng.random() < 0.65:
        blocks.append(("italic", rng.choice(("In testimony whereof is set the Seal of the said University.",
                                             "In witness whereof the Seal of the University is hereunto affixed.",
                                             ("In testimony whereof the seal of the University and the signatures "
                                              "of its officers are hereunto affixed.")))))
    foot = h - m - 4
    sig_top = foot - 24
    _body(sheet, g, blocks, m + (18 if landscape else 10), w - m - (18 if landscape else 10), top + 2, sig_top - 13,
          landscape)
    # the foot: place and date at the left, the seal and the hologram, the signatures
    printed = rng.choices(("issue", "award", "none"), (55, 30, 15))[0] if g.issue else rng.choice(("award", "none"))
    sheet.add(Text(m + 6, sig_top - 7, f"Place : {g.univ.town}", 9.5, g.font))
    if printed != "none":
        day = g.issue if printed == "issue" and g.issue else g.award
        sheet.add(Text(m + 6, sig_top - 2, f"Date : {g.say(day)}", 9.5, g.font))
    left_office = rng.choice(("Registrar", "Director, Board of Examinations and Evaluation",
                              "Controller of Examinations"))
    roles = [("registrar" if left_office == "Registrar" else "coe", left_office), ("vc", "Vice-Chancellor")]
    _signatures(sheet, g, roles, m + 4, w - m - 4, sig_top, rng.random() < 0.6, rng)
    _seal(sheet, w / 2 + rng.uniform(-3, 3), sig_top + 10 + rng.uniform(-2, 2), g)
    if rng.random() < 0.6:  # under the serial number
        _hologram(sheet, m + 3, m + 8, g)
    return sheet


def _seal_day(g: Grant, rng: random.Random) -> str:
    a = g.award
    if rng.random() < 0.3:
        return (f"this {_ordinal_words(a.day).title()} day of {MONTHS[a.month - 1]}, "
                f"{_year_words(a.year)}")
    return f"this {_ordinal(a.day)} day of {MONTHS[a.month - 1]}, {a.year}"


def _seal_layout(g: Grant, rng: random.Random) -> Sheet:
    """An institute's or a deemed university's: "… hereby confers on … the degree of … Given under the seal …"."""
    w, h = LANDSCAPE if rng.random() < 0.5 else PORTRAIT
    landscape = w > h
    sheet = Sheet(w, h, g.paper)
    m = _frame(sheet, g, rng)
    sheet.add(Text(m + 3, m + 5, f"{g.serial[0]} {g.serial[1]}", 8.5, g.font))
    top = _masthead(sheet, g, m + 6, w - m - 6, m + 7, rng, emblem_left=rng.random() < 0.35)
    inst = "Institute" if g.univ.kind == "institute" else "University"
    body = ("Board of Governors", "Senate") if g.univ.kind == "institute" else ("Board of Management",
                                                                                "Academic Council")
    opening = rng.choice((f"The {body[0]}, on the recommendation of the {body[1]}, hereby confers on",
                          f"On the recommendation of the {body[1]}, the {g.univ.name} hereby confers on",
                          f"The {body[1]} of the {inst} hereby confers upon"))
    blocks: list[tuple] = [("line", opening), ("name", g.holder)]
    ident = g.ids[0]
    if rng.random() < 0.6:
        blocks.append(("small", f"{ident[0]} {ident[1]}"))
    if g.parent and rng.random() < 0.5:
        blocks.append(("small", g.parent))
    blocks += [("line", "the degree of"),
               ("title", g.degree.title.upper() if rng.random() < 0.35 else g.degree.title)]
    fulfil = rng.choice(("in recognition of the fulfilment of the requirements for the said degree",
                         ("who has satisfactorily completed the prescribed course of study and passed the "
                          "examinations for the said degree")))
    if rng.random() < 0.6:
        fulfil += rng.choice((f" with a Cumulative Grade Point Average of {g.cgpa:.2f} on a scale of 10",
                              f" with CGPA {g.cgpa:.2f}", f" in the {g.klass}"))
    testimony = f"In testimony whereof the seal of the {inst} and the signatures of its authorised officers are " \
                "hereunto affixed."
    if rng.random() < 0.7:
        blocks += [("line", fulfil + "."), ("italic", testimony),
                   ("line", f"Given under the seal of the {inst} {_seal_day(g, rng)}.")]
    else:
        blocks += [("line", fulfil + ","),
                   ("line", f"at its {_ordinal(g.convocation)} Convocation held on {g.say(g.award)}."),
                   ("italic", testimony)]
    foot = h - m - 4
    sig_top = foot - 24
    _body(sheet, g, blocks, m + (20 if landscape else 10), w - m - (20 if landscape else 10), top + 2, sig_top - 5,
          landscape)
    third = ("chairman", "Chairman, Board of Governors" if g.univ.kind == "institute" else "Chancellor")
    middle = ("director", "Director") if g.univ.kind == "institute" else ("vc", "Vice-Chancellor")
    roles = [("registrar", "Registrar"), middle, third]
    if rng.random() < 0.3:
        roles = [("coe", "Dean (Academic Programmes)" if g.univ.kind == "institute" else "Controller of Examinations"),
                 middle, ("registrar", "Registrar")]
    _signatures(sheet, g, roles, m + 4, w - m - 4, sig_top, rng.random() < 0.5, rng)
    _seal(sheet, w / 2 + rng.uniform(-25, -15), sig_top + 10 + rng.uniform(-2, 2), g)
    if g.issue and rng.random() < 0.35:
        sheet.add(Text(w - m - 3, m + 5, f"Date of Issue : {g.say(g.issue)}", 8, g.font, GREY, "right"))
    elif rng.random() < 0.5:
        sheet.add(Text(w - m - 3, m + 5, f"Hologram No. {g.hologram}", 8, g.font, GREY, "right"))
    return sheet


def _awarded(g: Grant, rng: random.Random) -> Sheet:
    """A newer certificate: a band or a logo, "has been awarded the degree of …", a grid of dates, a QR code."""
    w, h = PORTRAIT if rng.random() < 0.7 else LANDSCAPE
    landscape = w > h
    sheet = Sheet(w, h, g.paper if rng.random() < 0.5 else (255, 255, 255))
    m = 12.0
    sheet.add(Box(m - 4, m - 4, w - 2 * m + 8, h - 2 * m + 8, stroke=g.ink, width=0.8))
    photo = rng.random() < 0.4
    band = rng.random() < 0.5
    if band:
        sheet.add(Box(m - 4, m - 4, w - 2 * m + 8, 30, fill=g.ink, stroke=None))
        name = g.univ.name.upper()
        sheet.add(Box(m + 1, m + 2, 18, 18, fill=(255, 255, 255), stroke=None, radius=9))
        _emblem(sheet, m + 10, m + 11, 8.5, g)
        size = _fit(name, bold(g.font), 17, w - 2 * m - 30, 9)
        sheet.add(Text(m + 24, m + 10, name, size, bold(g.font), (255, 255, 255)))
        if g.univ.status:
            sheet.add(Text(m + 24, m + 17, g.univ.status, _fit(g.univ.status, g.font, 8, w - 2 * m - 30, 5.5),
                           g.font, (235, 235, 235)))
        top = m + 31
    else:
        top = _masthead(sheet, g, m + 2, w - m - 2 - (30 if photo else 0), m + 2, rng, emblem_left=True)
        sheet.add(Rule(m, top, w - m - (30 if photo else 0), top, 0.6, g.ink))
        top += 2
    # the numbers under the heading, the photo at the right
    numbers = [f"Certificate No. : {g.serial[1]}"] + _id_lines(g)
    if g.award.year >= 2022 and rng.random() < 0.6:
        numbers.append(f"ABC ID : {_digits(rng, 12)}")
    y = top + 4
    for line in numbers:
        sheet.add(Text(m + 2, y, line, 8.5, g.font))
        y += 4.2
    if photo:
        portrait(sheet, w - m - 26, top + 1 if band else m + 2, 24, 30, rng)
        y = max(y, (top + 32) if band else y)
    heading = rng.choice(("DEGREE CERTIFICATE", "DEGREE", "CERTIFICATE OF DEGREE", ""))
    if heading:
        y = _center(sheet, w / 2, y + 3, heading, 15, bold(g.font), g.ink, w - 2 * m - 60) + 1
    blocks: list[tuple] = [("line", "This is to certify that"), ("name", g.holder)]
    if g.parent:
        blocks.append(("small", g.parent))
    lead = rng.choice(("has been awarded the degree of",
                       "having fulfilled all the requirements has been awarded the degree of",
                       "has successfully completed the programme and is awarded the degree of"))
    blocks += [("line", lead), ("title", g.degree.title.upper() if rng.random() < 0.3 else g.degree.title)]
    merit = rng.choice((f"with CGPA {g.cgpa:.2f} on a 10-point scale ({g.klass})",
                        f"in the {g.klass} with CGPA {g.cgpa:.2f}",
                        f"in the {g.klass}"))
    fulfilment = " in recognition of the fulfilment of the requirements for the degree."
    blocks.append(("line", merit + rng.choice(("", fulfilment))))
    rows = [("Programme Duration", f"{g.admitted} – {g.exam.year}"),
            ("Month & Year of Passing", _month_year(g.exam))]
    if rng.random() < 0.7:
        rows.append(("Result Declared on", g.say(g.result)))
    award_label = rng.choice(("Date of Award", "Degree conferred on", "Convocation held on", "Date of Conferment"))
    rows.append((award_label, g.say(g.award)))
    if g.issue and rng.random() < 0.75:
        rows.append(("Date of Issue", g.say(g.issue)))
    rows.append(("Place", g.univ.town))
    if rng.random() < 0.4:
        rows = rows[1:] + rows[:1]
    blocks.append(("rows", rows))
    foot = h - m - 2
    sig_top = foot - 30
    _body(sheet, g, blocks, m + 8, w - m - 8, y + 2, sig_top - 4, landscape)
    # the foot: the QR code with the verification address, the hologram, the three signatures
    _qr(sheet, m + 2, sig_top + 2, 20, rng)
    verify = rng.choice((f"https://verify.{g.univ.web}", f"https://{g.univ.web}/verification",
                         "https://www.digilocker.gov.in"))
    sheet.add(Text(m + 2, sig_top + 26, f"Verify at {verify}", 6.5, g.font, GREY),
              Text(m + 2, sig_top + 29, f"Certificate ID : {g.univ.abbr}{g.award.year}{_digits(rng, 8)}", 6.5,
                   g.font, GREY))
    _hologram(sheet, m + 28, sig_top + 3, g)
    roles = [("coe", "Controller of Examinations"), ("registrar", "Registrar"), ("vc", "Vice-Chancellor")]
    _signatures(sheet, g, roles, m + 48, w - m, sig_top, True, rng)
    if rng.random() < 0.4:
        sheet.add(Text(w / 2, foot + 1, "This degree is also available in DigiLocker (National Academic Depository).",
                       6.5, FontKey(g.font.family, italic=True), GREY, "center"))
    return sheet


# The second page ------------------------------------------------------------------------------------------------

def _grade_card(g: Grant, rng: random.Random) -> Sheet:
    """The consolidated statement of marks: the holder, the semesters' courses and grades, the CGPA, the result."""
    sheet = Sheet(*PORTRAIT, background=(255, 255, 255))
    font = FontKey("sans" if rng.random() < 0.5 else "lsans")
    m = 13.0
    w = sheet.width
    _emblem(sheet, m + 9, m + 9, 8, g)
    y = _center(sheet, w / 2 + 8, m + 1, g.univ.name.upper(), 14, bold(font), g.ink, w - 2 * m - 30, 9)
    y = _center(sheet, w / 2 + 8, y, rng.choice(("Office of the Controller of Examinations", "Examination Section",
                                                 "Board of Examinations and Evaluation")), 8.5, font, GREY,
                w - 2 * m - 30)
    title = rng.choice(("CONSOLIDATED STATEMENT OF MARKS", "CONSOLIDATED GRADE CARD", "TRANSCRIPT OF ACADEMIC RECORD"))
    y = _center(sheet, w / 2, max(y, m + 18) + 2, title, 12, bold(font), (0, 0, 0), w - 2 * m)
    sheet.add(Text(w - m, m - 4.5, f"Sl. No. {rng.choice(('GC', 'CS', 'TR'))} {_digits(rng, 7)}", 7.5, font,
                   align="right"))
    person = g.facts.person
    given, surname = g.facts.diploma.given_names.upper(), person.surname.upper()
    name = f"{surname} {given}" if rng.random() < 0.35 else f"{given} {surname}"
    dob = g.say(person.birth_date) if g.style not in ("ord", "mdy") else f"{person.birth_date:%d/%m/%Y}"
    info = [("Name of the Candidate", name), ("Father's Name", g.father), ("Mother's Name", g.mother),
            ("Date of Birth", dob)]
    info += [(label, number) for label, number in g.ids]
    info += [("Programme", g.degree.title), ("Medium of Instruction", "English")]
    if g.college:
        info.append(("College", g.college))
    y += 3
    label_w = 44
    for label, value in info:
        y += 4.2
        sheet.add(Text(m, y, label, 8, font, GREY), Text(m + label_w, y, f": {value}",
                                                         _fit(f": {value}", bold(font), 8, w - 2 * m - label_w, 5.5),
                                                         bold(font)))
    y += 4
    # the semesters, in two columns
    col_w = (w - 2 * m - 6) / 2
    size = 6.4 if len(g.semesters) > 4 else 7.2
    step = size * 0.3528 * 1.6
    cols = [y, y]
    for k, sem in enumerate(g.semesters):
        c = k % 2
        if c == 0:
            cols = [max(cols), max(cols)]
        x = m + c * (col_w + 6)
        yy = cols[c]
        roman = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")[k]
        sheet.add(Box(x, yy, col_w, step + 1.2, fill=(232, 232, 236), stroke=None),
                  Text(x + 1.2, yy + step, f"SEMESTER {roman}  ({sem.exam})", size, bold(font)))
        yy += step + 1.2
        widths = (14.0, col_w - 14 - 16, 8.0, 8.0)
        for row in [("Code", "Course Title", "Cr", "Gr")] + [(c_, n_, str(cr), gr) for c_, n_, cr, gr in sem.courses]:
            yy += step
            xx = x + 1.2
            for width, cell in zip(widths, row):
                face = bold(font) if row[0] == "Code" else font
                sheet.add(Text(xx, yy, cell, _fit(cell, face, size, width - 1.2, 4.5), face))
                xx += width
        yy += step
        credits = sum(cr for _, _, cr, _ in sem.courses)
        sheet.add(Text(x + 1.2, yy, f"Credits : {credits}     SGPA : {sem.sgpa:.2f}", size, bold(font)),
                  Rule(x, yy + 1.5, x + col_w, yy + 1.5, 0.2, GREY))
        cols[c] = yy + 3.5
    y = max(cols) + 2
    total = sum(cr for sem in g.semesters for _, _, cr, _ in sem.courses)
    summary = [("Total Credits Earned", str(total)), ("CGPA", f"{g.cgpa:.2f}"), ("Class / Division", g.klass)]
    if rng.random() < 0.6:
        summary.append(("Equivalent Percentage", g.percentage))
    gc_issue = g.result + dt.timedelta(days=rng.randint(4, 40))
    if gc_issue == g.award:
        gc_issue -= dt.timedelta(days=1)
    summary += [("Result Declared on", g.say(g.result)), ("Date of Issue", g.say(gc_issue))]
    for k in range(0, len(summary), 2):
        y += 4.6
        for j, (label, value) in enumerate(summary[k:k + 2]):
            x = m + j * (w - 2 * m) / 2
            sheet.add(Text(x, y, f"{label} : {value}", 8.5, bold(font) if label == "CGPA" else font))
    y += 5
    scale = "Grades : O = 10 (Outstanding), A+ = 9, A = 8, B+ = 7, B = 6, C = 5, P = 4 (Pass), F = 0 (Fail), " \
            "Ab = Absent. CGPA = Σ(Ci × Gi) / ΣCi."
    for line in wrap(scale, font, 6.5, w - 2 * m):
        y += 3
        sheet.add(Text(m, y, line, 6.5, font, GREY))
    y = max(y + 10, sheet.height - m - 22)
    sheet.add(Text(m, y + 12, f"Place : {g.univ.town}", 8, font))
    _scribble(sheet, w - m - 50, y + 8, 22, (25, 30, 95), rng)
    coe = g.officials["coe"]
    sheet.add(Text(w - m - 38, y + 14, coe.name(False), 8, bold(font), align="center"),
              Text(w - m - 38, y + 18, "Controller of Examinations", 8, font, align="center"))
    _scribble(sheet, m + 40, y + 4, 14, (25, 30, 95), rng)
    sheet.add(Text(m + 46, y + 10, "Checked by", 7, font, GREY, "center"))
    return sheet


def _back(g: Grant, front: Sheet, rng: random.Random) -> Sheet:
    """The certificate's back: the university's stamp, "Attested by …" and on some the apostille."""
    sheet = Sheet(front.width, front.height, front.background)
    w, h = sheet.width, sheet.height
    font = g.font
    _seal(sheet, w * 0.25, h * 0.22, g)
    room = (g.facts.reference_date - g.award).days - 3
    first = g.award + dt.timedelta(days=rng.randint(min(room, 15), room)) if room >= 3 else None
    x, y = w * 0.5, h * 0.12
    who = rng.choice(("Deputy Registrar (Attestation Cell)", "Assistant Registrar (Examinations)"))
    lines = ["VERIFIED & ATTESTED", f"{who}", g.univ.name]
    if first:
        lines.append(f"Date : {first:%d/%m/%Y}")
    sheet.add(Box(x - 4, y - 6, w * 0.42, 6 + 4.6 * len(lines) + 14, stroke=g.seal_ink, width=0.5))
    for k, line in enumerate(lines):
        sheet.add(Text(x, y + 4.6 * k, line, _fit(line, bold(font), 9, w * 0.4, 5.5),
                       bold(font) if k == 0 else font, g.seal_ink))
    _scribble(sheet, x + 4, y + 4.6 * len(lines) + 6, 20, (25, 30, 95), rng)
    attest = rng.choice((f"Higher and Technical Education Department, Government of {g.univ.state}",
                         "Notary, Government of India", f"Department of Higher Education, {g.univ.state}"))
    officer = _official({g.facts.person.surname.upper()}, rng, academic=False)
    yy = h * 0.5
    sheet.add(Text(w * 0.12, yy, "Attested by", 9, bold(font)),
              Text(w * 0.12, yy + 5, officer.name(False), 9, font),
              Text(w * 0.12, yy + 9.5, attest, _fit(attest, font, 8.5, w * 0.4, 5), font))
    if attest.startswith("Notary"):
        sheet.add(Text(w * 0.12, yy + 14, f"Regd. No. {rng.randint(1000, 99999)}/{rng.randint(2010, 2020)}", 8.5,
                       font))
    if first:
        sheet.add(Text(w * 0.12, yy + 18.5, f"Date : {g.say(first)}", 8.5, font))
    if first and rng.random() < 0.6:
        later = first + dt.timedelta(days=rng.randint(1, max(1, min(40, (g.facts.reference_date - first).days - 2))))
        if later >= g.facts.reference_date:
            later = first
        ax, ay, aw = w * 0.55, h * 0.45, min(w * 0.4, 95.0)
        items = ["1. Country : INDIA",
                 "This public document",
                 f"2. has been signed by {g.officials['registrar'].name(False)}",
                 "3. acting in the capacity of Registrar",
                 f"4. bears the seal/stamp of {g.univ.name}",
                 "Certified",
                 "5. at New Delhi", f"6. the {later:%d/%m/%Y}",
                 "7. by Ministry of External Affairs, Government of India",
                 f"8. No. IN{rng.randint(10, 99)}{_digits(rng, 7)}",
                 "9. Seal/Stamp                 10. Signature"]
        sheet.add(Box(ax, ay, aw, 8 + 4.1 * len(items) + 10, stroke=(60, 60, 60), width=0.5))
        sheet.add(Text(ax + aw / 2, ay + 5, "APOSTILLE", 10, bold(font), align="center"),
                  Text(ax + aw / 2, ay + 8.5, "(Convention de La Haye du 5 octobre 1961)", 6.5, font, align="center"))
        for k, item in enumerate(items):
            sheet.add(Text(ax + 3, ay + 13 + 4.1 * k, item, _fit(item, font, 7.5, aw - 6, 5), font))
        _scribble(sheet, ax + aw - 30, ay + 13 + 4.1 * len(items) + 2, 20, (25, 30, 95), rng)
    return sheet


def degree_certificate_india(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, d = facts.person, facts.diploma
    degree = _degree(facts, rng)
    layout = rng.choice(("convocation", "seal", "awarded"))
    g = _grant(facts, degree, layout, rng)
    front = {"convocation": _convocation, "seal": _seal_layout, "awarded": _awarded}[layout](g, rng)
    sheets = [front]
    second = rng.choices(("none", "grades", "back"), (50, 30, 20))[0]
    if second == "grades":
        sheets.append(_grade_card(g, rng))
    elif second == "back":
        sheets.append(_back(g, front, rng))
    fields: dict[str, FieldValue] = {"holder_surname": person.surname, "holder_given_names": d.given_names,
                                     "title": degree.title, "award_date": d.award_date.isoformat()}
    return BuiltPiece("diploma", "diploma:degree_certificate_india", fields, sheets=sheets)

"""Fresh diploma family `urkunde_allemande` (fifteenth wave, `Fresh.wave` 14): the original degree documents of a
university of Germany, Austria or German-speaking Switzerland, in German, as a worker who studied there sends them.

Three sub-layouts, one per country:
- `urkunde` (Germany): the ceremonial deed on a portrait sheet, centred, in a serif face, a thin double frame on
  some: the university's logo box or crest and name, "URKUNDE" / "Bachelorurkunde" / "Masterurkunde" /
  "Diplomurkunde", then one of three wordings — "Die Technische Universität München verleiht Frau … geboren am …
  in … den akademischen Grad / Bachelor of Science / (B.Sc.) nachdem sie die Bachelorprüfung im Studiengang …
  am … bestanden hat", "Frau … hat am … die Bachelorprüfung im Studiengang … bestanden. Aufgrund dieser Prüfung
  wird ihr der akademische Grad … verliehen", or a faculty's "Die Fakultät … verleiht mit dieser Urkunde …" —,
  "München, den …" (the deed's own date, later), the president's (rector's) and the dean's (or the examination
  board's chair's) names under their pen signatures, the embossed seal between them, a register number on some.
  A university of applied sciences' "Bachelor of Engineering (B.Eng.)", TU Dresden's "Diplom-Ingenieur(in)
  (Dipl.-Ing.)", a nursing "Bachelor of Science" in "Pflege".
- `bescheid` (Austria): the "Verleihungsbescheid" of a university under § 87 UG 2002: the letterhead with the
  Studienabteilung and its address, the matriculation number, the Studienkennzahl ("UE 066 921"), a file number and
  "Wien, am …" (the notice's date), the holder's Viennese address on some, "BESCHEID", "Spruch" (the degree on its
  own line, "Diplom-Ingenieurin", "Master of Science (MSc)", "Magistra der Sozial- und Wirtschaftswissenschaften",
  an FH's "Bachelor of Science in Engineering"), "Begründung" ("hat das Masterstudium … am … abgeschlossen"),
  "Rechtsmittelbelehrung", "Für die Rektorin:" and the studienrechtliches Organ's name and signature, a round seal.
  Austrian months ("Jänner").
- `diplom_schweiz` (Switzerland): the diploma of ETH Zürich, a cantonal university or a university of applied
  sciences: "Die Eidgenössische Technische Hochschule Zürich verleiht … den Titel / Master of Science ETH in
  Informatik" (UZH, HSG, ZFH, BFH the same way with their own suffix, or none), "aus Senegal", "Zürich, …" — the
  diploma's date is the conferral itself — the rector's and the head of department's (dean's) signatures.

A second or third page on some: the "Zeugnis" ("Zeugnis über die Bachelorprüfung", "Masterprüfungszeugnis",
"Akademischer Leistungsausweis") with the matriculation number, the study start, a table of module groups (ECTS /
Leistungspunkte / Kreditpunkte and grades: "1,7" in Germany, "gut (2)" in Austria, "5.25" in Switzerland), the
thesis and its topic, "Gesamtnote: gut (1,9)" (Austria "mit Auszeichnung bestanden", Switzerland "5.21"), "Datum
der letzten Prüfungsleistung" / "Datum des Studienabschlusses" / "Abschlussdatum" (the award), the issue date, the
examination board chair's signature and the grading scale; and/or the university's English version of the deed
("Certificate", "Award Notice (English version)", "Diploma"), "… confers upon Ms … the academic degree …". On some
German and Austrian pages, a town hall's certification stamp ("Die Übereinstimmung dieser Abschrift mit der
Urschrift wird hiermit amtlich beglaubigt", its own later date and official).

Truth as the other diploma families: the holder as the facts give them (surname in capitals, "Frau" / "Herrn"
before it), the title as printed on its own line (the degree as that country's university words it: "Bachelor of
Science", "Diplom-Ingenieurin", "Master of Science ETH in Informatik"; the facts' English or French degree has its
German-speaking counterpart, which the truth takes), and the award date: the day the degree was earned — the
examination passed ("am … bestanden"), the studies completed ("am … abgeschlossen"), as the jury's date of the
French families; in Switzerland the diploma's own date, the conferral, as the Indian convocation. Distractors:
the birth date and place, the deed's or notice's later date (Germany, Austria), the Zeugnis's issue date, the
certification's date, the study start, the grade and ECTS, the matriculation, register, file and Studienkennzahl
numbers, the signatories' names ("Prof. Dr. …", "Univ.-Prof. Dipl.-Ing. Dr.techn. …").

Drawn for the foreign universities' degrees (the facts give no German-speaking worker: German, Austrian and Swiss
universities train many of the generator's nationalities); with nothing else allowed, for anyone."""
from __future__ import annotations

import datetime as dt
import itertools
import math
import random
from dataclasses import dataclass

from synth.facts import DossierFacts
from synth.fonts import FontKey, text_width_mm
from synth.layout import Box, Color, Rule, Sheet, Text, wrap
from synth.pieces.base import BuiltPiece, FieldValue, bold
from synth.pieces.fresh_diploma_band import _fit
from synth.pieces.fresh_diploma_titre_pro import _scribble

MONTHS_DE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
             "November", "Dezember")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
BLACK: Color = (0, 0, 0)
GREY: Color = (90, 90, 90)
PEN: Color = (25, 30, 95)
W, H = 210.0, 297.0

COUNTRY_EN = {"SEN": "Senegal", "MLI": "Mali", "MAR": "Morocco", "IND": "India", "VNM": "Viet Nam",
              "BRA": "Brazil", "UKR": "Ukraine", "COL": "Colombia", "CHN": "China", "PRT": "Portugal",
              "CIV": "Côte d'Ivoire", "TUN": "Tunisia", "CMR": "Cameroon"}
COUNTRY_DE = {"SEN": "Senegal", "MLI": "Mali", "MAR": "Marokko", "IND": "Indien", "VNM": "Vietnam",
              "BRA": "Brasilien", "UKR": "Ukraine", "COL": "Kolumbien", "CHN": "China", "PRT": "Portugal",
              "CIV": "Côte d'Ivoire", "TUN": "Tunesien", "CMR": "Kamerun"}


def foreign_degree(facts: DossierFacts) -> bool:
    """A degree of a foreign university: a German, Austrian or Swiss one's among them."""
    return facts.diploma.english


# The universities -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Univ:
    name: str  # nominative, "Technische Universität München"
    gen: str  # genitive with its article, "der Technischen Universität München"
    short: str  # the logo's letters
    city: str
    country: str  # "DE", "AT", "CH"
    kind: str  # "uni", "tu" (awards Diplom in Dresden and Dipl.-Ing. in Austria), "fh", "dual", "eth"
    domains: str  # "eng sci econ mgmt arts med"
    head: str  # "Präsident" or "Rektor"
    english: str
    city_en: str
    street: str
    suffix: str = ""  # Swiss titles: "ETH", "UZH", "HSG", "ZFH", "BFH"
    web: str = ""
    diplom: bool = False  # still awards the Diplom

    @property
    def article(self) -> str:
        return "Das" if self.name.startswith("Karlsruher Institut") else "Die"


UNIVERSITIES: tuple[Univ, ...] = (
    Univ("Technische Universität München", "der Technischen Universität München", "TUM", "München", "DE", "tu",
         "eng sci mgmt", "Präsident", "Technical University of Munich", "Munich", "Arcisstraße 21, 80333 München",
         web="www.tum.de"),
    Univ("Rheinisch-Westfälische Technische Hochschule Aachen", "der Rheinisch-Westfälischen Technischen Hochschule "
         "Aachen", "RWTH", "Aachen", "DE", "tu", "eng sci econ", "Rektor", "RWTH Aachen University", "Aachen",
         "Templergraben 55, 52062 Aachen", web="www.rwth-aachen.de"),
    Univ("Universität Stuttgart", "der Universität Stuttgart", "US", "Stuttgart", "DE", "tu", "eng sci", "Rektor",
         "University of Stuttgart", "Stuttgart", "Keplerstraße 7, 70174 Stuttgart", web="www.uni-stuttgart.de"),
    Univ("Technische Universität Dresden", "der Technischen Universität Dresden", "TUD", "Dresden", "DE", "tu",
         "eng sci econ arts", "Rektor", "Technische Universität Dresden", "Dresden", "Helmholtzstraße 10, 01069 Dresden",
         web="tu-dresden.de", diplom=True),
    Univ("Karlsruher Institut für Technologie", "des Karlsruher Instituts für Technologie", "KIT", "Karlsruhe", "DE",
         "tu", "eng sci econ", "Präsident", "Karlsruhe Institute of Technology", "Karlsruhe",
         "Kaiserstraße 12, 76131 Karlsruhe", web="www.kit.edu"),
    Univ("Ludwig-Maximilians-Universität München", "der Ludwig-Maximilians-Universität München", "LMU", "München",
         "DE", "uni", "sci econ mgmt arts", "Präsident", "Ludwig-Maximilians-Universität München", "Munich",
         "Geschwister-Scholl-Platz 1, 80539 München", web="www.lmu.de"),
    Univ("Universität Mannheim", "der Universität Mannheim", "UMA", "Mannheim", "DE", "uni", "econ mgmt arts", "Rektor",
         "University of Mannheim", "Mannheim", "Schloss, 68161 Mannheim", web="www.uni-mannheim.de"),
    Univ("Goethe-Universität Frankfurt am Main", "der Goethe-Universität Frankfurt am Main", "GU", "Frankfurt am Main",
         "DE", "uni", "sci econ mgmt arts", "Präsident", "Goethe University Frankfurt", "Frankfurt am Main",
         "Theodor-W.-Adorno-Platz 1, 60323 Frankfurt am Main", web="www.uni-frankfurt.de"),
    Univ("Universität Hamburg", "der Universität Hamburg", "UHH", "Hamburg", "DE", "uni", "sci econ arts", "Präsident",
         "Universität Hamburg", "Hamburg", "Mittelweg 177, 20148 Hamburg", web="www.uni-hamburg.de"),
    Univ("Freie Universität Berlin", "der Freien Universität Berlin", "FU", "Berlin", "DE", "uni",
         "sci econ mgmt arts", "Präsident", "Freie Universität Berlin", "Berlin", "Kaiserswerther Straße 16-18, 14195 "
         "Berlin", web="www.fu-berlin.de"),
    Univ("Hochschule für Technik und Wirtschaft Berlin", "der Hochschule für Technik und Wirtschaft Berlin", "HTW",
         "Berlin", "DE", "fh", "eng mgmt econ", "Präsident", "HTW Berlin - University of Applied Sciences", "Berlin",
         "Treskowallee 8, 10318 Berlin", web="www.htw-berlin.de"),
    Univ("Hochschule München", "der Hochschule München", "HM", "München", "DE", "fh", "eng mgmt", "Präsident",
         "Munich University of Applied Sciences", "Munich", "Lothstraße 34, 80335 München", web="www.hm.edu"),
    Univ("Duale Hochschule Baden-Württemberg Stuttgart", "der Dualen Hochschule Baden-Württemberg", "DHBW",
         "Stuttgart", "DE", "dual", "eng mgmt econ", "Präsident", "Baden-Wuerttemberg Cooperative State University",
         "Stuttgart", "Jägerstraße 56, 70174 Stuttgart", web="www.dhbw-stuttgart.de"),
    Univ("Hochschule für Gesundheit", "der Hochschule für Gesundheit", "HSG", "Bochum", "DE", "fh", "med",
         "Präsident", "University of Applied Sciences Bochum (Health)", "Bochum", "Gesundheitscampus 6-8, 44801 Bochum",
         web="www.hs-gesundheit.de"),
    Univ("Katholische Stiftungshochschule München", "der Katholischen Stiftungshochschule München", "KSH", "München",
         "DE", "fh", "med", "Präsident", "Catholic University of Applied Sciences Munich", "Munich",
         "Preysingstraße 95, 81667 München", web="www.ksh-m.de"),
    # Austria
    Univ("Technische Universität Wien", "der Technischen Universität Wien", "TU", "Wien", "AT", "tu", "eng sci",
         "Rektor", "TU Wien", "Vienna", "Karlsplatz 13, 1040 Wien", web="www.tuwien.at"),
    Univ("Technische Universität Graz", "der Technischen Universität Graz", "TUG", "Graz", "AT", "tu", "eng sci",
         "Rektor", "Graz University of Technology", "Graz", "Rechbauerstraße 12, 8010 Graz", web="www.tugraz.at"),
    Univ("Universität Wien", "der Universität Wien", "UW", "Wien", "AT", "uni", "sci econ mgmt arts", "Rektor",
         "University of Vienna", "Vienna", "Universitätsring 1, 1010 Wien", web="www.univie.ac.at"),
    Univ("Wirtschaftsuniversität Wien", "der Wirtschaftsuniversität Wien", "WU", "Wien", "AT", "wu", "econ mgmt",
         "Rektor", "WU Vienna University of Economics and Business", "Vienna", "Welthandelsplatz 1, 1020 Wien",
         web="www.wu.ac.at"),
    Univ("Universität Innsbruck", "der Universität Innsbruck", "UIBK", "Innsbruck", "AT", "uni", "sci econ mgmt arts",
         "Rektor", "University of Innsbruck", "Innsbruck", "Innrain 52, 6020 Innsbruck", web="www.uibk.ac.at"),
    Univ("Johannes Kepler Universität Linz", "der Johannes Kepler Universität Linz", "JKU", "Linz", "AT", "uni",
         "eng sci econ mgmt", "Rektor", "Johannes Kepler University Linz", "Linz", "Altenberger Straße 69, 4040 Linz",
         web="www.jku.at"),
    Univ("Fachhochschule Technikum Wien", "der Fachhochschule Technikum Wien", "FHTW", "Wien", "AT", "fh", "eng",
         "Rektor", "University of Applied Sciences Technikum Wien", "Vienna", "Höchstädtplatz 6, 1200 Wien",
         web="www.technikum-wien.at"),
    Univ("FH Campus Wien", "der FH Campus Wien", "FHCW", "Wien", "AT", "fh", "med mgmt eng", "Rektor",
         "FH Campus Wien - University of Applied Sciences", "Vienna", "Favoritenstraße 226, 1100 Wien",
         web="www.fh-campuswien.ac.at"),
    # Switzerland
    Univ("Eidgenössische Technische Hochschule Zürich", "der Eidgenössischen Technischen Hochschule Zürich", "ETH",
         "Zürich", "CH", "eth", "eng sci", "Rektor", "ETH Zurich", "Zurich", "Rämistrasse 101, 8092 Zürich", "ETH",
         web="www.ethz.ch"),
    Univ("Universität Zürich", "der Universität Zürich", "UZH", "Zürich", "CH", "uni", "sci econ mgmt arts", "Rektor",
         "University of Zurich", "Zurich", "Rämistrasse 71, 8006 Zürich", "UZH", web="www.uzh.ch"),
    Univ("Universität St. Gallen", "der Universität St. Gallen", "HSG", "St. Gallen", "CH", "hsg", "econ mgmt arts",
         "Rektor", "University of St.Gallen", "St. Gallen", "Dufourstrasse 50, 9000 St. Gallen", "HSG",
         web="www.unisg.ch"),
    Univ("Universität Basel", "der Universität Basel", "UNIBAS", "Basel", "CH", "uni", "sci econ arts", "Rektor",
         "University of Basel", "Basel", "Petersplatz 1, 4001 Basel", web="www.unibas.ch"),
    Univ("Universität Bern", "der Universität Bern", "UNIBE", "Bern", "CH", "uni", "sci econ mgmt arts", "Rektor",
         "University of Bern", "Bern", "Hochschulstrasse 6, 3012 Bern", web="www.unibe.ch"),
    Univ("Zürcher Hochschule für Angewandte Wissenschaften", "der Zürcher Hochschule für Angewandte Wissenschaften",
         "ZHAW", "Winterthur", "CH", "fh", "eng mgmt med", "Rektor", "Zurich University of Applied Sciences",
         "Winterthur", "Gertrudstrasse 15, 8400 Winterthur", "ZFH", web="www.zhaw.ch"),
    Univ("Berner Fachhochschule", "der Berner Fachhochschule", "BFH", "Bern", "CH", "fh", "eng mgmt med", "Rektor",
         "Bern University of Applied Sciences", "Bern", "Falkenplatz 24, 3012 Bern", "BFH", web="www.bfh.ch"),
)


# The degree programmes ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Field:
    de: str  # the Studiengang
    en: str
    faculty: str  # "Fakultät für <faculty>", "Departement <faculty>"
    faculty_en: str
    domain: str  # "eng", "sci", "econ", "mgmt", "arts", "med"
    modules: tuple[str, ...]
    theses: tuple[str, ...]


INFORMATIK = Field("Informatik", "Informatics", "Informatik", "Informatics", "eng",
                   ("Grundlagen der Programmierung", "Algorithmen und Datenstrukturen", "Rechnerarchitektur",
                    "Diskrete Strukturen", "Lineare Algebra", "Betriebssysteme und Systemsoftware",
                    "Datenbanksysteme", "Rechnernetze", "Softwaretechnik", "Theoretische Informatik",
                    "IT-Sicherheit", "Verteilte Systeme"),
                   ("Energieeffiziente Lastverteilung in heterogenen Edge-Clustern",
                    "Formale Verifikation nebenläufiger Protokolle mit TLA+",
                    "Erkennung von Anomalien in Netzwerkverkehr mit Graph Neural Networks"))
TECH_INFORMATIK = Field("Technische Informatik", "Computer Engineering", "Elektrotechnik und Informationstechnik",
                        "Electrical and Computer Engineering", "eng",
                        ("Digitaltechnik", "Grundlagen der Elektrotechnik", "Mikrocontroller und eingebettete Systeme",
                         "Signale und Systeme", "Rechnerarchitektur", "Programmieren in C", "Höhere Mathematik",
                         "Schaltungstechnik", "Echtzeitsysteme", "Regelungstechnik"),
                        ("Entwurf eines RISC-V-Kerns für sicherheitskritische Anwendungen",
                         "Hardwarebeschleunigung neuronaler Netze auf FPGAs"))
DATA = Field("Data Engineering and Analytics", "Data Engineering and Analytics", "Informatik", "Informatics", "eng",
             ("Machine Learning", "Statistical Foundations of Learning", "Datenbanksysteme für Data Science",
              "Big Data Management", "Data Visualization", "Natural Language Processing", "Cloud Computing",
              "Master-Praktikum"),
             ("Skalierbare Feature Stores für Streaming-Daten", "Kausale Inferenz in Beobachtungsdaten des Handels"))
DATA_SCIENCE = Field("Data Science", "Data Science", "Informatik", "Computer Science", "sci",
                     ("Statistical Learning", "Deep Learning", "Data Management", "Bayessche Statistik",
                      "Optimierung", "Data Ethics", "Visual Analytics", "Projektseminar"),
                     ("Unsicherheitsschätzung in Zeitreihenprognosen", "Fairness-Metriken für Kreditscoring-Modelle"))
MASCHINENBAU = Field("Maschinenbau", "Mechanical Engineering", "Maschinenwesen", "Mechanical Engineering", "eng",
                     ("Technische Mechanik", "Konstruktionslehre", "Werkstoffkunde", "Thermodynamik",
                      "Strömungsmechanik", "Fertigungstechnik", "Höhere Mathematik", "Maschinenelemente",
                      "Regelungstechnik", "Wärmeübertragung", "Industriepraktikum"),
                     ("Auslegung eines additiv gefertigten Wärmeübertragers",
                      "Simulation des Verschleißverhaltens von Gleitlagern"))
MECHATRONIK = Field("Mechatronik", "Mechatronics", "Maschinenwesen", "Mechanical Engineering", "eng",
                    ("Systemtheorie", "Modellbildung und Simulation", "Mechatronische Systeme", "Robotik",
                     "Sensorik und Aktorik", "Regelungstechnik", "Systems Engineering", "Projektarbeit"),
                    ("Modellprädiktive Regelung eines Hexapod-Prüfstands",
                     "Digitaler Zwilling einer Montagelinie für Elektromotoren"))
BWL = Field("Betriebswirtschaftslehre", "Business Administration", "Betriebswirtschaft", "Business Administration",
            "mgmt",
            ("Einführung in die BWL", "Buchführung und Bilanzierung", "Kosten- und Leistungsrechnung", "Marketing",
             "Finanzierung und Investition", "Wirtschaftsrecht", "Personalmanagement", "Statistik",
             "Mikroökonomik", "Unternehmensführung", "Controlling"),
            ("Nachhaltigkeitsberichterstattung im Mittelstand", "Preisstrategien im Online-Lebensmittelhandel"))
STEUERN = Field("BWL – Steuern und Prüfungswesen", "Business Administration – Taxation and Auditing",
                "Wirtschaft", "Business", "mgmt",
                ("Buchführung", "Jahresabschluss", "Ertragsteuern", "Umsatzsteuer", "Wirtschaftsprüfung",
                 "Kosten- und Leistungsrechnung", "Wirtschaftsprivatrecht", "Praxismodul"),
                ("Die Bilanzierung von Leasingverhältnissen nach IFRS 16",
                 "Umsatzsteuerliche Behandlung von Reihengeschäften"))
VWL = Field("Volkswirtschaftslehre", "Economics", "Wirtschaftswissenschaften", "Economics", "econ",
            ("Mikroökonomik", "Makroökonomik", "Ökonometrie", "Mathematik für Ökonomen", "Statistik",
             "Finanzwissenschaft", "Geld und Währung", "Internationale Wirtschaft", "Wirtschaftspolitik"),
            ("Geldpolitische Transmission im Euroraum nach 2015", "Mindestlohn und Beschäftigung im Gastgewerbe"))
INT_MGMT = Field("International Management", "International Management", "Wirtschaftswissenschaften",
                 "Business and Economics", "mgmt",
                 ("International Strategy", "Cross-Cultural Management", "Global Supply Chain Management",
                  "Corporate Finance", "International Marketing", "Research Methods", "Consulting Project"),
                 ("Markteintrittsstrategien deutscher Mittelständler in Westafrika",
                  "Interkulturelle Führung in virtuellen Teams"))
IR = Field("Internationale Beziehungen", "International Relations", "Sozialwissenschaften", "Social Sciences",
           "arts",
           ("Theorien der Internationalen Beziehungen", "Völkerrecht", "Internationale Politische Ökonomie",
            "Sicherheitspolitik", "Europäische Integration", "Methoden der Politikwissenschaft",
            "Außenpolitikanalyse", "Forschungskolloquium"),
           ("Die Afrikanische Union als Sicherheitsakteur", "Normdiffusion in der Klimadiplomatie"))
CHEMIE = Field("Chemie", "Chemistry", "Chemie", "Chemistry", "sci",
               ("Analytische Chemie", "Instrumentelle Analytik", "Massenspektrometrie", "Physikalische Chemie",
                "Organische Chemie", "Chemometrie", "Forschungspraktikum", "Qualitätssicherung im Labor"),
               ("Spurenanalytik perfluorierter Verbindungen in Oberflächenwasser",
                "Validierung einer HPLC-Methode zur Bestimmung von Mykotoxinen"))
PFLEGE = Field("Pflege", "Nursing", "Gesundheitswissenschaften", "Health Sciences", "med",
               ("Grundlagen der Pflegewissenschaft", "Anatomie und Physiologie", "Pflegeprozess",
                "Akutpflege", "Pharmakologie", "Gerontologische Pflege", "Praxiseinsätze", "Evidenzbasierte Pflege"),
               ("Sturzprävention in der stationären Altenpflege", "Schmerzerfassung bei Menschen mit Demenz"))
WIPÄD = Field("Wirtschaftspädagogik", "Business Education", "Sozial- und Wirtschaftswissenschaften",
              "Social and Economic Sciences", "mgmt",
              ("Fachdidaktik Rechnungswesen", "Berufs- und Wirtschaftspädagogik", "Betriebswirtschaftslehre",
               "Schulpraktikum", "Volkswirtschaftslehre", "Bildungsforschung"),
              ("Digitale Lernumgebungen im Rechnungswesenunterricht",))

DIPLOM_FIELDS = (INFORMATIK, TECH_INFORMATIK, MASCHINENBAU, MECHATRONIK)  # TU Dresden's Diplomstudiengänge

# the facts' degree -> (level, "sci" / "arts" / "eng", the programmes it can be)
DEGREES: dict[str, tuple[str, str, tuple[Field, ...]]] = {
    "Bachelor of Science in Computer Engineering": ("bachelor", "sci", (TECH_INFORMATIK, INFORMATIK)),
    "Master of Science in Data Analytics": ("master", "sci", (DATA, DATA_SCIENCE)),
    "Bachelor of Commerce": ("bachelor", "arts", (BWL,)),
    "Master of Arts in International Relations": ("master", "arts", (IR,)),
    "Bachelor of Technology in Mechanical Engineering": ("bachelor", "eng", (MASCHINENBAU,)),
    "Master Ingénierie des systèmes complexes": ("master", "eng", (MECHATRONIK,)),
    "Licence professionnelle Métiers de la gestion": ("bachelor", "arts", (BWL,)),
    "Diplôme d'ingénieur en informatique et réseaux": ("master", "eng", (INFORMATIK,)),
    "Master Management international": ("master", "sci", (INT_MGMT,)),
    "BTS Comptabilité et gestion": ("bachelor", "arts", (STEUERN, BWL)),
    "Licence Économie et gestion": ("bachelor", "sci", (VWL,)),
    "Master Chimie analytique": ("master", "sci", (CHEMIE,)),
    "Diplôme d'État d'infirmier": ("bachelor", "sci", (PFLEGE,)),
}


@dataclass(frozen=True)
class Degree:
    title: str  # as printed on its own line: the truth
    abbr: str  # "B.Sc.", "BSc (WU)", or ""
    level: str  # "bachelor", "master", "diplom", "magister"
    field: Field
    ects: int

    @property
    def exam(self) -> str:
        """"Bachelorprüfung", "Masterprüfung", "Diplomprüfung"."""
        return {"bachelor": "Bachelorprüfung", "master": "Masterprüfung", "diplom": "Diplomprüfung",
                "magister": "Masterprüfung"}[self.level]

    @property
    def studium(self) -> str:
        return {"bachelor": "Bachelorstudium", "diplom": "Diplomstudium"}.get(self.level, "Masterstudium")

    @property
    def thesis(self) -> str:
        return {"bachelor": "Bachelorarbeit", "diplom": "Diplomarbeit"}.get(self.level, "Masterarbeit")

    @property
    def exam_en(self) -> str:
        return {"bachelor": "Bachelor's examination", "diplom": "Diplom examination"}.get(self.level,
                                                                                           "Master's examination")


def _fits(univ: Univ, level: str, field: Field) -> bool:
    if field.domain not in univ.domains.split():
        return False
    return not (level == "master" and univ.kind == "dual")


def _unknown(title: str) -> tuple[str, str, tuple[Field, ...]]:
    low = title.lower()
    if low.startswith("master"):
        return "master", "sci", (INT_MGMT,)
    return "bachelor", "sci", (INFORMATIK,)


def _degree(univ: Univ, level: str, cls: str, field: Field, female: bool, rng: random.Random) -> Degree:
    """The degree as the university words it."""
    c = univ.country
    ects = 180 if level == "bachelor" else 120
    if level == "bachelor" and c == "DE" and univ.kind in ("fh", "dual") and rng.random() < 0.5:
        ects = 210  # seven semesters, a practical one among them
    if c == "DE":
        if level == "master" and univ.diplom and field in DIPLOM_FIELDS and rng.random() < 0.7:
            title = "Diplom-Ingenieurin" if female else "Diplom-Ingenieur"
            return Degree(title, "Dipl.-Ing.", "diplom", field, 300)
        eng = univ.kind in ("fh", "dual") and field.domain == "eng"
        arts = cls == "arts" or (univ.kind == "dual" and field.domain == "mgmt") or field.domain == "arts"
        kind = "Engineering" if eng else "Arts" if arts else "Science"
        if level == "bachelor":
            return Degree(f"Bachelor of {kind}", f"B.{'Eng' if eng else 'A' if arts else 'Sc'}.", level, field, ects)
        return Degree(f"Master of {kind}", f"M.{'Eng' if eng else 'A' if arts else 'Sc'}.", level, field, ects)
    if c == "AT":
        if level == "master" and univ.kind == "tu" and field.domain == "eng":
            return Degree("Diplom-Ingenieurin" if female else "Diplom-Ingenieur", "Dipl.-Ing.", level, field, ects)
        if level == "master" and field.domain in ("mgmt", "econ") and univ.kind in ("wu", "uni") and \
                rng.random() < 0.35:
            title = f"{'Magistra' if female else 'Magister'} der Sozial- und Wirtschaftswissenschaften"
            return Degree(title, "Mag.rer.soc.oec.", "magister", WIPÄD, ects)
        short = "BSc" if level == "bachelor" else "MSc"
        if univ.kind == "fh":
            if field.domain == "med":
                return Degree("Bachelor of Science in Health Studies", "BSc", level, field, ects)
            if field.domain == "eng":
                return Degree(f"{'Bachelor' if level == 'bachelor' else 'Master'} of Science in Engineering",
                              short, level, field, ects)
            return Degree(f"{'Bachelor' if level == 'bachelor' else 'Master'} of Arts in Business",
                          "BA" if level == "bachelor" else "MA", level, field, ects)
        arts = cls == "arts" or field.domain == "arts"
        head = "Bachelor" if level == "bachelor" else "Master"
        kind = "Arts" if arts else "Science"
        abbr = ("BA" if level == "bachelor" else "MA") if arts else short
        if univ.kind == "wu":
            return Degree(f"{head} of {kind} (WU)", f"{abbr} (WU)", level, field, ects)
        return Degree(f"{head} of {kind}", abbr, level, field, ects)
    # Switzerland: the field is part of the title, after the institution's suffix
    ects = 180 if level == "bachelor" else rng.choice((90, 120))
    head = "Bachelor" if level == "bachelor" else "Master"
    arts = cls == "arts" or field.domain in ("arts",) or (univ.kind == "hsg" and field.domain == "mgmt")
    kind = "Arts" if arts else "Science"
    name = field.en if univ.kind == "hsg" else field.de
    suffix = f" {univ.suffix}" if univ.suffix else ""
    return Degree(f"{head} of {kind}{suffix} in {name}", "", level, field, ects)


# Names, dates, numbers ------------------------------------------------------------------------------------------

GIVEN_M = ("Thomas", "Andreas", "Michael", "Stefan", "Matthias", "Wolfgang", "Christoph", "Markus", "Jürgen",
           "Martin", "Klaus", "Gerhard", "Florian", "Ulrich", "Reto", "Beat", "Lukas")
GIVEN_F = ("Sabine", "Claudia", "Petra", "Andrea", "Susanne", "Birgit", "Katharina", "Julia", "Monika", "Ursula",
           "Barbara", "Christine", "Anja", "Regula", "Cornelia")
SURNAMES = ("Hofmann", "Schulz", "Wagner", "Becker", "Kleinschmidt", "Hartmann", "Vogel", "Brandt", "Lehmann",
            "Zimmermann", "Krüger", "Schäfer", "Neumann", "Huber", "Gruber", "Pichler", "Steiner", "Moser",
            "Baumann", "Keller", "Brunner", "Meier", "Frei", "Lüthi", "Wenzel", "Seidl", "Aigner", "Ebner")


@dataclass(frozen=True)
class Official:
    name: str  # "Prof. Dr. Thomas Hofmann"
    female: bool


def _official(country: str, avoid: set[str], rng: random.Random, engineer: bool = False) -> Official:
    female = rng.random() < 0.35
    given = rng.choice([g for g in (GIVEN_F if female else GIVEN_M) if g not in avoid])
    surname = rng.choice([s for s in SURNAMES if s not in avoid])
    avoid |= {given, surname}
    if country == "AT":
        grade = rng.choice(("Univ.-Prof. Dipl.-Ing. Dr.techn.", "Univ.-Prof. Dr.", "Univ.-Prof. Mag. Dr.",
                            "Ao.Univ.-Prof. Dipl.-Ing. Dr.")) if engineer else \
            rng.choice(("Univ.-Prof. Dr.", "Univ.-Prof. Mag. Dr.", "Assoz.-Prof. Dr."))
    elif country == "CH":
        grade = "Prof. Dr."
    else:
        grade = rng.choice(("Prof. Dr.-Ing.", "Prof. Dr.", "Prof. Dr.-Ing. habil.")) if engineer else \
            rng.choice(("Prof. Dr.", "Prof. Dr.", "Prof. Dr. Dr. h.c."))
    return Official(f"{grade} {given} {surname}", female)


def _office(word: str, female: bool, article: bool = True) -> str:
    """"Der Präsident", "Die Präsidentin", "Die Dekanin"; without the article: "Präsidentin"."""
    feminine = {"Präsident": "Präsidentin", "Rektor": "Rektorin", "Dekan": "Dekanin", "Vorsitzende": "Vorsitzende",
                "Departementsvorsteher": "Departementsvorsteherin", "Studiendekan": "Studiendekanin",
                "Vizerektor": "Vizerektorin", "Direktor": "Direktorin", "Leiter": "Leiterin"}
    head, _, rest = word.partition(" ")
    noun = feminine.get(head, head) if female else head
    text = f"{noun} {rest}".strip()
    if not article:
        return text
    return f"{'Die' if female else 'Der'} {text}"


def _say(d: dt.date, style: str, country: str) -> str:
    """"12. März 2021" ("12. Jänner 2021" in Austria) or "12.03.2021"."""
    if style == "num":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    month = "Jänner" if country == "AT" and d.month == 1 else MONTHS_DE[d.month - 1]
    return f"{d.day}. {month} {d.year}"


def _say_en(d: dt.date, style: str) -> str:
    month = MONTHS_EN[d.month - 1]
    return f"{month} {d.day}, {d.year}" if style == "mdy" else f"{d.day} {month} {d.year}"


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def _semester(start: dt.date, country: str) -> str:
    if country == "CH":
        return f"{'Herbstsemester' if start.month >= 8 else 'Frühjahrssemester'} {start.year}"
    if start.month >= 8:
        return f"Wintersemester {start.year}/{str(start.year + 1)[2:]}"
    return f"Sommersemester {start.year}"


# The grant ------------------------------------------------------------------------------------------------------

@dataclass
class Grant:
    facts: DossierFacts
    univ: Univ
    degree: Degree
    female: bool
    holder: str  # "Fatou N'DIAYE"
    style: str  # "long" or "num"
    award: dt.date  # the examination passed / the studies completed (Switzerland: the diploma's date)
    issued: dt.date  # the deed's, the notice's, the transcript's date
    certified: dt.date  # a town hall's certification
    start: dt.date
    head: Official
    dean: Official
    chair: Official
    matrikel: str
    register: str
    grade: tuple[str, str]  # ("gut", "1,9"), ("mit Auszeichnung bestanden", ""), ("", "5.25")
    born_in: str  # "Dakar (Senegal)"

    @property
    def country(self) -> str:
        return self.univ.country

    def say(self, d: dt.date) -> str:
        return _say(d, self.style, self.country)

    @property
    def title_word(self) -> str:
        """"Frau", "Herrn" (after "verleiht")."""
        return "Frau" if self.female else "Herrn"

    @property
    def nominative(self) -> str:
        return "Frau" if self.female else "Herr"

    @property
    def she(self) -> str:
        return "sie" if self.female else "er"

    @property
    def her(self) -> str:
        return "ihr" if self.female else "ihm"

    @property
    def faculty(self) -> str:
        f = self.degree.field.faculty
        if self.univ.kind == "eth":
            return f"Departement {f}"
        if self.univ.kind in ("fh", "dual"):
            return f"Fakultät {f}" if self.country == "DE" else f"Studiengang {self.degree.field.de}"
        return f"Fakultät für {f}"


def _grade(country: str, level: str, rng: random.Random) -> tuple[str, str]:
    if country == "DE":
        value = rng.choice((1.1, 1.3, 1.4, 1.6, 1.7, 1.8, 1.9, 2.0, 2.1, 2.3, 2.4, 2.6, 2.8, 3.0))
        word = "sehr gut" if value <= 1.5 else "gut" if value <= 2.5 else "befriedigend"
        if value <= 1.2 and rng.random() < 0.5:
            word = "mit Auszeichnung"
        return word, f"{value:.1f}".replace(".", ",")
    if country == "AT":
        return rng.choice(("mit Auszeichnung bestanden", "bestanden", "bestanden", "mit gutem Erfolg bestanden")), ""
    return "", f"{rng.choice((4.75, 5.0, 5.12, 5.21, 5.25, 5.38, 5.5, 5.63)):.2f}"


def _dates(facts: DossierFacts, country: str, rng: random.Random) -> tuple[dt.date, dt.date]:
    """(the deed's or the notice's date, a town hall's certification): after the award and before the dossier."""
    award = facts.diploma.award_date
    room = (facts.reference_date - award).days
    issued = award + dt.timedelta(days=min(rng.randint(12, 80), max(room - 20, 6)))
    if country == "CH":
        issued = award + dt.timedelta(days=min(rng.randint(6, 40), max(room - 20, 6)))
    later = max((facts.reference_date - issued).days - 3, 1)
    certified = issued + dt.timedelta(days=rng.randint(min(20, later), later))
    return issued, certified


def _grant(facts: DossierFacts, rng: random.Random) -> Grant:
    person, d = facts.person, facts.diploma
    level, cls, fields = DEGREES.get(d.title) or _unknown(d.title)
    field = rng.choice(fields)
    country = rng.choices(("DE", "AT", "CH"), (55, 25, 20))[0]
    if country != "DE" and field is STEUERN:  # a German dual study programme's
        field = BWL
    fitting = [u for u in UNIVERSITIES if u.country == country and _fits(u, level, field)]
    if not fitting:
        fitting = [u for u in UNIVERSITIES if _fits(u, level, field)]
    univ = rng.choice(fitting)
    female = person.sex == "F"
    degree = _degree(univ, level, cls, field, female, rng)
    issued, certified = _dates(facts, univ.country, rng)
    years = {"bachelor": 3, "master": 2, "diplom": 5, "magister": 2}[degree.level]
    start_year = d.award_date.year - years - (1 if d.award_date.month < 8 else 0)
    start = dt.date(start_year, 10 if univ.country != "CH" else 9, 1)
    if rng.random() < 0.2 and univ.country != "CH":
        start = dt.date(start_year + 1, 4, 1)
    avoid = {person.surname.title(), *d.given_names.split()}
    engineer = field.domain == "eng"
    head, dean, chair = (_official(univ.country, avoid, rng, engineer and k > 0) for k in range(3))
    if univ.country == "DE":
        matrikel = _digits(rng, rng.choice((6, 7, 8)))
    elif univ.country == "AT":
        matrikel = f"{rng.choice(('0', '1'))}{str(start.year)[2:]}{_digits(rng, 5)}"
    else:
        matrikel = f"{str(start.year)[2:]}-{_digits(rng, 3)}-{_digits(rng, 3)}"
    register = rng.choice((f"{issued.year}/{_digits(rng, 5)}", _digits(rng, 6),
                           f"{univ.short}-{issued.year}-{_digits(rng, 4)}"))
    city = person.birth_city.title().replace("'S", "'s")
    home = COUNTRY_DE.get(person.country.code, person.country.name_en)
    return Grant(facts, univ, degree, female, f"{d.given_names} {person.surname}",
                 rng.choice(("long", "long", "num")), d.award_date, issued, certified, start, head, dean, chair,
                 matrikel, register, _grade(univ.country, degree.level, rng), f"{city} ({home})")


# Drawing --------------------------------------------------------------------------------------------------------

Block = tuple  # (kind, *arguments)


class _Column:
    """Blocks laid down a text column, shrunk until they fit between `top` and `bottom`."""

    def __init__(self, sheet: Sheet, font: FontKey, left: float, right: float, top: float, bottom: float,
                 ink: Color):
        self.sheet, self.font, self.left, self.right = sheet, font, left, right
        self.top, self.bottom, self.ink = top, bottom, ink

    def lay(self, blocks: list[Block]) -> float:
        mark = len(self.sheet.elements)
        y = self.bottom
        for scale in (1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6):
            del self.sheet.elements[mark:]
            y = self._lay(blocks, scale)
            if y <= self.bottom:
                break
        return y

    def _para(self, y: float, text: str, size: float, font: FontKey, align: str = "left", color: Color = BLACK,
              indent: float = 0.0, lead: float = 1.45) -> float:
        step = size * 0.3528 * lead
        for line in wrap(text, font, size, self.right - self.left - indent):
            y += step
            x = {"left": self.left + indent, "center": (self.left + self.right) / 2, "right": self.right}[align]
            self.sheet.add(Text(x, y, line, size, font, color, align))  # type: ignore[arg-type]
        return y + step * 0.25

    def _lay(self, blocks: list[Block], s: float) -> float:
        font, y = self.font, self.top
        italic = FontKey(font.family, italic=True)
        for block in blocks:
            kind = block[0]
            if kind == "gap":
                y += block[1] * s
            elif kind == "c":  # ("c", text, size): centred
                y = self._para(y, block[1], block[2] * s, font, "center")
            elif kind == "cb":  # centred, bold, on one line
                size = _fit(block[1], bold(font), block[2] * s, self.right - self.left, 7)
                y = self._para(y, block[1], size, bold(font), "center", block[3] if len(block) > 3 else BLACK)
            elif kind == "ci":  # centred, italic
                y = self._para(y, block[1], block[2] * s, italic, "center", GREY)
            elif kind == "p":  # ("p", text, size): a left-aligned paragraph
                y = self._para(y, block[1], block[2] * s, font) + 1.0 * s
            elif kind == "h":  # a bold heading on the left
                y = self._para(y + 1.5 * s, block[1], block[2] * s, bold(font)) + 0.5 * s
            elif kind == "r":  # a line on the right
                y = self._para(y, block[1], block[2] * s, font, "right")
            elif kind == "small":
                y = self._para(y, block[1], 7.5 * s, font, "left", GREY, lead=1.3)
            elif kind == "pairs":  # ("pairs", rows, label width, size)
                y = self._pairs(y, block[1], block[2], block[3] * s)
            elif kind == "table":  # ("table", header, rows, widths, aligns, size)
                y = self._table(y, block[1], block[2], block[3], block[4], block[5] * s)
            elif kind == "sigs":  # ("sigs", [(name, office)], seal words or "", seed)
                y = self._signatures(y, block[1], block[2], block[3], s)
            elif kind == "rsig":  # ("rsig", lead, name, office, seal words, seed): one signature on the right
                y = self._right_signature(y, block[1], block[2], block[3], block[4], block[5], s)
            elif kind == "rule":
                y += 2 * s
                self.sheet.add(Rule(self.left, y, self.right, y, 0.3, GREY))
                y += 1.5 * s
        return y

    def _pairs(self, y: float, rows: list[tuple[str, str]], label_w: float, size: float) -> float:
        step = size * 0.3528 * 1.5
        label_w = max(label_w, max(text_width_mm(label, self.font, size) for label, _ in rows) + 4)
        for label, value in rows:
            lines = wrap(value, self.font, size, self.right - self.left - label_w)
            y += step
            self.sheet.add(Text(self.left, y, label, size, self.font, GREY))
            for k, line in enumerate(lines):
                self.sheet.add(Text(self.left + label_w, y + k * step, line, size, bold(self.font)))
            y += (len(lines) - 1) * step
        return y + step * 0.4

    def _table(self, y: float, header: tuple[str, ...], rows: list[tuple[str, ...]], widths: tuple[float, ...],
               aligns: str, size: float) -> float:
        step = size * 0.3528 * 1.55
        total = self.right - self.left
        xs = [self.left]
        for w in widths:
            xs.append(xs[-1] + w * total)

        def cell(text: str, k: int, yy: float, face: FontKey) -> None:
            if aligns[k] == "r":
                self.sheet.add(Text(xs[k + 1] - 1.5, yy, text, size, face, BLACK, "right"))
            elif aligns[k] == "c":
                self.sheet.add(Text((xs[k] + xs[k + 1]) / 2, yy, text, size, face, BLACK, "center"))
            else:
                self.sheet.add(Text(xs[k] + 1.5, yy, text, _fit(text, face, size, xs[k + 1] - xs[k] - 3, 5.5), face))

        y += 1.5
        self.sheet.add(Box(self.left, y, total, step + 1.2, fill=(232, 232, 232), stroke=None))
        for k, text in enumerate(header):
            cell(text, k, y + step - 0.2, bold(self.font))
        y += step + 1.2
        self.sheet.add(Rule(self.left, y, self.right, y, 0.35, BLACK))
        for row in rows:
            y += step
            for k, text in enumerate(row):
                cell(text, k, y - 0.8, self.font)
            self.sheet.add(Rule(self.left, y + 0.6, self.right, y + 0.6, 0.1, (150, 150, 150)))
        self.sheet.add(Rule(self.left, y + 0.6, self.right, y + 0.6, 0.35, BLACK))
        return y + 3

    def _signatures(self, y: float, people: list[tuple[str, str]], seal: str, seed: int, s: float) -> float:
        rng = random.Random(seed)
        n = len(people)
        gap = 30.0 if seal and n == 2 else 0.0  # the seal between the two signatures, clear of their names
        width = (self.right - self.left - gap) / n
        base = y + 16 * s
        bottom = base
        for k, (name, office) in enumerate(people):
            x0 = self.left + k * (width + gap)
            cx = x0 + width / 2
            _scribble(self.sheet, cx - 14, base - 4, 26, PEN, rng)
            self.sheet.add(Rule(x0 + 6, base, x0 + width - 6, base, 0.2, GREY))
            yy = base
            for text, face in ((name, self.font), (office, self.font)):
                for line in wrap(text, face, 9 * s, width - 8):
                    yy += 9 * s * 0.3528 * 1.4
                    self.sheet.add(Text(cx, yy, line, 9 * s, face, BLACK, "center"))
            bottom = max(bottom, yy)
        if seal:
            _seal(self.sheet, (self.left + self.right) / 2, base - 2, seal, self.font, self.ink, rng)
        return bottom + 3 * s

    def _right_signature(self, y: float, lead: str, name: str, office: str, seal: str, seed: int, s: float) -> float:
        rng = random.Random(seed)
        x0 = (self.left + self.right) / 2 + 10
        y = self._para_at(y, x0, lead, 10 * s)
        base = y + 13 * s
        _scribble(self.sheet, x0 + 4, base - 3, 30, PEN, rng)
        y = base
        for text in (name, office):
            y = self._para_at(y, x0, text, 9.5 * s)
        if seal:
            _seal(self.sheet, self.left + 35, base - 2, seal, self.font, self.ink, rng)
            y = max(y, base + 15)
        return y + 2 * s

    def _para_at(self, y: float, x0: float, text: str, size: float) -> float:
        for line in wrap(text, self.font, size, self.right - x0):
            y += size * 0.3528 * 1.4
            self.sheet.add(Text(x0, y, line, size, self.font))
        return y


def _seal(sheet: Sheet, cx: float, cy: float, words: str, font: FontKey, ink: Color, rng: random.Random) -> None:
    """The university's round seal (embossed or inked): two rings, a small emblem, its name in small capitals."""
    r = rng.uniform(13, 16)
    color: Color = ink if rng.random() < 0.6 else (150, 150, 155)
    sheet.add(Box(cx - r, cy - r, 2 * r, 2 * r, stroke=color, width=0.7, radius=r),
              Box(cx - r + 1.5, cy - r + 1.5, 2 * r - 3, 2 * r - 3, stroke=color, width=0.2, radius=r - 1.5))
    pts = [(cx + 4 * math.cos(a), cy - 4 + 4 * math.sin(a)) for a in (k * math.pi / 3 for k in range(7))]
    for a, b in itertools.pairwise(pts):
        sheet.add(Rule(a[0], a[1], b[0], b[1], 0.35, color))
    words = words.upper()
    half = len(words.split()) // 2 + (len(words.split()) % 2)
    for k, line in enumerate((" ".join(words.split()[:half]), " ".join(words.split()[half:]))):
        if line:
            sheet.add(Text(cx, cy + 4 + 3 * k, line, _fit(line, bold(font), 4.2, 2 * r - 7, 2.4), bold(font), color,
                           "center"))


def _logo(sheet: Sheet, g: Grant, font: FontKey, ink: Color, x: float, y: float, centred: bool) -> float:
    """The university's mark and name; returns the y under it."""
    sans = FontKey("lsans" if font.family.startswith("l") else "sans", True)
    if centred:
        cx = W / 2
        sheet.add(Box(cx - 9, y, 18, 18, stroke=ink, width=0.6, radius=9),
                  Text(cx, y + 11, g.univ.short, _fit(g.univ.short, sans, 9, 15, 4.5), sans, ink, "center"))
        size = _fit(g.univ.name, bold(font), 15, W - 50, 9)
        sheet.add(Text(cx, y + 28, g.univ.name, size, bold(font), ink, "center"))
        return y + 36
    box = max(16.0, text_width_mm(g.univ.short, sans, 11) + 6)
    sheet.add(Box(x, y, box, 12, fill=ink, stroke=None),
              Text(x + box / 2, y + 8.5, g.univ.short, 11, sans, (255, 255, 255), "center"))
    sheet.add(Text(x + box + 4, y + 5.5, g.univ.name, _fit(g.univ.name, bold(font), 11, W - x - box - 26, 7),
                   bold(font), ink))
    sheet.add(Text(x + box + 4, y + 10.5, g.univ.city if g.country != "DE" else g.univ.english, 8, font, GREY))
    return y + 18


def _certification(sheet: Sheet, g: Grant, font: FontKey, rng: random.Random) -> None:
    """A town hall's certification of the copy, stamped in the bottom margin."""
    town = g.univ.city
    office = rng.choice((f"Stadt {town} – Bürgerbüro", f"Bürgeramt {town}", f"Magistrat der Stadt {town}"
                         if g.country == "AT" else f"Landeshauptstadt {town} – Bürgerservice"))
    ink: Color = (40, 70, 150)
    x, y, w, h = 22.0, H - 38.0, 96.0, 27.0
    sheet.add(Box(x, y, w, h, stroke=ink, width=0.5))
    lines = ["Die Übereinstimmung dieser Abschrift mit der vorgelegten Urschrift wird hiermit amtlich beglaubigt.",
             f"{town}, {_say(g.certified, 'num', g.country)}"]
    yy = y + 3.5
    small = FontKey(font.family)
    for text in lines:
        for line in wrap(text, small, 7, w - 4):
            sheet.add(Text(x + 2, yy, line, 7, small, ink))
            yy += 3.1
    clerk = f"{rng.choice(GIVEN_F + GIVEN_M)} {rng.choice(SURNAMES)}"
    sheet.add(Text(x + 2, yy + 1.5, office, 7, bold(small), ink),
              Text(x + 2, yy + 5, f"Im Auftrag: {clerk}", 7, small, ink),
              Text(x + w - 2, y + h - 2, f"Gebühr: {rng.choice(('5,00', '6,50', '8,00', '10,00'))} EUR", 6.5, small,
                   ink, "right"))
    _scribble(sheet, x + w - 36, yy + 3.5, 20, PEN, rng)


# The pages ------------------------------------------------------------------------------------------------------

def _urkunde(g: Grant, font: FontKey, ink: Color, paper: Color, rng: random.Random) -> Sheet:
    """The German deed."""
    sheet = Sheet(W, H, background=paper)
    framed = rng.random() < 0.55
    if framed:
        sheet.add(Box(12, 12, W - 24, H - 24, stroke=ink, width=0.9), Box(14, 14, W - 28, H - 28, stroke=ink,
                                                                            width=0.25))
    centred = rng.random() < 0.5
    top = _logo(sheet, g, font, ink, 26, 24, centred) + 6
    d = g.degree
    heading = rng.choice(("URKUNDE", "Urkunde", {"bachelor": "Bachelorurkunde", "master": "Masterurkunde",
                                                 "diplom": "Diplomurkunde"}.get(d.level, "Urkunde")))
    blocks: list[Block] = [("cb", heading, 24, ink), ("gap", 8)]
    wording = rng.choice(("verleiht", "aufgrund", "fakultaet") if g.univ.kind in ("uni", "tu") else
                         ("verleiht", "aufgrund"))
    born = f"geboren am {g.say(g.facts.person.birth_date)} in {g.born_in}"
    title = [("cb", d.title, 17), ("c", f"({d.abbr})", 12)] if d.abbr and rng.random() < 0.75 else \
        [("cb", d.title, 17)]
    program = rng.choice((f"im Studiengang {d.field.de}", f"im Studiengang „{d.field.de}“"))
    if wording == "verleiht":
        blocks += [("c", f"{g.univ.article} {g.univ.name}", 12), ("c", "verleiht", 12), ("gap", 4),
                   ("c", g.title_word, 12), ("cb", g.holder, 18), ("c", born, 11), ("gap", 4),
                   ("c", "den akademischen Grad", 12), ("gap", 2)] + title + [("gap", 5),
                   ("c", f"nachdem {g.she} die {d.exam} {program}", 11),
                   ("c", f"am {g.say(g.award)} bestanden hat.", 11)]
    elif wording == "aufgrund":
        grade = f" mit der Gesamtnote „{g.grade[0]}“" if rng.random() < 0.5 else ""
        blocks += [("c", g.nominative, 12), ("cb", g.holder, 18), ("c", born, 11), ("gap", 4),
                   ("c", f"hat am {g.say(g.award)} die {d.exam} {program}{grade} bestanden.", 11), ("gap", 4),
                   ("c", f"Aufgrund dieser Prüfung verleiht {g.her} {g.univ.article.lower()} {g.univ.name}", 11),
                   ("c", "den akademischen Grad", 11), ("gap", 2)] + title
    else:
        blocks += [("c", f"Die {g.faculty}", 12), ("c", f"{g.univ.gen}", 12),
                   ("c", "verleiht mit dieser Urkunde", 12), ("gap", 4),
                   ("c", g.title_word, 12), ("cb", g.holder, 18), ("c", born, 11), ("gap", 4),
                   ("c", "den akademischen Grad", 12), ("gap", 2)] + title + [("gap", 5),
                   ("c", f"nachdem {g.she} die {d.exam} {program}", 11),
                   ("c", f"am {g.say(g.award)} bestanden hat.", 11)]
    place = rng.choice((f"{g.univ.city}, den {g.say(g.issued)}", f"{g.univ.city}, {g.say(g.issued)}"))
    blocks += [("gap", 10), ("c", place, 11), ("gap", 6)]
    second = ("Dekan der " + g.faculty) if g.univ.kind not in ("fh", "dual") or rng.random() < 0.5 else \
        "Vorsitzende des Prüfungsausschusses"
    other = g.dean if second.startswith("Dekan") else g.chair
    blocks.append(("sigs", [(g.head.name, _office(g.univ.head, g.head.female)),
                            (other.name, _office(second, other.female))], g.univ.name, rng.randrange(1 << 30)))
    certified = rng.random() < 0.25
    bottom = H - (44 if certified else 22)
    _Column(sheet, font, 28, W - 28, top, bottom, ink).lay(blocks)
    if rng.random() < 0.5:
        sheet.add(Text(28 if not framed else 20, H - 16, f"Reg.-Nr. {g.register}", 7, font, GREY))
    if certified:
        _certification(sheet, g, font, rng)
    return sheet


def _bescheid(g: Grant, font: FontKey, ink: Color, rng: random.Random) -> Sheet:
    """The Austrian notice of award."""
    sheet = Sheet(W, H)
    d, person = g.degree, g.facts.person
    _logo(sheet, g, font, ink, 22, 16, False)
    office = rng.choice(("Studienabteilung", "Studien- und Prüfungsabteilung", "Studienservice und Lehrwesen"))
    fh = g.univ.kind == "fh"
    if fh:  # a Fachhochschule's programme has a four-digit number, its degree the Kollegium awards
        office = rng.choice(("Studiengangsadministration", "Studierendenservice"))
        kennzahl = f"{rng.randint(200, 899):04d}"
    else:
        kennzahl = f"U{rng.choice('ABE')} {'033' if d.level == 'bachelor' else '066'} {rng.randint(100, 999)}"
    right = [office, g.univ.street, f"Matrikelnummer: {g.matrikel}" if not fh else f"Personenkennzeichen: {g.matrikel}",
             f"{'Studiengangskennzahl' if fh else 'Studienkennzahl'}: {kennzahl}",
             f"GZ: {g.register}"]
    for k, line in enumerate(right):
        sheet.add(Text(W - 22, 42 + 4.3 * k, line, 8.5, font, GREY if k < 2 else BLACK, "right"))
    y = 44.0
    if rng.random() < 0.6:
        street = rng.choice(("Favoritenstraße", "Mariahilfer Straße", "Wiedner Hauptstraße", "Leopoldsgasse",
                             "Thaliastraße", "Herrengasse", "Annenstraße"))
        zips = {"Wien": ("1040", "1050", "1100", "1160", "1200"), "Graz": ("8010", "8020"), "Linz": ("4020", "4040"),
                "Innsbruck": ("6020",)}
        for k, line in enumerate((g.nominative, g.holder, f"{street} {rng.randint(2, 140)}/{rng.randint(1, 24)}",
                                  f"{rng.choice(zips.get(g.univ.city, ('1040',)))} {g.univ.city}")):
            sheet.add(Text(22, y + 5 * k, line, 10, font))
    when = f"{g.univ.city}, am {g.say(g.issued)}"
    blocks: list[Block] = [("r", when, 10), ("gap", 6), ("cb", "BESCHEID", 16),
                           ("c", rng.choice(("über die Verleihung eines akademischen Grades",
                                             "über die Verleihung des akademischen Grades")), 10), ("gap", 4),
                           ("h", "Spruch", 11)]
    law = rng.choice(("Gemäß § 87 Abs. 1 Universitätsgesetz 2002 (UG), BGBl. I Nr. 120/2002 in der geltenden Fassung,",
                      "Gemäß § 87 Abs. 1 in Verbindung mit § 51 Abs. 2 Z 14 UG 2002"))
    if g.univ.kind == "fh":
        law = "Gemäß § 6 Abs. 2 Fachhochschulgesetz (FHG), BGBl. Nr. 340/1993 in der geltenden Fassung,"
    blocks += [("p", (f"{law} wird {g.title_word} {g.holder}, geboren am "
                     f"{g.say(person.birth_date)} in {g.born_in}, nach dem Abschluss des "
                     f"{d.studium.replace('studium', 'studiengang') if fh else d.studium}s "
                     f"{d.field.de} der akademische Grad"), 10.5), ("gap", 1), ("cb", d.title, 14)]
    if d.abbr:
        blocks.append(("c", f"abgekürzt: {d.abbr}", 10))
    blocks += [("gap", 1), ("p", "verliehen.", 10.5), ("h", "Begründung", 11)]
    ects = f" im Umfang von {d.ects} ECTS-Anrechnungspunkten" if rng.random() < 0.6 else ""
    genannte = "Die Genannte" if g.female else "Der Genannte"
    studium = f"den {d.studium.replace('studium', '')}studiengang" if fh else f"das {d.studium}"
    blocks.append(("p", (f"{genannte} hat {studium} {d.field.de} ({kennzahl}){ects} am {g.say(g.award)} "
                        f"mit Erfolg abgeschlossen. Da alle im Curriculum vorgeschriebenen Prüfungen positiv beurteilt "
                        f"wurden, war spruchgemäß zu entscheiden."), 10.5))
    blocks += [("h", "Rechtsmittelbelehrung", 9.5),
               ("small", ("Gegen diesen Bescheid kann binnen vier Wochen nach Zustellung schriftlich Beschwerde beim "
                         "studienrechtlichen Organ eingebracht werden. Die Beschwerde hat den Bescheid und die "
                         "Behörde zu bezeichnen, die Gründe, auf die sich die Behauptung der Rechtswidrigkeit "
                         "stützt, das Begehren und die Angaben zu enthalten, die erforderlich sind, um zu beurteilen, "
                         "ob die Beschwerde rechtzeitig eingebracht ist.")), ("gap", 3)]
    who = rng.choice(("Studiendekan", "Vizerektor für Studium und Lehre", "Direktor der Studienabteilung"))
    lead = f"Für {'die Rektorin' if g.head.female else 'den Rektor'}:"
    if fh:
        who, lead = "Leiter des Studiengangs", "Für das Kollegium:"
    blocks.append(("rsig", lead, g.dean.name, _office(who, g.dean.female, False), g.univ.name,
                   rng.randrange(1 << 30)))
    certified = rng.random() < 0.25
    _Column(sheet, font, 22, W - 22, y + 22, H - (44 if certified else 20), ink).lay(blocks)
    sheet.add(Text(W / 2, H - 10, f"{g.univ.name} · {g.univ.street} · {g.univ.web}", 7, font, GREY, "center"))
    if certified:
        _certification(sheet, g, font, rng)
    return sheet


def _diplom_ch(g: Grant, font: FontKey, ink: Color, paper: Color, rng: random.Random) -> Sheet:
    """The Swiss diploma: the title with the field, the conferral's date."""
    sheet = Sheet(W, H, background=paper)
    if rng.random() < 0.4:
        sheet.add(Box(15, 15, W - 30, H - 30, stroke=ink, width=0.5))
    top = _logo(sheet, g, font, ink, 26, 26, rng.random() < 0.5) + 10
    d, person = g.degree, g.facts.person
    grantor = f"Die {g.univ.name}" if g.univ.kind != "uni" or rng.random() < 0.5 else \
        f"Die {g.faculty} {g.univ.gen}"
    word = "den Titel" if g.univ.kind in ("eth", "fh") else rng.choice(("den akademischen Grad", "den Titel"))
    origin = rng.choice((f"aus {COUNTRY_DE.get(person.country.code, person.country.name_en)}",
                         f"von {g.born_in.split(' (')[0]}, {COUNTRY_DE.get(person.country.code, '')}".rstrip(", ")))
    blocks: list[Block] = [("cb", rng.choice(("DIPLOM", "Diplom", "Urkunde")), 22, ink), ("gap", 10),
                           ("c", grantor, 12), ("c", "verleiht", 12), ("gap", 4), ("c", g.title_word, 12),
                           ("cb", g.holder, 18), ("c", f"geboren am {g.say(person.birth_date)}", 11),
                           ("c", origin, 11), ("gap", 5), ("c", word, 12), ("gap", 2), ("cb", d.title, 16),
                           ("gap", 10), ("c", f"{g.univ.city}, {g.say(g.award)}", 11), ("gap", 8)]
    second = "Departementsvorsteher" if g.univ.kind == "eth" else "Dekan" if g.univ.kind != "fh" else \
        "Direktor des Departements"
    blocks.append(("sigs", [(g.head.name, _office(g.univ.head, g.head.female)),
                            (g.dean.name, _office(second, g.dean.female))], g.univ.name, rng.randrange(1 << 30)))
    _Column(sheet, font, 30, W - 30, top, H - 24, ink).lay(blocks)
    if rng.random() < 0.6:
        sheet.add(Text(W - 22, H - 18, f"Nr. {g.register}", 7, font, GREY, "right"))
    return sheet


def _modules(g: Grant, rng: random.Random) -> tuple[list[tuple[str, ...]], str]:
    """The module groups' rows (name, credits, grade), the thesis's row included, the credits summing to the degree's;
    and the thesis's topic."""
    d = g.degree
    names = rng.sample(d.field.modules, min(len(d.field.modules), rng.randint(6, 9)))
    thesis = 12 if d.level == "bachelor" else 30
    if d.level == "diplom":
        thesis = 30
    rest = d.ects - thesis
    weights = [rng.randint(2, 6) for _ in names]
    credits = [max(5, round(rest * w / sum(weights))) for w in weights]
    credits[-1] += rest - sum(credits)
    rows = []
    for name, credit in zip(names, credits):
        rows.append((name, str(credit), _grade_of(g, rng)))
    rows.append((d.thesis, str(thesis), _grade_of(g, rng)))
    return rows, rng.choice(d.field.theses)


def _grade_of(g: Grant, rng: random.Random) -> str:
    if g.country == "DE":
        return rng.choice(("1,0", "1,3", "1,7", "2,0", "2,3", "2,7", "3,0", "1,3", "1,7"))
    if g.country == "AT":
        return rng.choice(("sehr gut (1)", "gut (2)", "sehr gut (1)", "befriedigend (3)", "gut (2)"))
    return f"{rng.choice((4.5, 4.75, 5.0, 5.25, 5.5, 5.75, 6.0)):.2f}"


def _zeugnis(g: Grant, font: FontKey, ink: Color, rng: random.Random) -> Sheet:
    """The certificate of grades."""
    sheet = Sheet(W, H)
    d, person = g.degree, g.facts.person
    top = _logo(sheet, g, font, ink, 22, 16, False) + 4
    heading = {"DE": rng.choice((f"Zeugnis über die {d.exam}", f"{d.exam.replace('prüfung', '')}zeugnis",
                                 "ZEUGNIS")),
               "AT": rng.choice((f"{d.exam}szeugnis", "Abschlusszeugnis", f"Zeugnis über das {d.studium}")),
               "CH": rng.choice(("Akademischer Leistungsausweis", "Notenblatt", "Leistungsübersicht"))}[g.country]
    credit = {"DE": rng.choice(("ECTS", "LP", "CP")), "AT": "ECTS", "CH": "KP"}[g.country]
    grade_word = "Beurteilung" if g.country == "AT" else "Note"
    born = f"geboren am {g.say(person.birth_date)} in {g.born_in}"
    blocks: list[Block] = [("cb", heading, 16, ink), ("c", g.faculty, 10), ("gap", 4)]
    prose = rng.random() < 0.5 and g.country != "CH"
    if prose:
        if g.country == "DE":
            result = f"mit der Gesamtnote {g.grade[0]} ({g.grade[1]})"
        else:
            result = g.grade[0].removesuffix(" bestanden") if g.grade[0].startswith("mit") else "mit Erfolg"
        blocks.append(("p", (f"{g.nominative} {g.holder}, {born}, Matrikelnummer {g.matrikel}, hat die {d.exam} im "
                            f"Studiengang {d.field.de} {result} bestanden."), 10.5))
    else:
        rows = [("Name, Vorname", f"{person.surname}, {g.facts.diploma.given_names}"),
                ("Geburtsdatum", g.say(person.birth_date)), ("Geburtsort", g.born_in),
                ("Matrikelnummer", g.matrikel), ("Studiengang", d.field.de),
                ("Studienbeginn", _semester(g.start, g.country))]
        blocks.append(("pairs", rows, 42.0, 10))
    modules, topic = _modules(g, rng)
    blocks += [("gap", 2), ("table", ("Modul / Prüfungsbereich" if g.country == "DE" else "Lehrveranstaltung / Modul",
                                      credit, grade_word), modules, (0.66, 0.12, 0.22), "lrr", 9.5)]
    blocks.append(("p", f"Thema der {d.thesis}: „{topic}“", 10))
    total = [("Summe der Leistungspunkte" if g.country == "DE" else "Kreditpunkte total" if g.country == "CH"
              else "ECTS-Anrechnungspunkte gesamt", f"{d.ects} {credit}")]
    if g.country == "DE":
        total.append(("Gesamtnote", f"{g.grade[0]} ({g.grade[1]})"))
        total.append(("Datum der letzten Prüfungsleistung", g.say(g.award)))
    elif g.country == "AT":
        total.append(("Gesamtbeurteilung", g.grade[0]))
        total.append(("Datum des Studienabschlusses", g.say(g.award)))
    else:
        total.append(("Gesamtnote", g.grade[1]))
        total.append(("Abschlussdatum", g.say(g.award)))
    blocks += [("pairs", total, 62.0, 10), ("gap", 3)]
    place = f"{g.univ.city}, {'den ' if g.country == 'DE' and rng.random() < 0.5 else ''}{g.say(g.issued)}"
    blocks += [("p", place, 10), ("gap", 2)]
    chair = "Vorsitzende des Prüfungsausschusses" if g.country == "DE" else "Studiendekan"
    blocks.append(("rsig", "", g.chair.name, _office(chair, g.chair.female), g.univ.name, rng.randrange(1 << 30)))
    if g.country == "DE":
        blocks.append(("small", ("Notenstufen: 1,0–1,5 sehr gut; 1,6–2,5 gut; 2,6–3,5 befriedigend; 3,6–4,0 "
                                "ausreichend. 1 ECTS-Leistungspunkt entspricht 30 Stunden Arbeitsaufwand.")))
    elif g.country == "AT":
        blocks.append(("small", ("Beurteilungsstufen: sehr gut (1), gut (2), befriedigend (3), genügend (4), nicht "
                                "genügend (5). Ausgestellt gemäß § 73 Abs. 3 UG.")))
    else:
        blocks.append(("small", ("Notenskala: 6 = sehr gut, 5 = gut, 4 = genügend; Noten unter 4 sind ungenügend. "
                                "1 Kreditpunkt (KP) entspricht einem Arbeitsaufwand von 25–30 Stunden.")))
    _Column(sheet, font, 22, W - 22, top, H - 18, ink).lay(blocks)
    return sheet


def _english(g: Grant, font: FontKey, ink: Color, rng: random.Random) -> Sheet:
    """The university's English version of the deed."""
    sheet = Sheet(W, H)
    d, person = g.degree, g.facts.person
    style = rng.choice(("dmy", "dmy", "mdy"))
    top = _logo(sheet, g, font, ink, 26, 22, True) + 6
    ms = "Ms" if g.female else "Mr"
    heading = {"DE": rng.choice(("Certificate", "CERTIFICATE", "Degree Certificate")),
               "AT": "Award Notice (English version)", "CH": "Diploma"}[g.country]
    born = f"born on {_say_en(person.birth_date, style)} in {g.born_in.split(' (')[0]}, " \
           f"{COUNTRY_EN.get(person.country.code, person.country.name_en)}"
    blocks: list[Block] = []
    if rng.random() < 0.6:
        blocks.append(("ci", rng.choice(("(Translation)", ("English translation – the German version is legally "
                                                          "binding"))), 9))
    blocks += [("cb", heading, 20, ink), ("gap", 6), ("c", f"The {g.univ.english}", 12),
               ("c", "confers upon" if g.country != "AT" else "awards", 12), ("gap", 3), ("c", ms, 12),
               ("cb", g.holder, 17), ("c", born, 11), ("gap", 4),
               ("c", "the academic degree" if g.country != "CH" else "the title", 12), ("gap", 2),
               ("cb", d.title, 16)]
    if d.abbr:
        blocks.append(("c", d.abbr if "(" in d.abbr else f"({d.abbr})", 11))
    if g.country == "CH":
        blocks += [("gap", 8), ("c", f"{g.univ.city_en}, {_say_en(g.award, style)}", 11)]
    else:
        verb = "passed the" if g.country == "DE" else "completed the"
        what = f"{d.exam_en} in the degree programme {d.field.en}" if g.country == "DE" else \
            f"{d.studium.replace('studium', '')} programme {d.field.en}".replace("Bachelor programme",
                                                                                 "Bachelor's programme"). \
            replace("Master programme", "Master's programme").replace("Diplom programme", "Diploma programme")
        blocks += [("gap", 4), ("c", f"after {'she' if g.female else 'he'} {verb} {what}", 11),
                   ("c", f"on {_say_en(g.award, style)}.", 11), ("gap", 8),
                   ("c", f"{g.univ.city_en}, {_say_en(g.issued, style)}", 11)]
    second = {"DE": "Dean", "AT": "Dean of Studies", "CH": "Head of Department" if g.univ.kind == "eth" else "Dean"}
    blocks += [("gap", 6), ("sigs", [(g.head.name, "President" if g.univ.head == "Präsident" else "Rector"),
                                     (g.dean.name, second[g.country])], "", rng.randrange(1 << 30))]
    _Column(sheet, font, 28, W - 28, top, H - 22, ink).lay(blocks)
    return sheet


def urkunde_allemande(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, d = facts.person, facts.diploma
    g = _grant(facts, rng)
    names = f"{g.holder} {g.born_in}"
    latin = all(ord(c) < 0x180 for c in names)
    serif = rng.choice(("lserif", "lserif", "serif") if latin else ("serif",))
    sans = rng.choice(("lsans", "sans") if latin else ("sans",))
    ink = rng.choice(((20, 50, 110), (0, 101, 189), (120, 25, 35), (30, 30, 30), (0, 84, 60)))
    paper = rng.choice(((255, 255, 255), (252, 249, 240), (248, 246, 238)))
    main = {"DE": lambda: _urkunde(g, FontKey(serif), ink, paper, rng),
            "AT": lambda: _bescheid(g, FontKey(sans), ink, rng),
            "CH": lambda: _diplom_ch(g, FontKey(serif if rng.random() < 0.6 else sans), ink, paper, rng)}[g.country]()
    sheets = [main]
    if rng.random() < 0.5:
        zeugnis = _zeugnis(g, FontKey(sans if rng.random() < 0.7 else serif), ink, rng)
        sheets.insert(0 if rng.random() < 0.25 else 1, zeugnis)
    if rng.random() < 0.35:
        sheets.append(_english(g, FontKey(serif), ink, rng))
    fields: dict[str, FieldValue] = {"holder_surname": person.surname, "holder_given_names": d.given_names,
                                     "title": g.degree.title, "award_date": d.award_date.isoformat()}
    return BuiltPiece("diploma", "diploma:urkunde_allemande", fields, sheets=sheets)

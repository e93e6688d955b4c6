"""Fresh diploma family `laurea_italiana` (sixteenth wave, `Fresh.wave` 15): an Italian university's degree as a
worker who studied in Italy sends it — the parchment or the student office's certificate, in Italian, with on some
the Prefettura's apostille and the French sworn translation after it.

Two originals:
- `pergamena`: the "Diploma di Laurea" / "Diploma di Laurea Magistrale" parchment, landscape, in an ornate serif
  face on tinted paper, in a frame (double rule with corner squares, a Greek-key band, or a band of fine rules),
  the Republic's emblem (a cogwheel, its star, olive and oak leaves) over "REPUBBLICA ITALIANA", the university's
  name, then one of three wordings — "IN NOME DELLA LEGGE / Il Rettore dell'… / visti gli atti ufficiali dai quali
  risulta che / <holder> / nata a Dakar (Senegal) il … / ha superato l'esame di laurea il … / conferisce alla
  medesima la", "IN NOME DELLA LEGGE / IL RETTORE / conferisce a … la … conseguita il …", or "DIPLOMA DI LAUREA
  MAGISTRALE / Noi, Prof. …, Rettore dell'… visti gli atti … ha conseguito in data … la … Le conferiamo il titolo
  accademico di Dottoressa magistrale" —, the title alone on its line ("Laurea Magistrale in Ingegneria
  Informatica") with its class ("Classe LM-32 – Ingegneria informatica" or "Classe delle lauree magistrali in …"),
  the final mark on some ("con la votazione di 110/110 e lode"), "Dato a Bologna, addì …" (the parchment's own,
  later date), the rector's and the director general's names under their pen signatures and the university's dry
  seal between them, the register and parchment numbers at the foot.
- `certificato`: the "Certificato di Laurea con esami" the student office prints from its records system, portrait,
  in a sans face: the university's mark and office ("Area Didattica e Servizi agli Studenti – Settore Carriere
  Studenti"), a protocol number on some, "Si certifica che la studentessa N'DIAYE Fatou, nata a DAKAR (SENEGAL) il
  …, codice fiscale …, matricola n. …, immatricolata nell'a.a. 2017/2018 al Corso di Laurea Magistrale in … (Classe
  LM-77 – Scienze economico-aziendali), ordinamento D.M. 270/2004, durata normale del corso 2 anni, ha conseguito in
  data … il titolo di" and the title on its own line, "con la votazione di 108/110" — or the same as label rows
  ("Data conseguimento titolo") —, the thesis's title, its supervisor ("Relatore: Prof. …") and co-supervisor, the
  table of exams passed (activity, SSD, CFU, mark — "30 e lode", "27", "IDONEO" — and date; the final examination
  on the award date on some), the credits and the weighted average, the art. 40 D.P.R. 445/2000 mention ("non può
  essere prodotto agli organi della pubblica amministrazione…"), "rilasciato per uso estero" on some, the stamp duty
  (paid virtually under an authorisation "n. … del …", or a €16 revenue stamp's identifier with its date and hour),
  "Bologna, <the print date>", the head of office's signature (in pen, "firma autografa sostituita a mezzo stampa",
  or a digital signature's line with its date and hour), the verification code, the print date and hour and "Pag.
  1 di 2" in the footer; the table runs onto a second page (its header repeated) when it is long.

On some, after the original: the apostille of the Prefettura – Ufficio Territoriale del Governo of the university's
town on its own page (the Hague Convention's ten items in Italian, typed into a framed stamp: "2. è stato firmato
da" the rector or the head of office, "6. il" its own date, "8. sotto il n." its number, the prefecture's round seal
and the delegated official's signature), under the prefecture's letterhead on some; and/or the French sworn
translation ("Traduction de l'italien", the translator's letterhead, court and round stamp, "Traduction certifiée
conforme …", "Fait à Lyon, le …" — reused from `traduction_assermentee`): the parchment or the certificate as
translated, the degree rendered "Laurea Magistrale (Master) en Ingénierie informatique", the exams' table kept in
Italian under French headings, the apostille translated when there is one; on two pages when a certificate's would
not hold on one in a readable size ("…/…", "page 2/2").

Truth as the other diploma families: the holder as the facts give them, the title as the original prints it on its
own line — the facts' degree as an Italian university words it ("Laurea in Economia Aziendale", "Laurea Magistrale
in Relazioni Internazionali", "Laurea in Infermieristica (abilitante alla professione sanitaria di Infermiere)"),
which the truth takes (the translation's French rendering is not the title) —, and the award date: the day of the
degree examination ("ha superato l'esame di laurea il", "conseguita il", "ha conseguito in data"), always printed
in full. Distractors: the birth date and place, the codice fiscale, the matricola, the year and date of enrolment,
the exams' dates, marks and credits, the weighted average, the thesis, the supervisor's and co-supervisor's, the
rector's, the director general's and the head of office's names, the parchment's later date, the certificate's
print date and protocol, the stamp duty's dates, the apostille's date, number and officials, the translator's name,
court, number and date.

Drawn for the foreign universities' degrees, as `urkunde_allemande` (Italian universities train many of the
generator's nationalities); with nothing else allowed, for anyone: a French degree is printed as its Italian
counterpart."""
from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import math
import random
import unicodedata
from dataclasses import dataclass

from synth.facts import DossierFacts
from synth.fmt import date_long, date_slash
from synth.fonts import FontKey, text_width_mm
from synth.layout import A4, Box, Color, Ellipse, Rule, Sheet, Text, wrap
from synth.people import Person
from synth.pieces.base import BuiltPiece, FieldValue, bold
from synth.pieces.fresh_diploma_band import _fit
from synth.pieces.fresh_diploma_comparabilite import _Cursor
from synth.pieces.fresh_diploma_jury import SHORT_COUNTRY
from synth.pieces.fresh_diploma_maghreb import _star
from synth.pieces.fresh_diploma_titre_pro import _scribble
from synth.pieces.fresh_diploma_titulo import _after, _round_seal
from synth.pieces.fresh_diploma_traduction import (
    Translator,
    _ascii,
    _certification,
    _digits,
    _letterhead,
    _render,
    _translator,
)
from synth.pieces.fresh_diploma_urkunde import Block, _Column

MONTHS_IT = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
             "novembre", "dicembre")
GREY: Color = (85, 85, 85)
PEN: Color = (25, 30, 95)
INKS: tuple[Color, ...] = ((20, 45, 105), (120, 25, 30), (25, 70, 45), (40, 40, 40), (95, 60, 20))
PAPERS: tuple[Color, ...] = ((252, 248, 236), (249, 245, 230), (250, 250, 246), (247, 243, 232))
LANDSCAPE = (297.0, 210.0)
COUNTRY_IT = {"SEN": "Senegal", "MLI": "Mali", "MAR": "Marocco", "IND": "India", "VNM": "Vietnam", "BRA": "Brasile",
              "UKR": "Ucraina", "COL": "Colombia", "CHN": "Cina", "PRT": "Portogallo", "CIV": "Costa d'Avorio",
              "TUN": "Tunisia", "CMR": "Camerun"}
# the codice fiscale's code of a foreign country of birth
CF_COUNTRY = {"SEN": "Z343", "MLI": "Z329", "MAR": "Z330", "IND": "Z222", "VNM": "Z251", "BRA": "Z602", "UKR": "Z138",
              "COL": "Z604", "CHN": "Z210", "PRT": "Z128", "CIV": "Z313", "TUN": "Z352", "CMR": "Z306"}
CF_ODD = dict(zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                  (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8,
                   12, 14, 16, 10, 22, 25, 24, 23)))


# The degree programmes -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Corso:
    name: str  # "Ingegneria Informatica"
    level: str  # "L" (three years, 180 CFU) or "LM" (two years, 120 CFU)
    classe: str  # "LM-32"
    classe_name: str  # "Ingegneria informatica"
    classe_fr: str
    domain: str  # "eng", "sci", "econ", "arts", "med"
    fr: str  # the programme as the translator renders it
    exams: tuple[tuple[str, str], ...]  # (activity, SSD)
    theses: tuple[str, ...]

    @property
    def degree(self) -> str:
        return "Laurea Magistrale" if self.level == "LM" else "Laurea"

    @property
    def title(self) -> str:
        """The title as printed on its own line: the truth."""
        return f"{self.degree} in {self.name}"

    @property
    def cfu(self) -> int:
        return 120 if self.level == "LM" else 180

    @property
    def years(self) -> int:
        return 2 if self.level == "LM" else 3


ING_INF_L = Corso("Ingegneria Informatica", "L", "L-8", "Ingegneria dell'informazione",
                  "Ingénierie de l'information", "eng", "ingénierie informatique",
                  (("Analisi Matematica I", "MAT/05"), ("Analisi Matematica II", "MAT/05"),
                   ("Geometria e Algebra Lineare", "MAT/03"), ("Fisica Generale I", "FIS/01"),
                   ("Fisica Generale II", "FIS/01"), ("Fondamenti di Informatica", "ING-INF/05"),
                   ("Algoritmi e Strutture Dati", "ING-INF/05"), ("Calcolatori Elettronici", "ING-INF/05"),
                   ("Elettrotecnica", "ING-IND/31"), ("Elettronica", "ING-INF/01"), ("Basi di Dati", "ING-INF/05"),
                   ("Sistemi Operativi", "ING-INF/05"), ("Reti di Calcolatori", "ING-INF/05"),
                   ("Controlli Automatici", "ING-INF/04"), ("Ingegneria del Software", "ING-INF/05"),
                   ("Teoria dei Segnali", "ING-INF/03"), ("Ricerca Operativa", "MAT/09"),
                   ("Calcolo delle Probabilità e Statistica", "MAT/06")),
                  ("Progettazione di un'applicazione web per la prenotazione di spazi universitari",
                   "Un sistema di monitoraggio energetico basato su microcontrollori a basso consumo",
                   "Analisi delle prestazioni di database NoSQL in ambienti containerizzati"))
ING_INF_LM = Corso("Ingegneria Informatica", "LM", "LM-32", "Ingegneria informatica", "Ingénierie informatique", "eng",
                   "ingénierie informatique",
                   (("Sistemi Distribuiti", "ING-INF/05"), ("Machine Learning", "ING-INF/05"),
                    ("Sicurezza Informatica", "ING-INF/05"), ("Architetture dei Sistemi di Elaborazione", "ING-INF/05"),
                    ("Intelligenza Artificiale", "ING-INF/05"), ("Cloud Computing", "ING-INF/05"),
                    ("Ingegneria del Software Avanzata", "ING-INF/05"), ("Visione Artificiale", "ING-INF/05"),
                    ("Sistemi Embedded", "ING-INF/05"), ("Big Data", "ING-INF/05"), ("Reti Wireless", "ING-INF/03"),
                    ("Ottimizzazione Combinatoria", "MAT/09"), ("Elaborazione del Linguaggio Naturale", "ING-INF/05")),
                   ("Rilevamento di anomalie nel traffico di rete mediante reti neurali su grafi",
                    "Orchestrazione di microservizi in ambienti edge a risorse limitate",
                    "Verifica formale di protocolli di consenso distribuito"))
COMPUTER_LM = Corso("Computer Engineering", "LM", "LM-32", "Ingegneria informatica", "Ingénierie informatique", "eng",
                    "ingénierie informatique", ING_INF_LM.exams, ING_INF_LM.theses)
TLC_LM = Corso("Ingegneria delle Telecomunicazioni", "LM", "LM-27", "Ingegneria delle telecomunicazioni",
               "Ingénierie des télécommunications", "eng", "ingénierie des télécommunications",
               (("Reti di Telecomunicazioni", "ING-INF/03"), ("Comunicazioni Digitali", "ING-INF/03"),
                ("Sistemi Radiomobili", "ING-INF/03"), ("Elaborazione Numerica dei Segnali", "ING-INF/03"),
                ("Antenne e Propagazione", "ING-INF/02"), ("Sicurezza delle Reti", "ING-INF/05"),
                ("Fotonica", "ING-INF/02"), ("Internet of Things", "ING-INF/03"), ("Teoria dell'Informazione",
                                                                                  "ING-INF/03"),
                ("Reti Wireless", "ING-INF/03"), ("Software Defined Networking", "ING-INF/05")),
               ("Allocazione dinamica delle risorse radio in reti 5G private",
                "Stima del canale con apprendimento profondo per sistemi MIMO"))
DATA_LM = Corso("Data Science", "LM", "LM-91", "Tecniche e metodi per la società dell'informazione",
                "Techniques et méthodes pour la société de l'information", "sci", "science des données",
                (("Statistical Learning", "SECS-S/01"), ("Machine Learning", "INF/01"),
                 ("Data Management", "ING-INF/05"),
                 ("Probabilità e Statistica Avanzata", "SECS-S/01"), ("Data Visualization", "INF/01"),
                 ("Deep Learning", "INF/01"), ("Big Data Analytics", "ING-INF/05"), ("Econometria", "SECS-P/05"),
                 ("Analisi delle Serie Storiche", "SECS-S/01"), ("Text Mining", "INF/01"),
                 ("Ottimizzazione", "MAT/09"), ("Etica e Diritto dei Dati", "IUS/20")),
                ("Modelli di previsione della domanda per la grande distribuzione",
                 "Quantificazione dell'incertezza in modelli di apprendimento profondo",
                 "Equità algoritmica nei modelli di valutazione del credito"))
STAT_LM = Corso("Statistica e Data Science", "LM", "LM-82", "Scienze statistiche", "Sciences statistiques", "sci",
                "statistique et science des données", DATA_LM.exams, DATA_LM.theses)
AZIENDALE_L = Corso("Economia Aziendale", "L", "L-18", "Scienze dell'economia e della gestione aziendale",
                    "Sciences de l'économie et de la gestion d'entreprise", "econ", "économie d'entreprise",
                    (("Economia Aziendale", "SECS-P/07"), ("Matematica Generale", "SECS-S/06"),
                     ("Microeconomia", "SECS-P/01"), ("Macroeconomia", "SECS-P/01"), ("Diritto Privato", "IUS/01"),
                     ("Diritto Commerciale", "IUS/04"), ("Ragioneria Generale e Applicata", "SECS-P/07"),
                     ("Statistica", "SECS-S/01"), ("Marketing", "SECS-P/08"),
                     ("Economia e Gestione delle Imprese", "SECS-P/08"), ("Finanza Aziendale", "SECS-P/09"),
                     ("Bilancio e Principi Contabili", "SECS-P/07"), ("Diritto Tributario", "IUS/12"),
                     ("Organizzazione Aziendale", "SECS-P/10"), ("Economia degli Intermediari Finanziari",
                                                                 "SECS-P/11"),
                     ("Matematica Finanziaria", "SECS-S/06"), ("Programmazione e Controllo", "SECS-P/07"),
                     ("Diritto del Lavoro", "IUS/07")),
                    ("Il controllo di gestione nelle piccole e medie imprese del settore alimentare",
                     "La rendicontazione di sostenibilità secondo la direttiva CSRD",
                     "Strategie di prezzo nel commercio elettronico"))
GESTIONE_L = Corso("Economia e Gestione Aziendale", "L", "L-18", AZIENDALE_L.classe_name, AZIENDALE_L.classe_fr, "econ",
                   "économie et gestion d'entreprise", AZIENDALE_L.exams, AZIENDALE_L.theses)
COMMERCIO_L = Corso("Economia e Commercio", "L", "L-33", "Scienze economiche", "Sciences économiques", "econ",
                    "économie et commerce",
                    (("Microeconomia", "SECS-P/01"), ("Macroeconomia", "SECS-P/01"), ("Storia Economica", "SECS-P/12"),
                     ("Politica Economica", "SECS-P/02"), ("Scienza delle Finanze", "SECS-P/03"),
                     ("Econometria", "SECS-P/05"), ("Statistica", "SECS-S/01"), ("Matematica Generale", "SECS-S/06"),
                     ("Diritto Pubblico", "IUS/09"), ("Diritto Privato", "IUS/01"), ("Economia Aziendale", "SECS-P/07"),
                     ("Economia Internazionale", "SECS-P/01"), ("Economia Monetaria", "SECS-P/01"),
                     ("Statistica Economica", "SECS-S/03"), ("Ragioneria", "SECS-P/07"),
                     ("Economia del Lavoro", "SECS-P/01"), ("Diritto Commerciale", "IUS/04")),
                    ("Salario minimo e occupazione: un'analisi dei paesi dell'Unione europea",
                     "La trasmissione della politica monetaria nell'area dell'euro dopo il 2015"))
RELAZIONI_LM = Corso("Relazioni Internazionali", "LM", "LM-52", "Relazioni internazionali", "Relations internationales",
                     "arts", "relations internationales",
                     (("Storia delle Relazioni Internazionali", "SPS/06"), ("Diritto Internazionale", "IUS/13"),
                      ("Diritto dell'Unione Europea", "IUS/14"), ("Economia Internazionale", "SECS-P/01"),
                      ("Scienza Politica", "SPS/04"), ("Politica Comparata", "SPS/04"),
                      ("Sicurezza Internazionale", "SPS/04"), ("Geopolitica", "M-GGR/02"),
                      ("Lingua Francese", "L-LIN/04"), ("Storia dell'Africa Contemporanea", "SPS/13"),
                      ("Tutela Internazionale dei Diritti Umani", "IUS/13"), ("Analisi della Politica Estera",
                                                                                "SPS/04")),
                     ("L'Unione africana e la gestione delle crisi nel Sahel",
                      "La diplomazia climatica dei piccoli Stati insulari",
                      "Migrazioni e accordi di riammissione nel Mediterraneo"))
INTERNATIONAL_LM = Corso("International Relations", "LM", "LM-52", "Relazioni internazionali",
                         "Relations internationales", "arts", "relations internationales", RELAZIONI_LM.exams,
                         RELAZIONI_LM.theses)
MECCANICA_L = Corso("Ingegneria Meccanica", "L", "L-9", "Ingegneria industriale", "Ingénierie industrielle", "eng",
                    "ingénierie mécanique",
                    (("Analisi Matematica I", "MAT/05"), ("Analisi Matematica II", "MAT/05"), ("Geometria", "MAT/03"),
                     ("Fisica Generale I", "FIS/01"), ("Chimica", "CHIM/07"),
                     ("Disegno Tecnico Industriale", "ING-IND/15"), ("Meccanica Razionale", "MAT/07"),
                     ("Scienza delle Costruzioni", "ICAR/08"), ("Fisica Tecnica", "ING-IND/10"),
                     ("Meccanica Applicata alle Macchine", "ING-IND/13"), ("Tecnologia dei Materiali", "ING-IND/16"),
                     ("Costruzione di Macchine", "ING-IND/14"), ("Macchine a Fluido", "ING-IND/08"),
                     ("Elettrotecnica", "ING-IND/31"), ("Fluidodinamica", "ING-IND/06"),
                     ("Impianti Industriali", "ING-IND/17"), ("Fondamenti di Informatica", "ING-INF/05")),
                    ("Progettazione di uno scambiatore di calore realizzato per fabbricazione additiva",
                     "Analisi a fatica di un albero di trasmissione per macchine agricole"))
AUTOMAZIONE_LM = Corso("Ingegneria dell'Automazione", "LM", "LM-25", "Ingegneria dell'automazione",
                       "Ingénierie de l'automatisation", "eng", "ingénierie de l'automatisation",
                       (("Controllo Ottimo", "ING-INF/04"), ("Robotica", "ING-INF/04"),
                        ("Identificazione dei Modelli", "ING-INF/04"), ("Controllo Digitale", "ING-INF/04"),
                        ("Azionamenti Elettrici", "ING-IND/32"), ("Meccatronica", "ING-IND/13"),
                        ("Sistemi Embedded", "ING-INF/05"), ("Controllo dei Processi", "ING-INF/04"),
                        ("Modellistica e Simulazione", "ING-INF/04"), ("Automazione Industriale", "ING-INF/04"),
                        ("Analisi dei Sistemi Complessi", "ING-INF/04"), ("Visione Artificiale", "ING-INF/05")),
                       ("Controllo predittivo di un banco prova esapode",
                        "Gemello digitale di una linea di assemblaggio di motori elettrici"))
MECHATRONIC_LM = Corso("Mechatronic Engineering", "LM", "LM-25", "Ingegneria dell'automazione",
                       "Ingénierie de l'automatisation", "eng", "ingénierie mécatronique", AUTOMAZIONE_LM.exams,
                       AUTOMAZIONE_LM.theses)
MANAGEMENT_LM = Corso("International Management", "LM", "LM-77", "Scienze economico-aziendali",
                      "Sciences économiques et de gestion", "econ", "management international",
                      (("Corporate Strategy", "SECS-P/08"), ("International Marketing", "SECS-P/08"),
                       ("Corporate Finance", "SECS-P/09"), ("Management Accounting", "SECS-P/07"),
                       ("Cross-Cultural Management", "SECS-P/10"), ("Global Supply Chain Management", "ING-IND/35"),
                       ("International Business Law", "IUS/04"), ("Econometrics", "SECS-P/05"),
                       ("Organizational Behaviour", "SECS-P/10"), ("Entrepreneurship", "SECS-P/08"),
                       ("International Economics", "SECS-P/01"), ("Digital Business Models", "SECS-P/08")),
                      ("Strategie di ingresso delle PMI italiane nei mercati dell'Africa occidentale",
                       "La leadership interculturale nei team virtuali"))
INTERNAZIONALE_LM = Corso("Economia e Management Internazionale", "LM", "LM-77", "Scienze economico-aziendali",
                          "Sciences économiques et de gestion", "econ", "économie et management international",
                          (("Strategia d'Impresa", "SECS-P/08"), ("Marketing Internazionale", "SECS-P/08"),
                           ("Finanza Aziendale Internazionale", "SECS-P/09"), ("Controllo di Gestione", "SECS-P/07"),
                           ("Diritto del Commercio Internazionale", "IUS/04"), ("Economia Internazionale", "SECS-P/01"),
                           ("Gestione della Catena di Fornitura", "ING-IND/35"), ("Organizzazione Aziendale",
                                                                                   "SECS-P/10"),
                           ("Econometria Applicata", "SECS-P/05"), ("Lingua Inglese per il Business", "L-LIN/12"),
                           ("Bilancio Consolidato", "SECS-P/07")),
                          MANAGEMENT_LM.theses)
CHIMICA_LM = Corso("Scienze Chimiche", "LM", "LM-54", "Scienze chimiche", "Sciences chimiques", "sci",
                   "sciences chimiques",
                   (("Chimica Analitica Avanzata", "CHIM/01"), ("Chimica Fisica dei Materiali", "CHIM/02"),
                    ("Chimica Organica Superiore", "CHIM/06"), ("Chimica Inorganica Avanzata", "CHIM/03"),
                    ("Spettroscopia Molecolare", "CHIM/02"), ("Metodi Cromatografici", "CHIM/01"),
                    ("Chemiometria", "CHIM/01"), ("Chimica dell'Ambiente", "CHIM/12"), ("Elettrochimica", "CHIM/02"),
                    ("Laboratorio di Chimica Analitica Strumentale", "CHIM/01"), ("Chimica Biologica", "BIO/10")),
                   ("Determinazione di composti perfluoroalchilici nelle acque superficiali mediante LC-MS/MS",
                    "Validazione di un metodo HPLC per la determinazione di micotossine nei cereali"))
INFERMIERISTICA_L = Corso("Infermieristica (abilitante alla professione sanitaria di Infermiere)", "L", "L/SNT1",
                          "Professioni sanitarie infermieristiche e professione sanitaria ostetrica",
                          "Professions de santé infirmières et de sage-femme", "med", "soins infirmiers",
                          (("Anatomia Umana", "BIO/16"), ("Fisiologia", "BIO/09"), ("Biochimica", "BIO/10"),
                           ("Infermieristica Generale", "MED/45"), ("Infermieristica Clinica", "MED/45"),
                           ("Farmacologia", "BIO/14"), ("Patologia Generale", "MED/04"), ("Medicina Interna", "MED/09"),
                           ("Chirurgia Generale", "MED/18"), ("Igiene e Sanità Pubblica", "MED/42"),
                           ("Infermieristica in Area Critica", "MED/45"), ("Pediatria", "MED/38"),
                           ("Psicologia Generale", "M-PSI/01"), ("Statistica Medica", "MED/01"),
                           ("Tirocinio Clinico I anno", "MED/45"), ("Tirocinio Clinico II anno", "MED/45"),
                           ("Tirocinio Clinico III anno", "MED/45")),
                          ("La prevenzione delle cadute nell'anziano ospedalizzato",
                           "La valutazione del dolore nel paziente con demenza"))

# the facts' degree -> the Italian programmes it can be
CORSI: dict[str, tuple[Corso, ...]] = {
    "Bachelor of Science in Computer Engineering": (ING_INF_L,),
    "Master of Science in Data Analytics": (DATA_LM, STAT_LM),
    "Bachelor of Commerce": (AZIENDALE_L, COMMERCIO_L),
    "Master of Arts in International Relations": (RELAZIONI_LM, INTERNATIONAL_LM),
    "Bachelor of Technology in Mechanical Engineering": (MECCANICA_L,),
    "Master Ingénierie des systèmes complexes": (AUTOMAZIONE_LM, MECHATRONIC_LM),
    "Licence professionnelle Métiers de la gestion": (AZIENDALE_L, GESTIONE_L),
    "Diplôme d'ingénieur en informatique et réseaux": (ING_INF_LM, COMPUTER_LM, TLC_LM),
    "Master Management international": (MANAGEMENT_LM, INTERNAZIONALE_LM),
    "BTS Comptabilité et gestion": (AZIENDALE_L, GESTIONE_L),
    "Licence Économie et gestion": (COMMERCIO_L, GESTIONE_L),
    "Master Chimie analytique": (CHIMICA_LM,),
    "Diplôme d'État d'infirmier": (INFERMIERISTICA_L,),
}


def _corso(title: str, rng: random.Random) -> Corso:
    options = CORSI.get(title)
    if options is None:
        options = (MANAGEMENT_LM,) if title.lower().startswith("master") else (ING_INF_L,)
    return rng.choice(options)


# The universities ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Ateneo:
    name: str  # "Università degli Studi di Padova"
    heads: tuple[str, ...]  # the parchment's heading lines
    short: str  # the mark's letters
    city: str
    city_fr: str
    domains: str
    street: str
    web: str
    fr: str  # as the translator renders it

    @property
    def of(self) -> str:
        """"dell'Università …", "del Politecnico …", "della Sapienza …"."""
        if self.name[0] in "AEIOUÀ":
            return f"dell'{self.name}"
        return f"del {self.name}" if self.name.startswith("Politecnico") else f"della {self.name}"


ATENEI: tuple[Ateneo, ...] = (
    Ateneo("Alma Mater Studiorum – Università di Bologna", ("ALMA MATER STUDIORUM", "UNIVERSITÀ DI BOLOGNA"), "UNIBO",
           "Bologna", "Bologne", "eng sci econ arts med", "Via Zamboni, 33 – 40126 Bologna", "www.unibo.it",
           "Alma Mater Studiorum – Université de Bologne"),
    Ateneo("Politecnico di Milano", ("POLITECNICO DI MILANO",), "POLIMI", "Milano", "Milan", "eng",
           "Piazza Leonardo da Vinci, 32 – 20133 Milano", "www.polimi.it", "École polytechnique de Milan"),
    Ateneo("Politecnico di Torino", ("POLITECNICO DI TORINO",), "POLITO", "Torino", "Turin", "eng",
           "Corso Duca degli Abruzzi, 24 – 10129 Torino", "www.polito.it", "École polytechnique de Turin"),
    Ateneo("Sapienza Università di Roma", ("SAPIENZA", "UNIVERSITÀ DI ROMA"), "SAP", "Roma", "Rome",
           "eng sci econ arts med", "Piazzale Aldo Moro, 5 – 00185 Roma", "www.uniroma1.it",
           "Université La Sapienza de Rome"),
    Ateneo("Università degli Studi di Padova", ("UNIVERSITÀ DEGLI STUDI DI PADOVA",), "UNIPD", "Padova", "Padoue",
           "eng sci econ arts med", "Via VIII Febbraio, 2 – 35122 Padova", "www.unipd.it", "Université de Padoue"),
    Ateneo("Università degli Studi di Milano", ("UNIVERSITÀ DEGLI STUDI DI MILANO",), "UNIMI", "Milano", "Milan",
           "sci econ arts med", "Via Festa del Perdono, 7 – 20122 Milano", "www.unimi.it", "Université de Milan"),
    Ateneo("Università degli Studi di Firenze", ("UNIVERSITÀ DEGLI STUDI DI FIRENZE",), "UNIFI", "Firenze", "Florence",
           "eng sci econ arts med", "Piazza San Marco, 4 – 50121 Firenze", "www.unifi.it", "Université de Florence"),
    Ateneo("Università di Pisa", ("UNIVERSITÀ DI PISA",), "UNIPI", "Pisa", "Pise", "eng sci econ arts med",
           "Lungarno Pacinotti, 43 – 56126 Pisa", "www.unipi.it", "Université de Pise"),
    Ateneo("Università degli Studi di Napoli Federico II", ("UNIVERSITÀ DEGLI STUDI DI NAPOLI", "FEDERICO II"),
           "UNINA", "Napoli", "Naples", "eng sci econ arts med", "Corso Umberto I, 40 – 80138 Napoli",
           "www.unina.it", "Université de Naples Frédéric II"),
    Ateneo("Università Ca' Foscari Venezia", ("UNIVERSITÀ CA' FOSCARI", "VENEZIA"), "UNIVE", "Venezia", "Venise",
           "sci econ arts", "Dorsoduro 3246 – 30123 Venezia", "www.unive.it", "Université Ca' Foscari de Venise"),
    Ateneo("Università Commerciale Luigi Bocconi", ("UNIVERSITÀ COMMERCIALE", "LUIGI BOCCONI"), "UB", "Milano",
           "Milan", "econ", "Via Sarfatti, 25 – 20136 Milano", "www.unibocconi.it",
           "Université commerciale Luigi Bocconi"),
    Ateneo("Università degli Studi di Torino", ("UNIVERSITÀ DEGLI STUDI DI TORINO",), "UNITO", "Torino", "Turin",
           "sci econ arts med", "Via Verdi, 8 – 10124 Torino", "www.unito.it", "Université de Turin"),
    Ateneo("Università degli Studi di Trento", ("UNIVERSITÀ DEGLI STUDI DI TRENTO",), "UNITN", "Trento", "Trente",
           "eng sci econ arts", "Via Calepina, 14 – 38122 Trento", "www.unitn.it", "Université de Trente"),
    Ateneo("Università degli Studi di Genova", ("UNIVERSITÀ DEGLI STUDI DI GENOVA",), "UNIGE", "Genova", "Gênes",
           "eng sci econ med", "Via Balbi, 5 – 16126 Genova", "www.unige.it", "Université de Gênes"),
    Ateneo("Università degli Studi di Pavia", ("UNIVERSITÀ DEGLI STUDI DI PAVIA",), "UNIPV", "Pavia", "Pavie",
           "eng sci econ med", "Strada Nuova, 65 – 27100 Pavia", "www.unipv.it", "Université de Pavie"),
    Ateneo("Libera Università Internazionale degli Studi Sociali Guido Carli", ("LUISS", "GUIDO CARLI"), "LUISS",
           "Roma", "Rome", "econ arts", "Viale Pola, 12 – 00198 Roma", "www.luiss.it",
           "Université libre internationale d'études sociales Guido Carli (LUISS)"),
)
SCHOOLS = {"eng": "Scuola di Ingegneria", "sci": "Scuola di Scienze", "econ": "Scuola di Economia e Management",
           "arts": "Scuola di Scienze Politiche", "med": "Scuola di Medicina e Chirurgia"}


# Names, dates, numbers ------------------------------------------------------------------------------------------

GIVEN_M = ("Giovanni", "Marco", "Francesco", "Alessandro", "Paolo", "Stefano", "Luca", "Andrea", "Giuseppe",
           "Roberto", "Massimo", "Fabrizio", "Claudio", "Enrico", "Matteo", "Pierluigi", "Gianluca")
GIVEN_F = ("Giulia", "Francesca", "Chiara", "Elena", "Paola", "Silvia", "Laura", "Federica", "Valentina",
           "Maria Grazia", "Daniela", "Antonella", "Roberta", "Cristina", "Marina")
SURNAMES = ("Rossi", "Bianchi", "Ferrari", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno",
            "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri",
            "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone", "Longo",
            "Gentile", "Martinelli", "Vitale", "Serra", "Coppola", "De Santis", "D'Angelo", "Parisi", "Villa",
            "Ferraro", "Fabbri", "Marini", "Grasso", "Valentini", "Pellegrini", "Palumbo", "Sanna", "Farina",
            "Cattaneo", "Morelli", "Amato", "Bellini", "Orlando", "Testa")


@dataclass(frozen=True)
class Persona:
    given: str
    surname: str
    female: bool
    grade: str  # "Prof.", "Prof.ssa", "Dott.", "Dott.ssa", "Ing."

    @property
    def name(self) -> str:
        return f"{self.grade} {self.given} {self.surname}"

    @property
    def plain(self) -> str:
        return f"{self.given} {self.surname}"


def _persona(avoid: set[str], grades: tuple[tuple[str, str], ...], rng: random.Random) -> Persona:
    """Someone of the university (not the holder, nor anyone drawn before): `grades` as (man's, woman's)."""
    female = rng.random() < 0.4
    given = rng.choice([g for g in (GIVEN_F if female else GIVEN_M) if g not in avoid])
    surname = rng.choice([s for s in SURNAMES if s not in avoid])
    avoid |= {given, surname}
    man, woman = rng.choice(grades)
    return Persona(given, surname, female, woman if female else man)


PROF = (("Prof.", "Prof.ssa"),)
DOTT = (("Dott.", "Dott.ssa"), ("Dott.", "Dott.ssa"), ("Ing.", "Ing."), ("Avv.", "Avv."))


def _it(d: dt.date) -> str:
    """"15 marzo 2022", "1° marzo 2022"."""
    day = "1°" if d.day == 1 else str(d.day)
    return f"{day} {MONTHS_IT[d.month - 1]} {d.year}"


def _slash(d: dt.date) -> str:
    return f"{d:%d/%m/%Y}"


def _plain(text: str) -> str:
    """Capital letters A-Z of `text` only (accents dropped), as the codice fiscale takes them."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFKD", text).upper() if "A" <= c <= "Z")


def _codice_fiscale(person: Person, given: str) -> str:
    """The Italian tax code a foreign student is given on enrolment: surname and name letters, birth year, month
    letter, day (plus 40 for a woman), the country's Z code and the check letter."""
    def part(text: str, name: bool) -> str:
        letters = _plain(text)
        consonants = [c for c in letters if c not in "AEIOU"]
        vowels = [c for c in letters if c in "AEIOU"]
        if name and len(consonants) >= 4:
            consonants = [consonants[0], consonants[2], consonants[3]]
        return "".join(consonants + vowels + ["X", "X", "X"])[:3]
    birth = person.birth_date
    day = birth.day + (40 if person.sex == "F" else 0)
    code = (f"{part(person.surname, False)}{part(given, True)}{birth.year % 100:02d}{'ABCDEHLMPRST'[birth.month - 1]}"
            f"{day:02d}{CF_COUNTRY.get(person.country.code, 'Z999')}")
    total = sum(CF_ODD[c] if k % 2 == 0 else (int(c) if c.isdigit() else ord(c) - 65) for k, c in enumerate(code))
    return code + chr(65 + total % 26)


# The grant -------------------------------------------------------------------------------------------------------

@dataclass
class Grant:
    facts: DossierFacts
    ateneo: Ateneo
    corso: Corso
    holder: str  # "Fatou N'DIAYE"
    award: dt.date  # the degree examination: the truth
    issued: dt.date  # the parchment's "Dato a …, addì"
    printed: dt.date  # the certificate's print date
    enrolled: dt.date
    rector: Persona
    director: Persona  # the director general
    head: Persona  # the student office's head, who signs the certificate
    relatore: Persona
    correlatore: Persona
    matricola: str
    codice: str  # codice fiscale
    voto: str  # "110/110 e lode"
    thesis: str
    wording: str = ""  # the parchment's: "visti", "conferisce" or "noi"

    @property
    def person(self) -> Person:
        return self.facts.person

    @property
    def female(self) -> bool:
        return self.person.sex == "F"

    def o(self, word: str) -> str:
        """"nato" -> "nata" for a woman."""
        return word[:-1] + "a" if self.female else word

    @property
    def aa(self) -> str:
        """The academic year of the first enrolment, "2017/2018"."""
        return f"{self.enrolled.year}/{self.enrolled.year + 1}"

    @property
    def dottore(self) -> str:
        word = "Dottoressa" if self.female else "Dottore"
        return f"{word} magistrale" if self.corso.level == "LM" else word

    @property
    def born_city(self) -> str:
        return self.person.birth_city.title().replace("'S", "'s")

    @property
    def country_it(self) -> str:
        return COUNTRY_IT.get(self.person.country.code, self.person.country.name_en)

    @property
    def country_fr(self) -> str:
        return SHORT_COUNTRY.get(self.person.country.code, self.person.country.name_fr)


VOTI = ("110/110 e lode", "110/110", "108/110", "106/110", "104/110", "102/110", "100/110", "98/110", "95/110",
        "92/110")


def _grant(facts: DossierFacts, rng: random.Random) -> Grant:
    person, d = facts.person, facts.diploma
    corso = _corso(d.title, rng)
    ateneo = rng.choice([a for a in ATENEI if corso.domain in a.domains.split()])
    award, reference = d.award_date, facts.reference_date
    issued = _after(award, reference, 70, 420, rng)
    room = (reference - award).days  # the certificate is printed for the dossier, some weeks before it is sent
    printed = reference - dt.timedelta(days=rng.randint(15, min(420, room - 10))) if room > 40 else \
        _after(award, reference, 1, 10, rng)
    late = 1 if rng.random() < 0.35 else 0  # "fuori corso"
    start_year = award.year - corso.years - (1 if award.month <= 4 else 0) - late
    enrolled = dt.date(start_year, rng.choice((8, 9, 9, 10)), rng.randint(1, 28))
    avoid = {person.surname.title(), *d.given_names.split()}
    rector = _persona(avoid, PROF, rng)
    director = _persona(avoid, DOTT, rng)
    head = _persona(avoid, DOTT[:2], rng)
    relatore = _persona(avoid, PROF, rng)
    correlatore = _persona(avoid, PROF + DOTT[:1] + (("Ing.", "Ing."),), rng)
    matricola = rng.choice((f"{rng.randint(600000, 999999):010d}", str(rng.randint(1000000, 2099999)),
                            str(rng.randint(100000, 999999))))
    voto = rng.choices(VOTI, (14, 10, 8, 8, 9, 8, 7, 6, 5, 4))[0]
    return Grant(facts, ateneo, corso, f"{d.given_names} {person.surname}", award, issued, printed, enrolled, rector,
                 director, head, relatore, correlatore, matricola, _codice_fiscale(person, d.given_names), voto,
                 rng.choice(corso.theses))


MARKS = ("30 e lode", "30", "29", "28", "27", "26", "25", "24", "23", "22", "21", "20", "18")


def _exams(g: Grant, rng: random.Random) -> list[tuple[str, str, str, str, str]]:
    """The exams passed: (activity, SSD, CFU, mark, date), the credits summing to the degree's, in the order taken;
    the final examination last, on the award date on most."""
    c = g.corso
    lm = c.level == "LM"
    final = rng.choice((15, 18, 24, 30)) if lm else rng.choice((3, 4, 6))
    fixed: list[tuple[str, str, int, str]] = []
    if not lm and c.domain != "med":
        fixed.append((rng.choice(("Lingua Inglese B1", "Lingua Inglese B2", "Idoneità Lingua Inglese")), "L-LIN/12", 3,
                      "IDONEO"))
    if rng.random() < 0.5 and c.domain != "med":
        fixed.append(("Tirocinio", "", 6, rng.choice(("IDONEO", "APPROVATO"))))
    choice = 12 if not lm else rng.choice((8, 9, 12))
    target = c.cfu - final - sum(f[2] for f in fixed) - choice
    order = list(range(len(c.exams)))
    rng.shuffle(order)
    chosen: list[tuple[int, int]] = []  # (the exam's place in the curriculum, its credits)
    total = 0
    for k in order:
        if target - total < 6:
            break
        cfu = min(rng.choice((6, 9, 12, 12) if not lm else (6, 6, 9, 12)), target - total)
        chosen.append((k, cfu))
        total += cfu
    taken: list[tuple[str, str, int, str]] = []
    for k, cfu in sorted(chosen):  # taken in the curriculum's order
        name, ssd = c.exams[k]
        mark = "IDONEO" if name.startswith("Tirocinio") else \
            rng.choices(MARKS, (6, 9, 9, 11, 12, 11, 9, 8, 7, 5, 4, 3, 2))[0]
        taken.append((name, ssd, cfu, mark))
    choice += target - total
    taken.append(("Attività a scelta dello studente", "", choice, rng.choices(MARKS[:8], (3, 4, 4, 4, 3, 3, 2, 2))[0]))
    taken += fixed
    first = g.enrolled + dt.timedelta(days=100)
    last = g.award - dt.timedelta(days=rng.randint(20, 75))
    span = max((last - first).days, len(taken))
    days = sorted(rng.sample(range(span), len(taken)))
    rows = [(name, ssd, str(cfu), mark, _slash(first + dt.timedelta(days=day)))
            for (name, ssd, cfu, mark), day in zip(taken, days)]
    rows.append(("Prova finale", "PROFIN_S", str(final), "", _slash(g.award) if rng.random() < 0.7 else ""))
    return rows


def _media(rows: list[tuple[str, str, str, str, str]]) -> str:
    """The weighted average of the marked exams, "27,85"."""
    marked = [(int(cfu), 30 if mark == "30 e lode" else int(mark)) for _, _, cfu, mark, _ in rows if mark[:1].isdigit()]
    weights = sum(cfu for cfu, _ in marked)
    return f"{sum(cfu * mark for cfu, mark in marked) / weights:.2f}".replace(".", ",")


# Drawing: the parchment ------------------------------------------------------------------------------------------

def _emblema(sheet: Sheet, cx: float, cy: float, r: float, ink: Color) -> None:
    """The Republic's emblem reduced to lines: a cogwheel, its star, a ring of olive and oak leaves."""
    hub = r * 0.6
    sheet.add(Box(cx - hub, cy - hub, 2 * hub, 2 * hub, stroke=ink, width=0.5, radius=hub))
    for k in range(12):
        a = k * math.pi / 6
        sheet.add(Rule(cx + hub * math.cos(a), cy + hub * math.sin(a), cx + r * 0.78 * math.cos(a),
                       cy + r * 0.78 * math.sin(a), 1.0, ink))
    _star(sheet, cx, cy + r * 0.05, r * 0.42, ink)
    for side in (-1, 1):
        for k in range(7):
            a = math.pi / 2 + side * (0.45 + k * 0.33)
            x, y = cx + r * math.cos(a), cy + r * math.sin(a)
            sheet.add(Ellipse(x - 1.0, y - 0.6, 2.0, 1.2, fill=ink))


def _cornice(sheet: Sheet, ink: Color, style: str) -> None:
    """The parchment's frame: a double rule with corner squares, a Greek-key band, or a band of fine rules."""
    w, h = sheet.width, sheet.height
    if style == "doppia":
        sheet.add(Box(8, 8, w - 16, h - 16, stroke=ink, width=1.3), Box(11.5, 11.5, w - 23, h - 23, stroke=ink,
                                                                          width=0.35))
        for x, y in ((8, 8), (w - 8, 8), (8, h - 8), (w - 8, h - 8)):
            sheet.add(Box(x - 3.5, y - 3.5, 7, 7, fill=sheet.background, stroke=ink, width=0.5),
                      Box(x - 1.5, y - 1.5, 3, 3, fill=ink, stroke=None))
    elif style == "greca":
        band = 5.0
        for y0 in (10.0, h - 10.0 - band):
            x = 13.0
            while x + 6 <= w - 13:
                pts = ((x, y0 + band), (x, y0), (x + 4.5, y0), (x + 4.5, y0 + band * 0.7), (x + 1.6, y0 + band * 0.7),
                       (x + 1.6, y0 + band * 0.35), (x + 3.0, y0 + band * 0.35))
                for a, b in itertools.pairwise(pts):
                    sheet.add(Rule(a[0], a[1], b[0], b[1], 0.35, ink))
                sheet.add(Rule(x, y0 + band, x + 6, y0 + band, 0.35, ink))
                x += 6
        sheet.add(Box(8, 8, w - 16, h - 16, stroke=ink, width=0.9),
                  Rule(13, 18, 13, h - 18, 0.35, ink), Rule(w - 13, 18, w - 13, h - 18, 0.35, ink))
    else:
        for k in range(7):
            inset = 7 + k * 0.8
            sheet.add(Box(inset, inset, w - 2 * inset, h - 2 * inset, stroke=ink, width=0.12 if k % 2 else 0.3,
                          radius=4))


def _pergamena(g: Grant, font: FontKey, ink: Color, paper: Color, rng: random.Random) -> Sheet:
    sheet = Sheet(*LANDSCAPE, background=paper)
    w, h = LANDSCAPE
    _cornice(sheet, ink, rng.choice(("doppia", "greca", "fregio")))
    _emblema(sheet, w / 2, 27, 9.5, ink)
    c, person = g.corso, g.person
    italic = rng.random() < 0.5
    born = f"{g.o('nato')} a {g.born_city} ({g.country_it}) il {_it(person.birth_date)}"
    name = g.holder if rng.random() < 0.7 else g.holder.upper()
    lauree = "lauree magistrali" if c.level == "LM" else "lauree"
    classe = rng.choice((f"Classe {c.classe} – {c.classe_name}",
                         f"Classe delle {lauree} in {c.classe_name} ({c.classe})"))
    title: list[Block] = [("gap", 1.5), ("cb", c.title, 20, ink), ("c", classe, 10.5)]
    voto = [("c", f"con la votazione di {g.voto}", 11)] if rng.random() < 0.55 else []
    head = "La Rettrice" if g.rector.female else "Il Rettore"
    blocks: list[Block] = [("cb", "REPUBBLICA ITALIANA", 10.5, GREY)]
    blocks += [("cb", line, 17, ink) for line in g.ateneo.heads]
    blocks.append(("gap", 3))
    wording = g.wording = rng.choice(("visti", "conferisce", "noi"))
    issued = rng.choice((f"Dato a {g.ateneo.city}, addì {_it(g.issued)}", f"{g.ateneo.city}, {_it(g.issued)}",
                         f"Dato a {g.ateneo.city}, il {_it(g.issued)}"))
    if wording == "visti":
        blocks += [("cb", "IN NOME DELLA LEGGE", 12.5, ink), ("c", f"{head} {g.ateneo.of}", 12),
                   ("ci" if italic else "c", "visti gli atti ufficiali dai quali risulta che", 11),
                   ("gap", 1), ("cb", name, 19), ("c", born, 11),
                   ("c", f"ha superato l'esame di laurea il {_it(g.award)}", 11),
                   ("c", f"conferisce {'alla medesima' if g.female else 'al medesimo'} la", 11)] + title + voto
        if rng.random() < 0.5:
            blocks.append(("c", f"e la qualifica accademica di {g.dottore}", 11))
    elif wording == "conferisce":
        blocks += [("cb", "IN NOME DELLA LEGGE", 12.5, ink), ("cb", head.upper(), 12)]
        if rng.random() < 0.5:
            blocks.append(("ci", ("visto il Decreto Ministeriale 22 ottobre 2004, n. 270, e il Regolamento didattico "
                                  "di Ateneo"), 9.5))
        blocks += [("c", "conferisce a", 11.5), ("gap", 1), ("cb", name, 19), ("c", born, 11), ("c", "la", 11)] + title
        with_voto = f" con la votazione di {g.voto}" if voto else ""
        blocks.append(("c", f"conseguita il {_it(g.award)}{with_voto}", 11))
    else:
        blocks += [("cb", f"DIPLOMA DI {c.degree.upper()}", 21, ink), ("gap", 1),
                   ("c", f"Noi, {g.rector.name}, {head.split()[1]} {g.ateneo.of},", 11.5),
                   ("ci" if italic else "c", ("visto il Decreto Ministeriale 22 ottobre 2004, n. 270; visti gli atti "
                                              "ufficiali dai quali risulta che"), 10.5),
                   ("gap", 1), ("cb", name, 19), ("c", born, 11),
                   ("c", f"ha conseguito in data {_it(g.award)} la", 11)] + title + voto
        blocks.append(("c", f"{'Le' if g.female else 'Gli'} conferiamo il titolo accademico di {g.dottore}", 11))
    second = ("La Direttrice Generale" if g.director.female else "Il Direttore Generale")
    blocks += [("gap", 3), ("c", issued, 11), ("gap", 1),
               ("sigs", [(g.rector.name, head), (g.director.name, second)], g.ateneo.name.split(" – ")[-1],
                rng.randrange(1 << 30))]
    _Column(sheet, font, 32, w - 32, 38, h - 24, ink).lay(blocks)
    foot = FontKey(font.family)
    number = rng.choice((f"N. {_digits(rng, 6)} di registro", f"Reg. Diplomi n. {g.issued.year}/{_digits(rng, 5)}",
                         f"Pergamena n. {_digits(rng, 7)}"))
    sheet.add(Text(24, h - 20, number, 7.5, foot, GREY))
    if rng.random() < 0.5:
        sheet.add(Text(w - 24, h - 20, f"Matr. {g.matricola}", 7.5, foot, GREY, "right"))
    return sheet


# Drawing: the student office's certificate ---------------------------------------------------------------------

def _mark(sheet: Sheet, g: Grant, font: FontKey, ink: Color, office: tuple[str, str], protocol: str) -> float:
    """The university's mark and office at the top of a certificate page; returns the y under it."""
    x, y = 20.0, 14.0
    box = 15.0
    sheet.add(Box(x, y, box, box, fill=ink, stroke=None),
              Text(x + box / 2, y + box / 2 + 1.4, g.ateneo.short, _fit(g.ateneo.short, bold(font), 9, box - 2, 4),
                   bold(font), (255, 255, 255), "center"))
    width = A4[0] - 40 - box - 4
    sheet.add(Text(x + box + 4, y + 4.5, g.ateneo.name, _fit(g.ateneo.name, bold(font), 11.5, width, 7.5), bold(font),
                   ink))
    for k, line in enumerate(office):
        sheet.add(Text(x + box + 4, y + 9.5 + 4 * k, line, 8.5, font, GREY))
    bottom = y + 9.5 + 4 * len(office)
    if protocol:
        sheet.add(Text(A4[0] - 20, bottom + 4, protocol, 8, font, align="right"))
        bottom += 4
    sheet.add(Rule(20, bottom + 2.5, A4[0] - 20, bottom + 2.5, 0.4, ink))
    return bottom + 8


def _broken(rows: list[tuple[str, str]], font: FontKey, size: float, width: float) -> list[tuple[str, str]]:
    """Label rows whose values are broken into lines as wide as their bold face allows (the column wraps them in the
    regular face)."""
    label = max(52.0, max(text_width_mm(label, font, size) for label, _ in rows) + 4)
    return [(k, "\n".join(wrap(v, bold(font), size, width - label - 1))) for k, v in rows]


def _foot(sheet: Sheet, font: FontKey, lines: list[str], page: int, pages: int) -> None:
    y = A4[1] - 10 - 3.3 * len(lines)
    sheet.add(Rule(20, y - 3.5, A4[0] - 20, y - 3.5, 0.2, GREY))
    for line in lines:
        sheet.add(Text(20, y, line, 6.8, font, GREY))
        y += 3.3
    sheet.add(Text(A4[0] - 20, A4[1] - 10, f"Pag. {page} di {pages}", 7.5, font, GREY, "right"))


def _certificato(g: Grant, rows: list[tuple[str, str, str, str, str]], font: FontKey, ink: Color,
                 rng: random.Random) -> tuple[list[Sheet], str]:
    """The certificate's pages, and the capacity its signatory (`g.head`) signs in."""
    c, person, a = g.corso, g.person, g.ateneo
    office = rng.choice((("Area Didattica e Servizi agli Studenti", "Settore Carriere Studenti"),
                         ("Servizio Segreterie Studenti", f"Segreteria Studenti – {SCHOOLS[c.domain]}"),
                         ("Area Servizi agli Studenti",
                          f"Ufficio Carriere Studenti – Lauree{' Magistrali' if c.level == 'LM' else ''}")))
    protocol = rng.choice(("", f"Prot. n. {_digits(rng, 6)} del {_slash(g.printed)}",
                           f"Prot. n. {rng.randint(1000, 299999)}/{g.printed.year} – Tit. V/5"))
    heading = rng.choice(("CERTIFICATO DI LAUREA CON ESAMI", "CERTIFICATO DI CONSEGUIMENTO TITOLO CON ESAMI",
                          f"CERTIFICATO DI {c.degree.upper()} CON ESAMI"))
    abroad = rng.random() < 0.5
    course = f"Corso di {c.degree} in {c.name.upper()}"
    city = g.born_city.upper() if rng.random() < 0.6 else g.born_city
    blocks: list[Block] = [("cb", heading, 13, ink)]
    if abroad:
        blocks.append(("c", rng.choice(("(rilasciato per uso estero)", "USO ESTERO")), 9))
    blocks.append(("gap", 3))
    prose = rng.random() < 0.55
    if prose:
        who = "la studentessa" if g.female else "lo studente"
        name = rng.choice((f"{person.surname} {g.facts.diploma.given_names}", g.holder,
                           f"{person.surname} {g.facts.diploma.given_names.upper()}"))
        blocks += [("p", (f"Si certifica che {who} {name}, {g.o('nato')} a {city} ({g.country_it.upper()}) il "
                          f"{_slash(person.birth_date)}, codice fiscale {g.codice}, matricola n. {g.matricola}, "
                          f"{g.o('immatricolato')} nell'a.a. {g.aa} al {course} (Classe {c.classe} – "
                          f"{c.classe_name}), ordinamento D.M. 270/2004, durata normale del corso {c.years} anni, ha "
                          f"conseguito in data {_slash(g.award)} il titolo di"), 10),
                   ("cb", c.title, 12.5), ("p", f"con la votazione di {g.voto}.", 10)]
    else:
        pairs = [("Cognome", person.surname), ("Nome", g.facts.diploma.given_names),
                 ("Data di nascita", _slash(person.birth_date)), ("Luogo di nascita", f"{city} ({g.country_it})"),
                 ("Codice fiscale", g.codice), ("Matricola", g.matricola), ("Corso di studio", course),
                 ("Classe", f"{c.classe} – {c.classe_name}"), ("Anno accademico di immatricolazione", g.aa),
                 ("Data di immatricolazione", _slash(g.enrolled)), ("Titolo conseguito", c.title),
                 ("Data conseguimento titolo", _slash(g.award)), ("Voto finale", g.voto)]
        blocks += [("p", rng.choice(("Si certifica che", "Dagli atti d'ufficio risulta che:",
                                     "Si attesta, sulla base degli atti d'ufficio, quanto segue:")), 10),
                   ("pairs", _broken(pairs, font, 9.5, A4[0] - 40), 52.0, 9.5)]
    blocks.append(("p", f"Titolo della tesi: «{g.thesis}»", 9.5))
    supervisors = f"Relatore: {g.relatore.name}"
    if rng.random() < 0.6:
        supervisors += f" – Correlatore: {g.correlatore.name}"
    blocks.append(("p", supervisors, 9.5))
    header = ("Attività didattica", "SSD", "CFU", "Voto", "Data")
    widths, aligns = (0.5, 0.14, 0.08, 0.13, 0.15), "llrcr"
    first, rest = rows, []
    if len(rows) > (17 if prose else 13):  # the table runs onto a second page, with the closing lines
        cut = min(len(rows) - 4, 22 if prose else 18)
        first, rest = rows[:cut], rows[cut:]
    exams_head = ("h", rng.choice(("Esami superati", "Attività didattiche sostenute", "Esami sostenuti")), 10.5)
    media = _media(rows)
    closing: list[Block] = [("pairs", [("CFU acquisiti", f"{sum(int(r[2]) for r in rows)}/{c.cfu}"),
                                       ("Media ponderata", f"{media}/30")], 40.0, 9.5),
                            ("small", ("Il presente certificato non può essere prodotto agli organi della pubblica "
                                       "amministrazione o ai privati gestori di pubblici servizi (art. 40 del D.P.R. "
                                       "445/2000, come modificato dall'art. 15 della L. 183/2011)."))]
    if abroad:
        closing.append(("small", "Certificato rilasciato su richiesta dell'interessato per uso estero."))
    closing += [("gap", 2), ("p", f"{a.city}, {_slash(g.printed)}", 10)]
    signer = g.head
    chief = rng.random() < 0.5
    role = ("La Dirigente" if signer.female else "Il Dirigente") if chief else \
        ("La Responsabile" if signer.female else "Il Responsabile")
    unit = office[0] if chief else office[1]
    signed = rng.choice(("pen", "stampa", "digitale"))
    hour = f"{rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}"
    if signed == "pen":
        closing.append(("rsig", role, signer.name, unit, a.name.split(" – ")[-1], rng.randrange(1 << 30)))
    else:
        closing += [("r", role, 9.5), ("r", unit, 8.5), ("r", signer.name, 9.5)]
        if signed == "stampa":
            closing.append(("r", "Firma autografa sostituita a mezzo stampa ai sensi dell'art. 3, c. 2, D.Lgs. 39/1993",
                            7.5))
        else:
            closing.append(("r", (f"Firmato digitalmente da: {signer.plain.upper()} – Data: {_slash(g.printed)} "
                                  f"{hour}:{rng.randint(10, 59)} CET"), 7.5))
    stamp = rng.choice(("virtual", "marca"))
    if stamp == "virtual":
        authorised = dt.date(rng.randint(1998, 2012), rng.randint(1, 12), rng.randint(1, 28))
        duty = (f"Imposta di bollo assolta in modo virtuale – Autorizzazione Agenzia delle Entrate, Ufficio di "
                f"{a.city}, n. {rng.randint(1000, 99999)} del {_slash(authorised)}")
    else:
        bought = g.printed - dt.timedelta(days=rng.randint(0, 6))
        duty = f"Marca da bollo da € 16,00 – Identificativo n. {_digits(rng, 14)} del {_slash(bought)} ore {hour}"
    code = "-".join("".join(rng.choice("0123456789ABCDEF") for _ in range(4)) for _ in range(3))
    foot = [duty, f"Codice di verifica: {code} – verificabile su https://{a.web}/verifica-certificati",
            f"Data di stampa: {_slash(g.printed)} {hour} – {a.name} – {a.street}"]
    pages = 2 if rest else 1
    sheets = []
    for page, (table_rows, before, after) in enumerate(((first, blocks, [] if rest else closing),
                                                        (rest, [], closing)), start=1):
        if page > pages:
            break
        sheet = Sheet()
        top = _mark(sheet, g, font, ink, office, protocol if page == 1 else "")
        lead: list[Block] = list(before)
        if page == 2:
            lead = [("p", (f"Segue: {heading.lower().capitalize()} – {person.surname} "
                           f"{g.facts.diploma.given_names} – matricola n. {g.matricola}"), 8.5)]
        lead += [exams_head] if page == 1 else []
        body = lead + [("table", header, table_rows, widths, aligns, 8.8)] + after
        _Column(sheet, font, 20, A4[0] - 20, top, A4[1] - 26, ink).lay(body)
        _foot(sheet, font, foot, page, pages)
        sheets.append(sheet)
    return sheets, f"{role.split()[1]} – {unit}"


# The apostille -------------------------------------------------------------------------------------------------

@dataclass
class Apostilla:
    signer: str  # item 2: who signed the document
    capacity: str  # item 3
    day: dt.date  # item 6
    number: str  # item 8
    official: Persona  # who signs the apostille
    role: str


def _apostilla(g: Grant, signer: Persona, capacity: str, since: dt.date, rng: random.Random) -> Apostilla:
    day = _after(since, g.facts.reference_date, 4, 240, rng)
    number = rng.choice((f"{rng.randint(1, 29999)}/{day.year}", f"N. {_digits(rng, 5)}",
                         f"{g.ateneo.city[:2].upper()}/{day.year}/{_digits(rng, 6)}"))
    official = _persona({g.rector.surname, g.director.surname, g.head.surname}, DOTT[:1], rng)
    role = rng.choice(("Il Funzionario delegato", "p. Il Prefetto – Il Viceprefetto Aggiunto", "Il Funzionario"))
    if official.female:
        role = role.replace("Il Funzionario", "La Funzionaria").replace("Il Viceprefetto", "La Viceprefetta")
    return Apostilla(signer.name, capacity, day, number, official, role)


def _apostille_sheet(g: Grant, a: Apostilla, font: FontKey, rng: random.Random) -> Sheet:
    sheet = Sheet()
    ink: Color = rng.choice(((40, 60, 150), (120, 40, 120), (30, 90, 70), (45, 45, 45)))
    y = rng.uniform(22, 40)
    prefecture = f"Prefettura – Ufficio Territoriale del Governo di {g.ateneo.city}"
    if rng.random() < 0.6:
        _emblema(sheet, 30, 24, 7, (60, 60, 60))
        sheet.add(Text(42, 22, prefecture, _fit(prefecture, bold(font), 11, A4[0] - 62, 7), bold(font)),
                  Text(42, 27, rng.choice(("Ufficio Legalizzazioni e Apostille",
                                           "Area I – Servizio Apostille e Legalizzazioni")), 8.5, font, GREY))
        y = max(y, 42)
    width = rng.uniform(120, 150)
    x = rng.choice((20.0, (A4[0] - width) / 2))
    typed = bold(FontKey(rng.choice(("mono", "condensed", font.family))))
    italic = FontKey(font.family, italic=True)
    top = y
    sheet.add(Text(x + width / 2, y + 8, "APOSTILLE", 14, bold(font), ink, "center"),
              Text(x + width / 2, y + 13, "(Convention de La Haye du 5 octobre 1961)", 8, italic, ink, "center"))
    y += 20
    rows = (("1.", "Paese", "ITALIA"), ("", "Il presente atto pubblico", ""), ("2.", "è stato firmato da", a.signer),
            ("3.", "in qualità di", a.capacity), ("4.", "è munito del sigillo/timbro di", g.ateneo.name),
            ("", "Certificato", ""), ("5.", "a", g.ateneo.city), ("6.", "il", _slash(a.day)),
            ("7.", "da", f"Prefetto di {g.ateneo.city}"), ("8.", "sotto il n.", a.number),
            ("9.", "Sigillo/timbro", ""), ("10.", "Firma", ""))
    for number, label, value in rows:
        if not number:
            sheet.add(Text(x + width / 2, y, label, 8.5, italic, ink, "center"))
            y += 5
            continue
        head = f"{number} {label}:"
        sheet.add(Text(x + 6, y, head, 8.5, font, ink))
        start = x + 6 + text_width_mm(head, font, 8.5) + 2.5
        lines = wrap(value, typed, 9, x + width - 6 - start) if value else []
        for k, line in enumerate(lines):
            sheet.add(Text(start if k == 0 else x + 12, y + 4.4 * k, line, 9, typed))
        y += 5.2 + 4.4 * max(0, len(lines) - 1)
    _round_seal(sheet, x + width * 0.25, y + 10, 10.5, (f"PREFETTURA DI {g.ateneo.city.upper()}", "U.T.G.",
                                                        "REPUBBLICA ITALIANA"), font, ink)
    _scribble(sheet, x + width * 0.56, y + 9, width * 0.3, PEN, rng)
    sheet.add(Text(x + width * 0.72, y + 16, a.official.name, 8, font, align="center"),
              Text(x + width * 0.72, y + 19.5, a.role, _fit(a.role, font, 7, width * 0.5, 5), font, GREY, "center"))
    y += 25
    sheet.add(Box(x, top, width, y - top, stroke=ink, width=0.6))
    if rng.random() < 0.5:
        sheet.add(Text(x, y + 6, rng.choice(("Esente da imposta di bollo ai sensi dell'art. 5 della Convenzione",
                                             f"Diritti riscossi: € 0,00 – Pratica n. {_digits(rng, 7)}")), 7.5, font,
                       GREY))
    return sheet


# The sworn translation -----------------------------------------------------------------------------------------

@dataclass
class _Interprete(Translator):
    """A translator from Italian: "langue italienne"."""

    @property
    def tongue(self) -> str:
        return "italienne"


def _interprete(g: Grant, translated: dt.date, rng: random.Random) -> _Interprete:
    base = _translator(g.person, "anglais", translated, rng)
    fields = dict(vars(base), language="italien", number=base.number.replace("-AN-", "-IT-"))
    if rng.random() < 0.5:  # many sworn translators from Italian are Italian
        female = rng.random() < 0.6
        given = rng.choice(GIVEN_F if female else GIVEN_M)
        surname = rng.choice([s for s in SURNAMES if s not in (g.rector.surname, g.director.surname)]).upper()
        plain = _ascii(surname).replace(" ", "").replace("'", "")
        fields.update(given=given, surname=surname, female=female,
                      email=rng.choice((f"{_ascii(given).split()[0]}.{plain}@gmail.com",
                                        f"contact@{plain}-traductions.fr", f"{plain}.traduction@orange.fr")))
    return _Interprete(**fields)


def _de(name: str) -> str:
    """"de l'Université de Bologne", "de l'École polytechnique de Milan"."""
    return f"de l'{name}" if name[0] in "AEIOUÉ" else f"de {name}"


def _the(g: Grant) -> str:
    """"l'intéressé", "l'intéressée"."""
    return "l'intéressée" if g.female else "l'intéressé"


def _role_fr(capacity: str, female: bool) -> str:
    """The certificate's signatory's capacity as translated: "La Dirigeante", "Le Responsable du bureau"."""
    if capacity.startswith("Dirigente"):
        return "La Dirigeante" if female else "Le Dirigeant"
    return f"{'La' if female else 'Le'} Responsable du bureau"


def _voto_fr(voto: str) -> str:
    return voto.replace(" e lode", " cum laude")


def _tradotta(g: Grant, kind: str, rows: list[tuple[str, str, str, str, str]], signer: Persona, capacity: str,
              rng: random.Random) -> tuple[list[Block], list[Block], str]:
    """The original as translated: (the blocks above the exams' table, those under it, the title as rendered)."""
    c, person = g.corso, g.person
    lm = c.level == "LM"
    rendered = rng.choice((f"{c.degree} ({'Master' if lm else 'Licence'}) en {c.fr}",
                           f"Diplôme de {c.degree} en {c.fr}",
                           f"{'Master' if lm else 'Licence'} ({c.degree}) en {c.fr}"))
    born = f"{'née' if g.female else 'né'} à {g.born_city} ({g.country_fr}) le {date_long(person.birth_date)}"
    name = rng.choice((g.holder, f"{person.surname} {g.facts.diploma.given_names}"))
    cycle = "deuxième" if lm else "premier"
    note = [("note", f"[N.d.T. : « {c.degree} » dans l'original ; diplôme de {cycle} cycle]")] \
        if rng.random() < 0.5 else []
    if kind == "pergamena":
        head = "La Rectrice" if g.rector.female else "Le Recteur"
        top: list[Block] = [("note", "[Emblème de la République italienne]"), ("state", "RÉPUBLIQUE ITALIENNE"),
                            ("line", g.ateneo.fr)]
        doctor = ("Docteure" if g.female else "Docteur") + (" magistrale" if lm else "")
        if g.wording == "visti":
            top += [("heading", "AU NOM DE LA LOI"),
                    ("para", f"{head} {_de(g.ateneo.fr)}, vu les actes officiels dont il résulte que"),
                    ("name", name), ("line", born),
                    ("para", f"a réussi l'examen de laurea le {date_long(g.award)}, confère à {_the(g)} la"),
                    ("title", rendered)] + note
        elif g.wording == "conferisce":
            top += [("heading", "AU NOM DE LA LOI"), ("line", head.upper()), ("para", "confère à"),
                    ("name", name), ("line", born), ("para", "la"), ("title", rendered)] + note + \
                [("para", f"obtenue le {date_long(g.award)}")]
        else:
            top += [("heading", f"DIPLÔME DE {c.degree.upper()}"),
                    ("para", (f"Nous, {g.rector.name}, {head.split()[1]} {_de(g.ateneo.fr)}, vu le décret ministériel "
                              "n° 270 du 22 octobre 2004 ; vu les actes officiels dont il résulte que")),
                    ("name", name), ("line", born), ("para", f"a obtenu le {date_long(g.award)} la"),
                    ("title", rendered)] + note + [("para", f"lui conférons le titre académique de {doctor}")]
        top += [("line", f"Classe {c.classe} – {c.classe_fr}")]
        if rng.random() < 0.5:
            top.append(("line", f"avec la note de {_voto_fr(g.voto)}"))
        second = "La Directrice générale" if g.director.female else "Le Directeur général"
        top += [("place", f"Fait à {g.ateneo.city_fr}, le {date_long(g.issued)}"),
                ("signs", (f"{head}\n{g.rector.name}", f"{second}\n{g.director.name}")),
                ("note", "[Sceau sec de l'Université]")]
        return top, [], rendered
    who = "l'étudiante" if g.female else "l'étudiant"
    top = [("note", "[Logo de l'Université]"), ("state", g.ateneo.fr.upper()),
           ("line", "Services aux étudiants – Bureau des carrières étudiantes"),
           ("heading", "CERTIFICAT DE LAUREA AVEC EXAMENS"),
           ("para", (f"Il est certifié que {who} {name}, {born}, code fiscal {g.codice}, matricule n° {g.matricola}, "
                     f"{'inscrite' if g.female else 'inscrit'} pour l'année universitaire {g.aa} au cursus de "
                     f"{c.degree} en {c.fr} (classe {c.classe} – {c.classe_fr}), a obtenu le "
                     f"{date_slash(g.award)} le titre de")),
           ("title", rendered)] + note + [
           ("para", f"avec la note de {_voto_fr(g.voto)}."),
           ("para", f"Mémoire : « {g.thesis} » – Directeur de mémoire : {g.relatore.name}")]
    after: list[Block] = [("note", ("[N.d.T. : intitulés des enseignements laissés en langue originale ; CFU : crédits "
                                    "de formation universitaire ; SSD : secteur scientifique et disciplinaire]")),
                          ("pairs", [("Crédits acquis", f"{sum(int(r[2]) for r in rows)}/{c.cfu}"),
                                     ("Moyenne pondérée", f"{_media(rows)}/30")]),
                          ("small", ("Le présent certificat ne peut être produit auprès des administrations publiques "
                                     "italiennes (art. 40 du D.P.R. 445/2000).")),
                          ("place", f"{g.ateneo.city_fr}, le {date_slash(g.printed)}"),
                          ("signs", (f"{_role_fr(capacity, signer.female)}\n{signer.name}", "")),
                          ("note", "[Droit de timbre acquitté]")]
    return top, after, rendered


def _traduzione(g: Grant, kind: str, rows: list[tuple[str, str, str, str, str]], signer: Persona, capacity: str,
                apostilla: Apostilla | None, translated: dt.date, rng: random.Random) -> list[Sheet]:
    """The translation on one page, or on two when a certificate's would not hold on one in a readable size (the
    document and its exams' table on the first, the rest, the apostille and the certification on the second)."""
    t = _interprete(g, translated, rng)
    names = f"{g.holder} {g.born_city}"
    latin = all(ord(ch) < 0x180 for ch in names)
    font = FontKey(rng.choice(("serif", "lserif", "lserif", "sans", "lsans") if latin else ("serif", "sans")))
    ink = rng.choice(((20, 40, 110), (25, 25, 25), (70, 30, 90), (20, 80, 90)))
    stamp_ink = rng.choice(((40, 60, 150), (120, 50, 130), (35, 95, 140)))
    sheet = Sheet(background=rng.choice(((255, 255, 255), (255, 255, 255), (252, 252, 249))))
    top = _letterhead(sheet, t, font, ink, rng)
    heading = rng.choice(("TRADUCTION DE L'ITALIEN", "Traduction de l'italien vers le français", "Traduit de l'italien",
                          "TRADUCTION ASSERMENTÉE DE L'ITALIEN"))
    what = "du diplôme (pergamena)" if kind == "pergamena" else "du certificat de laurea"
    described = rng.choice(("", f"Document : original {what} en langue italienne",
                            f"Traduction d'une copie certifiée conforme {what}"))
    before, after, _ = _tradotta(g, kind, rows, signer, capacity, rng)
    if apostilla is not None:
        after = after + [("heading", "APOSTILLE"),
                         ("pairs", [("1. Pays", "Italie"), ("2. a été signé par", apostilla.signer),
                                    ("3. agissant en qualité de", apostilla.capacity),
                                    ("4. est revêtu du sceau de", g.ateneo.fr), ("5. à", g.ateneo.city_fr),
                                    ("6. le", date_slash(apostilla.day)),
                                    ("7. par", f"le Préfet de {g.ateneo.city_fr}"),
                                    ("8. sous n°", apostilla.number)])]
    align = rng.choice(("left", "center"))
    boxed = rng.random() < 0.4
    marks = {"30 e lode": "30 cum laude", "IDONEO": "APTE", "APPROVATO": "VALIDÉ"}
    table: list[tuple[str, ...]] = [(name, ssd, cfu, marks.get(mark, mark), day) for name, ssd, cfu, mark, day in rows]
    laid = len(sheet.elements)

    def lay(page: Sheet, top_y: float, head_part: bool, tail_part: bool, scales: tuple[float, ...]) -> bool:
        """The page's part laid at the largest of `scales` it fits at (the smallest if none)."""
        start, mark = rng.getstate(), len(page.elements)
        for scale in scales:
            rng.setstate(start)
            del page.elements[mark:]
            cur = _Cursor(page, font, 22, A4[0] - 22, top_y, scale)
            if head_part:
                cur.own_line(heading, 13, bold(font), align, ink)
                if described:
                    cur.text(described, 9, FontKey(font.family, italic=True), color=GREY, gap=0.6)
                cur.y += 3 * scale
                _render(cur, before, align, ink, rng)
                if kind == "certificato":
                    column = _Column(page, font, cur.left, cur.right, cur.y, A4[1], ink)
                    cur.y = column._table(cur.y, ("Enseignement", "SSD", "CFU", "Note", "Date"), table,
                                          (0.5, 0.14, 0.08, 0.13, 0.15), "llrcr", 8.5 * scale)
            if tail_part:
                _render(cur, after, align, ink, rng)
                cur.y += 4 * scale
                _certification(cur, t, translated, stamp_ink, boxed, rng)
            if cur.y < A4[1] - 14:
                return True
        return False

    if lay(sheet, top, True, True, (1.0, 0.94, 0.88, 0.82) if kind == "certificato" else
           (1.0, 0.94, 0.88, 0.82, 0.76, 0.7)):
        return [sheet]
    # on two pages: the translated document and its table, then the rest and the certification
    del sheet.elements[laid:]
    sheet.elements = [dataclasses.replace(e, text="Page 1/2") if isinstance(e, Text) and e.text == "Page 1/1" else e
                      for e in sheet.elements]  # the letterhead's page count
    second = Sheet(background=sheet.background)
    second.add(Text(22, 16, f"{t.given} {t.surname} – {t.title}", 8, font, GREY),
               Text(A4[0] - 22, 16, f"Traduction n° {t.number} – page 2/2", 8, font, GREY, "right"),
               Rule(22, 19, A4[0] - 22, 19, 0.3, GREY))
    lay(sheet, top, True, False, (1.0, 0.94, 0.88, 0.82, 0.76, 0.7, 0.64))
    sheet.add(Text(A4[0] - 22, A4[1] - 12, "…/…", 9, font, GREY, "right"))
    lay(second, 28.0, False, True, (1.0, 0.94, 0.88, 0.82, 0.76, 0.7, 0.64))
    return [sheet, second]


# The piece -------------------------------------------------------------------------------------------------------

def laurea_italiana(facts: DossierFacts, rng: random.Random) -> BuiltPiece:
    person, d = facts.person, facts.diploma
    g = _grant(facts, rng)
    names = f"{g.holder} {g.born_city}"
    latin = all(ord(ch) < 0x180 for ch in names)
    ink = rng.choice(INKS)
    kind = rng.choice(("pergamena", "certificato"))
    rows = _exams(g, rng)
    if kind == "pergamena":
        serif = FontKey(rng.choice(("lserif", "lserif", "serif") if latin else ("serif",)))
        sheets = [_pergamena(g, serif, ink, rng.choice(PAPERS), rng)]
        signer, capacity, dated = g.rector, "Rettrice" if g.rector.female else "Rettore", g.issued
    else:
        sans = FontKey(rng.choice(("lsans", "sans", "condensed") if latin else ("sans", "condensed")))
        sheets, capacity = _certificato(g, rows, sans, ink, rng)
        signer, dated = g.head, g.printed
    apostilla = None
    if rng.random() < 0.4:
        apostilla = _apostilla(g, signer, capacity, dated, rng)
        sheets.append(_apostille_sheet(g, apostilla, FontKey(rng.choice(("sans", "serif"))), rng))
    if rng.random() < 0.45:
        since = apostilla.day if apostilla else dated
        translated = _after(since, facts.reference_date, 3, 200, rng)
        sheets += _traduzione(g, kind, rows, signer, capacity, apostilla, translated, rng)
    fields: dict[str, FieldValue] = {"holder_surname": person.surname, "holder_given_names": d.given_names,
                                     "title": g.corso.title, "award_date": d.award_date.isoformat()}
    return BuiltPiece("diploma", "diploma:laurea_italiana", fields, sheets=sheets)

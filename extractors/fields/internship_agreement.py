"""Fields of a convention de stage: the school, the host organisation, the intern, dates and pay.

Agreements are laid out in parties ("L'ÉTABLISSEMENT D'ENSEIGNEMENT", "L'ORGANISME
D'ACCUEIL", "LE STAGIAIRE"), each with "Nom :" lines, or written as running text."""
from __future__ import annotations

import re

from extractors.cell_values import date_near, weekly_hours_in_cell
from extractors.form_labels import is_label, opens_with_label
from extractors.frenchtext import find_dates
from extractors.label_layout import value_by_label
from extractors.parties import (
    cell_company,
    defined_company,
    defined_person,
    form_person,
)
from extractors.textfields import (
    ExtractionBuilder,
    PersonName,
    Span,
    TextIndex,
    best_person,
    company_name_span,
    form_values,
    looks_like_name,
    monthly_amount_after,
    name_after,
    name_ending_comma,
    ner_person,
    period_of_dates,
    run_on_end,
    section_start,
    section_starts,
    siret_span,
    split_name,
    values_after,
    weekly_hours_span,
)
from extractors.textnorm import fold
from extractors.value_shapes import company_value
from models.document import Page
from models.domain import FIELDS, PieceType
from models.records import Extraction

FIELD_NAMES = FIELDS[PieceType.internship_agreement]
# Whoever hosts the intern "d'accueil": a company, a public body ("la collectivité d'accueil", "l'administration
# d'accueil"), a hospital ("l'établissement d'accueil", never the school), a farm.
HOSTING = (r"organisme|entreprise|structure|societe|exploitation|collectivite|administration|etablissement"
           r"|employeur|autorite|commune")  # never its "service d'accueil": the department within it
# with the words that qualify it ("l'établissement public de santé d'accueil", "l'administration publique d'accueil")
_QUALIFIER = r"(?:\s+(?!d'|(?:" + HOSTING + r"|enseignement)\b)[\w-]+){0,3}?"  # never the next cell's role
HOST_KIND = r"(?:" + HOSTING + r")" + _QUALIFIER + r"\s+d'accueil"
NOT_HOSTING = r"(?!" + _QUALIFIER + r"\s+d'accueil)"

# A date may carry its weekday ("du lundi 24 août 2026"), folded (no accents).
WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"

SCHOOL_SECTION = (r"etablissement" + NOT_HOSTING + r"(?:\s+d'enseignement(?:\s+(?:superieur|agricole|secondaire|technique|professionnel))*"
                  r"|\s+de\s+formation)?|ecole|universite|sending\s+institution")
# a farm's heading takes its article ("L'EXPLOITATION AGRICOLE"): without it, a farm's name ("EXPLOITATION AGRICOLE DU …")
HOST_SECTION = (HOST_KIND + r"|entreprise|(?<=l['’])exploitation(?:\s+agricole)?"
                r"|(?:receiving|host)\s+organi[sz]ation(?:\s*/\s*enterprise)?")
# "LE/LA STAGIAIRE", "L'ÉTUDIANT(E) STAGIAIRE", "L'ÉLÈVE STAGIAIRE"
INTERN_SECTION = (r"(?:le\s*/\s*la\s+|la\s*/\s*le\s+)?(?:(?:etudiant(?:e|\s*\(e\))?|eleve)\s+stagiaire|stagiaire|etudiant(?:e|\s*\(e\))?)"
                  r"|trainee|intern")
_NOT_NAME_WORDS = {"entre", "et", "avec", "par", "pour", "le", "la", "les", "l'", "convention"}
# A form's row naming a party: "Organisme d'accueil   NEOFRET CONSEIL (SAS)".
# A label wrapped in its cell may leave "d'accueil" opening the value's row.
HOST_ROW = r"(?:nom\s+de\s+l')?(?:(?:" + HOSTING + r")\s+)?d'accueil"
# A party named by its role ("L'organisme d'accueil   Le stagiaire" over the signatures).
PARTY_ROLE = r"(?:le|la|l'|les)\s*(?:/\s*la\s+)?(?:stagiaire|etudiant|etablissement|organisme|tuteur|tutrice|enseignant|salarie|employeur|representant)"
SCHOOL_ROW = r"(?:nom\s+de\s+l')?etablissement(?:\s+d'enseignement|\s+de\s+formation)?"
INTERN_ROW = r"(?:le\s+|la\s+)?(?:stagiaire|etudiante?|eleve)(?:\s*\(e\))?"
HOST_IN_TEXT = (
    HOST_KIND + r"\s*:",
    HOST_KIND + r"\s+",
    r"\bl'entreprise\s+|la\s+societe\s+",
)
# A party's own name row, the longer labels first so "Nom" does not eat "Nom de l'organisme".
NAME_LABEL = (r"nom\s+de\s+l'(?:etablissement|organisme|entreprise|exploitation)|nom\s+ou\s+(?:raison\s+sociale|denomination)"
              r"|denomination|raison\s+sociale|nom|name")
SCHOOL_WORDS = r"(?i)\b(?:ecole|école|universit|institut|lycée|lycee|school|college|collège|academ|conservatoire|iut|insa|cnam|business)"
# The parties as clauses define them ("ci-après dénommée « l'organisme d'accueil »") and as
# a table's row headers name them.
HOST_ROLE = HOST_KIND + r"|entreprise"
SCHOOL_ROLE = r"etablissement" + NOT_HOSTING + r"(?:\s+d'enseignement|\s+de\s+formation)?|ecole|universite"
INTERN_ROLE = r"stagiaire|etudiante?(?:\s*\(e\))?"
HOST_CELL = r"raison\s+sociale|denomination(?:\s+sociale)?|organisme(?:\s+d'accueil)?|" + HOST_KIND
GRATIFICATION_LABEL = (r"gratif(?:ication\b|\.)|indemnite\s+de\s+stage|montant\s+(?:mensuel|horaire)"
                       r"|amount\s*\(eur\s*/\s*month\)\s*:?|monthly\s+(?:allowance|stipend)")
NO_GRATIFICATION = (
    r"aucune\s+gratification|non\s+gratifie|pas\s+de\s+gratification|sans\s+gratification"
    r"|gratification\s+versee\s+par\s+l'organisme(?:\s+d'accueil)?\s*:?\s*(?:neant|aucune)\b"
    r"|ne\s+(?:donne|donnera)\s+(?:pas\s+)?lieu\s+a\s+(?:aucune|une)?\s*gratification|gratification\s*:?\s*(?:neant|aucune|non)\b"
    r"|n'ouvre\s+pas\s+droit\s+a\s+(?:une\s+|la\s+)?gratification"
    # a form's boxes: "… financial support for his/her traineeship: Yes ☐ No ☒", "[ ] Yes [X] No"
    r"|financial\s+support(?:\s+(?:for|to)\s+(?:his|her|his/her|the)(?:\s+\w+)?)?\s*:?\s*(?:yes\s*(?:☐|\[\s?\])\s*no\s*(?:☒|☑|\[x\])"
    r"|(?:☐|\[\s?\])\s*yes\s*(?:☒|☑|\[x\])\s*no)"
)


# A form's label saying its figure is a monthly amount.
MONTHLY_AMOUNT_LABEL = r"\bamount\s*\(eur\s*/\s*month\)\s*:?|\bmontant\s*\(\s*(?:€|eur(?:os)?)\s*/\s*mois\s*\)\s*:?"
# An insurance policy's line: the company it names insures a party, it is none.
INSURANCE = r"\b(?:contrat|police|societaire|adherent)\s+n|\bassur"
# The internship's last period when it is split in several ("2e période : du … au …", "Seconde période").
LATER_PERIOD = r"(?m:^[^\w\n]*(?:[2-9]\s*(?:e|eme|de)|deuxieme|seconde|troisieme|derniere)\s+periode\b)"

# An amendment's new period, after the one it replaces or after its own words.
AMENDED_PERIOD = (r"initialement\s+prevue?s?\s+du\b[^;]{0,80}?\b(?:se\s+deroul\w*|aura\s+lieu|(?:est|sont)\s+(?:reporte|decale|modifie)\w*"
                  r"|sera)\b|\bnouvelles\s+dates(?:\s+du\s+stage)?\s*:|\bdates\s+du\s+stage\s+sont\s+(?:modifiees|reportees)"
                  r"(?:\s+comme\s+suit)?\s*:")
# The sentence that says when the internship (or its period in the company) takes place.
INTERNSHIP_PERIOD = (r"\b(?:periode|stage)\b[^.;\n]{0,80}?\b(?:se\s+deroul\w*|aura\s+lieu|a\s+lieu)"
                     # in English: "Planned period of the mobility: from … till …", "The traineeship will run from"
                     r"|\b(?:period|traineeship|internship|placement)\b[^.;\n]{0,60}?\bfrom\b")


def extract(pages: list[Page]) -> Extraction:
    index = TextIndex(pages)
    out = ExtractionBuilder(index, FIELD_NAMES)
    out.set("institution_name", _institution(index))
    host_at = section_start(index, HOST_SECTION)
    host = (_party_name(index, host_at) or _form_row_name(index, HOST_ROW)
            or cell_company(index, HOST_CELL, host_at or 0) or defined_company(index, HOST_ROLE)
            or _host_in_text(index))
    out.set("host_name", host)
    # the host's SIRET follows its part's heading, else its name ("ENTRE l'Université …, SIRET …, ET la Région …,
    # SIRET …, ci-après « la collectivité d'accueil »")
    after = host_at if host_at is not None else host.start if host is not None else 0
    out.set("host_siret", siret_span(index, after=after) or siret_span(index))
    _set_intern(index, out)
    # "du 24/08/2026 au …", "se déroule du lundi 24 août 2026 au samedi 13 février 2027"; the internship's own
    # period first, before a training's ("Dates de la formation : du … au …" of an adult trainee's convention)
    start, end = period_of_dates(index, INTERNSHIP_PERIOD, window=70)
    if start is None:
        start, end = period_of_dates(index, r"\bdates?\b|periode|\bdu\b(?=\s*(?:" + WEEKDAY + r"\s+)?\d)", window=60)
    # an amendment moving the internship: its new dates ("initialement prévu du … au …, se déroulera du … au …")
    moved_start, moved_end = period_of_dates(index, AMENDED_PERIOD, window=70)
    if moved_start is not None:
        start, end = moved_start, moved_end
    out.set("start_date", start or date_near(index, r"date\s+de\s+debut|debut\s+du\s+stage|commencera\s+le|a\s+compter\s+du"
                                                     r"|debutera\s+le", row_header=r"debut"))
    last = _last_period_end(index)
    if last is not None and (end is None or str(last.value) > str(end.value)):
        end = last
    out.set("end_date", end or date_near(index, r"date\s+de\s+fin|fin\s+du\s+stage|prendra\s+fin\s+le", row_header=r"fin")
            or _until(index))
    out.set("weekly_hours", weekly_hours_span(index) or weekly_hours_in_cell(index))
    _set_gratification(index, out)
    return out.build()


def _last_period_end(index: TextIndex) -> Span | None:
    """The end of the internship's last period when it is split in several: it runs from the first's start to the
    last's end (the weeks at school between them are part of its span)."""
    later = index.search(LATER_PERIOD)
    if not later:
        return None
    _, end = period_of_dates(index.within(later[-1].start(), len(index.text)), LATER_PERIOD, window=80)
    if end is None:
        return None
    return Span(end.value, later[-1].start() + end.start, later[-1].start() + end.end, end.certainty)


def _party_name(index: TextIndex, section_at: int | None) -> Span | None:
    """The first 'Nom :' after a party's header, before the next party."""
    if section_at is None:
        return None
    end = min(section_at + 400, _next_header(index, section_at))
    for value in form_values(index, NAME_LABEL, start=section_at):
        if value.start >= end:
            break
        if not opens_with_label(str(value.value)):  # "Dénomination   Code UAI   Ville": labels over their values
            return company_name_span(index, value)
    gridded = value_by_label(index, NAME_LABEL, company_value, start=section_at, opens_cell=True)
    if gridded and gridded.start < end:
        return company_name_span(index, gridded)
    # a part without a name row opens with the party's name ("1 – L'ÉTABLISSEMENT" / "École …")
    first_start = section_at + 1 if index.text[section_at:section_at + 1] == "\n" else section_at
    _, first_end = index.line_bounds(first_start)
    line = index.text[first_start:first_end]
    # a row header before its value ("Collectivité  | Conseil départemental du Bas-Rhin")
    kind, tab, rest = line.partition("\t")
    if tab and re.fullmatch(r"(?:" + HOSTING + r"|ecole|universite)\s*:?", fold(kind.strip())):
        first_start, line = first_start + len(kind) + 1, rest.split("\t")[0]
    # "LABORATOIRES DU PLATEAU, Société par actions simplifiée, SIRET …": the name ends at its comma
    comma = name_ending_comma(line)
    first = line[:comma.start() if comma else len(line)].strip()
    next_party = re.match(r"(?:l'|le\s+|la\s+)?(?:" + HOST_SECTION + "|" + INTERN_SECTION + ")", fold(first))
    if first and ":" not in first and not re.search(r"\d", first) and not next_party and not opens_with_label(first):
        offset = index.text.find(first, first_start)
        end = run_on_end(index, offset + len(first)) if not comma else offset + len(first)
        return company_name_span(index, Span(index.text[offset:end], offset, end, 0.8))
    return None


# A part's header: a numbered line ("2 – L'ORGANISME D'ACCUEIL") or a line in capitals.
_PART_HEADER = re.compile(r"\n[^\w\n]*(?:(?:\d+|[A-H])\s*[.\-–—)]\s*)?[A-ZÀ-Þ'’ /\-]{4,}:?[ \t]*(?=\n)")


def _next_header(index: TextIndex, after: int) -> int:
    """Where the part that starts at `after` ends: the next part's header, else the text's end."""
    found = _PART_HEADER.search(index.text, after)
    return found.start() if found else len(index.text)


def _form_row_name(index: TextIndex, row_label: str) -> Span | None:
    for value in form_values(index, row_label):
        name = company_name_span(index, value)
        if name:
            return name
    return None


def _institution(index: TextIndex) -> Span | None:
    # each part headed as the school's: a summary sheet's names its people, the agreement's its name
    found = (next(filter(None, (_party_name(index, at) for at in section_starts(index, SCHOOL_SECTION))), None)
             or _form_row_name(index, SCHOOL_ROW))
    if found:
        return found
    for value in values_after(index, r"(?:^|\n)\s*(?:etablissement(?:\s+d'enseignement)?|ecole|universite|etablissement\s+de\s+formation)\s*:"):
        # "Établissement : MAIF, contrat n° …" names the school's insurer, in the insurance article
        if not re.search(INSURANCE, index.folded[value.start:index.line_bounds(value.start)[1]]):
            return company_name_span(index, value)
    # a party's "Nom" row whose value names a school, when the part's heading was not read
    for value in form_values(index, NAME_LABEL):
        if re.match(r"(?:\S+\s+){0,2}?" + SCHOOL_WORDS[4:], fold(str(value.value))):
            return company_name_span(index, value)
    defined = defined_company(index, SCHOOL_ROLE)
    if defined:
        return defined
    # A letterhead naming a school, often the first line.
    for line_start in [0] + [m.end() for m in index.search(r"\n")][:5]:
        _, line_end = index.line_bounds(line_start)
        line = index.text[line_start:line_end].strip()
        school = re.search(SCHOOL_WORDS, line)
        # "Année universitaire 2025-2026" dates the agreement, it names no school
        if school and not re.search(r"(?i)convention|ann[ée]e\s+universitaire|academic\s+year", line):
            offset = line_start + index.text[line_start:line_end].find(line)
            begin = _name_start(line, school.start())
            cell_end = line.find("\t", school.end())  # the letterhead's next column is another block
            end = cell_end if cell_end >= 0 else len(line)
            return company_name_span(index, Span(line[begin:end], offset + begin, offset + end, 0.7))
    return None


def _name_start(line: str, pos: int) -> int:
    """Back from a school word over the capitalised words naming it ("KEDGE Business School")."""
    for m in reversed(list(re.finditer(r"\S+", line[:pos]))):
        word = m.group(0)
        # a cell's label before it ("Nom<tab>Université de Lille") is no part of the name
        gap = line[m.end():pos]
        if (not word[:1].isupper() or word.lower() in _NOT_NAME_WORDS or gap.strip() or "\t" in gap
                or is_label(word)):
            break
        pos = m.start()
    return pos


def _host_in_text(index: TextIndex) -> Span | None:
    for label in HOST_IN_TEXT:
        # "Pour l'organisme d'accueil" heads a signature, not a name.
        for value in values_after(index, label, not_preceded_by=r"\bpour\s+l'\s*$"):
            name = company_name_span(index, value)
            # A name is printed capitalised: "l'organisme d'accueil et le stagiaire" names no one.
            if name and not str(name.value)[:1].islower() and not re.match(PARTY_ROLE, fold(str(name.value))):
                return name
    return None


def _set_intern(index: TextIndex, out: ExtractionBuilder) -> None:
    section_at = section_start(index, INTERN_SECTION)
    person: PersonName | None = None
    if section_at is not None:
        person = form_person(index, section_at)
    person = (person or _intern_row(index) or name_after(index, r"(?:student|trainee|intern)'?s?\s+name\s*:")
              or defined_person(index, INTERN_ROLE) or _born_person(index)
              or best_person(index, prefer_before=r"stagiaire|etudiant|l'eleve") or ner_person(index))
    if person:
        out.set("intern_surname", person.surname)
        out.set("intern_given_names", person.given_names)


# A document of the intern's whose validity is given ("Titre de séjour n° …, valable jusqu'au …").
INTERNS_DOCUMENT = r"titre\s+de\s+sejour|carte\s+de\s+(?:sejour|resident)|passeport|visa|recepisse|autorisation\s+provisoire"


def _until(index: TextIndex) -> Span | None:
    """The first date after "jusqu'au" (last resort for the end): not a document's validity on its line."""
    for m in index.search(r"jusqu['’]au"):
        if re.search(INTERNS_DOCUMENT, index.folded[index.line_bounds(m.start())[0]:m.start()]):
            continue
        found = find_dates(index.text[m.end():m.end() + 40])
        if found:
            day, start, end = found[0]
            return Span(day.isoformat(), m.end() + start, m.end() + end, 0.85)
    return None


# A birth date's label: in an agreement, only the intern's is given.
BIRTH_LABEL = r"(?<![\w'])(?:nee?\s*(?:\(e\))?\s+le|date\s+de\s+naissance)\b"


def _born_person(index: TextIndex) -> PersonName | None:
    """The person of the name rows just over a birth date ("Nom | EL IDRISSI  Prénom(s) | Anas" over
    "Né le | 22/01/2001"), when the intern's part lost its heading: no tutor's or signatory's birth
    date is ever printed."""
    for m in index.search(BIRTH_LABEL):
        line_start = index.line_bounds(m.start())[0]
        if re.search(r"[A-ZÀ-Ý]", index.text[line_start:m.start()]):
            continue  # the birth's own line names its person ("L'étudiante Awa DIOUF, née le …"): no row of the form
        # the nearest name rows up to four lines above: a photo's rows may come out of order or broken ("Prénom(s) |
        # Leonor" over "Nom | FERREIRA")
        for lines in range(1, 5):
            person = form_person(index, index.line_start_above(m.start(), lines))
            if person and person.surname and person.start < m.start() and looks_like_name(str(person.surname.value)):
                return person
    return None


def _intern_row(index: TextIndex) -> PersonName | None:
    """'Stagiaire   KOUASSI Marie-Laure': a form row giving the intern's full name."""
    for value in form_values(index, INTERN_ROW):
        if looks_like_name(str(value.value)):
            return split_name(index, value.start, value.end)
    return None


def _set_gratification(index: TextIndex, out: ExtractionBuilder) -> None:
    none = index.search(NO_GRATIFICATION)
    if none:
        out.set("monthly_gratification", Span(0.0, none[0].start(), none[0].end(), 0.9))
        return
    # "amount (EUR/month): 682,50": the label states the unit, the bare figure after it is the monthly amount
    for m in index.search(MONTHLY_AMOUNT_LABEL):
        figure = re.match(r"\s*(\d{1,3}(?:[ .\u202f]?\d{3})*(?:,\d{2})?)(?![\d/])", index.text[m.end():m.end() + 20])
        if figure:
            value = float(re.sub(r"[ .\u202f]", "", figure.group(1)).replace(",", "."))
            out.set("monthly_gratification", Span(value, m.end() + figure.start(1), m.end() + figure.end(1), 0.9))
            return
    out.set("monthly_gratification", monthly_amount_after(index, GRATIFICATION_LABEL, out.get("weekly_hours"), window=250))

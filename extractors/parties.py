"""The parties of a contract or an agreement, read the way a person reads them whatever the
layout: a party defined in a clause ("La société X, …, ci-après dénommée « l'employeur »"),
a table's row headers ("Raison sociale | X", "Nom | Y", two parties side by side), or the
sender's letterhead above its SIRET. The callers say which role they want; this module never
knows a document's wording beyond these French conventions."""
from __future__ import annotations

import re

from extractors.label_layout import value_by_label
from extractors.textfields import (
    CIVILITY,
    SIRET_LABEL,
    PersonName,
    Span,
    TextIndex,
    company_name_span,
    labelled_name,
    looks_like_name,
    name_tokens_end,
    split_name,
)

# "ci-après « l'Employeur »", "ci-après dénommée « l'organisme d'accueil »", "désigné(e) par"
_DEFINED_AS = (r"ci-?\s?apres(?:\s+(?:denomm|design|appel|nomm)e?e?s?(?:\s*\(e\))?)?\s*(?:par\s+)?[«\"“]\s*"
               r"(?:l'|le\s+|la\s+|les\s+)?")
# Where a party's clause begins: after "Entre (les soussignés)", after the previous party's
# closing quote, after "d'une part", or at "et" introducing the next party.
_CLAUSE_START = (r"soussigne(?:e|s|es)?\s*:?|\bentre\b|d'une\s+part\s*,?|d'autre\s+part\s*,?|[»\"”]\s*[,;]?"
                 r"|\bet\b(?=\s*:?\s+(?:la|le|l'|m|mme|monsieur|madame|mademoiselle)\b)")
# What introduces a name in a clause's head, then stays out of it.
# A party's heading may open the clause, then the civility ("L'étudiante stagiaire :" / "Madame Olena TKACHENKO, …");
# the connector alone on its line before a party ("ET" / "Université Claude-Bernard, …") is none of its name.
_HEAD_LEAD = (r"[\s,:;]*(?:(?:et|entre)\b[\s,:;]*)?(?:(?:la|cette)\s+societe|l'entreprise|l'association|l'etablissement(?:\s+d'enseignement)?"
              r"|l'organisme(?:\s+d'accueil)?|l'etudiant(?:e|\s*\(e\))?(?:\s+stagiaire)?|l'eleve(?:\s+stagiaire)?"
              r"|(?:le|la)\s+(?:stagiaire|salariee?))?[\s:]*(?:" + CIVILITY + r")?\s*")


# An institution's name opens with its kind (a common noun): an article before it is the sentence's.
# (matched on the folded text: "LE CENTRE HOSPITALIER", "La commune de …"; a brand's article stays: "La Maison Bleue")
_ARTICLE_OF_AN_INSTITUTION = (r"(?:le|la|les)\s+(?=(?:centres?|hopital|hopitaux|groupe(?:ment)?|institut|universite"
                              r"|etablissement|conseil|commune|ville|association|fondation|agence|direction|ministere"
                              r"|office|chambre|caisse|syndicat|mairie|prefecture|region|departement|clinique"
                              r"|college|lycee|ecole|communaute|metropole)\b)")


def defined_party(index: TextIndex, role: str) -> Span | None:
    """The head of the clause that defines `role` (a folded regex: "employeur",
    "organisme d'accueil"): the party's name as the clause opens with it, up to its first comma."""
    for m in index.search(_DEFINED_AS + r"(?:" + role + r")\b"):
        starts = list(re.finditer(_CLAUSE_START, index.folded[max(0, m.start() - 600): m.start()]))
        if not starts:
            continue
        begin = max(0, m.start() - 600) + starts[-1].end()
        lead = re.match(_HEAD_LEAD, index.folded[begin: m.start()])
        begin += lead.end() if lead else 0
        # an elided article before a name: "l'Université de Lorraine"; the sentence's article before
        # an institution's name ("Le Centre hospitalier de Strasbourg, …", never "La Poste")
        begin += 2 if re.match(r"[lL]['’][A-ZÀ-Þ]", index.text[begin: begin + 3]) else 0
        article = re.match(_ARTICLE_OF_AN_INSTITUTION, index.folded[begin: begin + 40])
        begin += article.end() if article else 0
        comma = index.text.find(",", begin, m.start())
        end = comma if comma > 0 else m.start()
        head = index.text[begin:end].strip()
        if head:
            offset = index.text.find(head, begin)
            return Span(head, offset, offset + len(head), 0.85)
    return None


def defined_company(index: TextIndex, role: str) -> Span | None:
    head = defined_party(index, role)
    return company_name_span(index, head) if head else None


def defined_person(index: TextIndex, role: str) -> PersonName | None:
    head = defined_party(index, role)
    if head is None:
        return None
    end = name_tokens_end(index.text, head.start)
    return split_name(index, head.start, end, 0.9) if end > head.start else None


def _name_cell(text: str):
    value = text.strip()
    return (value, 0, len(value)) if looks_like_name(value) else None


def _company_cell(text: str):
    value = text.strip()
    return (value, 0, len(value)) if re.match(r"[A-ZÀ-Þ0-9]", value) and re.search(r"[A-Za-zÀ-ÿ]{2}", value) else None


SURNAME_CELL = (r"(?<![\w'])(?:nom(?:\s*\(s\))?(?:\s+de\s+naissance|\s+de\s+famille|\s+d'usage|\s+du\s+(?:salarie|stagiaire)"
                r"|\s+patronymiques?(?:\s*\(s\))?)?|(?:last|family)\s+names?(?:\s*\(s\))?|surname)\s*:?(?!\s*et\b)(?![\w'])")
GIVEN_CELL = r"(?<![\w'])(?:prenoms?|first\s+names?|given\s+names?)(?:\s*\(s\))?\s*:?(?![\w'])"


def cell_person(index: TextIndex, start: int = 0) -> PersonName | None:
    """'Nom' and 'Prénom(s)' as row headers or labels over their values, from `start` on."""
    surname = value_by_label(index, SURNAME_CELL, _name_cell, start, opens_cell=True)
    if surname is None:
        return None
    given = value_by_label(index, GIVEN_CELL, _name_cell, start, opens_cell=True)
    return PersonName(surname, given, surname.start, given.end if given else surname.end)


def form_person(index: TextIndex, start: int = 0) -> PersonName | None:
    """The person of a form's name labels from `start` on: 'Nom : X Prénom : Y' in the text,
    else row headers over their cells; given names a label's line left out are taken from
    the 'Prénom' cell wherever it stands on the grid."""
    person = labelled_name(index, after=start)
    cells = cell_person(index, start)
    if person is not None and person.given_names is None and cells is not None and cells.given_names is not None:
        return PersonName(person.surname, cells.given_names, person.start, max(person.end, cells.end))
    # the nearer of the two: a grid right under the part's heading over a "Nom" row pages further (a
    # signature table's, another person's)
    if person is None or cells is not None and cells.start < person.start:
        return cells
    return person


def cell_company(index: TextIndex, label: str, start: int = 0) -> Span | None:
    """A company named beside (or under) a row header such as "Raison sociale"."""
    value = value_by_label(index, label, _company_cell, start, opens_cell=True)
    return company_name_span(index, value) if value else None


_NOT_A_SENDER = r"|contrat|convention|bulletin|attestation|lettre|objet|direction|ressources\s+humaines|republique"


def letterhead_company(index: TextIndex, lines: int = 6) -> Span | None:
    """The sender's name heading the first page when a SIRET follows within a few lines
    (a letter's letterhead): its first line that is not the SIRET's."""
    sirets = index.search(SIRET_LABEL)
    if not sirets:
        return None
    top = [m.end() for m in re.finditer(r"\n", index.text)][:lines]
    if not top or sirets[0].start() > top[-1]:
        return None
    _, first_end = index.line_bounds(0)
    first = index.text[:first_end].strip()
    # a title or a department heading the page names no company
    if not first or re.search(SIRET_LABEL + _NOT_A_SENDER, index.folded[:first_end]):
        return None
    return company_name_span(index, Span(first, 0, len(first), 0.8))

"""argparse in French: its usage line, headings and error messages, as agents and
administrators read the rest of the command line tool.

argparse looks its words up through the module-level names `_` and `ngettext` (gettext)
each time it prints; Python ships no French catalogue for them, so they are replaced by
this table. A message not listed stays as argparse wrote it."""
from __future__ import annotations

import argparse

FRENCH = {
    "usage: ": "usage : ",
    "options": "options",
    "positional arguments": "arguments",
    "show this help message and exit": "afficher cette aide et quitter",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "choix invalide : %(value)r (choisir parmi %(choices)s)",
    "invalid %(type)s value: %(value)r": "valeur invalide (%(type)s attendu) : %(value)r",
    "expected one argument": "une valeur attendue",
    "expected at most one argument": "au plus une valeur attendue",
    "expected at least one argument": "au moins une valeur attendue",
    "ambiguous option: %(option)s could match %(matches)s": "option ambiguë : %(option)s peut désigner %(matches)s",
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "ignored explicit argument %r": "valeur %r ignorée",
}


def _french(message: str) -> str:
    return FRENCH.get(message, message)


def _french_plural(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":
        return "%s valeur attendue" if n == 1 else "%s valeurs attendues"
    return singular if n == 1 else plural


def install() -> None:
    """From now on, argparse speaks French in this process (the CLI's, which prints only French)."""
    argparse._ = _french  # type: ignore[attr-defined]
    argparse.ngettext = _french_plural  # type: ignore[attr-defined]

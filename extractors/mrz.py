"""ICAO 9303 machine-readable zone: check digits, OCR repair and parsing.

Pure functions over text: no image, no OCR here (see extractors/mrz_reader.py).
Layouts handled: TD3 (passport, 2 lines of 44), TD1 (ID-size cards such as the
French titre de sejour or most identity cards, 3 lines of 30), TD2 (2 lines of 36,
some identity cards) and the French identity card issued until 2021, whose 2 lines
of 36 follow France's own format (`CNI`: 12-character number, no expiry date).

Stock tesseract models misread the OCR-B font in predictable ways: the filler
'<' comes out as K, E, L, C, '«' or '£', and letters and digits that look
alike swap (O/0, I/1, Z/2/7, S/5, B/8, G/6). Every field has a known alphabet,
so a character is first mapped to the alphabet of its position; the document
number, which mixes letters and digits, is resolved with its check digit.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from typing import Callable, Literal

TD3_LENGTH = 44
TD1_LENGTH = 30
TD2_LENGTH = 36
FILLER = "<"

# What tesseract prints for '<' besides '<' itself.
_FILLER_LOOKALIKES = frozenset("<KELC«£‹(")
# Glyphs that are never MRZ characters but stand for a filler when they appear.
_FILLER_GLYPHS = str.maketrans({"«": "<", "£": "<", "‹": "<", "(": "<", "[": "<", "{": "<"})

_TO_DIGIT = str.maketrans({"O": "0", "Q": "0", "D": "0", "U": "0", "I": "1", "L": "1", "J": "1",
                           "Z": "2", "S": "5", "B": "8", "G": "6", "T": "7", "A": "4"})
_TO_LETTER = str.maketrans({"0": "O", "1": "I", "2": "Z", "5": "S", "8": "B", "6": "G",
                            "7": "T", "4": "A"})
# Letter/digit pairs that OCR swaps in alphanumeric fields (document numbers).
_AMBIGUOUS: dict[str, str] = {
    "O": "0", "0": "O", "D": "0", "Q": "0", "I": "1", "1": "I", "L": "1", "Z": "2",
    "2": "Z", "S": "5", "5": "S", "B": "8", "8": "B", "G": "6", "6": "G", "7": "T", "T": "7",
}

DateKind = Literal["birth", "expiry"]
Layout = Literal["TD1", "TD2", "TD3", "CNI"]


def char_value(char: str) -> int:
    """ICAO value of one MRZ character: digits as is, A=10..Z=35, '<'=0."""
    if "0" <= char <= "9":  # not isdigit(): '¹' or '٣' are digits to Python, not in an MRZ
        return int(char)
    if "A" <= char <= "Z":
        return ord(char) - ord("A") + 10
    if char == FILLER:
        return 0
    raise ValueError(f"not an MRZ character: {char!r}")


def check_digit(data: str) -> int:
    """ICAO 9303 check digit: weights 7, 3, 1 repeating, sum modulo 10."""
    weights = (7, 3, 1)
    return sum(char_value(c) * weights[i % 3] for i, c in enumerate(data)) % 10


def check_digit_holds(data: str, digit: str) -> bool:
    if not digit.isdigit():
        # An empty optional field may carry '<' as its check digit.
        return digit == FILLER and set(data) <= {FILLER}
    try:
        return check_digit(data) == int(digit)
    except ValueError:
        return False


# --- dates -----------------------------------------------------------------------------------

def expand_year(yy: int, kind: DateKind, hint_year: int | None = None,
                today: dt.date | None = None) -> int:
    """Four-digit year of a two-digit MRZ year.

    DOMAIN.md: the century is the one the visual zone prints (`hint_year`).
    Without a usable hint, a birth date lies in the past and an expiry date at most
    10 years ahead (no identity document is valid longer).
    """
    today = today or dt.date.today()
    if hint_year is not None and 1900 <= hint_year <= 2199:
        candidate = hint_year - hint_year % 100 + yy
        if kind == "expiry" or candidate <= today.year:
            return candidate
    if kind == "birth":
        return 2000 + yy if 2000 + yy <= today.year else 1900 + yy
    return 2000 + yy if 2000 + yy <= today.year + 10 else 1900 + yy


def mrz_date_to_iso(yymmdd: str, kind: DateKind, hint_year: int | None = None,
                    today: dt.date | None = None) -> str | None:
    """'040425' -> '2004-04-25'; None when the six characters are not a real date."""
    if not re.fullmatch(r"\d{6}", yymmdd or ""):
        return None
    year = expand_year(int(yymmdd[:2]), kind, hint_year, today)
    try:
        return dt.date(year, int(yymmdd[2:4]), int(yymmdd[4:6])).isoformat()
    except ValueError:
        return None


# --- the record --------------------------------------------------------------------------------

@dataclass(frozen=True)
class MrzRecord:
    layout: Layout
    lines: tuple[str, ...]  # the repaired lines
    document_code: str
    issuing_state: str
    surname: str  # MRZ transliteration, '<' turned into spaces
    given_names: str
    document_number: str
    document_number_check: str  # its check digit as read, to confirm a visual-zone reading
    nationality: str
    birth_yymmdd: str
    sex: str  # 'M', 'F' or 'X'
    expiry_yymmdd: str  # '' when the layout has none (the old French identity card)
    document_number_valid: bool
    birth_date_valid: bool
    expiry_date_valid: bool
    composite_valid: bool

    def date_of_birth(self, hint_year: int | None = None, today: dt.date | None = None) -> str | None:
        return mrz_date_to_iso(self.birth_yymmdd, "birth", hint_year, today)

    def expiry_date(self, hint_year: int | None = None, today: dt.date | None = None) -> str | None:
        return mrz_date_to_iso(self.expiry_yymmdd, "expiry", hint_year, today)

    @property
    def checks_held(self) -> int:
        """How many of the four check digits hold (a reading's quality)."""
        return (self.document_number_valid + self.birth_date_valid
                + self.expiry_date_valid + self.composite_valid)

    @property
    def plausible(self) -> bool:
        """Whether the record reads like a document's zone and not like look-alike
        substitutions that happened to satisfy the check digits (an upside-down reading
        can): a known document code and a name field with its '<<' separator."""
        names = self.lines[2] if self.layout == "TD1" else self.lines[0][5:30 if self.layout == "CNI" else None]
        # A date whose check digit holds must be a day of the calendar: digits forced onto
        # letters (a line of text read as a zone) can satisfy a check, rarely make a date.
        dates = [d for d, ok in ((self.birth_yymmdd, self.birth_date_valid), (self.expiry_yymmdd, self.expiry_date_valid))
                 if ok and d]
        return self.document_code[:1] in "PIACV" and bool(self.surname) and (
            "<<" in names or self.layout == "CNI") and all(_calendar_day(d) for d in dates)


def _calendar_day(yymmdd: str) -> bool:
    """'YYMMDD' is a day of some year (29 February counts: the century is not known here)."""
    try:
        dt.date(2000, int(yymmdd[2:4]), int(yymmdd[4:6]))
    except ValueError:
        return False
    return True


# --- cleaning and repair -----------------------------------------------------------------------

def clean_line(raw: str) -> str:
    """Upper-case, filler glyphs to '<', everything outside [A-Z0-9<] dropped."""
    text = raw.upper().translate(_FILLER_GLYPHS)
    return re.sub(r"[^A-Z0-9<]", "", text)


def fit_length(line: str, length: int) -> str:
    """Pad or trim a line to `length`, taking from / adding to its longest filler run.

    OCR mostly miscounts the long '<' runs, so that is where the error usually is;
    the fields before the run stay anchored at the start, the ones after it at the end.
    """
    while len(line) != length:
        runs = [(m.end() - m.start(), m.start(), m.end()) for m in re.finditer(r"<+", line)]
        if not runs:
            return (line + FILLER * length)[:length]
        _, start, end = max(runs)
        if len(line) < length:
            line = line[:end] + FILLER * (length - len(line)) + line[end:]
        else:
            excess = min(len(line) - length, end - start)
            if excess == 0:
                return line[:length]
            line = line[:start] + line[start + excess:]
    return line


def as_digits(field: str) -> str:
    return field.translate(_TO_DIGIT)


def as_letters(field: str) -> str:
    return field.translate(_TO_LETTER)


def _as_code(field: str) -> str:
    """A three-letter code (state, nationality): letters only ('D<<' keeps its fillers)."""
    return as_letters(field)


def _as_sex(char: str) -> str:
    char = {"H": "M", "N": "M", "P": "F", "E": "F"}.get(char, char)
    return char if char in ("M", "F") else "X"


def _digits_amid_digits(field: str) -> str:
    """Letters standing between digits (or ending a digit run) are misread digits;
    so are O, Q and I next to a digit (states avoid them in numbers for that reason)."""
    chars = list(field)
    for i, c in enumerate(chars):
        if not c.isalpha():
            continue
        before = chars[i - 1] if i > 0 else ""
        after = chars[i + 1] if i + 1 < len(chars) else ""
        if before.isdigit() and (after.isdigit() or after in ("", FILLER)):
            chars[i] = as_digits(c)
        elif c in "OQI" and (before.isdigit() or after.isdigit()):
            chars[i] = as_digits(c)
    return "".join(chars)


def repair_with_check(field: str, digit: str) -> tuple[str, bool]:
    """Resolve letter/digit confusions in an alphanumeric field with its check digit.

    Only swaps the context makes likely are tried: a blind search over look-alikes
    satisfies a lone check digit about once in ten tries by chance (and the composite
    check cannot tell: it weighs the number the same way). Disagreements the check
    cannot settle are left to `reconcile_document_number` with the visual zone.
    Returns (field, check holds)."""
    if check_digit_holds(field, digit):
        return field, True
    in_context = _digits_amid_digits(field)
    return in_context, check_digit_holds(in_context, digit)


def swaps_confirmed_by_composite(number: str, check: str, composite_holds: Callable[[str], bool]) -> tuple[str, bool] | None:
    """A number failing its own check digit, repaired by look-alike swaps (I/1, O/0, S/5...)
    that satisfy both its check digit and the composite one: (number, certain).

    Two check digits agree by chance once in a hundred. One swap is tried at each
    position (nine or so tries): a unique solution is the number. Two swaps make tens of
    tries, so a unique solution is kept as the likeliest reading but not as certain."""
    positions = [i for i, c in enumerate(number) if c in _AMBIGUOUS]
    for count in (1, 2):
        found = set()
        for combo in itertools.combinations(positions, count):
            candidate = list(number)
            for i in combo:
                candidate[i] = _AMBIGUOUS[candidate[i]]
            candidate = "".join(candidate)
            if check_digit_holds(candidate, check) and composite_holds(candidate):
                found.add(candidate)
        if len(found) == 1:
            return found.pop(), count == 1
        if found:
            return None  # several readings fit: none is the number
    return None


def same_up_to_confusions(a: str, b: str) -> bool:
    """True when two readings differ only by letter/digit look-alikes (O/0, I/1, ...)."""
    if len(a) != len(b):
        return False
    return all(x == y or _AMBIGUOUS.get(x) == y or _AMBIGUOUS.get(y) == x for x, y in zip(a, b))


def reconcile_document_number(mrz_number: str, check: str, visual_number: str) -> str | None:
    """The document number both readings support, when the MRZ alone fails its check.

    Where the MRZ and the visual zone differ by a look-alike (O/0, S/5...), either may
    be right: the combination that satisfies the MRZ check digit is the number.
    None when the readings differ otherwise or no combination holds."""
    padded = visual_number + FILLER * (9 - len(visual_number))
    mrz_padded = mrz_number + FILLER * (9 - len(mrz_number))
    if len(visual_number) > 9 or not same_up_to_confusions(padded, mrz_padded):
        return None
    choices = [sorted({v, m}) for v, m in zip(padded, mrz_padded)]
    if sum(len(c) > 1 for c in choices) > 8:
        return None
    for combination in itertools.product(*choices):
        candidate = "".join(combination)
        if check_digit_holds(candidate, check):
            return candidate.rstrip(FILLER)
    return None


def repair_digits_with_check(field: str, digit: str) -> tuple[str, bool]:
    """A numeric field (a date): letters mapped to digits, then its check digit tested."""
    return as_digits(field), check_digit_holds(as_digits(field), as_digits(digit))


def split_names(name_field: str) -> tuple[str, str]:
    """'NDIAYE<<KHADY<<<<' -> ('NDIAYE', 'KHADY'), dropping misread fillers.

    Given names are separated by single '<', so once a '<<' follows them the rest is
    filler. OCR sometimes reads the '<<' between surname and given names as '<X<' or
    '<K<': taken as the separator when no '<<' comes before the filler run.
    """
    field = name_field.rstrip(FILLER)
    after_first_separator = field.partition("<<")[2]
    if all(set(t) <= _FILLER_LOOKALIKES for t in after_first_separator.split(FILLER)):
        head = field.partition("<<")[0]
        if re.search(r"<[XKC]<", head):
            field = re.sub(r"<[XKC]<", "<<", head, count=1)
    surname, _, rest = field.partition("<<")
    names_part = rest.partition("<<")[0]
    given = [t for t in names_part.split(FILLER) if t]
    # Names closing with filler look-alikes ('K', 'KKEK') are misread fillers, and so is
    # a run of K glued to the last name (no name ends in 'KK').
    while given and set(given[-1]) <= _FILLER_LOOKALIKES | {"X"}:
        given.pop()
    if given:
        given[-1] = re.sub(r"(?<=[A-Z])K{2,}[KELCX]*$", "", given[-1])
    return surname.replace(FILLER, " ").strip(), " ".join(given)


def _name_field(surname: str, given_names: str) -> str:
    return surname.replace(" ", FILLER) + "<<" + given_names.replace(" ", FILLER)


# --- layouts -----------------------------------------------------------------------------------

def _number_confirmed(number: str, number_ok: bool, number_check: str, dates_ok: bool,
                      composite_holds: Callable[[str], bool]) -> tuple[str, bool]:
    """A document number failing its own check, repaired by look-alike swaps only when both
    dates hold and the composite check confirms exactly one reading (every layout alike)."""
    if not number_ok and dates_ok:
        swapped = swaps_confirmed_by_composite(number, number_check, composite_holds)
        if swapped:
            return swapped
    return number, number_ok


def _parse_td3(line1: str, line2: str) -> MrzRecord:
    line1, line2 = fit_length(line1, TD3_LENGTH), fit_length(line2, TD3_LENGTH)
    birth, birth_ok = repair_digits_with_check(line2[13:19], line2[19])
    expiry, expiry_ok = repair_digits_with_check(line2[21:27], line2[27])
    number_check, final = as_digits(line2[9]), as_digits(line2[43])
    number, number_ok = repair_with_check(line2[0:9], number_check)

    def rest_with(optional: str) -> str:
        return (birth + as_digits(line2[19]) + line2[20] + expiry + as_digits(line2[27]) + optional
                + _optional_check(line2[42]))

    def composite_holds(number: str, rest: str | None = None) -> bool:
        rest = rest if rest is not None else rest_with(optional)
        return check_digit_holds(number + number_check + rest[:7] + rest[8:], final)

    optional = _optional_data(line2[28:42], lambda o: composite_holds(number, rest_with(o)))
    rest = rest_with(optional)
    number, number_ok = _number_confirmed(number, number_ok, number_check, birth_ok and expiry_ok,
                                          composite_holds)
    line2 = number + number_check + _as_code(line2[10:13]) + rest + final
    surname, given = split_names(line1[5:])
    line1 = (line1[:5] + _name_field(surname, given)).ljust(TD3_LENGTH, FILLER)[:TD3_LENGTH]
    return MrzRecord(
        layout="TD3", lines=(line1, line2), document_code=_document_code(line1[0:2]).rstrip(FILLER),
        issuing_state=_as_code(line1[2:5]), surname=surname, given_names=given,
        document_number=number.rstrip(FILLER), document_number_check=number_check,
        nationality=_as_code(line2[10:13]),
        birth_yymmdd=birth, sex=_as_sex(line2[20]), expiry_yymmdd=expiry,
        document_number_valid=number_ok, birth_date_valid=birth_ok, expiry_date_valid=expiry_ok,
        composite_valid=composite_holds(number),
    )


def _parse_td1(line1: str, line2: str, line3: str) -> MrzRecord:
    # Line 3 is the name alone, which opens with a letter: a digit or filler before it is
    # the card's edge or a speck read as a character.
    line3 = re.sub(r"^[^A-Z]+", "", line3)
    line1, line2, line3 = (fit_length(x, TD1_LENGTH) for x in (line1, line2, line3))
    birth, birth_ok = repair_digits_with_check(line2[0:6], line2[6])
    expiry, expiry_ok = repair_digits_with_check(line2[8:14], line2[14])
    optional1 = _filler_if_no_digits(line1[15:30])
    optional2 = _filler_if_no_digits(line2[18:29])
    line2 = (birth + as_digits(line2[6]) + line2[7] + expiry + as_digits(line2[14])
             + _as_code(line2[15:18]) + optional2 + as_digits(line2[29]))
    number_check = as_digits(line1[14])

    def composite_holds(number: str) -> bool:
        data = number + number_check + optional1 + line2[0:7] + line2[8:15] + line2[18:29]
        return check_digit_holds(data, line2[29])

    number, number_ok = repair_with_check(line1[5:14], number_check)
    number, number_ok = _number_confirmed(number, number_ok, number_check, birth_ok and expiry_ok,
                                          composite_holds)
    line1 = _document_code(line1[0:2]) + _as_code(line1[2:5]) + number + number_check + optional1
    surname, given = split_names(line3)
    line3 = _name_field(surname, given).ljust(TD1_LENGTH, FILLER)[:TD1_LENGTH]
    return MrzRecord(
        layout="TD1", lines=(line1, line2, line3), document_code=line1[0:2].rstrip(FILLER),
        issuing_state=_as_code(line1[2:5]), surname=surname, given_names=given,
        document_number=number.rstrip(FILLER), document_number_check=number_check,
        nationality=_as_code(line2[15:18]),
        birth_yymmdd=birth, sex=_as_sex(line2[7]), expiry_yymmdd=expiry,
        document_number_valid=number_ok, birth_date_valid=birth_ok, expiry_date_valid=expiry_ok,
        composite_valid=composite_holds(number),
    )


def _parse_td2(line1: str, line2: str) -> MrzRecord:
    """ICAO TD2: the TD3 fields on 36 characters (names on line 1, data on line 2)."""
    line1, line2 = fit_length(line1, TD2_LENGTH), fit_length(line2, TD2_LENGTH)
    birth, birth_ok = repair_digits_with_check(line2[13:19], line2[19])
    expiry, expiry_ok = repair_digits_with_check(line2[21:27], line2[27])
    number_check, final = as_digits(line2[9]), as_digits(line2[35])
    number, number_ok = repair_with_check(line2[0:9], number_check)
    optional = _filler_if_no_digits(line2[28:35])

    def composite_holds(number: str) -> bool:
        return check_digit_holds(number + number_check + birth + as_digits(line2[19])
                                 + expiry + as_digits(line2[27]) + optional, final)

    number, number_ok = _number_confirmed(number, number_ok, number_check, birth_ok and expiry_ok,
                                          composite_holds)
    line2 = (number + number_check + _as_code(line2[10:13]) + birth + as_digits(line2[19]) + line2[20]
             + expiry + as_digits(line2[27]) + optional + final)
    surname, given = split_names(line1[5:])
    line1 = (_document_code(line1[0:2]) + _as_code(line1[2:5]) + _name_field(surname, given)).ljust(TD2_LENGTH, FILLER)[:TD2_LENGTH]
    return MrzRecord(
        layout="TD2", lines=(line1, line2), document_code=line1[0:2].rstrip(FILLER),
        issuing_state=_as_code(line1[2:5]), surname=surname, given_names=given,
        document_number=number.rstrip(FILLER), document_number_check=number_check,
        nationality=_as_code(line2[10:13]),
        birth_yymmdd=birth, sex=_as_sex(line2[20]), expiry_yymmdd=expiry,
        document_number_valid=number_ok, birth_date_valid=birth_ok, expiry_date_valid=expiry_ok,
        composite_valid=check_digit_holds(line2[0:10] + line2[13:20] + line2[21:35], final),
    )


def _parse_cni(line1: str, line2: str) -> MrzRecord:
    """The French identity card of 1988-2021: 'IDFRA' + surname (25) + office (6);
    number (12) + check, given names (14), birth date + check, sex, composite check over
    both lines. No expiry date (the card prints it)."""
    line1, line2 = fit_length(line1, TD2_LENGTH), fit_length(line2, TD2_LENGTH)
    birth, birth_ok = repair_digits_with_check(line2[27:33], line2[33])
    number_check = as_digits(line2[12])
    number, number_ok = repair_with_check(line2[0:12], number_check)
    surname = line1[5:30].rstrip(FILLER).replace(FILLER, " ").strip()
    # Given names are separated by '<<', a compound one's parts by '<': both are spaces.
    given = re.sub(r"<+", " ", line2[13:27]).strip()
    line2 = number + number_check + line2[13:27] + birth + as_digits(line2[33]) + line2[34] + as_digits(line2[35])
    return MrzRecord(
        layout="CNI", lines=(line1, line2), document_code="ID", issuing_state="FRA", surname=surname,
        given_names=given, document_number=number.rstrip(FILLER),
        document_number_check=number_check, nationality="FRA", birth_yymmdd=birth, sex=_as_sex(line2[34]),
        expiry_yymmdd="", document_number_valid=number_ok, birth_date_valid=birth_ok, expiry_date_valid=False,
        composite_valid=check_digit_holds(line1 + line2[:35], line2[35]),
    )


def _document_code(code: str) -> str:
    """First char is a letter (P, I, A, C, V); the second a letter or '<'."""
    first = as_letters(code[0])
    second = code[1] if len(code) > 1 else FILLER
    second = FILLER if second in "KC«" and first == "P" else as_letters(second)
    return first + second


def _filler_if_no_digits(field: str) -> str:
    """Optional data is usually empty; letters among its fillers are misread '<'."""
    if not any(c.isdigit() for c in field) and field.count(FILLER) + sum(c in "KELC" for c in field) >= len(field) / 2:
        return FILLER * len(field)
    return field


def _optional_data(field: str, composite_holds: Callable[[str], bool]) -> str:
    """The optional field as filler when that is what the composite check supports."""
    cleaned = _filler_if_no_digits(field)
    if cleaned != field and not composite_holds(cleaned) and composite_holds(field):
        return field
    return cleaned


def _optional_check(char: str) -> str:
    return char if char == FILLER else as_digits(char)


# --- what each position may hold -----------------------------------------------------------

_DIGITS = "0123456789"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_NAME = _LETTERS + FILLER
_ALNUM = _LETTERS + _DIGITS + FILLER
_SEX = "MF" + FILLER


def _positions(*runs: tuple[str, int]) -> str:
    """A line's alphabets as one string per position, from (alphabet, run length) pairs."""
    return [alphabet for alphabet, length in runs for _ in range(length)]


def position_alphabets(layout: Layout) -> list[list[str]]:
    """For each line and position, the characters ICAO 9303 allows there: a reader
    that knows a date is digits cannot read its '0' as 'O'."""
    if layout == "TD3":
        return [
            _positions((_LETTERS, 1), (_NAME, 43)),
            _positions((_ALNUM, 9), (_DIGITS, 1), (_NAME, 3), (_DIGITS, 7), (_SEX, 1), (_DIGITS, 7),
                       (_ALNUM, 14), (_DIGITS + FILLER, 1), (_DIGITS, 1)),
        ]
    if layout == "TD2":
        return [
            _positions((_LETTERS, 1), (_NAME, 35)),
            _positions((_ALNUM, 9), (_DIGITS, 1), (_NAME, 3), (_DIGITS, 7), (_SEX, 1), (_DIGITS, 7),
                       (_ALNUM, 7), (_DIGITS, 1)),
        ]
    if layout == "CNI":
        return [
            _positions((_LETTERS, 1), (_NAME, 29), (_ALNUM, 6)),
            _positions((_ALNUM, 12), (_DIGITS, 1), (_NAME, 14), (_DIGITS, 7), (_SEX, 1), (_DIGITS, 1)),
        ]
    return [
        _positions((_LETTERS, 1), (_NAME, 4), (_ALNUM, 9), (_DIGITS + FILLER, 1), (_ALNUM, 15)),
        _positions((_DIGITS, 7), (_SEX, 1), (_DIGITS, 7), (_NAME, 3), (_ALNUM, 11), (_DIGITS, 1)),
        _positions((_NAME, TD1_LENGTH)),
    ]


# --- choosing among a glyph reader's alternatives ------------------------------------------

# A ranked reading of one position: (character, loss against the best), best first.
Ranked = list[tuple[str, float]]

# (line, start, end, check position) of each field a check digit covers, per layout.
_CHECKED_FIELDS = {
    "TD3": ((1, 0, 9, 9), (1, 13, 19, 19), (1, 21, 27, 27), (1, 28, 42, 42)),
    "TD1": ((0, 5, 14, 14), (1, 0, 6, 6), (1, 8, 14, 14)),
    "TD2": ((1, 0, 9, 9), (1, 13, 19, 19), (1, 21, 27, 27)),
    "CNI": ((1, 0, 12, 12), (1, 27, 33, 33)),
}
# Where each layout's composite check digit stands (line, position).
_FINAL_CHECK = {"TD3": (1, TD3_LENGTH - 1), "TD1": (1, TD1_LENGTH - 1), "TD2": (1, TD2_LENGTH - 1),
                "CNI": (1, TD2_LENGTH - 1)}
MAX_SUBSTITUTION_LOSS = 0.12  # an alternative further behind its best is not a look-alike
_MAX_OPTIONS = 3


def _composite_holds(layout: str, lines: list[str]) -> bool:
    if layout == "TD3":
        line = lines[1]
        return check_digit_holds(line[0:10] + line[13:20] + line[21:43], line[43])
    if layout == "TD2":
        line = lines[1]
        return check_digit_holds(line[0:10] + line[13:20] + line[21:35], line[35])
    if layout == "CNI":
        return check_digit_holds(lines[0] + lines[1][:35], lines[1][35])
    data = lines[0][5:30] + lines[1][0:7] + lines[1][8:15] + lines[1][18:29]
    return check_digit_holds(data, lines[1][29])


def _field_options(text: str, ranked: list[Ranked]) -> list[tuple[float, str]]:
    """Readings of a field plus its check digit whose check holds, by total loss: the
    read one if it holds, else one or two look-alike substitutions."""
    def holds(candidate: str) -> bool:
        return check_digit_holds(candidate[:-1], candidate[-1])

    if holds(text):
        return [(0.0, text)]
    swaps = [(loss, i, char) for i, options in enumerate(ranked)
             for char, loss in options[1:] if loss <= MAX_SUBSTITUTION_LOSS]
    options = []
    for loss, i, char in swaps:
        candidate = text[:i] + char + text[i + 1:]
        if holds(candidate):
            options.append((loss, candidate))
    for (loss_a, i, a), (loss_b, j, b) in itertools.combinations(sorted(swaps)[:8], 2):
        if i != j:
            candidate = list(text)
            candidate[i], candidate[j] = a, b
            if holds("".join(candidate)):
                options.append((loss_a + loss_b, "".join(candidate)))
    return sorted(options)[:_MAX_OPTIONS]


def choose_by_checks(layout: Layout, ranked_lines: list[list[Ranked]]) -> list[str]:
    """The lines a glyph reader saw, with look-alike alternatives taken where check
    digits call for them.

    A lone check digit holds for one wrong reading in ten, so substitutions are kept
    only when the composite check then holds too, or when a single very close
    alternative (an O/0 that the glyphs barely separate) satisfies its field's digit."""
    lines = ["".join(r[0][0] for r in line) for line in ranked_lines]
    per_field = []
    for line, start, end, check in _CHECKED_FIELDS[layout]:
        text = lines[line][start:end + 1]
        options = _field_options(text, ranked_lines[line][start:end + 1])
        per_field.append(options or [(0.0, text)])

    def applied(choice: tuple[tuple[float, str], ...]) -> list[str]:
        result = [list(x) for x in lines]
        for (line, start, end, _), (_, text) in zip(_CHECKED_FIELDS[layout], choice):
            result[line][start:end + 1] = text
        return ["".join(x) for x in result]

    # The composite digit may itself be the misread character.
    final_line, final_at = _FINAL_CHECK[layout]
    finals = [(loss, char) for char, loss in ranked_lines[final_line][final_at] if loss <= MAX_SUBSTITUTION_LOSS]
    combos = sorted(((sum(loss for loss, _ in c) + final_loss, c, final)
                     for c in itertools.product(*per_field) for final_loss, final in finals),
                    key=lambda x: x[0])
    for _, choice, final in combos:
        candidate = applied(choice)
        candidate[final_line] = candidate[final_line][:final_at] + final
        if _composite_holds(layout, candidate):
            return candidate
    safe = tuple(options[0] if options[0][0] <= MAX_SUBSTITUTION_LOSS / 3 else (0.0, lines[line][start:end + 1])
                 for options, (line, start, end, _) in zip(per_field, _CHECKED_FIELDS[layout]))
    return applied(safe)


# --- entry point -------------------------------------------------------------------------------

def _looks_like_mrz(line: str) -> bool:
    return len(line) >= 20 and (FILLER in line or sum(c.isdigit() for c in line) >= 8)


def _mrz_part(raw: str) -> str:
    """An OCR line too long to be MRZ alone (printed text glued before it): its tail
    of MRZ-looking tokens (capitals and digits or '<')."""
    if len(clean_line(raw)) <= TD3_LENGTH + 6:
        return raw
    tokens = raw.split()
    start = len(tokens)
    while start > 0 and re.fullmatch(r"[A-Z0-9<«£]*[0-9<«£][A-Z0-9<«£]*", tokens[start - 1]):
        start -= 1
    return " ".join(tokens[start:]) if start < len(tokens) else raw


def _card_code(line: str) -> str:
    """A card's code opens with I, which OCR reads as L or 1 ('LDFRA...'): the letters that
    follow an I in a code (ID, IR, I<) tell it."""
    return "I" + line[1:] if line[:1] in ("L", "1") and line[1:2] in ("D", "R", "<") else line


def select_lines(raw_lines: list[str]) -> tuple[Layout, list[str]] | None:
    """Pick the MRZ lines out of OCR output (which may hold other text) and tell the layout.

    The data line (TD3 line 2, TD1 line 2) must have about the right length; name and
    filler lines lose many '<' in OCR, so only a minimum length is asked of them.
    """
    lines = [c for c in (clean_line(_mrz_part(r)) for r in raw_lines) if _looks_like_mrz(c)]
    if len(lines) < 2:
        return None

    def near(line: str, length: int, slack: int) -> bool:
        return abs(len(line) - length) <= slack

    # The MRZ closes the document: prefer the last group of lines.
    for start in range(len(lines) - 2, -1, -1):
        first, second = lines[start:start + 2]
        if first[:1] == "P" and near(second, TD3_LENGTH, 6) and len(first) >= 20:
            return "TD3", [first, second]
    for start in range(len(lines) - 3, -1, -1):
        first, second, third = lines[start:start + 3]
        first = _card_code(first)
        if first[:1] in "IAC" and near(second, TD1_LENGTH, 4) and len(first) >= 15 and len(third) >= 8:
            return "TD1", [first, second, third]
    for start in range(len(lines) - 2, -1, -1):
        first, second = lines[start:start + 2]
        first = _card_code(first)
        if first[:1] in "IAC" and near(second, TD2_LENGTH, 3) and len(first) >= 20:
            # France's own card format opens with IDFRA; no TD2 card of France exists.
            return ("CNI" if first.startswith("IDFRA") else "TD2"), [first, second]
    # No document code recognised: fall back on line lengths alone.
    if len(lines) >= 3 and all(near(x, TD1_LENGTH, 4) for x in lines[-3:]):
        return "TD1", lines[-3:]
    if all(near(x, TD3_LENGTH, 6) for x in lines[-2:]):
        return "TD3", lines[-2:]
    return None


def _realigned(lines: list[str], data_indexes: tuple[int, ...], length: int, parse,
               nationality_at: tuple[int, int, int]) -> MrzRecord:
    """Parse, and if check digits fail on a data line that is too long, try dropping
    each single character of its fields (OCR inserts spurious characters). Among equal
    results, the one whose nationality was read as letters wins."""
    best = parse(lines)
    best_alpha = False
    for index in data_indexes:
        data = lines[index]
        if best.checks_held == 4 or len(data) <= length:
            continue
        for i in range(min(length - 11, len(data))):
            variant = list(lines)
            variant[index] = data[:i] + data[i + 1:]
            record = parse(variant)
            # Dropping characters lets chance satisfy a lone check digit: ask for the
            # composite, or for two more checks at once.
            gained = record.checks_held - parse(lines).checks_held
            line, start, end = nationality_at
            alpha = variant[line][start:end].isalpha()
            better = record.checks_held > best.checks_held or (
                record.checks_held == best.checks_held and alpha and not best_alpha)
            if better and (gained >= 2 or (gained >= 1 and record.composite_valid)):
                best, best_alpha = record, alpha
    return best


def parse_mrz(raw_lines: list[str]) -> MrzRecord | None:
    """Parse OCR'd MRZ lines (TD3, TD1, TD2 or the old French card), repairing what OCR usually gets wrong.

    None when no MRZ structure can be found. Check results are in the record:
    a field whose check digit fails is still returned, for the caller to judge.
    """
    selected = select_lines(raw_lines)
    if selected is None:
        return None
    layout, lines = selected
    if layout == "TD3":
        return _realigned(lines, (1,), TD3_LENGTH, lambda ls: _parse_td3(*ls), (1, 10, 13))
    if layout == "TD2":
        return _realigned(lines, (1,), TD2_LENGTH, lambda ls: _parse_td2(*ls), (1, 10, 13))
    if layout == "CNI":
        return _parse_cni(*lines)
    return _realigned(lines, (0, 1), TD1_LENGTH, lambda ls: _parse_td1(*ls), (1, 15, 18))

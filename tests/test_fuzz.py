"""Fuzzing (issue 6), bounded in time: the readers raise only UnreadableFileError (or
succeed) on mutated bytes, and the MRZ and French text parsers never raise and give
sane values on any string. Examples per test are capped so the file runs in well under
a minute; `HYPOTHESIS_PROFILE=long` runs many more."""
from __future__ import annotations

import datetime as dt
import math
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import frenchtext
from extractors.filetype import FileKind, sniff_bytes
from extractors.limits import Limits
from extractors.mrz import check_digit, check_digit_holds, parse_mrz
from extractors.reading import plan_file
from models import UnreadableFileError
from pipeline.intake import parse_manifest
from tests.builders import save_image, text_image, text_pdf

settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

LIMITS = Limits(read_seconds=5)
_SEEDS = Path(tempfile.mkdtemp(prefix="fuzz-seeds-"))
PDF = text_pdf(_SEEDS / "seed.pdf", [["CONTRAT DE TRAVAIL", "Contrat à durée indéterminée"]]).read_bytes()
PNG = save_image(text_image(["Bonjour"], size=(120, 80), font_size=20), _SEEDS / "seed.png", "PNG").read_bytes()
MRZ_CHARS = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<«O ", max_size=50)


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """The seed with a few bytes flipped, a slice cut out, or a cut short."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(0, 8))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        start = draw(st.integers(0, len(data) - 1))
        del data[start: start + draw(st.integers(0, 512))]
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data)


def plan_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f"
        path.write_bytes(data)
        try:
            for job in plan_file(path, "f", LIMITS):
                assert job.kind in (FileKind.pdf, FileKind.png, FileKind.jpeg, FileKind.tiff)
        except UnreadableFileError:
            pass


@given(st.binary(max_size=2048))
def test_sniff_never_raises(data: bytes) -> None:
    assert isinstance(sniff_bytes(data), FileKind)


@settings(max_examples=200)
@given(st.one_of(mutated(PDF), mutated(PNG), st.binary(max_size=512)))
def test_plan_file_raises_only_unreadable_file_errors(data: bytes) -> None:
    plan_bytes(data)


@given(st.one_of(st.binary(max_size=300), st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(
        st.sampled_from(["reference", "procedure", "submitted_at", "x"]), children, max_size=4),
    max_leaves=8).map(lambda v: __import__("json").dumps(v).encode())))
def test_parse_manifest_gives_a_manifest_or_a_reason(raw: bytes) -> None:
    manifest, error = parse_manifest(raw)
    assert manifest is not None or error is not None
    if manifest is not None:
        assert manifest.submitted_at is None or isinstance(manifest.submitted_at, dt.date)


@given(st.lists(st.one_of(MRZ_CHARS, st.text(max_size=50)), max_size=5))
def test_parse_mrz_never_raises(lines: list[str]) -> None:
    record = parse_mrz(lines)
    if record is not None:
        assert record is not None  # a record, whatever its content: no exception is the point


@given(st.text(max_size=60), st.text(max_size=2))
def test_check_digits_never_raise(data: str, digit: str) -> None:
    assert isinstance(check_digit_holds(data, digit), bool)
    try:
        value = check_digit(data)
    except ValueError:  # its contract for a character that is not of the MRZ alphabet
        assert not set(data) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<")
    else:
        assert 0 <= value <= 9


@given(st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<", max_size=60))
def test_check_digit_of_mrz_text(data: str) -> None:
    assert 0 <= check_digit(data) <= 9


def check_french_parsers(text: str) -> None:
    for amount, *_ in (*frenchtext.find_amounts(text), *frenchtext.find_numbers(text)):
        assert math.isfinite(amount) and amount >= 0
    for date, *_ in frenchtext.find_dates(text):
        assert isinstance(date, dt.date)
    for hours, *_ in frenchtext.find_hours(text):
        assert math.isfinite(hours) and 0 <= hours
    for found in (frenchtext.find_dates(text), frenchtext.find_amounts(text), frenchtext.find_amounts(text, False),
                  frenchtext.find_hours(text), frenchtext.find_numbers(text), frenchtext.find_month_years(text),
                  frenchtext.find_sirets(text), frenchtext.find_sirens(text)):
        for *_, start, end in found:
            assert 0 <= start <= end <= len(text)


@given(st.text(max_size=200))
def test_french_text_parsers_never_raise_and_stay_sane(text: str) -> None:
    check_french_parsers(text)


_FRENCH_BITS = st.sampled_from(["1 801,80 €", "35 heures", "le 1er mars 2026", "31/02/2026", "12.345,6 EUR",
                                "hebdomadaire", "brut mensuel", "9999999999999999999999 €", "0,5 h", "-12 €",
                                "2026-13-45", "février", "SIRET 732 829 320 00074", "1e308 €", "∞", "٣٥ heures"])


@given(st.lists(st.one_of(_FRENCH_BITS, st.text(max_size=8)), max_size=8).map(" ".join))
def test_french_text_parsers_on_near_miss_text(text: str) -> None:
    check_french_parsers(text)

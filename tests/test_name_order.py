"""A name printed all in capitals gives no cue to which words are the surname: the dossier's identity
document settles it (extractors/name_order.py), and only when the words are the same."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from extractors.name_order import order_names_by_identity
from models import FieldBox, PieceResult, PieceType
from pipeline.process import process_dossier
from tests.builders import text_pdf
from tests.mrz_builders import td3


def piece(piece_type: PieceType, **fields: str) -> PieceResult:
    return PieceResult(id=piece_type.value, source=f"{piece_type.value}.pdf", pages=[1], type=piece_type,
                       confidence=0.9, text_source="text_layer", fields=dict(fields))


def test_a_surname_printed_first_takes_the_identity_documents_order() -> None:
    passport = piece(PieceType.passport, surname="TRAORÉ", given_names="ADAMA YACOUBA")
    # "TRAORÉ ADAMA YACOUBA" on the diploma, read given names first
    diploma = piece(PieceType.diploma, holder_given_names="TRAORÉ ADAMA", holder_surname="YACOUBA")
    line = [FieldBox(page=1, bbox=(0.1, 0.4, 0.3, 0.42)), FieldBox(page=1, bbox=(0.3, 0.4, 0.4, 0.42))]
    diploma.field_boxes = {"holder_given_names": line[:1], "holder_surname": line[1:]}
    contract = piece(PieceType.employment_contract, employee_given_names="Adama Yacouba", employee_surname="TRAORE")
    order_names_by_identity([diploma, passport, contract])
    assert (diploma.fields["holder_surname"], diploma.fields["holder_given_names"]) == ("TRAORÉ", "ADAMA YACOUBA")
    assert diploma.field_boxes["holder_surname"] == diploma.field_boxes["holder_given_names"] == line
    assert (contract.fields["employee_surname"], contract.fields["employee_given_names"]) == ("TRAORE", "Adama Yacouba")


def test_a_compound_surname_after_the_given_names_in_capitals_takes_the_identity_documents_split() -> None:
    """"JORGE ALBERTO RÍOS MENDOZA" given names first: the reader takes the last word for the surname; the
    passport's "RÍOS MENDOZA" / "JORGE ALBERTO" says where the surname starts."""
    passport = piece(PieceType.passport, surname="RIOS MENDOZA", given_names="JORGE ALBERTO")
    diploma = piece(PieceType.diploma, holder_given_names="JORGE ALBERTO RÍOS", holder_surname="MENDOZA")
    agreement = piece(PieceType.internship_agreement, intern_given_names="Jorge Alberto", intern_surname="RÍOS MENDOZA")
    order_names_by_identity([diploma, passport, agreement])
    assert (diploma.fields["holder_surname"], diploma.fields["holder_given_names"]) == ("RÍOS MENDOZA", "JORGE ALBERTO")
    assert (agreement.fields["intern_surname"], agreement.fields["intern_given_names"]) == ("RÍOS MENDOZA", "Jorge Alberto")


def test_other_words_or_an_order_the_words_cannot_tell_stay_as_read() -> None:
    passport = piece(PieceType.passport, surname="SHARMA", given_names="VIKRAM")
    other = piece(PieceType.diploma, holder_given_names="SHARMA", holder_surname="VIKRAMA")  # another person
    twice = piece(PieceType.passport, surname="MARTIN", given_names="MARTIN")
    same = piece(PieceType.employment_contract, employee_given_names="MARTIN", employee_surname="MARTIN")
    order_names_by_identity([passport, other, twice, same])
    assert (other.fields["holder_surname"], other.fields["holder_given_names"]) == ("VIKRAMA", "SHARMA")
    assert (same.fields["employee_surname"], same.fields["employee_given_names"]) == ("MARTIN", "MARTIN")


def test_a_dossier_whose_diploma_prints_the_name_surname_first_in_capitals(tmp_path: Path) -> None:
    folder = tmp_path / "dossier"
    folder.mkdir()
    text_pdf(folder / "passeport.pdf", [["PASSEPORT / PASSPORT", "République de l'Inde",
                                         *td3("N20771776", "850131", "300210", "SHARMA<<VIKRAM", "IND")]])
    text_pdf(folder / "diplome.pdf", [["UNIVERSITÉ D'ORAN 2", "DIPLÔME", "Le Recteur délivre à", "SHARMA VIKRAM",
                                       "né le 31 janvier 1985 à Kochi (Inde)", "le diplôme de",
                                       "Licence Économie et gestion", "Fait à Oran, le 26 juin 2021"]])
    result = process_dossier(folder, received_at=dt.date(2026, 6, 1))
    [degree] = [p for p in result.pieces if p.type == PieceType.diploma]
    assert (degree.fields["holder_surname"], degree.fields["holder_given_names"]) == ("SHARMA", "VIKRAM")
    assert not [f for f in result.flags if f.code.value == "identity_mismatch"], result.flags

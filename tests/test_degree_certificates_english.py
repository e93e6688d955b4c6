"""Degree certificates in English of universities of Pakistan, Bangladesh and Sri Lanka, and of the universities that
word theirs the same way: the grant "hereby confers on" or "It is hereby certified that", a relative's name under the
holder's ("D/o", "son of"), the degree's division or class after its name, the award at the convocation or "given
under the seal … this 14th day of March, 2019", dates as "09-Mar-2023"; in a merged scan their transcript and the
page attesting the copy stay with them. Written from how such certificates are worded, not from a generator."""
from __future__ import annotations

import pytest

from extractors.attached_pages import is_certification, without_certifications
from extractors.classify import classify_pages, score_page
from extractors.fields import diploma
from extractors.frenchtext import find_dates
from extractors.split import split_pages
from models.domain import PieceType
from tests.test_parties_layouts import prose_page

PUNJAB = """
UNIVERSITY OF THE PUNJAB
LAHORE
Serial No. 0049213
The Syndicate of the University of the Punjab hereby confers on
Miss Ayesha RAZA
D/o Muhammad Raza Qureshi
the Degree of
Bachelor of Science in Computer Science in the First Division
in recognition of her having fulfilled the requirements prescribed for the said degree.
Given under the seal of the University this 14th day of March, 2019.
Registrar                Controller of Examinations                Vice-Chancellor
Dated: 02-Apr-2019
"""
DHAKA = """
UNIVERSITY OF DHAKA
Registration No. 2016-117-442   Session 2016-17
It is hereby certified that
Tanvir Hasan CHOWDHURY
son of Abdul Karim Chowdhury
having passed the M.B.A. Examination held in November 2021 and placed in the First Class
has been admitted to the Degree of
Master of Business Administration
at the 53rd Convocation held on 19-Mar-2022
Date of Issue: 30-Jun-2022
Controller of Examinations                Vice-Chancellor
"""
COLOMBO = """
UNIVERSITY OF COLOMBO, SRI LANKA
Certified that
Smt. Kavitha RAJAN
was admitted to the Degree of
Master of Arts with Merit
by the Senate at the General Convocation held on 15th August, 2021
Issued on 3rd December 2021
Deputy Registrar (Examinations)
"""
EXPECTED = {
    "punjab": (PUNJAB, "RAZA", "Ayesha", "Bachelor of Science in Computer Science", "2019-03-14"),
    "dhaka": (DHAKA, "CHOWDHURY", "Tanvir Hasan", "Master of Business Administration", "2022-03-19"),
    "colombo": (COLOMBO, "RAJAN", "Kavitha", "Master of Arts", "2021-08-15"),
}
TRANSCRIPT = """
UNIVERSITY OF DHAKA
Office of the Controller of Examinations
ACADEMIC TRANSCRIPT
Name of the Student : Tanvir Hasan CHOWDHURY      Father's Name : Abdul Karim Chowdhury
Course                                   Credits   Grade
Financial Accounting                     3         A
Business Statistics                      3         A-
Date of Publication of Result : 12-Jan-2022
CGPA : 3.71 out of 4.00
"""
ATTESTED = """
VERIFIED & ATTESTED
Deputy Registrar (Certificates)
University of Dhaka
Date : 05/05/2025
Attested by
Rahima Begum
Notary Public, Government of Bangladesh
Date : 6 May 2025
"""


@pytest.mark.parametrize("university", sorted(EXPECTED))
def test_a_degree_certificate_worded_in_english_is_read(university: str) -> None:
    text, surname, given, title, award = EXPECTED[university]
    page = prose_page(text)
    assert classify_pages([page])[0] == PieceType.diploma
    fields = diploma.extract([page]).fields
    assert (fields["holder_surname"], fields["holder_given_names"]) == (surname, given)
    assert fields["title"] == title
    assert fields["award_date"] == award


def test_english_dates_with_ordinals_dashes_and_commas() -> None:
    def iso(text: str) -> list[str]:
        return [d.isoformat() for d, _, _ in find_dates(text)]

    assert iso("this 8th day of July, 2020; 15th August, 2021; 09-Mar-2023") == ["2020-07-08", "2021-08-15", "2023-03-09"]
    assert iso("mar. 12 mars 2024") == ["2024-03-12"]  # a weekday's "mar." is no month
    assert iso("le 3 mars 2021, et le 4-mai-2021") == ["2021-03-03", "2021-05-04"]


def test_its_transcript_and_its_attestation_stay_with_it_in_a_merged_scan() -> None:
    pages = [prose_page(DHAKA), prose_page(TRANSCRIPT), prose_page(ATTESTED), prose_page(PUNJAB)]
    # the next certificate is a piece of its own
    assert split_pages(pages, [score_page(p) for p in pages]) == [[0, 1, 2], [3]]
    piece = pages[:3]
    assert classify_pages(piece)[0] == PieceType.diploma
    fields = diploma.extract(piece).fields
    assert (fields["holder_surname"], fields["award_date"]) == ("CHOWDHURY", "2022-03-19")
    assert [is_certification(p) for p in piece] == [False, False, True]


def test_a_copy_certified_on_the_diploma_itself_is_the_diploma() -> None:
    """A stamp "Copie certifiée conforme" read first on the diploma's own page leaves the page to be read."""
    stamped = prose_page("COPIE CERTIFIÉE CONFORME À L'ORIGINAL\nUNIVERSITÉ DE LILLE\nDIPLÔME DE MASTER\n"
                         "Le diplôme de Master Chimie est délivré à Awa DIALLO, née le 2 mai 1998\n"
                         "Délivré à Lille, le 3 juillet 2023")
    assert not is_certification(stamped)
    pages = [stamped, prose_page(ATTESTED)]
    assert without_certifications(pages) == [stamped]
    assert split_pages(pages, [score_page(p) for p in pages]) == [[0, 1]]
    assert diploma.extract(pages).fields["award_date"] == "2023-07-03"

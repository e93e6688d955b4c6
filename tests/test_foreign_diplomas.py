"""Diplomas in Spanish, Portuguese and Italian, as workers from Latin America, Portugal or an Italian
university bring them, with or without the Hague apostille on a page of its own: classified as
diplomas, one piece with their apostille, the holder, the degree and the day it was conferred read
in their own language. Written from how such diplomas are worded, not from any generator's family."""
from __future__ import annotations

import pytest

from extractors.classify import classify_pages, score_page
from extractors.fields import diploma
from extractors.frenchtext import find_dates
from extractors.split import split_pages
from extractors.textnorm import fold
from models.domain import PieceType
from tests.test_parties_layouts import prose_page

# A Colombian university's diploma: the holder after "teniendo en cuenta que", the title after "le confiere el
# título de", the day spelled out with its figures in brackets, the degree's record ("Acta de grado") below.
COLOMBIA = """
REPÚBLICA DE COLOMBIA
UNIVERSIDAD DEL VALLE
Personería Jurídica reconocida por Resolución 1234 de 1954 del Ministerio de Educación Nacional
EL RECTOR DE LA UNIVERSIDAD
en uso de sus atribuciones legales y teniendo en cuenta que
Luisa Fernanda ORTIZ BELTRÁN
identificada con cédula de ciudadanía No. 1.144.082.311 expedida en Cali
cumplió satisfactoriamente los requisitos académicos exigidos, le confiere el título de
ADMINISTRADORA DE EMPRESAS
En testimonio de lo cual se firma y expide el presente diploma en Santiago de Cali, a los catorce (14) días
del mes de diciembre de dos mil dieciocho (2018).
Acta de grado No. 4471 — Libro 12 — Folio 233
"""
# A Brazilian federal university's: the conferral after the course's completion, the holder under a lone "a", the
# diploma signed two months later.
BRAZIL = """
REPÚBLICA FEDERATIVA DO BRASIL
UNIVERSIDADE FEDERAL DE PERNAMBUCO
O Reitor da Universidade Federal de Pernambuco, no uso de suas atribuições e tendo em vista a conclusão do
Curso de Engenharia Civil em 22 de julho de 2017, confere o título de
Engenheiro Civil
a
Rafael Augusto MOREIRA LIMA
brasileiro, natural de Pernambuco, nascido em 9 de fevereiro de 1994, RG 7.245.118 SDS/PE,
e outorga-lhe o presente Diploma, a fim de que possa gozar de todos os direitos e prerrogativas legais.
Recife, 15 de setembro de 2017.
"""
# A Portuguese university's "carta de curso": "faz saber que", the degree and its completion in one sentence, the
# citizen card's number (an identity card's words) in the holder's description.
PORTUGAL = """
UNIVERSIDADE DO MINHO
CARTA DE CURSO
O Reitor da Universidade do Minho faz saber que
Inês Margarida SOUSA CARVALHO
nascida em 12 de abril de 1995, natural de Braga, portadora do cartão de cidadão n.º 13456789,
concluiu em 18 de julho de 2019 o grau de Mestre em Engenharia Informática, com a classificação final de 16 valores.
Braga, 5 de novembro de 2019
O Reitor
"""
# A Mexican university's "título": "otorga a", the title under "EL TÍTULO DE", the professional examination's day.
MEXICO = """
UNIVERSIDAD AUTÓNOMA DE NUEVO LEÓN
OTORGA A
Jorge Alberto RÍOS MENDOZA
EL TÍTULO DE
LICENCIADO EN DERECHO
en virtud de haber concluido los estudios correspondientes y aprobado el examen profesional
sustentado el día 10 de junio de 2016.
Monterrey, Nuevo León, a 3 de octubre de 2016
"""
# An Italian university's: "conferisce a", born "nato a … il", the degree it was "conseguita il".
ITALY = """
REPUBBLICA ITALIANA
UNIVERSITÀ DEGLI STUDI DI BOLOGNA
IL RETTORE
visto il decreto ministeriale 22 ottobre 2004, n. 270;
visti gli atti della carriera universitaria
conferisce a
Ahmed Karim BENALI
nato a Tunisi (Tunisia) il 3 marzo 1995
la Laurea Magistrale in Ingegneria Gestionale
conseguita il 15 luglio 2021
Dato a Bologna, il 20 dicembre 2021
"""
# A Spanish university's: the King's name and the rector's, "Dña. … nacida el día …", the title after "conducentes
# al título de", dated once, where it is issued.
SPAIN = """
FELIPE VI, REY DE ESPAÑA
y en su nombre el Rector de la Universidad de Salamanca
Considerando que, conforme a las disposiciones y circunstancias previstas por la legislación vigente,
Dña. María José HERRERA CAMPOS, nacida el día 2 de mayo de 1996 en Quito (Ecuador), de nacionalidad ecuatoriana,
ha superado los estudios universitarios oficiales conducentes al título de
Graduada en Economía
expide el presente título universitario oficial, con validez en todo el territorio nacional.
Salamanca, 14 de septiembre de 2020
"""
# The Hague apostille on its own page: the standard ten items, in Spanish, naming the signatory and its own dates.
APOSTILLE = """
APOSTILLE
(Convention de La Haye du 5 octobre 1961)
1. País: Colombia
El presente documento público
2. ha sido firmado por: Carlos Andrés MEJÍA ROJAS
3. quien actúa en calidad de: SECRETARIO GENERAL
4. y está revestido del sello/timbre de: UNIVERSIDAD DEL VALLE
Certificado
5. en: Bogotá D.C.
6. el día: 20/01/2019
7. por: MINISTERIO DE RELACIONES EXTERIORES
8. bajo el número: A1B2C3D4E5
9. Sello/timbre:
10. Firma:
"""

EXPECTED = {
    "colombia": (COLOMBIA, "ORTIZ BELTRÁN", "Luisa Fernanda", "ADMINISTRADORA DE EMPRESAS", "2018-12-14"),
    "brazil": (BRAZIL, "MOREIRA LIMA", "Rafael Augusto", "Engenheiro Civil", "2017-07-22"),
    "portugal": (PORTUGAL, "SOUSA CARVALHO", "Inês Margarida", "Mestre em Engenharia Informática", "2019-07-18"),
    "mexico": (MEXICO, "RÍOS MENDOZA", "Jorge Alberto", "LICENCIADO EN DERECHO", "2016-06-10"),
    "italy": (ITALY, "BENALI", "Ahmed Karim", "Laurea Magistrale in Ingegneria Gestionale", "2021-07-15"),
    "spain": (SPAIN, "HERRERA CAMPOS", "María José", "Graduada en Economía", "2020-09-14"),
}


@pytest.mark.parametrize("country", sorted(EXPECTED))
def test_a_diploma_in_its_own_language_is_a_diploma_and_read(country: str) -> None:
    text, surname, given, title, award = EXPECTED[country]
    page = prose_page(text)
    assert classify_pages([page])[0] == PieceType.diploma
    fields = diploma.extract([page]).fields
    assert (fields["holder_surname"], fields["holder_given_names"]) == (surname, given)
    assert fold(str(fields["title"])) == fold(title)
    assert fields["award_date"] == award


def test_its_apostille_stays_with_it_and_names_neither_holder_nor_award() -> None:
    pages = [prose_page(COLOMBIA), prose_page(APOSTILLE)]
    assert split_pages(pages, [score_page(p) for p in pages]) == [[0, 1]]
    assert classify_pages(pages)[0] == PieceType.diploma
    fields = diploma.extract(pages).fields
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("ORTIZ BELTRÁN", "Luisa Fernanda")
    assert fields["award_date"] == "2018-12-14"
    # after a French diploma too, and a diploma after an apostille opens a piece of its own
    french = prose_page("DIPLÔME DE MASTER\nL'Université de Lille confère à Awa DIALLO, née le 2 mai 1998,\n"
                        "le diplôme de Master Chimie\nDélivré à Lille, le 3 juillet 2023")
    pages = [french, prose_page(APOSTILLE), prose_page(BRAZIL)]
    assert split_pages(pages, [score_page(p) for p in pages]) == [[0, 1], [2]]


def test_dates_spelled_out_in_spanish_and_portuguese() -> None:
    def iso(text: str) -> list[str]:
        return [d.isoformat() for d, _, _ in find_dates(text)]

    assert iso("a los veintiún días del mes de marzo del año dos mil veinte") == ["2020-03-21"]
    assert iso("aos vinte e dois dias do mês de julho de dois mil e dezessete") == ["2017-07-22"]
    assert iso("Lisboa, 3 de março de 2021; Roma, 1 settembre 2022") == ["2021-03-03", "2022-09-01"]


def test_a_bilingual_diploma_read_in_its_english_column() -> None:
    """A diploma printed in its State's language beside its English version (here Kazakh-style Russian on the left):
    the holder in Latin letters above "… completed the full course", the degree its qualification, the award the
    examination commission's decision; an English grant "confers the degree of … upon"."""
    from tests.test_parties_layouts import layout_page

    rows = [[(0.05, "ДИПЛОМ МАГИСТРА"), (0.55, "MASTER'S DIPLOMA")],
            [(0.05, "ИСМАИЛОВА Динара"), (0.55, "ISMAILOVA Dinara")],
            [(0.05, "Дата рождения: 04.05.1996"), (0.55, "Date of birth: 4 May 1996")],
            [(0.05, "в 2019 году окончила полный курс"), (0.55, "in 2019 completed the full course of Al-Farabi University")],
            [(0.05, "Квалификация: магистр права"), (0.55, "Qualification: Master of Laws")],
            [(0.05, "Решение ГАК от 28.06.2019"), (0.55, "By the decision of the State Examination Commission of 28 June 2019")],
            [(0.05, "Дата выдачи 15.07.2019"), (0.55, "Date of issue 15 July 2019")]]
    fields = diploma.extract([layout_page(rows)]).fields
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("ISMAILOVA", "Dinara")
    assert fields["title"] == "Master of Laws"
    assert fields["award_date"] == "2019-06-28"
    page = prose_page("""
THE RECTOR OF BAKU STATE UNIVERSITY
confers the degree of Bachelor of Laws upon
Mr. Elvin QULIYEV
Graduation decision No. 512/R dated 30 June 2021
Baku, July 14, 2021
""")
    fields = diploma.extract([page]).fields
    assert (fields["holder_surname"], fields["title"], fields["award_date"]) == ("QULIYEV", "Bachelor of Laws", "2021-06-30")


def test_a_date_wrapped_in_the_first_of_two_columns_and_a_title_beside_its_credits() -> None:
    """The English column wraps the decision's date ("dated 3" / "July 2020") while the other column's words stand
    between them in reading order; a degree set beside a panel's credits ("… HISTORY" then "120") is the degree alone."""
    from tests.test_parties_layouts import layout_page

    rows = [[(0.05, "THE RECTOR OF YEREVAN STATE UNIVERSITY"), (0.80, "ԵՐԵՎԱՆԻ ՊԵՏԱԿԱՆ ՀԱՄԱԼՍԱՐԱՆ")],
            [(0.05, "confers the degree of Master of Arts in History upon"), (0.80, "շնորհում է")],
            [(0.05, "Ms. Anahit PETROSYAN"), (0.80, "Անահիտ Պետրոսյան")],
            [(0.05, "Graduation decision No. 77 dated 3"), (0.80, "Որոշում № 77")],
            [(0.05, "July 2020 of the Rector"), (0.80, "03.07.2020")],
            [(0.05, "Yerevan, 20 August 2020"), (0.80, "Երևան")]]
    fields = diploma.extract([layout_page(rows)]).fields
    assert (fields["holder_surname"], fields["award_date"]) == ("PETROSYAN", "2020-07-03")
    page = prose_page("CERTIFICAT NUMÉRIQUE DE DIPLÔME\nKAMARA Issa\ndiplômé du programme\nMASTER OF ARTS IN HISTORY 120\n"
                      "Date d'obtention : 30/06/2024")
    assert fold(str(diploma.extract([page]).fields["title"])) == "master of arts in history"


def test_the_foreign_wordings_leave_french_and_english_diplomas_as_they_were() -> None:
    """A French "A" whose accent was dropped before a civility, an English "upon" opening a recital, a comma before a
    number that is no date, "Don" as a given name: each read as before the foreign wordings came."""
    fields = diploma.extract([prose_page("DIPLÔME\nLe Recteur confère le diplôme de Licence Chimie\nA Monsieur Jean DUPONT\n"
                                         "né le 3 mars 1999 à Lyon")]).fields
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("DUPONT", "Jean")
    fields = diploma.extract([prose_page("UPON RECOMMENDATION OF THE FACULTY\nTHE BOARD HAS CONFERRED UPON\n"
                                         "John Michael SMITH\nTHE DEGREE OF Bachelor of Arts")]).fields
    assert fields["holder_surname"] == "SMITH"
    fields = diploma.extract([prose_page("RELEVÉ DE DIPLÔME\nLicence Chimie\nMention Chimie, 2 parcours\n"
                                         "Crédits acquis au 30 juin 2022\nKAMARA Issa, né le 2 mai 2000")]).fields
    assert fields["award_date"] is None
    fields = diploma.extract([prose_page("DIPLOMA\nThis is to certify that\nDon Minh NGUYEN\nhas been awarded the degree of "
                                         "Master of Finance")]).fields
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("NGUYEN", "Don Minh")

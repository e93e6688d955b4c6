"""Reading rules that must hold on any layout, tested on arrangements and wordings other
than the generator families where they were seen failing: a label is never a value (a
grid's next label, a signature block's heading), two columns of text are read column by
column, a grid's dates, hours and given names sit under their own label, a party's part
may open with its name, and particles stay with the surname."""
from __future__ import annotations

from extractors.columns import reading_rows
from extractors.fields import (
    company_registration,
    diploma,
    employment_contract,
    internship_agreement,
    urssaf_certificate,
)
from extractors.form_labels import is_label
from extractors.textfields import TextIndex, split_name
from models.document import Line, Page, Word
from tests.test_parties_layouts import layout_page, prose_page

# Labels over their values, two to a row, groups spaced apart (as a payslip's or a form's
# header block prints them); the employer's part names its company under "Raison sociale".
LABELS_OVER_VALUES = [
    [(0.08, "CONTRAT DE TRAVAIL")],
    [],
    [(0.08, "Raison sociale"), (0.55, "Code APE")],
    [(0.08, "HORIZON BÂTIMENT SUD"), (0.55, "4120A")],
    [],
    [(0.08, "SIRET"), (0.55, "Représentant")],
    [(0.08, "448 359 210 00036"), (0.55, "5610C")],
    [],
    [(0.08, "Nom"), (0.55, "Prénom(s)")],
    [(0.08, "AÏT OUFKIR"), (0.55, "Rachid")],
    [],
    [(0.08, "Fonction"), (0.55, "Nature du contrat")],
    [(0.08, "Conducteur d'engins"), (0.55, "CDD de 12 mois")],
    [],
    [(0.08, "Date de début"), (0.55, "Date de fin")],
    [(0.08, "01/02/2026"), (0.55, "31/01/2027")],
    [],
    [(0.08, "Durée hebdomadaire"), (0.55, "Salaire mensuel brut")],
    [(0.08, "39"), (0.55, "2 300,00 €")],
    [],
    [(0.10, "Pour l'entreprise,"), (0.60, "Signature du salarié")],
    [(0.10, "Paul GIRAUD"), (0.60, "précédée de « lu et approuvé »")],
]


def test_a_grid_of_labels_over_values_never_reads_a_label_as_a_value() -> None:
    fields = employment_contract.extract([layout_page(LABELS_OVER_VALUES)]).fields
    assert fields["employer_name"] == "HORIZON BÂTIMENT SUD"
    # the NAF code beside it on the row does not run on into the SIRET's digits
    assert fields["employer_siret"] == "44835921000036"
    assert (fields["employee_surname"], fields["employee_given_names"]) == ("AÏT OUFKIR", "Rachid")
    assert fields["job_title"] == "Conducteur d'engins"
    assert (fields["start_date"], fields["end_date"]) == ("2026-02-01", "2027-01-31")
    assert fields["weekly_hours"] == 39.0


def test_labels_and_values_told_apart() -> None:
    for label in ("Type de contrat", "Signature du salarié", "Date de fin de contrat", "N° SIRET",
                  "Heures / semaine", "Prénom(s)", "Nom de naissance", "Adresse du siège :", "Gratif. mensuelle"):
        assert is_label(label), label
    for value in ("Auxiliaire de vie", "ÉTABLISSEMENTS DE L'ESTUAIRE", "Sophie MERCIER", "Conducteur d'engins",
                  "Contrat à durée déterminée", "23/05/2027"):
        assert not is_label(value), value


# An internship agreement printed in two columns of running text (the generator's
# two-column family is a contract); the intern's clause and the host's SIRET wrap in the
# left column while the right column's articles stand beside them.
TWO_COLUMNS = [
    [(0.30, "CONVENTION DE STAGE")],
    [(0.08, "Entre l'organisme d'accueil LUMIÈRE"), (0.52, "Article 4 – Encadrement du stagiaire")],
    [(0.08, "NUMÉRIQUE, SIRET 732 829"), (0.52, "Le tuteur désigné par l'organisme est")],
    [(0.08, "320 00074, représenté par Mme Anne"), (0.52, "Monsieur Hugo FAURE, chef de projet,")],
    [(0.08, "DUPRÉ, ci-après dénommé « l'organisme"), (0.52, "qui suit le stagiaire tout au long du")],
    [(0.08, "d'accueil », et l'étudiant Monsieur"), (0.52, "stage et évalue son travail avec")],
    [(0.08, "Youssef BEN SALAH, né le 3 mars 2001,"), (0.52, "l'enseignant référent de l'école.")],
    [(0.08, "ci-après dénommé « le stagiaire »,"), (0.52, "Article 5 – Gratification")],
    [(0.08, "il est convenu ce qui suit : le stage"), (0.52, "Le stagiaire percevra une gratification")],
    [(0.08, "se déroulera du 2 mars 2026 au 28 août"), (0.52, "mensuelle de 650,00 € pendant toute la")],
    [(0.08, "2026, à raison de 35 heures par semaine."), (0.52, "durée du stage effectuée en présence.")],
]


def test_two_columns_of_text_read_column_by_column() -> None:
    page = layout_page(TWO_COLUMNS)
    text = TextIndex([page]).text
    assert "SIRET 732 829\n320 00074" in text
    assert text.index("Article 4") > text.index("35 heures par semaine")
    fields = internship_agreement.extract([page]).fields
    assert fields["host_siret"] == "73282932000074"
    assert (fields["intern_surname"], fields["intern_given_names"]) == ("BEN SALAH", "Youssef")
    assert (fields["start_date"], fields["end_date"]) == ("2026-03-02", "2026-08-28")
    assert fields["monthly_gratification"] == 650.0


def test_a_table_is_read_row_by_row() -> None:
    # short cells side by side are a table, not two columns of text
    page = layout_page(LABELS_OVER_VALUES)
    rows = [" ".join(w.text for w in r) for r in reading_rows(page)]
    assert rows[1] == "Raison sociale Code APE"


def test_a_party_part_opening_with_its_name_and_a_particle_kept_with_the_surname() -> None:
    page = layout_page([
        [(0.08, "CONVENTION DE STAGE")],
        [(0.08, "A. L'ÉTABLISSEMENT D'ENSEIGNEMENT")],
        [(0.08, "Institut National des Sciences Appliquées de Lyon")],
        [(0.08, "Représentée par : Marc LEROY, directeur")],
        [(0.08, "B. L'ORGANISME D'ACCUEIL")],
        [(0.08, "Nom : VERTIGO LOGISTIQUE")],
        [(0.08, "C. LE STAGIAIRE")],
        [(0.08, "Nom : D'ALMEIDA"), (0.45, "Prénom : Inês")],
        [(0.08, "Tuteur : Claire MARTIN")],
    ])
    fields = internship_agreement.extract([page]).fields
    assert fields["institution_name"] == "Institut National des Sciences Appliquées de Lyon"
    assert fields["host_name"] == "VERTIGO LOGISTIQUE"
    assert (fields["intern_surname"], fields["intern_given_names"]) == ("D'ALMEIDA", "Inês")


def test_a_particle_in_capitals_goes_with_the_surname() -> None:
    index = TextIndex([layout_page([[(0.08, "NOUR AÏT OUFKIR")]])])
    person = split_name(index, 0, len(index.text.strip()))
    assert person is not None
    assert (person.surname.value, person.given_names.value) == ("AÏT OUFKIR", "NOUR")


def test_a_signatory_or_a_tutor_is_never_the_intern() -> None:
    # a grid where the intern's own row was misread: the names left are the roles' and the
    # student's in a sentence; the model's entity may run on over the next cell's label
    page = layout_page([
        [(0.08, "CONVENTION DE STAGE")],
        [(0.08, "Signataire"), (0.25, "François LEFÈVRE"), (0.5, "Tuteur"), (0.7, "Hélène GIRARD")],
        [(0.08, "Étudiant inscrit à l'école : Yannick KOUASSI, 3 mars 2001")],
    ])
    fields = internship_agreement.extract([page]).fields
    assert (fields["intern_surname"], fields["intern_given_names"]) == ("KOUASSI", "Yannick")


def test_a_degree_title_wrapped_over_two_lines_under_an_english_heading() -> None:
    page = layout_page([[(0.08, line)] for line in (
        "UNIVERSITY OF ACCRA", "Diploma Certificate", "This is to certify that", "Kofi ASANTE",
        "has been awarded the", "Master of Science in Renewable Energy", "and Sustainable Development",
        "on 12 July 2025.")])
    fields = diploma.extract([page]).fields
    assert fields["title"] == "Master of Science in Renewable Energy and Sustainable Development"
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("ASANTE", "Kofi")


def test_a_company_name_wrapped_in_a_clause_and_one_under_its_grid_label() -> None:
    contract = prose_page("""
CONTRAT DE TRAVAIL À DURÉE INDÉTERMINÉE
Entre la société MAISON DE LA
PROVENCE, SARL au capital de 8 000 €, ci-après « l'employeur »,
et Madame Léa NGUYEN, ci-après « la salariée ».
""")
    assert employment_contract.extract([contract]).fields["employer_name"] == "MAISON DE LA PROVENCE"
    extract = layout_page([
        [(0.08, "EXTRAIT D'IMMATRICULATION")],
        [(0.08, "Dénomination"), (0.55, "Sigle")],
        [(0.08, "NOVA TEXTILES"), (0.55, "NT")],
        [(0.08, "SIREN"), (0.55, "Capital")],
        [(0.08, "732 829 320"), (0.55, "10 000 €")],
    ])
    assert company_registration.extract([extract]).fields["company_name"] == "NOVA TEXTILES"


def test_a_title_set_large_goes_on_over_its_next_line_in_the_same_type() -> None:
    # (line, type height): the degree is printed larger than the text around it
    printed = [("ÉCOLE NATIONALE DES PONTS", 0.018), ("Le directeur atteste que", 0.012), ("Awa DIALLO", 0.012),
               ("a obtenu le", 0.012), ("Mastère spécialisé Management", 0.016), ("Environnemental", 0.016),
               ("Délivré le 3 juillet 2024.", 0.012)]
    lines = []
    for row, (text, height) in enumerate(printed):
        top, x, words = 0.05 + row * 0.03, 0.08, []
        for token in text.split():
            words.append(Word(text=token, bbox=(x, top, x + 0.011 * len(token), top + height), confidence=1.0))
            x += 0.011 * (len(token) + 1)
        lines.append(Line(words=words))
    page = Page(source="x.pdf", number=1, width=595, height=842, text_source="text_layer", lines=lines)
    assert diploma.extract([page]).fields["title"] == "Mastère spécialisé Management Environnemental"


def test_a_table_ruled_with_pipes_as_ocr_reads_it() -> None:
    # OCR reads a table's rules as "|" words; its cells are the words between them
    page = layout_page([
        [(0.08, "CONTRAT DE TRAVAIL À DURÉE INDÉTERMINÉE")],
        [(0.08, "| SALARIÉ"), (0.40, "|"), (0.70, "|")],
        [(0.08, "| Nom"), (0.25, "| NGO BIYONG"), (0.50, "| Prénoms"), (0.70, "| Hervé Landry |")],
        [(0.08, "| Emploi"), (0.25, "| Technicien de laboratoire"), (0.60, "| Heures / semaine"), (0.85, "| 35 |")],
    ])
    fields = employment_contract.extract([page]).fields
    assert (fields["employee_surname"], fields["employee_given_names"]) == ("NGO BIYONG", "Hervé Landry")
    assert fields["job_title"] == "Technicien de laboratoire"
    assert fields["weekly_hours"] == 35.0


def test_an_amount_takes_the_period_written_right_after_it() -> None:
    monthly = prose_page("""
CONTRAT DE TRAVAIL À DURÉE INDÉTERMINÉE
Durée du travail : 35 heures hebdomadaires.
Rémunération : 2 100,00 € par mois (soit 13,85 € de l'heure).
""")
    assert employment_contract.extract([monthly]).fields["gross_monthly_salary"] == 2100.0
    yearly = prose_page("""
CONVENTION DE STAGE
Durée hebdomadaire : 35 heures.
Gratification : 7 800,00 € par an, versée chaque mois (taux horaire 4,35 €).
""")
    assert internship_agreement.extract([yearly]).fields["monthly_gratification"] == 650.0


def test_a_date_lead_is_no_company_and_a_label_run_together_by_ocr_still_labels() -> None:
    # a certificate laid out as a plain two-column form (the family that showed the bug
    # prints dotted leaders); OCR ran "Raison sociale" into one word
    page = layout_page([
        [(0.08, "ATTESTATION DE VIGILANCE")],
        [(0.08, "RAISONSOCIALE :"), (0.45, "VERGERS DU LITTORAL")],
        [(0.08, "SIRET de l'établissement"), (0.45, "732 829 320 00074")],
        [(0.08, "Délivrée le"), (0.45, "24/01/2026")],
        [(0.08, "Code de sécurité"), (0.45, "1BC4QVKWWDVM2MV")],
    ])
    fields = urssaf_certificate.extract([page]).fields
    assert fields["company_name"] == "VERGERS DU LITTORAL"
    assert (fields["siren"], fields["issue_date"]) == ("732829320", "2026-01-24")
    for lead in ("DÉLIVRÉE LE", "Situation arrêtée au"):
        assert is_label(lead), lead


# A bare pay statement: no "bulletin de paie" title, no contribution table, only its
# labelled lines (a payroll service's summary, an export). Its amounts say what it is.
BARE_PAY_STATEMENT = """Entreprise : Atelier Rivière
SIRET : 4483 5921 0003
Employé : Karim Ben Salah
Net : 1 912,40 €
Brut : 2 450,00 €"""


def test_a_bare_pay_statement_is_a_payslip_and_its_gross_is_read() -> None:
    from extractors.classify import classify_pages
    from extractors.fields import payslip
    from extractors.textfields import MALFORMED_SIRET_CERTAINTY
    from models import PieceType
    from validators.certainty import CONFIDENCE_THRESHOLD

    page = prose_page(BARE_PAY_STATEMENT)
    assert classify_pages([page])[0] == PieceType.payslip
    extraction = payslip.extract([page])
    assert extraction.fields["gross_salary"] == 2450.0
    # Twelve digits where a SIRET is labelled: read as printed, so that the checks can say
    # it is none, but below the threshold of certainty (OCR may have dropped a digit).
    assert extraction.fields["employer_siret"] == "448359210003"
    assert extraction.field_confidence["employer_siret"] <= MALFORMED_SIRET_CERTAINTY < CONFIDENCE_THRESHOLD


def test_a_large_gross_is_read_only_when_printed_as_an_amount() -> None:
    from extractors.fields import payslip

    printed = payslip.extract([prose_page("BULLETIN DE PAIE\nSalaire brut 123 456,78")]).fields
    assert printed["gross_salary"] == 123456.78
    run_together = payslip.extract([prose_page("BULLETIN DE PAIE\nSalaire brut 12345678")]).fields
    assert run_together["gross_salary"] is None


# A transcript's holder in a grid, labels in a row over their values (a registrar's layout,
# not a parchment's sentence; the last label, INE, is no word of the label vocabulary: past
# a row's labels, no cell on it is a value); the jury's president is named lower down.
TRANSCRIPT_GRID = [
    [(0.08, "UNIVERSITÉ DE ROUEN NORMANDIE")],
    [(0.08, "RELEVÉ DE NOTES ET RÉSULTATS")],
    [],
    [(0.08, "Nom de naissance"), (0.3, "Prénom(s)"), (0.5, "Né(e) le"), (0.65, "N° étudiant"), (0.82, "INE")],
    [(0.08, "EL MANSOURI"), (0.3, "Yasmine Aïcha"), (0.5, "14/02/1999"), (0.65, "21804567"), (0.82, "4550757057K")],
    [],
    [(0.08, "Master Informatique")],
    [(0.08, "Jury réuni le 28 juin 2025")],
    [(0.08, "Le président du jury"), (0.6, "Pierre LEFEBVRE")],
]


def test_a_diploma_holder_in_a_grid_of_labels_over_values() -> None:
    fields = diploma.extract([layout_page(TRANSCRIPT_GRID)]).fields
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("EL MANSOURI", "Yasmine Aïcha")
    assert (fields["title"], fields["award_date"]) == ("Master Informatique", "2025-06-28")


def test_the_graduate_is_the_one_born_on_a_date_not_the_jury_or_the_signatory() -> None:
    # A commission's decision, worded unlike any generator family: members and signatory named
    # with civilities around the graduate, whose name stands alone over the birth line.
    page = prose_page("""
UNIVERSITÉ DE LA CÔTE D'OPALE
Décision de la commission pédagogique
Composition : M. Hervé LANGLOIS, président ; Mme Odile FERRAND, assesseure
La commission, après examen du dossier, prononce l'admission de
Kouassi Jean-Marc YAO
né le 4 mai 1999 à Abidjan (Côte d'Ivoire)
au Master Gestion de patrimoine
Le président de la commission
M. Hervé LANGLOIS
""")
    fields = diploma.extract([page]).fields
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("YAO", "Kouassi Jean-Marc")
    # on the birth's own line, after a civility, with a particle kept with the surname
    page = prose_page("""
INSTITUT SUPÉRIEUR DU COMMERCE
Relevé de décision du jury
Mme Fatou de SOUZA, née le 12/03/2000 à Cotonou, a satisfait aux épreuves.
La directrice des études, Mme Claire DUBOIS
""")
    fields = diploma.extract([page]).fields
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("de SOUZA", "Fatou")


def test_a_degree_named_after_an_admission_and_wrapped_over_lines() -> None:
    page = prose_page("""
CERTIFICAT D'OBTENTION
La commission réunie le 2 juillet 2024 a déclarée admise à la Licence professionnelle
assurance et gestion des risques
Candidate : N'GUESSAN Aya Marie-Laure
""")
    fields = diploma.extract([page]).fields
    assert fields["title"] == "Licence professionnelle assurance et gestion des risques"
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("N'GUESSAN", "Aya Marie-Laure")
    page = prose_page("""
ATTESTATION D'OBTENTION
Après délibération, le jury, réuni le 30/06/2025, déclare reçue au diplôme de Master
mention Finance d'entreprise
Mme Li WEI, née le 3 mars 2001 à Wuhan
""")
    fields = diploma.extract([page]).fields
    assert fields["title"] == "Master mention Finance d'entreprise"
    assert fields["award_date"] == "2025-06-30"
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("WEI", "Li")


def test_a_professional_title_is_a_diploma_and_its_title_is_the_one_obtained() -> None:
    from extractors.classify import classify_pages
    from models.domain import PieceType

    # quoted over two lines, the level after it; a heading of its own kind above
    page = prose_page("""
PRÉFECTURE DE LA RÉGION BRETAGNE
TITRE PROFESSIONNEL
Le préfet de région, par délégation du ministre chargé de l'emploi, certifie que
Monsieur Tiago ALVES PEREIRA
né le 3 février 1990 à Porto (Portugal)
a obtenu le titre professionnel « Technicien supérieur
systèmes et réseaux » de niveau 5
Session de validation : 12/03/2024
Fait à Rennes, le 2 avril 2024
""")
    assert classify_pages([page])[0] == PieceType.diploma
    fields = diploma.extract([page]).fields
    assert fields["title"] == "Technicien supérieur systèmes et réseaux"
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("ALVES PEREIRA", "Tiago")
    assert fields["award_date"] == "2024-03-12"
    # unquoted in a sentence, the jury's date further on
    page = prose_page("""
Ministère du Travail
Madame Thi Lan NGUYEN, née le 14/08/1995 à Hanoï, a obtenu le titre professionnel Comptable
assistant de niveau 4, le jury s'est réuni le 5 juin 2023.
""")
    assert classify_pages([page])[0] == PieceType.diploma
    fields = diploma.extract([page]).fields
    assert (fields["title"], fields["award_date"]) == ("Comptable assistant", "2023-06-05")
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("NGUYEN", "Thi Lan")


def test_a_cv_whose_header_was_not_read_is_still_a_cv() -> None:
    # its band (name, wanted post) lost to OCR: what is left are its sections and a degree named
    # in passing ("Diplômée", not a diploma's heading)
    from extractors.classify import classify_pages, score_page
    from models.domain import PieceType

    page = prose_page("""
Profil
Diplômé(e) en 2019 (Master of Science in Supply Chain), je souhaite rejoindre une équipe logistique.
Compétences
Planification, gestion des stocks, SAP
Expériences
Responsable d'entrepôt — Logis Ouest
2021 - 2024
Formation
Master of Science in Supply Chain — Université de Lagos (2019)
Langues
Anglais, yoruba, français
""")
    assert score_page(page).title is None
    assert classify_pages([page])[0] == PieceType.cv


def test_a_tax_notice_after_a_contract_in_a_merged_scan_is_a_piece_of_its_own() -> None:
    from extractors.classify import score_page
    from extractors.split import split_pages
    from models.domain import PieceType

    contract = prose_page("""
CONTRAT DE TRAVAIL À DURÉE DÉTERMINÉE
Entre la société ATELIERS BERTIN, SIRET 732 829 320 00074, représentée par son gérant,
et Madame Ana PEREIRA, il a été convenu ce qui suit.
Article 1 : engagement en qualité de comptable. Article 2 : rémunération mensuelle brute de 2 400 euros.
""")
    signature = prose_page("""
Fait à Lyon, le 2 mars 2026, en deux exemplaires.
L'employeur                      La salariée
""")
    notice = prose_page("""
AVIS DE SITUATION DÉCLARATIVE À L'IMPÔT SUR LE REVENU 2025
Revenus de l'année 2024
PEREIRA Ana
Revenu fiscal de référence : 24 180 €
Nombre de parts : 1
""")
    pages = [contract, signature, notice]
    scores = [score_page(p) for p in pages]
    assert split_pages(pages, scores) == [[0, 1], [2]]
    assert scores[2].best[0] == PieceType.other, "a tax return's notice is no SIRENE 'avis de situation'"
    # the notice as the tax office prints it, with no title the classifier knows from elsewhere
    notice = prose_page("""
DGFiP
IMPÔT SUR LE REVENU — AVIS D'IMPOSITION
Foyer fiscal : PEREIRA Ana
Revenu fiscal de référence 24 180
Montant de votre impôt 1 120
""")
    pages = [contract, signature, notice]
    assert split_pages(pages, [score_page(p) for p in pages]) == [[0, 1], [2]]


def test_a_bilingual_form_reads_its_french_labels_not_their_translations() -> None:
    # labels printed "French / English" before their values, as on an Erasmus certificate of
    # studies or a consular form; a translation never becomes a value, a value in the English
    # vocabulary after it stays whole
    page = layout_page([
        [(0.08, "RELEVÉ DE DÉCISION / DECISION RECORD")],
        [(0.08, "Nom / Family name"), (0.45, "DIALLO")],
        [(0.08, "Prénom(s) / First name(s)"), (0.45, "Awa Kadiatou")],
        [(0.08, "Né(e) le / Born on"), (0.45, "12/05/1998")],
        [(0.08, "Diplôme / Degree"), (0.45, "Master Finance d'entreprise")],
        [(0.08, "Établissement / Institution"), (0.45, "University of Dakar")],
        [(0.08, "Date de validation / Date of award"), (0.45, "27/06/2024")],
    ])
    fields = diploma.extract([page]).fields
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("DIALLO", "Awa Kadiatou")
    assert (fields["title"], fields["award_date"]) == ("Master Finance d'entreprise", "2024-06-27")
    row = layout_page([[(0.08, "Établissement / Awarding institution University of Lagos")]])
    assert [word.text for *_, word in TextIndex([row]).words] == ["Établissement", "University", "of", "Lagos"]
    for kept in ("Licence / Bachelor of Science", "Heures / semaine"):
        assert TextIndex([prose_page(kept)]).text.strip() == kept


def test_an_attestation_about_a_foreign_degree_dates_it_by_its_delivery_not_the_request() -> None:
    # a consulate's certificate, not the ENIC-NARIC wording: the request's date comes first, the
    # degree is delivered "par <school> le <date>", the title's level and the certification
    # framework's sentence are no title
    page = prose_page("""
CONSULAT GÉNÉRAL DU SÉNÉGAL À PARIS
Certificat administratif
Demande reçue le 3 mars 2025
Le consul général atteste que le diplôme
Master Génie civil
a été délivré par l'Université Cheikh Anta Diop de Dakar le 14 juillet 2021 à
M. Moussa NDIAYE, né le 2 janvier 1994 à Thiès,
inscrit au répertoire des certifications professionnelles (niveau 7).
Fait à Paris, le 20 mars 2025
""")
    fields = diploma.extract([page]).fields
    assert fields["award_date"] == "2021-07-14"
    assert fields["title"] == "Master Génie civil"
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("NDIAYE", "Moussa")
    page = prose_page("""
Titulaire OUMAR SY
Formation suivie : certifications professionnelles en logistique
Licence Transport et logistique
""")
    fields = diploma.extract([page]).fields
    assert fields["holder_surname"] is not None and fields["title"] == "Licence Transport et logistique"


def test_a_rent_receipt_is_no_payslip() -> None:
    from extractors.classify import classify_pages
    from models.domain import PieceType

    # an agency's receipt with a period and amounts, unlike any letter of the generator
    page = prose_page("""
AGENCE IMMOBILIÈRE DU CENTRE — Gestion locative
Reçu de paiement n° 2026-118
Période : du 01/04/2026 au 30/04/2026
Locataire : M. Karim BEN SALAH
Loyer hors charges 540,00 €
Charges locatives 60,00 €
Total réglé 600,00 €
Le bailleur reconnaît avoir reçu la somme ci-dessus.
""")
    assert classify_pages([page])[0] == PieceType.other


def test_an_internship_agreement_whose_title_and_headings_were_not_read() -> None:
    from extractors.classify import classify_pages
    from models.domain import PieceType

    # headings on coloured bands lost to OCR: the code it is made under, the rows of the internship
    # and a "Nom" row naming the school are left; an e-mail and a school year are no CV
    page = layout_page([
        [(0.08, "Document établi selon les articles L. 124-1 et suivants du code de l'éducation")],
        [(0.08, "Année 2026-2027")],
        [(0.08, "Nom"), (0.30, "École Supérieure de Commerce de Rouen")],
        [(0.08, "Dénomination"), (0.30, "TRANSPORTS LEMOINE")],
        [(0.08, "Nom"), (0.30, "KOFFI"), (0.55, "Prénom(s)"), (0.70, "Ama Grâce")],
        [(0.08, "Courriel"), (0.30, "ama.koffi@etu.esc-rouen.fr")],
        [(0.08, "Sujet du stage"), (0.30, "Optimisation des tournées")],
        [(0.08, "Date de début du stage"), (0.30, "07/09/2026"), (0.55, "Date de fin du stage"), (0.75, "05/02/2027")],
    ])
    assert classify_pages([page])[0] == PieceType.internship_agreement
    fields = internship_agreement.extract([page]).fields
    assert fields["institution_name"] == "École Supérieure de Commerce de Rouen"


def test_a_number_label_and_half_a_wrapped_label_are_no_company_name() -> None:
    # a header row whose "Raison sociale" wrapped in its cell came out in two pieces, the
    # number of the employer's account beside it; the company is the letter's addressee
    page = prose_page("""
URSSAF PROVENCE-ALPES-CÔTE D'AZUR
TRANSPORTS ROUBAUD SARL
14 chemin des Aires
13100 Aix-en-Provence
ATTESTATION DE VIGILANCE
sociale	SIREN	N° de compte employeur
Raison
TRANSPORTS ROUBAUD	512345678	917000123456
Code de sécurité : K7P2Q 9XW4M T3B8R
""")
    assert urssaf_certificate.extract([page]).fields["company_name"] == "TRANSPORTS ROUBAUD"


def test_a_total_in_brackets_qualifies_its_label() -> None:
    from extractors.fields import applications_statement

    # two boxes of a form: the interviews' figure above the total's label, under "(total)", the
    # count received under the label's start
    page = layout_page([
        [(0.08, "Déclaration sur les candidatures"), (0.60, "Entretiens menés")],
        [(0.60, "3")],
        [(0.08, "Candidatures enregistrées"), (0.60, "(total)")],
        [(0.08, "11")],
        [(0.08, "Fait le 2 mars 2026")],
    ])
    assert applications_statement.extract([page]).fields["applications_received"] == 11


def test_a_holder_in_a_column_of_values_beside_its_label() -> None:
    # a recognition certificate of another body: labels and colons in one column, values in
    # the next, read as two columns; the first value is the holder's name after a civility
    page = layout_page([
        [(0.08, "CERTIFICAT DE RECONNAISSANCE D'UN DIPLÔME")],
        [(0.08, "Bénéficiaire :"), (0.40, "Monsieur Kwame ASANTE")],
        [(0.08, "Date de naissance :"), (0.40, "17/09/1991")],
        [(0.08, "Diplôme obtenu :"), (0.40, "Master Génie des procédés")],
        [(0.08, "Date d'obtention :"), (0.40, "30/06/2019")],
        [(0.08, "Le présent certificat ne vaut pas équivalence de diplôme.")],
    ])
    fields = diploma.extract([page]).fields
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("ASANTE", "Kwame")
    assert (fields["title"], fields["award_date"]) == ("Master Génie des procédés", "2019-06-30")


def test_a_permit_category_cut_at_a_gap_or_misread_by_a_letter_is_the_known_one() -> None:
    from extractors.fields import residence_permit

    def category(rows: list[list[tuple[float, str]]]) -> object:
        return residence_permit.extract([layout_page(rows)], None).fields["permit_category"]

    card = [[(0.08, "TITRE DE SÉJOUR")], [(0.08, "NOM"), (0.40, "KONATÉ")]]
    # OCR cut the remarks' row at a wide gap: both parts beside the label are the category
    assert category(card + [[(0.08, "REMARQUES"), (0.30, "RECHERCHE"),
                             (0.48, "D'EMPLOI/CREATION D'ENTREPRISE")]]) == "RECHERCHE D'EMPLOI/CREATION D'ENTREPRISE"
    # the label unread and one letter misread: the list of categories is closed
    assert category(card + [[(0.08, "RECHERCHE D'EMPLOLCREATION D'ENTREPRISE")]]) == "RECHERCHE D'EMPLOI/CREATION D'ENTREPRISE"
    assert category(card + [[(0.08, "REMARQUES"), (0.30, "SALARIE")]]) == "SALARIE"
    # a line that only resembles a category by a few letters is none
    assert category(card + [[(0.08, "RECHERCHE DOCUMENTAIRE")]]) is None


def test_an_unread_employee_is_left_unread_not_taken_from_the_employer_part() -> None:
    # the employee's name lost to OCR: neither the company's representative, its SIRET label
    # in capitals, nor the signatory under the signatures stands in for it
    page = layout_page([
        [(0.08, "CONTRAT DE TRAVAIL")],
        [(0.08, "1. L'EMPLOYEUR")],
        [(0.08, "N° SIRET"), (0.40, "732 829 320 00074")],
        [(0.08, "Représentant Paul MARTIN")],
        [(0.08, "2. LE SALARIÉ")],
        [(0.08, "Nom de naissance"), (0.40, "Prénom(s)")],
        [(0.08, "bJe)"), (0.40, "~~")],
        [(0.08, "Nationalité"), (0.40, "malienne")],
        [(0.08, "3. L'EMPLOI")],
        [(0.08, "Intitulé du poste"), (0.40, "Maçon")],
        [(0.08, "Fait à Lyon, le 2 mars 2026")],
        [(0.08, "Pour la société"), (0.50, "Le salarié")],
        [(0.08, "Paul MARTIN")],
    ])
    fields = employment_contract.extract([page]).fields
    assert fields["employee_surname"] not in ("MARTIN", "SIRET")


def test_a_jury_minutes_extract_after_a_cv_is_a_diploma_of_its_own() -> None:
    from extractors.classify import score_page
    from extractors.split import split_pages
    from models.domain import PieceType

    cv = prose_page("""
Amina TRAORÉ
Expériences
2021 - 2024 Assistante comptable, Cabinet Rivière
Formation
2020 Licence Gestion, Université de Bamako
Langues
Français, bambara, anglais
""")
    # its school year and its "formation" are also a CV's words
    minutes = prose_page("""
ÉCOLE NATIONALE DES TRAVAUX PUBLICS — Année universitaire 2023-2024
Procès-verbal de délibération, formation d'ingénieurs
Mme Amina TRAORÉ, née le 2 mai 2000 à Kayes, a été déclarée admise par la commission.
Spécialité : Génie civil
""")
    pages = [cv, minutes]
    scores = [score_page(p) for p in pages]
    assert split_pages(pages, scores) == [[0], [1]]
    assert scores[1].best[0] == PieceType.diploma


def test_a_misread_label_letter_and_a_sentence_after_a_label_word() -> None:
    from extractors.fields import residence_permit

    # "RAISON" read "RATSON"; further down "Le cotisant est à jour …" is a sentence, no name
    page = prose_page("""
URSSAF BRETAGNE
ATTESTATION DE VIGILANCE
RATSON SOCIALE : BOULANGERIE KERMARREC
SIREN : 732 829 320
LE COTISANT EST À JOUR DE SES OBLIGATIONS À LA DATE CI-DESSUS.
""")
    assert urssaf_certificate.extract([page]).fields["company_name"] == "BOULANGERIE KERMARREC"
    page = prose_page("""
ATTESTATION DE VIGILANCE
Le cotisant est à jour de ses obligations déclaratives.
""")
    assert urssaf_certificate.extract([page]).fields["company_name"] is None
    # a stray opening quote before a permit's category
    card = layout_page([[(0.08, "TITRE DE SÉJOUR")], [(0.08, "REMARQUES"), (0.30, "‘SALARIE")]])
    assert residence_permit.extract([card], None).fields["permit_category"] == "SALARIE"


def test_a_sworn_translation_is_read_without_its_translator() -> None:
    # a translation from Spanish worded unlike any generator family: the translator's letterhead
    # and certification name and date other people and days; a bracketed note is the translator's
    page = prose_page("""
Carmen RUIZ GARCÍA — traductrice assermentée
Expert près la Cour d'appel de Bordeaux
Traduction de l'espagnol
RÉPUBLIQUE DU PÉROU
Université nationale d'ingénierie
DIPLÔME DE BACHELOR
QUISPE MAMANI Luis Alberto
[N.d.T. : noms de famille paternel et maternel, puis prénoms]
a obtenu le grade académique après approbation du jury.
Bachelor en génie civil
Par décision du Conseil universitaire du 12 mars 2020, le présent diplôme est délivré.
Lima, le 2 avril 2020
Je soussignée, Carmen RUIZ GARCÍA, traductrice, certifie la présente traduction conforme à l'original.
Fait à Bordeaux, le 5 janvier 2026
""")
    fields = diploma.extract([page]).fields
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("QUISPE MAMANI", "Luis Alberto")
    assert fields["title"] == "Bachelor en génie civil"
    assert fields["award_date"] == "2020-03-12"
    # born "à <place> le <date>", the holder after a line opening with "à"
    page = prose_page("""
Traduit du portugais par le traducteur soussigné
UNIVERSIDADE FEDERAL DE MINAS GERAIS
Le Recteur confère le grade de
Ingénieur civil
à Pedro Henrique SANTOS, de nationalité brésilienne, né à Belo Horizonte le 4 mai 1996.
Date de la collation des grades : 15 décembre 2021
Traduction certifiée conforme à l'original.
""")
    fields = diploma.extract([page]).fields
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("SANTOS", "Pedro Henrique")
    assert fields["award_date"] == "2021-12-15"


def test_a_civil_status_extract_is_an_other_piece_not_a_passport() -> None:
    from extractors.classify import classify_pages
    from models.domain import PieceType

    # a Senegalese extract, no translation; a passport and a year range are named in passing
    page = prose_page("""
RÉPUBLIQUE DU SÉNÉGAL — Commune de Thiès
EXTRAIT DU REGISTRE DES ACTES DE L'ÉTAT CIVIL
Acte n° 1523 — Année 1994
Le 3 mars 1994 est né Moussa NDIAYE, de sexe masculin, fils de Ibrahima NDIAYE et de Awa FALL.
Pièce produite : passeport n° A01234567 (validité 2021-2031)
Délivré par l'officier de l'état civil, Thiès, le 12 janvier 2026
""")
    assert classify_pages([page])[0] == PieceType.other


def test_a_permit_category_wrapped_under_its_first_line() -> None:
    from extractors.fields import residence_permit

    def category(rows: list[list[tuple[float, str]]]) -> object:
        return residence_permit.extract([layout_page(rows)], None).fields["permit_category"]

    card = [[(0.08, "TITRE DE SÉJOUR")], [(0.08, "REMARQUES")]]
    assert category(card + [[(0.08, "SALARIE DETACHE")], [(0.08, "ICT")]]) == "SALARIE DETACHE ICT"
    # its slash lost at the line's end: the one category it is, as the CESEDA spells it
    assert category(card + [[(0.08, "RECHERCHE D'EMPLOI")], [(0.08, "CREATION D'ENTREPRISE")]]) == \
        "RECHERCHE D'EMPLOI/CREATION D'ENTREPRISE"
    assert category(card + [[(0.08, "PROFESSION ARTISTIQUE")], [(0.08, "ET CULTURELLE")]]) == "PROFESSION ARTISTIQUE ET CULTURELLE"
    # a category complete on its line keeps it, whatever is printed under it
    assert category(card + [[(0.08, "SALARIE")], [(0.08, "ADRESSE")]]) == "SALARIE"
    assert category(card + [[(0.08, "– VISITEUR")]]) == "VISITEUR"


# A school's digital diploma: the graduate's lines on the left, a verification panel of labels
# over values on the right, both read row by row into one another.
SIDE_PANEL_DIPLOMA = [
    [(0.08, "ÉCOLE SUPÉRIEURE D'AGRONOMIE DE RENNES"), (0.64, "Vérification")],
    [(0.08, "Le présent diplôme est attribué à"), (0.64, "Édité le")],
    [(0.64, "3 mars 2025")],
    [(0.08, "Tomás HERRERA QUISPE"), (0.64, "Référence")],
    [(0.08, "né le 2 juin 1996 à Cusco (Pérou)"), (0.64, "AGR-2025-0031")],
    [(0.08, "pour l'obtention du"), (0.64, "Grade")],
    [(0.64, "Grade de master")],
    [(0.08, "Diplôme d'ingénieur agronome"), (0.64, "Date d'obtention")],
    [(0.64, "12/12/2024")],
    [],
    [(0.08, "Hélène GAUTHIER"), (0.64, "Marc LEROY")],
    [(0.08, "La Directrice"), (0.64, "Le Président du jury")],
]


def test_a_diploma_read_in_its_column_beside_a_panel_of_labels() -> None:
    fields = diploma.extract([layout_page(SIDE_PANEL_DIPLOMA)]).fields
    # the name under the lead in its column, not the panel's next value
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("HERRERA QUISPE", "Tomás")
    # the grade conferred is not the degree's name, and the date sits under its label
    assert fields["title"] == "Diplôme d'ingénieur agronome"
    assert fields["award_date"] == "2024-12-12"


def test_a_degree_beside_its_grade_and_a_name_over_its_birth_in_a_column() -> None:
    rows = [
        [(0.08, "UNIVERSITÉ DE POITIERS"), (0.64, "Niveau 7")],
        [(0.08, "Yuki TANAKA"), (0.64, "Identifiant")],
        [(0.64, "UP-88120")],
        [(0.08, "Née le 9 septembre 1999 à Osaka (Japon)"), (0.64, "Crédits")],
        [(0.08, "Grade de master"), (0.64, "Master Chimie verte et éco-innovations")],
        [(0.08, "Session 2024")],
    ]
    fields = diploma.extract([layout_page(rows)]).fields
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("TANAKA", "Yuki")
    assert fields["title"] == "Master Chimie verte et éco-innovations"
    # a birth opening its line ("Née le …") is no place and date of signature
    assert fields["award_date"] is None


def test_a_certificate_names_its_establishment_and_not_the_printing_firm_in_its_footer() -> None:
    rows = [
        [(0.08, "MSA Bourgogne"), (0.60, "Édition du 14/04/2026")],
        [(0.08, "ATTESTATION DE VIGILANCE")],
        [(0.08, "La caisse atteste que l'entreprise désignée ci-dessous est à jour de ses cotisations.")],
        [(0.08, "Établissement du siège :"), (0.60, "N° SIREN")],
        [(0.08, "ENTREPRISE DUVAL ET FILS"), (0.60, "412 356 781")],
        [(0.08, "7 route de Dijon")],
        [(0.08, "21200 Beaune")],
        [(0.08, "Code de sécurité : KD81Z PW4QT 9MXA2")],
    ] + [[]] * 32 + [
        # the firm that printed it for the employer, in the page's footer
        [(0.08, "COMPTA PLUS CONSEIL - SIRET 533 120 764 00018")],
        [(0.08, "12 rue Carnot, 21000 Dijon - Tél. 03 80 00 00 00")],
    ]
    fields = urssaf_certificate.extract([layout_page(rows)]).fields
    # "ENTREPRISE" opens the name, it is no label there
    assert fields["company_name"] == "ENTREPRISE DUVAL ET FILS"
    assert fields["siren"] == "412356781"
    # the name lost to a stain: unread, never the firm whose name and address close the page
    stained = rows[:3] + [[(0.08, "N° SIREN 412 356 781")]] + rows[5:]
    assert urssaf_certificate.extract([layout_page(stained)]).fields["company_name"] is None
    # nor its SIRET the company's number, when the company's own is lost
    unnumbered = rows[:4] + [[(0.08, "ENTREPRISE DUVAL ET FILS")]] + rows[5:]
    assert urssaf_certificate.extract([layout_page(unnumbered)]).fields["siren"] is None


def test_an_end_of_contract_paper_is_an_other_piece() -> None:
    from extractors.classify import classify_pages
    from models.domain import PieceType

    page = prose_page("""
REÇU POUR SOLDE DE TOUT COMPTE
Je soussignée Mme Lina HADDAD, demeurant 4 rue des Lilas, 59000 Lille, reconnais avoir reçu de la
société NORDIS LOGISTIQUE la somme de 2 184,36 euros en paiement des salaires, accessoires du salaire
et indemnités de toute nature dus au titre de l'exécution et de la cessation de mon contrat de travail
à durée déterminée, dont l'indemnité compensatrice de congés payés et l'indemnité de fin de contrat.
Ce reçu peut être dénoncé dans les six mois qui suivent sa signature.
Fait à Lille, le 30 juin 2026, en deux exemplaires.
""")
    assert classify_pages([page])[0] == PieceType.other


def test_an_agreement_whose_parts_a_clause_introduces_and_a_timetable_of_hours() -> None:
    page = prose_page("""
CONVENTION DE STAGE D'OBSERVATION
Entre : l'organisme de formation ci-après désigné
Nom : Centre de formation des Hauts-de-Seine
Et : l'entreprise (ou l'association) ci-après désignée
Nom ou raison sociale : BOULANGERIE DU PARC. Forme juridique SARL
N° SIRET : 412 356 781 00026
Concernant le stagiaire :
Nom : OKONKWO
Prénom(s) : Chidi
Pour les mineurs, la durée de présence ne peut dépasser 7 heures par jour et 35 heures par semaine.
Horaires : lundi 7h30 – 12h30, mardi 7h30 – 12h30, jeudi de 8 h à 12 h
Total de la semaine : 14 heures par semaine
""")
    fields = internship_agreement.extract([page]).fields
    assert fields["host_name"] == "BOULANGERIE DU PARC"
    assert (fields["intern_surname"], fields["intern_given_names"]) == ("OKONKWO", "Chidi")
    # neither the law's ceiling nor a time of day: the hours the intern works
    assert fields["weekly_hours"] == 14.0


def test_a_weekly_total_under_a_timetable_row() -> None:
    rows = [
        [(0.08, "Jour"), (0.40, "Horaires"), (0.70, "Durée")],
        [(0.08, "Samedi"), (0.40, "9h – 15h"), (0.70, "6 h")],
        [(0.08, "Heures par semaine"), (0.70, "30 h")],
    ]
    from extractors.textfields import weekly_hours_span
    assert weekly_hours_span(TextIndex([layout_page(rows)])).value == 30.0


def test_numbered_bilingual_items_of_a_european_form() -> None:
    page = prose_page("""
ANNEXE DESCRIPTIVE AU DIPLÔME / DIPLOMA SUPPLEMENT
1.1 Nom(s) patronymique(s)
Family name(s)
NAKAMURA
1.2 Prénom(s)
Given name(s)
Haruto
2.1 Intitulé du diplôme
Name of qualification
Master Génie civil
Date d'obtention du diplôme : 02/07/2025
""")
    fields = diploma.extract([page]).fields
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("NAKAMURA", "Haruto")
    assert fields["title"] == "Master Génie civil"
    assert fields["award_date"] == "2025-07-02"


def test_numbered_pages_stay_one_document_whatever_a_middle_page_looks_like() -> None:
    from extractors.classify import score_page
    from extractors.split import split_pages

    first = prose_page("DIPLÔME DE MASTER\nMaster Génie civil\nLucas ROY\nPage 1 sur 3")
    # a page of courses and internships reads like a CV
    middle = prose_page("Expérience professionnelle\nStage de 6 mois en bureau d'études\nCompétences : "
                        "anglais, gestion de projet, logiciels\nFormation\nPage 2 sur 3")
    last = prose_page("DIPLÔME DE MASTER\nRésultats : admis\nPage 3 sur 3")
    pages = [first, middle, last]
    assert split_pages(pages, [score_page(p) for p in pages]) == [[0, 1, 2]]


def test_a_diploma_dated_by_its_jury_minutes_in_a_recital_and_titled_under_its_grant() -> None:
    """A heading naming only the kind of degree; the degree itself after "… le titre de" / "confère le"; the award
    the day the minutes of the jury (or of its commission) were drawn, not the day the parchment was signed."""
    page = prose_page("""
RÉPUBLIQUE DE GUINÉE
DIPLÔME D'INGÉNIEUR
Le Recteur de l'Université Gamal Abdel Nasser de Conakry,
Vu l'arrêté n° 2017/4410 du 3 mai 2017 portant création de la filière ;
Vu le procès-verbal des délibérations de la commission pédagogique, session unique 2019, en date du 2 juillet 2019 ;
décerne à
Mlle Fanta CAMARA
née le 4 avril 1996 à Kindia
le titre de
Ingénieur des travaux en génie civil
Conakry, le 15 décembre 2019
""")
    fields = diploma.extract([page]).fields
    assert fields["title"] == "Ingénieur des travaux en génie civil"
    assert fields["award_date"] == "2019-07-02"
    page = prose_page("""
DIPLÔME
Vu le procès-verbal de la commission d'examen réunie le 28/06/2023 ;
Le Directeur général confère le
Brevet de technicien supérieur Électrotechnique
à Oumar SY, né le 1er janvier 2001 à Thiès
Fait à Dakar, le 30/10/2023
""")
    fields = diploma.extract([page]).fields
    assert fields["title"] == "Brevet de technicien supérieur Électrotechnique"
    assert fields["award_date"] == "2023-06-28"


def test_a_holder_wrapped_over_two_lines_or_centred_under_a_lead_set_flush_left() -> None:
    """The given names end one line and the surname opens the next ("… à Madame Ana Luísa" / "PEREIRA, née le"); the
    person's sex or nationality stands between a name and its birth; a name centred under "décerne à"."""
    page = prose_page("""
ATTESTATION
Le service des diplômes certifie que le titre de Technicien supérieur a été remis à Madame Ana Luísa
PEREIRA, née le 2 mai 1999 à Braga (Portugal).
Date d'attribution du titre : 14/06/2022
""")
    fields = diploma.extract([page]).fields
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("PEREIRA", "Ana Luísa")
    assert fields["award_date"] == "2022-06-14"
    page = prose_page("""
CERTIFICAT DE GRADE
NDIAYE Ousmane, de nationalité sénégalaise, de sexe masculin, né le 9 juin 1997 à Thiès, a suivi le cursus
et s'est vu conférer le grade de Licence en économie.
Collation des grades le : 3 juillet 2020
""")
    fields = diploma.extract([page]).fields
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("NDIAYE", "Ousmane")
    assert fields["award_date"] == "2020-07-03"
    rows = [[(0.10, "L'Université nationale de Trujillo décerne à")],
            [(0.40, "Rosa Elena QUISPE")],
            [(0.10, "titulaire du document d'identité n° 4471.2209, le titre de")],
            [(0.10, "Ingénieur agronome")]]
    fields = diploma.extract([layout_page(rows)]).fields
    assert (fields["holder_surname"], fields["holder_given_names"]) == ("QUISPE", "Rosa Elena")


def test_an_adult_trainees_convention_reads_its_period_in_the_company_and_its_weekly_hours() -> None:
    """A training's dates and total hours come first; the internship is the period in the company, its hours those
    of the week; the letterhead's next column is no part of the school's name."""
    rows = [[(0.08, "Institut régional de formation de Picardie"), (0.62, "Liberté • Égalité • Fraternité")],
            [(0.08, "CONVENTION DE STAGE EN ENTREPRISE – FORMATION CONTINUE")]]
    page = prose_page("""
Action de formation : du 02/03/2026 au 18/12/2026, durée totale 1 200 heures dont 420 heures en entreprise.
Le stage pratique aura lieu du lundi 7 septembre 2026 au vendredi 13 novembre 2026.
Horaires : 36 heures par semaine.
""")
    index_pages = [layout_page(rows), page]
    fields = internship_agreement.extract(index_pages).fields
    assert fields["institution_name"] == "Institut régional de formation de Picardie"
    assert (fields["start_date"], fields["end_date"]) == ("2026-09-07", "2026-11-13")
    assert fields["weekly_hours"] == 36


def test_an_agreement_of_grids_under_party_headings_in_two_periods() -> None:
    """Each party a heading with a grid of labels over values ("Dénomination | Statut | SIRET" over the host's); the
    pupil under "L'ÉLÈVE STAGIAIRE"; the school's insurer named after an "Établissement :" label; the internship in two
    periods, which it spans from the first's start to the second's end."""
    rows = [
        [(0.08, "CONVENTION RELATIVE À UN STAGE")],
        [(0.08, "A. L'ÉTABLISSEMENT D'ENSEIGNEMENT TECHNIQUE")],
        [(0.08, "Dénomination"), (0.40, "Code UAI"), (0.70, "Ville")],
        [(0.08, "Lycée des métiers Jean Monnet"), (0.40, "0690031K"), (0.70, "Lyon")],
        [(0.08, "B. LA STRUCTURE D'ACCUEIL")],
        [(0.08, "Nom ou dénomination"), (0.40, "Statut"), (0.70, "SIRET")],
        [(0.08, "ATELIERS RHODANIENS"), (0.40, "SARL"), (0.70, "41225589600027")],
        [(0.08, "C. L'ÉLÈVE STAGIAIRE")],
        [(0.08, "Nom de famille"), (0.40, "TAMBADOU")],
        [(0.08, "Prénom(s)"), (0.40, "Sekou")],
        [(0.08, "Le stage comprend deux périodes :")],
        [(0.08, "Première période : du 02/03/2026 au 13/03/2026 ;")],
        [(0.08, "Seconde période : du 04/05/2026 au 29/05/2026.")],
        [(0.08, "Assurances. Établissement : MAIF, sociétaire n° 1174455 ; structure d'accueil : AXA, police n° 778.")],
        [(0.08, "Une visite a lieu pendant la seconde période de présence, du 06/04 au 10/04/2026.")],
    ]
    fields = internship_agreement.extract([layout_page(rows)]).fields
    assert fields["institution_name"] == "Lycée des métiers Jean Monnet"
    assert fields["host_name"] == "ATELIERS RHODANIENS"
    assert (fields["intern_surname"], fields["intern_given_names"]) == ("TAMBADOU", "Sekou")
    assert (fields["start_date"], fields["end_date"]) == ("2026-03-02", "2026-05-29")


def test_a_payslips_employee_named_without_label_between_number_and_job() -> None:
    """The employee's block prints the name on its own line: after the payroll number, or above the job line."""
    from extractors.fields import payslip

    for block, surname in ((["N° salarié : 00731", "DIABATÉ Moussa", "12 rue des Acacias, 93200 Saint-Denis"], "DIABATÉ"),
                           (["Code salarié 118", "Kofi MENSAH", "Poste : Soudeur qualifié"], "MENSAH"),
                           # a status or a department on those lines is no name
                           (["Matricule 0042", "NON CADRE", "SERVICE LOGISTIQUE", "Emploi : Cariste"], None)):
        page = prose_page("\n".join(["BULLETIN DE SALAIRE", *block, "Période du 01/03/2026 au 31/03/2026",
                                     "Salaire brut 2 100,00"]))
        assert payslip.extract([page]).fields["employee_surname"] == surname


def test_a_certificates_company_after_a_colon_even_when_its_words_look_like_a_label() -> None:
    """"ENTREPRISE CONCERNÉE" heads the block (its participle names no one); "Dénomination :" is followed by a company
    whose words are a label's ("LA POSTE", "Poste" being a job's label); a security code OCR cut with a stray space."""
    rows = [[(0.08, "ATTESTATION DE VIGILANCE")],
            [(0.08, "ENTREPRISE CONCERNÉE")],
            [(0.08, "Dénomination :"), (0.30, "LA POSTE")],
            [(0.08, "SIREN :"), (0.30, "356 000 000")],
            [(0.08, "Délivrée le 12/02/2026")],
            [(0.08, "Code de sécurité : 4KX2P 9QW7M 1Z3 B8")]]
    fields = urssaf_certificate.extract([layout_page(rows)]).fields
    assert fields["company_name"] == "LA POSTE"
    assert str(fields["security_code"]).replace(" ", "") == "4KX2P9QW7M1Z3B8"


def test_a_bilingual_slip_labels_with_their_translation_after_a_slash() -> None:
    """"WORKER / ARBEITNEHMER"-like labels: the translation after a slash belongs to the label, whose value stands
    under it in a grid; the period under its label in the grid; the gross under its English label, before a cumuls
    row whose side table (paid leave) runs on the same line."""
    from extractors.fields import payslip

    rows = [[(0.08, "PAYROLL STATEMENT / BULLETIN DE PAIE")],
            [(0.08, "Employeur / Employer"), (0.40, "Salarié / Worker"), (0.70, "Matricule / Staff no.")],
            [(0.08, "ATELIERS DU RHÔNE SAS"), (0.40, "OKONKWO Chidi"), (0.70, "A-0412")],
            [(0.08, "Période / Period"), (0.40, "Date de paiement / Paid on")],
            [(0.08, "du 01/02/2026 au 28/02/2026"), (0.40, "27/02/2026")],
            [(0.08, "Total gross / Total brut"), (0.55, "2 640,00")],
            [(0.08, "Cumuls / Year to date"), (0.40, "Mois"), (0.55, "Année")],
            [(0.08, "Salaire brut"), (0.40, "2 640,00"), (0.55, "5 280,00"), (0.70, "Congés N-1"), (0.85, "12,50")]]
    fields = payslip.extract([layout_page(rows)]).fields
    assert fields["employee_surname"] == "OKONKWO"
    assert fields["period"] == "2026-02"
    assert fields["gross_salary"] == 2640.0


def test_a_public_body_hosts_under_its_own_role_word_with_a_long_name() -> None:
    """A public employer hosts as "la collectivité d'accueil", "l'établissement public de santé d'accueil" or
    "l'administration d'accueil" (never "le service d'accueil", its department); its name may hold commas and run
    over 80 characters and a line; the school's clause first, its SIRET not the host's; an "ET" alone on its line
    introduces a party without being part of its name."""
    page = prose_page("""
CONVENTION DE STAGE
ENTRE
Université de Bourgogne-Est, 4 rue Monge, 21000 Dijon, SIRET 19211237300019, représentée par son président,
ci-après dénommée « l'établissement d'enseignement »,
ET
Agence régionale de santé de Bourgogne-Franche-Comté, SIRET 13000777600012, 2 place des Savoirs, 21000 Dijon,
représentée par sa directrice générale, ci-après dénommée « l'administration d'accueil »,
ET
Monsieur HAKIMI Youssef, ci-après dénommé « le stagiaire ».
Service d'accueil : Direction de la santé publique – Pôle veille sanitaire
Le stage se déroule du 01/04/2026 au 30/06/2026, de 9 h 00 à 12 h 30 et de 13 h 30 à 17 h 00 (7 h par jour),
soit une durée hebdomadaire de présence de 35 heures.
""")
    fields = internship_agreement.extract([page]).fields
    assert fields["institution_name"] == "Université de Bourgogne-Est"
    assert fields["host_name"] == "Agence régionale de santé de Bourgogne-Franche-Comté"
    assert fields["host_siret"] == "13000777600012"
    assert fields["weekly_hours"] == 35
    grid = [[(0.08, "L'ÉTABLISSEMENT PUBLIC DE SANTÉ D'ACCUEIL")],
            [(0.08, "Établissement"), (0.30, "Direction interdépartementale des routes, de la mobilité et des")],
            [(0.30, "infrastructures Centre-Est")],
            [(0.08, "N° SIRET"), (0.30, "130 009 186 00015")],
            [(0.08, "L'ÉTABLISSEMENT D'ENSEIGNEMENT")],
            [(0.08, "Nom"), (0.30, "Institut polytechnique de Nevers")],
            [(0.08, "Gratification : 15 % du plafond horaire de la sécurité sociale (30,00 €), soit 4,50 € par heure ;")],
            [(0.08, "pour 35 heures par semaine, 682,50 € par mois.")]]
    fields = internship_agreement.extract([layout_page(grid)]).fields
    assert fields["host_name"] == ("Direction interdépartementale des routes, de la mobilité et des infrastructures "
                                   "Centre-Est")
    assert fields["institution_name"] == "Institut polytechnique de Nevers"
    assert fields["monthly_gratification"] == 682.5


def test_round_nine_rules_stay_within_their_cases() -> None:
    """What the rules above must leave alone: a unit's cell in a pay row, a company's name at its comma, a count of
    weeks after hours, a rate stated after the ceiling in its own clause, a school's heading beside the host's."""
    from extractors.fields import payslip
    from extractors.frenchtext import find_hours
    from extractors.textfields import Span, company_name_span, monthly_amount_after

    rows = [[(0.08, "BULLETIN DE PAIE"), (0.55, "Mars 2026")],
            [(0.08, "Salaire brut"), (0.35, "151,67"), (0.50, "heures"), (0.65, "15,47"), (0.80, "2 346,34")]]
    assert payslip.extract([layout_page(rows)]).fields["gross_salary"] == 2346.34
    for clause, name in (("Boulangerie Martin, dûment représentée par", "Boulangerie Martin"),
                         ("Garage Martin, du groupe Vinci Autos, 12 rue", "Garage Martin")):
        assert company_name_span(None, Span(clause, 0, len(clause), 1.0)).value == name
    assert [h for h, _, _ in find_hours("35 h\t12 semaines")] == [35.0]
    assert [h for h, _, _ in find_hours("Durée hebdomadaire : 35 h\n10 – GRATIFICATION")] == [35.0]
    page = prose_page("Gratification : 15 % du plafond horaire de la sécurité sociale, soit 4,35 € de l'heure")
    assert monthly_amount_after(TextIndex([page]), r"gratification", 35.0).value == 659.75
    rows = [[(0.08, "CONVENTION DE STAGE")], [(0.08, "ÉTABLISSEMENT"), (0.55, "ORGANISME D'ACCUEIL")],
            [(0.08, "Université Lumière"), (0.55, "ACME INGÉNIERIE")]]
    assert internship_agreement.extract([layout_page(rows)]).fields["host_name"] == "ACME INGÉNIERIE"

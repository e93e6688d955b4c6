"""Fields of a diploma or attestation de réussite: the holder and the degree as printed."""
from __future__ import annotations

import re
import unicodedata

from extractors.attached_pages import without_certifications
from extractors.frenchtext import find_dates
from extractors.label_layout import Cell, cells, overlap, value_by_label
from extractors.letter_dates import labelled_date, signature_date
from extractors.parties import form_person
from extractors.textfields import (
    CIVILITY,
    NAME_PARTICLES,
    ExtractionBuilder,
    PersonName,
    Span,
    TextIndex,
    best_person,
    clean_title,
    is_upper_name,
    looks_like_name,
    name_after,
    ner_person,
    run_on_end,
    split_name,
    values_after,
)
from extractors.textnorm import fold
from extractors.value_shapes import date_value
from models.document import Page
from models.domain import FIELDS, PieceType
from models.records import Extraction

FIELD_NAMES = FIELDS[PieceType.diploma]
# The piece's own heading names the kind of paper, not the degree.
DOCUMENT_HEADING = (r"(?:certificat|attestation)\s+(?:de\s+(?:diplome|reussite)|d['’]obtention)"
                    # papers that are no degree: an office's certificate, a school's, an employer's
                    r"|certificat\s+(?:administratif|de\s+(?:scolarite|travail|conformite|authenticite)|medical)"
                    # a paper about a degree ("Certificat de reconnaissance d'un diplôme")
                    r"|certificat\s+de\s+(?:reconnaissance|comparabilite|equivalence)|certificat\b.*\b(?:d['’]un|du|de)\s+diplome\b"
                    # the diploma supplement (its own heading, in French and in English)
                    r"|(?:diploma\s+)?supplement\b|annexe\s+descriptive"
                    r"|(?:degree|diploma)\s+certificate|^titre\s+professionnel(?:\s+du(?:\s+ministere\b.*)?)?$"
                    # the parchment's own heading, and its number ("Diploma No. 40454")
                    r"|^diploma\s*$|^diploma\s+(?:no\b|n[°o.º])"
                    # "BACHELOR'S DIPLOMA", "MASTER'S DIPLOMA": the kind of paper, the degree is named further down
                    r"|^(?:junior\s+)?(?:bachelor|master|specialist|doctor)['’]?s?\s+diploma\b")

# How a degree's name starts, in French and English.
DEGREE_START = (
    # (a German compound is no degree: "Bachelorurkunde", "Masterarbeit", "Bachelor-Studiengang"; a title glued by
    # OCR is one: "Master2 Informatique", "LICENCEPROFESSIONNELLE")
    r"(?:(?:master|mastere|licence|bachelor|bachelier)(?!-?(?:urkunde|arbeit|studi|prufung|zeugnis|grad)\w*)|doctorat|doctorate|phd|ph\.d|diplome\s+(?:d|de|du|national|universitaire)\b|diploma\b"
    r"|brevet\s+de\s+technicien|bts\b|dut\b|but\b|mba\b|certificat\b|titre\s+(?:professionnel|d'ingenieur)|ingenieur|associate"
    r"|baccalaureat|deug\b|dess\b|dea\b|magistere|grade\s+de|degree\s+of|engineering\s+degree|college\s+degree)"
)
# A heading naming only the kind of degree, its field named further down.
BARE_KIND = (r"(?:diplome|certificat)(?:\s+(?:national|d['’]etat))?\s+(?:de\s+)?(?:grade\s+de\s+)?"
             r"(?:master|licence|bachelor|doctorat|ingenieur|mastere|specialiste|magistr\w*|bakalavr\w*)")
# The degree's field after its level: "Master en science des données", "Licence appliquée en génie …".
DEGREE_FIELD = r"^\S+(?:\s+\S+){0,3}?\s+(?:en|de|des|d['’]|in|of|mention)\s+\S"
# The grade a degree confers ("Grade de licence" beside "Grade"): the title only when no degree is named.
GRADE_ONLY = r"grade\s+de\s+(?:licence|master|docteur|doctorat)\s*$"
# "diplômé(e) du programme" leads to the title: the participle, told from the noun by its accent.
GRADUATE = r"[Dd]ipl[ôo]mée?(?:\(e\))?\s"
# Words of a sentence around the title, never the title itself.
NOT_TITLE = r"\bvu\b|\b(?:emise?|etablie?|editee?|generee?)\s+le\b|certifie|delibera|resultats|confere|decerne|delivre|a\s+ete|est\s+attribue|titulaire|recteur|president|obtenu"
QUALIFICATION = r"\bqualification\s*:"
TITLE_LABELS = r"(?:intitule\s+du\s+diplome|diplome|intitule|specialite)\s*:|\ble\s+(?:diplome|grade|titre)\s+(?:de|d')\s*|\bthe\s+degree\s+of\s*"
TITLE_CELL_LABEL = r"\b(?:intitule(?:\s+du\s+diplome)?|diplome(?:\s+(?:obtenu|prepare|delivre|vise))?|specialite|degree)\b"
TITLE_END = (r"\s+(?:delivre|decerne|confere|de\s+l'universite|de\s+l'ecole|a\s+ete|obtenu|avec\s+(?:la\s+)?mention|upon)\b|,"
             # a title's level is not its name ("… de niveau 6 du cadre national")
             r"|\s+(?:de\s+)?niveau\s+(?:\d|[ivx]+\b)"
             # a degree's class or division and the sentence going on ("… in the First Division with Distinction in
             # recognition of the fulfilment of …", "… with CGPA 9.22")
             r"|\s+in\s+(?:recognition|testimony)\b|\s+in\s+the\s+(?:[a-z]+\s+){1,2}(?:division|class)\b"
             r"|\s+with\s+(?:distinction|honou?rs|merit|cgpa|a\s+cumulative|first|second)\b")
# Words right before the holder's name, which follows on the same line or the next. A
# parchment may centre a lone "à" above the name, its verb lines away ("DÉLIVRE LE DIPLÔME").
HOLDER_LEAD = (
    r"(?:confere|decerne|delivre|attribue|remis|presente)e?\s+a\b|certifie\s+que|atteste\s+que|titulaire\s*:|(?m:^[ \t]*titulaire\b)"
    r"|(?m:^[ \t]*a[ \t]*$)|\bcandidat(?:e|\(e\))?\s*:"
    # "confère le titre de / Ingénieur des systèmes / à Ana Júlia OLIVEIRA, de nationalité …"
    r"|(?m:^[ \t]*a[ \t]+(?=(?:(?:m|mme|mlle|madame|monsieur)\.?\s+)?[a-z][a-z'\-]+[ \t]+[a-z]))"
    r"|certif(?:y|ies|ied)\s+that|(?:awards?|awarded|confers?|conferred|presents?|presented|grants?|granted)\s+(?:up)?on\b"
    r"|(?:awarded|presented|granted)\s+to\b"
    # Spanish, Portuguese, Italian: "otorga a", "confiere a", "conferisce a", "a favor de", "faz saber que",
    # "teniendo en cuenta que", "hace constar que"
    r"|(?:otorga|confiere|concede|outorga|conferisce|rilascia)\s+a\b|a\s+favor\s+de|a\s+favore\s+di"
    r"|(?:teniendo\s+en\s+cuenta|tendo\s+em\s+vista|considerando|faz\s+saber|hace\s+constar|certifica(?:-se)?|atesta|certifico)\s+que"
    r"|por\s+cuanto|\b(?:degree|title|diploma)\b[^\n]{0,80}?\bupon\b|(?m:^[ \t]*upon[ \t]*$)"
)
# A form's label for the holder, the name in its cell or the next one.
HOLDER_LABEL = (r"(?<![\w'])(?:titulaire|beneficiaire|laureate?|candidate?|holder)(?:\s+du\s+diplome)?\s*:?(?!\w)"
                # English forms and translations: "Name:", "Name of the Candidate :", "Student's name" (a bare "Name"
                # only before its colon: "Name of the University" is another's)
                r"|(?<![\w'])(?:full\s+)?name(?:\s+of\s+(?:the\s+)?(?:student|graduate|candidate|holder))?\s*:"
                r"|(?<![\w'])student'?s?\s+name\s*:?(?!\w)")
# Where the name ends on its line: the birth, or the sentence going on.
HOLDER_END = (r",|(?:^|\s)(?:nee?|ne\(e\)|born|a\s+obtenu|a\s+ete|has|for|pour|titulaire|the\s+degree"
              r"|nacid[oa]|nascid[oa]|nat[oa]\s+a|natural|identificad[oa]|portador[a]?|de\s+nacionalidad\w*)\b")
# Civilities of French, English, Spanish, Portuguese and Italian ("Dña.", "Sr.", "Sig.ra", "Dott.").
# Indian ones too ("Shri", "Smt.", "Kumari").
FOREIGN_CIVILITY = (r"(?:mrs|ms|miss|dr|dna|dona|sra?|senora?|senhora?|sig(?:\.ra|nora|nor)?|dott(?:\.ssa|oressa|ore)?|frau|herrn?"
                    r"|shri|sri|smt|kumari|kum|selvi|thiru|tmt)\b\.?|d\.")
# (alone on its line, the name on the next: "Frau" / "Olena TKACHENKO")
_HOLDER_CIVILITY = r"(?:" + CIVILITY + r"|" + FOREIGN_CIVILITY + r")(?:\s+|\s*$)"
HOLDER_BEFORE = r"(?:confere|decerne|delivre|attribue|remis|awarded|conferred)(?:\s+upon)?\s+a?|certifie\s+que|atteste\s+que|titulaire\s*:?|upon"

# The graduate's birth, which a piece prints for the graduate only (never for a jury member or
# a signatory): the name just before it is the holder's.
BIRTH = (r"\bnee?(?:\(e\))?\s+(?:a\s+[^,\n\d]{1,40}?\s+)?le\b"
         # "nacida el día", "nascido em", "nato a Tunisi (Tunisia) il"
         r"|\bnacid[oa]\s+(?:en\s+[^,\n\d]{1,40}?\s+)?el\b|\bnascid[oa]\s+(?:em\s+[^,\n\d]{1,40}?\s+)?(?:em|a|no)\b"
         r"|\bnat[oa]\s+a\s+[^,\n\d]{1,40}?\s+il\b"
         # "Vikram SHARMA, male, born on 31 January 1985" (an English translation)
         r"|\bborn\s+(?:in\s+[^,\n\d]{1,40}?\s+)?on\b"
         # "geboren am 25.09.1994 in Kharkiv", "geb. am"
         r"|\bgeb(?:oren|\.)\s+(?:am|den)\b")
# What a birth's sentence may say of the person between the name and the birth.
BEFORE_BIRTH = r"(?:,\s*(?:de\s+sexe\s+\w+|de\s+nationalite\s+\w+|male|female|(?:gender|sex)\s*:?\s*\w+))+\s*,?\s*$"
# A role said before the name on its line ("Student Vikram SHARMA, male, born on …"), never a given name.
ROLE_WORDS = {"student", "graduate", "candidate", "applicant", "trainee", "etudiant", "etudiante", "eleve", "candidat",
              "laureat", "laureate"}
CIVILITY_WORDS = {"m", "m.", "mme", "mlle", "madame", "monsieur", "mademoiselle", "mr", "mrs", "ms", "dr", "pr",
                  "d.", "dna.", "dna", "dona", "sr.", "sra.", "senor", "senora", "senhor", "senhora", "sig.",
                  "sig.ra", "dott.", "dott.ssa", "shri", "sri", "smt", "smt.", "kumari", "kum.", "selvi", "thiru", "tmt.",
                  "frau", "herr", "herrn"}
# "a déclaré admis(e) au diplôme de Licence …", "admise à la Licence …": the degree follows.
ADMITTED = r"\b(?:admise?|recue?)(?:\(e\))?\s+(?:au|a\s+la|a\s+l['’])\s*"
# "a obtenu le titre professionnel « Comptable assistant » de niveau 4": the title, quoted or up to its level.
OBTAINED_TITLE = r"\ba\s+obtenu\s+le\s+titre\s+professionnel\s*"
OBTAINED_TITLE_END = r"\s+de\s+niveau\b|,|\s+(?:a\s+l['’]issue|lors|par\s+la\s+voie)\b|\.(?:\s|$)"
# The grant's last words ending their line, before the degree on the next: "le diplôme de", "confère le", "le".
GRANTED_TITLE = r"(?m:^[ \t]*(?:(?:confere|decerne|delivre|attribue)\s+)?le(?:\s+(?:diplome|titre|grade)\s+(?:de|d['’]))?[ \t]*$)"
# The grant's words before the degree, in Spanish, Portuguese and Italian: "le confiere el título de", "confere o
# título de", "concluiu … o grau de", "conducentes al título de", "EL TÍTULO DE" on its own line; an Italian degree
# named with its article ("la Laurea Magistrale in …").
FOREIGN_GRANT = (r"(?:(?:confiere|otorga|concede|expide|confere|outorga|conferisce|rilascia)(?:-?lhe)?\s+(?:a\s+\S+\s+)?"
                 r"(?:el|o|la|il)\s+|(?:conducentes?|optar|aspirar)\s+al\s+|\b(?:el|o|la|il)\s+)(?:titulo|titolo|grau|grado|diploma)"
                 r"(?:\s+(?:profesional|academico|universitario(?:\s+oficial)?))?\s+(?:de|em|en|di|in)\b"
                 r"|(?m:^[ \t]*(?:la|il)\s+(?=(?:laurea|diploma\s+di\s+laurea|dottorato)\b))"
                 # German: "verleiht … den akademischen Grad Master of Science (M.Sc.)", "den Grad eines", "den Hochschulgrad"
                 r"|\bden\s+(?:akademischen\s+)?(?:hochschul)?grad(?:\s+(?:eines|einer))?\b")
# A number of credits closing a title's line (a side panel's "Crédits ECTS" value beside it).
CREDITS_AT_END = r"\s+\d{2,3}\s*$"
# Where such a degree's name ends on its line: the sentence going on, or the holder after "a".
# (a degree's abbreviation closing its line: "Master of Science (M.Sc.)"; a German sentence's verb after it)
FOREIGN_TITLE_END = (r",|;|\.(?:\s|$)|\s+\((?:[a-z]{1,5}\.-?\s?){1,3}[a-z]{0,4}\.?\)\s*$|\s+(?:erworben|verliehen|zuerkannt|erlangt)\b|\s+(?:com|con)\s+(?:a|la)\s|\s+(?:conseguit|obtenid|otorgad|expedid|conferid)\w*"
                     r"|\s+(?:en\s+virtud|por\s+haber|tendo|habiendo)\b")
# "au diplôme de Licence": the degree is the Licence; "au Diplôme d'État …" is the degree's own name.
DEGREE_NAMED_AFTER = r"diplome\s+(?:de|du)\s+(?=" + DEGREE_START + r")"

# The date the degree was conferred, best first: the jury's deliberation (an attestation
# de réussite), then the diploma's own delivery ("Délivré à Paris, le …"). Never an
# attestation's "Fait à …, le", which is only the day the attestation was written.
_PLACE = r"(?:(?!\bnee?\b|\bne\(e\))[^,\n]){1,40}?"
AWARD_LABELS = (
    r"date\s+(?:de\s+(?:la\s+)?deliberation|du\s+jury)(?:\s+du\s+jury)?",
    r"deliberations?\s+du\s+jury\s*(?::|du|en\s+date\s+du)|jury,?\s+(?:du|(?:s['’]est\s+)?reunie?\s+le|en\s+date\s+du|of)|(?:a\s+)?delibere\s+le",
    # a recital of the jury's minutes: "Vu le procès-verbal du jury de l'examen, session d'août 2024, en date du
    # 23 août 2024", "… de la commission de délibération réunie le 16/03/2025"
    (r"proces[-\s]verbal\s+(?:de\s+la\s+|du\s+|des\s+|de\s+)?(?:jury|commission|deliberations?|remise|collation)\b[^;]{0,80}?"
     r"\b(?:en\s+date\s+du|reunie?\s+le|du)(?=\s+(?:\d|1er\b))"),
    r"date\s+d['’]obtent\w+|obtenu\s+le|admise?\s+le|date\s+of\s+(?:award|conferment|graduation)|(?:awarded|conferred)\s+on",
    # German: the day the final examination was passed ("hat am 22.02.2023 die Bachelorprüfung … bestanden",
    # "Abschlussdatum", "Datum der letzten Prüfungsleistung")
    (r"\bhat\s+am(?=\s+\d)|abschlussdatum|datum\s+(?:des\s+(?:studien)?abschlusses|der\s+(?:letzten\s+)?prufung(?:sleistung)?)"
     r"|\bam(?=\s+\d{1,2}\.\s*(?:\d{1,2}\.\s*(?:19|20)\d\d|[a-z]+\s+(?:19|20)\d\d)\s+(?:[a-z]+\s+){0,3}(?:bestanden|abgeschlossen)\w*)"
     r"|bestanden\s+am"),
    # "Date d'attribution du grade :", "Collation des grades le :", "Acte de collation du grade : n° 912 du …"
    r"date\s+d['’]attribution(?:\s+du\s+(?:grade|diplome|titre))?|collation\s+d(?:u|es)\s+grades?\b[^;\n]{0,20}?(?:\ble\b|\bdu\b|:)",
    # "Par décision de la Commission d'examen du 24 septembre 2021", "décision du jury en date du"
    r"decision\s+(?:du|de\s+la|de\s+l['’])\s*(?:jury|commission|conseil)(?:\s+[a-z'’]+){0,2}?\s+(?:du|en\s+date\s+du)",
    r"date\s+de\s+(?:validation|reussite)|session\s+de\s+validation(?:\s+du|\s*:)|diplomee?(?:\(e\))?\s+le\b|(?<!demande\s)(?:valide|recue?)(?:\(e\))?\s+le\b",
    r"(?:delivre|decerne|confere)e?\s+a\s+" + _PLACE + r",?\s+le\b|(?:delivre|decerne|confere)e?\s+le|date\s+de\s+(?:la\s+)?(?:delivrance|collation)",
    # "délivré par l'Université de Dakar (Sénégal) le 5 janvier 2023"
    r"(?:delivre|decerne|confere)e?\s+par\s+[^\n]{3,90}?\s+le\b(?=\s+(?:\d|1er))",
    # "Given at Pune on …", "Given under the seal of the University this 8th day of July, 2020"
    r"given\s+(?:under\s+(?:the|my|our)\s+(?:common\s+)?seal\s+of\s+[^\n,]{3,60}?\s+)?(?:at\s+[^,\n]{1,40},?\s+)?(?:on|this)",
    # a university's convocation, where its degrees are conferred: "at its 19th Convocation held on 22.02.2023"
    r"\bconvocation\b[^\n.;]{0,40}?\bheld\s+on",
    # "By the decision of the Examination Board of 22 February 2023", "Graduation decision: No. 4226/QĐ of 23 August 2024"
    (r"decision\s+of\s+(?:the\s+)?(?:state\s+)?(?:examination|examining|graduation)\s+(?:board|commission|committee)"
     r"(?:\s+no\.?\s*\S+)?(?:\s+(?:of|dated|on)\b|\s*:)|graduation\s+decision\b[^\n]{0,40}?\s(?:of|dated|on)\b"),
    # last: a translation's "after she passed the Bachelor's examination in … on February 22, 2023" (never an
    # entrance examination, nor a date a convocation or a seal gives above)
    r"\bpassed\s+the\s+(?![^.;]{0,30}?\bentrance\b)[^.;]{0,100}?\bexamination\b[^.;]{0,100}?\s+on(?=\s+[a-z]+\s+\d|\s+\d)",
)
# Abroad, the day the degree was conferred (the graduation: "tendo colado grau aos …", "colação de grau em", "fecha de
# grado", "examen profesional sustentado el día", "conseguita il"), else the day the studies were completed ("conclusão
# do Curso de … em", "concluiu, aos …"); a date spelled out runs long ("aos vinte e três (23) dias do mês de …").
CONFERRED_ABROAD = (
    (r"colad[oa]\s+grau|colacao\s+de\s+grau(?:\s+realizada)?(?:\s+(?:em|no\s+dia))?|data\s+da\s+colacao(?:\s+de\s+grau)?"
     r"|fecha\s+de\s+(?:grado|graduacion)|grado\s+(?:otorgado|conferido)\s+el\s+dia"
     r"|examen\s+(?:profesional|de\s+grado)(?:\s+\w+){0,3}?\s+el\s+dia|\bconseguit[ao]\s+(?:in\s+data\s+)?il|data\s+di\s+conseguimento"),
    (r"conclusao\s+d[oe]\s+curso(?:\s+de\s+[^,;.]{1,60}?)?,?\s+(?:em|no\s+dia)|data\s+de\s+conclusao|fecha\s+de\s+(?:terminacion|finalizacion)"
     r"|\bconcluiu,?(?:\s+o\s+curso\s+[^,;.]{0,60}?)?(?:\s+em)?\b"),
)
CONFERRED_WINDOW = 100
# Where a diploma of Spain, Portugal, Latin America or Italy is signed: "Recife, 15 de setembro de 2017",
# "Monterrey, Nuevo León, a 3 de octubre de 2016", "Dato a Bologna, il 20 dicembre 2021", "se firma y expide … en
# Santiago de Cali, a los catorce (14) días del mes de …".
SIGNED_ABROAD = (
    (r"(?m:^[ \t]*(?:dato\s+a\s+|dado\s+en\s+)?[a-z][a-z .'’\-]{1,40}(?:,[ \t]*[a-z][a-z .'’\-]{1,30})?,[ \t]*(?:a|il|el|em|aos)?"
     r"(?=[ \t]*(?:[0-3]?\d\b|[a-z]{3,9}\.?[ \t]+[0-3]?\d\b)))"),
    r"\b(?:expide|firma|otorga|outorga|expedido|dado|passado|rilasciato)\b[^;]{0,120}?(?=\b(?:a\s+los|aos|el\s+dia|no\s+dia)\s)",
)
# Where a signature's date may start after its place: past "a los ", "aos ", "el día ", never further (a number after
# a comma that only a later date follows is no signature: "Mention Chimie, 2 parcours").
SIGNED_DATE_OFFSET = 8
# A Portuguese or Spanish sentence opening with its article before an office or an institution ("A Reitora da
# Universidade …", "A Universidade Federal …"): no French "à" (its accent dropped) before the holder's name.
SENTENCE_ARTICLE_A = (r"[ \t]*A[ \t]+(?:Reitor|Reitora|Rector|Rectora|Universidad|Universidade|Faculdade|Facultad|Escola|Escuela"
                      r"|Instituto|Presidente|Diretor|Diretora|Directora|Secretari)")
# The award labels a form prints over its dates ("Date d'obtention", "Date de délibération du jury").
FORM_AWARD_LABELS = tuple(label for label in AWARD_LABELS if label.startswith(r"date\s"))
# A paper attesting the degree (its award is the jury's date), not the diploma itself.
ATTESTATION = r"\battest(?:ation|e|ons)\b|\breleve\s+de\s+notes\b|\bcertificate\s+of\s+(?:completion|attendance)"
# A sentence conferring the degree, in English: its date follows, unlabelled, under the signatures.
CONFERRAL_SENTENCE = r"\b(?:(?:has|have|had)\s+been|(?:is|are|was|were)(?:\s+hereby)?)\s+(?:conferred|awarded|granted)\s+(?:upon\s+\w+\s+)?(?:the|a)\s+(?:[\w']+\s+){0,2}degree\b"
CONFERRAL_REACH = 260  # characters: the degree's name, a committee's chairman, the university, then the date
# Only a year: the degree's session or academic year, no day.
YEAR_ONLY = r"\bsession\s+(?:de\s+)?(?:\w+\s+)?(?:19|20)\d\d|annee\s+(?:universitaire|academique|scolaire)|academic\s+year|promotion\s+(?:19|20)\d\d|\bclass\s+of\s+(?:19|20)\d\d"


# A sworn translation: the translator's letterhead, then "Traduction de l'arabe" (or "Traduit du
# portugais"), the translated diploma, and the translator's certification and signature.
TRANSLATION_START = (r"(?m:^[^\n]{0,12}\b(?:traduction|traduit)(?:\s+certifiee\s+conforme)?\s+(?:de\s+l['’]|du\s+|des\s+|de\s+|d['’])"
                     r"\s*[a-z]+[^\n]*$)")
TRANSLATION_END = (r"traduction\s+certifiee\s+conforme|la\s+presente\s+traduction|je\s+soussignee?(?:\(e\))?[^\n]{0,80}traduct"
                   r"|certifie\s+(?:la\s+presente\s+traduction|conforme\s+a\s+l['’]original)")


def extract(pages: list[Page]) -> Extraction:
    index = _translated_document(TextIndex(without_certifications(pages)))
    out = ExtractionBuilder(index, FIELD_NAMES)
    # Labels in the text ('Nom : X'), else over their values in a grid ('Nom | Prénom(s)' above
    # 'EL MANSOURI | Yasmine'), else the name a lead sentence gives, else the one born on a date.
    person = (form_person(index) or _holder_after_lead(index) or _holder_by_label(index)
              or _holder_before_birth(index) or _holder_before_achievement(index))
    # A name line found after a lead but unreadable (OCR debris) stays unread: guessing
    # from elsewhere would pick a signatory.
    located = bool(index.search(HOLDER_LEAD))
    person = person or (None if located else (
        best_person(index, prefer_before=HOLDER_BEFORE)
        or name_after(index, HOLDER_BEFORE, certainty=0.8)
        or ner_person(index)
    ))
    if person:
        out.set("holder_surname", person.surname)
        out.set("holder_given_names", person.given_names)
    out.set("title", _title(index))
    award = (labelled_date(index, CONFERRED_ABROAD, window=CONFERRED_WINDOW) or labelled_date(index, AWARD_LABELS, window=40)
             or _award_under_label(index) or _date_after_conferral(index))
    if award is None and not index.search(ATTESTATION):
        # The parchment itself is dated where it is signed ("Fait à Lyon, le …", "Recife, 15 de setembro de
        # 2017"): the day the degree is conferred. An attestation's signature dates only the attestation.
        award = (signature_date(index)
                 or labelled_date(index, SIGNED_ABROAD[:1], window=40, certainty=0.9, near=SIGNED_DATE_OFFSET)
                 or labelled_date(index, SIGNED_ABROAD[1:], window=CONFERRED_WINDOW, certainty=0.9, near=SIGNED_DATE_OFFSET))
    out.set_exact("award_date", award)
    extraction = out.build()
    if award is None and index.search(YEAR_ONLY):
        # The piece prints only a year: no award date to read, and none missing.
        extraction.absent_fields.append("award_date")
    return extraction


def _date_after_conferral(index: TextIndex) -> Span | None:
    """'… he has been conferred the degree of Bachelor of Economics.' / the committee's chairman / 'February 22,
    2023': the first date after a sentence conferring the degree, past the signatories (a birth is no award)."""
    for m in index.search(CONFERRAL_SENTENCE):
        window = index.text[m.end():m.end() + CONFERRAL_REACH]
        for day, start, end in find_dates(window):
            if not re.search(r"(?:born|birth|naissance|nee?)\W{0,3}(?:on|le|:)?\s*$", fold(window[max(0, start - 20):start])):
                return Span(day.isoformat(), m.end() + start, m.end() + end, 0.85)
    return None


def _award_under_label(index: TextIndex) -> Span | None:
    """A form's date label ("Date d'obtention du diplôme") with its date in the cell under it,
    another column's lines read in between."""
    for label in FORM_AWARD_LABELS:
        span = value_by_label(index, label, date_value)
        if span:
            return span
    return None


def _translated_document(index: TextIndex) -> TextIndex:
    """A translation's translated diploma alone: its translator (named in the letterhead, signing
    and dating the certification) is neither the holder nor the award."""
    start = index.search(TRANSLATION_START)
    if not start:
        return index
    begin = start[0].end()
    end = next((m.start() for m in index.search(TRANSLATION_END, begin)), len(index.text))
    return index.within(begin, end) if end - begin > 80 else index


def _holder_after_lead(index: TextIndex) -> PersonName | None:
    """'This is to certify that / Wei WANG / born on ...', 'est décerné à Mme Awa DIALLO, née le':
    the first name-like value after a holder lead, in its cell or one of the next cells of its
    column (OCR leaves lines of stray marks between them; a side panel's lines come between)."""
    all_cells = cells(index)
    for m in index.search(HOLDER_LEAD):
        if re.match(SENTENCE_ARTICLE_A, index.text[m.start():index.line_bounds(m.start())[1]]):
            continue  # "A Reitora da Universidade …": the article opening a sentence, no "à" before a name
        lead = next((c for c in all_cells if c.start <= m.start() < c.end + 1), None)
        if lead is None:
            continue
        line_end = index.line_bounds(m.start())[1]
        beside = [(max(c.start, m.end()), c.end, False) for c in all_cells
                  if c is not lead and c.end > m.end() and c.start < line_end]
        below = [(c.start, c.end, True) for c in _column(all_cells, lead) if c.start > line_end][:3]
        centred = [(c.start, c.end, False) for c in _line_alone_below(all_cells, lead, line_end)]
        for start, end, final in [(m.end(), _surname_wrapped(index, lead.end), True)] + beside + centred + below:
            while start < end and not index.text[start].isalpha():
                start += 1
            if start < end:
                person = _name_in(index, start, end)
                # another column's cell on the lead's row: a name only with its surname in capitals
                if person and (final or any(is_upper_name(w) for w in index.text[start:end].split())):
                    return person
                if final:
                    break  # words that are no name: this lead names no holder
    return None


def _line_alone_below(all_cells: list[Cell], lead: Cell, line_end: int) -> list[Cell]:
    """The next line's cell when it stands alone on its line right under the lead's, wherever across (a name centred
    under a "confère à" set flush left)."""
    following = next((c for c in all_cells if c.start > line_end), None)
    if following is None or following.page != lead.page:
        return []
    height = lead.box[3] - lead.box[1]
    row = [c for c in all_cells if c.page == following.page and overlap((c.box[1], c.box[3]), (following.box[1], following.box[3])) > 0]
    return [following] if len(row) == 1 and following.box[1] - lead.box[3] < 3 * height else []


def _surname_wrapped(index: TextIndex, end: int) -> int:
    """Past a line break that cut a name, when the next line opens with its surname in capitals before a comma or a
    birth ("… certifie que Leonor" / "FERREIRA, né(e) le …"); else `end`."""
    if index.text[end:end + 1] != "\n":
        return end
    wrapped = re.match(r"[A-ZÀ-ÖØ-Ý][A-ZÀ-ÖØ-Ý'’\- ]*[A-ZÀ-ÖØ-Ý](?=\s*,|\s+n[ée])", index.text[end + 1:end + 60])
    return end + 1 + wrapped.end() if wrapped else end


def _column(all_cells: list[Cell], cell: Cell) -> list[Cell]:
    """The cells of `cell`'s page that stand above or below it (they overlap it across), in reading order."""
    return [c for c in all_cells if c is not cell and c.page == cell.page
            and overlap((c.box[0], c.box[2]), (cell.box[0], cell.box[2])) > 0]


def _holder_by_label(index: TextIndex) -> PersonName | None:
    """'Titulaire :' in a column of labels, the name in the column of values beside it."""
    span = value_by_label(index, HOLDER_LABEL, _holder_cell, opens_cell=True)
    return split_name(index, span.start, span.end, 0.9) if span else None


def _holder_cell(text: str) -> tuple[str, int, int] | None:
    line = text.split("\n")[0]
    civility = re.match(_HOLDER_CIVILITY, fold(line))
    start = civility.end() if civility else 0
    end = len(line.rstrip(" ,;"))
    return (line[start:end], start, end) if looks_like_name(line[start:end]) else None


def _holder_before_birth(index: TextIndex) -> PersonName | None:
    """'Mariana MAGALHÃES / né(e) le 31 octobre 1987', 'Mme Awa DIALLO, née le …': the name
    ending right before a birth, in its cell or a cell above in its column (OCR may leave a
    line of stray marks between them; a side panel's lines come between in reading order)."""
    all_cells = cells(index)
    for m in index.search(BIRTH):
        here = next((c for c in all_cells if c.start <= m.start() < c.end), None)
        if here is None:
            continue
        above = [c for c in _column(all_cells, here) if c.end <= here.start][-2:]
        # "FALL Mamadou, de sexe masculin, né(e) le …": the person's sex or nationality between the name and the birth
        between = re.search(BEFORE_BIRTH, index.folded[here.start:m.start()])
        own_end = here.start + between.start() if between else m.start()
        candidates = [(here.start, own_end)] + [(c.start, c.end) for c in reversed(above)]
        previous = next((c for c in reversed(all_cells) if c.end < here.start), None)
        if previous is not None and re.fullmatch(r"\s*[A-ZÀ-ÖØ-Ý][^\s,]*,?\s*", index.text[here.start:own_end]):
            # a surname opening its line: the given names ended the line above ("… à Monsieur Matheus" / "GONÇALVES, né")
            candidates.insert(0, (previous.start, own_end))
        for start, end in candidates:
            person = _name_ending(index, start, end)
            if person:
                return person
            if sum(c.isalpha() for c in index.text[start:end]) > 3:
                break  # words that are no name: this birth belongs to no name printed here
    return None


# A line telling what the person named on the line above achieved.
ACHIEVEMENT = (r"(?m:^[^\w\n]*(?:(?:a|has)\s+(?:termine|obtenu|acheve|accompli|suivi|satisfait|soutenu|completed|obtained)"
               r"|(?:in\s+\d{4}\s+)?completed\s+(?:in\s+\d{4}\s+)?the\s+(?:full\s+)?(?:course|programme|program)"
               r"|pour\s+l['’]obtention\s+d[ue]|diplomee?(?:\(e\))?\s+(?:du|de|en)))\b")


def _holder_before_achievement(index: TextIndex) -> PersonName | None:
    """'TKACHENKO Oleksandr' / 'a terminé en 2021 l'Institut …': a name alone in its cell, the
    next cell of its column telling what that person achieved (a side panel's lines may come
    between them in reading order)."""
    all_cells = cells(index)
    # each cell on its own: in two columns side by side, the sentence opens the second column's cell
    for here in (c for c in all_cells if re.match(ACHIEVEMENT, index.folded[c.start:c.end])):
        above = [c for c in _column(all_cells, here) if c.end <= here.start]
        # the name in Latin letters: a bilingual diploma prints it in its own script too, on a line between
        for cell in reversed(above[-2:]):
            person = _name_ending(index, cell.start, cell.end)
            if person and person.start == cell.start and _latin(index.text[cell.start:cell.end]):
                return person
    return None


def _latin(text: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def _name_ending(index: TextIndex, start: int, end: int) -> PersonName | None:
    """The name that ends text[start:end]: its last words while they are capitalised (or a
    particle inside the name), with at least one in capitals (the surname), no civility."""
    tokens = list(re.finditer(r"\S+", index.text[start:end]))
    first = len(tokens)
    while first > 0:
        word = tokens[first - 1].group(0).strip(",;")
        if fold(word) in CIVILITY_WORDS | ROLE_WORDS or not (word[:1].isupper() or first < len(tokens)
                                                              and fold(word) in NAME_PARTICLES):
            break
        first -= 1
    while first < len(tokens) and tokens[first].group(0).islower():  # "de" of "diplôme de Awa SY"
        first += 1
    words = tokens[first:]
    if len(words) < 2 or not any(is_upper_name(w.group(0).strip(",;")) for w in words):
        return None
    name_start, name_end = start + words[0].start(), start + words[-1].end()
    while name_end > name_start and index.text[name_end - 1] in ",;":
        name_end -= 1
    if not looks_like_name(" ".join(index.text[name_start:name_end].split())):  # a name may wrap onto the next line
        return None
    return split_name(index, name_start, name_end, certainty=0.9)


def _name_in(index: TextIndex, start: int, end: int) -> PersonName | None:
    stop = re.search(HOLDER_END, index.folded[start:end])
    end = start + stop.start() if stop else end
    # "Délivré à Paris, le 15 janvier 2025": a place, not a holder.
    if re.match(r"\s*,?\s*le\s+(?:\d|1er)", index.folded[end:end + 12]):
        return None
    civility = re.match(_HOLDER_CIVILITY, index.folded[start:end])
    if civility:
        start += civility.end()
    if looks_like_name(" ".join(index.text[start:end].split())):  # a name may wrap onto the next line
        return split_name(index, start, end)
    return None


def _title(index: TextIndex) -> Span | None:
    obtained = _title_obtained(index) or _title_granted(index) or _title_conferred_abroad(index)
    if obtained:
        return obtained
    # A line starting like a degree, not a sentence about it; else the line a label points to.
    grade = None
    # each cell of a line on its own: a title is never the next column's ("Grade de master  Diplôme d'ingénieur …")
    for line_start, line_end in ((c.start, c.end) for c in cells(index)):
        line = index.text[line_start:line_end]
        lead = re.match(r"[^A-Za-zÀ-ÿ0-9]*", line).end()  # OCR's stray marks before the title
        folded = fold(line[lead:])
        if (re.match(DEGREE_START, folded) and not re.search(NOT_TITLE + "|" + DOCUMENT_HEADING, folded)
                and not re.match(GRADUATE, line[lead:])):
            if re.match(GRADE_ONLY, folded):
                grade = grade or (line_start + lead, line_end)
                continue
            named = _named_degree_after(index, line_end) if re.fullmatch(BARE_KIND, folded.strip(" .:")) else None
            if named:
                return named
            end = run_on_end(index, line_end)
            if end == line_end and _display_continues(index, line_start, line_end):
                end = index.line_bounds(line_end + 1)[1]
            return _title_span(index, line_start + lead, end, 0.9)
    if grade:
        return _title_span(index, *grade, 0.8)
    admitted = _title_after_admission(index)
    if admitted:
        return admitted
    # A form's "Diplôme" / "Intitulé" label with the degree beside or under it, in a table cell.
    labelled = value_by_label(index, TITLE_CELL_LABEL, _degree_in)
    if labelled:
        return _title_span(index, labelled.start, labelled.end, 0.85)
    # a degree's qualification ("Qualification: Bachelor of Economics") names it best, then the other labels
    for value in values_after(index, QUALIFICATION, stop=TITLE_END) + values_after(index, TITLE_LABELS, stop=TITLE_END):
        if not re.search(NOT_TITLE, fold(str(value.value))):
            return _title_span(index, value.start, value.end, 0.7)
    return None


def _named_degree_after(index: TextIndex, after: int) -> Span | None:
    """Under a heading that names only the kind of degree ("DIPLÔME DE MASTER", "CERTIFICAT DE
    GRADE DE LICENCE"), the line that names the degree with its field ("Master en relations
    internationales"), alone on its line."""
    for line_start, line_end in _lines(index):
        if line_start <= after:
            continue
        line = index.text[line_start:line_end].strip()
        folded = fold(line)
        if (re.match(DEGREE_START, folded) and re.search(DEGREE_FIELD, folded)
                and not re.search(NOT_TITLE + "|" + DOCUMENT_HEADING, folded) and not re.fullmatch(BARE_KIND, folded)):
            offset = index.text.find(line, line_start)
            return _title_span(index, offset, offset + len(line), 0.85)
    return None


def _title_after_admission(index: TextIndex) -> Span | None:
    """'a déclaré admis(e) au diplôme de Licence / professionnelle Métiers de la gestion': the
    degree after the admission, with the lines its sentence wraps onto."""
    for m in index.search(ADMITTED):
        start = m.end()
        named_after = re.match(DEGREE_NAMED_AFTER, index.folded[start:])
        if named_after:
            start += named_after.end()
        if not re.match(DEGREE_START, index.folded[start:]):
            continue
        _, end = index.line_bounds(start)
        end = _sentence_end(index, end)
        return _title_span(index, start, end, 0.85)
    return None


def _title_granted(index: TextIndex) -> Span | None:
    """The degree the grant names on a line of its own, after "délivre à <the holder> … le diplôme de" (or a lone
    "le"): the degree itself, where the heading names only its kind ("BREVET DE TECHNICIEN SUPÉRIEUR" over
    "BTS Comptabilité et gestion")."""
    for m in index.search(GRANTED_TITLE):
        start, end = index.line_bounds(m.end() + 1)
        line = index.text[start:end]
        lead = len(line) - len(line.lstrip())
        if re.match(DEGREE_START, fold(line[lead:])) and not re.search(NOT_TITLE, fold(line)):
            return _title_span(index, start + lead, run_on_end(index, end), 0.85)
    return None


def _title_conferred_abroad(index: TextIndex) -> Span | None:
    """The degree a Spanish, Portuguese or Italian grant names: on the rest of its line ("… o grau de Mestre em
    Engenharia, com a classificação …"), else alone on the next line ("le confiere el título de" / "ADMINISTRADORA DE
    EMPRESAS")."""
    for m in index.search(FOREIGN_GRANT):
        start, end = m.end(), index.line_bounds(m.end())[1]
        if not index.text[start:end].strip():
            if end >= len(index.text):
                continue
            start, end = index.line_bounds(end + 1)
        while start < end and index.text[start].isspace():
            start += 1
        stop = re.search(FOREIGN_TITLE_END, index.folded[start:end])
        holder = re.search(r"\s+a\s+(?=[A-ZÀ-Ý])", index.text[start:end])  # "… de Engenheiro Civil a Rafael …"
        cut = min([end] + [start + x.start() for x in (stop, holder) if x])
        if start < cut and not re.search(NOT_TITLE, index.folded[start:cut]):
            return _title_span(index, start, cut, 0.85)
    return None


def _title_obtained(index: TextIndex) -> Span | None:
    """'a obtenu le titre professionnel « MASTER INGÉNIERIE DES SYSTÈMES / COMPLEXES »', or
    unquoted up to its level: the title, over the lines it wraps onto (three at most)."""
    for m in index.search(OBTAINED_TITLE):
        start = m.end()
        _, limit = index.line_bounds(start)
        for _ in range(2):
            if limit < len(index.text):
                limit = index.line_bounds(limit + 1)[1]
        if index.text[start:start + 1] in "«\"“":
            close = re.search(r"[»\"”]", index.text[start + 1:limit])
            if close is None:
                continue
            return _title_span(index, start + 1, start + 1 + close.start(), 0.85)
        stop = re.search(OBTAINED_TITLE_END, index.folded[start:limit])
        end = start + stop.start() if stop else index.line_bounds(start)[1]
        return _title_span(index, start, end, 0.8)
    return None


def _sentence_end(index: TextIndex, end: int) -> int:
    """Where a title in a sentence ends: past the line break that cuts a phrase, or before a
    next line that goes on in lower case ("Licence" / "professionnelle Métiers de la gestion")."""
    wrapped = run_on_end(index, end)
    if wrapped != end or end >= len(index.text):
        return wrapped
    next_start, next_end = end + 1, index.line_bounds(end + 1)[1]
    following = index.text[next_start:next_end].lstrip()
    if following[:1].islower() and not re.match(BIRTH + "|" + NOT_TITLE, fold(following)):
        return next_end
    return end


def _type_size(index: TextIndex, start: int, end: int) -> float:
    heights = sorted(w.bbox[3] - w.bbox[1] for _, w in index.words_in(start, end))
    return heights[len(heights) // 2] if heights else 0.0


def _display_continues(index: TextIndex, line_start: int, line_end: int) -> bool:
    """A title set larger than the text around it goes on on the next line when that line is
    set the same ("Bachelor of Technology in Mechanical" / "Engineering")."""
    if line_end >= len(index.text) or index.text[line_end] != "\n":
        return False  # the line's last cell only
    next_start = line_end + 1
    _, next_end = index.line_bounds(next_start)
    size, following = _type_size(index, line_start, line_end), _type_size(index, next_start, next_end)
    body = _type_size(index, 0, len(index.text))
    return body > 0 and size > 1.05 * body and abs(following - size) <= 0.03 * size


def _degree_in(text: str) -> tuple[str, int, int] | None:
    """A degree's name at the start of a cell: the acceptor of the title's label."""
    line = text.split("\n")[0]
    lead = re.match(r"[^A-Za-zÀ-ÿ]{0,4}", line).end()  # OCR's stray marks before the degree
    folded = fold(line[lead:])
    if re.match(DEGREE_START, folded) and not re.search(NOT_TITLE, folded):
        return line[lead:], lead, len(line)
    return None


def _title_span(index: TextIndex, start: int, end: int, certainty: float) -> Span | None:
    m = re.search(TITLE_END, index.folded[start:end])
    if m:
        end = start + m.start()
    # a number of credits closing the line is the next column's (a panel's "Crédits ECTS" value), never the degree's
    credits = re.search(CREDITS_AT_END, index.text[start:end])
    if credits:
        end = start + credits.start()
    title = clean_title(index.text[start:end])
    if len(title) < 3:
        return None
    offset = start + index.text[start:end].find(title.split(" ")[0])
    return Span(title, offset, end, certainty)


def _lines(index: TextIndex) -> list[tuple[int, int]]:
    bounds, pos = [], 0
    for line in index.text.split("\n"):
        bounds.append((pos, pos + len(line)))
        pos += len(line) + 1
    return bounds

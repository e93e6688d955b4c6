"""Layout families written after the held-out ones had been looked at (issue 9, point 5): one per
French piece type (then one CV and one `other` piece), drawn *around* the type's builder rather than
inside it.

A piece takes a fresh family on a side stream seeded from the generator's state, with the even
chance it would have among the families allowed, and is drawn on that side stream. The type's own
builder runs in every case with the fresh families excluded, so the main stream moves on exactly as
it did before they existed: a dossier keeps the bytes of its other pieces (their renders too, when
the page count the render draws per page does not change)."""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from synth.facts import DossierFacts
from synth.families import FAMILIES, FamilyFilter
from synth.pieces.base import BuiltPiece
from synth.pieces.cv_compact import europe_compact
from synth.pieces.fresh_birth_act import acte_naissance, translated_act_needed
from synth.pieces.fresh_contract import preamble_articles
from synth.pieces.fresh_diploma import conferred
from synth.pieces.fresh_diploma_band import school_band
from synth.pieces.fresh_diploma_bilingue import (
    diploma_bilingue_est,
    studied_in_vietnam_or_ukraine,
)
from synth.pieces.fresh_diploma_china import (
    notarial_certificate_china,
    studied_in_china,
)
from synth.pieces.fresh_diploma_comparabilite import comparabilite
from synth.pieces.fresh_diploma_india import degree_certificate_india, studied_in_india
from synth.pieces.fresh_diploma_jury import jury_proces_verbal
from synth.pieces.fresh_diploma_laurea import laurea_italiana
from synth.pieces.fresh_diploma_maghreb import diplome_maghreb, studied_in_africa
from synth.pieces.fresh_diploma_numerique import certificat_numerique
from synth.pieces.fresh_diploma_releve import releve_resultats
from synth.pieces.fresh_diploma_supplement import supplement_diplome
from synth.pieces.fresh_diploma_titre_pro import titre_professionnel
from synth.pieces.fresh_diploma_titulo import studied_in_iberoamerica, titulo_apostille
from synth.pieces.fresh_diploma_traduction import traduction_assermentee
from synth.pieces.fresh_diploma_urkunde import foreign_degree, urkunde_allemande
from synth.pieces.fresh_internship import university_tripartite
from synth.pieces.fresh_internship_agricole import convention_agricole
from synth.pieces.fresh_internship_association import convention_association
from synth.pieces.fresh_internship_bilingual import bilingual_traineeship
from synth.pieces.fresh_internship_erasmus import (
    erasmus_traineeship,
    university_student,
)
from synth.pieces.fresh_internship_fpc import convention_formation_continue
from synth.pieces.fresh_internship_grande_ecole import (
    convention_grande_ecole,
    grande_ecole,
)
from synth.pieces.fresh_internship_hopital import convention_hospitaliere
from synth.pieces.fresh_internship_pfmp import convention_pfmp, vocational_school
from synth.pieces.fresh_internship_portal import school_portal
from synth.pieces.fresh_internship_public import convention_fonction_publique
from synth.pieces.fresh_lease import bail_habitation
from synth.pieces.fresh_payslip import net_paye
from synth.pieces.fresh_payslip_bilingue import bulletin_bilingue, coined_brand
from synth.pieces.fresh_payslip_cabinet import cabinet_comptable, keeps_an_accountant
from synth.pieces.fresh_payslip_interim import bulletin_interim, temp_agency
from synth.pieces.fresh_payslip_paysage import bulletin_paysage
from synth.pieces.fresh_permit_2016 import fra_card_2016
from synth.pieces.fresh_permit_2025 import fra_card_2025
from synth.pieces.fresh_permit_recto_verso import copie_recto_verso
from synth.pieces.fresh_registration import rne_extract
from synth.pieces.fresh_statement import recruitment_report
from synth.pieces.fresh_statement_email import email_summary
from synth.pieces.fresh_vigilance import cssm_mayotte
from synth.pieces.fresh_vigilance_capture import capture_ecran
from synth.pieces.fresh_vigilance_courriel import courriel_urssaf
from synth.pieces.fresh_vigilance_independant import travailleur_independant
from synth.pieces.fresh_vigilance_numerique import urssaf_numerique
from synth.pieces.fresh_vigilance_plateforme import plateforme_conformite
from synth.pieces.fresh_vigilance_portal import net_entreprises
from synth.pieces.fresh_vigilance_vlu import urssaf_vlu
from synth.pieces.fresh_work_certificate import certificat_travail
from synth.pieces.rent_receipt import quittance_loyer

Builder = Callable[..., BuiltPiece]  # (facts, rng, *extra): the payslip builder takes its month too
SALT = 0x5EED_F4  # keeps this side stream apart from the one families.choose_family seeds the same way


@dataclass(frozen=True)
class Fresh:
    layout: str
    build: Builder
    fits: Callable[[DossierFacts], bool] = lambda facts: True  # a layout a real issuer would not use: never drawn
    wave: int = 0  # families written later draw on a further side stream, so earlier draws keep their bytes


FRESH: dict[str, tuple[Fresh, ...]] = {
    "employment_contract": (Fresh("preamble_articles", preamble_articles),),
    "payslip": (Fresh("net_paye", net_paye),
                # written once net_paye had been looked at (2026-12-01): the landscape bulletin clarifié a large payroll
                # software prints, a second page of employer contributions on some
                Fresh("bulletin_paysage", bulletin_paysage, wave=1),
                # written once bulletin_paysage had been looked at (2026-12-02): a temporary-work agency's payslip for
                # a worker on assignment (client, missions, weekly hours, IFM and ICCP); for employers that could be
                # an agency
                Fresh("bulletin_interim", bulletin_interim, temp_agency, wave=2),
                # written once bulletin_interim had been looked at (2026-12-02): the bilingual French/English payslip a
                # global payroll provider issues for the French entity of an international group; for employers with
                # a coined brand (not a farm, a bakery or a family firm)
                Fresh("bulletin_bilingue", bulletin_bilingue, coined_brand, wave=3),
                # written once bulletin_bilingue had been looked at (2026-12-02), without looking at the extractors:
                # the payslip a small employer's chartered accountant prints, the firm's letterhead (its own name,
                # SIRET, Ordre) apart from the employer's and the employee's blocks; any employer but La Poste
                Fresh("cabinet_comptable", cabinet_comptable, keeps_an_accountant, wave=4)),
    "internship_agreement": (Fresh("university_tripartite", university_tripartite),
                             Fresh("school_portal", school_portal, wave=1),
                             Fresh("bilingual_traineeship", bilingual_traineeship, wave=2),
                             # written once bilingual_traineeship had been looked at (2026-12-01): a lycée's or a
                             # BTS section's convention on the national model, never a university's
                             Fresh("convention_pfmp", convention_pfmp, vocational_school, wave=3),
                             # written once convention_pfmp had been looked at (2026-12-01): a training organisation's
                             # convention for an adult in continuing vocational training
                             Fresh("convention_formation_continue", convention_formation_continue, wave=4),
                             # written once convention_formation_continue had been looked at (2026-12-01): an
                             # agricultural school's convention (BTSA, licence pro), never a university's
                             Fresh("convention_agricole", convention_agricole, vocational_school, wave=5),
                             # written once convention_agricole had been looked at (2026-12-02): a business or
                             # engineering school's convention from its internship platform, a summary sheet first on
                             # most, an avenant on some; a school's, never a university's
                             Fresh("convention_grande_ecole", convention_grande_ecole, grande_ecole, wave=6),
                             # written once convention_grande_ecole had been looked at (2026-12-02): the Erasmus+
                             # Learning Agreement for Traineeships (the EU template or a university's re-typeset
                             # version, a French cover or annex on some), in English; a university's student's
                             Fresh("erasmus_traineeship", erasmus_traineeship, university_student, wave=7),
                             # written once erasmus_traineeship had been looked at (2026-12-02), without looking at
                             # the extractors: a public host's convention (a State service on the ministry's model, a
                             # public hospital's with its fiche de stage, a local authority's with its recitals); the
                             # host printed is a public body, its name the truth's host_name
                             Fresh("convention_fonction_publique", convention_fonction_publique, wave=8),
                             # written once convention_fonction_publique had been listed (2026-12-02), without looking
                             # at it nor at the extractors: a public hospital's (CHU, CHRU, university hospitals,
                             # centre hospitalier) convention for a foreign student placed in one of its services, from
                             # its Direction des Affaires Médicales, des Soins or des Ressources Humaines (articles,
                             # framed blocks, or articles with an annexe pédagogique); the host printed is the hospital
                             # of the facts' host's city, its legal name the truth's host_name, the SIRET the facts'
                             Fresh("convention_hospitaliere", convention_hospitaliere, wave=9),
                             # written once convention_hospitaliere had been looked at (2026-12-02), without looking
                             # at the extractors: an association's convention (loi 1901 or droit local: a federation,
                             # a sports or twinning committee, a food-aid, fair-trade or integration association) for
                             # a foreign student, its RNA, objet social, president and référent(e) de stage (articles,
                             # boxed blocks under its logo band, or the parties side by side then two-column articles);
                             # the host printed is the association, its name the truth's host_name, the SIRET the facts'
                             Fresh("convention_association", convention_association, wave=10)),
    "diploma": (Fresh("conferred", conferred, lambda facts: not facts.diploma.english),
                Fresh("school_band", school_band, lambda facts: not facts.diploma.english, wave=1),
                Fresh("releve_resultats", releve_resultats, lambda facts: not facts.diploma.english, wave=2),
                Fresh("jury_proces_verbal", jury_proces_verbal, lambda facts: not facts.diploma.english, wave=3),
                Fresh("titre_professionnel", titre_professionnel, lambda facts: not facts.diploma.english, wave=4),
                # an attestation about a degree from abroad: drawn for the foreign universities' degrees
                Fresh("comparabilite", comparabilite, lambda facts: facts.diploma.english, wave=5),
                # a sworn translation of a degree awarded abroad: drawn for the foreign universities' degrees too
                Fresh("traduction_assermentee", traduction_assermentee, lambda facts: facts.diploma.english, wave=6),
                # written once traduction_assermentee had been looked at (2026-12-01): French degrees
                Fresh("certificat_numerique", certificat_numerique, lambda facts: not facts.diploma.english, wave=7),
                # written once certificat_numerique had been looked at (2026-12-01): French degrees
                Fresh("supplement_diplome", supplement_diplome, lambda facts: not facts.diploma.english, wave=8),
                # written once supplement_diplome had been looked at (2026-12-01): the original diploma of a university
                # of the Maghreb or of French-speaking Africa, for French-language degrees of workers from there
                Fresh("diplome_maghreb", diplome_maghreb, studied_in_africa, wave=9),
                # written once diplome_maghreb had been looked at (2026-12-01): the original diploma of a university of
                # Colombia, Brazil or Portugal in Spanish or Portuguese, with its Hague apostille on a second page on
                # most, for workers from those countries
                Fresh("titulo_apostille", titulo_apostille, studied_in_iberoamerica, wave=10),
                # written once titulo_apostille had been looked at (2026-12-01): the original bilingual diploma of a
                # university of Viet Nam or Ukraine (the national language with its English version), for workers
                # from those countries
                Fresh("diploma_bilingue_est", diploma_bilingue_est, studied_in_vietnam_or_ukraine, wave=11),
                # written once diploma_bilingue_est had been looked at (2026-12-02): the original degree certificate
                # of an Indian university or institute, in English (its grade card or its attested back on a second
                # page on some), for workers from India
                Fresh("degree_certificate_india", degree_certificate_india, studied_in_india, wave=12),
                # written once degree_certificate_india had been looked at (2026-12-02), without looking at the
                # extractors: the notarised English translation a Chinese notary public office issues for a
                # university's graduation and degree certificates (its notarial certificate, then the translations,
                # or the other way round), for workers from China
                Fresh("notarial_certificate_china", notarial_certificate_china, studied_in_china, wave=13),
                # written once notarial_certificate_china had been looked at (2026-12-02), without looking at the
                # extractors: the original German-language degree documents of a university of Germany, Austria or
                # Switzerland (the Urkunde, the Verleihungsbescheid or the Swiss diploma; the Zeugnis and the English
                # version on some), for the foreign universities' degrees
                Fresh("urkunde_allemande", urkunde_allemande, foreign_degree, wave=14),
                # written once urkunde_allemande had been looked at (2026-12-02), without looking at the extractors:
                # an Italian university's degree in Italian (the Diploma di Laurea parchment or the student office's
                # Certificato di Laurea with its exams), the Prefettura's apostille and a French sworn translation
                # after it on some, for the foreign universities' degrees
                Fresh("laurea_italiana", laurea_italiana, foreign_degree, wave=15)),
    "company_registration": (Fresh("rne_extract", rne_extract),),
    # the MSA certifies agricultural employers, always
    "applications_statement": (Fresh("recruitment_report", recruitment_report),
                               # written once recruitment_report had been looked at (2026-12-01)
                               Fresh("email_summary", email_summary, wave=1)),
    "urssaf_certificate": (Fresh("cssm_mayotte", cssm_mayotte, lambda facts: not facts.certificate.company.agricultural),
                           Fresh("urssaf_numerique", urssaf_numerique,
                                 lambda facts: not facts.certificate.company.agricultural, wave=1),
                           # written once urssaf_numerique had been looked at (2026-12-01)
                           Fresh("net_entreprises", net_entreprises,
                                 lambda facts: not facts.certificate.company.agricultural, wave=2),
                           # written once net_entreprises had been looked at (2026-12-01)
                           Fresh("urssaf_vlu", urssaf_vlu,
                                 lambda facts: not facts.certificate.company.agricultural, wave=3),
                           # written once urssaf_vlu had been looked at (2026-12-02): the attestation as a
                           # subcontracting-compliance platform hands it to a client, its deposit certificate first
                           Fresh("plateforme_conformite", plateforme_conformite,
                                 lambda facts: not facts.certificate.company.agricultural, wave=4),
                           # written once plateforme_conformite had been looked at (2026-12-02): a screenshot of the
                           # employer's Urssaf account (its attestations' list, the PDF in the browser's viewer, or a
                           # phone's capture) sent instead of the attestation's PDF
                           Fresh("capture_ecran", capture_ecran,
                                 lambda facts: not facts.certificate.company.agricultural, wave=5),
                           # written once capture_ecran had been looked at (2026-12-02), without looking at the
                           # extractors: the printed e-mail thread (the Urssaf's "attestation disponible" message
                           # forwarded by the company's HR or its accountant) sent instead of the attestation, the
                           # attached attestation printed behind it on some
                           Fresh("courriel_urssaf", courriel_urssaf,
                                 lambda facts: not facts.certificate.company.agricultural, wave=6),
                           # written once courriel_urssaf had been looked at (2026-12-02), without looking at the
                           # extractors: the attestation of an employer who is self-employed (an entrepreneur
                           # individuel), delivered from the independent's account with its two accounts
                           # (travailleur indépendant, employeur), one page, a second listing the declarations, or a
                           # letter; a small employer's (never La Poste's)
                           Fresh("travailleur_independant", travailleur_independant,
                                 lambda facts: not facts.certificate.company.agricultural and keeps_an_accountant(facts),
                                 wave=7)),
    # written once cv:header_band and other:avis_imposition had been looked at (2026-12-01)
    "cv": (Fresh("europe_compact", europe_compact),),
    # written once residence_permit:fra_card_english and :fra_card_photo_right had been looked at (2026-12-01)
    "residence_permit": (Fresh("fra_card_2025", fra_card_2025),
                         # written once fra_card_2025 had been looked at (2026-12-01)
                         Fresh("fra_card_2016", fra_card_2016, wave=1),
                         # written once fra_card_2016 had been looked at (2026-12-02), without looking at the
                         # extractors: what employers really send, one A4 page with the photocopy of both sides of the
                         # card (recto above verso, side by side on a landscape page, or the verso first under the
                         # employer's "copie certifiée conforme" stamp)
                         Fresh("copie_recto_verso", copie_recto_verso, wave=2)),
    "other": (Fresh("quittance_loyer", quittance_loyer),
              # a sworn translation: drawn for workers born where acts are not written in French
              Fresh("acte_naissance", acte_naissance, translated_act_needed, wave=1),
              # written once acte_naissance had been looked at (2026-12-01): an earlier employer's certificate
              Fresh("certificat_travail", certificat_travail, wave=2),
              # written once certificat_travail had been looked at (2026-12-01): the worker's residential lease
              Fresh("bail_habitation", bail_habitation, wave=3)),
}


def fresh_family_names() -> list[str]:
    return [f"{piece_type}:{f.layout}" for piece_type, options in FRESH.items() for f in options]


def _without(allowed: FamilyFilter | None, names: frozenset[str]) -> FamilyFilter:
    if allowed is None:
        return FamilyFilter(exclude=names)
    return FamilyFilter(allowed.include, allowed.exclude | names)


def _draw(options: list[Fresh], others: int, facts: DossierFacts, side: random.Random) -> tuple[Fresh | None, int]:
    """(one of `options` with the even chance it has beside `others` families, or None; how many fitted)."""
    fitting = [f for f in options if f.fits(facts)] or (options if not others else [])  # the filter leaves nothing else
    if not fitting or (others and side.random() >= len(fitting) / (len(fitting) + others)):
        return None, len(fitting)
    return side.choice(fitting), len(fitting)


def _pick(piece_type: str, facts: DossierFacts, rng: random.Random) -> tuple[Fresh | None, random.Random, int]:
    """(the fresh family drawn or None, the side stream, how many of the type's other families are allowed).
    Each wave is drawn on a side stream of its own, after the waves before it and without consuming their
    streams: a later wave takes its even share of pieces and leaves every other piece as it was."""
    allowed = facts.families
    fresh_names = {f.layout for f in FRESH[piece_type]}
    ok = [f for f in FRESH[piece_type] if allowed is None or allowed.allows(piece_type, f.layout)]
    others = sum(1 for n in FAMILIES[piece_type]
                 if n not in fresh_names and (allowed is None or allowed.allows(piece_type, n)))
    side = random.Random(hash(rng.getstate()[1]) + SALT)
    chosen: tuple[Fresh | None, random.Random] = (None, side)
    competing = others
    for wave in sorted({f.wave for f in FRESH[piece_type]}):
        stream = side if wave == 0 else random.Random(hash(side.getstate()[1]) + SALT + wave)
        drawn, fitted = _draw([f for f in ok if f.wave == wave], competing, facts, stream)
        if drawn is not None:
            chosen = (drawn, stream)
        competing += fitted
    return chosen[0], chosen[1], others


def with_fresh(piece_type: str, builder: Builder) -> Builder:
    """`builder` of `piece_type`, with the type's fresh families drawn around it."""
    def build(facts: DossierFacts, rng: random.Random, *extra) -> BuiltPiece:
        chosen, side, others = _pick(piece_type, facts, rng)
        built = None
        if others:
            # run even when a fresh family is drawn: the main stream moves on exactly as it did before, so the
            # dossier's other pieces keep their bytes
            allowed = facts.families
            facts.families = _without(allowed, frozenset(f"{piece_type}:{f.layout}" for f in FRESH[piece_type]))
            try:
                built = builder(facts, rng, *extra)
            finally:
                facts.families = allowed
        if chosen is not None:
            return chosen.build(facts, side, *extra)
        if built is None:
            raise ValueError(f"every layout family of {piece_type} is excluded")
        return built
    return build

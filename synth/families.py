"""Layout families: every piece is drawn from one family, named `<piece type>:<layout>`
(e.g. `urssaf_certificate:msa`) and recorded in its truth tags as `family:<name>`, so that
measurement can tune on some families and score on the others (issue 9, point 5)."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

FAMILIES: dict[str, tuple[str, ...]] = {
    "passport": ("icao_bilingual", "icao_numbered"),
    "id_card": ("td1_bilingual", "td1_numbered", "td2_single"),
    "residence_permit": ("fra_card", "fra_card_compact", "fra_card_numbered", "fra_card_english", "fra_card_labels_below",
                         "fra_card_photo_right", "fra_card_2025", "fra_card_2016", "copie_recto_verso"),
    "employment_contract": ("sections", "narrative", "engagement_letter", "parties_table", "two_column",
                            "stacked_form", "preamble_articles"),
    "internship_agreement": ("articles", "form", "clauses", "parties_blocks", "national_model", "boxed_grid",
                             "university_tripartite", "school_portal", "bilingual_traineeship", "convention_pfmp",
                             "convention_formation_continue", "convention_agricole", "convention_grande_ecole",
                             "erasmus_traineeship", "convention_fonction_publique", "convention_hospitaliere",
                             "convention_association"),
    "company_registration": ("kbis", "kbis_compact", "sirene", "kbis_table", "infogreffe_online", "registry_letter",
                             "rne_extract"),
    "payslip": ("boxed", "plain", "clarified", "cumuls", "split_header", "listing", "net_paye",
                "bulletin_paysage", "bulletin_interim", "bulletin_bilingue", "cabinet_comptable"),
    "diploma": ("diplome", "attestation_reussite", "diplome_session", "degree_en", "attestation_table",
                "certificat_two_col", "conferred", "school_band", "releve_resultats", "jury_proces_verbal",
                "titre_professionnel", "comparabilite", "traduction_assermentee", "certificat_numerique",
                "supplement_diplome", "diplome_maghreb", "titulo_apostille", "diploma_bilingue_est",
                "degree_certificate_india", "notarial_certificate_china", "urkunde_allemande", "laurea_italiana"),
    "cv": ("single", "sidebar", "two_column", "europass", "chronological_table", "header_band",
           "europe_compact"),
    "other": ("cover_letter", "rib", "attestation_hebergement", "facture_energie", "avis_imposition", "attestation_droits",
              "quittance_loyer", "acte_naissance", "certificat_travail", "bail_habitation"),
    "urssaf_certificate": ("urssaf_letter", "urssaf_table", "cgss_form", "msa", "urssaf_online", "urssaf_dotted",
                           "cssm_mayotte", "urssaf_numerique", "net_entreprises", "urssaf_vlu",
                           "plateforme_conformite", "capture_ecran", "courriel_urssaf", "travailleur_independant"),
    "job_offer": ("ft_page", "ft_attestation", "apec", "ft_recruiter", "cap_emploi", "partner_site"),
    "applications_statement": ("letter", "channels_table", "honour_words", "form", "candidates_list",
                               "boxed_total", "recruitment_report", "email_summary"),
}

# Families added after batches were pinned. They are drawn on a side stream so that a seed which
# draws an older family keeps every byte it made before (issue 9: existing batches must not change).
LATER: frozenset[str] = frozenset({
    "residence_permit:fra_card_numbered", "residence_permit:fra_card_english", "residence_permit:fra_card_labels_below",
    "residence_permit:fra_card_photo_right",
    "company_registration:kbis_table", "company_registration:infogreffe_online", "company_registration:registry_letter",
    "diploma:attestation_table", "diploma:certificat_two_col",
    "cv:two_column", "cv:europass", "cv:chronological_table", "cv:header_band",
    "other:facture_energie", "other:avis_imposition", "other:attestation_droits",
})
LATER |= {f"{t}:{n}" for t in ("employment_contract", "internship_agreement", "payslip") for n in FAMILIES[t][2:]}
# Written once the held-out families had been looked at; synth/pieces/fresh.py draws them around the type's builder.
LATER |= {"employment_contract:preamble_articles", "internship_agreement:university_tripartite",
          "company_registration:rne_extract", "payslip:net_paye", "diploma:conferred",
          "urssaf_certificate:cssm_mayotte", "applications_statement:recruitment_report"}
# A second wave, written once `diploma:conferred` had been looked at in its turn.
LATER |= {"diploma:school_band"}
# ... and once `internship_agreement:university_tripartite` had been looked at.
LATER |= {"internship_agreement:school_portal"}
# A third internship wave, written once internship_agreement:school_portal had been looked at (2026-12-01).
LATER |= {"internship_agreement:bilingual_traineeship"}
# A fourth internship wave, written once internship_agreement:bilingual_traineeship had been looked at (2026-12-01).
LATER |= {"internship_agreement:convention_pfmp"}
# A fifth internship wave, written once internship_agreement:convention_pfmp had been looked at (2026-12-01).
LATER |= {"internship_agreement:convention_formation_continue"}
# A sixth internship wave, written once internship_agreement:convention_formation_continue had been looked at
# (2026-12-01).
LATER |= {"internship_agreement:convention_agricole"}
# A seventh internship wave, written once internship_agreement:convention_agricole had been looked at (2026-12-02).
LATER |= {"internship_agreement:convention_grande_ecole"}
# An eighth internship wave, written once internship_agreement:convention_grande_ecole had been looked at (2026-12-02),
# without looking at the extractors: the Erasmus+ Learning Agreement for Traineeships.
LATER |= {"internship_agreement:erasmus_traineeship"}
# A ninth internship wave, written once internship_agreement:erasmus_traineeship had been looked at (2026-12-02),
# without looking at the extractors: a public administration's, hospital's or local authority's convention de stage.
LATER |= {"internship_agreement:convention_fonction_publique"}
# A tenth internship wave, written once internship_agreement:convention_fonction_publique had been listed (2026-12-02),
# without looking at it nor at the extractors: a public hospital's convention de stage for a foreign student.
LATER |= {"internship_agreement:convention_hospitaliere"}
# An eleventh internship wave, written once internship_agreement:convention_hospitaliere had been looked at (2026-12-02),
# without looking at the extractors: an association's (loi 1901) convention de stage for a foreign student.
LATER |= {"internship_agreement:convention_association"}
# A third wave, written once diploma:school_band had been looked at.
LATER |= {"diploma:releve_resultats"}
# A fourth wave, written once diploma:releve_resultats had been looked at.
LATER |= {"diploma:jury_proces_verbal"}
# A fifth wave, written once diploma:jury_proces_verbal had been looked at.
LATER |= {"diploma:titre_professionnel"}
# A sixth wave, written once diploma:titre_professionnel had been looked at.
LATER |= {"diploma:comparabilite"}
# A seventh wave, written once diploma:comparabilite had been looked at (2026-12-01).
LATER |= {"diploma:traduction_assermentee"}
# An eighth wave, written once diploma:traduction_assermentee had been looked at (2026-12-01).
LATER |= {"diploma:certificat_numerique"}
# A ninth wave, written once diploma:certificat_numerique had been looked at (2026-12-01).
LATER |= {"diploma:supplement_diplome"}
# A tenth wave, written once diploma:supplement_diplome had been looked at (2026-12-01).
LATER |= {"diploma:diplome_maghreb"}
# An eleventh wave, written once diploma:diplome_maghreb had been looked at (2026-12-01).
LATER |= {"diploma:titulo_apostille"}
# A twelfth wave, written once diploma:titulo_apostille had been looked at (2026-12-01).
LATER |= {"diploma:diploma_bilingue_est"}
# A thirteenth wave, written once diploma:diploma_bilingue_est had been looked at (2026-12-02), without looking at the
# extractors: an Indian university's degree certificate, for workers from India.
LATER |= {"diploma:degree_certificate_india"}
# A fourteenth wave, written once diploma:degree_certificate_india had been looked at (2026-12-02), without looking at
# the extractors: a Chinese notary public office's notarised English translation of a degree, for workers from China.
LATER |= {"diploma:notarial_certificate_china"}
# A fifteenth wave, written once diploma:notarial_certificate_china had been looked at (2026-12-02), without looking at
# the extractors: a German, Austrian or Swiss university's degree documents in German, for the foreign degrees.
LATER |= {"diploma:urkunde_allemande"}
# A sixteenth wave, written once diploma:urkunde_allemande had been looked at (2026-12-02), without looking at the
# extractors: an Italian university's Diploma di Laurea parchment or Certificato di Laurea, for the foreign degrees.
LATER |= {"diploma:laurea_italiana"}
# Written once cv:header_band and other:avis_imposition had been looked at (2026-12-01).
LATER |= {"cv:europe_compact", "other:quittance_loyer"}
# A second `other` wave, written once other:quittance_loyer had been looked at (2026-12-01).
LATER |= {"other:acte_naissance"}
# A third `other` wave, written once other:acte_naissance had been looked at (2026-12-01).
LATER |= {"other:certificat_travail"}
# A fourth `other` wave, written once other:certificat_travail had been looked at (2026-12-01).
LATER |= {"other:bail_habitation"}
# A second urssaf_certificate wave, written once urssaf_certificate:cssm_mayotte had been looked at (2026-12-01).
LATER |= {"urssaf_certificate:urssaf_numerique"}
# A third urssaf_certificate wave, written once urssaf_certificate:urssaf_numerique had been looked at (2026-12-01).
LATER |= {"urssaf_certificate:net_entreprises"}
# A fourth urssaf_certificate wave, written once urssaf_certificate:net_entreprises had been looked at (2026-12-01).
LATER |= {"urssaf_certificate:urssaf_vlu"}
# A fifth urssaf_certificate wave, written once urssaf_certificate:urssaf_vlu had been looked at (2026-12-02).
LATER |= {"urssaf_certificate:plateforme_conformite"}
# A sixth urssaf_certificate wave, written once urssaf_certificate:plateforme_conformite had been looked at (2026-12-02).
LATER |= {"urssaf_certificate:capture_ecran"}
# A seventh urssaf_certificate wave, written once urssaf_certificate:capture_ecran had been looked at (2026-12-02),
# without looking at the extractors: the printed e-mail thread forwarding the Urssaf's message with the attestation.
LATER |= {"urssaf_certificate:courriel_urssaf"}
# An eighth urssaf_certificate wave, written once urssaf_certificate:courriel_urssaf had been looked at (2026-12-02),
# without looking at the extractors: the attestation a self-employed employer gets from the independent's account.
LATER |= {"urssaf_certificate:travailleur_independant"}
# A second applications_statement wave, written once applications_statement:recruitment_report had been looked at
# (2026-12-01).
LATER |= {"applications_statement:email_summary"}
# A fresh residence_permit family, written once residence_permit:fra_card_english and :fra_card_photo_right had been
# looked at (2026-12-01).
LATER |= {"residence_permit:fra_card_2025"}
# A second residence_permit wave, written once residence_permit:fra_card_2025 had been looked at (2026-12-01).
LATER |= {"residence_permit:fra_card_2016"}
# A third residence_permit wave, written once residence_permit:fra_card_2016 had been looked at (2026-12-02), without
# looking at the extractors: one A4 page with the photocopy of both sides of the card, as employers send it.
LATER |= {"residence_permit:copie_recto_verso"}
# A second payslip wave, written once payslip:net_paye had been looked at (2026-12-01).
LATER |= {"payslip:bulletin_paysage"}
# A third payslip wave, written once payslip:bulletin_paysage had been looked at (2026-12-02).
LATER |= {"payslip:bulletin_interim"}
# A fourth payslip wave, written once payslip:bulletin_interim had been looked at (2026-12-02).
LATER |= {"payslip:bulletin_bilingue"}
# A fifth payslip wave, written once payslip:bulletin_bilingue had been looked at (2026-12-02), without looking at the
# extractors: the payslip a small employer's chartered accountant prints under its own letterhead.
LATER |= {"payslip:cabinet_comptable"}


def all_families() -> list[str]:
    return [f"{t}:{name}" for t, names in FAMILIES.items() for name in names]


@dataclass(frozen=True)
class FamilyFilter:
    """Families allowed (None: all) minus families excluded. A name without ':' is a
    whole piece type."""
    include: frozenset[str] | None = None
    exclude: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def parse(cls, include: str | None, exclude: str | None) -> FamilyFilter | None:
        def names(text: str | None) -> frozenset[str] | None:
            if not text:
                return None
            out = frozenset(n.strip() for n in text.split(",") if n.strip())
            unknown = {n for n in out if n not in FAMILIES and n not in all_families()}
            if unknown:
                raise ValueError(f"unknown famil(ies) {sorted(unknown)}; see `python -m synth families`")
            return out

        inc, exc = names(include), names(exclude)
        return cls(inc, exc or frozenset()) if inc or exc else None

    def allows(self, piece_type: str, name: str) -> bool:
        full = f"{piece_type}:{name}"
        if full in self.exclude or piece_type in self.exclude:
            return False
        if self.include is None:
            return True
        # a type not named in --families keeps all its layouts
        named = {n for n in self.include if n == piece_type or n.startswith(piece_type + ":")}
        return not named or full in named or piece_type in named


def choose_family(rng: random.Random, piece_type: str, allowed: FamilyFilter | None,
                  among: tuple[str, ...] | None = None) -> str:
    """One layout name of `piece_type` (one rng draw, whatever the filter). Later families are
    picked on a side stream seeded from the rng's state without consuming it, each family keeping
    an even chance: a piece that keeps an older family consumes exactly what it did before."""
    options = [n for n in (among or FAMILIES[piece_type]) if allowed is None or allowed.allows(piece_type, n)]
    if not options:
        raise ValueError(f"every layout family of {piece_type} is excluded")
    older = [n for n in options if f"{piece_type}:{n}" not in LATER]
    newer = [n for n in options if f"{piece_type}:{n}" in LATER]
    side = random.Random(hash(rng.getstate()[1]))  # a tuple of ints: the same hash in every run
    drawn = rng.choice(older or newer)
    if older and newer and side.random() < len(newer) / len(options):
        return side.choice(newer)
    return drawn

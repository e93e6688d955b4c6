-- Issue 10, learning from agents: flags overridden with a reason, and every field
-- correction as a labelled example.

-- A flag an agent set aside, with the reason. The current result document carries the
-- run's overrides too (`overrides`, what the checks honour); this table keeps every one
-- ever made, for the history and the administrators' counts, also after a rerun dropped
-- them from the current result. A flag is named by what identifies it across a recheck.
CREATE TABLE flag_overrides (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dossier_id    integer NOT NULL REFERENCES dossiers (id),
    run_id        bigint NOT NULL REFERENCES runs (id),
    code          text NOT NULL,
    severity      text NOT NULL CHECK (severity IN ('blocking', 'warning')),
    piece_index   integer,  -- 0-based, as in the result; NULL for a dossier flag
    piece_type    text,
    field         text,
    check_code    text,     -- check_inconclusive: the check left undecided
    reason        text NOT NULL CHECK (btrim(reason) <> ''),
    overridden_by text NOT NULL,
    overridden_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX flag_overrides_run ON flag_overrides (run_id);
CREATE INDEX flag_overrides_code ON flag_overrides (code, overridden_at);

-- Every field correction as a labelled example, read from where corrections are already
-- stored (each run's result document: the piece's `corrections`, with the value read, its
-- reading confidence, who and when; the corrected value in `fields`; the boxes in
-- `field_boxes`), so nothing is written twice. Every run counts, not only the current
-- one: a rerun does not undo what an agent saw on the page. A correction undone (the
-- value read given back) is no longer in the document, hence no example.
CREATE VIEW correction_examples AS
SELECT d.id                                            AS dossier_id,
       d.reference                                     AS reference,
       r.id                                            AS run_id,
       (p.ordinality - 1)::integer                     AS piece_index,
       p.piece ->> 'id'                                AS piece_id,
       p.piece ->> 'type'                              AS piece_type,
       p.piece -> 'type_correction' ->> 'original'     AS classified_type,
       p.piece ->> 'source'                            AS source,
       p.piece ->> 'text_source'                       AS text_source,
       c.key                                           AS field,
       c.value -> 'original'                           AS value_read,
       p.piece -> 'fields' -> c.key                    AS value_corrected,
       coalesce(p.piece -> 'field_boxes' -> c.key, '[]'::jsonb) AS boxes,
       (p.piece -> 'field_boxes' -> c.key -> 0 ->> 'page')::integer AS page,
       (c.value -> 'reading' ->> 'confidence')::double precision AS confidence,
       coalesce((c.value -> 'reading' ->> 'mrz_failed')::boolean, false) AS mrz_failed,
       c.value ->> 'by'                                AS corrected_by,
       (c.value ->> 'at')::timestamptz                 AS corrected_at
FROM runs r
JOIN dossiers d ON d.id = r.dossier_id
CROSS JOIN LATERAL jsonb_array_elements(r.result -> 'pieces') WITH ORDINALITY AS p (piece, ordinality)
CROSS JOIN LATERAL jsonb_each(
    CASE WHEN jsonb_typeof(p.piece -> 'corrections') = 'object' THEN p.piece -> 'corrections'
         ELSE '{}'::jsonb END) AS c
WHERE r.result IS NOT NULL AND jsonb_typeof(r.result -> 'pieces') = 'array';

-- The fields agents reviewed: every field of every piece of a run an agent decided
-- (approved, rejected or sent back; its latest decision), but those the piece
-- legitimately lacks (`absent_fields`), each marked corrected or not. Measured accuracy
-- of a piece type's field = share of its reviewed fields that no agent corrected.
CREATE VIEW reviewed_fields AS
SELECT v.dossier_id,
       v.run_id,
       v.decision,
       v.decided_at,
       p.piece ->> 'type'                                       AS piece_type,
       f.key                                                    AS field,
       coalesce(jsonb_typeof(p.piece -> 'corrections') = 'object'
                AND (p.piece -> 'corrections') ? f.key, false)  AS corrected
FROM (SELECT DISTINCT ON (run_id) dossier_id, run_id, decision, decided_at
      FROM reviews ORDER BY run_id, id DESC) v
JOIN runs r ON r.id = v.run_id
CROSS JOIN LATERAL jsonb_array_elements(
    CASE WHEN jsonb_typeof(r.result -> 'pieces') = 'array' THEN r.result -> 'pieces' ELSE '[]'::jsonb END) AS p (piece)
CROSS JOIN LATERAL jsonb_object_keys(
    CASE WHEN jsonb_typeof(p.piece -> 'fields') = 'object' THEN p.piece -> 'fields' ELSE '{}'::jsonb END) AS f (key)
WHERE NOT coalesce(p.piece -> 'absent_fields' ? f.key, false);

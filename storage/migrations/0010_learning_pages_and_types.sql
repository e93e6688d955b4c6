-- Issue 10 follow-up (a first user): a correction of an unread field says which page to
-- look at, a piece's type change is a labelled example too, and the fields of a retyped
-- piece no longer count as correct reads. Views only: the examples are still read from
-- the result documents, nothing is written twice.

-- Every piece of every run's result with its type as read (the classifier's) and, when an
-- agent retyped it, the agent's. A piece retyped back to the type read is not retyped
-- (the change was undone), as an undone field correction is no correction.
CREATE VIEW result_pieces AS
SELECT r.dossier_id,
       r.id                                                    AS run_id,
       (p.ordinality - 1)::integer                             AS piece_index,
       p.piece,
       CASE WHEN jsonb_typeof(p.piece -> 'pages') = 'array' THEN p.piece -> 'pages' ELSE '[]'::jsonb END AS pages,
       coalesce(p.piece -> 'type_correction' ->> 'original', p.piece ->> 'type') AS type_read,
       p.piece ? 'type_correction'
           AND (p.piece -> 'type_correction' ->> 'original') IS DISTINCT FROM (p.piece ->> 'type') AS retyped
FROM runs r
CROSS JOIN LATERAL jsonb_array_elements(
    CASE WHEN jsonb_typeof(r.result -> 'pieces') = 'array' THEN r.result -> 'pieces' ELSE '[]'::jsonb END)
    WITH ORDINALITY AS p (piece, ordinality)
WHERE r.result IS NOT NULL;

-- Field corrections, now read through `result_pieces`: `page` falls back on the piece's
-- only page when the field has no box (an unread field has none); `pages` (added last, as
-- CREATE OR REPLACE VIEW requires) are the piece's pages of its source file, where to look
-- when there is no box.
CREATE OR REPLACE VIEW correction_examples AS
SELECT d.id                                            AS dossier_id,
       d.reference,
       rp.run_id,
       rp.piece_index,
       rp.piece ->> 'id'                               AS piece_id,
       rp.piece ->> 'type'                             AS piece_type,
       rp.piece -> 'type_correction' ->> 'original'    AS classified_type,
       rp.piece ->> 'source'                           AS source,
       rp.piece ->> 'text_source'                      AS text_source,
       c.key                                           AS field,
       c.value -> 'original'                           AS value_read,
       rp.piece -> 'fields' -> c.key                   AS value_corrected,
       coalesce(rp.piece -> 'field_boxes' -> c.key, '[]'::jsonb) AS boxes,
       coalesce((rp.piece -> 'field_boxes' -> c.key -> 0 ->> 'page')::integer,
                CASE WHEN jsonb_array_length(rp.pages) = 1 THEN (rp.pages ->> 0)::integer END) AS page,
       (c.value -> 'reading' ->> 'confidence')::double precision AS confidence,
       coalesce((c.value -> 'reading' ->> 'mrz_failed')::boolean, false) AS mrz_failed,
       c.value ->> 'by'                                AS corrected_by,
       (c.value ->> 'at')::timestamptz                 AS corrected_at,
       rp.pages
FROM result_pieces rp
JOIN dossiers d ON d.id = rp.dossier_id
CROSS JOIN LATERAL jsonb_each(
    CASE WHEN jsonb_typeof(rp.piece -> 'corrections') = 'object' THEN rp.piece -> 'corrections'
         ELSE '{}'::jsonb END) AS c;

-- Type changes as labelled examples: the piece (its pages), the type read, the agent's.
CREATE VIEW type_correction_examples AS
SELECT d.id                                            AS dossier_id,
       d.reference                                     AS reference,
       rp.run_id,
       rp.piece_index,
       rp.piece ->> 'id'                               AS piece_id,
       rp.piece ->> 'source'                           AS source,
       rp.piece ->> 'text_source'                      AS text_source,
       rp.pages,
       rp.type_read,
       rp.piece ->> 'type'                             AS type_corrected,
       (rp.piece ->> 'confidence')::double precision   AS confidence,
       rp.piece -> 'type_correction' ->> 'by'          AS corrected_by,
       (rp.piece -> 'type_correction' ->> 'at')::timestamptz AS corrected_at
FROM result_pieces rp
JOIN dossiers d ON d.id = rp.dossier_id
WHERE rp.retyped;

-- The runs agents decided, with their latest decision.
CREATE VIEW decided_runs AS
SELECT DISTINCT ON (run_id) dossier_id, run_id, decision, decided_at
FROM reviews ORDER BY run_id, id DESC;

-- The pieces agents reviewed (those of decided runs), by type read, retyped or not:
-- the classifier's accuracy per type read.
CREATE VIEW reviewed_pieces AS
SELECT v.dossier_id, v.run_id, v.decision, v.decided_at, rp.piece_index,
       rp.type_read, rp.piece ->> 'type' AS piece_type, rp.retyped
FROM decided_runs v
JOIN result_pieces rp ON rp.run_id = v.run_id;

-- Reviewed fields, now with `retyped` (added last): a retyped piece's fields were read
-- for another type, or read again for the new one without an agent reading them, so the
-- accuracy page leaves them out rather than count them as correct reads.
CREATE OR REPLACE VIEW reviewed_fields AS
SELECT v.dossier_id,
       v.run_id,
       v.decision,
       v.decided_at,
       rp.piece ->> 'type'                                      AS piece_type,
       f.key                                                    AS field,
       coalesce(jsonb_typeof(rp.piece -> 'corrections') = 'object'
                AND (rp.piece -> 'corrections') ? f.key, false) AS corrected,
       rp.retyped
FROM decided_runs v
JOIN result_pieces rp ON rp.run_id = v.run_id
CROSS JOIN LATERAL jsonb_object_keys(
    CASE WHEN jsonb_typeof(rp.piece -> 'fields') = 'object' THEN rp.piece -> 'fields' ELSE '{}'::jsonb END) AS f (key)
WHERE NOT coalesce(rp.piece -> 'absent_fields' ? f.key, false);

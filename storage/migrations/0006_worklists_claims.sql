-- Issue 10, the agents' queue: who the applicant and the employer are, searchable, on
-- every run row (computed from the result document by the database itself, so that a
-- correction, which rewrites `runs.result`, updates them too, and the lists read no JSON);
-- and claims, so that two agents never decide the same dossier.

-- Text folded for search: accents and case set aside ("Éloïse" finds "ELOISE"). Upper and
-- lower case letters are both listed because lower() leaves non-ASCII letters as they are
-- under the C locale. The search box's text goes through the same function.
CREATE FUNCTION worklist_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN
    lower(replace(replace(replace(replace(translate(value,
        'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŸàáâãäåçèéêëìíîïñòóôõöøùúûüýÿ',
        'AAAAAACEEEEIIIINOOOOOOUUUUYYaaaaaaceeeeiiiinoooooouuuuyy'),
        'Œ', 'OE'), 'œ', 'oe'), 'Æ', 'AE'), 'æ', 'ae'));

-- The applicant as the result names them: the identity document first (passport or
-- identity card, latest expiry first, as the checks choose it), then the residence permit,
-- then the other pieces naming the person (web/summary.py PERSON_FIELDS; a test keeps the
-- two tables in step). "SURNAME Given names".
CREATE FUNCTION worklist_applicant(result jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT btrim(concat_ws(' ', p.piece -> 'fields' ->> s.surname, p.piece -> 'fields' ->> s.given_names))
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(result -> 'pieces') = 'array'
                                   THEN result -> 'pieces' ELSE '[]'::jsonb END) WITH ORDINALITY AS p (piece, n)
    JOIN (VALUES ('passport', 'surname', 'given_names', 0), ('id_card', 'surname', 'given_names', 0),
                 ('residence_permit', 'surname', 'given_names', 1),
                 ('employment_contract', 'employee_surname', 'employee_given_names', 2),
                 ('internship_agreement', 'intern_surname', 'intern_given_names', 2),
                 ('diploma', 'holder_surname', 'holder_given_names', 3),
                 ('payslip', 'employee_surname', NULL, 4)) AS s (piece_type, surname, given_names, rank)
      ON s.piece_type = p.piece ->> 'type'
    WHERE coalesce(p.piece -> 'fields' ->> s.surname, '') <> ''
    ORDER BY s.rank, CASE WHEN s.rank = 0 THEN p.piece -> 'fields' ->> 'expiry_date' END DESC NULLS LAST, p.n
    LIMIT 1;
END;

-- The employer (or the intern's host) as the pieces name it: the contract or agreement
-- first, then the company registration, then the URSSAF certificate.
CREATE FUNCTION worklist_employer(result jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT p.piece -> 'fields' ->> s.field
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(result -> 'pieces') = 'array'
                                   THEN result -> 'pieces' ELSE '[]'::jsonb END) WITH ORDINALITY AS p (piece, n)
    JOIN (VALUES ('employment_contract', 'employer_name', 0), ('internship_agreement', 'host_name', 0),
                 ('company_registration', 'company_name', 1), ('urssaf_certificate', 'company_name', 2))
         AS s (piece_type, field, rank)
      ON s.piece_type = p.piece ->> 'type'
    WHERE coalesce(p.piece -> 'fields' ->> s.field, '') <> ''
    ORDER BY s.rank, p.n
    LIMIT 1;
END;

-- Every SIRET and SIREN the pieces give, digits only, space-separated (searched by part).
CREATE FUNCTION worklist_sirets(result jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT coalesce(string_agg(regexp_replace(f.value, '\D', '', 'g'), ' '), '')
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(result -> 'pieces') = 'array'
                                   THEN result -> 'pieces' ELSE '[]'::jsonb END) AS p (piece)
    CROSS JOIN LATERAL jsonb_each_text(CASE WHEN jsonb_typeof(p.piece -> 'fields') = 'object'
                                            THEN p.piece -> 'fields' ELSE '{}'::jsonb END) AS f (key, value)
    WHERE f.key IN ('employer_siret', 'host_siret', 'siren') AND f.value IS NOT NULL;
END;

ALTER TABLE runs
    ADD COLUMN applicant_name text GENERATED ALWAYS AS (worklist_applicant(result)) STORED,
    ADD COLUMN employer_name  text GENERATED ALWAYS AS (worklist_employer(result)) STORED,
    ADD COLUMN sirets         text GENERATED ALWAYS AS (worklist_sirets(result)) STORED,
    ADD COLUMN search_text    text GENERATED ALWAYS AS (worklist_fold(
        coalesce(worklist_applicant(result), '') || ' ' || coalesce(worklist_employer(result), ''))) STORED;

-- The "Traités" list: decisions by their dossier, latest first.
CREATE INDEX reviews_run ON reviews (run_id, id);

-- A dossier an agent opened to review: one holder at a time. A claim left without activity
-- for the idle time (storage/claims.py) lapses and the next agent takes it over, in one
-- conditional INSERT ... ON CONFLICT DO UPDATE, so that of two agents racing one wins.
CREATE TABLE claims (
    dossier_id integer PRIMARY KEY REFERENCES dossiers (id) ON DELETE CASCADE,
    holder     text NOT NULL,
    claimed_at timestamptz NOT NULL DEFAULT now(),
    active_at  timestamptz NOT NULL DEFAULT now()
);

-- Records of issue 3: dossiers, their files, processing runs and what each run produced,
-- and an audit log. A dossier IS its reference (DOMAIN.md, Identity).

-- The date the platform first received an input, by input name, recorded on first
-- sight so that a rerun without manifest gets the same submitted_at.
CREATE TABLE received_names (
    name              text PRIMARY KEY,
    first_received_at date NOT NULL
);

CREATE TABLE dossiers (
    id                integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference         text NOT NULL UNIQUE CHECK (reference <> ''),
    name              text NOT NULL,  -- input name (folder or file name) first seen
    procedure         text,
    procedure_source  text CHECK (procedure_source IN ('manifest', 'inferred')),
    submitted_at      date,
    first_received_at date NOT NULL,
    -- NULL until a run finishes; the pipeline sets the first three, review the others.
    status            text CHECK (status IN ('ready_for_review', 'incomplete', 'failed', 'approved', 'rejected')),
    current_run_id    bigint,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossiers_status ON dossiers (status);

CREATE TABLE runs (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dossier_id       integer NOT NULL REFERENCES dossiers (id),
    pipeline_version text NOT NULL,
    started_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    outcome          text NOT NULL DEFAULT 'running'
                     CHECK (outcome IN ('running', 'completed', 'failed', 'abandoned')),
    error            text,
    timings_ms       jsonb,
    result           jsonb,  -- the whole result document as written
    CHECK ((outcome = 'running') = (finished_at IS NULL))
);
CREATE INDEX runs_dossier ON runs (dossier_id, id);
-- Belt and braces behind the advisory lock: one running run per dossier at most.
CREATE UNIQUE INDEX runs_one_running ON runs (dossier_id) WHERE outcome = 'running';

ALTER TABLE dossiers ADD CONSTRAINT dossiers_current_run
    FOREIGN KEY (current_run_id) REFERENCES runs (id);

CREATE TABLE files (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dossier_id    integer NOT NULL REFERENCES dossiers (id),
    first_run_id  bigint REFERENCES runs (id),  -- the run that first received it
    source        text NOT NULL,  -- path inside the dossier
    sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size          bigint NOT NULL CHECK (size >= 0),
    media_type    text NOT NULL,
    object_key    text NOT NULL,
    role          text NOT NULL CHECK (role IN ('original', 'member', 'manifest')),
    received_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (dossier_id, source, sha256)
);

CREATE TABLE pieces (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id      bigint NOT NULL REFERENCES runs (id),
    piece_index integer NOT NULL CHECK (piece_index >= 0),  -- index in the result's pieces
    piece_id    text NOT NULL,  -- stable id across reruns and reviews
    source      text NOT NULL,
    pages       integer[] NOT NULL,
    type        text NOT NULL,
    confidence  double precision NOT NULL,
    text_source text,
    UNIQUE (run_id, piece_index)
);

CREATE TABLE fields (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    piece_row_id    bigint NOT NULL REFERENCES pieces (id),
    name            text NOT NULL,
    value           jsonb NOT NULL,  -- JSON null when unread
    confidence      double precision,
    -- Corrections by an agent (review UI): SQL NULL means not corrected.
    corrected_value jsonb,
    corrected_by    text,
    corrected_at    timestamptz,
    UNIQUE (piece_row_id, name)
);

CREATE TABLE flags (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id      bigint NOT NULL REFERENCES runs (id),
    position    integer NOT NULL,  -- order in the result's flags
    code        text NOT NULL,
    severity    text NOT NULL CHECK (severity IN ('blocking', 'warning')),
    piece_index integer,  -- pieces.piece_index of the same run; NULL for the dossier
    field       text,
    piece_type  text,
    source      text,
    page        integer,
    message     text NOT NULL,
    UNIQUE (run_id, position)
);

CREATE TABLE audit_events (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dossier_id integer NOT NULL REFERENCES dossiers (id),
    run_id     bigint REFERENCES runs (id),
    at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor      text NOT NULL,
    action     text NOT NULL,
    details    jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_dossier ON audit_events (dossier_id, id);

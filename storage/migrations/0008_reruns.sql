-- Administrators' reruns (issue 10): one row per rerun asked for, through its states
-- requested -> running -> finished, with its outcome (the dossier's status after it, and
-- the error when it failed again or could not run).
CREATE TABLE reruns (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dossier_id     integer NOT NULL REFERENCES dossiers (id),
    -- The dossier's current run when asked: a later run that ends is this rerun's outcome
    -- (how a rerun done by Airflow's workers is followed).
    base_run_id    bigint REFERENCES runs (id),
    requested_by   text NOT NULL,
    requested_at   timestamptz NOT NULL DEFAULT now(),
    via            text NOT NULL CHECK (via IN ('in_process', 'airflow')),
    dag_run_id     text,
    state          text NOT NULL DEFAULT 'requested' CHECK (state IN ('requested', 'running', 'finished')),
    started_at     timestamptz,
    finished_at    timestamptz,
    alive_at       timestamptz,  -- its runner's last sign of life while it waits in a batch
    outcome_status text,
    outcome_error  text,
    CHECK ((state = 'finished') = (finished_at IS NOT NULL)),
    CHECK ((state = 'requested') = (started_at IS NULL) OR state = 'finished')
);
-- Idempotent requests: at most one rerun not finished per dossier, whoever asks and however
-- often (a second click inserts nothing: ON CONFLICT DO NOTHING on this index).
CREATE UNIQUE INDEX reruns_one_open ON reruns (dossier_id) WHERE state <> 'finished';
CREATE INDEX reruns_dossier ON reruns (dossier_id, id);
CREATE INDEX reruns_finished ON reruns (finished_at) WHERE state = 'finished';

-- What each run received, so that a dossier can be rebuilt from the object store exactly
-- as it arrived (reruns, Airflow workers on other machines), and the input's shape.
ALTER TABLE dossiers ADD COLUMN shape text CHECK (shape IN ('folder', 'zip', 'merged'));

CREATE TABLE run_files (
    run_id  bigint NOT NULL REFERENCES runs (id),
    file_id bigint NOT NULL REFERENCES files (id),
    PRIMARY KEY (run_id, file_id)
);

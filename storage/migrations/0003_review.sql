-- Review UI of issue 5: accounts, server-side sessions, login attempts (rate limiting),
-- agents' decisions, and piece-type changes. Field corrections use the columns that
-- 0001 already gave `fields` (corrected_value, corrected_by, corrected_at).

CREATE TABLE users (
    id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9._@-]{1,64}$'),
    role          text NOT NULL CHECK (role IN ('agent', 'admin')),
    password_hash text NOT NULL,  -- argon2id, with its parameters and salt
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- The cookie carries a random token; only its sha256 is kept, so a leaked table opens no session.
CREATE TABLE web_sessions (
    token_sha256 text PRIMARY KEY,
    user_id      integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL
);
CREATE INDEX web_sessions_expiry ON web_sessions (expires_at);

CREATE TABLE login_attempts (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT now(),
    user_name  text NOT NULL,
    ip         text NOT NULL,
    succeeded  boolean NOT NULL
);
CREATE INDEX login_attempts_user ON login_attempts (user_name, at) WHERE NOT succeeded;
CREATE INDEX login_attempts_ip ON login_attempts (ip, at) WHERE NOT succeeded;

-- One row per decision; the current result document carries the latest as `review`.
CREATE TABLE reviews (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dossier_id integer NOT NULL REFERENCES dossiers (id),
    run_id     bigint NOT NULL REFERENCES runs (id),
    decision   text NOT NULL CHECK (decision IN ('approved', 'rejected', 'sent_back')),
    decided_by text NOT NULL,
    decided_at timestamptz NOT NULL DEFAULT now(),
    message    text
);
CREATE INDEX reviews_dossier ON reviews (dossier_id, id);

-- A piece whose type an agent changed keeps the type the pipeline gave it.
ALTER TABLE pieces ADD COLUMN original_type text;
ALTER TABLE pieces ADD COLUMN type_changed_by text;
ALTER TABLE pieces ADD COLUMN type_changed_at timestamptz;

-- The queues: by status, oldest submission first.
CREATE INDEX dossiers_queue ON dossiers (status, submitted_at, id);
CREATE INDEX flags_run_severity ON flags (run_id, severity);

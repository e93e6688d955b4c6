-- Purging a dossier past retention (issue 6) deletes its rows, its audit events included
-- (they hold names), and leaves one audit event that names it by an opaque id only:
-- that event belongs to no dossier row any more.
ALTER TABLE audit_events ALTER COLUMN dossier_id DROP NOT NULL;
CREATE INDEX audit_events_action ON audit_events (action, at);

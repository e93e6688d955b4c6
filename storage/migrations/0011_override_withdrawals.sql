-- An agent may take back a flag set aside by mistake ("Rétablir ce contrôle"): the override
-- row stays (who set it aside, when, why) and says who withdrew it and when; withdrawn
-- overrides are not counted among the checks agents set aside.
ALTER TABLE flag_overrides
    ADD COLUMN withdrawn_by text,
    ADD COLUMN withdrawn_at timestamptz;

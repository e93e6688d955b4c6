-- Contract v2 (the 2025 rules). Results stored under v1 stay as they were written and
-- readable: each run records the contract version of its result, and a rerun adds a v2
-- run beside the v1 one, so the history keeps both.
ALTER TABLE runs ADD COLUMN schema_version text;
UPDATE runs SET schema_version = COALESCE(result->>'schema_version', '1') WHERE result IS NOT NULL;

-- How the labour-market test came out ("applies", "exempt:shortage", ...), for the queues.
ALTER TABLE runs ADD COLUMN labour_market_test text;
UPDATE runs SET labour_market_test = result->'labour_market_test'->>'outcome'
 WHERE result ? 'labour_market_test';

-- check_inconclusive names the check it could not decide ("check" is an SQL keyword).
ALTER TABLE flags ADD COLUMN check_code text;


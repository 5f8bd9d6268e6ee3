-- What became of a parked batch, so that a person can deal with it (carbonedge parked):
--   parked     refused by the platform, waiting for a person (the only state the agent parks in)
--   resend     a person asked for it to be sent again; its uplink does so within a few seconds
--   delivered  a resend got through
--   dropped    a person gave it up; its records become ordinary history (pruned with retention)
-- Rows are never deleted: they are the record of what was refused, why, and what was done.
ALTER TABLE parked_batch ADD COLUMN state TEXT NOT NULL DEFAULT 'parked';

-- When the state last changed (milliseconds since the epoch); NULL while still as parked.
ALTER TABLE parked_batch ADD COLUMN state_ms INTEGER;

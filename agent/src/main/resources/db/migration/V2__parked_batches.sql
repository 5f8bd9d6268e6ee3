-- Batches a platform refused for good (4.xx other than 4.08/4.29), per uplink. Parking one moves
-- that uplink's watermark past it in the same transaction, so it no longer blocks the batches
-- behind it. The records themselves stay in reading / interval_total; nothing here is deleted by
-- the agent: a parked batch is looked at (status) and dealt with by a person.
CREATE TABLE parked_batch (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    uplink    TEXT    NOT NULL,
    stream    TEXT    NOT NULL,
    first_seq INTEGER NOT NULL,
    last_seq  INTEGER NOT NULL,
    records   INTEGER NOT NULL,
    reason    TEXT    NOT NULL,
    parked_ms INTEGER NOT NULL
);

CREATE INDEX parked_batch_by_uplink ON parked_batch (uplink, id);

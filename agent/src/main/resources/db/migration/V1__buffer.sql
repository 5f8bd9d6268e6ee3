-- The buffer: every reading is committed here before it is totalled or forwarded.

-- One row per (device, point); readings refer to it by a small integer to stay small on disk.
CREATE TABLE point (
    ref    INTEGER PRIMARY KEY,
    device TEXT    NOT NULL,
    point  TEXT    NOT NULL,
    unit   TEXT    NOT NULL,
    UNIQUE (device, point)
);

-- seq is assigned by the agent in commit order and never reused (see meta.last_reading_seq).
-- value is NULL when the sample had none; quality 0 good, 1 uncertain, 2 bad.
CREATE TABLE reading (
    seq     INTEGER PRIMARY KEY,
    point   INTEGER NOT NULL,
    t_ms    INTEGER NOT NULL,
    value   REAL,
    quality INTEGER NOT NULL,
    reason  TEXT
);

-- Closed interval totals, forwarded as their own stream. Never pruned.
CREATE TABLE interval_total (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    point    INTEGER NOT NULL,
    carrier  TEXT    NOT NULL,
    start_ms INTEGER NOT NULL,
    length_s INTEGER NOT NULL,
    amount   REAL    NOT NULL,
    kgce     REAL    NOT NULL,
    kgco2    REAL    NOT NULL,
    revision INTEGER NOT NULL,
    UNIQUE (point, start_ms, length_s, revision)
);

-- Accounting state, written in the same transaction as the readings it comes from.
CREATE TABLE counter_state (
    point INTEGER PRIMARY KEY,
    value REAL    NOT NULL,
    t_ms  INTEGER NOT NULL
);

-- revision > 0: an interval that had closed took late energy and will close again as a revision.
CREATE TABLE open_interval (
    point    INTEGER NOT NULL,
    start_ms INTEGER NOT NULL,
    amount   REAL    NOT NULL,
    revision INTEGER NOT NULL,
    PRIMARY KEY (point, start_ms)
) WITHOUT ROWID;

-- What each uplink has delivered, per stream.
CREATE TABLE uplink_watermark (
    uplink    TEXT    NOT NULL,
    stream    TEXT    NOT NULL,
    seq       INTEGER NOT NULL,
    acked_ms  INTEGER NOT NULL,
    PRIMARY KEY (uplink, stream)
) WITHOUT ROWID;

-- Readings that were lost before they could be forwarded, and why (the buffer reached its size cap,
-- the memory queue overflowed while the disk could not be written, the buffer file was corrupt).
-- Forwarded to the platform so that it knows what is missing. Never pruned.
CREATE TABLE gap (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    reason      TEXT    NOT NULL,
    readings    INTEGER NOT NULL,
    first_seq   INTEGER,
    last_seq    INTEGER,
    from_ms     INTEGER,
    to_ms       INTEGER,
    recorded_ms INTEGER NOT NULL
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO meta (key, value) VALUES ('last_reading_seq', 0);

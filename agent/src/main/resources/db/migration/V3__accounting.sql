-- Energy and carbon accounting (issue 4): counter segments, events, completeness, day/month and
-- site totals. Totals, events and site figures share one sequence: the totals stream.

-- The reading before the last and the increase counted since, so a late reading inside that span
-- re-splits it. NULL at the start of a segment.
ALTER TABLE counter_state ADD COLUMN anchor_value REAL;
ALTER TABLE counter_state ADD COLUMN anchor_ms INTEGER;
ALTER TABLE counter_state ADD COLUMN span_delta REAL;

-- period: interval | day | month. estimated: integrated from a gauge. completeness: the device's
-- share of expected polls that succeeded (NULL when unknown). The factors in use, for audit.
ALTER TABLE interval_total ADD COLUMN period TEXT NOT NULL DEFAULT 'interval';
ALTER TABLE interval_total ADD COLUMN estimated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE interval_total ADD COLUMN completeness REAL;
ALTER TABLE interval_total ADD COLUMN kgce_factor REAL;
ALTER TABLE interval_total ADD COLUMN kgco2_factor REAL;
ALTER TABLE interval_total ADD COLUMN factor_source TEXT;
CREATE INDEX interval_total_by_period ON interval_total (period, start_ms);

-- Site figures per interval, day and month (energy by carrier, kgce, kgCO2, PV self-consumption,
-- shares). Never pruned.
CREATE TABLE site_total (
    seq      INTEGER PRIMARY KEY,
    figure   TEXT    NOT NULL,
    unit     TEXT    NOT NULL,
    period   TEXT    NOT NULL,
    start_ms INTEGER NOT NULL,
    length_s INTEGER NOT NULL,
    value    REAL    NOT NULL,
    revision INTEGER NOT NULL,
    UNIQUE (figure, period, start_ms, revision)
);

-- Rollovers, resets, implausible jumps and meter replacements. Never pruned.
CREATE TABLE counter_event (
    seq      INTEGER PRIMARY KEY,
    point    INTEGER NOT NULL,
    t_ms     INTEGER NOT NULL,
    kind     TEXT    NOT NULL,
    previous REAL,
    value    REAL    NOT NULL
);

-- Successful polls per device and real-time interval, for completeness.
CREATE TABLE device_poll (
    device   TEXT    NOT NULL,
    start_ms INTEGER NOT NULL,
    polls    INTEGER NOT NULL,
    PRIMARY KEY (device, start_ms)
) WITHOUT ROWID;

-- The last day and month whose totals were rolled up.
CREATE TABLE rollup (
    period   TEXT    PRIMARY KEY,
    start_ms INTEGER NOT NULL
) WITHOUT ROWID;

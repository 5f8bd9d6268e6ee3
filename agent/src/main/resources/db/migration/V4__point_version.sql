-- Counts changes to the point table, so that a reader that keeps point names in memory (each
-- uplink's outbox, instead of joining every reading to its point) knows when to read them again.
-- Bumped by the triggers below; nothing else writes it. Each trigger sits on one line: the
-- migration runner splits statements at line-ending semicolons.
CREATE TABLE point_version (
    id      INTEGER PRIMARY KEY CHECK (id = 0),
    version INTEGER NOT NULL
);

INSERT INTO point_version (id, version) VALUES (0, 0);

CREATE TRIGGER point_inserted AFTER INSERT ON point BEGIN UPDATE point_version SET version = version + 1; END;

CREATE TRIGGER point_changed AFTER UPDATE ON point BEGIN UPDATE point_version SET version = version + 1; END;

CREATE TRIGGER point_deleted AFTER DELETE ON point BEGIN UPDATE point_version SET version = version + 1; END;

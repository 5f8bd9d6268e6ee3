package io.carbonedge.agent.cli;

import io.carbonedge.agent.store.BufferDatabase;
import io.carbonedge.agent.store.SqliteOutbox;
import io.carbonedge.agent.uplink.ParkedBatch;
import io.carbonedge.agent.uplink.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ParkedCommandTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path data;

    private void park(ParkedBatch... batches) throws Exception {
        try (SqliteOutbox outbox = new SqliteOutbox(BufferDatabase.open(data), Clock.fixed(T0, ZoneOffset.UTC))) {
            for (ParkedBatch b : batches) {
                outbox.park(b);
            }
        }
    }

    @Test
    void listsWhatWasRefusedWithTheReasonThenResendsAndDropsOnRequest() throws Exception {
        CommandRun cli = new CommandRun();
        park();
        assertThat(cli.run("parked", "--data", data.toString())).isZero();
        assertThat(cli.out()).contains("no parked batches");

        park(new ParkedBatch("park", Stream.READINGS, 1001, 1500, 500, "4.00 BAD_REQUEST: seq 1013: unknown unit", T0),
                new ParkedBatch("backup", Stream.TOTALS, 7, 9, 3, "4.13 REQUEST_ENTITY_TOO_LARGE", T0));
        cli = new CommandRun();
        assertThat(cli.run("parked", "--data", data.toString())).isZero();
        assertThat(cli.out()).contains("#1 park readings seq 1001..1500 (500 records) parked 2026-03-01T08:00:00Z: "
                + "4.00 BAD_REQUEST: seq 1013: unknown unit").contains("#2 backup totals seq 7..9 (3 records)");

        cli = new CommandRun();
        assertThat(cli.run("parked", "resend", "--data", data.toString(), "1")).isZero();
        assertThat(cli.out()).contains("#1 park readings seq 1001..1500").contains("to be sent again")
                .contains("1 batch to be sent again");

        cli = new CommandRun();
        assertThat(cli.run("parked", "drop", "--data", data.toString(), "--uplink", "backup", "--all")).isZero();
        assertThat(cli.out()).contains("#2 backup totals").contains("1 batch dropped");

        cli = new CommandRun();
        assertThat(cli.run("parked", "--data", data.toString())).isZero();
        assertThat(cli.out()).contains("#1 park").doesNotContain("#2 backup");
        cli = new CommandRun();
        assertThat(cli.run("parked", "--data", data.toString(), "--history")).isZero();
        assertThat(cli.out()).contains("#2 backup totals seq 7..9 (3 records) dropped");
    }

    @Test
    void anUnknownIdOrNoSelectionIsAUsageErrorThatChangesNothing() throws Exception {
        park(new ParkedBatch("park", Stream.READINGS, 1, 10, 10, "4.00 BAD_REQUEST", T0));
        CommandRun cli = new CommandRun();
        assertThat(cli.run("parked", "drop", "--data", data.toString(), "1", "42")).isEqualTo(Main.INVALID);
        assertThat(cli.err()).contains("no waiting parked batch with id [42]");
        assertThat(cli.run("parked", "resend", "--data", data.toString())).isEqualTo(Main.INVALID);
        assertThat(cli.err()).contains("ID").contains("--all");
        assertThat(cli.run("parked", "--data", data.resolve("nowhere").toString())).isEqualTo(Main.INVALID);
        assertThat(cli.err()).contains("no buffer in");

        cli = new CommandRun();
        assertThat(cli.run("parked", "--data", data.toString())).isZero();
        assertThat(cli.out()).contains("#1 park readings seq 1..10 (10 records) parked");
    }
}

package io.carbonedge.agent.uplink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DrainPaceTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void unlimitedNeverWaits() {
        DrainPace pace = new DrainPace(0);
        pace.sent(10_000, 0);
        assertThat(pace.waitNanos(0)).isZero();
    }

    @Test
    void theFirstBatchGoesAtOnceAndTheNextWaitsItsShare() {
        DrainPace pace = new DrainPace(2000);
        assertThat(pace.waitNanos(0)).isZero();
        pace.sent(500, 0);
        assertThat(pace.waitNanos(0)).isEqualTo(SECOND / 4);
        assertThat(pace.waitNanos(SECOND / 10)).isEqualTo(SECOND / 4 - SECOND / 10);
    }

    @Test
    void aQuietSpellDoesNotBuildUpCredit() {
        DrainPace pace = new DrainPace(1000);
        pace.sent(100, 0);
        pace.sent(100, 10 * SECOND);
        assertThat(pace.waitNanos(10 * SECOND)).isEqualTo(SECOND / 10);
    }

    /** Whatever the batch sizes and send delays, a sender that obeys the waits never beats the rate. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aSenderThatWaitsAsToldStaysUnderTheRate(long seed) {
        Random random = new Random(seed);
        int rate = 1 + random.nextInt(5000);
        DrainPace pace = new DrainPace(rate);
        long now = 0;
        long records = 0;
        long lastBatch = 0;
        for (int i = 0; i < 1000; i++) {
            now += pace.waitNanos(now);
            int batch = 1 + random.nextInt(1000);
            lastBatch = batch;
            pace.sent(batch, now);
            records += batch;
            now += random.nextInt(1000) * 1000L; // time the send took
        }
        // Every batch but the last had to be "paid for" at the rate before the last one went.
        assertThat((double) (records - lastBatch) / rate).isLessThanOrEqualTo(now / 1e9 + 1e-6);
    }
}

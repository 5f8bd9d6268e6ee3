package io.carbonedge.agent.store;

import io.carbonedge.driver.Sample;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PendingSamplesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private static PendingSamples.Batch batch(int second, int size) {
        return new PendingSamples.Batch("d", IntStream.range(0, size)
                .mapToObj(i -> Sample.good("p" + i, T0.plusSeconds(second), i)).toList(), T0, 0);
    }

    @Test
    void overTheLimitTheOldestAreDroppedAndCounted() throws Exception {
        PendingSamples pending = new PendingSamples(10);
        pending.add(batch(1, 4));
        pending.add(batch(2, 4));
        pending.add(batch(3, 4));   // 12 > 10: the batch of second 1 goes

        PendingSamples.Dropped dropped = pending.takeDropped();
        assertThat(dropped).isEqualTo(new PendingSamples.Dropped(4, T0.plusSeconds(1), T0.plusSeconds(1)));
        assertThat(pending.takeDropped()).isNull();
        List<PendingSamples.Batch> group = pending.takeGroup(Duration.ZERO, Duration.ZERO, 100);
        assertThat(group).extracting(b -> b.samples().get(0).time()).containsExactly(T0.plusSeconds(2), T0.plusSeconds(3));
    }

    @Test
    void aGroupPutBackComesOutFirstAndInOrder() throws Exception {
        PendingSamples pending = new PendingSamples(100);
        pending.add(batch(1, 1));
        pending.add(batch(2, 1));
        List<PendingSamples.Batch> group = pending.takeGroup(Duration.ZERO, Duration.ZERO, 100);
        pending.add(batch(3, 1));
        pending.putBack(group);
        assertThat(pending.takeGroup(Duration.ZERO, Duration.ZERO, 100))
                .extracting(b -> b.samples().get(0).time().getEpochSecond() - T0.getEpochSecond())
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void aGroupStopsAtTheSampleLimit() throws Exception {
        PendingSamples pending = new PendingSamples(100);
        for (int i = 0; i < 5; i++) {
            pending.add(batch(i, 3));
        }
        List<PendingSamples.Batch> first = pending.takeGroup(Duration.ZERO, Duration.ZERO, 6);
        List<PendingSamples.Batch> second = pending.takeGroup(Duration.ZERO, Duration.ZERO, 100);
        assertThat(first).hasSize(2);
        assertThat(second).hasSize(3);
        assertThat(pending.isEmpty()).as("taken but not yet committed").isFalse();
        pending.done(first);
        pending.done(second);
        assertThat(pending.isEmpty()).isTrue();
    }

    @Test
    void anEmptyQueueReturnsAnEmptyGroupAfterTheTick() throws Exception {
        assertThat(new PendingSamples(10).takeGroup(Duration.ofMillis(20), Duration.ZERO, 10)).isEmpty();
    }
}

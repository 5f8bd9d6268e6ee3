package io.carbonedge.agent.retry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void growsFromMinToMaxWithJitterAndResets(long seed) {
        Duration min = Duration.ofSeconds(1);
        Duration max = Duration.ofMinutes(5);
        Backoff backoff = new Backoff(min, max, new Random(seed));
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            waits.add(backoff.next());
        }
        assertThat(waits).allSatisfy(w -> assertThat(w).isBetween(min, max));
        assertThat(waits.get(0)).isEqualTo(min);              // [0.5 s, 1 s] clamped to min
        assertThat(waits.get(4)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(16));
        assertThat(waits.subList(12, 20)).allSatisfy(w -> assertThat(w).isBetween(max.dividedBy(2), max));
        assertThat(waits.subList(12, 20).stream().distinct().count()).isGreaterThan(1); // jitter at the cap
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(min);
    }
}

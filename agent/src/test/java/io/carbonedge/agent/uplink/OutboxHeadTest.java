package io.carbonedge.agent.uplink;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxHeadTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void findsTheHighestSequenceFromAnyStart(long seed) {
        Random random = new Random(seed);
        InMemoryOutbox outbox = new InMemoryOutbox();
        int first = 1 + random.nextInt(50);          // older ones already gone (retention)
        int count = random.nextInt(3000);
        outbox.addReadings(TestData.readings(random, first, count));
        outbox.addTotals(TestData.totals(random, 1, 3));
        long last = count == 0 ? 0 : first + count - 1L;
        long from = count == 0 ? 0 : random.nextInt((int) last + 1);

        assertThat(OutboxHead.find(outbox, Stream.READINGS, from)).isEqualTo(Math.max(last, from));
        assertThat(OutboxHead.find(outbox, Stream.READINGS, last + 7)).isEqualTo(last + 7);
        assertThat(OutboxHead.find(outbox, Stream.TOTALS, 0)).isEqualTo(3);
    }
}

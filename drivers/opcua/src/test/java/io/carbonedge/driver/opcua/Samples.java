package io.carbonedge.driver.opcua;

import io.carbonedge.driver.DeviceUnavailableException;
import io.carbonedge.driver.Driver;
import io.carbonedge.driver.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** Polls a driver the way the agent does until the samples collected so far satisfy a condition. */
final class Samples {

    private Samples() {
    }

    /** Reads every 100 ms (ignoring unavailability) until {@code done} holds for everything read; returns it. */
    static List<Sample> collectUntil(Driver driver, Duration within, Predicate<List<Sample>> done) {
        return collectInto(new ArrayList<>(), driver, within, done);
    }

    /** Like {@link #collectUntil}, adding to (and testing) {@code all}. */
    static List<Sample> collectInto(List<Sample> all, Driver driver, Duration within, Predicate<List<Sample>> done) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> {
            try {
                all.addAll(driver.read(Instant.now()));
            } catch (DeviceUnavailableException e) {
                // not yet
            }
            return done.test(all);
        });
        return all;
    }

    static boolean hasGood(List<Sample> samples, String pointId) {
        return samples.stream().anyMatch(s -> s.pointId().equals(pointId) && s.isGood());
    }

    static List<Double> values(List<Sample> samples, String pointId) {
        return samples.stream().filter(s -> s.pointId().equals(pointId)).map(Sample::value).toList();
    }
}

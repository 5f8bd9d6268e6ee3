package io.carbonedge.agent.health;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Pings systemd's watchdog at half its period, but only while the agent is really alive: a hung
 * poll loop or a stuck buffer writer stops the pings, and systemd restarts the service.
 */
public final class Watchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

    private final SystemdNotifier notifier;
    private final Supplier<Optional<String>> problem;
    private final ScheduledExecutorService timer;
    private String reported;

    /**
     * @param problem what is stuck, or empty when everything is alive
     */
    public Watchdog(SystemdNotifier notifier, Duration period, Supplier<Optional<String>> problem) {
        this.notifier = notifier;
        this.problem = problem;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "watchdog");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, period.toMillis() / 2);
        timer.scheduleAtFixedRate(this::tick, 0, every, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        Optional<String> stuck = problem.get();
        if (stuck.isEmpty()) {
            notifier.watchdog();
            if (reported != null) {
                log.info("alive again: watchdog pings resumed");
                reported = null;
            }
        } else if (!stuck.get().equals(reported)) {
            reported = stuck.get();
            log.error("{}: no more watchdog pings, systemd will restart the agent", reported);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

package io.carbonedge.driver.gpio;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A {@link StepTimer} on one daemon thread that sleeps between steps. */
final class ScheduledStepTimer implements StepTimer {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "carbonedge-status-led");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public Cancellable schedule(Runnable step, Duration delay) {
        ScheduledFuture<?> future = executor.schedule(step, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void shutdown() {
        executor.shutdownNow();
    }
}

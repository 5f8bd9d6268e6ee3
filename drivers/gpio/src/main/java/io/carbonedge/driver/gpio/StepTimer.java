package io.carbonedge.driver.gpio;

import java.time.Duration;

/** Runs the status LED's next step after a delay: one scheduled thread in service, a hand-turned clock in tests. */
interface StepTimer {

    /** Runs {@code step} once, after {@code delay}; the returned handle cancels it. */
    Cancellable schedule(Runnable step, Duration delay);

    /** Stops running steps; pending ones are dropped. */
    void shutdown();

    /** A scheduled step that can still be called off. */
    interface Cancellable {
        void cancel();
    }
}

package io.carbonedge.driver.gpio;

import com.pi4j.context.Context;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Pi4J context that every GPIO user of a factory shares (meters and the status LED):
 * made on the first {@link #acquire()}, shut down on the {@link #release()} that matches the last
 * one. Pi4J claims the GPIO chip per context, so a process should hold one at a time.
 */
final class SharedContext {

    private static final Logger log = LoggerFactory.getLogger(SharedContext.class);

    private final Supplier<Context> maker;
    private Context context;
    private int users;

    SharedContext(Supplier<Context> maker) {
        this.maker = Objects.requireNonNull(maker, "maker");
    }

    /**
     * The context, made if nobody holds it; every successful call must be matched by one
     * {@link #release()}.
     *
     * @throws RuntimeException whatever Pi4J throws when it cannot start (no GPIO on this machine)
     */
    synchronized Context acquire() {
        if (context == null) {
            context = maker.get();
            log.debug("Pi4J context started");
        }
        users++;
        return context;
    }

    /** Gives back one {@link #acquire()}; the last one shuts the context down. */
    synchronized void release() {
        if (users == 0) {
            return;
        }
        users--;
        if (users == 0) {
            try {
                context.shutdown();
                log.debug("Pi4J context stopped");
            } catch (RuntimeException e) {
                log.warn("GPIO did not stop cleanly: {}", e.toString());
            }
            context = null;
        }
    }

    /** How many hold the context now. */
    synchronized int users() {
        return users;
    }
}

package io.carbonedge.agent.uplink;

/**
 * Finds the highest sequence in a stream of an {@link Outbox} with one-row look-ups only (the
 * contract has no count): doubling from a known sequence until nothing follows, then halving.
 * About 2·log2(backlog) look-ups; one when nothing is waiting.
 */
final class OutboxHead {

    private OutboxHead() {
    }

    /** The highest sequence in the stream, or {@code from} when nothing follows it. */
    static long find(Outbox outbox, Stream stream, long from) {
        long low = from;
        long high = from;
        for (long step = 1; anyAfter(outbox, stream, high); step *= 2) {
            low = high;
            high = high + step;
        }
        // something follows low (unless low == from == high), nothing follows high
        while (high - low > 1) {
            long mid = low + (high - low) / 2;
            if (anyAfter(outbox, stream, mid)) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return high;
    }

    private static boolean anyAfter(Outbox outbox, Stream stream, long seq) {
        return stream == Stream.READINGS
                ? !outbox.readingsAfter(seq, 1).isEmpty()
                : !outbox.totalsAfter(seq, 1).isEmpty();
    }
}

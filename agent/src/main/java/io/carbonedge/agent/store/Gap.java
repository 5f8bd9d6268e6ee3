package io.carbonedge.agent.store;

import java.time.Instant;

/**
 * Readings lost before they could be forwarded, as recorded in the buffer and reported upstream.
 *
 * @param seq       sequence in the gap stream
 * @param reason    {@code capacity} (the size cap forced them out), {@code memory} (the memory
 *                  queue overflowed while the disk could not be written) or {@code corrupt-buffer}
 * @param readings  how many readings were lost (-1 when unknown, as with a corrupt file)
 * @param firstSeq  first reading sequence lost, or 0 when they never had one
 * @param lastSeq   last reading sequence lost, or 0
 * @param from      time of the oldest lost reading, or {@code null} when unknown
 * @param to        time of the newest lost reading, or {@code null}
 * @param recorded  when the loss was recorded
 */
public record Gap(long seq, String reason, long readings, long firstSeq, long lastSeq, Instant from, Instant to,
                  Instant recorded) {
}

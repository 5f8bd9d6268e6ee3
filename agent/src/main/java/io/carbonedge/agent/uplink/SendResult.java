package io.carbonedge.agent.uplink;

import java.util.Objects;

/**
 * How one POST ended, and why in words when it did not end well.
 *
 * @param outcome what the caller does next
 * @param reason  the platform's diagnostic ("4.00 BAD_REQUEST: record 3 has no name"), the transport
 *                error or "no response within 10s"; {@code null} when delivered
 */
public record SendResult(Outcome outcome, String reason) {

    private static final SendResult DELIVERED = new SendResult(Outcome.DELIVERED, null);

    public SendResult {
        Objects.requireNonNull(outcome, "outcome");
    }

    public static SendResult delivered() {
        return DELIVERED;
    }

    public static SendResult retry(String reason) {
        return new SendResult(Outcome.RETRY, reason);
    }

    public static SendResult rejected(String reason) {
        return new SendResult(Outcome.REJECTED, reason);
    }
}

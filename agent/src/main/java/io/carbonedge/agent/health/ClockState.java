package io.carbonedge.agent.health;

import java.time.Instant;

/**
 * What is known of the wall clock.
 *
 * @param synchronizedNow whether the clock can be trusted (synchronised, or at least past the
 *                        time this agent was built)
 * @param lastJump        when the clock last jumped (wall time moved differently from elapsed time), or {@code null}
 * @param lastJumpSeconds by how much, positive forwards
 */
public record ClockState(boolean synchronizedNow, Instant lastJump, double lastJumpSeconds) {
}

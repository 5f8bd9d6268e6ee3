package io.carbonedge.agent.poll;

import java.time.Instant;

/**
 * What is known of a device's health, published after every poll.
 *
 * @param deviceId          the device
 * @param state             starting, online or offline
 * @param reason            why it is offline, or empty
 * @param lastGoodPoll      the last successful read, or {@code null} if none yet
 * @param consecutiveFailures failed reads since the last good one
 * @param polls             reads attempted since start
 * @param goodPolls         reads that succeeded since start
 */
public record DeviceStatus(String deviceId, State state, String reason, Instant lastGoodPoll,
                           int consecutiveFailures, long polls, long goodPolls) {

    public enum State { STARTING, ONLINE, OFFLINE }

    static DeviceStatus starting(String deviceId) {
        return new DeviceStatus(deviceId, State.STARTING, "", null, 0, 0, 0);
    }

    DeviceStatus succeeded(Instant at) {
        return new DeviceStatus(deviceId, State.ONLINE, "", at, 0, polls + 1, goodPolls + 1);
    }

    DeviceStatus failed(String why) {
        return new DeviceStatus(deviceId, State.OFFLINE, why, lastGoodPoll, consecutiveFailures + 1, polls + 1, goodPolls);
    }
}

package io.carbonedge.agent.uplink;

/**
 * One encoded batch of one stream, kept until the platform has it or refused it.
 *
 * @param parked the parked batch it is, when a person asked for a parked batch to be sent again
 */
record Batch(Stream stream, long firstSeq, long lastSeq, int count, byte[] payload, ParkedBatch parked) {
}

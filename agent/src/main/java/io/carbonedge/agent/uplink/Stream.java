package io.carbonedge.agent.uplink;

/** The two things the buffer forwards, each with its own sequence and watermark per uplink. */
public enum Stream {
    READINGS,
    TOTALS
}

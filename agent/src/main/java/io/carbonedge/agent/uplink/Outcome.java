package io.carbonedge.agent.uplink;

/** How one batch ended. The watermark advances only on {@link #DELIVERED}. */
public enum Outcome {
    /** The platform answered 2.xx: it has the batch. */
    DELIVERED,
    /** Timeout, 5.xx, transport failure: try again later, nothing lost. */
    RETRY,
    /** The platform answered 4.xx: it will never accept this batch as it is. */
    REJECTED
}

package io.carbonedge.agent.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One platform to forward to, from {@code agent.yaml}'s {@code uplinks:} list.
 *
 * @param name       unique, names the watermark in the buffer ({@code park})
 * @param uri        {@code coap://host:port/path}, or {@code coaps://} for DTLS 1.2
 * @param format     payload encoding (default senml-cbor)
 * @param batchSize  readings per POST (default 500)
 * @param timeout    how long to wait for the platform's response before a RETRY (default 10s)
 * @param backoffMin first wait after a failed batch (default 1s)
 * @param backoffMax longest wait between retries (default 5m)
 * @param security   none for {@code coap://}; PSK or X.509 for {@code coaps://}
 * @param maxRate    the most readings (records) per second sent while a backlog drains;
 *                   {@link #UNLIMITED} for no limit (default {@value #DEFAULT_MAX_RATE})
 */
public record UplinkConfig(
        String name,
        URI uri,
        PayloadFormat format,
        int batchSize,
        Duration timeout,
        Duration backoffMin,
        Duration backoffMax,
        UplinkSecurity security,
        int maxRate) {

    /** {@code max-rate} when not set: about 80 KB/s of SenML CBOR, well under a 4G uplink. */
    public static final int DEFAULT_MAX_RATE = 2000;
    /** {@code max-rate: unlimited}. */
    public static final int UNLIMITED = 0;

    public UplinkConfig {
        Objects.requireNonNull(security, "security");
        if (maxRate < 0) {
            throw new IllegalArgumentException("maxRate must be >= 0, got " + maxRate);
        }
    }

    /** A plain {@code coap://} uplink with no pacing: for tests and benchmarks. */
    public UplinkConfig(String name, URI uri, PayloadFormat format, int batchSize, Duration timeout,
                        Duration backoffMin, Duration backoffMax) {
        this(name, uri, format, batchSize, timeout, backoffMin, backoffMax, UplinkSecurity.none(), UNLIMITED);
    }

    /** Whether this uplink speaks DTLS ({@code coaps://}). */
    public boolean secure() {
        return "coaps".equalsIgnoreCase(uri.getScheme());
    }
}

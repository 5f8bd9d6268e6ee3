package io.carbonedge.agent.config;

import java.net.URI;
import java.time.Duration;

/**
 * One platform to forward to, from {@code agent.yaml}'s {@code uplinks:} list.
 *
 * @param name       unique, names the watermark in the buffer ({@code park})
 * @param uri        {@code coap://host:port/path}
 * @param format     payload encoding (default senml-cbor)
 * @param batchSize  readings per POST (default 500)
 * @param timeout    how long to wait for the platform's response before a RETRY (default 10s)
 * @param backoffMin first wait after a failed batch (default 1s)
 * @param backoffMax longest wait between retries (default 5m)
 */
public record UplinkConfig(
        String name,
        URI uri,
        PayloadFormat format,
        int batchSize,
        Duration timeout,
        Duration backoffMin,
        Duration backoffMax) {
}

package io.carbonedge.agent.uplink;

import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.config.DtlsConfig;

/**
 * Californium configuration built in code, so that Californium never reads or writes its
 * {@code Californium3.properties} file: block-wise transfer in 1024-byte blocks for anything larger
 * than one datagram (RFC 7959), few threads (a gateway has few cores). DTLS settings on top of
 * these are in {@link DtlsSettings}.
 */
public final class CoapSettings {

    /** Largest message sent in one datagram; larger payloads go block-wise. */
    public static final int BLOCK_SIZE = 1024;
    /** Largest request body a receiver assembles from blocks (a 10,000-reading JSON batch fits). */
    public static final int MAX_BODY_SIZE = 8 * 1024 * 1024;

    private CoapSettings() {
    }

    /** For a client: one protocol thread, one UDP receiver and sender. */
    public static Configuration client() {
        Configuration config = base();
        config.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 1);
        config.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, 1);
        config.set(UdpConfig.UDP_SENDER_THREAD_COUNT, 1);
        return config;
    }

    /** For a server (the reference receiver and test peers). */
    public static Configuration server() {
        Configuration config = base();
        config.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 2);
        // CoAP's own duplicate detection keeps every exchange, payload included, for EXCHANGE_LIFETIME
        // (247 s): at a backlog drain's rate that is hundreds of MB. Keeping the last exchanges per
        // peer still answers retransmissions, and the receiver drops duplicates by (gateway, stream,
        // seq) anyway, so memory stays bounded whatever the rate.
        config.set(CoapConfig.DEDUPLICATOR, CoapConfig.DEDUPLICATOR_PEERS_MARK_AND_SWEEP);
        return config;
    }

    private static Configuration base() {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
        // Replaces Californium's process-wide default too, so nothing falls back to a file.
        Configuration config = new Configuration(Configuration.createStandardWithoutFile());
        config.set(CoapConfig.MAX_MESSAGE_SIZE, BLOCK_SIZE);
        config.set(CoapConfig.PREFERRED_BLOCK_SIZE, BLOCK_SIZE);
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, MAX_BODY_SIZE);
        return config;
    }
}

package io.carbonedge.bench;

import io.carbonedge.agent.config.UplinkSecurity;
import io.carbonedge.agent.uplink.CoapSettings;
import io.carbonedge.agent.uplink.DtlsSettings;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * What SQLite and Californium can do on this machine with none of the agent around them: the
 * ceilings the agent's own numbers are divided by.
 */
final class BareLimits {

    private BareLimits() {
    }

    /** Rows/s of batched JDBC inserts (5000 per commit) into a table shaped like {@code reading}, WAL, synchronous=FULL. */
    static double rawJdbc(int n, int points) throws Exception {
        Path dir = Files.createTempDirectory("bench-raw");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("raw.db"))) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("CREATE TABLE reading (seq INTEGER PRIMARY KEY, point INTEGER NOT NULL, t_ms INTEGER NOT NULL, "
                        + "value REAL, quality INTEGER NOT NULL, reason TEXT)");
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            long t0 = Instant.now().toEpochMilli();
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO reading (seq, point, t_ms, value, quality, reason) VALUES (?, ?, ?, ?, 0, NULL)")) {
                for (int i = 1; i <= n; i++) {
                    insert.setLong(1, i);
                    insert.setInt(2, i % points);
                    insert.setLong(3, t0 + i);
                    insert.setDouble(4, i * 0.5);
                    insert.addBatch();
                    if (i % 5000 == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
            return n / BufferBench.seconds(start);
        } finally {
            TempDirs.delete(dir);
        }
    }

    /**
     * Requests/s of sequential confirmable POSTs of 512 bytes on loopback, answered 2.04 by a
     * resource that does nothing: plain CoAP when {@code psk} is null, else DTLS 1.2 with that PSK
     * (one handshake, then every request encrypted). The agent's own Californium settings on both sides.
     */
    static double coapRequests(int requests, UplinkSecurity.Psk psk) throws Exception {
        CoapServer server = new CoapServer(CoapSettings.server());
        CoapEndpoint.Builder serverEndpoint = CoapEndpoint.builder().setConfiguration(server.getConfig());
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 0);
        if (psk == null) {
            serverEndpoint.setInetSocketAddress(loopback);
        } else {
            serverEndpoint.setConnector(DtlsSettings.server(loopback, server.getConfig(), List.of(psk), null, List.of()));
        }
        server.addEndpoint(serverEndpoint.build());
        server.add(new CoapResource("sink") {
            @Override
            public void handlePOST(CoapExchange exchange) {
                exchange.respond(CoAP.ResponseCode.CHANGED);
            }
        });
        server.start();
        CoapClient client = null;
        try {
            int port = server.getEndpoints().get(0).getAddress().getPort();
            client = new CoapClient((psk == null ? "coap" : "coaps") + "://127.0.0.1:" + port + "/sink");
            CoapEndpoint.Builder clientEndpoint = CoapEndpoint.builder().setConfiguration(CoapSettings.client());
            if (psk != null) {
                clientEndpoint.setConnector(DtlsSettings.client(psk, CoapSettings.client()));
            }
            client.setEndpoint(clientEndpoint.build());
            byte[] payload = new byte[512];
            for (int i = 0; i < requests / 5; i++) {
                post(client, payload);   // warm-up, and for DTLS the handshake: not what is measured
            }
            long start = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                post(client, payload);
            }
            return requests / BufferBench.seconds(start);
        } finally {
            if (client != null) {
                client.shutdown();
            }
            server.destroy();
        }
    }

    private static void post(CoapClient client, byte[] payload) throws Exception {
        CoapResponse response = client.post(payload, MediaTypeRegistry.APPLICATION_CBOR);
        if (response == null || !response.isSuccess()) {
            throw new IllegalStateException("bare CoAP request failed: " + (response == null ? "no response" : response.getCode()));
        }
    }
}

package io.carbonedge.agent.receiver;

import io.carbonedge.agent.uplink.CoapSettings;
import io.carbonedge.agent.uplink.DtlsSettings;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.Resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * A reference implementation of the platform side of {@code docs/uplink.md}, for tests and the
 * demo: a CoAP server (plain, or DTLS 1.2 with PSK and/or X.509 when started with a
 * {@link ReceiverDtls}) with one upload resource that stores what gateways send in its own SQLite
 * file ({@code <dir>/receiver.db}), once per (gateway, stream, seq), and answers 2.04 only after the
 * commit. Its query methods read that file.
 */
public final class PlatformReceiver implements AutoCloseable {

    /** The resource path when none is given. */
    public static final String DEFAULT_PATH = "carbonedge";

    private final CoapServer server;
    private final ReceiverStore store;
    private final SummaryReport summary;
    private final String host;
    private final String path;
    private final int port;
    private final boolean secure;

    private PlatformReceiver(CoapServer server, ReceiverStore store, String host, String path, int port,
                             boolean secure) {
        this.server = server;
        this.store = store;
        this.summary = new SummaryReport(store);
        this.host = host;
        this.path = path;
        this.port = port;
        this.secure = secure;
    }

    /** Starts on host:port (0 picks a free port) at {@link #DEFAULT_PATH}. */
    public static PlatformReceiver start(String host, int port, Path dir) throws IOException {
        return start(host, port, dir, DEFAULT_PATH);
    }

    /**
     * Starts on host:port (0 picks a free port) with the upload resource at {@code path}
     * ({@code a/b} nests).
     *
     * @throws IOException when the directory, the database or the port cannot be had
     */
    public static PlatformReceiver start(String host, int port, Path dir, String path) throws IOException {
        return start(host, port, dir, path, null);
    }

    /**
     * Like {@link #start(String, int, Path, String)}, over DTLS ({@code coaps://}) only when
     * {@code dtls} is not null.
     */
    public static PlatformReceiver start(String host, int port, Path dir, String path, ReceiverDtls dtls)
            throws IOException {
        Files.createDirectories(dir);
        ReceiverStore store;
        try {
            store = new ReceiverStore(dir.resolve("receiver.db"));
        } catch (SQLException e) {
            throw new IOException("cannot open " + dir.resolve("receiver.db") + ": " + e.getMessage(), e);
        }
        CoapServer server = new CoapServer(CoapSettings.server());
        CoapEndpoint.Builder builder = CoapEndpoint.builder().setConfiguration(server.getConfig());
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (dtls == null) {
            builder.setInetSocketAddress(address);
        } else {
            try {
                builder.setConnector(DtlsSettings.server(address, server.getConfig(), dtls.psks(),
                        dtls.certificate(), dtls.certificate() == null ? List.of() : dtls.certificate().trusted()));
            } catch (RuntimeException e) {
                server.destroy();
                closeQuietly(store);
                throw new IOException("cannot set up DTLS: " + e.getMessage(), e);
            }
        }
        CoapEndpoint endpoint = builder.build();
        server.addEndpoint(endpoint);
        addResource(server, path, store);
        try {
            server.start();
        } catch (RuntimeException e) {
            server.destroy();
            closeQuietly(store);
            throw new IOException("cannot bind CoAP to " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new PlatformReceiver(server, store, host, path, endpoint.getAddress().getPort(), dtls != null);
    }

    private static void addResource(CoapServer server, String path, ReceiverStore store) {
        String[] segments = path.replaceAll("^/+|/+$", "").split("/+");
        Resource parent = server.getRoot();
        for (int i = 0; i < segments.length - 1; i++) {
            Resource child = new CoapResource(segments[i]);
            parent.add(child);
            parent = child;
        }
        parent.add(new SenmlResource(segments[segments.length - 1], store));
    }

    /** The UDP port it listens on (the real one when started with 0). */
    public int port() {
        return port;
    }

    /** {@code coap://host:port/path} (or {@code coaps://}), what a gateway's uplink {@code uri} is set to. */
    public URI uri() {
        return URI.create((secure ? "coaps" : "coap") + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/"
                + path.replaceAll("^/+", ""));
    }

    /** Every reading stored for the gateway, by seq. */
    public List<ReceivedReading> readings(String gateway) {
        return read(() -> store.readings(gateway));
    }

    /** Every total stored for the gateway (all revisions), by seq. */
    public List<ReceivedTotal> totals(String gateway) {
        return read(() -> store.totals(gateway));
    }

    /** Readings stored, all gateways. */
    public long readingCount() {
        return read(() -> store.queryLong("SELECT COUNT(*) FROM reading"));
    }

    /** Totals stored, all gateways. */
    public long totalCount() {
        return read(() -> store.queryLong("SELECT COUNT(*) FROM total"));
    }

    /** Records received again after they were stored (readings and totals), since the file was made. */
    public long duplicateCount() {
        return read(summary::duplicates);
    }

    /** Per gateway: readings, distinct points, first/last time, totals per carrier; then duplicates. */
    public String summary() {
        return read(summary::text);
    }

    /** Stops listening (the port is free when this returns) and closes the database. */
    @Override
    public void close() {
        server.destroy();
        closeQuietly(store);
    }

    private static void closeQuietly(ReceiverStore store) {
        try {
            store.close();
        } catch (SQLException e) {
            // closing a read/write connection after its last commit; nothing to keep
        }
    }

    private interface Query<T> {
        T run() throws SQLException;
    }

    private static <T> T read(Query<T> query) {
        try {
            return query.run();
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("receiver database: " + e.getMessage(), e));
        }
    }
}

package io.carbonedge.driver.opcua;

import io.carbonedge.driver.opcua.pki.ApplicationCertificate;
import io.carbonedge.driver.opcua.pki.PkiCertificateValidator;
import io.carbonedge.driver.opcua.pki.PkiDirectory;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.identity.X509IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * One client and one session to one server endpoint, shared by every device that reaches that
 * endpoint with the same security and identity, so the server never sees more than one session
 * from the gateway.
 *
 * <p>The first {@link #start()} connects in the background; a failed attempt is retried with
 * backoff (1 s doubling to 30 s). Once connected, Milo keeps the session alive (keep-alive every
 * 5 s) and, when it is lost, reconnects by itself, reactivating the session or creating a new one
 * and transferring its subscriptions; {@link #onActive} listeners (the subscribed devices) then
 * recreate whatever could not be transferred. Nothing here blocks a caller.
 */
final class EndpointSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EndpointSession.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final OpcUaConnection connection;
    private final ScheduledExecutorService executor;
    private final List<Consumer<OpcUaClient>> activeListeners = new CopyOnWriteArrayList<>();
    private final PkiCertificateValidator validator;
    private volatile OpcUaClient client;
    private volatile boolean active;
    private volatile String problem;
    private volatile boolean attempted;
    private volatile boolean started;
    private volatile boolean closed;
    private Duration retry = FIRST_RETRY;

    EndpointSession(OpcUaConnection connection) {
        this.connection = connection;
        this.problem = "connecting to " + connection.endpointUrl();
        this.validator = new PkiCertificateValidator(new PkiDirectory(connection.pkiDir()), connection.trustUnknownServers());
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "opcua-" + hostPort(connection.endpointUrl()));
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts connecting, once; later calls do nothing. */
    synchronized void start() {
        if (!started && !closed) {
            started = true;
            executor.execute(this::connect);
        }
    }

    /** Whether a session is active now. */
    boolean isActive() {
        return active && !closed;
    }

    /** The client when a session is active, else null. */
    OpcUaClient activeClient() {
        return isActive() ? client : null;
    }

    /** Whether the first connection attempt has ended, one way or the other. */
    boolean attempted() {
        return attempted;
    }

    /** Why there is no active session, in plain words. */
    String problem() {
        return problem;
    }

    String endpointUrl() {
        return connection.endpointUrl();
    }

    /** Runs on the session's thread each time a session becomes active (and now, if one is). */
    void onActive(Consumer<OpcUaClient> listener) {
        activeListeners.add(listener);
        OpcUaClient c = activeClient();
        if (c != null) {
            executor.execute(() -> listener.accept(c));
        }
    }

    void removeListener(Consumer<OpcUaClient> listener) {
        activeListeners.remove(listener);
    }

    /** Runs a task on the session's thread (used to retry subscription setup). */
    void schedule(Runnable task, Duration delay) {
        if (!closed) {
            executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        active = false;
        executor.shutdownNow();
        OpcUaClient c = client;
        if (c != null) {
            try {
                c.disconnectAsync().get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.debug("disconnect from {} failed: {}", connection.endpointUrl(), e.toString());
            }
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        OpcUaClient created = null;
        try {
            created = createClient();
            created.addSessionActivityListener(new Activity());
            client = created;
            created.connect();
            retry = FIRST_RETRY;
            attempted = true;
        } catch (Exception e) {
            String reason = ConnectFailures.describe(e, connection, validator.lastRejected());
            if (!reason.equals(problem)) {
                log.warn("OPC UA {}: {}; retrying", connection.endpointUrl(), reason);
            }
            problem = reason;
            attempted = true;
            client = null;
            if (created != null) {
                created.disconnectAsync();
            }
            long delay = retry.toMillis();
            retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            if (!closed) {
                executor.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    private OpcUaClient createClient() throws Exception {
        CryptoProvider.ensureInstalled();
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, connection.timeout().toMillis());
        List<EndpointDescription> endpoints = DiscoveryClient.getEndpoints(connection.endpointUrl())
                .get(timeoutMs, TimeUnit.MILLISECONDS);
        EndpointDescription endpoint = EndpointChooser.choose(endpoints, connection);
        URI uri = URI.create(connection.endpointUrl());
        endpoint = EndpointUtil.updateUrl(endpoint, uri.getHost(), uri.getPort() < 0 ? 4840 : uri.getPort());

        OpcUaClientConfigBuilder config = new OpcUaClientConfigBuilder()
                .setEndpoint(endpoint)
                .setApplicationName(LocalizedText.english("CarbonEdge gateway"))
                .setProductUri("urn:carbonedge:agent")
                .setCertificateValidator(validator)
                .setIdentityProvider(identityProvider())
                .setRequestTimeout(uint(timeoutMs))
                .setKeepAliveInterval(uint(5_000))
                .setKeepAliveFailuresAllowed(uint(2))
                .setSessionTimeout(uint(120_000));
        if (connection.policy() != OpcUaSecurityPolicy.NONE || connection.identity() instanceof Identity.X509) {
            ApplicationCertificate own = new PkiDirectory(connection.pkiDir()).applicationCertificate(
                    "urn:carbonedge:gateway:" + PkiDirectory.hostName(), "CarbonEdge gateway " + PkiDirectory.hostName());
            config.setApplicationUri(own.applicationUri())
                    .setKeyPair(own.keyPair())
                    .setCertificate(own.certificate())
                    .setCertificateChain(new X509Certificate[] {own.certificate()});
        } else {
            config.setApplicationUri("urn:carbonedge:gateway:" + PkiDirectory.hostName());
        }
        return OpcUaClient.create(config.build(), transport -> transport.setConnectTimeout(uint(timeoutMs)));
    }

    private IdentityProvider identityProvider() throws java.io.IOException {
        Identity identity = connection.identity();
        if (identity instanceof Identity.Username u) {
            return new UsernameProvider(u.user(), SecretFiles.password(u.passwordFile()));
        }
        if (identity instanceof Identity.X509 x) {
            return new X509IdentityProvider(PkiDirectory.readCertificate(x.certificate()), PkiDirectory.readPrivateKey(x.privateKey()));
        }
        return new AnonymousProvider();
    }

    private static String hostPort(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() + ":" + (uri.getPort() < 0 ? 4840 : uri.getPort());
        } catch (IllegalArgumentException e) {
            return "endpoint";
        }
    }

    /** Follows Milo's session state: logs once per change and tells the devices. */
    private final class Activity implements SessionActivityListener {

        @Override
        public void onSessionActive(UaSession session) {
            boolean wasProblem = attempted && problem != null;
            active = true;
            problem = null;
            log.info("OPC UA {}: session active{}", connection.endpointUrl(), wasProblem ? " again" : "");
            OpcUaClient c = client;
            for (Consumer<OpcUaClient> listener : activeListeners) {
                executor.execute(() -> listener.accept(c));
            }
        }

        @Override
        public void onSessionInactive(UaSession session) {
            active = false;
            if (!closed) {
                problem = "session to " + connection.endpointUrl() + " lost; reconnecting";
                log.warn("OPC UA {}: session lost; reconnecting", connection.endpointUrl());
            }
        }
    }
}

package io.carbonedge.driver.opcua.sim;

import io.carbonedge.driver.opcua.CryptoProvider;
import io.carbonedge.driver.opcua.pki.ApplicationCertificate;
import io.carbonedge.driver.opcua.pki.PkiDirectory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.X509IdentityValidator;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.security.CertificateStore;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OPC UA server (Eclipse Milo) on {@code 127.0.0.1} serving simulated plant devices, for tests,
 * the benchmark and the demo:
 *
 * <pre>{@code
 * try (OpcUaSimulator sim = OpcUaSimulator.start(0, tempDir.resolve("server-pki"), SimulatorOptions.defaults())) {
 *     // connect to sim.endpointUrl(); nodes ns=2;s=Boiler1.GasFlow, Objects/Kiln1/CoalFeed, …
 * }
 * }</pre>
 *
 * Its application certificate lives in {@code pkiDir/own/} and survives restarts, so a client
 * that trusted it once keeps trusting it. Client certificates are all accepted (it is a
 * simulator). {@link #stop()} shuts the server down and {@link #restart()} starts a new one on
 * the same port, with the models' counters carrying on.
 */
public final class OpcUaSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OpcUaSimulator.class);
    private static final String PATH = "/carbonedge-sim";

    private final int port;
    private final PkiDirectory pki;
    private final SimulatorOptions options;
    private final ApplicationCertificate certificate;
    private final ScheduledExecutorService ticker;
    private volatile OpcUaServer server;
    private volatile SimulatorNamespace namespace;
    private long tickCount;

    private OpcUaSimulator(int port, PkiDirectory pki, SimulatorOptions options, ApplicationCertificate certificate) {
        this.port = port;
        this.pki = pki;
        this.options = options;
        this.certificate = certificate;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "opcua-simulator-" + port);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a server on {@code 127.0.0.1:port}.
     *
     * @param port    the TCP port, or 0 for a free one (see {@link #port()})
     * @param pkiDir  where the server keeps its certificate (created on first start)
     * @param options endpoints, identities, devices
     */
    public static OpcUaSimulator start(int port, Path pkiDir, SimulatorOptions options) throws IOException {
        CryptoProvider.ensureInstalled();
        PkiDirectory pki = new PkiDirectory(pkiDir);
        ApplicationCertificate certificate = pki.applicationCertificate(
                "urn:carbonedge:opcua-simulator:" + PkiDirectory.hostName(), "CarbonEdge OPC UA simulator");
        int chosen = port != 0 ? port : freePort();
        OpcUaSimulator simulator = new OpcUaSimulator(chosen, pki, options, certificate);
        simulator.startServer();
        simulator.ticker.scheduleAtFixedRate(simulator::tickQuietly, 0, options.tick().toNanos(), TimeUnit.NANOSECONDS);
        return simulator;
    }

    public int port() {
        return port;
    }

    /** {@code opc.tcp://127.0.0.1:PORT/carbonedge-sim}. */
    public String endpointUrl() {
        return "opc.tcp://127.0.0.1:" + port + PATH;
    }

    /** The server's application instance certificate (what a client must trust). */
    public X509Certificate certificate() {
        return certificate.certificate();
    }

    /** The namespace index of the devices' nodes ({@code ns=2} in practice). */
    public int namespaceIndex() {
        SimulatorNamespace ns = namespace;
        if (ns == null) {
            throw new IllegalStateException("simulator stopped");
        }
        return ns.getNamespaceIndex().intValue();
    }

    /** Sessions the server holds now (created or activated); 0 when stopped. */
    public int sessionCount() {
        OpcUaServer s = server;
        return s == null ? 0 : s.getSessionManager().getCurrentSessionCount().intValue();
    }

    public boolean isRunning() {
        return server != null;
    }

    /** Sets a variable, e.g. {@code set("Test.Number", 42.0)}, with Good status and the current time. */
    public void set(String nodeName, Object value) {
        setWithStatus(nodeName, value, 0L);
    }

    /** Sets a variable with a given status code, e.g. {@code StatusCodes.Uncertain_SensorNotAccurate}. */
    public void setWithStatus(String nodeName, Object value, long statusCode) {
        SimulatorNamespace ns = namespace;
        if (ns == null) {
            throw new IllegalStateException("simulator stopped");
        }
        ns.set(nodeName, value, new StatusCode(statusCode), Instant.now());
    }

    /** Shuts the server down; the models pause until {@link #restart()}. */
    public synchronized void stop() {
        OpcUaServer s = server;
        if (s == null) {
            return;
        }
        server = null;
        namespace = null;
        try {
            s.shutdown().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("simulator on port {} did not shut down cleanly: {}", port, e.toString());
        }
    }

    /** Starts the server again on the same port, with the same certificate and options. */
    public synchronized void restart() throws IOException {
        if (server == null) {
            startServer();
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        stop();
    }

    private synchronized void startServer() throws IOException {
        try {
            OpcUaServer s = new OpcUaServer(config(), profile -> {
                if (profile != TransportProfile.TCP_UASC_UABINARY) {
                    throw new IllegalArgumentException("only opc.tcp: " + profile);
                }
                return new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build());
            });
            SimulatorNamespace ns = new SimulatorNamespace(s, options.models(), options.benchPoints());
            ns.startup();
            s.startup().get(30, TimeUnit.SECONDS);
            namespace = ns;
            server = s;
            tick();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the simulator", e);
        } catch (Exception e) {
            throw new IOException("cannot start the OPC UA simulator on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    private OpcUaServerConfig config() throws Exception {
        CertificateStore store = new MemoryCertificateStore();
        store.set(NodeIds.RsaSha256ApplicationCertificateType,
                new CertificateStore.Entry(certificate.keyPair().getPrivate(), new X509Certificate[] {certificate.certificate()}));
        RsaSha256CertificateFactory factory = new RsaSha256CertificateFactory() {
            @Override
            protected X509Certificate[] createRsaSha256CertificateChain(java.security.KeyPair keyPair) {
                return new X509Certificate[] {certificate.certificate()};
            }
        };
        DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(
                new MemoryTrustListManager(), store, factory, (chain, uri, hosts) -> { });
        return OpcUaServerConfig.builder()
                .setApplicationUri(certificate.applicationUri())
                .setApplicationName(LocalizedText.english("CarbonEdge OPC UA simulator"))
                .setProductUri("urn:carbonedge:opcua-simulator")
                .setBuildInfo(new BuildInfo("urn:carbonedge:opcua-simulator", "CarbonEdge", "OPC UA simulator",
                        OpcUaServer.SDK_VERSION, "", DateTime.now()))
                .setEndpoints(endpoints())
                .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine(), group))
                .setIdentityValidator(identityValidator())
                .build();
    }

    private Set<EndpointConfig> endpoints() {
        List<UserTokenPolicy> tokens = new ArrayList<>();
        if (options.anonymous()) {
            tokens.add(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS);
        }
        if (!options.users().isEmpty()) {
            tokens.add(OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME);
        }
        if (!options.userCertificates().isEmpty()) {
            tokens.add(OpcUaServerConfig.USER_TOKEN_POLICY_X509);
        }
        EndpointConfig.Builder base = EndpointConfig.newBuilder()
                .setBindAddress("127.0.0.1")
                .setBindPort(port)
                .setHostname("127.0.0.1")
                .setPath(PATH)
                .setCertificate(certificate.certificate())
                .addTokenPolicies(tokens.toArray(UserTokenPolicy[]::new));
        Set<EndpointConfig> endpoints = new LinkedHashSet<>();
        for (SimulatorOptions.Endpoint endpoint : options.endpoints()) {
            endpoints.add(base.copy()
                    .setSecurityPolicy(endpoint.policy().milo())
                    .setSecurityMode(endpoint.mode().milo())
                    .build());
        }
        return endpoints;
    }

    private IdentityValidator identityValidator() {
        List<IdentityValidator> validators = new ArrayList<>();
        if (options.anonymous()) {
            validators.add(AnonymousIdentityValidator.INSTANCE);
        }
        validators.add(new UsernameIdentityValidator(challenge ->
                challenge.getPassword().equals(options.users().get(challenge.getUsername()))));
        validators.add(new X509IdentityValidator(options.userCertificates()::contains));
        return new CompositeValidator(validators);
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("simulator update failed", e);
        }
    }

    private synchronized void tick() {
        SimulatorNamespace ns = namespace;
        if (ns == null) {
            return;
        }
        Instant now = Instant.now();
        StatusCode good = StatusCode.GOOD;
        for (DeviceModel model : options.models()) {
            double[] values = model.advance(now);
            List<SimulatedValue> variables = model.variables();
            for (int i = 0; i < values.length; i++) {
                ns.set(model.folder() + "." + variables.get(i).name(), values[i], good, now);
            }
        }
        tickCount++;
        for (int i = 0; i < options.benchPoints(); i++) {
            ns.set(String.format("Bench.P%05d", i), tickCount + i * 0.001, good, now);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}

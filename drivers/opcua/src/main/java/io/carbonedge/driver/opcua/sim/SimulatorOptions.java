package io.carbonedge.driver.opcua.sim;

import io.carbonedge.driver.opcua.OpcUaSecurityMode;
import io.carbonedge.driver.opcua.OpcUaSecurityPolicy;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an {@link OpcUaSimulator} offers. Start from {@link #defaults()} and change with the
 * {@code with…} methods.
 *
 * @param endpoints        the security policy and mode of each endpoint
 * @param anonymous        whether anonymous sessions are accepted
 * @param users            user name to password, for user name identities
 * @param userCertificates certificates accepted as X.509 user identities
 * @param models           the devices, each a folder under Objects
 * @param benchPoints      number of extra variables {@code Bench.P00000…} that change on every tick
 * @param tick             how often the models advance and the variables change
 */
public record SimulatorOptions(Set<Endpoint> endpoints, boolean anonymous, Map<String, String> users,
                               List<X509Certificate> userCertificates, List<DeviceModel> models,
                               int benchPoints, Duration tick) {

    /** One endpoint's security. */
    public record Endpoint(OpcUaSecurityPolicy policy, OpcUaSecurityMode mode) {
    }

    public SimulatorOptions {
        endpoints = Set.copyOf(new LinkedHashSet<>(endpoints));
        users = Map.copyOf(users);
        userCertificates = List.copyOf(userCertificates);
        models = List.copyOf(models);
    }

    /**
     * Every endpoint (None, and Sign and SignAndEncrypt under each secure policy), anonymous
     * sessions, a gas boiler ({@code Boiler1}) and a cement kiln ({@code Kiln1}), a 250 ms tick.
     */
    public static SimulatorOptions defaults() {
        Set<Endpoint> all = new LinkedHashSet<>();
        all.add(new Endpoint(OpcUaSecurityPolicy.NONE, OpcUaSecurityMode.NONE));
        for (OpcUaSecurityPolicy policy : OpcUaSecurityPolicy.values()) {
            if (policy != OpcUaSecurityPolicy.NONE) {
                all.add(new Endpoint(policy, OpcUaSecurityMode.SIGN));
                all.add(new Endpoint(policy, OpcUaSecurityMode.SIGN_AND_ENCRYPT));
            }
        }
        return new SimulatorOptions(all, true, Map.of(), List.of(),
                List.of(new GasBoilerModel(), new CementKilnModel()), 0, Duration.ofMillis(250));
    }

    /** Only these endpoints. */
    public SimulatorOptions withEndpoints(Endpoint... only) {
        return new SimulatorOptions(Set.of(only), anonymous, users, userCertificates, models, benchPoints, tick);
    }

    public SimulatorOptions withAnonymous(boolean allowed) {
        return new SimulatorOptions(endpoints, allowed, users, userCertificates, models, benchPoints, tick);
    }

    public SimulatorOptions withUser(String user, String password) {
        Map<String, String> more = new java.util.HashMap<>(users);
        more.put(user, password);
        return new SimulatorOptions(endpoints, anonymous, more, userCertificates, models, benchPoints, tick);
    }

    public SimulatorOptions withUserCertificate(X509Certificate certificate) {
        List<X509Certificate> more = new ArrayList<>(userCertificates);
        more.add(certificate);
        return new SimulatorOptions(endpoints, anonymous, users, more, models, benchPoints, tick);
    }

    public SimulatorOptions withBenchPoints(int count) {
        return new SimulatorOptions(endpoints, anonymous, users, userCertificates, models, count, tick);
    }

    public SimulatorOptions withTick(Duration every) {
        return new SimulatorOptions(endpoints, anonymous, users, userCertificates, models, benchPoints, every);
    }

    public SimulatorOptions withModels(DeviceModel... devices) {
        return new SimulatorOptions(endpoints, anonymous, users, userCertificates, List.of(devices), benchPoints, tick);
    }
}

package io.carbonedge.driver.opcua;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;

/** Picks, from what a server offers, the endpoint with the configured policy, mode and identity type. */
final class EndpointChooser {

    private EndpointChooser() {
    }

    static EndpointDescription choose(List<EndpointDescription> offered, OpcUaConnection connection) throws UaException {
        String policyUri = connection.policy().milo().getUri();
        List<EndpointDescription> matching = offered.stream()
                .filter(e -> policyUri.equals(e.getSecurityPolicyUri()))
                .filter(e -> e.getSecurityMode() == connection.mode().milo())
                .filter(e -> e.getEndpointUrl() != null && e.getEndpointUrl().startsWith("opc.tcp:"))
                .toList();
        if (matching.isEmpty()) {
            throw new UaException(StatusCodes.Bad_ConfigurationError, "the server offers no endpoint with "
                    + name(connection.policy()) + " / " + name(connection.mode()) + " (it offers: " + describe(offered) + ")");
        }
        UserTokenType wanted = tokenType(connection.identity());
        return matching.stream()
                .filter(e -> tokens(e).anyMatch(t -> t.getTokenType() == wanted))
                .findFirst()
                .orElseThrow(() -> new UaException(StatusCodes.Bad_IdentityTokenRejected, "the server's "
                        + name(connection.policy()) + " / " + name(connection.mode()) + " endpoint does not accept "
                        + wanted.name().toLowerCase(Locale.ROOT) + " identities"));
    }

    private static Stream<UserTokenPolicy> tokens(EndpointDescription e) {
        return e.getUserIdentityTokens() == null ? Stream.empty() : Stream.of(e.getUserIdentityTokens());
    }

    private static UserTokenType tokenType(Identity identity) {
        if (identity instanceof Identity.Username) {
            return UserTokenType.UserName;
        }
        if (identity instanceof Identity.X509) {
            return UserTokenType.Certificate;
        }
        return UserTokenType.Anonymous;
    }

    private static String describe(List<EndpointDescription> offered) {
        return offered.stream()
                .map(e -> SecurityPolicy.fromUriSafe(e.getSecurityPolicyUri()).map(Enum::name).orElse(e.getSecurityPolicyUri())
                        + "/" + e.getSecurityMode())
                .distinct()
                .collect(Collectors.joining(", "));
    }

    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

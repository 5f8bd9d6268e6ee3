package io.carbonedge.driver.opcua;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/** Turns a failed connection attempt into the short reason a technician reads. */
final class ConnectFailures {

    private ConnectFailures() {
    }

    static String describe(Throwable failure, OpcUaConnection connection, String rejectedCertificate) {
        Throwable e = unwrap(failure);
        String url = connection.endpointUrl();
        if (rejectedCertificate != null) {
            return "server certificate " + rejectedCertificate + " is not trusted; trust it with: carbonedge pki trust "
                    + rejectedCertificate;
        }
        if (e instanceof TimeoutException) {
            return "no answer from " + url + " within " + connection.timeout().toMillis() + " ms";
        }
        if (e instanceof ConnectException) {
            return "cannot connect to " + url + ": connection refused";
        }
        if (e instanceof NoSuchFileException nf) {
            return "file not found: " + nf.getFile();
        }
        if (e instanceof UaException ua) {
            StatusCode status = ua.getStatusCode();
            long code = status.getValue();
            if (code == StatusCodes.Bad_ConfigurationError || code == StatusCodes.Bad_IdentityTokenRejected
                    && ua.getMessage() != null && ua.getMessage().startsWith("the server")) {
                return ua.getMessage();
            }
            if (code == StatusCodes.Bad_UserAccessDenied || code == StatusCodes.Bad_IdentityTokenInvalid
                    || code == StatusCodes.Bad_IdentityTokenRejected) {
                return "the server refused the gateway's identity (" + ValueMapper.statusName(status) + ")";
            }
            if (code == StatusCodes.Bad_CertificateUntrusted || code == StatusCodes.Bad_SecurityChecksFailed) {
                return "security checks failed with " + url + " (" + ValueMapper.statusName(status)
                        + "); if the server refused the gateway's certificate, trust it on the server";
            }
            if (e.getCause() instanceof ConnectException) {
                return "cannot connect to " + url + ": connection refused";
            }
            return "cannot connect to " + url + ": " + ValueMapper.statusName(status);
        }
        if (e instanceof IOException io) {
            return "cannot connect to " + url + ": " + io.getMessage();
        }
        return "cannot connect to " + url + ": " + e;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof java.util.concurrent.CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof UaException && t.getCause() instanceof ConnectException c) {
            return c;
        }
        return t;
    }
}

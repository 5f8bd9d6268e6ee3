package io.carbonedge.agent.uplink;

import io.carbonedge.agent.config.PayloadFormat;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.exception.ConnectorException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link CoapUplink} over Eclipse Californium: a confirmable POST to a {@code coap://} URI from its
 * own UDP endpoint on an ephemeral port, block-wise in 1024-byte blocks when the batch does not fit
 * one datagram. The only class on the gateway side that sees Californium. Not meant for concurrent
 * sends (one uplink worker thread uses it).
 */
public final class CaliforniumUplink implements CoapUplink {

    private static final int MAX_REASON_CHARS = 200;

    private final URI uri;
    private final Duration timeout;
    private final CoapEndpoint endpoint;
    private final CoapClient client;
    private volatile boolean closed;

    /**
     * Binds the local endpoint (an ephemeral UDP port on all interfaces).
     *
     * @param uri     the platform's resource, {@code coap://host:port/path}
     * @param timeout how long to wait for the response to a whole batch, blocks included
     * @throws IOException when no local UDP port can be bound
     */
    public CaliforniumUplink(URI uri, Duration timeout) throws IOException {
        if (!"coap".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("only coap:// is supported yet, not " + uri);
        }
        this.uri = Objects.requireNonNull(uri, "uri");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.endpoint = CoapEndpoint.builder()
                .setConfiguration(CoapSettings.client())
                .setInetSocketAddress(new InetSocketAddress(0))
                .build();
        endpoint.start();
        this.client = new CoapClient(uri);
        client.setEndpoint(endpoint);
        client.setTimeout(Math.max(1, timeout.toMillis()));
        client.useCONs();
    }

    @Override
    public SendResult send(byte[] payload, PayloadFormat format) {
        if (closed) {
            return SendResult.retry("uplink closed");
        }
        Request request = Request.newPost();
        request.setURI(uri);
        request.setPayload(payload);
        request.getOptions().setContentFormat(contentFormat(format));
        CoapResponse response;
        try {
            response = client.advanced(request);
        } catch (ConnectorException e) {
            return SendResult.retry("transport error: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return SendResult.retry("transport error: " + e);
        }
        if (response == null) {
            return SendResult.retry("no response within " + timeout.toMillis() + " ms");
        }
        return interpret(response);
    }

    static SendResult interpret(CoapResponse response) {
        CoAP.ResponseCode code = response.getCode();
        String text = code.text + " " + code.name();
        String diagnostic = response.getPayloadSize() > 0 ? response.getResponseText() : "";
        if (!diagnostic.isEmpty()) {
            text = text + ": " + (diagnostic.length() > MAX_REASON_CHARS
                    ? diagnostic.substring(0, MAX_REASON_CHARS) + "…" : diagnostic);
        }
        if (code.codeClass == 2) {
            return SendResult.delivered();
        }
        // 4.08 (a block-wise transfer the platform lost, e.g. across a restart) and 4.29 (too many
        // requests) say "not now", not "never".
        if (code.codeClass == 4 && code != CoAP.ResponseCode.REQUEST_ENTITY_INCOMPLETE
                && code != CoAP.ResponseCode.TOO_MANY_REQUESTS) {
            return SendResult.rejected(text);
        }
        return SendResult.retry(text);
    }

    /** The CoAP content-format number of an encoding. */
    public static int contentFormat(PayloadFormat format) {
        return format == PayloadFormat.SENML_CBOR
                ? MediaTypeRegistry.APPLICATION_SENML_CBOR
                : MediaTypeRegistry.APPLICATION_SENML_JSON;
    }

    /** For tests that watch the messages on the wire. */
    CoapEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        closed = true;
        client.shutdown();
        endpoint.destroy();
    }
}

package io.carbonedge.agent.uplink;

import io.carbonedge.agent.config.PayloadFormat;
import io.carbonedge.agent.config.UplinkSecurity;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.exception.ConnectorException;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.dtls.HandshakeException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * {@link CoapUplink} over Eclipse Californium: a confirmable POST to a {@code coap://} or
 * {@code coaps://} URI from its own endpoint on an ephemeral port, block-wise in 1024-byte blocks
 * when the batch does not fit one datagram. A {@code coaps://} uplink has a DTLS endpoint only, so
 * it cannot send in plain text: a failed handshake (wrong key, untrusted certificate) is a
 * {@link Outcome#RETRY}, never a fallback. The only class on the gateway side that sees
 * Californium (with {@link DtlsSettings}). Not meant for concurrent sends (one uplink worker thread
 * uses it).
 *
 * <p>A CoAP endpoint may not reuse a message ID towards the same peer within EXCHANGE_LIFETIME
 * (247 s, RFC 7252 4.4), so one local port has 65,536 messages per 247 s: 265 blocks/s, about 6,000
 * readings/s. A drain on a fast link would use them up in seconds and then wait for free IDs; so
 * before a batch would overrun {@link #MESSAGES_PER_ENDPOINT} the uplink moves to a fresh local port
 * (and a fresh DTLS session), which the platform sees as a new peer with its own message IDs.
 */
public final class CaliforniumUplink implements CoapUplink {

    private static final int MAX_REASON_CHARS = 200;
    /**
     * 4.xx answers that are not about the batch: 4.08 (a block-wise transfer the platform lost,
     * e.g. across a restart) and 4.29 (too many requests) say "not now"; the others say the
     * platform is not (yet) set up for this gateway, resource, method or format.
     */
    private static final Set<CoAP.ResponseCode> NOT_THIS_BATCH = EnumSet.of(
            CoAP.ResponseCode.REQUEST_ENTITY_INCOMPLETE, CoAP.ResponseCode.TOO_MANY_REQUESTS,
            CoAP.ResponseCode.UNAUTHORIZED, CoAP.ResponseCode.FORBIDDEN, CoAP.ResponseCode.NOT_FOUND,
            CoAP.ResponseCode.METHOD_NOT_ALLOWED, CoAP.ResponseCode.NOT_ACCEPTABLE,
            CoAP.ResponseCode.UNSUPPORTED_CONTENT_FORMAT);

    /**
     * Messages sent from one local port before moving to the next. Californium leases message IDs in
     * 16 groups of 4,096 and refuses one when the next group is still leased, so as few as 14 groups
     * (57,344 IDs) may be usable in EXCHANGE_LIFETIME; this keeps a margin below that.
     */
    static final int MESSAGES_PER_ENDPOINT = 50_000;

    private final URI uri;
    private final Duration timeout;
    private final UplinkSecurity security;
    private final int messagesPerEndpoint;
    private final CoapClient client;
    private CoapEndpoint endpoint;
    private DTLSConnector dtls;
    private int messagesOnEndpoint;
    private volatile boolean closed;

    /** A plain {@code coap://} uplink. */
    public CaliforniumUplink(URI uri, Duration timeout) throws IOException {
        this(uri, timeout, UplinkSecurity.none());
    }

    /**
     * Binds the local endpoint (an ephemeral UDP port on all interfaces): DTLS for {@code coaps://}.
     *
     * @param uri      the platform's resource, {@code coap://host:port/path} or {@code coaps://…}
     * @param timeout  how long to wait for the response to a whole batch, blocks (and handshake) included
     * @param security none for {@code coap://}; PSK or X.509 for {@code coaps://}
     * @throws IOException when no local UDP port can be bound
     * @throws IllegalArgumentException when scheme and security do not go together
     */
    public CaliforniumUplink(URI uri, Duration timeout, UplinkSecurity security) throws IOException {
        this(uri, timeout, security, MESSAGES_PER_ENDPOINT);
    }

    /** With a smaller message budget per local port, for tests that watch it move. */
    CaliforniumUplink(URI uri, Duration timeout, UplinkSecurity security, int messagesPerEndpoint) throws IOException {
        this.messagesPerEndpoint = messagesPerEndpoint;
        this.uri = Objects.requireNonNull(uri, "uri");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        boolean plain = security instanceof UplinkSecurity.None;
        if ("coaps".equalsIgnoreCase(uri.getScheme()) && plain) {
            throw new IllegalArgumentException("a coaps:// uplink needs PSK or X.509 credentials: " + uri);
        } else if ("coap".equalsIgnoreCase(uri.getScheme()) && !plain) {
            throw new IllegalArgumentException("DTLS credentials given for a plain coap:// uplink: " + uri);
        } else if (!"coap".equalsIgnoreCase(uri.getScheme()) && !"coaps".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("expected a coap:// or coaps:// URI, got " + uri);
        }
        this.security = security;
        this.client = new CoapClient(uri);
        client.setTimeout(Math.max(1, timeout.toMillis()));
        client.useCONs();
        openEndpoint();
    }

    /** A new local endpoint on an ephemeral port (with a DTLS connector for {@code coaps://}) for the client. */
    private void openEndpoint() throws IOException {
        CoapEndpoint.Builder builder = CoapEndpoint.builder().setConfiguration(CoapSettings.client());
        if (security instanceof UplinkSecurity.None) {
            dtls = null;
            builder.setInetSocketAddress(new InetSocketAddress(0));
        } else {
            dtls = DtlsSettings.client(security, CoapSettings.client());
            builder.setConnector(dtls);
        }
        endpoint = builder.build();
        endpoint.start();
        client.setEndpoint(endpoint);
        messagesOnEndpoint = 0;
    }

    /** Moves to a fresh endpoint when this batch's blocks would overrun the message IDs left on this one. */
    private void reserveMessages(int payloadBytes) throws IOException {
        int messages = payloadBytes / CoapSettings.BLOCK_SIZE + 1;
        if (messagesOnEndpoint + messages > messagesPerEndpoint) {
            CoapEndpoint used = endpoint;
            openEndpoint();
            used.destroy();
        }
        messagesOnEndpoint += messages;
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
        HandshakeWatch handshake = new HandshakeWatch();
        request.addMessageObserver(handshake);
        CoapResponse response;
        try {
            reserveMessages(payload.length);
            response = client.advanced(request);
        } catch (ConnectorException | IOException | RuntimeException e) {
            return failed(e);
        }
        if (response == null) {
            if (dtls == null) {
                return SendResult.retry("no response within " + timeout.toMillis() + " ms");
            }
            // The platform may have lost our DTLS session (a restart, a NAT rebinding): start the
            // next attempt with a fresh handshake instead of talking into the void.
            dtls.clearConnectionState();
            if (handshake.error != null) {
                return failed(handshake.error);
            }
            if (handshake.started && !handshake.established) {
                // A peer that cannot verify our Finished message drops it silently (RFC 6347
                // 4.1.2.7), so a wrong key looks like silence: say which silence it was.
                return SendResult.retry("DTLS handshake with " + uri.getHost() + ":" + port()
                        + " did not complete within " + timeout.toMillis() + " ms (" + hint() + ")");
            }
            return SendResult.retry("no response within " + timeout.toMillis() + " ms");
        }
        return interpret(response);
    }

    /** What the DTLS layer did for one request. */
    private static final class HandshakeWatch extends MessageObserverAdapter {
        volatile boolean started;
        volatile boolean established;
        volatile Throwable error;

        @Override
        public void onConnecting() {
            started = true;
        }

        @Override
        public void onContextEstablished(EndpointContext context) {
            established = true;
        }

        @Override
        public void onSendError(Throwable e) {
            error = e;
        }
    }

    private SendResult failed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HandshakeException handshake) {
                return SendResult.retry("DTLS handshake with " + uri.getHost() + ":" + port() + " failed: "
                        + handshake.getMessage() + " (" + hint() + ")");
            }
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return SendResult.retry("transport error: " + (cause.getMessage() != null ? cause.getMessage() : cause));
    }

    private String hint() {
        return security instanceof UplinkSecurity.Psk ? "do the PSK identity and key match what the platform has for this gateway?"
                : "is the platform's certificate signed by trusted-ca and issued for this host, and does the "
                        + "platform trust this gateway's certificate?";
    }

    private int port() {
        return uri.getPort() > 0 ? uri.getPort() : dtls != null ? 5684 : 5683;
    }

    /**
     * 2.xx DELIVERED. 4.08 and 4.29 ("not now") RETRY. 4.01, 4.03, 4.04, 4.05, 4.06 and 4.15 say that
     * this gateway, resource or format is not set up on the platform, which is true of every batch,
     * not a fault of this one: RETRY, so that a platform being configured does not get the whole
     * backlog parked. Any other 4.xx REJECTED (the batch is parked). Everything else RETRY.
     */
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
        if (code.codeClass == 4 && !NOT_THIS_BATCH.contains(code)) {
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

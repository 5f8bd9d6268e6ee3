package io.carbonedge.agent.receiver;

import io.carbonedge.agent.config.PayloadFormat;
import io.carbonedge.agent.uplink.SenmlDecoder;
import io.carbonedge.agent.uplink.SenmlFormatException;
import io.carbonedge.agent.uplink.SenmlRecord;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.List;

/**
 * The platform's upload resource: POST a SenML pack (CBOR 112 or JSON 110); 2.04 once it is
 * committed, 4.15 for other content formats, 4.00 with a diagnostic when it cannot be read, 5.00
 * when storing failed (the gateway retries).
 */
final class SenmlResource extends CoapResource {

    private static final Logger LOG = LoggerFactory.getLogger(SenmlResource.class);

    private final SenmlDecoder decoder = new SenmlDecoder();
    private final BatchReader reader = new BatchReader();
    private final ReceiverStore store;

    SenmlResource(String name, ReceiverStore store) {
        super(name);
        this.store = store;
        getAttributes().setTitle("CarbonEdge SenML upload");
        getAttributes().addContentType(MediaTypeRegistry.APPLICATION_SENML_CBOR);
        getAttributes().addContentType(MediaTypeRegistry.APPLICATION_SENML_JSON);
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        int contentFormat = exchange.getRequestOptions().getContentFormat();
        PayloadFormat format;
        if (contentFormat == MediaTypeRegistry.APPLICATION_SENML_CBOR) {
            format = PayloadFormat.SENML_CBOR;
        } else if (contentFormat == MediaTypeRegistry.APPLICATION_SENML_JSON) {
            format = PayloadFormat.SENML_JSON;
        } else {
            exchange.respond(ResponseCode.UNSUPPORTED_CONTENT_FORMAT,
                    "content-format 112 (senml+cbor) or 110 (senml+json) expected");
            return;
        }
        ReceivedBatch batch;
        try {
            List<SenmlRecord> records = decoder.decode(exchange.getRequestPayload(), format);
            batch = reader.read(records);
        } catch (SenmlFormatException e) {
            exchange.respond(ResponseCode.BAD_REQUEST, e.getMessage());
            return;
        }
        try {
            store.store(batch);
        } catch (SQLException e) {
            LOG.error("Cannot store a batch from {}", exchange.getSourceSocketAddress(), e);
            exchange.respond(ResponseCode.INTERNAL_SERVER_ERROR, "cannot store the batch");
            return;
        }
        exchange.respond(ResponseCode.CHANGED);
    }
}

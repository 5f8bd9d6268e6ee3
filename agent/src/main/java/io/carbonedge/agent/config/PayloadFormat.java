package io.carbonedge.agent.config;

/** How batches are encoded on the wire. */
public enum PayloadFormat {
    /** SenML CBOR, CoAP content-format 112 (default: about half the size of JSON). */
    SENML_CBOR,
    /** SenML JSON, CoAP content-format 110. */
    SENML_JSON
}

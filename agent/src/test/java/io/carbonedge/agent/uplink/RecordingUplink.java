package io.carbonedge.agent.uplink;

import io.carbonedge.agent.config.PayloadFormat;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Passes sends on to a real uplink and records each payload's hash and outcome. */
final class RecordingUplink implements CoapUplink {

    /** One send as it happened. */
    record Attempt(int payloadHash, Outcome outcome) {
    }

    private final CoapUplink delegate;
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

    RecordingUplink(CoapUplink delegate) {
        this.delegate = delegate;
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    long count(Outcome outcome) {
        return attempts.stream().filter(a -> a.outcome() == outcome).count();
    }

    @Override
    public SendResult send(byte[] payload, PayloadFormat format) {
        SendResult result = delegate.send(payload, format);
        attempts.add(new Attempt(Arrays.hashCode(payload), result.outcome()));
        return result;
    }

    @Override
    public void close() {
        delegate.close();
    }
}

package org.signet.mailconnector.adapter;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.function.Function;
import org.signet.mailconnector.SmtpListener;

/**
 * The activated message-driven bean, seen from the listener: each call takes an endpoint instance
 * from the container, invokes it and gives it back (Jakarta Connectors 2.1, 13.5).
 */
final class ListenerEndpoint {

    private final MessageEndpointFactory factory;

    ListenerEndpoint(MessageEndpointFactory factory) {
        this.factory = factory;
    }

    <T> T call(Function<SmtpListener, T> call) {
        MessageEndpoint endpoint;
        try {
            endpoint = factory.createEndpoint(null);
        } catch (ResourceException e) {
            throw new IllegalStateException("no SMTP listener bean is available", e);
        }
        try {
            return call.apply((SmtpListener) endpoint);
        } finally {
            endpoint.release();
        }
    }

    String name() {
        return factory.getActivationName();
    }
}

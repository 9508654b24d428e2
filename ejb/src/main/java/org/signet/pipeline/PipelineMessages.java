package org.signet.pipeline;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

/** What the pipeline consumers read from a message: the mail id and how often it came. */
final class PipelineMessages {

    /** Artemis' default, and the one broker.xml sets. */
    static final int DEFAULT_DELIVERY_LIMIT = 5;

    private PipelineMessages() {}

    static String mailId(Message message) {
        try {
            return message.getBody(String.class);
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable pipeline message", e);
        }
    }

    static int intProperty(Message message, String name, int fallback) {
        try {
            return message.propertyExists(name) ? message.getIntProperty(name) : fallback;
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable property " + name, e);
        }
    }
}

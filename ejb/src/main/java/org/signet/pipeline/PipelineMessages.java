package org.signet.pipeline;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.signet.platform.Settings;

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

    /** How often the broker has delivered this message, counting this time (JMSXDeliveryCount). */
    static int deliveryCount(Message message) {
        try {
            return message.propertyExists("JMSXDeliveryCount")
                    ? message.getIntProperty("JMSXDeliveryCount")
                    : 1;
        } catch (JMSException e) {
            return 1;
        }
    }

    /** Whether the broker dead-letters the message if this delivery fails too. */
    static boolean isLastDelivery(Message message) {
        var limit = Settings.integer(Settings.PIPELINE_DELIVERY_LIMIT, DEFAULT_DELIVERY_LIMIT);
        return deliveryCount(message) >= limit;
    }

    static int intProperty(Message message, String name, int fallback) {
        try {
            return message.propertyExists(name) ? message.getIntProperty(name) : fallback;
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable property " + name, e);
        }
    }
}

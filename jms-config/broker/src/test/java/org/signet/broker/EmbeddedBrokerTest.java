package org.signet.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Session;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerTest {

    @TempDir Path data;

    private EmbeddedBroker broker;
    private int port;

    @BeforeEach
    void startBroker() throws Exception {
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        System.setProperty("signet.broker.port", Integer.toString(port));
        System.setProperty("signet.broker.max-delivery-attempts", "2");
        System.setProperty("signet.broker.redelivery-delay-ms", "0");
        broker =
                new EmbeddedBroker(
                        Path.of("src/main/resources/broker.xml"),
                        data,
                        new SingleUserSecurityManager("signet", "s3cret"));
        broker.start();
    }

    @AfterEach
    void stopBroker() throws Exception {
        broker.stop();
    }

    @Test
    void messageSentToJobsQueueIsReceivedBySignetUser() {
        try (var factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
                var context = factory.createContext("signet", "s3cret")) {
            var jobs = context.createQueue("signet.jobs");

            context.createProducer().send(jobs, "mail-1");

            assertThat(context.createConsumer(jobs).receiveBody(String.class, 5_000))
                    .isEqualTo("mail-1");
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        try (var factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port)) {
            assertThatThrownBy(() -> factory.createContext("signet", "guess").close())
                    .isInstanceOf(JMSSecurityRuntimeException.class);
        }
    }

    @Test
    void messageRolledBackUntilTheLimitEndsInDeadLetterQueue() {
        try (var factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
                var context =
                        factory.createContext("signet", "s3cret", Session.SESSION_TRANSACTED)) {
            var jobs = context.createQueue("signet.jobs");
            context.createProducer().send(jobs, "poison");
            context.commit();
            var consumer = context.createConsumer(jobs);

            for (int attempt = 1; attempt <= 2; attempt++) {
                assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("poison");
                context.rollback();
            }

            assertThat(consumer.receiveNoWait()).isNull();
            var dead = context.createConsumer(context.createQueue("signet.DLQ"));
            assertThat(dead.receiveBody(String.class, 5_000)).isEqualTo("poison");
            context.commit();
        }
    }
}

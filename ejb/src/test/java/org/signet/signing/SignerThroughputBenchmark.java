package org.signet.signing;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.signet.signing.TestPki.KeyType;

/**
 * Single-threaded signing throughput for a mail of about 10 KB. Prints mails per second and asserts
 * nothing about speed. Not part of the default run: {@code mvn -pl ejb test -Dgroups=benchmark
 * -DexcludedGroups=none}.
 */
@Tag("benchmark")
class SignerThroughputBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final Duration MEASURED = Duration.ofSeconds(4);

    private static TestPki pki;

    private final SmimeSigner signer = new SmimeSigner();
    private final Session session = Session.getInstance(new Properties());

    @BeforeAll
    static void createPki() {
        pki = TestPki.create();
    }

    @ParameterizedTest(name = "signing a 10 KB mail with {0}")
    @EnumSource(
            value = KeyType.class,
            names = {"RSA_2048", "EC_P256"})
    void signsTenKilobyteMailsSingleThreaded(KeyType type) throws Exception {
        var credentials = pki.issue(type, "billing@shop.example");
        var mail = tenKilobyteMail();

        signFor(WARM_UP, mail, credentials);
        long start = System.nanoTime();
        int count = signFor(MEASURED, mail, credentials);
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf(
                "Signer throughput, %s, %d octets signed: %.0f mails/s (%d mails in %.1f s)%n",
                type, signer.sign(mail, credentials).size(), count / seconds, count, seconds);
    }

    private int signFor(Duration duration, MimeMessage mail, SigningCredentials credentials)
            throws SigningException {
        long end = System.nanoTime() + duration.toNanos();
        int count = 0;
        while (System.nanoTime() < end) {
            signer.sign(mail, credentials);
            count++;
        }
        return count;
    }

    /** A text and an HTML alternative, together about 10 KB, as a typical invoice mail. */
    private MimeMessage tenKilobyteMail() throws Exception {
        var paragraph = "Thank you for your order. Your invoice 4711 is ready; Grüße aus Köln.\n";
        var text = new MimeBodyPart();
        text.setText(paragraph.repeat(60), "UTF-8");
        var html = new MimeBodyPart();
        html.setText("<p>" + paragraph.repeat(60) + "</p>", "UTF-8", "html");

        var mail = SampleMail.PLAIN_TEXT.compose(session);
        mail.setContent(new MimeMultipart("alternative", text, html));
        return mail;
    }
}

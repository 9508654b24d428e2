package org.signet.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** What the relay sink of the test runtime received: one .eml and one .envelope per mail. */
final class RelaySinkFolder {

    static final Path DIR = Path.of(System.getProperty("signet.relay-sink.dir"));

    /** One mail as the relay received it. */
    record Received(Path eml, byte[] bytes, String envelope) {

        String text() {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
    }

    private RelaySinkFolder() {}

    /** Every mail the relay received with this Message-ID (more than one is a duplicate). */
    static List<Received> withMessageId(String messageId) {
        var found = new ArrayList<Received>();
        for (var eml : emls()) {
            if (messageId.equals(messageIdOf(eml))) {
                found.add(read(eml));
            }
        }
        return found;
    }

    /** The Message-ID of every mail received so far, one entry per received copy. */
    static List<String> messageIds() {
        return emls().stream().map(RelaySinkFolder::messageIdOf).toList();
    }

    private static List<Path> emls() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + DIR, e);
        }
    }

    /** Reads only the header block: the folder can hold a thousand large mails. */
    private static String messageIdOf(Path eml) {
        try (InputStream in = Files.newInputStream(eml)) {
            var head = new String(in.readNBytes(16 * 1024), StandardCharsets.US_ASCII);
            var end = head.indexOf("\r\n\r\n");
            for (var line : (end < 0 ? head : head.substring(0, end)).split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("message-id:")) {
                    return line.substring("message-id:".length()).strip();
                }
            }
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + eml, e);
        }
    }

    private static Received read(Path eml) {
        try {
            var envelope =
                    eml.resolveSibling(eml.getFileName().toString().replace(".eml", ".envelope"));
            return new Received(eml, Files.readAllBytes(eml), Files.readString(envelope));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + eml, e);
        }
    }
}

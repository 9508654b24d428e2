package org.signet.mailconnector.adapter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the content of DATA while counting what the client sends, since advertising SIZE binds no
 * client: the whole message, the header section and each line are held to their limits. A message
 * over a limit is read to its end (so that the session stays in step with the client) up to a
 * bound, and refused.
 */
final class DataLimits {

    /** Why a message was refused while it was read. */
    enum Exceeded {
        MESSAGE_SIZE(552, "5.3.4 Message too big: the limit is %d bytes"),
        HEADER_SIZE(552, "5.3.4 Message header too large: the limit is %d bytes"),
        LINE_LENGTH(
                554, "5.6.0 Line too long: the limit is %d bytes including CRLF (RFC 5322 2.1.1)");

        final int code;
        private final String text;

        Exceeded(int code, String text) {
            this.code = code;
            this.text = text;
        }

        String text(long limit) {
            return String.format(text, limit);
        }
    }

    /** A message over a limit, and whether the rest of DATA could be read and discarded. */
    static final class LimitExceededException extends IOException {

        private static final long serialVersionUID = 1L;

        final Exceeded exceeded;
        final long limit;
        final boolean drained;

        LimitExceededException(Exceeded exceeded, long limit, boolean drained) {
            super(exceeded.text(limit));
            this.exceeded = exceeded;
            this.limit = limit;
            this.drained = drained;
        }
    }

    private final long maxMessageBytes;
    private final int maxHeaderBytes;
    private final int maxLineBytes;

    DataLimits(long maxMessageBytes, int maxHeaderBytes, int maxLineBytes) {
        this.maxMessageBytes = maxMessageBytes;
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * The content of DATA.
     *
     * @throws LimitExceededException when a limit was passed; the content is thrown away
     */
    byte[] read(InputStream data) throws IOException {
        var content = new ByteArrayOutputStream(8192);
        var buffer = new byte[8192];
        long total = 0;
        int line = 0;
        boolean inHeader = true;
        int headerBytes = 0;
        int previous = -1;

        int n;
        while ((n = data.read(buffer)) != -1) {
            for (int i = 0; i < n; i++) {
                int b = buffer[i] & 0xff;
                total++;
                line++;
                if (inHeader) {
                    headerBytes++;
                }
                if (b == '\n') {
                    // an empty line (CRLF alone, or a bare LF) ends the header section
                    if (inHeader && (line == 1 || (line == 2 && previous == '\r'))) {
                        inHeader = false;
                    }
                    line = 0;
                }
                previous = b;

                if (total > maxMessageBytes) {
                    throw exceeded(Exceeded.MESSAGE_SIZE, maxMessageBytes, data);
                }
                if (inHeader && headerBytes > maxHeaderBytes) {
                    throw exceeded(Exceeded.HEADER_SIZE, maxHeaderBytes, data);
                }
                if (line > maxLineBytes) {
                    throw exceeded(Exceeded.LINE_LENGTH, maxLineBytes, data);
                }
            }
            content.write(buffer, 0, n);
        }
        return content.toByteArray();
    }

    /** Reads what is left of DATA, up to the message limit once more, so the reply is in step. */
    private LimitExceededException exceeded(Exceeded exceeded, long limit, InputStream data)
            throws IOException {
        var bound = Math.max(maxMessageBytes, 1024 * 1024);
        long skipped = 0;
        var buffer = new byte[8192];
        int n;
        while (skipped <= bound && (n = data.read(buffer)) != -1) {
            skipped += n;
        }
        return new LimitExceededException(exceeded, limit, skipped <= bound);
    }
}

package org.signet.relaysink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The folder that holds what the sink accepted. Each mail is written under a temporary name and
 * then renamed, so that a reader never sees half a mail; the {@code .envelope} file is renamed
 * first, so a visible {@code .eml} always has its envelope.
 */
final class MailFolder {

    private static final Logger LOG = Logger.getLogger(MailFolder.class.getName());
    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Path folder;
    private final AtomicLong sequence = new AtomicLong();

    MailFolder(Path folder) {
        this.folder = folder;
    }

    Path keep(String from, List<String> recipients, byte[] mail) throws IOException {
        var name = NAME.format(ZonedDateTime.now()) + "-" + sequence.incrementAndGet();
        var envelope = new StringBuilder("MAIL FROM:<").append(from).append(">\n");
        for (var recipient : recipients) {
            envelope.append("RCPT TO:<").append(recipient).append(">\n");
        }

        write(
                folder.resolve(name + ".envelope"),
                envelope.toString().getBytes(StandardCharsets.UTF_8));
        var eml = write(folder.resolve(name + ".eml"), mail);
        LOG.log(
                Level.INFO,
                "Kept {0} ({1} bytes) from <{2}> to {3}",
                new Object[] {eml.getFileName(), mail.length, from, recipients});
        return eml;
    }

    private static Path write(Path target, byte[] content) throws IOException {
        var temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(temporary, content);
        return Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }
}

package org.signet.signing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code openssl cms -verify} trusting only a given root: the intermediate has to come from the
 * message. No {@code -binary}: with it, openssl 3.0 joins the lines of a multipart/signed part with
 * bare LFs and so rejects every correctly canonicalised message. Without it openssl makes line
 * endings CRLF itself, so it does not notice bare LFs; gpgsm, which hashes the part as it is, and
 * the signer's own structural tests do.
 */
final class OpensslCms {

    private final Path workDir;
    private final Path rootPem;

    OpensslCms(Path workDir, Path rootPem) {
        this.workDir = workDir;
        this.rootPem = rootPem;
    }

    /** Verifies a whole S/MIME message; the verified content is written to {@code content}. */
    ExternalTool.Run verify(byte[] message, Path content) throws IOException {
        Path in = Files.createTempFile(workDir, "signed", ".eml");
        Files.write(in, message);

        return ExternalTool.run(
                workDir,
                Map.of(),
                List.of(
                        "openssl",
                        "cms",
                        "-verify",
                        "-in",
                        in.toString(),
                        "-CAfile",
                        rootPem.toString(),
                        "-purpose",
                        "smimesign",
                        "-out",
                        content.toString()));
    }
}

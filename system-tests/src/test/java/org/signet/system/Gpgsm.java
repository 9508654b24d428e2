package org.signet.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code gpgsm --verify} of a received multipart/signed mail, in a home directory of its own that
 * trusts only the given root. gpgsm does not read MIME: the mail is split at its boundary (RFC
 * 1847) into the signed entity, byte for byte, and the detached signature.
 */
final class Gpgsm implements AutoCloseable {

    private static final Pattern BOUNDARY =
            Pattern.compile("boundary=\"?([^\";\\r\\n]+)\"?", Pattern.CASE_INSENSITIVE);

    private final Path home;

    Gpgsm(Path rootPem) {
        try {
            home = Files.createTempDirectory("signet-gpgsm");
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
            Files.writeString(
                    home.resolve("gpgsm.conf"),
                    "disable-crl-checks\ndisable-trusted-cert-crl-check\ndisable-dirmngr\n"
                            + "disable-policy-checks\n");
            var fingerprint =
                    run(List.of(
                                    "openssl",
                                    "x509",
                                    "-in",
                                    rootPem.toString(),
                                    "-noout",
                                    "-fingerprint",
                                    "-sha1"))
                            .replaceAll("(?s).*=", "")
                            .strip();
            Files.writeString(home.resolve("trustlist.txt"), fingerprint + " S relax\n");
            run(List.of("gpgsm", "--batch", "--import", rootPem.toString()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot set up gpgsm", e);
        }
    }

    /** Whether gpgsm reports a good signature over the mail's signed part. */
    boolean verifies(byte[] mail) {
        try {
            var text = new String(mail, StandardCharsets.US_ASCII);
            var matcher = BOUNDARY.matcher(text);
            if (!matcher.find()) {
                return false;
            }
            var delimiter = "\r\n--" + matcher.group(1);
            var first = text.indexOf(delimiter) + delimiter.length() + 2;
            var second = text.indexOf(delimiter, first);
            var third = text.indexOf(delimiter, second + delimiter.length());
            var entity = text.substring(first, second);
            var signaturePart = text.substring(second + delimiter.length() + 2, third);
            var body = signaturePart.substring(signaturePart.indexOf("\r\n\r\n") + 4);

            var entityFile =
                    Files.writeString(Files.createTempFile(home, "entity", ".mime"), entity);
            var signatureFile =
                    Files.write(
                            Files.createTempFile(home, "smime", ".p7s"),
                            Base64.getMimeDecoder().decode(body.strip()));
            var status =
                    run(
                            List.of(
                                    "gpgsm",
                                    "--batch",
                                    "--status-fd",
                                    "1",
                                    "--verify",
                                    signatureFile.toString(),
                                    entityFile.toString()));
            return status.contains("[GNUPG:] GOODSIG") && status.contains("TRUST_FULLY");
        } catch (IOException e) {
            throw new IllegalStateException("cannot run gpgsm", e);
        }
    }

    /** Stops the gpg-agent that gpgsm started for this home directory. */
    @Override
    public void close() {
        run(List.of("gpgconf", "--kill", "all"));
    }

    private String run(List<String> command) {
        try {
            var process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
            process.environment().put("GNUPGHOME", home.toString());
            process.environment().put("LC_ALL", "C");
            var started = process.start();
            var output =
                    new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!started.waitFor(60, TimeUnit.SECONDS)) {
                started.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.signet.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code gpgsm --verify} in a home directory of its own that trusts only the given root. gpgsm does
 * not read MIME: it gets the detached signature and the signed entity as two files. Revocation
 * checks are off because the test PKI publishes no CRLs.
 */
final class Gpgsm implements AutoCloseable {

    private final Path home;
    private final Map<String, String> environment;

    private Gpgsm(Path home) {
        this.home = home;
        this.environment = Map.of("GNUPGHOME", home.toString(), "LC_ALL", "C");
    }

    static Gpgsm trustingOnly(X509Certificate root, Path home) throws IOException {
        Files.createDirectories(home);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(
                home.resolve("gpgsm.conf"),
                String.join(
                        "\n",
                        "disable-crl-checks",
                        "disable-trusted-cert-crl-check",
                        "disable-dirmngr",
                        "disable-policy-checks",
                        ""));
        Files.writeString(home.resolve("trustlist.txt"), fingerprint(root) + " S relax\n");
        Path rootPem = Files.writeString(home.resolve("root.pem"), TestPki.pem(root));

        var gpgsm = new Gpgsm(home);
        var imported = gpgsm.run(List.of("gpgsm", "--batch", "--import", rootPem.toString()));
        assertThat(imported.succeeded()).as("root import: %s", imported).isTrue();
        return gpgsm;
    }

    /** Verifies a detached signature over {@code signedEntity}. */
    ExternalTool.Run verify(byte[] signature, byte[] signedEntity) throws IOException {
        Path sig = Files.createTempFile(home, "smime", ".p7s");
        Path content = Files.createTempFile(home, "entity", ".mime");
        Files.write(sig, signature);
        Files.write(content, signedEntity);

        return run(
                List.of(
                        "gpgsm",
                        "--batch",
                        "--status-fd",
                        "1",
                        "--verify",
                        sig.toString(),
                        content.toString()));
    }

    /** Stops the gpg-agent that gpgsm started for this home directory. */
    @Override
    public void close() {
        ExternalTool.run(home, environment, List.of("gpgconf", "--kill", "all"));
    }

    private ExternalTool.Run run(List<String> command) {
        return ExternalTool.run(home, environment, command);
    }

    /** gpgsm names certificates in trustlist.txt by their SHA-1 fingerprint. */
    private static String fingerprint(X509Certificate certificate) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha1);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.signet.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.signet.pki.TestCertificates.CLOCK;
import static org.signet.pki.TestCertificates.PASSWORD;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PKCS#12 file as {@code openssl pkcs12 -export -legacy} writes it, if OpenSSL can. */
class OpensslLegacyPkcs12ImportTest {

    @TempDir Path folder;

    @Test
    void pkcs12ExportedByOpensslWithLegacyAlgorithmsImports() throws Exception {
        assumeTrue(
                run(List.of("openssl", "list", "-providers", "-provider", "legacy")),
                "openssl with its legacy provider is not available here");
        var pki = new TestCertificates();
        var alice = pki.endEntity().issue();
        Files.write(folder.resolve("key.pem"), TestCertificates.pem(alice.keyPair()));
        Files.write(folder.resolve("alice.pem"), TestCertificates.pem(alice.certificate()));
        Files.write(
                folder.resolve("chain.pem"),
                TestCertificates.pem(pki.intermediate.certificate(), pki.root.certificate()));

        var exported =
                run(
                        List.of(
                                "openssl",
                                "pkcs12",
                                "-export",
                                "-legacy",
                                "-inkey",
                                "key.pem",
                                "-in",
                                "alice.pem",
                                "-certfile",
                                "chain.pem",
                                "-passout",
                                "pass:" + new String(PASSWORD),
                                "-out",
                                "alice.p12"));
        assertThat(exported).as("openssl pkcs12 -export -legacy succeeds").isTrue();

        var imported =
                new CertificateImport(CLOCK)
                        .read(Files.readAllBytes(folder.resolve("alice.p12")), PASSWORD);

        assertThat(imported.chain()).containsExactlyElementsOf(pki.chainOf(alice));
        assertThat(imported.privateKey().getEncoded()).isEqualTo(alice.privateKey().getEncoded());
    }

    private boolean run(List<String> command) throws InterruptedException {
        try {
            var process =
                    new ProcessBuilder(command)
                            .directory(folder.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(folder.resolve("openssl.log").toFile())
                            .start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}

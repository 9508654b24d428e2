package org.signet.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Issues S/MIME certificates with the openssl command line, as a customer's CA would. */
final class OpensslPki {

    private final Path dir;

    /** A PKCS#12 file for one sender, with the private key it holds in PKCS#8 DER. */
    record Issued(Path pkcs12, String password, byte[] privateKeyPkcs8) {}

    OpensslPki() {
        try {
            dir = Files.createTempDirectory("signet-pki");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        openssl(
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-sha256",
                "-days",
                "30",
                "-nodes",
                "-keyout",
                file("ca.key"),
                "-out",
                file("root.pem"),
                "-subj",
                "/O=Signet tests/CN=Signet test root",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign");
    }

    Path rootPem() {
        return dir.resolve("root.pem");
    }

    /** Verifies a signed message with {@code openssl cms -verify}, trusting only this root. */
    boolean verifies(String mime) {
        try {
            var message = Files.createTempFile(dir, "signed", ".eml");
            Files.writeString(message, mime);
            var process =
                    new ProcessBuilder(
                                    "openssl",
                                    "cms",
                                    "-verify",
                                    "-in",
                                    message.toString(),
                                    "-CAfile",
                                    file("root.pem"),
                                    "-purpose",
                                    "smimesign",
                                    "-out",
                                    file("verified.txt"))
                            .redirectErrorStream(true)
                            .start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run openssl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Issued issue(String email, String password) {
        return issue(email, password, 20);
    }

    /** A certificate for {@code email} that is valid for {@code days} from now. */
    Issued issue(String email, String password, int days) {
        var name = email.replaceAll("[^a-z0-9]", "_");
        openssl(
                "req",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                file(name + ".key"),
                "-out",
                file(name + ".csr"),
                "-subj",
                "/O=Signet tests/CN=" + email);
        write(
                name + ".ext",
                "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                        + "extendedKeyUsage=emailProtection\nsubjectAltName=email:"
                        + email
                        + "\n");
        openssl(
                "x509",
                "-req",
                "-in",
                file(name + ".csr"),
                "-CA",
                file("root.pem"),
                "-CAkey",
                file("ca.key"),
                "-CAcreateserial",
                "-days",
                Integer.toString(days),
                "-sha256",
                "-extfile",
                file(name + ".ext"),
                "-out",
                file(name + ".pem"));
        openssl(
                "pkcs12",
                "-export",
                "-inkey",
                file(name + ".key"),
                "-in",
                file(name + ".pem"),
                "-certfile",
                file("root.pem"),
                "-out",
                file(name + ".p12"),
                "-passout",
                "pass:" + password);
        openssl(
                "pkcs8",
                "-topk8",
                "-nocrypt",
                "-in",
                file(name + ".key"),
                "-outform",
                "DER",
                "-out",
                file(name + ".pk8"));
        try {
            return new Issued(
                    dir.resolve(name + ".p12"),
                    password,
                    Files.readAllBytes(dir.resolve(name + ".pk8")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private void write(String name, String content) {
        try {
            Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void openssl(String... args) {
        var command = new ArrayList<String>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("openssl " + args[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run openssl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

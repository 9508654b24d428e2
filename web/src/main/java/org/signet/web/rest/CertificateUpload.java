package org.signet.web.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.signet.pki.CustomerPki;

/**
 * The {@code multipart/form-data} of a certificate import: part {@code file} (PKCS#12 or PEM) and,
 * for PKCS#12 or an encrypted PEM key, part {@code password}.
 */
record CertificateUpload(byte[] file, char[] password) {

    static final int MAX_FILE_BYTES = CustomerPki.MAX_FILE_BYTES;

    static CertificateUpload of(List<EntityPart> parts) {
        byte[] file = null;
        char[] password = null;
        for (var part : parts) {
            switch (part.getName()) {
                case "file" -> file = read(part);
                case "password" ->
                        password = new String(read(part), StandardCharsets.UTF_8).toCharArray();
                default -> {}
            }
        }
        if (file == null || file.length == 0) {
            throw new BadRequestException("The form needs a part named file with the certificate.");
        }
        return new CertificateUpload(file, password);
    }

    private static byte[] read(EntityPart part) {
        try (InputStream content = part.getContent()) {
            var bytes = content.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new BadRequestException(
                        "Part " + part.getName() + " is larger than " + MAX_FILE_BYTES + " bytes.");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read part " + part.getName(), e);
        }
    }

    @Override
    public String toString() {
        return "CertificateUpload[" + file.length + " bytes]";
    }
}

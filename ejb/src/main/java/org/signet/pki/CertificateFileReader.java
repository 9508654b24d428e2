package org.signet.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;

/**
 * Reads a private key and certificates from a PKCS#12 file or a PEM text, detected from the bytes.
 * PKCS#12 files protected with legacy algorithms (3DES, RC2-40, SHA-1 MAC) open as well as PBES2
 * ones, because customers bring what their CA or old tools produced.
 */
final class CertificateFileReader {

    private static final byte DER_SEQUENCE = 0x30;
    private static final String PEM_MARKER = "-----BEGIN ";

    KeyAndCertificates read(byte[] bytes, char[] password) {
        if (bytes.length > 0 && bytes[0] == DER_SEQUENCE) {
            return readPkcs12(bytes, password == null ? new char[0] : password);
        }
        if (new String(bytes, StandardCharsets.ISO_8859_1).contains(PEM_MARKER)) {
            return readPem(bytes, password);
        }
        throw unreadable("The file is neither PKCS#12 nor PEM.");
    }

    private KeyAndCertificates readPkcs12(byte[] bytes, char[] password) {
        var pfx = parsePfx(bytes);
        checkMac(pfx, password);
        var decryptor = pkcs12Decryptor(password);

        PrivateKey key = null;
        var certificates = new ArrayList<X509Certificate>();
        for (var bag : safeBags(pfx, decryptor)) {
            var value = bag.getBagValue();
            if (value instanceof X509CertificateHolder holder) {
                certificates.add(certificate(holder));
            } else if (value instanceof PKCS8EncryptedPrivateKeyInfo shrouded) {
                key = privateKey(decrypt(shrouded, decryptor));
            } else if (value instanceof PrivateKeyInfo plain) {
                key = privateKey(plain);
            }
        }
        return keyAndCertificates(key, certificates);
    }

    private static PKCS12PfxPdu parsePfx(byte[] bytes) {
        try {
            var pfx = new PKCS12PfxPdu(bytes);
            pfx.getContentInfos();
            return pfx;
        } catch (IOException | RuntimeException e) {
            throw unreadable("The file is not a readable PKCS#12 file.");
        }
    }

    private static void checkMac(PKCS12PfxPdu pfx, char[] password) {
        if (!pfx.hasMac()) {
            return;
        }
        try {
            var macs =
                    new JcePKCS12MacCalculatorBuilderProvider().setProvider(BouncyCastle.PROVIDER);
            if (!pfx.isMacValid(macs, password)) {
                throw wrongPassword();
            }
        } catch (PKCSException e) {
            throw unreadable("The integrity check of the PKCS#12 file cannot be computed.");
        }
    }

    private static InputDecryptorProvider pkcs12Decryptor(char[] password) {
        try {
            return new JcePKCSPBEInputDecryptorProviderBuilder()
                    .setProvider(BouncyCastle.PROVIDER)
                    .build(password);
        } catch (RuntimeException e) {
            throw unreadable("The PKCS#12 file uses an unknown protection.");
        }
    }

    private static List<PKCS12SafeBag> safeBags(
            PKCS12PfxPdu pfx, InputDecryptorProvider decryptor) {
        var bags = new ArrayList<PKCS12SafeBag>();
        for (var info : pfx.getContentInfos()) {
            try {
                var factory =
                        PKCSObjectIdentifiers.encryptedData.equals(info.getContentType())
                                ? new PKCS12SafeBagFactory(info, decryptor)
                                : new PKCS12SafeBagFactory(info);
                bags.addAll(List.of(factory.getSafeBags()));
            } catch (PKCSException e) {
                throw wrongPassword();
            } catch (RuntimeException e) {
                throw unreadable("A part of the PKCS#12 file cannot be read.");
            }
        }
        return bags;
    }

    private static PrivateKeyInfo decrypt(
            PKCS8EncryptedPrivateKeyInfo shrouded, InputDecryptorProvider decryptor) {
        try {
            return shrouded.decryptPrivateKeyInfo(decryptor);
        } catch (PKCSException e) {
            throw wrongPassword();
        }
    }

    private KeyAndCertificates readPem(byte[] bytes, char[] password) {
        PrivateKey key = null;
        var certificates = new ArrayList<X509Certificate>();
        try (var parser =
                new PEMParser(
                        new InputStreamReader(
                                new ByteArrayInputStream(bytes), StandardCharsets.US_ASCII))) {
            for (var object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof X509CertificateHolder holder) {
                    certificates.add(certificate(holder));
                } else {
                    key = pemKey(object, password).orElse(key);
                }
            }
        } catch (CertificateImportException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable("The PEM text cannot be read.");
        }
        return keyAndCertificates(key, certificates);
    }

    /** The private key in a PEM object; empty when the object is something else. */
    private static Optional<PrivateKey> pemKey(Object object, char[] password) {
        if (object instanceof PrivateKeyInfo plain) {
            return Optional.of(privateKey(plain));
        }
        if (object instanceof PEMKeyPair pair) {
            return Optional.of(privateKey(pair.getPrivateKeyInfo()));
        }
        if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            return Optional.of(privateKey(decryptPkcs8(encrypted, requirePassword(password))));
        }
        if (object instanceof PEMEncryptedKeyPair encrypted) {
            return Optional.of(
                    privateKey(decryptTraditional(encrypted, requirePassword(password))));
        }
        return Optional.empty();
    }

    private static PrivateKeyInfo decryptPkcs8(
            PKCS8EncryptedPrivateKeyInfo encrypted, char[] password) {
        try {
            var decryptor =
                    new JceOpenSSLPKCS8DecryptorProviderBuilder()
                            .setProvider(BouncyCastle.PROVIDER)
                            .build(password);
            return encrypted.decryptPrivateKeyInfo(decryptor);
        } catch (OperatorCreationException | PKCSException e) {
            throw wrongPassword();
        }
    }

    private static PrivateKeyInfo decryptTraditional(
            PEMEncryptedKeyPair encrypted, char[] password) {
        try {
            var decryptor =
                    new JcePEMDecryptorProviderBuilder()
                            .setProvider(BouncyCastle.PROVIDER)
                            .build(password);
            return encrypted.decryptKeyPair(decryptor).getPrivateKeyInfo();
        } catch (IOException | RuntimeException e) {
            throw wrongPassword();
        }
    }

    private static char[] requirePassword(char[] password) {
        if (password == null || password.length == 0) {
            throw new CertificateImportException(
                    ImportRefusal.WRONG_PASSWORD,
                    "The private key is encrypted: give its password with the file.");
        }
        return password;
    }

    private static KeyAndCertificates keyAndCertificates(
            PrivateKey key, List<X509Certificate> certificates) {
        if (key == null) {
            throw new CertificateImportException(
                    ImportRefusal.NO_PRIVATE_KEY,
                    "The file holds no private key: Signet needs the key to sign.");
        }
        if (certificates.isEmpty()) {
            throw new CertificateImportException(
                    ImportRefusal.KEY_DOES_NOT_MATCH_CERTIFICATE,
                    "The file holds a private key but no certificate for it.");
        }
        return new KeyAndCertificates(key, certificates);
    }

    static PrivateKey privateKey(PrivateKeyInfo info) {
        try {
            return new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER).getPrivateKey(info);
        } catch (IOException e) {
            throw unreadable("The private key cannot be read.");
        }
    }

    private static X509Certificate certificate(X509CertificateHolder holder) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (CertificateException | IOException e) {
            throw unreadable("A certificate in the file cannot be read.");
        }
    }

    private static CertificateImportException wrongPassword() {
        return new CertificateImportException(
                ImportRefusal.WRONG_PASSWORD, "The password does not open the file.");
    }

    private static CertificateImportException unreadable(String detail) {
        return new CertificateImportException(ImportRefusal.UNREADABLE, detail);
    }
}

package org.signet.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.signet.signing.SignatureProvider;
import org.signet.signing.SigningCredentials;
import org.signet.signing.SigningException;
import org.signet.signing.SmimeSigner;

/**
 * Row 3: Signet's signer alone, as the pipeline uses it: the stored MIME is parsed and signed, and
 * the signed message is written to bytes. One signer and one key serve every thread, as in the
 * application. bench/run runs it with one thread and with one thread per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SignerBenchmark {

    @Param({"RSA_2048", "EC_P256"})
    public BenchKeys key;

    @Param({"10240", "1048576"})
    public int mailBytes;

    /**
     * Who makes the digest and the private-key operation: {@code chosen} is what Signet uses on
     * this machine, {@code jdk} the JDK's providers, {@code bc} Bouncy Castle's.
     */
    @Param({"chosen"})
    public String provider;

    private SmimeSigner signer;
    private SigningCredentials credentials;
    private byte[] mime;

    @Setup(Level.Trial)
    public void prepare() {
        var signatures =
                switch (provider) {
                    case "chosen" -> SignatureProvider.chosen();
                    case "jdk" -> SignatureProvider.jdk();
                    case "bc" -> SignatureProvider.bouncyCastle();
                    default -> throw new IllegalArgumentException("no provider " + provider);
                };
        signer = new SmimeSigner(signatures);
        credentials = key.credentials(signatures);
        mime = BenchMails.ofSize(mailBytes, mailBytes > 65_536 ? 1 : 0);
    }

    @Benchmark
    public byte[] sign() throws SigningException {
        return signer.sign(BenchMails.parse(mime), credentials).mime();
    }
}

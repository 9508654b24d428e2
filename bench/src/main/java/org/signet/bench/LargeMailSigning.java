package org.signet.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.signet.signing.SignatureProvider;
import org.signet.signing.SmimeSigner;

/**
 * Row 5: one mail with two attachments, about 25 MB of MIME (above intake's 20 MB limit on
 * purpose), through the signer alone. Prints the time to sign and the octets the signing thread
 * allocated. bench/run starts it with smaller and smaller heaps: the smallest heap that still
 * signs, less the smallest that signs a 10 KB mail, is the heap the large mail needs.
 *
 * <pre>java -Xmx... -cp ... org.signet.bench.LargeMailSigning MB [rounds] [signed-copy.eml]</pre>
 *
 * The last line is {@code RESULT mimeBytes=... seconds=... allocatedBytes=...}; the signed copy, if
 * asked for, is for openssl to verify. An OutOfMemoryError ends the process with a status that is
 * not 0.
 */
public final class LargeMailSigning {

    public static void main(String[] args) throws Exception {
        double megabytes = Double.parseDouble(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        var credentials = BenchKeys.RSA_2048.credentials(SignatureProvider.chosen());
        var signer = new SmimeSigner();
        byte[] mime = BenchMails.ofSize((int) (megabytes * 1024 * 1024), megabytes > 1 ? 2 : 0);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        double best = Double.MAX_VALUE;
        long allocated = 0;
        byte[] signed = null;
        for (int round = 1; round <= rounds; round++) {
            signed = null;
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long started = System.nanoTime();
            signed = signer.sign(BenchMails.parse(mime), credentials).mime();
            double seconds = (System.nanoTime() - started) / 1e9;
            allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            System.out.printf(
                    "round %d: %,d octets of MIME signed in %.3f s into %,d octets; %,d octets"
                            + " allocated%n",
                    round, mime.length, seconds, signed.length, allocated);
            best = Math.min(best, seconds);
        }
        if (args.length > 2) {
            Files.write(Path.of(args[2]), signed);
        }
        System.out.printf(
                "RESULT mimeBytes=%d seconds=%.3f allocatedBytes=%d%n",
                mime.length, best, allocated);
    }
}

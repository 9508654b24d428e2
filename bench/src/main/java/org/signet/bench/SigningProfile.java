package org.signet.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.signet.signing.SignatureProvider;
import org.signet.signing.SmimeSigner;

/**
 * Where the signer's time goes: signs the 10 KB mail on one thread for a while under Java Flight
 * Recorder, sampling Java and native frames every millisecond, and sorts each sample into the step
 * of signing it belongs to by the frames on its stack.
 *
 * <pre>java -cp ... org.signet.bench.SigningProfile RSA_2048|EC_P256 [seconds=5]</pre>
 *
 * Prints one line per step, {@code STEP name=... share=...}, and the mails per second of the run.
 */
public final class SigningProfile {

    /** Steps in the order they are looked for, from the innermost frame outwards. */
    private static final Map<String, List<String>> STEPS = new LinkedHashMap<>();

    static {
        STEPS.put(
                "private-key operation",
                List.of(
                        "java.security.Signature.sign",
                        "java.security.Signature$Delegate.engineSign",
                        "org.bouncycastle.operator.jcajce.JcaContentSignerBuilder$1.getSignature"));
        STEPS.put(
                "content digest",
                List.of(
                        "org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder",
                        "java.security.MessageDigest"));
        STEPS.put("CMS encoding", List.of("org.signet.signing.SmimeSigner.detachedSignature"));
        STEPS.put(
                "MIME: canonical content",
                List.of("org.signet.signing.SmimeSigner.canonicalContent"));
        STEPS.put(
                "MIME: multipart/signed framing",
                List.of("org.signet.signing.SmimeSigner.multipartSigned"));
        STEPS.put("MIME: writing the message", List.of("org.signet.signing.SmimeSigner.write"));
        STEPS.put("MIME: parsing the stored mail", List.of("org.signet.bench.BenchMails.parse"));
    }

    public static void main(String[] args) throws Exception {
        var key = BenchKeys.valueOf(args[0]);
        var seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        var credentials = key.credentials(SignatureProvider.chosen());
        var signer = new SmimeSigner();
        byte[] mime = BenchMails.ofSize(10 * 1024, 0);

        long warmUpEnd = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < warmUpEnd) {
            signer.sign(BenchMails.parse(mime), credentials);
        }

        var file = Files.createTempFile("signet-signing", ".jfr");
        int mails = 0;
        long started;
        long ended;
        try (var recording = new Recording()) {
            // a native provider's work shows as native method samples, the rest as execution
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(1));
            recording.start();
            started = System.nanoTime();
            long end = started + Duration.ofSeconds(seconds).toNanos();
            while (System.nanoTime() < end) {
                signer.sign(BenchMails.parse(mime), credentials);
                mails++;
            }
            ended = System.nanoTime();
            recording.stop();
            recording.dump(file);
        }

        var counts = new LinkedHashMap<String, Integer>();
        var hottest = new java.util.HashMap<String, Integer>();
        STEPS.keySet().forEach(step -> counts.put(step, 0));
        counts.put("other", 0);
        int samples = 0;
        for (var event : RecordingFile.readAllEvents(file)) {
            var type = event.getEventType().getName();
            if (!type.equals("jdk.ExecutionSample") && !type.equals("jdk.NativeMethodSample")) {
                continue;
            }
            var thread = event.getThread("sampledThread");
            if (thread == null || !"main".equals(thread.getJavaName())) {
                continue;
            }
            samples++;
            counts.merge(step(event.getStackTrace()), 1, Integer::sum);
            hottest.merge(innermostSignetCaller(event.getStackTrace()), 1, Integer::sum);
        }
        Files.deleteIfExists(file);

        System.out.println("S/MIME signatures: " + SignatureProvider.chosen().describe());
        System.out.printf(
                "%s, 10 KB mail, one thread: %.0f mails/s over %d s, %d samples%n",
                key.label(), mails / ((ended - started) / 1e9), seconds, samples);
        int total = samples;
        hottest.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(12)
                .forEach(
                        e ->
                                System.out.printf(
                                        "HOT share=%.3f %s%n",
                                        e.getValue() / (double) total, e.getKey()));
        for (var entry : counts.entrySet()) {
            System.out.printf(
                    "STEP name=%s share=%.3f%n",
                    entry.getKey(), samples == 0 ? 0 : entry.getValue() / (double) samples);
        }
    }

    /**
     * The innermost frame, and the innermost frame outside the JDK's and libraries' packages that
     * led to it: which call of Signet's or of Jakarta Mail's spends the time.
     */
    private static String innermostSignetCaller(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return "?";
        }
        var frames = stack.getFrames();
        var top = name(frames.get(0));
        for (var frame : frames) {
            var name = name(frame);
            if (name.startsWith("org.signet.") || name.startsWith("jakarta.mail.")) {
                return top + " <- " + name;
            }
        }
        return top;
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** The first step whose marker frame is on the stack, looking from the innermost frame. */
    private static String step(RecordedStackTrace stack) {
        if (stack == null) {
            return "other";
        }
        List<RecordedFrame> frames = stack.getFrames();
        for (var step : STEPS.entrySet()) {
            for (var frame : frames) {
                var method = frame.getMethod();
                var name = method.getType().getName() + "." + method.getName();
                for (var marker : step.getValue()) {
                    if (name.startsWith(marker)) {
                        return step.getKey();
                    }
                }
            }
        }
        return "other";
    }
}

package org.signet.signing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command-line tool to completion; a missing tool fails the test, it never skips it. */
final class ExternalTool {

    /** What a tool run ended with: exit code and stdout and stderr together. */
    record Run(List<String> command, int exitCode, String output) {

        boolean succeeded() {
            return exitCode == 0;
        }

        @Override
        public String toString() {
            return String.join(" ", command) + "\nexit code " + exitCode + "\n" + output;
        }
    }

    private ExternalTool() {}

    static Run run(Path workDir, Map<String, String> environment, List<String> command) {
        var builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));

        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return fail(
                    "Cannot run '%s': install it (Debian packages openssl and gpgsm); %s",
                    command.get(0), e.getMessage());
        }

        try (var out = process.getInputStream()) {
            String output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail("'%s' did not finish within 60 s", String.join(" ", command));
            }
            return new Run(command, process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the output of " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }
}

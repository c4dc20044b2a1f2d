package io.citytwin.ingest.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@link AppendingChild} in a separate JVM and kills it without warning. */
public final class ChildProcess {

    private ChildProcess() {}

    /**
     * Starts the child, waits until at least {@code minAcked} batches are acknowledged, kills it
     * with SIGKILL and returns the numbers of every batch it acknowledged. The child's output goes
     * to {@code output}, which is read whole after the kill, so no acknowledgement is missed.
     */
    public static BitSet runAndKill(Path output, int minAcked, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AppendingChild.class.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(output.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acked(output).cardinality() < minAcked && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (!child.isAlive()) {
                throw new IllegalStateException("the child exited early with " + child.exitValue());
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        BitSet acked = acked(output);
        if (acked.cardinality() < minAcked) {
            throw new IllegalStateException("the child acknowledged only " + acked.cardinality() + " batches");
        }
        return acked;
    }

    private static BitSet acked(Path output) throws IOException {
        BitSet acked = new BitSet();
        String text = Files.readString(output, StandardCharsets.UTF_8);
        // A line cut off by the kill has no newline and may be partial ("acked 1" of "acked 12"): drop it.
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
            if (line.startsWith("acked ")) {
                acked.set(Integer.parseInt(line.substring(6)));
            }
        }
        return acked;
    }
}

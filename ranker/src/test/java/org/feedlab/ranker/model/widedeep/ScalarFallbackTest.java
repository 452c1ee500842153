package org.feedlab.ranker.model.widedeep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.feedlab.ranker.features.FeatureSpace;
import org.feedlab.ranker.model.SharedSlots;
import org.junit.jupiter.api.Test;

/**
 * A JVM without {@code jdk.incubator.vector} (or with the scalar pass forced) scores with the
 * scalar pass, never loads the vector class, and gives the same probabilities as this JVM's Vector
 * API pass.
 */
class ScalarFallbackTest {
    /** Prints the pass in use and the bits of a fixed batch's probabilities. */
    public static void main(String[] args) {
        WideDeepScorer scorer = ForwardPassTest.random(new int[] {32, 16}, 8, 77);
        System.out.println(scorer.forwardPass());
        System.out.println(digest(scorer));
    }

    static String digest(WideDeepScorer scorer) {
        ServingFixture fixture = new ServingFixture(9);
        int n = 37;
        float[] xs = fixture.request(n);
        double[] out = new double[n * scorer.heads()];
        scorer.predictBatch(xs, n, out, SharedSlots.of(FeatureSpace.userSideSlots()));
        long h = 1;
        for (double p : out) {
            h = 31 * h + Double.doubleToRawLongBits(p);
        }
        return Long.toHexString(h);
    }

    @Test
    void withoutTheModuleTheScalarPassGivesTheSameBits() throws Exception {
        WideDeepScorer scorer = ForwardPassTest.random(new int[] {32, 16}, 8, 77);
        String here = digest(scorer);
        List<String> lines = child();
        assertEquals(List.of("scalar", here), lines);
        // And the system property forces the scalar pass where the module is present.
        assertEquals(
                List.of("scalar", here),
                child(
                        "--add-modules",
                        "jdk.incubator.vector",
                        "-D" + WideDeepScorer.SCALAR_PROPERTY + "=true",
                        "-verbose:class"));
    }

    /** Runs {@link #main} in a fresh JVM; returns its output lines without class-loading logs. */
    private static List<String> child(String... jvmArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmArgs));
        command.addAll(
                List.of(
                        "-cp",
                        System.getProperty("java.class.path"),
                        ScalarFallbackTest.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not finish: " + text);
        }
        assertEquals(0, p.exitValue(), text);
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.contains(VectorForward.class.getName())) {
                throw new AssertionError("the scalar JVM loaded " + line);
            }
            if (!line.startsWith("[") && !line.startsWith("WARNING: Using incubator modules")) {
                out.add(line);
            }
        }
        return out;
    }
}

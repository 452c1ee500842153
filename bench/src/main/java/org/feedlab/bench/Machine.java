package org.feedlab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The machine a benchmark ran on, as printed next to its figures: processors, CPU model and the
 * 1-minute load average (a loaded machine gives lower figures).
 *
 * @param processors processors this JVM may use ({@code nproc})
 * @param cpuModel the first "model name" of /proc/cpuinfo, or "unknown CPU"
 * @param loadAverage the system's 1-minute load average, negative when not available
 */
public record Machine(int processors, String cpuModel, double loadAverage) {
    /** This machine, now. */
    public static Machine current() {
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                cpuModel(Path.of("/proc/cpuinfo")),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The 1-minute load average as printed, e.g. "6.65", or "n/a". */
    public String load() {
        return loadAverage < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", loadAverage);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%d processors, %s, load average %s (1 min)",
                processors,
                cpuModel,
                load());
    }

    static String cpuModel(Path cpuinfo) {
        try {
            List<String> lines = Files.readAllLines(cpuinfo);
            for (String line : lines) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // Not Linux, or not readable: the figures stand without the model name.
        }
        return "unknown CPU";
    }
}

package org.feedlab.lab.jvm;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines for child JVMs that run a main class of this JVM's own classpath, so the lab starts
 * a Kafka broker or a Flink JobManager without any download.
 */
public final class JavaCommand {
    private JavaCommand() {}

    /** {@code java <options> -cp <this classpath> <main> <args>}. */
    public static List<String> of(List<String> jvmOptions, String mainClass, List<String> args) {
        return of(jvmOptions, absoluteClassPath(), mainClass, args);
    }

    /** {@code java <options> -cp <classPath> <main> <args>}. */
    public static List<String> of(
            List<String> jvmOptions, String classPath, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * Starts a command that outlives this JVM: in a session of its own where {@code setsid} exists
     * (so a Ctrl-C in the terminal that started it does not reach it), reading nothing, writing to
     * {@code log}. Returns the process; its pid is the JVM's ({@code setsid} replaces itself).
     */
    public static Process startDetached(List<String> command, Path workDir, Path log)
            throws IOException {
        List<String> full = new ArrayList<>();
        Path setsid = Path.of("/usr/bin/setsid");
        if (Files.isExecutable(setsid)) {
            full.add(setsid.toString());
        }
        full.addAll(command);
        return new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /**
     * This JVM's classpath with every entry made absolute: a child runs in its own work directory,
     * where entries relative to this JVM's working directory would point nowhere.
     */
    public static String absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            // An empty entry means the working directory, as "." does.
            Path path = Path.of(entry.isEmpty() ? "." : entry);
            entries.add(path.toAbsolutePath().normalize().toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The java binary of this JVM. */
    public static String javaBinary() {
        Path fromHome = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(fromHome)) {
            return fromHome.toString();
        }
        return ProcessHandle.current()
                .info()
                .command()
                .orElseThrow(() -> new IllegalStateException("cannot locate the java binary"));
    }
}

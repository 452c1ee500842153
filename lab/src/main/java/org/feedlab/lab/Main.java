package org.feedlab.lab;

import java.nio.file.Path;
import org.feedlab.lab.cli.FeedLabCommand;
import org.feedlab.lab.engine.LabLauncher;

/** Entry point of the `feedlab` command. */
public final class Main {
    /** Held so the level survives garbage collection of java.util.logging loggers. */
    private static final java.util.logging.Logger TRIBUO =
            java.util.logging.Logger.getLogger("org.tribuo");

    private Main() {}

    public static void main(String[] args) {
        TRIBUO.setLevel(java.util.logging.Level.WARNING);
        int code = FeedLabCommand.execute(new LabLauncher(Path.of("runs"), System.out), args);
        System.exit(code);
    }
}

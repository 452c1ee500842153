package org.feedlab.lab;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.feedlab.lab.cli.FeedLabCommand;
import org.feedlab.lab.engine.LabLauncher;

/** Entry point of the `feedlab` command. */
public final class Main {
    /** Held so the level survives garbage collection of java.util.logging loggers. */
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    private Main() {}

    public static void main(String[] args) {
        TRIBUO.setLevel(Level.WARNING);
        int code = FeedLabCommand.execute(new LabLauncher(Path.of("runs"), System.out), args);
        System.exit(code);
    }
}

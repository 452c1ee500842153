package org.feedlab.lab.kafka;

import java.io.IOException;
import java.io.InputStream;

/** Entry point of the broker child process: ties the broker's life to its parent's stdin pipe. */
public final class BrokerMain {

    /** Time the broker gets to shut down cleanly after its parent went away. */
    private static final long HALT_AFTER_MILLIS = 10_000;

    private BrokerMain() {}

    /**
     * Starts the watchdog, then runs the broker.
     *
     * @param args a single argument: the path of the broker's server.properties
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: BrokerMain <server.properties>");
            System.exit(2);
        }
        Thread watchdog = new Thread(() -> watch(System.in), "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(new String[] {args[0]});
    }

    /**
     * Blocks until the parent's end of the pipe is closed, then exits. The operating system closes
     * the pipe when the parent dies for any reason, kill -9 included, which a shutdown hook in the
     * parent could never cover.
     */
    static void watch(InputStream parentPipe) {
        byte[] buffer = new byte[256];
        try {
            while (parentPipe.read(buffer) >= 0) {
                // The parent never writes; anything it sends is ignored.
            }
        } catch (IOException e) {
            // A broken pipe means the parent is gone as surely as EOF does.
            System.err.println("parent pipe failed, stopping broker: " + e);
        }
        System.err.println("parent closed the pipe, stopping broker");
        // System.exit runs Kafka's shutdown hook; halt if that hook hangs, so no orphan survives.
        Thread halter = new Thread(BrokerMain::haltLater, "parent-watchdog-halt");
        halter.setDaemon(true);
        halter.start();
        System.exit(0);
    }

    private static void haltLater() {
        try {
            Thread.sleep(HALT_AFTER_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(1);
    }
}

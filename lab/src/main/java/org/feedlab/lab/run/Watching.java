package org.feedlab.lab.run;

import java.net.InetAddress;
import java.util.Objects;

/**
 * How a run can be watched while it goes: the Prometheus endpoint's address and port, and the
 * classroom page's port when the page is asked for. Everything binds to 127.0.0.1 unless the user
 * names another address for the endpoint (a Prometheus in a container).
 *
 * @param metricsBind the address the Prometheus endpoint binds
 * @param metricsPort its port, 0 for any free one
 * @param live serve the live classroom page
 * @param livePort the page's port (on 127.0.0.1), 0 for any free one
 */
public record Watching(InetAddress metricsBind, int metricsPort, boolean live, int livePort) {
    /** Default port of the Prometheus endpoint. */
    public static final int METRICS_PORT = 9464;

    /** Default port of the live page. */
    public static final int LIVE_PORT = 8464;

    public Watching {
        Objects.requireNonNull(metricsBind, "metricsBind");
    }

    /** The endpoint on loopback at {@code port}, no live page. */
    public static Watching metricsOnly(int port) {
        return new Watching(InetAddress.getLoopbackAddress(), port, false, LIVE_PORT);
    }
}

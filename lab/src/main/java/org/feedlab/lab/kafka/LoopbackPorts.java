package org.feedlab.lab.kafka;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks free loopback ports so several brokers (or test runs) can share one machine. */
final class LoopbackPorts {

    private LoopbackPorts() {}

    /**
     * Returns {@code count} distinct ports that were free a moment ago. All sockets stay bound
     * until every port is chosen, so the ports differ; another process may still take one before
     * the broker binds it, which start-up then reports as a bind failure in broker.log.
     */
    static int[] pick(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        int[] ports = new int[count];
        try {
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
        return ports;
    }
}

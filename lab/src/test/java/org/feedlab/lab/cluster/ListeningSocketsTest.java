package org.feedlab.lab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Reading /proc's socket tables: addresses, ports, and which count as loopback. */
class ListeningSocketsTest {
    @Test
    void parsesIpv4AndIpv6Addresses() {
        assertEquals(
                new ListeningSockets.Socket("127.0.0.1", 8080),
                ListeningSockets.parse("0100007F:1F90"));
        assertEquals(
                new ListeningSockets.Socket("0.0.0.0", 9092),
                ListeningSockets.parse("00000000:2384"));
        assertEquals(
                new ListeningSockets.Socket("0:0:0:0:0:0:0:1", 80),
                ListeningSockets.parse("00000000000000000000000001000000:0050"));
        assertEquals(
                new ListeningSockets.Socket("127.0.0.1", 6123),
                ListeningSockets.parse("0000000000000000FFFF00000100007F:17EB"));
    }

    @Test
    void onlyLoopbackAddressesCountAsLoopback() {
        assertTrue(new ListeningSockets.Socket("127.0.0.1", 1).loopback());
        assertTrue(new ListeningSockets.Socket("0:0:0:0:0:0:0:1", 1).loopback());
        assertFalse(new ListeningSockets.Socket("0.0.0.0", 1).loopback());
        assertFalse(new ListeningSockets.Socket("0:0:0:0:0:0:0:0", 1).loopback());
        assertEquals(
                "10.0.0.1",
                ListeningSockets.parse("0000000000000000FFFF00000100000A:0050").address());
        assertFalse(new ListeningSockets.Socket("10.0.0.1", 1).loopback());
    }

    @Test
    void findsASocketThisProcessListensOn() throws Exception {
        try (ServerSocket any = new ServerSocket(0);
                ServerSocket local = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var sockets = ListeningSockets.of(ProcessHandle.current().pid());
            assertTrue(
                    sockets.stream().anyMatch(s -> s.port() == any.getLocalPort() && !s.loopback()),
                    sockets.toString());
            assertTrue(
                    sockets.stream()
                            .anyMatch(s -> s.port() == local.getLocalPort() && s.loopback()),
                    sockets.toString());
        }
    }
}

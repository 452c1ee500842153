package org.feedlab.lab.cluster;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The TCP sockets a process listens on, read from Linux's {@code /proc}: the socket inodes among
 * {@code /proc/<pid>/fd}, matched against the listening entries of {@code /proc/<pid>/net/tcp} and
 * {@code tcp6}. What {@code ss -ltnp} shows, without needing it installed.
 */
public final class ListeningSockets {
    /** TCP state LISTEN in /proc/net/tcp. */
    private static final String LISTEN = "0A";

    private ListeningSockets() {}

    /**
     * One listening socket.
     *
     * @param address the local address as text (IPv4 dotted, IPv6 in full hex groups)
     * @param port the local port
     */
    public record Socket(String address, int port) {
        /**
         * Whether the socket is on the loopback interface: 127.0.0.0/8 (IPv4 mapped into IPv6
         * included: it is shown as IPv4) or ::1.
         */
        public boolean loopback() {
            return address.startsWith("127.") || address.equals("0:0:0:0:0:0:0:1");
        }

        @Override
        public String toString() {
            return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
        }
    }

    /**
     * The sockets {@code pid} listens on, in port order; empty when the process is gone or /proc is
     * not there (not Linux).
     */
    public static List<Socket> of(long pid) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (NoSuchFileException closed) {
                    // The descriptor was closed while the directory was read.
                }
            }
        } catch (NoSuchFileException gone) {
            return List.of();
        }
        List<Socket> out = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = proc.resolve("net").resolve(table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[3].equals(LISTEN) && inodes.contains(f[9])) {
                    out.add(parse(f[1]));
                }
            }
        }
        out.sort((a, b) -> Integer.compare(a.port(), b.port()));
        return out;
    }

    /** "0100007F:1F90" (IPv4) or 32 hex digits and a port (IPv6), each word little-endian. */
    static Socket parse(String local) {
        int colon = local.indexOf(':');
        String hex = local.substring(0, colon);
        int port = Integer.parseInt(local.substring(colon + 1), 16);
        if (hex.length() == 8) {
            long v = Long.parseLong(hex, 16);
            return new Socket(
                    (v & 0xff) + "." + (v >> 8 & 0xff) + "." + (v >> 16 & 0xff) + "." + (v >> 24),
                    port);
        }
        if (hex.startsWith("0000000000000000FFFF0000")) {
            // An IPv4 address mapped into IPv6 (a Java socket bound to an IPv4 address).
            return new Socket(parse(hex.substring(24) + ":0").address(), port);
        }
        StringBuilder address = new StringBuilder();
        for (int word = 0; word < 4; word++) {
            long v = Long.parseLong(hex.substring(word * 8, word * 8 + 8), 16);
            // Each 32-bit word is in host (little-endian) order: its bytes reversed.
            long be = (v & 0xff) << 24 | (v >> 8 & 0xff) << 16 | (v >> 16 & 0xff) << 8 | v >> 24;
            if (word > 0) {
                address.append(':');
            }
            address.append(Long.toHexString(be >> 16))
                    .append(':')
                    .append(Long.toHexString(be & 0xffff));
        }
        return new Socket(address.toString(), port);
    }
}

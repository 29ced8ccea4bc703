package dev.layerwatch.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/**
 * Where the embedded servers listen. {@link #LOOPBACK} unless an operator widens it on purpose: the embedded
 * broker and Redis have no authentication, so anyone who reaches a widened address can write events past the
 * webhook token and read or erase Redis state.
 */
public record BindAddress(String host) {

    public static final BindAddress LOOPBACK = new BindAddress("127.0.0.1");

    public BindAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("bind address must not be blank");
        }
    }

    public boolean loopback() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown bind address " + host, e);
        }
    }

    public boolean wildcard() {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    /** The host clients are told to use: the bind address, or this machine's name for a wildcard bind. */
    public String advertisedHost() {
        if (!wildcard()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    /** A port free on this address right now (the usual small race applies). */
    public int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(wildcard() ? "0.0.0.0" : host), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }
}

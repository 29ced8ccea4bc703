package dev.layerwatch.embedded.redis;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Reads one CONFIG GET value over plain RESP (test helper; no client library in this module). */
final class RespProbe {

    private RespProbe() {
    }

    static String configValue(String host, int port, String name) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write(("CONFIG GET " + name + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String header = in.readLine();
            if (!header.startsWith("*2")) {
                throw new IllegalStateException("CONFIG GET " + name + " answered " + header);
            }
            in.readLine();
            in.readLine();
            in.readLine();
            return in.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package io.brisk.command.blocking;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A bare RESP client for tests that must see exact wire shapes (null array vs null bulk, RESP3 types). */
public final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    public void send(String... args) throws IOException {
        StringBuilder sb = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) sb.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends a command and returns its whole reply as raw text. */
    public String call(String... args) throws IOException {
        send(args);
        return read();
    }

    /** Reads one complete reply and returns its raw text. */
    public String read() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        readOne(buf);
        return buf.toString(StandardCharsets.UTF_8);
    }

    public void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    private void readOne(ByteArrayOutputStream buf) throws IOException {
        String line = line(buf);
        char t = line.charAt(0);
        switch (t) {
            case '$', '=' -> {
                int n = Integer.parseInt(line.substring(1));
                if (n >= 0) for (int i = 0; i < n + 2; i++) buf.write(in.read());
            }
            case '*', '~', '>' -> {
                int n = Integer.parseInt(line.substring(1));
                for (int i = 0; i < n; i++) readOne(buf);
            }
            case '%', '|' -> {
                int n = Integer.parseInt(line.substring(1));
                for (int i = 0; i < 2 * n; i++) readOne(buf);
            }
            default -> { }
        }
    }

    private String line(ByteArrayOutputStream buf) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) throw new IOException("closed");
            buf.write(c);
            if (c != '\r') sb.append((char) c);
        }
        buf.write('\n');
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

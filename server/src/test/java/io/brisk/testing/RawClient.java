package io.brisk.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A bare socket speaking RESP by hand, for what real clients never send: split frames, bad input,
 * huge pipelines. Replies decode to String (simple and bulk), Err, Long, Double, Boolean, List, null.
 */
public final class RawClient implements AutoCloseable {
    public record Err(String message) {}

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        out = socket.getOutputStream();
    }

    public RawClient send(String s) throws IOException {
        return send(s.getBytes(StandardCharsets.UTF_8));
    }

    public RawClient send(byte[] b) throws IOException {
        out.write(b);
        out.flush();
        return this;
    }

    /** A command as a RESP multibulk frame. */
    public static String frame(String... args) {
        StringBuilder sb = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            sb.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object reply) {
        return (List<Object>) reply;
    }

    public Object call(String... args) throws IOException {
        send(frame(args));
        return read();
    }

    public Object read() throws IOException {
        int type = in.read();
        if (type < 0) throw new IOException("connection closed");
        String line = line();
        switch (type) {
            case '+': return line;
            case '-': return new Err(line);
            case ':': return Long.parseLong(line);
            case ',': return Double.parseDouble(line);
            case '#': return line.equals("t");
            case '_': return null;
            case '(': return new java.math.BigInteger(line);
            case '$': case '=': case '!': {
                int n = Integer.parseInt(line);
                if (n < 0) return null;
                byte[] b = in.readNBytes(n);
                line();
                String s = new String(b, StandardCharsets.UTF_8);
                if (type == '=') return s.substring(4);
                if (type == '!') return new Err(s);
                return s;
            }
            case '*': case '~': case '>': case '%': case '|': {
                int n = Integer.parseInt(line);
                if (n < 0) return null;
                if (type == '%') n *= 2;
                List<Object> l = new ArrayList<>(n);
                for (int i = 0; i < n; i++) l.add(read());
                if (type == '|') return read(); // attribute: skip to the reply it annotates
                return l;
            }
            default: throw new IOException("unexpected reply type " + (char) type + line);
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) throw new IOException("connection closed mid-line");
            b.write(c);
        }
        in.read(); // \n
        return b.toString(StandardCharsets.UTF_8);
    }

    /** True when the server closes the connection within the timeout (reads to EOF). */
    public boolean closedByServer(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        try {
            while (true) {
                if (in.read() < 0) return true;
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    public void setTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

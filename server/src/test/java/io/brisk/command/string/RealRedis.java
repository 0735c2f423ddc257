package io.brisk.command.string;

import io.brisk.testing.ServerTest;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A real redis-server on a free loopback port, for tests that compare Brisk's replies (or data) with
 * Redis's own. Tests using it are skipped when redis-server is not installed.
 */
public final class RealRedis implements AutoCloseable {
    private final Process process;
    private final int port;

    private RealRedis(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static RealRedis start() throws Exception {
        String bin = null;
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (new File(dir, "redis-server").canExecute()) bin = new File(dir, "redis-server").getPath();
        }
        Assumptions.assumeTrue(bin != null, "redis-server is not installed");
        int port = ServerTest.freePort();
        Process p = new ProcessBuilder(bin, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroy)); // never outlive the test JVM
        RealRedis r = new RealRedis(p, port);
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try (Jedis j = r.jedis()) {
                j.ping();
                return r;
            } catch (Exception e) {
                if (System.currentTimeMillis() > deadline || !p.isAlive()) {
                    p.destroy();
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    public Jedis jedis() {
        return new Jedis("127.0.0.1", port, 10_000);
    }

    /** Sends a raw command and returns the reply in a comparable form: errors as "!" + message, bulk strings as text. */
    public static Object call(Jedis j, String... words) {
        String[] args = new String[words.length - 1];
        System.arraycopy(words, 1, args, 0, args.length);
        byte[] name = words[0].getBytes();
        try {
            return normalize(j.sendCommand(() -> name, args));
        } catch (JedisDataException e) {
            return "!" + e.getMessage();
        }
    }

    private static Object normalize(Object o) {
        if (o instanceof byte[] b) return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object e : l) out.add(normalize(e));
            return out;
        }
        return o;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor();
    }
}

package io.brisk.command.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.store.ValueType;
import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** KEYS, SCAN and RANDOMKEY. */
class ScanKeysTest extends KeyTestSupport {

    @Test
    void keysMatchesGlobs() {
        Jedis j = jedis();
        for (String k : List.of("hello", "hallo", "hxllo", "hllo", "heeeello", "user:1", "user:2", "{t}a", "a*b")) j.set(k, "v");
        assertThat(j.keys("*")).hasSize(9);
        assertThat(j.keys("h?llo")).containsExactlyInAnyOrder("hello", "hallo", "hxllo");
        assertThat(j.keys("h*llo")).containsExactlyInAnyOrder("hello", "hallo", "hxllo", "hllo", "heeeello");
        assertThat(j.keys("h[ae]llo")).containsExactlyInAnyOrder("hello", "hallo");
        assertThat(j.keys("h[^e]llo")).containsExactlyInAnyOrder("hallo", "hxllo");
        assertThat(j.keys("user:*")).containsExactlyInAnyOrder("user:1", "user:2");
        assertThat(j.keys("a\\*b")).containsExactly("a*b");
        assertThat(j.keys("{t}*")).containsExactly("{t}a");
        assertThat(j.keys("HELLO")).isEmpty(); // case-sensitive
        assertThat(j.keys("nothing*")).isEmpty();
        RedisCommands<String, String> l = lettuce();
        assertThat(l.keys("user:*")).containsExactlyInAnyOrder("user:1", "user:2");
        assertThat(error(j, "keys")).isEqualTo("ERR wrong number of arguments for 'keys' command");
        assertThat(error(j, "keys", "a", "b")).isEqualTo("ERR wrong number of arguments for 'keys' command");
    }

    @Test
    void keysSeesOnlyTheSelectedDb() {
        Jedis j = jedis();
        j.set("a", "v");
        j.select(4);
        j.set("b", "v");
        assertThat(j.keys("*")).containsExactly("b");
    }

    @Test
    void scanReturnsEveryKeyOnce() {
        Jedis j = jedis();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            j.set("key:" + i, "v");
            expected.add("key:" + i);
        }
        for (int i = 0; i < 300; i++) { // one big slot
            j.set("{tag}" + i, "v");
            expected.add("{tag}" + i);
        }
        List<String> seen = scanAll(j, new ScanParams().count(10));
        assertThat(seen).hasSize(expected.size());
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
        // a larger COUNT takes fewer calls
        int calls = 0;
        String cursor = "0";
        do {
            ScanResult<String> r = j.scan(cursor, new ScanParams().count(500));
            cursor = r.getCursor();
            calls++;
        } while (!cursor.equals("0"));
        assertThat(calls).isLessThan(10);
    }

    @Test
    void scanPagesThroughOneHugeSlot() {
        Jedis j = jedis();
        var p = j.pipelined();
        for (int i = 0; i < 5000; i++) p.set("{one}" + i, "v");
        p.sync();
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        int calls = 0;
        do {
            ScanResult<String> r = j.scan(cursor, new ScanParams().count(10));
            assertThat(r.getResult().size()).isLessThan(100); // COUNT is honoured inside a slot too
            seen.addAll(r.getResult());
            cursor = r.getCursor();
            calls++;
        } while (!cursor.equals("0"));
        assertThat(seen).hasSize(5000);
        assertThat(calls).isGreaterThan(100);
    }

    @Test
    void scanMatchAndType() {
        Jedis j = jedis();
        for (int i = 0; i < 100; i++) j.set("s:" + i, "v");
        plant(0, "l:1", ValueType.LIST, "listpack");
        plant(0, "h:1", ValueType.HASH, "listpack");
        assertThat(scanAll(j, new ScanParams().match("s:1*"))).hasSize(11);
        assertThat(scanAll(j, new ScanParams().count(7), "list")).containsExactly("l:1");
        assertThat(scanAll(j, new ScanParams(), "HASH")).containsExactly("h:1");
        assertThat(scanAll(j, new ScanParams(), "string")).hasSize(100);
        assertThat(scanAll(j, new ScanParams(), "nosuchtype")).isEmpty();
        assertThat(scanAll(j, new ScanParams().match("*:1"), "string")).containsExactly("s:1");
        RedisCommands<String, String> l = lettuce();
        Set<String> got = new HashSet<>();
        KeyScanCursor<String> c = l.scan(ScanArgs.Builder.matches("s:2*").limit(5));
        got.addAll(c.getKeys());
        while (!c.isFinished()) {
            c = l.scan(c, ScanArgs.Builder.matches("s:2*").limit(5));
            got.addAll(c.getKeys());
        }
        assertThat(got).hasSize(11);
        KeyScanCursor<String> t = l.scan(ScanCursor.INITIAL, KeyScanArgs.Builder.type("list").limit(100_000));
        assertThat(t.getKeys()).containsExactly("l:1");
        assertThat(t.isFinished()).isTrue();
    }

    @Test
    void scanErrorsAndOddCursors() {
        Jedis j = jedis();
        j.set("a", "v");
        assertThat(error(j, "scan", "abc")).isEqualTo("ERR invalid cursor");
        assertThat(error(j, "scan", "18446744073709551616")).isEqualTo("ERR invalid cursor");
        assertThat(error(j, "scan", " 1")).isEqualTo("ERR invalid cursor");
        assertThat(error(j, "scan", "0", "count", "0")).isEqualTo("ERR syntax error");
        assertThat(error(j, "scan", "0", "count", "-3")).isEqualTo("ERR syntax error");
        assertThat(error(j, "scan", "0", "count", "x")).isEqualTo("ERR value is not an integer or out of range");
        assertThat(error(j, "scan", "0", "match")).isEqualTo("ERR syntax error");
        assertThat(error(j, "scan", "0", "foo", "bar")).isEqualTo("ERR syntax error");
        assertThat(error(j, "scan")).isEqualTo("ERR wrong number of arguments for 'scan' command");
        // cursors past the end finish at once, as a stale Redis cursor would
        assertThat(call(j, "scan", "18446744073709551615")).isEqualTo(List.of("0", List.of()));
        assertThat(call(j, "scan", "-1")).isEqualTo(List.of("0", List.of()));
        assertThat(call(j, "scan", "0", "COUNT", "100000")).isEqualTo(List.of("0", List.of("a")));
    }

    @Test
    void scanUnderConcurrentWritesReturnsEveryStableKey() throws Exception {
        Jedis j = jedis();
        Set<String> stable = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            j.set("stable:" + i, "v");
            stable.add("stable:" + i);
        }
        for (int i = 0; i < 500; i++) j.set("{churn}stable" + i, "v"); // stable keys in a slot that churns
        for (int i = 0; i < 500; i++) stable.add("{churn}stable" + i);
        for (int i = 0; i < 2000; i++) j.set("doomed:" + i, "v");
        Jedis writer = jedis();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                int n = 0;
                while (!stop.get()) {
                    writer.set("new:" + n, "v");
                    writer.set("{churn}new" + n, "v"); // grows the table of a slot being scanned
                    writer.del("doomed:" + (n % 2000));
                    if (n % 3 == 0) writer.del("{churn}new" + (n / 3));
                    n++;
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        try {
            for (int round = 0; round < 3; round++) {
                List<String> seen = scanAll(j, new ScanParams().count(20));
                assertThat(new HashSet<>(seen)).containsAll(stable);
                Set<String> once = new HashSet<>();
                for (String k : seen) assertThat(once.add(k)).as("returned twice: %s", k).isTrue();
            }
            RedisCommands<String, String> l = lettuce();
            Set<String> got = new HashSet<>();
            KeyScanCursor<String> c = l.scan(ScanArgs.Builder.limit(50));
            got.addAll(c.getKeys());
            while (!c.isFinished()) {
                c = l.scan(c, ScanArgs.Builder.limit(50));
                got.addAll(c.getKeys());
            }
            assertThat(got).containsAll(stable);
        } finally {
            stop.set(true);
            t.join();
        }
        assertThat(failure.get()).isNull();
    }

    @Test
    void randomKeyPicksAmongLiveKeys() {
        Jedis j = jedis();
        assertThat(j.randomKey()).isNull();
        j.set("foo", "v");
        j.set("bar", "v");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200 && seen.size() < 2; i++) seen.add(j.randomKey());
        assertThat(seen).containsExactlyInAnyOrder("foo", "bar");
        RedisCommands<String, String> l = lettuce();
        assertThat(l.randomkey()).isIn("foo", "bar");
        j.del("foo", "bar");
        assertThat(l.randomkey()).isNull();
        // spread: 100 keys, 2000 picks, each key seen
        for (int i = 0; i < 100; i++) j.set("k" + i, "v");
        Set<String> picks = new HashSet<>();
        for (int i = 0; i < 2000; i++) picks.add(j.randomKey());
        assertThat(picks).hasSize(100);
        assertThat(error(j, "randomkey", "x")).isEqualTo("ERR wrong number of arguments for 'randomkey' command");
    }

    @Test
    void randomKeySkipsExpired() throws InterruptedException {
        Jedis j = jedis();
        server().context().housekeeper.activeExpire(false);
        try {
            for (int i = 0; i < 50; i++) j.set("gone" + i, "v", redis.clients.jedis.params.SetParams.setParams().px(20));
            j.set("live", "v");
            Thread.sleep(60);
            for (int i = 0; i < 20; i++) assertThat(j.randomKey()).isEqualTo("live");
        } finally {
            server().context().housekeeper.activeExpire(true);
        }
    }

    private static List<String> scanAll(Jedis j, ScanParams p) {
        return scanAll(j, p, null);
    }

    private static List<String> scanAll(Jedis j, ScanParams p, String type) {
        List<String> out = new java.util.ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> r = type == null ? j.scan(cursor, p) : j.scan(cursor, p, type);
            out.addAll(r.getResult());
            cursor = r.getCursor();
        } while (!cursor.equals("0"));
        return out;
    }
}

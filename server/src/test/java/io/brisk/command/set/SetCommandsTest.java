package io.brisk.command.set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

class SetCommandsTest extends CollectionTest {
    private static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

    @Test
    void saddSremScardSmembersOverJedis() {
        Jedis j = jedis();
        assertThat(j.sadd("s", "a", "b", "c", "a")).isEqualTo(3);
        assertThat(j.sadd("s", "c", "d")).isEqualTo(1);
        assertThat(j.scard("s")).isEqualTo(4);
        assertThat(j.smembers("s")).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(j.srem("s", "a", "zz", "b")).isEqualTo(2);
        assertThat(j.smembers("s")).containsExactlyInAnyOrder("c", "d");
        assertThat(j.srem("missing", "a")).isZero();
        assertThat(j.scard("missing")).isZero();
        assertThat(j.smembers("missing")).isEmpty();
    }

    @Test
    void removingTheLastMemberDeletesTheKey() {
        Jedis j = jedis();
        j.sadd("s", "1", "2");
        assertThat(j.srem("s", "1", "2")).isEqualTo(2);
        assertThat(object("s")).isNull();
        j.sadd("p", "x");
        assertThat(j.spop("p")).isEqualTo("x");
        assertThat(object("p")).isNull();
        j.sadd("q", "x", "y");
        assertThat(j.spop("q", 5)).containsExactlyInAnyOrder("x", "y");
        assertThat(object("q")).isNull();
    }

    @Test
    void sismemberAndSmismember() {
        Jedis j = jedis();
        j.sadd("s", "a", "1");
        assertThat(j.sismember("s", "a")).isTrue();
        assertThat(j.sismember("s", "1")).isTrue();
        assertThat(j.sismember("s", "z")).isFalse();
        assertThat(j.sismember("missing", "z")).isFalse();
        assertThat(j.smismember("s", "a", "z", "1")).containsExactly(true, false, true);
        assertThat(j.smismember("missing", "a")).containsExactly(false);
    }

    @Test
    void wrongTypeAndArityErrors() {
        Jedis j = jedis();
        j.set("str", "v");
        for (String[] c : List.of(new String[] {"SADD", "str", "a"}, new String[] {"SREM", "str", "a"},
                new String[] {"SMEMBERS", "str"}, new String[] {"SISMEMBER", "str", "a"}, new String[] {"SCARD", "str"},
                new String[] {"SPOP", "str"}, new String[] {"SRANDMEMBER", "str"}, new String[] {"SMISMEMBER", "str", "a"},
                new String[] {"SSCAN", "str", "0"}, new String[] {"SINTER", "str"}, new String[] {"SUNION", "str"})) {
            assertThatThrownBy(() -> cmd(j, c)).as(c[0]).hasMessage(WRONGTYPE);
        }
        assertThatThrownBy(() -> cmd(j, "SADD", "s")).hasMessage("ERR wrong number of arguments for 'sadd' command");
        assertThatThrownBy(() -> cmd(j, "SISMEMBER", "s")).hasMessage("ERR wrong number of arguments for 'sismember' command");
        assertThat(j.get("str")).isEqualTo("v");
    }

    @Test
    void spopWithCount() {
        Jedis j = jedis();
        j.sadd("s", "a", "b", "c", "d");
        Set<String> popped = j.spop("s", 3);
        assertThat(popped).hasSize(3).isSubsetOf("a", "b", "c", "d");
        assertThat(j.scard("s")).isEqualTo(1);
        assertThat(j.spop("s", 0)).isEmpty();
        assertThat(j.spop("missing", 2)).isEmpty();
        assertThat(j.spop("missing")).isNull();
        assertThatThrownBy(() -> cmd(j, "SPOP", "s", "-1")).hasMessage("ERR value is out of range, must be positive");
        assertThatThrownBy(() -> cmd(j, "SPOP", "s", "x")).hasMessage("ERR value is out of range, must be positive");
        assertThatThrownBy(() -> cmd(j, "SPOP", "s", "1", "2")).hasMessage("ERR syntax error");
    }

    @Test
    void srandmemberPositiveAndNegativeCounts() {
        Jedis j = jedis();
        j.sadd("s", "a", "b", "c");
        assertThat(j.srandmember("s")).isIn("a", "b", "c");
        assertThat(j.srandmember("s", 2)).hasSize(2).doesNotHaveDuplicates().isSubsetOf("a", "b", "c");
        assertThat(j.srandmember("s", 10)).containsExactlyInAnyOrder("a", "b", "c");
        List<String> repeats = j.srandmember("s", -10);
        assertThat(repeats).hasSize(10).isSubsetOf("a", "b", "c");
        assertThat(j.srandmember("s", 0)).isEmpty();
        assertThat(j.srandmember("missing", 3)).isEmpty();
        assertThat(j.srandmember("missing")).isNull();
        assertThat(j.scard("s")).isEqualTo(3);
        for (int i = 0; i < 300; i++) j.sadd("big", "m" + i);
        assertThat(j.srandmember("big", 10)).hasSize(10).doesNotHaveDuplicates().allSatisfy(m -> assertThat(m).startsWith("m"));
        assertThat(j.srandmember("big", 250)).hasSize(250).doesNotHaveDuplicates();
        assertThatThrownBy(() -> cmd(j, "SRANDMEMBER", "s", "x")).hasMessage("ERR value is not an integer or out of range");
        assertThatThrownBy(() -> cmd(j, "SRANDMEMBER", "s", "1", "2")).hasMessage("ERR syntax error");
    }

    @Test
    void smove() {
        Jedis j = jedis();
        j.sadd("a", "1", "2");
        j.sadd("b", "3");
        assertThat(j.smove("a", "b", "1")).isEqualTo(1);
        assertThat(j.smove("a", "b", "1")).isZero();
        assertThat(j.smembers("b")).containsExactlyInAnyOrder("1", "3");
        assertThat(j.smove("a", "new", "2")).isEqualTo(1);
        assertThat(object("a")).isNull();
        assertThat(j.smembers("new")).containsExactly("2");
        assertThat(j.smove("missing", "b", "1")).isZero();
        assertThat(j.smove("b", "b", "3")).isEqualTo(1);
        assertThat(j.smove("b", "b", "9")).isZero();
        j.set("str", "v");
        assertThatThrownBy(() -> j.smove("b", "str", "3")).hasMessage(WRONGTYPE);
        assertThatThrownBy(() -> j.smove("str", "b", "3")).hasMessage(WRONGTYPE);
        assertThat(j.smove("missing", "str", "3")).isZero();
        assertThat(j.smembers("b")).containsExactlyInAnyOrder("1", "3");
    }

    @Test
    void sscanSmallAndLarge() {
        Jedis j = jedis();
        j.sadd("small", "a1", "a2", "b1");
        ScanResult<String> r = j.sscan("small", "0", new ScanParams().match("a*"));
        assertThat(r.getCursor()).isEqualTo("0");
        assertThat(r.getResult()).containsExactlyInAnyOrder("a1", "a2");
        for (int i = 0; i < 1000; i++) j.sadd("big", "m" + i);
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        int rounds = 0;
        do {
            ScanResult<String> page = j.sscan("big", cursor, new ScanParams().count(50));
            seen.addAll(page.getResult());
            cursor = page.getCursor();
            rounds++;
        } while (!cursor.equals("0"));
        assertThat(seen).hasSize(1000);
        assertThat(rounds).isGreaterThan(5);
        assertThat(cmd(j, "SSCAN", "missing", "0")).isEqualTo(List.of("0", List.of()));
        assertThatThrownBy(() -> cmd(j, "SSCAN", "big", "x")).hasMessage("ERR invalid cursor");
        assertThatThrownBy(() -> cmd(j, "SSCAN", "big", "0", "COUNT", "0")).hasMessage("ERR syntax error");
        assertThatThrownBy(() -> cmd(j, "SSCAN", "big", "0", "COUNT", "x")).hasMessage("ERR value is not an integer or out of range");
        assertThatThrownBy(() -> cmd(j, "SSCAN", "big", "0", "FOO")).hasMessage("ERR syntax error");
    }

    @Test
    void sscanReturnsEveryMemberWhileTheSetShrinks() {
        Jedis j = jedis();
        for (int i = 0; i < 2000; i++) j.sadd("s", "m" + i);
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        int removed = 0;
        do {
            ScanResult<String> page = j.sscan("s", cursor, new ScanParams().count(100));
            seen.addAll(page.getResult());
            cursor = page.getCursor();
            for (int k = 0; k < 150 && removed < 1800; k++) j.srem("s", "m" + (1999 - removed++));
        } while (!cursor.equals("0"));
        // members never removed must all have been returned, although the table shrank meanwhile
        for (int i = 0; i < 200; i++) assertThat(seen).contains("m" + i);
    }

    @Test
    void lettuceReadsSetsAndCounts() {
        var l = lettuce();
        assertThat(l.sadd("s", "a", "b", "c")).isEqualTo(3);
        assertThat(l.smembers("s")).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(l.sismember("s", "a")).isTrue();
        assertThat(l.smismember("s", "a", "x")).containsExactly(true, false);
        assertThat(l.scard("s")).isEqualTo(3);
        assertThat(l.srandmember("s", -4)).hasSize(4);
        assertThat(l.spop("s", 2)).hasSize(2);
        assertThat(l.smove("s", "t", l.smembers("s").iterator().next())).isTrue();
        assertThat(l.scard("s")).isZero();
        assertThat(l.sscan("t").getValues()).hasSize(1);
    }

    @Test
    void readsCountKeyspaceHitsAndMisses() {
        Jedis j = jedis();
        j.sadd("s", "a");
        var ctx = server().context();
        long hits = ctx.keyspaceHits.sum(), misses = ctx.keyspaceMisses.sum();
        j.smembers("s");
        j.sismember("missing", "a");
        j.zscore("missing", "a");
        j.zcard("missing");
        assertThat(ctx.keyspaceHits.sum() - hits).isEqualTo(1);
        assertThat(ctx.keyspaceMisses.sum() - misses).isEqualTo(3);
    }

    @Test
    void expiredSetIsGone() throws InterruptedException {
        Jedis j = jedis();
        j.sadd("s", "a", "b");
        expireIn("s", 30);
        Thread.sleep(60);
        assertThat(j.scard("s")).isZero();
        assertThat(j.smembers("s")).isEmpty();
        assertThat(j.sadd("s", "c")).isEqualTo(1);
        assertThat(j.smembers("s")).containsExactly("c");
    }
}

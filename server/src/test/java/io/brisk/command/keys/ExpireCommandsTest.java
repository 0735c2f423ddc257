package io.brisk.command.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.brisk.store.Housekeeper;
import io.brisk.store.ValueType;
import io.lettuce.core.ExpireArgs;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ExpiryOption;
import redis.clients.jedis.params.SetParams;

/** EXPIRE PEXPIRE EXPIREAT PEXPIREAT EXPIRETIME PEXPIRETIME PERSIST TTL PTTL, lazy and active expiry. */
class ExpireCommandsTest extends KeyTestSupport {

    @Test
    void ttlAnswersMinusTwoAndMinusOne() {
        Jedis j = jedis();
        RedisCommands<String, String> l = lettuce(); // connect first: TTLs below must not age while it does
        assertThat(j.ttl("missing")).isEqualTo(-2);
        assertThat(j.pttl("missing")).isEqualTo(-2);
        assertThat(j.expireTime("missing")).isEqualTo(-2);
        assertThat(j.pexpireTime("missing")).isEqualTo(-2);
        j.set("k", "v");
        assertThat(j.ttl("k")).isEqualTo(-1);
        assertThat(j.pttl("k")).isEqualTo(-1);
        assertThat(j.expireTime("k")).isEqualTo(-1);
        assertThat(j.pexpireTime("k")).isEqualTo(-1);
        assertThat(j.expire("k", 100)).isEqualTo(1);
        assertThat(j.ttl("k")).isEqualTo(100);
        assertThat(j.pttl("k")).isBetween(99_000L, 100_000L);
        assertThat(l.ttl("k")).isEqualTo(100);
        assertThat(l.ttl("missing")).isEqualTo(-2);
        assertThat(l.pttl("k")).isBetween(99_000L, 100_000L);
        assertThat(error(j, "ttl")).isEqualTo("ERR wrong number of arguments for 'ttl' command");
        assertThat(error(j, "pttl", "a", "b")).isEqualTo("ERR wrong number of arguments for 'pttl' command");
    }

    @Test
    void expireOnMissingKeyAnswersZero() {
        Jedis j = jedis();
        assertThat(j.expire("nope", 10)).isZero();
        assertThat(j.pexpire("nope", 10)).isZero();
        assertThat(j.expireAt("nope", 4_000_000_000L)).isZero();
        assertThat(j.pexpireAt("nope", 4_000_000_000_000L)).isZero();
        assertThat(j.exists("nope")).isFalse();
    }

    @Test
    void millisecondPrecision() {
        Jedis j = jedis();
        j.set("k", "v");
        assertThat(j.pexpire("k", 300)).isEqualTo(1);
        long pttl = j.pttl("k");
        assertThat(pttl).isBetween(200L, 300L);
        assertThat(j.ttl("k")).isZero(); // 300 ms rounds to 0 seconds
        j.pexpire("k", 1_900);
        assertThat(j.ttl("k")).isEqualTo(2); // rounded to the nearest second, as Redis does
        j.pexpire("k", 150);
        sleep(250);
        assertThat(j.get("k")).isNull();
        assertThat(j.pttl("k")).isEqualTo(-2);
    }

    @Test
    void absoluteTimes() {
        Jedis j = jedis();
        j.set("k", "v");
        long at = System.currentTimeMillis() / 1000 + 1000;
        assertThat(j.expireAt("k", at)).isEqualTo(1);
        assertThat(j.expireTime("k")).isEqualTo(at);
        assertThat(j.pexpireTime("k")).isEqualTo(at * 1000);
        long pat = System.currentTimeMillis() + 123_456;
        assertThat(j.pexpireAt("k", pat)).isEqualTo(1);
        assertThat(j.pexpireTime("k")).isEqualTo(pat);
        assertThat(j.expireTime("k")).isEqualTo((pat + 500) / 1000);
        RedisCommands<String, String> l = lettuce();
        assertThat(l.pexpiretime("k")).isEqualTo(pat);
        assertThat(l.expireat("k", at)).isTrue();
        assertThat(l.expiretime("k")).isEqualTo(at);
        assertThat(l.pexpireat("k", pat)).isTrue();
    }

    @Test
    void pastOrNegativeTimesDeleteTheKey() {
        Jedis j = jedis();
        for (String cmd : new String[] {"expire", "pexpire", "expireat", "pexpireat"}) {
            j.set("k", "v");
            assertThat(call(j, cmd, "k", "-5")).as(cmd).isEqualTo(1L);
            assertThat(j.exists("k")).as(cmd).isFalse();
            j.set("k", "v");
            assertThat(call(j, cmd, "k", "0")).as(cmd).isEqualTo(1L);
            assertThat(j.exists("k")).as(cmd).isFalse();
        }
        j.set("k", "v");
        assertThat(j.expireAt("k", System.currentTimeMillis() / 1000 - 10)).isEqualTo(1);
        assertThat(j.exists("k")).isFalse();
        plant(0, "h", ValueType.HASH, "listpack");
        assertThat(j.expire("h", -1)).isEqualTo(1);
        assertThat(j.exists("h")).isFalse();
    }

    @Test
    void overflowIsAnError() {
        Jedis j = jedis();
        j.set("k", "v");
        assertThat(error(j, "expire", "k", "9223372036854775807")).isEqualTo("ERR invalid expire time in 'expire' command");
        assertThat(error(j, "expire", "k", "-9223372036854775807")).isEqualTo("ERR invalid expire time in 'expire' command");
        assertThat(error(j, "pexpire", "k", "9223372036854775807")).isEqualTo("ERR invalid expire time in 'pexpire' command");
        assertThat(error(j, "expireat", "k", "9223372036854775807")).isEqualTo("ERR invalid expire time in 'expireat' command");
        assertThat(error(j, "expire", "k", "9223372036854775")).isEqualTo("ERR invalid expire time in 'expire' command");
        // PEXPIREAT adds nothing, so the largest time is accepted
        assertThat(call(j, "pexpireat", "k", "9223372036854775807")).isEqualTo(1L);
        assertThat(j.pexpireTime("k")).isEqualTo(Long.MAX_VALUE);
        assertThat(j.expireTime("k")).isEqualTo(9223372036854776L); // rounded up, as Redis answers
        assertThat(error(j, "expire", "k", "abc")).isEqualTo("ERR value is not an integer or out of range");
        assertThat(error(j, "pexpire", "k", "1.5")).isEqualTo("ERR value is not an integer or out of range");
        assertThat(error(j, "expire", "k", "99999999999999999999")).isEqualTo("ERR value is not an integer or out of range");
        assertThat(error(j, "expire", "k")).isEqualTo("ERR wrong number of arguments for 'expire' command");
        assertThat(j.get("k")).isEqualTo("v");
        RedisCommands<String, String> l = lettuce();
        assertThatThrownBy(() -> l.expire("k", Long.MAX_VALUE)).isInstanceOf(RedisCommandExecutionException.class)
                .hasMessage("ERR invalid expire time in 'expire' command");
    }

    @Test
    void optionErrors() {
        Jedis j = jedis();
        j.set("k", "v");
        assertThat(error(j, "expire", "k", "10", "nx", "xx")).isEqualTo("ERR NX and XX, GT or LT options at the same time are not compatible");
        assertThat(error(j, "expire", "k", "10", "NX", "GT")).isEqualTo("ERR NX and XX, GT or LT options at the same time are not compatible");
        assertThat(error(j, "pexpire", "k", "10", "lt", "nx")).isEqualTo("ERR NX and XX, GT or LT options at the same time are not compatible");
        assertThat(error(j, "expireat", "k", "10", "gt", "lt")).isEqualTo("ERR GT and LT options at the same time are not compatible");
        assertThat(error(j, "pexpireat", "k", "10", "foo")).isEqualTo("ERR Unsupported option foo");
        // options are checked before the number, as Redis does
        assertThat(error(j, "expire", "k", "abc", "bar")).isEqualTo("ERR Unsupported option bar");
        assertThat(j.ttl("k")).isEqualTo(-1);
    }

    @Test
    void nxXxGtLt() {
        Jedis j = jedis();
        j.set("k", "v");
        assertThat(j.expire("k", 100, ExpiryOption.XX)).isZero(); // no TTL yet
        assertThat(j.expire("k", 100, ExpiryOption.GT)).isZero(); // no TTL = infinite
        assertThat(j.ttl("k")).isEqualTo(-1);
        assertThat(j.expire("k", 100, ExpiryOption.LT)).isEqualTo(1); // anything is less than infinite
        assertThat(j.expire("k", 200, ExpiryOption.NX)).isZero();
        assertThat(j.ttl("k")).isEqualTo(100);
        assertThat(j.expire("k", 200, ExpiryOption.XX)).isEqualTo(1);
        assertThat(j.expire("k", 150, ExpiryOption.GT)).isZero();
        assertThat(j.expire("k", 300, ExpiryOption.GT)).isEqualTo(1);
        assertThat(j.expire("k", 400, ExpiryOption.LT)).isZero();
        assertThat(j.expire("k", 50, ExpiryOption.LT)).isEqualTo(1);
        assertThat(j.ttl("k")).isEqualTo(50);
        assertThat(call(j, "expire", "k", "60", "xx", "gt")).isEqualTo(1L);
        assertThat(j.ttl("k")).isEqualTo(60);
        assertThat(j.pexpire("k", 10_000, ExpiryOption.LT)).isEqualTo(1);
        j.set("n", "v");
        assertThat(j.expire("n", 100, ExpiryOption.NX)).isEqualTo(1);
        RedisCommands<String, String> l = lettuce();
        l.set("m", "v");
        assertThat(l.expire("m", 100, ExpireArgs.Builder.xx())).isFalse();
        assertThat(l.expire("m", 100, ExpireArgs.Builder.nx())).isTrue();
        assertThat(l.expire("m", 50, ExpireArgs.Builder.gt())).isFalse();
        assertThat(l.expire("m", 50, ExpireArgs.Builder.lt())).isTrue();
        assertThat(l.pexpire("m", 60_000, ExpireArgs.Builder.gt())).isTrue();
        assertThat(l.ttl("m")).isEqualTo(60);
        // a past time with a condition that fails leaves the key alone
        assertThat(j.expire("m", -1, ExpiryOption.GT)).isZero();
        assertThat(j.exists("m")).isTrue();
        assertThat(j.expire("m", -1, ExpiryOption.LT)).isEqualTo(1);
        assertThat(j.exists("m")).isFalse();
    }

    @Test
    void persistRemovesTtl() {
        Jedis j = jedis();
        assertThat(j.persist("missing")).isZero();
        j.set("k", "v");
        assertThat(j.persist("k")).isZero();
        j.expire("k", 100);
        assertThat(j.persist("k")).isEqualTo(1);
        assertThat(j.ttl("k")).isEqualTo(-1);
        assertThat(j.get("k")).isEqualTo("v");
        RedisCommands<String, String> l = lettuce();
        l.expire("k", 100);
        assertThat(l.persist("k")).isTrue();
        assertThat(l.persist("k")).isFalse();
        assertThat(error(j, "persist")).isEqualTo("ERR wrong number of arguments for 'persist' command");
    }

    @Test
    void setWithoutKeepttlClearsTtl() {
        Jedis j = jedis();
        j.set("k", "v", SetParams.setParams().ex(100));
        assertThat(j.ttl("k")).isEqualTo(100);
        j.set("k", "v2", SetParams.setParams().keepTtl());
        assertThat(j.ttl("k")).isEqualTo(100);
        j.set("k", "v3");
        assertThat(j.ttl("k")).isEqualTo(-1);
        assertThat(j.get("k")).isEqualTo("v3");
    }

    @Test
    void activeCycleRemovesKeysNobodyTouches() {
        Jedis j = jedis();
        for (int i = 0; i < 200; i++) j.set("tmp:" + i, "v", SetParams.setParams().px(1500));
        for (int i = 0; i < 20; i++) j.set("keep:" + i, "v");
        assertThat(j.dbSize()).isEqualTo(220);
        // DBSIZE counts keys without looking them up, so only the active cycle can bring it down
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> j.dbSize() == 20);
        assertThat(j.exists("keep:0")).isTrue();
    }

    @Test
    void withActiveExpiryOffOnlyLookupsExpire() {
        Housekeeper hk = server().context().housekeeper;
        Jedis j = jedis();
        hk.activeExpire(false);
        try {
            for (int i = 0; i < 10; i++) j.set("tmp:" + i, "v", SetParams.setParams().px(50));
            sleep(300);
            assertThat(j.dbSize()).isEqualTo(10); // still in the table
            assertThat(j.exists("tmp:0", "tmp:1")).isZero(); // lazily expired on lookup
            assertThat(j.dbSize()).isEqualTo(8);
            assertThat(j.keys("*")).isEmpty(); // walks skip expired keys
            assertThat(j.randomKey()).isNull();
        } finally {
            hk.activeExpire(true);
        }
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> j.dbSize() == 0);
    }

    @Test
    void expireWorksOnCollections() {
        Jedis j = jedis();
        plant(0, "z", ValueType.ZSET, "skiplist");
        assertThat(j.pexpire("z", 100_000)).isEqualTo(1);
        assertThat(j.pttl("z")).isBetween(90_000L, 100_000L);
        assertThat(j.type("z")).isEqualTo("zset");
        assertThat(j.persist("z")).isEqualTo(1);
        assertThat(j.ttl("z")).isEqualTo(-1);
        assertThat(j.type("z")).isEqualTo("zset");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}

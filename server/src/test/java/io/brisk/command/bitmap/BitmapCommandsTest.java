package io.brisk.command.bitmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brisk.testing.ServerTest;
import io.lettuce.core.BitFieldArgs;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.BitCountOption;
import redis.clients.jedis.args.BitOP;
import redis.clients.jedis.params.BitPosParams;

/** Bitmap commands through Jedis (RESP2) and Lettuce (RESP3). */
class BitmapCommandsTest extends ServerTest {
    @Test
    void setbitGetbitBitcountOverJedis() {
        Jedis j = jedis();
        assertThat(j.setbit("b", 7, true)).isFalse();
        assertThat(j.setbit("b", 7, true)).isTrue();
        assertThat(j.getbit("b", 7)).isTrue();
        assertThat(j.getbit("b", 6)).isFalse();
        assertThat(j.get("b".getBytes())).containsExactly(1);
        j.setbit("b", 8 * 1024 * 1024, true); // grows to 1 MiB + 1 byte, zero filled
        assertThat(j.strlen("b")).isEqualTo(1024 * 1024 + 1);
        assertThat(j.bitcount("b")).isEqualTo(2);
        assertThat(j.bitcount("b", 1, -1)).isEqualTo(1);
        assertThat(j.bitcount("b", 0, 7, BitCountOption.BIT)).isEqualTo(1);
        assertThat(j.bitpos("b", true)).isEqualTo(7);
        assertThat(j.bitpos("b", true, BitPosParams.bitPosParams().start(1))).isEqualTo(8 * 1024 * 1024);
        assertThat(j.bitpos("b", false)).isZero();
        assertThatThrownBy(() -> j.setbit("b", -1, true)).hasMessage("ERR bit offset is not an integer or out of range");
    }

    @Test
    void bitopOverBothClients() {
        Jedis j = jedis();
        j.set("{k}a", "abc");
        j.set("{k}b", "xyz12");
        assertThat(j.bitop(BitOP.XOR, "{k}d", "{k}a", "{k}b")).isEqualTo(5);
        byte[] x = j.get("{k}d".getBytes());
        assertThat(x).containsExactly('a' ^ 'x', 'b' ^ 'y', 'c' ^ 'z', '1', '2');
        RedisCommands<String, String> l = lettuce();
        assertThat(l.bitopNot("{k}n", "{k}a")).isEqualTo(3);
        assertThat(l.bitopAnd("{k}e", "{k}missing")).isZero();
        assertThat(l.get("{k}e")).isNull();
        assertThatThrownBy(() -> j.bitop(BitOP.NOT, "{k}d", "{k}a", "{k}b"))
                .hasMessage("ERR BITOP NOT must be called with a single source key.");
    }

    @Test
    void bitfieldOverLettuce() {
        RedisCommands<String, String> l = lettuce();
        BitFieldArgs args = BitFieldArgs.Builder.set(BitFieldArgs.signed(8), 0, 100).get(BitFieldArgs.signed(8), 0)
                .overflow(BitFieldArgs.OverflowType.SAT).incrBy(BitFieldArgs.signed(8), 0, 100)
                .overflow(BitFieldArgs.OverflowType.FAIL).incrBy(BitFieldArgs.unsigned(4), 100, 20);
        assertThat(l.bitfield("f", args)).containsExactly(0L, 100L, 127L, null);
        assertThat(l.strlen("f")).isEqualTo(13);
        Jedis j = jedis();
        assertThat(j.bitfield("f", "GET", "i8", "0", "GET", "u4", "100")).containsExactly(127L, 0L);
        assertThat(j.bitfieldReadonly("f", "GET", "i8", "0")).containsExactly(127L);
        assertThatThrownBy(() -> j.bitfieldReadonly("f", "SET", "i8", "0", "1"))
                .hasMessage("ERR BITFIELD_RO only supports the GET subcommand");
        assertThatThrownBy(() -> j.bitfield("f", "GET", "u64", "0"))
                .hasMessage("ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.");
    }
}

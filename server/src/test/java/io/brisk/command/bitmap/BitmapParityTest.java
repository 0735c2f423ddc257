package io.brisk.command.bitmap;

import io.brisk.command.string.RedisParity;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bitmap commands answer exactly as redis-server does: scripted edge cases and seeded random ones. */
class BitmapParityTest extends RedisParity {
    @Test
    void setbitGetbit() {
        assertSameAsRedis("SETBIT b 7 1", "GET b", "SETBIT b 7 1", "SETBIT b 7 0", "SETBIT b 100 1", "STRLEN b", "GETBIT b 100",
                "GETBIT b 99", "GETBIT b 100000", "GETBIT missing 5", "SETBIT n 0 0", "GET n", "SETBIT b -1 1", "SETBIT b x 1",
                "SETBIT b 1 2", "SETBIT b 1 x", "SETBIT b 1 -1", "SETBIT b 4294967296 1", "GETBIT b 4294967296", "GETBIT b -1",
                "RPUSH l a", "SETBIT l 1 1", "GETBIT l 1", "SET t abc", "EXPIRE t 100", "SETBIT t 30 1", "TTL t", "GET t",
                "SETBIT", "GETBIT b");
    }

    @Test
    void bitcountAndBitpos() {
        assertSameAsRedis("SET s foobar", "BITCOUNT s", "BITCOUNT s 0 0", "BITCOUNT s 1 1", "BITCOUNT s 1 -2", "BITCOUNT s 5 30 BIT",
                "BITCOUNT s 0 -1 bit", "BITCOUNT s -1 -5", "BITCOUNT s 1", "BITCOUNT s 0 1 FOO", "BITCOUNT s a b",
                "BITCOUNT missing a b", "BITCOUNT missing", "RPUSH l a", "BITCOUNT l", "BITPOS l 1", "SET z ''", "BITCOUNT z",
                "BITPOS z 0", "BITPOS z 1", "SET f \u00ff\u00f0\u0000", "BITPOS s 2", "BITPOS s x", "BITPOS missing 0",
                "BITPOS missing 1", "BITPOS s 1", "BITPOS s 0", "BITPOS s 1 2", "BITPOS s 0 1 2", "BITPOS s 1 -1", "BITPOS s 0 3 2",
                "BITPOS s 1 7 15 BIT", "BITPOS s 0 7 15 bit", "BITPOS s 0 1 2 3 4", "BITPOS s 0 0 -1 foo", "BITPOS s 1 a",
                "BITPOS s 1 0 b", "SETBIT ones 0 1", "SET ones \u00ff", "BITPOS ones 0", "BITPOS ones 0 0", "BITPOS ones 0 0 -1",
                "BITPOS ones 0 0 7 BIT", "BITPOS ones 0 2 BIT", "BITPOS ones 1 3 BIT", "BITCOUNT", "BITPOS s");
    }

    @Test
    void bitop() {
        assertSameAsRedis("SET a abc", "SET b xyz12", "BITOP AND d a b", "GET d", "BITOP OR d a b", "GET d", "BITOP XOR d a b",
                "GET d", "BITOP NOT d a", "GET d", "BITOP NOT d a b", "BITOP FOO d a", "BITOP AND d missing", "EXISTS d",
                "BITOP or d a missing", "GET d", "RPUSH l x", "BITOP AND d a l", "BITOP AND l a", "GET l", "SET t v",
                "EXPIRE t 100", "BITOP OR t a", "TTL t", "BITOP AND d");
    }

    @Test
    void bitfield() {
        assertSameAsRedis("BITFIELD bf SET i8 0 100 GET i8 0 INCRBY i8 0 100", "BITFIELD bf OVERFLOW SAT INCRBY i8 0 100",
                "BITFIELD bf OVERFLOW FAIL INCRBY i8 0 100 GET i8 0", "BITFIELD bf INCRBY u2 100 1 OVERFLOW SAT INCRBY u2 102 1",
                "BITFIELD bf OVERFLOW WRAP INCRBY u2 100 5", "BITFIELD bf SET u8 #1 300 GET u8 #1 GET i8 #1", "GET bf",
                "BITFIELD bf GET i64 0 GET u63 1 SET i64 0 -1 GET i64 0 GET u63 0", "BITFIELD bf INCRBY i64 0 -9223372036854775808",
                "BITFIELD bf OVERFLOW SAT INCRBY i64 0 -9223372036854775808", "BITFIELD bf OVERFLOW FAIL SET i4 0 100 GET i4 0",
                "BITFIELD bf SET u63 0 -1 GET u63 0", "BITFIELD bf GET u64 0", "BITFIELD bf GET i65 0", "BITFIELD bf GET I8 0",
                "BITFIELD bf GET i0 0", "BITFIELD bf GET i8 -1", "BITFIELD bf GET i8 #-1", "BITFIELD bf GET i8 x",
                "BITFIELD bf SET i8 0 x", "BITFIELD bf OVERFLOW foo", "BITFIELD bf FOO", "BITFIELD bf GET i8", "BITFIELD bf",
                "BITFIELD missing GET u4 0", "EXISTS missing", "BITFIELD new OVERFLOW FAIL INCRBY u2 100 5", "STRLEN new",
                "BITFIELD_RO bf GET i8 0 GET u4 4", "BITFIELD_RO bf SET i8 0 1", "BITFIELD_RO bf INCRBY i8 0 1", "RPUSH l a",
                "BITFIELD l GET i8 0", "BITFIELD l SET i8 0 1", "BITFIELD_RO l GET i8 0", "BITFIELD l FOO",
                "BITFIELD bf GET i8 4294967296", "BITFIELD bf SET i8 #536870911 1", "BITFIELD");
    }

    /** Seeded random BITFIELD writes of every width, sign and overflow mode agree with Redis, then the bytes do. */
    @Test
    void randomBitfieldWritesAgree() {
        Random rnd = new Random(3);
        List<String> script = new ArrayList<>();
        String[] modes = {"WRAP", "SAT", "FAIL"};
        for (int i = 0; i < 400; i++) {
            boolean signed = rnd.nextBoolean();
            int bits = 1 + rnd.nextInt(signed ? 64 : 63);
            String type = (signed ? "i" : "u") + bits;
            String offset = rnd.nextInt(4) == 0 ? "#" + rnd.nextInt(8) : Integer.toString(rnd.nextInt(200));
            long value = switch (rnd.nextInt(4)) {
                case 0 -> rnd.nextLong();
                case 1 -> rnd.nextInt(256) - 128;
                case 2 -> (rnd.nextBoolean() ? 1 : -1) * (1L << rnd.nextInt(63));
                default -> rnd.nextInt(5) - 2;
            };
            String op = rnd.nextBoolean() ? "SET" : "INCRBY";
            script.add("BITFIELD w OVERFLOW " + modes[rnd.nextInt(3)] + " " + op + " " + type + " " + offset + " " + value
                    + " GET " + type + " " + offset);
        }
        script.add("GET w");
        assertSameAsRedis(script.toArray(String[]::new));
    }

    /** Random bitmaps and random ranges: BITCOUNT and BITPOS agree with Redis on every one. */
    @Test
    void randomRangesAgree() {
        Random rnd = new Random(7);
        List<String> script = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            int len = 1 + rnd.nextInt(40);
            for (int i = 0; i < len * 3; i++) script.add("SETBIT r" + k + " " + rnd.nextInt(len * 8) + " 1");
            if (k % 2 == 0) for (int i = 0; i < len * 8; i += 1 + rnd.nextInt(3)) script.add("SETBIT r" + k + " " + i + " 1");
            for (int q = 0; q < 60; q++) {
                int a = rnd.nextInt(len * 10) - len * 5, b = rnd.nextInt(len * 10) - len * 5;
                String unit = rnd.nextBoolean() ? " BIT" : " BYTE";
                script.add("BITCOUNT r" + k + " " + a + " " + b + unit);
                script.add("BITPOS r" + k + " " + rnd.nextInt(2) + " " + a + " " + b + unit);
                script.add("BITPOS r" + k + " " + rnd.nextInt(2) + " " + a);
                script.add("BITFIELD r" + k + " GET " + (rnd.nextBoolean() ? "i" : "u") + (1 + rnd.nextInt(63)) + " " + rnd.nextInt(len * 8 + 20));
            }
            script.add("BITFIELD r" + k + " OVERFLOW " + List.of("WRAP", "SAT", "FAIL").get(rnd.nextInt(3)) + " INCRBY i"
                    + (1 + rnd.nextInt(64)) + " " + rnd.nextInt(len * 8) + " " + rnd.nextLong());
            script.add("GET r" + k);
        }
        assertSameAsRedis(script.toArray(String[]::new));
    }
}

package io.brisk.command.string;

import org.junit.jupiter.api.Test;

/** Brisk's string commands answer exactly as redis-server does, errors included. */
class StringParityTest extends RedisParity {
    @Test
    void setOptions() {
        assertSameAsRedis("SET k v", "SET k v NX", "SET k v2 XX", "GET k", "SET k v NX XX", "SET k v XX NX",
                "SET k v EX 10 EX 20", "TTL k", "SET k v EX 10 PX 100", "SET k v KEEPTTL EX 10", "SET k v EX 10 KEEPTTL",
                "SET k v EX abc FOO", "SET k v EX abc", "SET k v EX 0", "SET k v PX -1", "SET k v EX 9223372036854775",
                "SET k v PX 9223372036854775000", "SET k v EXAT 1", "EXISTS k", "SET k v PXAT 99999999999999",
                "TTL k", "SET k v2 KEEPTTL", "TTL k", "SET k v3", "TTL k", "SET k v GET", "SET k v4 GET NX", "GET k",
                "SET new v GET", "GET new", "SET k v FOO", "SET k v EX", "SET k v PERSIST", "RPUSH l a", "SET l v GET",
                "SET l v", "GET l", "SET", "SET k", "set k v ex 100 get xx", "TTL k");
    }

    @Test
    void setnxSetexGetsetGetdelGetex() {
        assertSameAsRedis("SETNX k 1", "SETNX k 2", "GET k", "SETEX k 100 v", "TTL k", "SETEX k 0 v", "SETEX k -5 v",
                "SETEX k abc v", "PSETEX k 100000 v", "TTL k", "PSETEX k 0 v", "SETEX k 100", "GETSET k new", "TTL k",
                "GETSET missing x", "GET missing", "RPUSH l a", "GETSET l x", "GETDEL k", "GETDEL k", "GETDEL l",
                "SET g v", "GETEX g", "GETEX g EX 100", "TTL g", "GETEX g PERSIST", "TTL g", "GETEX g PX 100000", "TTL g",
                "GETEX g EXAT 99999999999", "TTL g", "GETEX g PXAT 1", "EXISTS g", "SET g v", "GETEX g EX 0",
                "GETEX g EX abc", "GETEX missing EX abc", "GETEX g PERSIST EX 10", "GETEX g EX 10 PERSIST",
                "GETEX g EX 10 EX 20", "TTL g", "GETEX g NX", "GETEX g KEEPTTL", "GETEX g FOO", "GETEX l", "GETEX");
    }

    @Test
    void multiKey() {
        assertSameAsRedis("MSET a 1 b 2 c 3", "MGET a b c d", "RPUSH l x", "MGET a l", "MSET a", "MSET a 1 b",
                "MSETNX a 9 z 9", "MGET a z", "MSETNX y 1 z 2", "MGET y z", "MSETNX l 1", "MSET a 1 a 2", "GET a",
                "SET t v EX 100", "MSET t x u y", "TTL t", "GET t", "MSETNX t z", "MGET t u");
    }

    @Test
    void counters() {
        assertSameAsRedis("INCR n", "INCR n", "DECR n", "INCRBY n 10", "DECRBY n 20", "GET n", "INCRBY n abc",
                "DECRBY n 1.5", "SET n 9223372036854775807", "INCR n", "INCRBY n 0", "SET n -9223372036854775808",
                "DECR n", "INCRBY n -1", "DECRBY n -9223372036854775808", "DECRBY n 9223372036854775807",
                "SET n 007", "INCR n", "SET n ' 1'", "SET n 12345678901234567890", "INCR n", "SET n -0", "INCR n",
                "SET n 1e3", "INCR n", "SET n +1", "INCR n", "RPUSH l a", "INCR l", "INCRBY l abc", "SET t 5",
                "EXPIRE t 100", "INCR t", "TTL t", "INCRBY n", "INCR");
    }

    @Test
    void incrByFloat() {
        assertSameAsRedis("INCRBYFLOAT f 10.5", "INCRBYFLOAT f 0.1", "INCRBYFLOAT f 5.0e3", "GET f", "INCRBYFLOAT f -5010.6",
                "INCRBYFLOAT f abc", "INCRBYFLOAT f inf", "INCRBYFLOAT f -inf", "INCRBYFLOAT f nan", "SET f 1e308",
                "INCRBYFLOAT f 1e308", "INCRBYFLOAT f 1.5", "SET f 3", "INCRBYFLOAT f 0x10", "INCRBYFLOAT f 1e-20",
                "INCRBYFLOAT f .5", "INCRBYFLOAT f 5.", "INCRBYFLOAT f ' 1'", "INCRBYFLOAT f 1e", "INCRBYFLOAT f 1e99999",
                "INCRBYFLOAT f 1e-99999", "SET f abc", "INCRBYFLOAT f 1", "SET f inf", "INCRBYFLOAT f 1", "SET f 0.1",
                "INCRBYFLOAT f 0.2", "INCRBYFLOAT f -0.30000000000000004", "INCRBYFLOAT g 1.23456789012345678901",
                "INCRBYFLOAT h -3", "INCRBYFLOAT h 3", "RPUSH l a", "INCRBYFLOAT l 1", "INCRBYFLOAT l abc",
                "INCRBYFLOAT i 1e4000", "INCRBYFLOAT i 1e4000", "SET t 5", "EXPIRE t 100", "INCRBYFLOAT t 1", "TTL t");
    }

    /** Seeded random increments: the x87 long double sums and their text agree digit for digit. */
    @Test
    void incrByFloatRandomSums() {
        java.util.Random rnd = new java.util.Random(11);
        java.util.List<String> script = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String key = "f" + (i % 7);
            String incr = switch (i % 5) {
                case 0 -> Double.toString(rnd.nextGaussian() * Math.pow(10, rnd.nextInt(30) - 10));
                case 1 -> Long.toString(rnd.nextLong() >> rnd.nextInt(64));
                case 2 -> rnd.nextInt(1000) + "." + rnd.nextInt(1000);
                case 3 -> "-0." + rnd.nextInt(100000) + "e" + (rnd.nextInt(40) - 20);
                default -> rnd.nextInt(10) + "e" + rnd.nextInt(25);
            };
            script.add("INCRBYFLOAT " + key + " " + incr);
        }
        assertSameAsRedis(script.toArray(String[]::new));
    }

    @Test
    void ranges() {
        assertSameAsRedis("APPEND a hello", "APPEND a ' world'", "GET a", "APPEND a ''", "APPEND e ''", "EXISTS e",
                "STRLEN a", "STRLEN missing", "GETRANGE a 0 4", "GETRANGE a -5 -1", "GETRANGE a -1 -5", "GETRANGE a 5 2",
                "GETRANGE a 0 100", "GETRANGE a -100 2", "GETRANGE a 100 200", "GETRANGE missing 0 1",
                "GETRANGE a x 1", "SUBSTR a 1 3", "SETRANGE a 6 W", "GET a", "SETRANGE a 20 !", "GET a", "STRLEN a",
                "SETRANGE n 3 abc", "GET n", "SETRANGE z 5 ''", "EXISTS z", "SETRANGE a 2 ''", "SETRANGE a -1 x",
                "SETRANGE a abc x", "SETRANGE a 536870912 x", "RPUSH l x", "APPEND l x",
                "STRLEN l", "GETRANGE l 0 1", "SETRANGE l 0 x", "SETRANGE l 0 ''", "SET t 5", "EXPIRE t 100",
                "APPEND t 6", "SETRANGE t 0 x", "TTL t", "GETRANGE missing x y");
    }

    @Test
    void lcs() {
        assertSameAsRedis("MSET a ohmytext b mynewtext", "LCS a b", "LCS a b LEN", "LCS a b IDX", "LCS a b IDX MINMATCHLEN 4",
                "LCS a b IDX WITHMATCHLEN", "LCS a b IDX MINMATCHLEN -3 WITHMATCHLEN", "LCS a b LEN IDX", "LCS a b FOO",
                "LCS a b MINMATCHLEN", "LCS a b IDX MINMATCHLEN x", "LCS a missing", "LCS missing missing IDX",
                "RPUSH l x", "LCS a l", "LCS l a FOO", "SET c aaaaabbbbbaaaaa", "SET d aaabbbbbbaaaaaa", "LCS c d IDX WITHMATCHLEN",
                "LCS d c IDX", "LCS c c IDX", "LCS a");
    }
}

package io.brisk.command.memcache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Meta state (explicit CAS, stale/won bits, CAS kept across a moving touch) of items that die over
 * RESP, where no memcached read ever sees them again, is dropped by the housekeeper's sweep; state
 * of live items stays.
 */
class MetaStateSweepTest extends MemcacheTestBase {

    private static int records() {
        return server().net().memcache().meta.size();
    }

    /** Polls until the side table holds n records; the sweep runs on the housekeeper, hz times a second. */
    private static void awaitRecords(int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (records() != n && System.currentTimeMillis() < deadline) Thread.sleep(20);
        assertThat(records()).isEqualTo(n);
    }

    @Test
    void stateOfItemsThatDieOverRespIsSwept() throws Exception {
        Jedis j = jedis();
        try (Raw r = raw()) {
            assertThat(r.line("ms deleted 1 E111\r\nx\r\n")).isEqualTo("HD\r\n");
            assertThat(r.line("ms overwritten 1 E222\r\nx\r\n")).isEqualTo("HD\r\n");
            assertThat(r.line("ms expiring 1 E333\r\nx\r\n")).isEqualTo("HD\r\n");
            assertThat(r.line("ms stale 1\r\nx\r\n")).isEqualTo("HD\r\n");
            assertThat(r.line("md stale I\r\n")).isEqualTo("HD\r\n"); // marks it stale: a record with bits
            assertThat(r.line("set touched 0 0 1\r\nx\r\n")).isEqualTo("STORED\r\n");
            assertThat(r.line("touch touched 1000\r\n")).isEqualTo("TOUCHED\r\n"); // gains an expiry: moves, keeps its CAS
        }
        assertThat(records()).isEqualTo(5);
        j.del("deleted");
        j.set("overwritten", "y");
        j.pexpire("expiring", 1);
        j.del("stale");
        j.rename("touched", "renamed");
        awaitRecords(0);
    }

    @Test
    void stateOfLiveItemsIsKept() throws Exception {
        Jedis j = jedis();
        try (Raw r = raw()) {
            assertThat(r.line("ms live 1 E12345\r\nx\r\n")).isEqualTo("HD\r\n");
            assertThat(r.line("set touched 0 0 1\r\nx\r\n")).isEqualTo("STORED\r\n");
            String cas = r.line("mg touched c\r\n");
            assertThat(r.line("touch touched 1000\r\n")).isEqualTo("TOUCHED\r\n");
            assertThat(r.line("ms dead 1 E1\r\nx\r\n")).isEqualTo("HD\r\n");
            j.del("dead");
            awaitRecords(2); // the sweep has run: the dead record went
            Thread.sleep(500); // and several ticks more (hz 10)
            assertThat(records()).isEqualTo(2);
            assertThat(r.line("mg live c\r\n")).isEqualTo("HD c12345\r\n");
            assertThat(r.line("mg touched c\r\n")).isEqualTo(cas);
        }
    }

    @Test
    void aTableLargerThanOneStepIsSweptOverSeveralTicks() throws Exception {
        int n = 7 * MetaState.MIN_STEP;
        StringBuilder sets = new StringBuilder();
        for (int i = 0; i < n; i++) sets.append("ms k").append(i).append(" 1 q E").append(i + 1).append("\r\nx\r\n");
        java.util.List<String> dead = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) if (i % 7 != 0) dead.add("k" + i);
        try (Raw r = raw()) {
            assertThat(r.call(sets + "mn\r\n", "MN\r\n")).isEqualTo("MN\r\n"); // q: quiet on success
            assertThat(records()).isEqualTo(n);
            jedis().del(dead.toArray(String[]::new));
            awaitRecords(n / 7);
            assertThat(r.line("mg k7 c\r\n")).isEqualTo("HD c8\r\n");
        }
    }

    @Test
    void flushesDropAllState() throws Exception {
        Jedis j = jedis();
        try (Raw r = raw()) {
            assertThat(r.line("ms a 1 E7\r\nx\r\n")).isEqualTo("HD\r\n");
            j.flushAll();
            assertThat(records()).isZero();
            assertThat(r.line("ms a 1 E7\r\nx\r\n")).isEqualTo("HD\r\n");
            j.flushDB();
            assertThat(records()).isZero();
            assertThat(r.line("ms a 1 E7\r\nx\r\n")).isEqualTo("HD\r\n");
            assertThat(r.line("flush_all\r\n")).isEqualTo("OK\r\n");
            assertThat(records()).isZero();
        }
    }
}

package io.brisk.store.set;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberTableTest {
    private static byte[] b(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    @Test
    void behavesLikeAHashSetUnderChurn() {
        Random rnd = new Random(7);
        MemberTable t = new MemberTable(0, true);
        Set<String> model = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            String k = "k" + rnd.nextInt(3000);
            if (rnd.nextInt(3) == 0) assertThat(t.remove(b(k))).isEqualTo(model.remove(k));
            else {
                assertThat(t.put(b(k), k)).isEqualTo(model.add(k));
                assertThat(t.get(b(k))).isEqualTo(k);
            }
        }
        assertThat(t.size()).isEqualTo(model.size());
        for (String k : model) assertThat(t.contains(b(k))).isTrue();
        int occupied = 0;
        for (int i = 0; i < t.capacity(); i++) if (t.keyAt(i) != null) occupied++;
        assertThat(occupied).isEqualTo(model.size());
    }

    @Test
    void scanReturnsEveryStableMemberAcrossResizes() {
        MemberTable t = new MemberTable(0, false);
        for (int i = 0; i < 1000; i++) t.add(b("s" + i));
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        int step = 0;
        do {
            cursor = t.scanBucket(cursor, (k, v) -> seen.add(new String(k, StandardCharsets.UTF_8)));
            // grow, then shrink the table while the scan is under way
            if (step == 20) for (int i = 0; i < 5000; i++) t.add(b("g" + i));
            if (step == 400) for (int i = 0; i < 5000; i++) t.remove(b("g" + i));
            step++;
        } while (cursor != 0);
        for (int i = 0; i < 1000; i++) assertThat(seen).contains("s" + i);
    }

    @Test
    void randomSlotsAreOccupied() {
        MemberTable t = new MemberTable(0, false);
        for (int i = 0; i < 100; i++) t.add(b("x" + i));
        Random rnd = new Random(1);
        Set<String> hit = new HashSet<>();
        for (int i = 0; i < 5000; i++) hit.add(new String(t.keyAt(t.randomSlot(rnd)), StandardCharsets.UTF_8));
        assertThat(hit).hasSize(100);
    }
}

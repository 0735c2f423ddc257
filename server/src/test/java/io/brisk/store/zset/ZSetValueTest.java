package io.brisk.store.zset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ZSetValue in both encodings against a plain sorted list model, with a seeded Random. */
class ZSetValueTest {
    record E(byte[] m, double s) {}

    private static int cmp(E a, E b) {
        int c = Double.compare(a.s, b.s);
        return a.s == b.s ? Arrays.compareUnsigned(a.m, b.m) : c;
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 1_000_000})
    void matchesASortedModel(int listpackEntries) {
        ZSetLimits lim = new ZSetLimits(listpackEntries, 64);
        Random rnd = new Random(42 + listpackEntries);
        ZSetValue z = ZSetValue.create(1, 1, lim);
        Map<String, Double> model = new HashMap<>();
        for (int step = 0; step < 4000; step++) {
            String m = "m" + rnd.nextInt(300);
            byte[] mb = m.getBytes(StandardCharsets.UTF_8);
            double s = rnd.nextInt(50) - 25 + (rnd.nextBoolean() ? 0.5 : 0);
            int op = rnd.nextInt(10);
            if (op < 6) {
                if (model.containsKey(m)) z.setScore(mb, s);
                else z.insert(mb, s, lim);
                model.put(m, s);
            } else if (op < 8) {
                assertThat(z.remove(mb)).isEqualTo(model.remove(m) != null);
            } else if (op == 8 && z.size() > 4) {
                long a = rnd.nextInt(z.size()), b = Math.min(z.size() - 1, a + rnd.nextInt(4));
                List<E> sorted = sorted(model);
                for (long r = a; r <= b; r++) model.remove(new String(sorted.get((int) r).m, StandardCharsets.UTF_8));
                assertThat(z.removeRange(a, b)).isEqualTo(b - a + 1);
            }
            if (step % 50 == 0) check(z, model, rnd);
        }
        check(z, model, rnd);
        if (listpackEntries == 8) assertThat(z.encoding()).isEqualTo("skiplist");
        else assertThat(z.encoding()).isEqualTo("listpack");
    }

    private static List<E> sorted(Map<String, Double> model) {
        List<E> l = new ArrayList<>();
        model.forEach((k, v) -> l.add(new E(k.getBytes(StandardCharsets.UTF_8), v)));
        l.sort(ZSetValueTest::cmp);
        return l;
    }

    private static void check(ZSetValue z, Map<String, Double> model, Random rnd) {
        List<E> sorted = sorted(model);
        assertThat(z.size()).isEqualTo(sorted.size());
        List<E> walked = new ArrayList<>();
        z.forEach((m, s) -> walked.add(new E(m, s)));
        for (int i = 0; i < sorted.size(); i++) {
            assertThat(walked.get(i).m).isEqualTo(sorted.get(i).m);
            assertThat(walked.get(i).s).isEqualTo(sorted.get(i).s);
            assertThat(z.rank(sorted.get(i).m)).isEqualTo(i);
            assertThat(z.score(sorted.get(i).m)).isEqualTo(sorted.get(i).s);
        }
        assertThat(z.rank("absent".getBytes())).isEqualTo(-1);
        assertThat(z.score("absent".getBytes())).isNaN();
        if (sorted.isEmpty()) return;
        // a reverse walk of a random rank range
        int a = rnd.nextInt(sorted.size()), b = a + rnd.nextInt(sorted.size() - a);
        List<byte[]> rev = new ArrayList<>();
        z.range(a, b, true, (m, s) -> rev.add(m));
        for (int i = 0; i < rev.size(); i++) assertThat(rev.get(i)).isEqualTo(sorted.get(b - i).m);
        // score ranges with every inclusive/exclusive combination
        double lo = rnd.nextInt(50) - 25, hi = lo + rnd.nextInt(20);
        for (int f = 0; f < 4; f++) {
            ScoreRange r = new ScoreRange(lo, (f & 1) != 0, hi, (f & 2) != 0);
            long first = -1, last = -2;
            for (int i = 0; i < sorted.size(); i++) {
                if (r.contains(sorted.get(i).s, sorted.get(i).m)) {
                    if (first < 0) first = i;
                    last = i;
                }
            }
            long zf = z.firstRank(r), zl = z.lastRank(r);
            if (first < 0) assertThat(zl - zf + 1).isLessThanOrEqualTo(0);
            else {
                assertThat(zf).isEqualTo(first);
                assertThat(zl).isEqualTo(last);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 1000})
    void lexRangesOnEqualScores(int listpackEntries) {
        ZSetLimits lim = new ZSetLimits(listpackEntries, 64);
        ZSetValue z = ZSetValue.create(1, 1, lim);
        for (String m : List.of("a", "b", "c", "d", "e", "f", "g")) z.insert(m.getBytes(), 0, lim);
        LexRange bToE = new LexRange("b".getBytes(), false, false, false, "e".getBytes(), true, false, false);
        assertThat(z.firstRank(bToE)).isEqualTo(1);
        assertThat(z.lastRank(bToE)).isEqualTo(3);
        LexRange all = new LexRange(null, false, false, true, null, false, true, false);
        assertThat(z.lastRank(all) - z.firstRank(all) + 1).isEqualTo(7);
        LexRange none = new LexRange(null, false, true, false, null, false, true, false); // "+" as min
        assertThat(z.lastRank(none) - z.firstRank(none) + 1).isLessThanOrEqualTo(0);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 1000})
    void estimatedBytesGrowAndShrink(int listpackEntries) {
        ZSetLimits lim = new ZSetLimits(listpackEntries, 64);
        ZSetValue z = ZSetValue.create(1, 1, lim);
        long empty = z.estimatedBytes();
        for (int i = 0; i < 200; i++) z.insert(("member" + i).getBytes(), i, lim);
        long full = z.estimatedBytes();
        assertThat(full).isGreaterThan(empty + 200L * 24);
        ZSetValue copy = z.deepCopy();
        assertThat(copy.size()).isEqualTo(200);
        z.removeRange(0, 199);
        assertThat(z.size()).isZero();
        assertThat(z.estimatedBytes()).isLessThan(full);
        assertThat(copy.rank("member7".getBytes())).isEqualTo(7);
    }
}

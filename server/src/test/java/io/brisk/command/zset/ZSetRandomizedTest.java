package io.brisk.command.zset;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.command.set.CollectionTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;

/** ZRANK / ZRANGE / ZRANGEBYSCORE / ZCOUNT through a real client against a simple sorted model, seeded. */
class ZSetRandomizedTest extends CollectionTest {
    private static final Comparator<Map.Entry<String, Double>> ORDER =
            Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue).thenComparing(Map.Entry::getKey);

    @ParameterizedTest
    @ValueSource(ints = {20, 600})
    void ranksAndRangesMatchTheModel(int members) {
        Jedis j = jedis();
        Random rnd = new Random(members * 31L);
        Map<String, Double> model = new HashMap<>();
        for (int step = 0; step < 1500; step++) {
            String m = "m" + rnd.nextInt(members);
            if (rnd.nextInt(5) == 0) {
                j.zrem("z", m);
                model.remove(m);
            } else {
                double s = rnd.nextInt(40) - 20;
                j.zadd("z", s, m);
                model.put(m, s);
            }
            if (step % 100 != 99) continue;
            List<Map.Entry<String, Double>> sorted = new ArrayList<>(model.entrySet());
            sorted.sort(ORDER);
            List<String> names = sorted.stream().map(Map.Entry::getKey).toList();
            assertThat(j.zrange("z", 0, -1)).containsExactlyElementsOf(names);
            for (int k = 0; k < 20; k++) {
                String probe = "m" + rnd.nextInt(members);
                Long rank = j.zrank("z", probe);
                int idx = names.indexOf(probe);
                assertThat(rank).isEqualTo(idx < 0 ? null : (long) idx);
                Long rev = j.zrevrank("z", probe);
                assertThat(rev).isEqualTo(idx < 0 ? null : (long) (names.size() - 1 - idx));
                long start = rnd.nextInt(names.size() + 4) - 2 - names.size() / 2, stop = start + rnd.nextInt(10);
                assertThat(j.zrange("z", start, stop)).as("zrange %d %d", start, stop).containsExactlyElementsOf(slice(names, start, stop));
                double lo = rnd.nextInt(40) - 20, hi = lo + rnd.nextInt(10);
                List<String> inRange = sorted.stream().filter(e -> e.getValue() > lo && e.getValue() <= hi).map(Map.Entry::getKey).toList();
                assertThat(j.zrangeByScore("z", "(" + lo, Double.toString(hi))).containsExactlyElementsOf(inRange);
                assertThat(j.zcount("z", "(" + lo, Double.toString(hi))).isEqualTo(inRange.size());
                List<String> reversed = new ArrayList<>(inRange);
                java.util.Collections.reverse(reversed);
                assertThat(j.zrevrangeByScore("z", Double.toString(hi), "(" + lo, 1, 3))
                        .containsExactlyElementsOf(reversed.subList(Math.min(1, reversed.size()), Math.min(4, reversed.size())));
            }
        }
    }

    private static List<String> slice(List<String> l, long start, long stop) {
        int n = l.size();
        if (start < 0) start += n;
        if (stop < 0) stop += n;
        if (start < 0) start = 0;
        if (start > stop || start >= n) return List.of();
        if (stop >= n) stop = n - 1;
        return l.subList((int) start, (int) stop + 1);
    }
}

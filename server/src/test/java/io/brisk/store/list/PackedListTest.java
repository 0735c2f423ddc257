package io.brisk.store.list;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.store.CollectionLimits;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** PackedList against a plain ArrayList model under random operations, with small nodes to force many. */
class PackedListTest {
    @AfterEach
    void restore() {
        CollectionLimits.listMaxListpackSize = -2;
    }

    private static MemorySegment seg(String s) {
        return MemorySegment.ofArray(s.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> contents(PackedList l) {
        List<String> out = new ArrayList<>();
        l.forEachMember((b, off, len) -> out.add(new String(b, off, len, StandardCharsets.UTF_8)));
        return out;
    }

    private static String value(Random rnd) {
        int len = rnd.nextInt(10) == 0 ? 200 + rnd.nextInt(300) : rnd.nextInt(12);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) sb.append((char) ('a' + rnd.nextInt(4)));
        return sb.toString();
    }

    @RepeatedTest(20)
    void matchesModel(org.junit.jupiter.api.RepetitionInfo info) {
        Random rnd = new Random(info.getCurrentRepetition());
        CollectionLimits.listMaxListpackSize = rnd.nextBoolean() ? 5 : -1;
        PackedList l = new PackedList();
        List<String> m = new ArrayList<>();
        ListCursor c = new ListCursor();
        for (int step = 0; step < 3000; step++) {
            int op = rnd.nextInt(8);
            String v = value(rnd);
            switch (op) {
                case 0 -> { l.pushHead(seg(v), 0, v.getBytes().length); m.add(0, v); }
                case 1 -> { l.pushTail(seg(v), 0, v.getBytes().length); m.add(v); }
                case 2 -> { if (!m.isEmpty()) assertThat(new String(l.pop(rnd.nextBoolean() ? markHead(true) : markHead(false)))).isNotNull(); }
                case 3 -> {
                    if (m.isEmpty()) break;
                    int i = rnd.nextInt(m.size());
                    l.seek(i, c);
                    l.replace(c, seg(v), 0, v.length());
                    m.set(i, v);
                }
                case 4 -> {
                    if (m.isEmpty()) break;
                    int i = rnd.nextInt(m.size());
                    boolean before = rnd.nextBoolean();
                    l.seek(i, c);
                    l.insert(c, before, seg(v), 0, v.length());
                    m.add(before ? i : i + 1, v);
                }
                case 5 -> {
                    if (m.isEmpty()) break;
                    int i = rnd.nextInt(m.size());
                    boolean fwd = rnd.nextBoolean();
                    l.seek(i, c);
                    boolean more = l.remove(c, fwd);
                    m.remove(i);
                    int expect = fwd ? i : i - 1;
                    assertThat(more).isEqualTo(expect >= 0 && expect < m.size());
                    if (more) assertThat(new String(c.copy())).isEqualTo(m.get(expect));
                }
                case 6 -> {
                    int n = m.isEmpty() ? 0 : rnd.nextInt(Math.min(m.size(), 20) + 1);
                    boolean head = rnd.nextBoolean();
                    l.removeEnds(head, n);
                    for (int k = 0; k < n; k++) m.remove(head ? 0 : m.size() - 1);
                }
                default -> {
                    if (m.isEmpty()) break;
                    int i = rnd.nextInt(m.size());
                    l.seek(i, c);
                    assertThat(new String(c.copy())).isEqualTo(m.get(i));
                }
            }
            if (op == 2 && !m.isEmpty()) {
                m.remove(lastHead ? 0 : m.size() - 1);
            }
            assertThat(l.size()).isEqualTo(m.size());
        }
        assertThat(contents(l)).isEqualTo(m);
        assertThat(contents(l.deepCopy())).isEqualTo(m);
        // walk backwards too
        List<String> back = new ArrayList<>();
        if (!m.isEmpty()) {
            l.seek(m.size() - 1, c);
            do back.add(0, new String(c.copy())); while (l.prev(c));
        }
        assertThat(back).isEqualTo(m);
    }

    private boolean lastHead;

    private boolean markHead(boolean h) {
        lastHead = h;
        return h;
    }

    @Test
    void cursorStaysValidWhileRemovalsCompactNodes() {
        for (boolean forward : new boolean[] {true, false}) {
            PackedList l = new PackedList();
            List<String> m = new ArrayList<>();
            for (int i = 0; i < 20000; i++) {
                String v = (i % 10 == 0 ? "keep" : "drop") + i;
                l.pushTail(seg(v), 0, v.length());
                m.add(v);
            }
            ListCursor c = new ListCursor();
            l.seek(forward ? 0 : l.size() - 1, c);
            boolean more = true;
            while (more) {
                if (new String(c.copy()).startsWith("drop")) more = l.remove(c, forward);
                else more = forward ? l.next(c) : l.prev(c);
            }
            m.removeIf(x -> x.startsWith("drop"));
            assertThat(contents(l)).isEqualTo(m);
        }
    }

    @Test
    void encodingFollowsNodeLimits() {
        PackedList l = new PackedList();
        l.push(true, "x".getBytes());
        assertThat(l.encoding()).isEqualTo("listpack");
        byte[] big = new byte[100];
        for (int i = 0; i < 100; i++) l.push(false, big);
        assertThat(l.encoding()).isEqualTo("quicklist");
        l.removeEnds(false, 100);
        assertThat(l.encoding()).isEqualTo("listpack");
    }

    @Test
    void millionElementsAreFewObjectsAndCompact() {
        PackedList l = new PackedList();
        byte[] v = "xxx".getBytes();
        for (int i = 0; i < 1_000_000; i++) l.push(false, v);
        assertThat(l.size()).isEqualTo(1_000_000);
        // 5 bytes per entry plus node overhead: well under Redis's ~11 B per element
        assertThat(l.estimatedBytes()).isLessThan(6_000_000L);
    }
}

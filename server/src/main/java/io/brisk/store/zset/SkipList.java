package io.brisk.store.zset;

import io.brisk.store.set.HeapSizes;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Redis's zskiplist: nodes ordered by (score, member bytes unsigned), each level link carrying the
 * number of nodes it skips (its span), so rank lookups, rank ranges and score/lex bounds are all
 * O(log n). Ranks here are 0-based.
 */
final class SkipList {
    static final int MAX_LEVEL = 32;

    static final class Node {
        final byte[] member;
        double score;
        Node backward;
        final Node[] forward;
        final int[] span;

        Node(int level, double score, byte[] member) {
            this.member = member;
            this.score = score;
            this.forward = new Node[level];
            this.span = new int[level];
        }

        Node next() { return forward[0]; }
        Node prev() { return backward; }
    }

    final Node header = new Node(MAX_LEVEL, 0, null);
    Node tail;
    int length;
    int level = 1;

    private final Node[] update = new Node[MAX_LEVEL];
    private final int[] rankAt = new int[MAX_LEVEL];

    /** Heap bytes one node of this level costs (node object plus its two arrays). */
    static long nodeBytes(int level) {
        // member, backward, forward, span references and the score; then the two per-level arrays
        return HeapSizes.object(24) + HeapSizes.array(4L * level) * 2;
    }

    static int compare(double s1, byte[] m1, double s2, byte[] m2) {
        if (s1 < s2) return -1;
        if (s1 > s2) return 1;
        return Arrays.compareUnsigned(m1, m2);
    }

    private static int randomLevel() {
        int lvl = 1;
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (lvl < MAX_LEVEL && (r.nextInt() & 0xFFFF) < 0xFFFF / 4) lvl++;
        return lvl;
    }

    /** Inserts a member that is not present yet. */
    Node insert(double score, byte[] member) {
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            rankAt[i] = i == level - 1 ? 0 : rankAt[i + 1];
            while (x.forward[i] != null && compare(x.forward[i].score, x.forward[i].member, score, member) < 0) {
                rankAt[i] += x.span[i];
                x = x.forward[i];
            }
            update[i] = x;
        }
        int lvl = randomLevel();
        if (lvl > level) {
            for (int i = level; i < lvl; i++) {
                rankAt[i] = 0;
                update[i] = header;
                update[i].span[i] = length;
            }
            level = lvl;
        }
        Node n = new Node(lvl, score, member);
        for (int i = 0; i < lvl; i++) {
            n.forward[i] = update[i].forward[i];
            update[i].forward[i] = n;
            n.span[i] = update[i].span[i] - (rankAt[0] - rankAt[i]);
            update[i].span[i] = (rankAt[0] - rankAt[i]) + 1;
        }
        for (int i = lvl; i < level; i++) update[i].span[i]++;
        n.backward = update[0] == header ? null : update[0];
        if (n.forward[0] != null) n.forward[0].backward = n;
        else tail = n;
        length++;
        Arrays.fill(update, null);
        return n;
    }

    /** Unlinks the node with this score and member; returns it, or null. */
    Node delete(double score, byte[] member) {
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && compare(x.forward[i].score, x.forward[i].member, score, member) < 0) {
                x = x.forward[i];
            }
            update[i] = x;
        }
        x = x.forward[0];
        Node found = null;
        if (x != null && x.score == score && Arrays.equals(x.member, member)) {
            unlink(x);
            found = x;
        }
        Arrays.fill(update, null);
        return found;
    }

    /** Unlinks x given the update vector filled by the caller. */
    private void unlink(Node x) {
        for (int i = 0; i < level; i++) {
            if (update[i].forward[i] == x) {
                update[i].span[i] += x.span[i] - 1;
                update[i].forward[i] = x.forward[i];
            } else {
                update[i].span[i]--;
            }
        }
        if (x.forward[0] != null) x.forward[0].backward = x.backward;
        else tail = x.backward;
        while (level > 1 && header.forward[level - 1] == null) level--;
        length--;
    }

    /**
     * Changes a node's score. When the node stays between its neighbours it is updated in place
     * (Redis's zslUpdateScore); otherwise it is removed and re-inserted. Returns the live node.
     */
    Node updateScore(Node node, double newScore) {
        Node prev = node.backward, next = node.forward[0];
        if ((prev == null || compare(prev.score, prev.member, newScore, node.member) < 0)
                && (next == null || compare(next.score, next.member, newScore, node.member) > 0)) {
            node.score = newScore;
            return node;
        }
        delete(node.score, node.member);
        return insert(newScore, node.member);
    }

    /** 0-based rank of the node with this score and member, or -1. */
    long rank(double score, byte[] member) {
        Node x = header;
        long rank = 0;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && compare(x.forward[i].score, x.forward[i].member, score, member) <= 0) {
                rank += x.span[i];
                x = x.forward[i];
            }
            if (x.member != null && x != header && x.score == score && Arrays.equals(x.member, member)) return rank - 1;
        }
        return -1;
    }

    /** The node at a 0-based rank (0 <= rank < length). */
    Node byRank(long rank) {
        long target = rank + 1, traversed = 0;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && traversed + x.span[i] <= target) {
                traversed += x.span[i];
                x = x.forward[i];
            }
            if (traversed == target) return x;
        }
        throw new IllegalStateException("rank out of range: " + rank);
    }

    /** Rank of the first node that is not below the range's lower bound (= length when none). */
    long firstRank(ZRange r) {
        Node x = header;
        long traversed = 0;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && r.belowMin(x.forward[i].score, x.forward[i].member)) {
                traversed += x.span[i];
                x = x.forward[i];
            }
        }
        return traversed;
    }

    /** Rank of the last node that is not above the range's upper bound (-1 when none). */
    long lastRank(ZRange r) {
        Node x = header;
        long traversed = 0;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && !r.aboveMax(x.forward[i].score, x.forward[i].member)) {
                traversed += x.span[i];
                x = x.forward[i];
            }
        }
        return traversed - 1;
    }
}

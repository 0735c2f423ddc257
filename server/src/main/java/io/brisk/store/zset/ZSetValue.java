package io.brisk.store.zset;

import io.brisk.store.Members;
import io.brisk.store.StoredObject;
import io.brisk.store.set.HeapSizes;
import io.brisk.store.set.MemberTable;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * A sorted set with Redis's two encodings: "listpack" (parallel arrays kept sorted by score then
 * member, for at most zset-max-listpack-entries members of at most zset-max-listpack-value bytes)
 * and "skiplist" (a {@link SkipList} with spans for O(log n) ranks plus a member -> node table for
 * O(1) score lookups). Converts to skiplist past the thresholds; results of *STORE commands are built
 * in whichever encoding fits their final size.
 */
public final class ZSetValue implements StoredObject, Members {
    /** This object: n (int), memberBytes and nodeBytes (longs), four references. */
    private static final long HEADER = HeapSizes.object(36);
    /** The SkipList object: tail, header and two scratch array references, length and level, plus its scratch arrays. */
    private static final long SKIPLIST = HeapSizes.object(24) + HeapSizes.array(4L * SkipList.MAX_LEVEL) * 2;

    /** Receives one element of a range walk. */
    @FunctionalInterface
    public interface Visitor {
        void accept(byte[] member, double score);
    }

    // listpack encoding (null when skiplist)
    private byte[][] members;
    private double[] scores;
    private int n;
    private long memberBytes;
    // skiplist encoding
    private SkipList zsl;
    private MemberTable dict;
    private long nodeBytes;

    private ZSetValue() {}

    /** Redis's zsetTypeCreate: listpack when sizeHint members of up to maxLen bytes fit one. */
    public static ZSetValue create(long sizeHint, long maxLen, ZSetLimits lim) {
        ZSetValue z = new ZSetValue();
        if (lim.fitsListpack(sizeHint, maxLen)) {
            int cap = (int) Math.max(4, Math.min(sizeHint, 1024));
            z.members = new byte[cap][];
            z.scores = new double[cap];
        } else {
            z.initSkiplist((int) Math.min(sizeHint, 1 << 24));
        }
        return z;
    }

    private void initSkiplist(int expected) {
        zsl = new SkipList();
        dict = new MemberTable(expected, true);
        nodeBytes = SkipList.nodeBytes(SkipList.MAX_LEVEL);
    }

    public boolean isListpack() { return zsl == null; }

    public int size() { return zsl == null ? n : zsl.length; }

    @Override
    public long memberCount() { return size(); }

    /** SORT's view: every member (sets in encoding order, sorted sets by ascending score). */
    @Override
    public void forEachMember(MemberVisitor visitor) {
        forEachMember(m -> visitor.member(m, 0, m.length));
    }

    @Override
    public String encoding() { return zsl == null ? "listpack" : "skiplist"; }

    @Override
    public long estimatedBytes() {
        if (zsl == null) return HEADER + MemberTable.arrayBytes(4 * members.length) + MemberTable.arrayBytes(8 * scores.length) + memberBytes;
        return HEADER + SKIPLIST + dict.estimatedBytes() + nodeBytes;
    }

    /** Converts a listpack to a skiplist when about sizeHint members are coming (ZADD with many pairs). */
    public void maybeConvert(long sizeHint, ZSetLimits lim) {
        if (zsl == null && sizeHint > lim.listpackEntries()) toSkiplist();
    }

    /** The member's score, or NaN when it is not a member (a score is never NaN). */
    public double score(byte[] m) {
        if (zsl == null) {
            int i = indexOf(m);
            return i < 0 ? Double.NaN : scores[i];
        }
        Object node = dict.get(m);
        return node == null ? Double.NaN : ((SkipList.Node) node).score;
    }

    /** Adds a member that is not present (m is kept, not copied); converts past the thresholds. */
    public void insert(byte[] m, double score, ZSetLimits lim) {
        if (zsl == null && (n + 1 > lim.listpackEntries() || m.length > lim.listpackValue())) toSkiplist();
        if (zsl == null) {
            int at = insertionPoint(score, m);
            if (n == members.length) {
                members = Arrays.copyOf(members, n * 2);
                scores = Arrays.copyOf(scores, n * 2);
            }
            System.arraycopy(members, at, members, at + 1, n - at);
            System.arraycopy(scores, at, scores, at + 1, n - at);
            members[at] = m;
            scores[at] = score;
            n++;
            memberBytes += MemberTable.arrayBytes(m.length);
            return;
        }
        SkipList.Node node = zsl.insert(score, m);
        nodeBytes += SkipList.nodeBytes(node.forward.length);
        dict.put(m, node);
    }

    /** Changes the score of a present member. */
    public void setScore(byte[] m, double score) {
        if (zsl == null) {
            int i = indexOf(m);
            byte[] kept = members[i];
            removeIndex(i);
            int at = insertionPoint(score, kept);
            System.arraycopy(members, at, members, at + 1, n - at);
            System.arraycopy(scores, at, scores, at + 1, n - at);
            members[at] = kept;
            scores[at] = score;
            n++;
            memberBytes += MemberTable.arrayBytes(kept.length);
            return;
        }
        int slot = dict.find(m);
        SkipList.Node node = (SkipList.Node) dict.valueAt(slot);
        SkipList.Node moved = zsl.updateScore(node, score);
        if (moved != node) {
            nodeBytes += SkipList.nodeBytes(moved.forward.length) - SkipList.nodeBytes(node.forward.length);
            dict.put(moved.member, moved);
        }
    }

    public boolean remove(byte[] m) {
        if (zsl == null) {
            int i = indexOf(m);
            if (i < 0) return false;
            removeIndex(i);
            shrinkArrays();
            return true;
        }
        int slot = dict.find(m);
        if (slot < 0) return false;
        SkipList.Node node = (SkipList.Node) dict.valueAt(slot);
        dict.removeAt(slot);
        zsl.delete(node.score, node.member);
        nodeBytes -= SkipList.nodeBytes(node.forward.length);
        return true;
    }

    /** 0-based ascending rank of m, or -1. */
    public long rank(byte[] m) {
        if (zsl == null) return indexOf(m);
        Object node = dict.get(m);
        if (node == null) return -1;
        SkipList.Node x = (SkipList.Node) node;
        return zsl.rank(x.score, x.member);
    }

    /** Rank of the first element not below the range's minimum (size() when none). */
    public long firstRank(ZRange r) {
        if (zsl != null) return zsl.firstRank(r);
        int i = 0;
        while (i < n && r.belowMin(scores[i], members[i])) i++;
        return i;
    }

    /** Rank of the last element not above the range's maximum (-1 when none). */
    public long lastRank(ZRange r) {
        if (zsl != null) return zsl.lastRank(r);
        int i = n - 1;
        while (i >= 0 && r.aboveMax(scores[i], members[i])) i--;
        return i;
    }

    /** Visits ranks start..end (ascending ranks, both valid, start <= end), from end down when reverse. */
    public void range(long start, long end, boolean reverse, Visitor v) {
        if (zsl == null) {
            if (reverse) for (int i = (int) end; i >= start; i--) v.accept(members[i], scores[i]);
            else for (int i = (int) start; i <= end; i++) v.accept(members[i], scores[i]);
            return;
        }
        long count = end - start + 1;
        SkipList.Node x = zsl.byRank(reverse ? end : start);
        for (long i = 0; i < count; i++) {
            v.accept(x.member, x.score);
            x = reverse ? x.prev() : x.next();
        }
    }

    /** Removes ranks start..end (ascending, valid); returns how many. */
    public long removeRange(long start, long end) {
        long count = end - start + 1;
        if (zsl == null) {
            for (int i = (int) start; i <= end; i++) memberBytes -= MemberTable.arrayBytes(members[i].length);
            System.arraycopy(members, (int) end + 1, members, (int) start, n - (int) end - 1);
            System.arraycopy(scores, (int) end + 1, scores, (int) start, n - (int) end - 1);
            for (int i = n - (int) count; i < n; i++) members[i] = null;
            n -= (int) count;
            shrinkArrays();
            return count;
        }
        SkipList.Node x = zsl.byRank(start);
        for (long i = 0; i < count; i++) {
            SkipList.Node next = x.next();
            dict.remove(x.member);
            zsl.delete(x.score, x.member);
            nodeBytes -= SkipList.nodeBytes(x.forward.length);
            x = next;
        }
        return count;
    }

    /** Every member in ascending order (SORT, ZUNION inputs...). */
    public void forEachMember(Consumer<byte[]> visitor) {
        range(0, size() - 1, false, (m, s) -> visitor.accept(m));
    }

    public void forEach(Visitor v) {
        if (size() > 0) range(0, size() - 1, false, v);
    }

    /** A random element (the zset must not be empty). */
    public void random(RandomGenerator rnd, Visitor v) {
        if (zsl == null) {
            int i = rnd.nextInt(n);
            v.accept(members[i], scores[i]);
            return;
        }
        SkipList.Node node = (SkipList.Node) dict.valueAt(dict.randomSlot(rnd));
        v.accept(node.member, node.score);
    }

    /** One ZSCAN step (small encodings are returned whole, cursor 0). */
    public long scan(long cursor, int count, Visitor v) {
        if (zsl == null) {
            forEach(v);
            return 0;
        }
        int[] seen = {0};
        long maxSteps = count * 10L;
        do {
            cursor = dict.scanBucket(cursor, (k, node) -> { v.accept(k, ((SkipList.Node) node).score); seen[0]++; });
        } while (cursor != 0 && seen[0] < count && --maxSteps > 0);
        return cursor;
    }

    @Override
    public ZSetValue deepCopy() {
        ZSetValue z = new ZSetValue();
        if (zsl == null) {
            z.members = members.clone();
            z.scores = scores.clone();
            z.n = n;
            z.memberBytes = memberBytes;
        } else {
            z.initSkiplist(size());
            forEach((m, s) -> z.insert(m, s, ZSetLimits.DEFAULT));
        }
        return z;
    }

    // ---- listpack internals ----------------------------------------------------------------

    private int indexOf(byte[] m) {
        for (int i = 0; i < n; i++) if (Arrays.equals(members[i], m)) return i;
        return -1;
    }

    private int insertionPoint(double score, byte[] m) {
        int lo = 0, hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (SkipList.compare(scores[mid], members[mid], score, m) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private void removeIndex(int i) {
        memberBytes -= MemberTable.arrayBytes(members[i].length);
        System.arraycopy(members, i + 1, members, i, n - i - 1);
        System.arraycopy(scores, i + 1, scores, i, n - i - 1);
        members[--n] = null;
    }

    private void shrinkArrays() {
        if (members.length > 8 && n * 4 < members.length) {
            members = Arrays.copyOf(members, members.length / 2);
            scores = Arrays.copyOf(scores, scores.length / 2);
        }
    }

    private void toSkiplist() {
        byte[][] ms = members;
        double[] ss = scores;
        int count = n;
        members = null;
        scores = null;
        n = 0;
        memberBytes = 0;
        initSkiplist(count + 1);
        for (int i = 0; i < count; i++) {
            SkipList.Node node = zsl.insert(ss[i], ms[i]);
            nodeBytes += SkipList.nodeBytes(node.forward.length);
            dict.put(ms[i], node);
        }
    }
}

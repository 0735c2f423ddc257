package io.brisk.store.list;

import io.brisk.store.CollectionLimits;
import io.brisk.store.Packed;
import io.brisk.store.Members;
import io.brisk.store.StoredObject;
import java.lang.foreign.MemorySegment;

/**
 * A list as a chain of packed nodes, like Redis's quicklist of listpacks. Each node is one byte[]
 * holding entries in the {@link Packed} layout, with free room kept at both ends so pushes at
 * either end are amortised O(1). A node holds up to list-max-listpack-size (8 KB by default), so a
 * list of a million short elements is a few hundred arrays, not a million objects. A list that
 * fits one node reports the "listpack" encoding, a longer one "quicklist" (Redis 7.2 names).
 */
public final class PackedList implements StoredObject, Members {
    private static final int NODE_OVERHEAD = 16 + 24 + 4; // array header, Node object, slot in nodes[]
    private static final int LIST_OVERHEAD = 48;

    static final class Node {
        byte[] b;
        int start, end, count;

        Node(int cap, boolean roomAtHead) {
            b = new byte[cap];
            start = end = roomAtHead ? cap : 0;
        }

        int used() { return end - start; }
    }

    private Node[] nodes = new Node[1];
    private int nodeCount;
    private long size;
    private long bytes = LIST_OVERHEAD + 4;
    private boolean quick;

    public long size() { return size; }
    @Override public long memberCount() { return size; }
    @Override public long estimatedBytes() { return bytes; }
    @Override public String encoding() { return quick ? "quicklist" : "listpack"; }

    // ---- pushing ---------------------------------------------------------------------------

    public void pushHead(MemorySegment s, long off, int len) {
        Node n = nodeCount == 0 ? null : nodes[0];
        int sz = Packed.entrySize(len);
        if (n == null || !fits(n, sz)) {
            if (n != null) seal(n);
            n = newEndNode(true);
            insertNode(0, n);
        }
        room(n, sz, true);
        n.start -= sz;
        Packed.write(n.b, n.start, s, off, len);
        n.count++;
        size++;
        encodingCheck();
    }

    public void pushTail(MemorySegment s, long off, int len) {
        Node n = nodeCount == 0 ? null : nodes[nodeCount - 1];
        int sz = Packed.entrySize(len);
        if (n == null || !fits(n, sz)) {
            if (n != null) seal(n);
            n = newEndNode(false);
            insertNode(nodeCount, n);
        }
        room(n, sz, false);
        n.end = Packed.write(n.b, n.end, s, off, len);
        n.count++;
        size++;
        encodingCheck();
    }

    public void push(boolean head, byte[] v) {
        MemorySegment s = MemorySegment.ofArray(v);
        if (head) pushHead(s, 0, v.length); else pushTail(s, 0, v.length);
    }

    /**
     * A node for a new end. A list that has already filled a node is long, so its next end node
     * will fill too: it gets the full node size at once instead of regrowing (each regrowth leaves
     * the old array as garbage, and that garbage, not the data, is what made the heap and RSS of a
     * long list twice its size). Count-limited nodes and a list's first node grow as they fill.
     */
    private Node newEndNode(boolean atHead) {
        boolean sizeLimited = CollectionLimits.listMaxListpackSize < 0;
        return new Node(nodeCount > 0 && sizeLimited ? CollectionLimits.listNodeBytes() : 0, atHead);
    }

    private static boolean fits(Node n, int sz) {
        if (n.count == 0) return true;
        if (n.count >= CollectionLimits.listNodeEntries()) return false;
        return n.used() + sz <= CollectionLimits.listNodeBytes();
    }

    /** Makes sz free bytes at the head (or tail) of a node, reusing free room at the other end first. */
    private void room(Node n, int sz, boolean atHead) {
        int cap = n.b.length, used = n.used();
        if (atHead ? n.start >= sz : cap - n.end >= sz) return;
        if (cap - used >= sz && cap - used >= cap / 4) { // enough slack overall: slide the data
            int ns = atHead ? cap - used : 0;
            System.arraycopy(n.b, n.start, n.b, ns, used);
            n.start = ns;
            n.end = ns + used;
            return;
        }
        int slack = Math.max(16, Math.min(used / 2, 2048));
        int ncap = used + sz + slack;
        byte[] nb = new byte[ncap];
        int ns = atHead ? ncap - used : 0;
        System.arraycopy(n.b, n.start, nb, ns, used);
        bytes += ncap - cap;
        n.b = nb;
        n.start = ns;
        n.end = ns + used;
    }

    /** A node that will not grow at this end any more gives back its spare room. */
    private void seal(Node n) {
        int used = n.used();
        if (n.b.length - used <= Math.max(8, n.b.length / 32)) return; // a full node: copying would cost more garbage than it saves
        byte[] nb = new byte[used];
        System.arraycopy(n.b, n.start, nb, 0, used);
        bytes += used - n.b.length;
        n.b = nb;
        n.start = 0;
        n.end = used;
    }

    private void insertNode(int at, Node n) {
        if (nodeCount == nodes.length) {
            Node[] nn = new Node[nodes.length * 2];
            System.arraycopy(nodes, 0, nn, 0, nodeCount);
            bytes += 4L * (nn.length - nodes.length);
            nodes = nn;
        }
        System.arraycopy(nodes, at, nodes, at + 1, nodeCount - at);
        nodes[at] = n;
        nodeCount++;
        bytes += NODE_OVERHEAD + n.b.length;
    }

    private void removeNode(int at) {
        bytes -= NODE_OVERHEAD + nodes[at].b.length;
        System.arraycopy(nodes, at + 1, nodes, at, nodeCount - at - 1);
        nodes[--nodeCount] = null;
    }

    private void encodingCheck() {
        if (!quick) {
            if (nodeCount > 1 || (nodeCount == 1 && over(nodes[0], 1))) quick = true;
        } else if (nodeCount <= 1 && (nodeCount == 0 || !over(nodes[0], 2))) {
            quick = false; // Redis converts back once the list is under half the limit
        }
    }

    private static boolean over(Node n, int div) {
        return n.used() > CollectionLimits.listNodeBytes() / div || n.count > CollectionLimits.listNodeEntries() / div;
    }

    // ---- reading ---------------------------------------------------------------------------

    /** Positions c on element index (0-based from the head; caller checks 0 <= index < size). */
    public void seek(long index, ListCursor c) {
        if (index < size / 2) {
            int i = 0;
            while (index >= nodes[i].count) index -= nodes[i++].count;
            Node n = nodes[i];
            if (index <= n.count / 2) {
                load(c, i, n.start);
                for (long k = 0; k < index; k++) loadNextInNode(c, n);
            } else {
                loadBack(c, i, n.end);
                for (long k = n.count - 1; k > index; k--) loadBack(c, i, c.start);
            }
        } else {
            long fromEnd = size - 1 - index;
            int i = nodeCount - 1;
            while (fromEnd >= nodes[i].count) fromEnd -= nodes[i--].count;
            Node n = nodes[i];
            long inNode = n.count - 1 - fromEnd;
            if (fromEnd <= n.count / 2) {
                loadBack(c, i, n.end);
                for (long k = 0; k < fromEnd; k++) loadBack(c, i, c.start);
            } else {
                load(c, i, n.start);
                for (long k = 0; k < inNode; k++) loadNextInNode(c, n);
            }
        }
    }

    /** Moves c to the next element; false at the tail. */
    public boolean next(ListCursor c) {
        Node n = nodes[c.node];
        if (c.end < n.end) {
            load(c, c.node, c.end);
            return true;
        }
        if (c.node + 1 >= nodeCount) return false;
        load(c, c.node + 1, nodes[c.node + 1].start);
        return true;
    }

    /** Moves c to the previous element; false at the head. */
    public boolean prev(ListCursor c) {
        Node n = nodes[c.node];
        if (c.start > n.start) {
            loadBack(c, c.node, c.start);
            return true;
        }
        if (c.node == 0) return false;
        loadBack(c, c.node - 1, nodes[c.node - 1].end);
        return true;
    }

    private void loadNextInNode(ListCursor c, Node n) {
        load(c, c.node, c.end);
    }

    private void load(ListCursor c, int node, int p) {
        byte[] b = nodes[node].b;
        int len = Packed.readLen(b, p);
        c.node = node;
        c.array = b;
        c.start = p;
        c.data = p + Packed.varintSize(len);
        c.len = len;
        c.end = c.data + len + Packed.varintSize(len);
    }

    private void loadBack(ListCursor c, int node, int end) {
        byte[] b = nodes[node].b;
        int len = Packed.readLenBackward(b, end);
        int vs = Packed.varintSize(len);
        c.node = node;
        c.array = b;
        c.end = end;
        c.data = end - vs - len;
        c.len = len;
        c.start = c.data - vs;
    }

    @Override
    public void forEachMember(MemberVisitor v) {
        if (size == 0) return;
        ListCursor c = new ListCursor();
        seek(0, c);
        do v.member(c.array, c.data, c.len); while (next(c));
    }

    // ---- removing --------------------------------------------------------------------------

    /** Removes and returns the head (or tail) element; caller checks size > 0. */
    public byte[] pop(boolean head) {
        ListCursor c = new ListCursor();
        seek(head ? 0 : size - 1, c);
        byte[] v = c.copy();
        remove(c, true);
        return v;
    }

    /**
     * Removes the element at c. Afterwards c is on the element that followed it in the direction of
     * travel (forward = towards the tail); returns false when there is none.
     */
    public boolean remove(ListCursor c, boolean forward) {
        int ni = c.node;
        Node n = nodes[ni];
        int sz = c.end - c.start;
        int nextStart, prevEnd;
        if (c.start - n.start < n.end - c.end) { // move the shorter side
            System.arraycopy(n.b, n.start, n.b, n.start + sz, c.start - n.start);
            n.start += sz;
            nextStart = c.end;
            prevEnd = c.start + sz;
        } else {
            System.arraycopy(n.b, c.end, n.b, c.start, n.end - c.end);
            n.end -= sz;
            nextStart = prevEnd = c.start;
        }
        n.count--;
        size--;
        if (n.count > 0) { // compact first, so the cursor is positioned in the node's final array
            int delta = shrinkIfSparse(n);
            nextStart += delta;
            prevEnd += delta;
        }
        boolean more;
        if (n.count == 0) {
            removeNode(ni);
            if (forward) {
                more = ni < nodeCount;
                if (more) load(c, ni, nodes[ni].start);
            } else {
                more = ni > 0;
                if (more) loadBack(c, ni - 1, nodes[ni - 1].end);
            }
        } else if (forward) {
            if (nextStart < n.end) {
                load(c, ni, nextStart);
                more = true;
            } else {
                more = ni + 1 < nodeCount;
                if (more) load(c, ni + 1, nodes[ni + 1].start);
            }
        } else {
            if (prevEnd > n.start) {
                loadBack(c, ni, prevEnd);
                more = true;
            } else {
                more = ni > 0;
                if (more) loadBack(c, ni - 1, nodes[ni - 1].end);
            }
        }
        encodingCheck();
        return more;
    }

    /** Gives memory back from a node that lost most of its content; returns how far its data moved. */
    private int shrinkIfSparse(Node n) {
        if (n.count == 0 || n.b.length <= 256 || n.used() >= n.b.length / 4) return 0;
        int before = n.start;
        seal(n);
        return n.start - before;
    }

    /** Removes count elements from the head (or tail); caller checks count <= size. */
    public void removeEnds(boolean head, long count) {
        while (count > 0) {
            int ni = head ? 0 : nodeCount - 1;
            Node n = nodes[ni];
            if (n.count <= count) {
                count -= n.count;
                size -= n.count;
                removeNode(ni);
                continue;
            }
            ListCursor c = new ListCursor();
            if (head) {
                int p = n.start;
                for (long k = 0; k < count; k++) {
                    load(c, ni, p);
                    p = c.end;
                }
                n.start = p;
            } else {
                int p = n.end;
                for (long k = 0; k < count; k++) {
                    loadBack(c, ni, p);
                    p = c.start;
                }
                n.end = p;
            }
            n.count -= (int) count;
            size -= count;
            shrinkIfSparse(n);
            count = 0;
        }
        encodingCheck();
    }

    // ---- replacing and inserting -----------------------------------------------------------

    /** Replaces the element at c (LSET). */
    public void replace(ListCursor c, MemorySegment s, long off, int len) {
        int ni = c.node;
        int at = c.start;
        int oldSize = c.end - c.start;
        Node n = nodes[ni];
        // remove the old bytes, then insert the new entry at the same place
        System.arraycopy(n.b, c.end, n.b, c.start, n.end - c.end);
        n.end -= oldSize;
        n.count--;
        size--;
        insertAt(ni, at, s, off, len);
    }

    /** Inserts an element before (or after) the one at c (LINSERT). */
    public void insert(ListCursor c, boolean before, MemorySegment s, long off, int len) {
        insertAt(c.node, before ? c.start : c.end, s, off, len);
    }

    private void insertAt(int ni, int at, MemorySegment s, long off, int len) {
        Node n = nodes[ni];
        int sz = Packed.entrySize(len);
        int rel = at - n.start;
        room(n, sz, false);
        at = n.start + rel;
        System.arraycopy(n.b, at, n.b, at + sz, n.end - at);
        Packed.write(n.b, at, s, off, len);
        n.end += sz;
        n.count++;
        size++;
        if (n.count > 1 && (n.used() > CollectionLimits.listNodeBytes() || n.count > CollectionLimits.listNodeEntries())) {
            split(ni);
        }
        encodingCheck();
    }

    /** Splits an over-full node in two halves by entry count. */
    private void split(int ni) {
        Node n = nodes[ni];
        ListCursor c = new ListCursor();
        int half = n.count / 2;
        int p = n.start;
        for (int k = 0; k < half; k++) {
            load(c, ni, p);
            p = c.end;
        }
        Node tail = new Node(n.end - p, false);
        System.arraycopy(n.b, p, tail.b, 0, n.end - p);
        tail.end = n.end - p;
        tail.count = n.count - half;
        n.end = p;
        n.count = half;
        insertNode(ni + 1, tail);
        seal(n);
    }

    @Override
    public PackedList deepCopy() {
        PackedList l = new PackedList();
        l.nodes = new Node[Math.max(1, nodeCount)];
        for (int i = 0; i < nodeCount; i++) {
            Node n = nodes[i];
            Node m = new Node(n.used(), false);
            System.arraycopy(n.b, n.start, m.b, 0, n.used());
            m.end = n.used();
            m.count = n.count;
            l.nodes[i] = m;
            l.bytes += NODE_OVERHEAD + m.b.length;
        }
        l.bytes += 4L * (l.nodes.length - 1);
        l.nodeCount = nodeCount;
        l.size = size;
        l.quick = quick;
        return l;
    }
}

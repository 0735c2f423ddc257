package io.brisk.protocol;

import io.brisk.util.Bytes;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The arguments of one parsed command, as views into the bytes they arrived in (no copy). Valid
 * only while the command runs: a handler that keeps an argument past its return (a blocked client,
 * a queued transaction) takes a {@link #copy()}.
 */
public final class CommandArgs {
    private MemorySegment[] segs = new MemorySegment[8];
    private long[] offs = new long[8];
    private int[] lens = new int[8];
    private int count;

    public void clear() {
        count = 0;
    }

    public void add(MemorySegment seg, long off, int len) {
        if (count == lens.length) {
            int n = count * 2;
            segs = Arrays.copyOf(segs, n);
            offs = Arrays.copyOf(offs, n);
            lens = Arrays.copyOf(lens, n);
        }
        segs[count] = seg;
        offs[count] = off;
        lens[count] = len;
        count++;
    }

    public void add(byte[] b) {
        add(MemorySegment.ofArray(b), 0, b.length);
    }

    public int count() { return count; }
    public MemorySegment segment(int i) { return segs[i]; }
    public long offset(int i) { return offs[i]; }
    public int length(int i) { return lens[i]; }

    public byte byteAt(int i, int j) {
        return segs[i].get(ValueLayout.JAVA_BYTE, offs[i] + j);
    }

    public byte[] bytes(int i) {
        return Bytes.copy(segs[i], offs[i], lens[i]);
    }

    public String string(int i) {
        return new String(bytes(i), StandardCharsets.UTF_8);
    }

    /** ASCII case-insensitive comparison with an upper-case keyword, without allocating. */
    public boolean is(int i, String upperKeyword) {
        int len = lens[i];
        if (len != upperKeyword.length()) return false;
        for (int j = 0; j < len; j++) {
            int c = byteAt(i, j);
            if (c >= 'a' && c <= 'z') c -= 32;
            if (c != upperKeyword.charAt(j)) return false;
        }
        return true;
    }

    public boolean equals(int i, int k) {
        return lens[i] == lens[k]
                && MemorySegment.mismatch(segs[i], offs[i], offs[i] + lens[i], segs[k], offs[k], offs[k] + lens[k]) < 0;
    }

    /**
     * Parses argument i as a signed 64-bit integer the way Redis's string2ll does (no spaces, no '+',
     * no leading zeros). Throws {@link NumberFormatException} when it is not one.
     */
    public long longValue(int i) {
        return Numbers.parseLong(segs[i], offs[i], lens[i]);
    }

    /** The argument as Redis's strtod reads it (see {@link Numbers#parseDouble(MemorySegment, long, int)}). */
    public double doubleValue(int i) {
        return Numbers.parseDouble(segs[i], offs[i], lens[i]);
    }

    /** A self-contained copy (on the heap) that outlives the read buffer. */
    public CommandArgs copy() {
        CommandArgs c = new CommandArgs();
        for (int i = 0; i < count; i++) c.add(bytes(i));
        return c;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) sb.append(' ');
            sb.append(string(i));
        }
        return sb.toString();
    }
}

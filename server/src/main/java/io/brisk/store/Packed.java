package io.brisk.store;

/**
 * The entry layout shared by list nodes and small hashes, like Redis's listpack: each entry is
 * {@code [varint len][bytes][len as a reversed varint]}, so a node can be walked from either end.
 * A 3-byte element costs 5 bytes.
 */
public final class Packed {
    private Packed() {}

    public static int varintSize(int v) {
        int n = 1;
        while ((v & ~0x7F) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    public static int entrySize(int len) {
        return 2 * varintSize(len) + len;
    }

    /** Writes the entry header at p and returns where the data goes. */
    public static int writeHeader(byte[] b, int p, int len) {
        int v = len;
        while ((v & ~0x7F) != 0) {
            b[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[p++] = (byte) v;
        return p;
    }

    /** Writes the trailing length after the data ending at p; returns the entry end. */
    public static int writeTrailer(byte[] b, int p, int len) {
        int n = varintSize(len);
        int v = len;
        for (int i = 0; i < n; i++) { // low 7 bits last, so a backward reader meets them first
            b[p + n - 1 - i] = (byte) ((v & 0x7F) | (i < n - 1 ? 0x80 : 0));
            v >>>= 7;
        }
        return p + n;
    }

    /** Length stored in the header at p. */
    public static int readLen(byte[] b, int p) {
        int v = 0, shift = 0;
        while (true) {
            int x = b[p++];
            v |= (x & 0x7F) << shift;
            if ((x & 0x80) == 0) return v;
            shift += 7;
        }
    }

    /** Length stored in the trailer ending at end (exclusive). */
    public static int readLenBackward(byte[] b, int end) {
        int v = 0, shift = 0;
        int p = end - 1;
        while (true) {
            int x = b[p--];
            v |= (x & 0x7F) << shift;
            if ((x & 0x80) == 0) return v;
            shift += 7;
        }
    }

    /** Writes a whole entry at p from a segment (a command argument); returns the entry end. */
    public static int write(byte[] b, int p, java.lang.foreign.MemorySegment src, long off, int len) {
        int d = writeHeader(b, p, len);
        java.lang.foreign.MemorySegment.copy(src, java.lang.foreign.ValueLayout.JAVA_BYTE, off, b, d, len);
        return writeTrailer(b, d + len, len);
    }

    /** Writes a whole entry at p from a source array; returns the entry end. */
    public static int write(byte[] b, int p, byte[] src, int off, int len) {
        int d = writeHeader(b, p, len);
        System.arraycopy(src, off, b, d, len);
        return writeTrailer(b, d + len, len);
    }

    /** True when len bytes of b at p equal len bytes of s at off (no segment view of b to allocate). */
    public static boolean equals(byte[] b, int p, java.lang.foreign.MemorySegment s, long off, int len) {
        for (int i = 0; i < len; i++) {
            if (b[p + i] != s.get(java.lang.foreign.ValueLayout.JAVA_BYTE, off + i)) return false;
        }
        return true;
    }
}

package io.brisk.store.hll;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Redis's HyperLogLog, byte for byte: a string starting with the 16-byte header "HYLL", encoding
 * (0 dense, 1 sparse), 3 unused bytes and a cached cardinality (little endian, top bit set when
 * stale), followed by 16384 six-bit registers, dense (packed LSB first) or sparse (ZERO, XZERO and
 * VAL run-length opcodes). Elements are hashed with MurmurHash64A (seed 0xadc83b19) and counted with
 * Ertl's estimator as Redis 7's hllCount does, so values move between Brisk and Redis unchanged.
 *
 * <p>Counting and merging work on a plain register array (one byte per register). Sparse values
 * are updated by {@link SparseEditor} exactly as Redis edits them; PFADD to a dense value and a
 * cached PFCOUNT read and write the off-heap bytes directly.
 */
public final class HyperLogLog {
    public static final int P = 14;
    public static final int Q = 64 - P;
    public static final int REGISTERS = 1 << P;
    public static final int HEADER = 16;
    public static final int DENSE_SIZE = HEADER + (REGISTERS * 6 + 7) / 8;
    public static final int DENSE = 0, SPARSE = 1;
    static final int SPARSE_VAL_MAX_VALUE = 32, SPARSE_VAL_MAX_LEN = 4, SPARSE_ZERO_MAX_LEN = 64, SPARSE_XZERO_MAX_LEN = 16384;
    private static final double ALPHA_INF = 0.721347520444481703680;
    private static final ValueLayout.OfLong LE_LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private HyperLogLog() {}

    // ---- hashing ------------------------------------------------------------------------------

    /** MurmurHash64A as Redis ships it (endian neutral: 8-byte blocks read little endian). */
    public static long murmur64a(MemorySegment m, long off, int len, long seed) {
        final long mul = 0xc6a4a7935bd1e995L;
        final int r = 47;
        long h = seed ^ (len * mul);
        long end = off + (len - (len & 7));
        long p = off;
        for (; p != end; p += 8) {
            long k = m.get(LE_LONG, p);
            k *= mul;
            k ^= k >>> r;
            k *= mul;
            h ^= k;
            h *= mul;
        }
        int rest = len & 7;
        if (rest > 0) {
            for (int i = rest - 1; i >= 0; i--) h ^= (long) (m.get(ValueLayout.JAVA_BYTE, p + i) & 0xFF) << (8 * i);
            h *= mul;
        }
        h ^= h >>> r;
        h *= mul;
        h ^= h >>> r;
        return h;
    }

    /** The register an element falls in (low 16 bits) and the run length it offers (bits 16 and up): hllPatLen. */
    public static int patLen(MemorySegment m, long off, int len) {
        long hash = murmur64a(m, off, len, 0xadc83b19L);
        int index = (int) (hash & (REGISTERS - 1));
        hash >>>= P;
        hash |= 1L << Q; // the loop ends, and the count is at most Q + 1
        int count = Long.numberOfTrailingZeros(hash) + 1;
        return count << 16 | index;
    }

    // ---- the header ----------------------------------------------------------------------------

    /** What Redis's isHLLObjectOrReply accepts: magic, a known encoding, and the exact dense size. */
    public static boolean isHll(MemorySegment m, long off, int len) {
        if (len < HEADER) return false;
        if (m.get(ValueLayout.JAVA_BYTE, off) != 'H' || m.get(ValueLayout.JAVA_BYTE, off + 1) != 'Y'
                || m.get(ValueLayout.JAVA_BYTE, off + 2) != 'L' || m.get(ValueLayout.JAVA_BYTE, off + 3) != 'L') return false;
        int enc = m.get(ValueLayout.JAVA_BYTE, off + 4) & 0xFF;
        if (enc > SPARSE) return false;
        return enc != DENSE || len == DENSE_SIZE;
    }

    public static int encoding(byte[] v) { return v[4] & 0xFF; }

    public static int encoding(MemorySegment m, long off) { return m.get(ValueLayout.JAVA_BYTE, off + 4) & 0xFF; }

    /** The cached count of the HLL at off, or -1 when it is stale. */
    public static long cachedCount(MemorySegment m, long off) {
        long c = m.get(LE_LONG, off + 8);
        return c < 0 ? -1 : c;
    }

    public static void invalidateCache(MemorySegment m, long off) {
        m.set(ValueLayout.JAVA_BYTE, off + 15, (byte) (m.get(ValueLayout.JAVA_BYTE, off + 15) | 0x80));
    }

    /** Register reg of the dense HLL whose value starts at off (header included). */
    public static int denseGet(MemorySegment m, long off, int reg) {
        int bit = reg * 6;
        long b = off + HEADER + (bit >> 3);
        int fb = bit & 7;
        int b0 = m.get(ValueLayout.JAVA_BYTE, b) & 0xFF;
        int b1 = fb > 2 ? m.get(ValueLayout.JAVA_BYTE, b + 1) & 0xFF : 0; // fb <= 2: the register fits in b0
        return ((b0 >> fb) | (b1 << (8 - fb))) & 63;
    }

    public static void denseSet(MemorySegment m, long off, int reg, int val) {
        int bit = reg * 6;
        long b = off + HEADER + (bit >> 3);
        int fb = bit & 7;
        m.set(ValueLayout.JAVA_BYTE, b, (byte) ((m.get(ValueLayout.JAVA_BYTE, b) & ~(63 << fb)) | (val << fb)));
        if (fb > 2) {
            m.set(ValueLayout.JAVA_BYTE, b + 1, (byte) ((m.get(ValueLayout.JAVA_BYTE, b + 1) & ~(63 >> (8 - fb))) | (val >> (8 - fb))));
        }
    }

    public static void setCachedCount(byte[] v, long card) {
        for (int i = 0; i < 8; i++) v[8 + i] = (byte) (card >>> (8 * i));
    }

    public static void invalidateCache(byte[] v) { v[15] |= (byte) 0x80; }

    // ---- registers -----------------------------------------------------------------------------

    /**
     * Raises regs[i] to the register values of the HLL in v where they are larger (hllMerge). Returns
     * false when a sparse body does not describe exactly 16384 registers (a corrupt value).
     */
    public static boolean maxInto(byte[] v, byte[] regs) {
        if (encoding(v) == DENSE) {
            MemorySegment m = MemorySegment.ofArray(v);
            for (int i = 0; i < REGISTERS; i++) {
                int r = denseGet(m, 0, i);
                if (r > regs[i]) regs[i] = (byte) r;
            }
            return true;
        }
        int idx = 0;
        for (int p = HEADER; p < v.length; ) {
            int op = v[p] & 0xFF;
            int run, val = 0;
            if ((op & 0xC0) == 0) {
                run = (op & 0x3F) + 1;
                p++;
            } else if ((op & 0xC0) == 0x40) {
                if (p + 1 >= v.length) return false;
                run = (((op & 0x3F) << 8) | (v[p + 1] & 0xFF)) + 1;
                p += 2;
            } else {
                run = (op & 0x3) + 1;
                val = ((op >> 2) & 0x1F) + 1;
                p++;
            }
            if (idx + run > REGISTERS) return false;
            if (val > 0) for (int i = idx; i < idx + run; i++) if (val > regs[i]) regs[i] = (byte) val;
            idx += run;
        }
        return idx == REGISTERS;
    }

    /** Applies one element to the registers; true when a register grew (hllAdd's 1). */
    public static boolean add(byte[] regs, MemorySegment m, long off, int len) {
        int pl = patLen(m, off, len);
        int index = pl & 0xFFFF, count = pl >>> 16;
        if (count <= regs[index]) return false;
        regs[index] = (byte) count;
        return true;
    }

    // ---- encoding ------------------------------------------------------------------------------

    /** The 18-byte empty HLL that PFADD and PFMERGE create: sparse, one XZERO:16384, valid cache of 0. */
    public static byte[] empty() {
        byte[] v = header(SPARSE, null, HEADER + 2);
        v[HEADER] = (byte) (0x40 | ((REGISTERS - 1) >> 8));
        v[HEADER + 1] = (byte) ((REGISTERS - 1) & 0xFF);
        return v;
    }

    private static byte[] header(int encoding, byte[] old, int size) {
        byte[] v = new byte[size];
        v[0] = 'H';
        v[1] = 'Y';
        v[2] = 'L';
        v[3] = 'L';
        v[4] = (byte) encoding;
        if (old != null) System.arraycopy(old, 8, v, 8, 8); // the cached count travels, as in Redis
        return v;
    }

    /**
     * Encodes registers as a new value with old's cached-count bytes (null for zeros): dense when
     * dense is asked for, or when the sparse form cannot hold a value above 32 or would pass
     * sparseMaxBytes (header included), as Redis promotes.
     */
    public static byte[] encode(byte[] regs, boolean dense, long sparseMaxBytes, byte[] old) {
        if (!dense) {
            int len = sparseLength(regs);
            if (len >= 0 && HEADER + len <= sparseMaxBytes) return encodeSparse(regs, old, len);
        }
        byte[] v = header(DENSE, old, DENSE_SIZE);
        MemorySegment m = MemorySegment.ofArray(v);
        for (int i = 0; i < REGISTERS; i++) if (regs[i] != 0) denseSet(m, 0, i, regs[i]);
        return v;
    }

    /** Bytes of the sparse body for these registers, or -1 when a value does not fit a VAL opcode. */
    static int sparseLength(byte[] regs) {
        int n = 0;
        for (int i = 0; i < REGISTERS; ) {
            int v = regs[i];
            int j = i + 1;
            while (j < REGISTERS && regs[j] == v) j++;
            int run = j - i;
            if (v == 0) n += run > SPARSE_ZERO_MAX_LEN ? 2 : 1;
            else if (v > SPARSE_VAL_MAX_VALUE) return -1;
            else n += (run + SPARSE_VAL_MAX_LEN - 1) / SPARSE_VAL_MAX_LEN;
            i = j;
        }
        return n;
    }

    private static byte[] encodeSparse(byte[] regs, byte[] old, int len) {
        byte[] v = header(SPARSE, old, HEADER + len);
        int p = HEADER;
        for (int i = 0; i < REGISTERS; ) {
            int val = regs[i];
            int j = i + 1;
            while (j < REGISTERS && regs[j] == val) j++;
            int run = j - i;
            if (val == 0) {
                if (run > SPARSE_ZERO_MAX_LEN) {
                    v[p++] = (byte) (0x40 | ((run - 1) >> 8));
                    v[p++] = (byte) ((run - 1) & 0xFF);
                } else {
                    v[p++] = (byte) (run - 1);
                }
            } else {
                for (int left = run; left > 0; left -= SPARSE_VAL_MAX_LEN) {
                    int chunk = Math.min(left, SPARSE_VAL_MAX_LEN);
                    v[p++] = (byte) (0x80 | ((val - 1) << 2) | (chunk - 1));
                }
            }
            i = j;
        }
        return v;
    }

    /** PFDEBUG DECODE's text for a sparse body: "z:n" ZERO, "Z:n" XZERO, "v:value,len" VAL, space separated. */
    public static String describeSparse(byte[] v) {
        StringBuilder sb = new StringBuilder();
        for (int p = HEADER; p < v.length; ) {
            int op = v[p] & 0xFF;
            if (sb.length() > 0) sb.append(' ');
            if ((op & 0xC0) == 0) {
                sb.append("z:").append((op & 0x3F) + 1);
                p++;
            } else if ((op & 0xC0) == 0x40) {
                int next = p + 1 < v.length ? v[p + 1] & 0xFF : 0;
                sb.append("Z:").append((((op & 0x3F) << 8) | next) + 1);
                p += 2;
            } else {
                sb.append("v:").append(((op >> 2) & 0x1F) + 1).append(',').append((op & 0x3) + 1);
                p++;
            }
        }
        return sb.toString();
    }

    // ---- counting ------------------------------------------------------------------------------

    /** The cardinality estimate of a register array (Redis 7's hllCount over the register histogram). */
    public static long count(byte[] regs) {
        int[] histo = new int[64]; // as Redis: room for any 6-bit value, only 0..Q+1 are used
        for (int i = 0; i < REGISTERS; i++) histo[regs[i]]++;
        double m = REGISTERS;
        double z = m * tau((m - histo[Q + 1]) / m);
        for (int j = Q; j >= 1; --j) {
            z += histo[j];
            z *= 0.5;
        }
        z += m * sigma(histo[0] / m);
        return Math.round(ALPHA_INF * m * m / z);
    }

    private static double sigma(double x) {
        if (x == 1.) return Double.POSITIVE_INFINITY;
        double zPrime;
        double y = 1;
        double z = x;
        do {
            x *= x;
            zPrime = z;
            z += x * y;
            y += y;
        } while (zPrime != z);
        return z;
    }

    private static double tau(double x) {
        if (x == 0. || x == 1.) return 0.;
        double zPrime;
        double y = 1.0;
        double z = 1 - x;
        do {
            x = Math.sqrt(x);
            zPrime = z;
            y *= 0.5;
            double d = 1 - x;
            z -= d * d * y;
        } while (zPrime != z);
        return z / 3;
    }
}

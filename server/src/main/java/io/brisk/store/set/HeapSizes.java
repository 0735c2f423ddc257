package io.brisk.store.set;

import java.lang.management.ManagementFactory;

/**
 * Heap sizes of the objects sets and sorted sets are made of, for their byte estimates: measured
 * from the running JVM's layout (compact object headers, as bin/brisk-server enables, save 4 bytes
 * per object and array) rather than assumed.
 */
public final class HeapSizes {
    private HeapSizes() {}

    /** Bytes of an object header (mark word + class pointer). */
    public static final int OBJECT_HEADER = compactHeaders() ? 8 : 12;
    /** Bytes before an array's first element (header + length). */
    public static final int ARRAY_BASE = OBJECT_HEADER + 4;

    /** An object with this many bytes of fields, rounded up to the 8-byte alignment. */
    public static long object(int fieldBytes) {
        return align(OBJECT_HEADER + fieldBytes);
    }

    /** An array whose elements take payloadBytes in all (byte[] length, 4 per reference or int, 8 per long or double). */
    public static long array(long payloadBytes) {
        return align(ARRAY_BASE + payloadBytes);
    }

    private static long align(long n) {
        return (n + 7) & ~7L;
    }

    private static boolean compactHeaders() {
        try {
            var bean = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return bean != null && "true".equals(bean.getVMOption("UseCompactObjectHeaders").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}

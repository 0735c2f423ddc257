package io.brisk.util;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Native memory the FFM API's Arenas do not give: malloc'd areas that cost memory only where they
 * are used (an Arena zeroes what it allocates, which makes every page resident at once), and, on
 * Linux, mapped address space advised for transparent huge pages, whose pages can be handed back
 * to the system one range at a time.
 */
public final class NativeMemory {
    private static final Linker LINKER = Linker.nativeLinker();
    // Optional, not thrown at class initialisation: without native access canMap() must answer false
    // (the store then falls back to Arenas) rather than fail the class for every caller.
    private static final Optional<MethodHandle> MALLOC = call("malloc", FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final Optional<MethodHandle> FREE = call("free", FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
    private static final Optional<MethodHandle> MMAP = call("mmap", FunctionDescriptor.of(ValueLayout.ADDRESS,
            ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
    private static final Optional<MethodHandle> MADVISE = call("madvise", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    /** MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE: zero pages on first touch, no swap reserved up front. */
    private static final int MAP_FLAGS = 0x02 | 0x20 | 0x4000;
    private static final long MAP_FAILED = -1L;
    private static final int MADV_DONTNEED = 4;
    private static final int MADV_HUGEPAGE = 14;
    /** The size of a transparent huge page on x86-64 and (4 KiB-page) AArch64 Linux. */
    public static final long HUGE_PAGE = 2L << 20;

    private NativeMemory() {}

    private static Optional<MethodHandle> call(String name, FunctionDescriptor type) {
        try {
            return LINKER.defaultLookup().find(name).map(f -> LINKER.downcallHandle(f, type));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // native access refused: callers fall back to Arenas
        }
    }

    /** bytes of uninitialised native memory; release with free. */
    public static MemorySegment allocate(long bytes) {
        MemorySegment m;
        try {
            m = (MemorySegment) MALLOC.orElseThrow().invokeExact(bytes);
        } catch (Throwable t) {
            throw new IllegalStateException("malloc failed", t);
        }
        if (m.equals(MemorySegment.NULL)) throw new OutOfMemoryError("malloc(" + bytes + ")");
        return m.reinterpret(bytes);
    }

    public static void free(MemorySegment m) {
        try {
            FREE.orElseThrow().invokeExact(m);
        } catch (Throwable t) {
            throw new IllegalStateException("free failed", t);
        }
    }

    /** True where {@link #mapHugePageAligned} and {@link #discard} work (Linux with native access). */
    public static boolean canMap() {
        return MMAP.isPresent() && MADVISE.isPresent() && System.getProperty("os.name").equals("Linux");
    }

    /**
     * bytes (a multiple of {@link #HUGE_PAGE}) of zeroed address space starting on a huge-page
     * boundary, never unmapped; pages become resident when first touched. Parts of it may then be
     * advised for transparent huge pages ({@link #adviseHugePages}).
     */
    public static MemorySegment mapHugePageAligned(long bytes) {
        MemorySegment m;
        try {
            m = (MemorySegment) MMAP.orElseThrow().invokeExact(MemorySegment.NULL, bytes + HUGE_PAGE, PROT_READ_WRITE, MAP_FLAGS, -1, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException("mmap failed", t);
        }
        if (m.address() == MAP_FAILED) throw new OutOfMemoryError("mmap(" + bytes + ")");
        // The unused head and tail of the over-sized mapping stay reserved but untouched: address space only.
        long start = (m.address() + HUGE_PAGE - 1) & -HUGE_PAGE;
        return MemorySegment.ofAddress(start).reinterpret(bytes);
    }

    /** Advises m (huge-page aligned) for transparent huge pages (honoured in THP mode madvise or always; refused where THP is compiled out: fine). */
    public static void adviseHugePages(MemorySegment m) {
        advise(m, MADV_HUGEPAGE);
    }

    /** Hands the pages of m back to the system; m stays mapped and reads as zeros afterwards. */
    public static void discard(MemorySegment m) {
        advise(m, MADV_DONTNEED);
    }

    private static int advise(MemorySegment m, int advice) {
        try {
            return (int) MADVISE.orElseThrow().invokeExact(m, m.byteSize(), advice);
        } catch (Throwable t) {
            throw new IllegalStateException("madvise failed", t);
        }
    }
}

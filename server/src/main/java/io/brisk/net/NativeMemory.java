package io.brisk.net;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * malloc and free through the FFM API, for large native areas that should cost memory only where
 * they are used: an Arena zeroes what it allocates, which would make every page resident at once.
 */
final class NativeMemory {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle MALLOC = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("malloc"),
            FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle FREE = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("free"),
            FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));

    private NativeMemory() {}

    /** bytes of uninitialised native memory; release with free. */
    static MemorySegment allocate(long bytes) {
        MemorySegment m;
        try {
            m = (MemorySegment) MALLOC.invokeExact(bytes);
        } catch (Throwable t) {
            throw new IllegalStateException("malloc failed", t);
        }
        if (m.equals(MemorySegment.NULL)) throw new OutOfMemoryError("malloc(" + bytes + ")");
        return m.reinterpret(bytes);
    }

    static void free(MemorySegment m) {
        try {
            FREE.invokeExact(m);
        } catch (Throwable t) {
            throw new IllegalStateException("free failed", t);
        }
    }
}

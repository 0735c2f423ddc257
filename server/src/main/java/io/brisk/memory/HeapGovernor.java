package io.brisk.memory;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Keeps the JVM heap close to what the data needs, so memory goes back to the OS. Strings live
 * off-heap; collections live on the heap, and a load leaves garbage that makes ZGC grow the heap
 * well past the live data. ZGC returns unused heap (ZUncommitDelay) only down to its soft maximum,
 * so this sets SoftMaxHeapSize (a manageable flag) to 1.5x the live heap measured after the last
 * collection, never below a floor: a small keyspace keeps a small heap, a large one is not made to
 * collect non-stop.
 */
public final class HeapGovernor {
    private static final long FLOOR = Long.getLong("brisk.heapFloorMb", 128) << 20;

    private final HotSpotDiagnosticMXBean hotspot;
    private final List<MemoryPoolMXBean> heapPools;
    private long lastSoftMax = -1;

    public HeapGovernor() {
        HotSpotDiagnosticMXBean hs;
        try {
            hs = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            hs.getVMOption("SoftMaxHeapSize");
        } catch (RuntimeException e) {
            hs = null; // not HotSpot, or the flag does not exist: nothing to govern
        }
        hotspot = hs;
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP && p.getCollectionUsage() != null)
                .toList();
    }

    /** Live heap after the most recent collection of each heap pool, in bytes. */
    public long liveHeap() {
        long live = 0;
        for (MemoryPoolMXBean p : heapPools) {
            MemoryUsage u = p.getCollectionUsage();
            if (u != null) live += u.getUsed();
        }
        return live;
    }

    /** Re-targets the soft heap maximum; cheap enough to call every second. */
    public void adjust() {
        if (hotspot == null) return;
        long max = Runtime.getRuntime().maxMemory();
        long target = Math.min(max, Math.max(FLOOR, liveHeap() / 2 * 3));
        target = (target + (1 << 20) - 1) & -(1L << 20); // whole MB, so small changes do not churn
        if (Math.abs(target - lastSoftMax) < (8L << 20)) return;
        try {
            hotspot.setVMOption("SoftMaxHeapSize", Long.toString(target));
            lastSoftMax = target;
        } catch (RuntimeException e) {
            lastSoftMax = target; // refused (e.g. above -Xmx): keep what the JVM has
        }
    }
}

package io.brisk.command.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What Linux's /proc says about this process (INFO memory and cpu); zeros where /proc is absent. */
final class ProcStats {
    private static final long PAGE = 4096;
    private static final long TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux ABI Brisk runs on

    private ProcStats() {}

    /** Resident set size: the second field of /proc/self/statm, in pages. */
    static long residentBytes() {
        try {
            String[] f = Files.readString(Path.of("/proc/self/statm")).trim().split("\\s+");
            return Long.parseLong(f[1]) * PAGE;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long totalSystemMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return 0;
    }

    /** CPU time in microseconds: user, system, children's user, children's system (/proc/self/stat). */
    static long[] cpuMicros() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            long[] out = new long[4];
            for (int i = 0; i < 4; i++) out[i] = Long.parseLong(f[11 + i]) * (1_000_000 / TICKS_PER_SECOND);
            return out;
        } catch (IOException | RuntimeException e) {
            return new long[4];
        }
    }
}

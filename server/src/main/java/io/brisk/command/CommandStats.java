package io.brisk.command;

/** Per-command counters for INFO commandstats (calls, time, rejected and failed calls). */
public final class CommandStats {
    public final Counter calls = new Counter();
    /** Time spent in the command, in nanoseconds (Redis keeps µs; sub-µs commands would add up to 0). */
    public final Counter nanos = new Counter();
    public final Counter rejected = new Counter();
    public final Counter failed = new Counter();

    public long micros() {
        return nanos.sum() / 1000;
    }

    public void reset() {
        calls.reset();
        nanos.reset();
        rejected.reset();
        failed.reset();
    }
}

package io.brisk.command;

/**
 * Times one client's commands for INFO commandstats with as few clock reads as its figures allow.
 * Consecutive calls of one command in a read batch (a pipeline of SADDs) are timed as one run: a
 * clock read where the command changes and one at the end of the batch, not one per call, since
 * commandstats reports only each command's total time and call count. (System.nanoTime is a vDSO
 * call, 3-4 % of a pipelined SADD's server CPU when read after every command.) Commands outside
 * the keyspace that are not flagged fast (INFO, CONFIG RESETSTAT, ...) are timed alone, so any
 * that report or reset the figures see every call before them. Used by the client's own event loop only.
 */
public final class CommandClock {
    private CommandSpec spec;
    private int calls;
    private long start;

    /** Before spec runs: the current run goes on if it is spec's, else it is recorded and spec's begins. */
    void before(CommandSpec next) {
        if (next == spec) return;
        long now = System.nanoTime();
        if (spec != null) record(now);
        spec = next;
        calls = 0;
        start = now;
    }

    /** After spec ran. */
    void after(CommandSpec ran) {
        calls++;
        if (!timedInRuns(ran)) end();
    }

    /** At the end of a read batch: records the run in progress. */
    public void end() {
        if (spec == null) return;
        record(System.nanoTime());
        spec = null;
    }

    private void record(long now) {
        CommandStats st = spec.stats();
        st.calls.add(calls);
        st.nanos.add(now - start);
    }

    private static boolean timedInRuns(CommandSpec c) {
        return c.has(CommandFlag.FAST) || c.has(CommandFlag.WRITE) || c.has(CommandFlag.READONLY);
    }
}

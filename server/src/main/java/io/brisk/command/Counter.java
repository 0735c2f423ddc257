package io.brisk.command;

import io.netty.util.concurrent.FastThreadLocal;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A statistics counter updated on every command: each thread adds to a cell of its own with a plain
 * write (on an event loop the cell is found through Netty's indexed thread-local), so the hot path
 * pays no CAS, unlike LongAdder. {@link #sum()} adds up the cells for INFO.
 */
public final class Counter {
    private static final class Cell {
        long value;
    }

    private final CopyOnWriteArrayList<Cell> cells = new CopyOnWriteArrayList<>();
    private final FastThreadLocal<Cell> local = new FastThreadLocal<>() {
        @Override
        protected Cell initialValue() {
            Cell c = new Cell();
            cells.add(c);
            return c;
        }
    };

    public void increment() {
        local.get().value++;
    }

    public void add(long x) {
        local.get().value += x;
    }

    public long sum() {
        long s = 0;
        for (Cell c : cells) s += c.value;
        return s;
    }

    /** CONFIG RESETSTAT; an increment racing with it may survive, as with Redis's own counters. */
    public void reset() {
        for (Cell c : cells) c.value = 0;
    }
}

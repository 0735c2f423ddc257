package io.brisk.command;

import java.util.Arrays;

/** A growable int array, reused per connection to collect key indexes and slots without allocating. */
public final class IntList {
    private int[] a = new int[8];
    private int n;

    public void clear() { n = 0; }
    public int size() { return n; }
    public int get(int i) { return a[i]; }
    public int[] array() { return a; }

    public void add(int v) {
        if (n == a.length) a = Arrays.copyOf(a, n * 2);
        a[n++] = v;
    }

    /** Sorts and removes duplicates. */
    public void sortUnique() {
        if (n < 2) return;
        Arrays.sort(a, 0, n);
        int w = 1;
        for (int i = 1; i < n; i++) if (a[i] != a[w - 1]) a[w++] = a[i];
        n = w;
    }
}

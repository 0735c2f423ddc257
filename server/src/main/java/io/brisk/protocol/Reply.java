package io.brisk.protocol;

import java.lang.foreign.MemorySegment;

/**
 * What a command handler answers through. Each protocol's writer implements it (RESP2, RESP3), so
 * handlers state the reply's meaning (a map, a double, a null) and the writer picks the wire form.
 */
public interface Reply {
    void ok();
    void simple(String s);
    /** An error line; msg starts with its code, e.g. "ERR syntax error" or "WRONGTYPE ...". */
    void error(String msg);
    void integer(long v);
    void bulk(byte[] b);
    void bulk(String s);
    void bulk(MemorySegment seg, long off, long len);
    /** A bulk string from a range of an array (collections on the heap: no segment view to allocate). */
    void bulk(byte[] b, int off, int len);
    /** A bulk string holding the decimal form of v (GET of a counter, INCRBYFLOAT...). */
    void bulkLong(long v);
    void nullBulk();
    void nullArray();
    void array(int n);
    void map(int n);
    void set(int n);
    void push(int n);
    void doubleValue(double d);
    void bool(boolean b);
    void verbatim(String text);
    void bigNumber(String digits);
    /** Protocol version this reply speaks: 2 or 3. */
    int protocol();
    /** Bytes written so far in the current batch, for output-buffer accounting. */
    long pendingBytes();
}

package io.brisk.command;

/** What a command may ask of the transport a client is connected through (implemented by net/). */
public interface Connection {
    String remoteAddress();
    String localAddress();
    /** File descriptor if the transport exposes one, else -1. */
    int fd();
    /** Close once the replies written so far have been flushed (QUIT). */
    void closeAfterReply();
    /** Close now; may be called from any thread (CLIENT KILL). */
    void kill();
    /** Runs a task on this connection's own event loop (deliveries from other connections). */
    void execute(Runnable task);
    boolean inEventLoop();
    /** Bytes queued for this client but not yet written to its socket. */
    long outputBytes();
    /** Pauses or resumes reading from this client (CLIENT PAUSE, blocking). */
    void pauseReading(boolean paused);
    /** The reply writer of this connection: use only on its event loop, then {@link #flush()}. */
    io.brisk.protocol.Reply reply();
    /** Writes out what was put into {@link #reply()} outside a read (deliveries to blocked clients). */
    void flush();
    /** Bytes of a partly received request held for this client (CLIENT LIST qbuf). */
    default long queryBufferBytes() { return 0; }
    /** Free room in that buffer (CLIENT LIST qbuf-free). */
    default long queryBufferFree() { return 0; }
    /** True for a Unix-domain socket client (flag U in CLIENT LIST). */
    default boolean isUnixSocket() { return false; }
}

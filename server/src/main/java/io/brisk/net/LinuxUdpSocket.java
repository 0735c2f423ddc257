package io.brisk.net;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;

/**
 * A UDP socket driven through the FFM API with Linux's batch calls, recvmmsg and sendmmsg: many
 * datagrams per system call, into and out of native arrays ({@link MmsgArray}), with no Java object
 * per datagram (Netty's datagram channels allocate a packet and a sender address for each, which at
 * 100k datagrams/s kept the collector busy, and cross JNI for every field). 64-bit Linux only: the
 * constants and struct layouts are those x86-64 and AArch64 share.
 */
final class LinuxUdpSocket implements AutoCloseable {
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_SNDBUF = 7;
    private static final int SO_RCVBUF = 8;
    /** recvmmsg: wait for the first datagram only, then take what is already queued. */
    private static final int MSG_WAITFORONE = 0x10000;
    private static final int SHUT_RDWR = 2;
    private static final int EINTR = 4;
    /** Room for the largest socket address we bind or answer: sockaddr_in6 (28 bytes). */
    static final int SOCKADDR_BYTES = 32;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final ValueLayout.OfShort NET_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final ValueLayout ADDR = ValueLayout.ADDRESS;
    private static final MethodHandle SOCKET = call("socket", INT, INT, INT, INT);
    private static final MethodHandle SETSOCKOPT = call("setsockopt", INT, INT, INT, INT, ADDR, INT);
    private static final MethodHandle BIND = call("bind", INT, INT, ADDR, INT);
    private static final MethodHandle GETSOCKNAME = call("getsockname", INT, INT, ADDR, ADDR);
    private static final MethodHandle RECVMMSG = call("recvmmsg", INT, INT, ADDR, INT, INT, ADDR);
    private static final MethodHandle SENDMMSG = call("sendmmsg", INT, INT, ADDR, INT, INT);
    private static final MethodHandle SHUTDOWN = call("shutdown", INT, INT, INT);
    private static final MethodHandle CLOSE = call("close", INT, INT);

    private final int fd;
    private final int port;
    /** errno of the thread that moves the datagrams (one socket, one such thread). */
    private final MemorySegment errno = Arena.ofAuto().allocate(CALL_STATE);

    /** True on 64-bit Linux with the calls found (the layouts here are not portable beyond that). */
    static boolean available() {
        return CLOSE != null && System.getProperty("os.name").equals("Linux") && ADDR.byteSize() == 8
                && (System.getProperty("os.arch").equals("amd64") || System.getProperty("os.arch").equals("aarch64"));
    }

    private static MethodHandle call(String name, ValueLayout result, ValueLayout... args) {
        try {
            return LINKER.defaultLookup().find(name)
                    .map(f -> LINKER.downcallHandle(f, FunctionDescriptor.of(result, args), Linker.Option.captureCallState("errno")))
                    .orElse(null);
        } catch (RuntimeException | LinkageError e) {
            return null; // not Linux, or native access refused: the Netty datagram channel serves instead
        }
    }

    /** A socket bound to at, with send and receive buffers of bufferBytes each. */
    LinuxUdpSocket(InetSocketAddress at, int bufferBytes) throws IOException {
        boolean v6 = at.getAddress() instanceof Inet6Address;
        try {
            fd = check("socket", (int) SOCKET.invokeExact(errno, v6 ? AF_INET6 : AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("socket failed", t);
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment size = a.allocate(INT);
            size.set(INT, 0, bufferBytes);
            check("setsockopt(SO_RCVBUF)", (int) SETSOCKOPT.invokeExact(errno, fd, SOL_SOCKET, SO_RCVBUF, size, 4));
            check("setsockopt(SO_SNDBUF)", (int) SETSOCKOPT.invokeExact(errno, fd, SOL_SOCKET, SO_SNDBUF, size, 4));
            MemorySegment name = a.allocate(SOCKADDR_BYTES);
            int nameLen = encode(at, name);
            check("bind " + at, (int) BIND.invokeExact(errno, fd, name, nameLen));
            MemorySegment len = a.allocate(INT);
            len.set(INT, 0, SOCKADDR_BYTES);
            check("getsockname", (int) GETSOCKNAME.invokeExact(errno, fd, name, len));
            port = Short.toUnsignedInt(name.get(NET_SHORT, 2));
        } catch (Throwable t) {
            close();
            if (t instanceof IOException e) throw e;
            throw new IOException("could not bind " + at, t);
        }
    }

    int port() { return port; }

    /**
     * Fills the first entries of batch with datagrams: blocks until one arrives, then takes what is
     * already queued. Returns how many, or 0 once the socket is shut down.
     */
    int receive(MmsgArray batch, int capacity) throws IOException {
        while (true) {
            int n;
            try {
                n = (int) RECVMMSG.invokeExact(errno, fd, batch.headers(0), capacity, MSG_WAITFORONE, MemorySegment.NULL);
            } catch (Throwable t) {
                throw new IOException("recvmmsg failed", t);
            }
            if (n >= 0) return n;
            if (lastErrno() != EINTR) throw failure("recvmmsg", lastErrno());
        }
    }

    /**
     * Sends entries from..from+count of batch; returns how many left (at least one). A datagram the
     * kernel refuses is counted as gone: like memcached, a UDP reply that cannot be sent is dropped.
     */
    int send(MmsgArray batch, int from, int count) {
        while (true) {
            int n;
            try {
                n = (int) SENDMMSG.invokeExact(errno, fd, batch.headers(from), count, 0);
            } catch (Throwable t) {
                throw new IllegalStateException("sendmmsg failed", t);
            }
            if (n > 0) return n;
            if (n < 0 && lastErrno() == EINTR) continue;
            return 1;
        }
    }

    /** Wakes a thread blocked in receive (it then returns 0); the socket stays open until close. */
    void shutdown() {
        invokeWithOwnState(SHUTDOWN, SHUT_RDWR);
    }

    @Override
    public void close() {
        invokeWithOwnState(CLOSE);
    }

    private int lastErrno() {
        return (int) ERRNO.get(errno, 0L);
    }

    /** shutdown and close may come from another thread than the datagrams: errno of their own. */
    private void invokeWithOwnState(MethodHandle h, int... extra) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment state = a.allocate(CALL_STATE);
            int ignored = extra.length == 0 ? (int) h.invokeExact(state, fd) : (int) h.invokeExact(state, fd, extra[0]);
        } catch (Throwable ignored) {
            // best effort while stopping
        }
    }

    private int check(String what, int result) throws IOException {
        if (result < 0) throw failure(what, lastErrno());
        return result;
    }

    private static IOException failure(String what, int errno) {
        return new IOException(what + " failed: errno " + errno);
    }

    /** Writes at as a sockaddr_in or sockaddr_in6 and returns its length. */
    static int encode(InetSocketAddress at, MemorySegment to) {
        byte[] ip = at.getAddress().getAddress();
        to.fill((byte) 0);
        to.set(NET_SHORT, 2, (short) at.getPort());
        if (at.getAddress() instanceof Inet6Address v6) {
            to.set(ValueLayout.JAVA_SHORT, 0, (short) AF_INET6);
            MemorySegment.copy(ip, 0, to, ValueLayout.JAVA_BYTE, 8, ip.length);
            to.set(INT, 24, v6.getScopeId());
            return 28;
        }
        to.set(ValueLayout.JAVA_SHORT, 0, (short) AF_INET);
        MemorySegment.copy(ip, 0, to, ValueLayout.JAVA_BYTE, 4, ip.length);
        return 16;
    }
}

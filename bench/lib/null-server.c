/*
 * null-server: the fastest server redis-benchmark can talk to, to measure the load generator's own
 * ceiling on this machine (bench/compare-redis runs it beside Redis and Brisk, pinned the same way).
 *
 * It does no data-store work at all: it parses each RESP request just far enough to know the command
 * and answers with a reply of the shape and size Redis gives in redis-benchmark's tests (PING +PONG,
 * SET/MSET +OK, GET/LPOP/RPOP the 3-byte value, INCR/LPUSH/RPUSH/SADD/HSET/ZADD a growing integer,
 * SPOP/ZPOPMIN what an emptied set gives after the first call, LRANGE a..b that many 3-byte values).
 * Its system calls are what a lean single-threaded server makes: one epoll_wait per loop, one read
 * per readable connection, one write of all of that read's replies. Whatever rate redis-benchmark
 * reaches against it is the most any server can be measured at with this client on its one CPU.
 *
 * Build: cc -O2 -o null-server null-server.c     Run: null-server PORT
 * A measuring instrument, not part of Brisk.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_EVENTS 512
#define READ_CHUNK 16384

typedef struct {
    char *in;
    size_t in_len, in_cap;
    char *out;
    size_t out_off, out_len, out_cap;
    int waiting_out;   /* registered for EPOLLOUT: the socket buffer was full */
} conn;

static conn *conns[65536];
static long long counter;

static void need(char **buf, size_t *cap, size_t want) {
    if (want <= *cap) return;
    size_t cap2 = *cap ? *cap : 4096;
    while (cap2 < want) cap2 *= 2;
    *buf = realloc(*buf, cap2);
    if (!*buf) { perror("realloc"); exit(1); }
    *cap = cap2;
}

static void put(conn *c, const char *s, size_t n) {
    need(&c->out, &c->out_cap, c->out_len + n);
    memcpy(c->out + c->out_len, s, n);
    c->out_len += n;
}

static int name_is(const char *name, size_t len, const char *want) {
    return strlen(want) == len && strncasecmp(name, want, len) == 0;
}

/* Appends the reply for one command: name and, for LRANGE, its start and stop arguments. */
static void reply(conn *c, const char *name, size_t len, long start, long stop) {
    char num[32];
    if (name_is(name, len, "PING")) put(c, "+PONG\r\n", 7);
    else if (name_is(name, len, "SET") || name_is(name, len, "MSET")) put(c, "+OK\r\n", 5);
    else if (name_is(name, len, "GET") || name_is(name, len, "LPOP") || name_is(name, len, "RPOP"))
        put(c, "$3\r\nxxx\r\n", 9);
    else if (name_is(name, len, "INCR") || name_is(name, len, "LPUSH") || name_is(name, len, "RPUSH")
             || name_is(name, len, "SADD") || name_is(name, len, "HSET") || name_is(name, len, "ZADD")) {
        int n = snprintf(num, sizeof num, ":%lld\r\n", ++counter);
        put(c, num, (size_t) n);
    } else if (name_is(name, len, "SPOP")) put(c, "$-1\r\n", 5);
    else if (name_is(name, len, "ZPOPMIN")) put(c, "*0\r\n", 4);
    else if (name_is(name, len, "LRANGE")) {
        long count = stop - start + 1;
        if (count < 0) count = 0;
        int n = snprintf(num, sizeof num, "*%ld\r\n", count);
        put(c, num, (size_t) n);
        need(&c->out, &c->out_cap, c->out_len + (size_t) count * 9);
        for (long i = 0; i < count; i++) { memcpy(c->out + c->out_len, "$3\r\nxxx\r\n", 9); c->out_len += 9; }
    } else if (name_is(name, len, "CONFIG")) put(c, "*0\r\n", 4);
    else put(c, "-ERR unknown command\r\n", 22);
}

/* Parses a decimal number ending at '\r' from p; returns the position after "\r\n" or NULL. */
static const char *number(const char *p, const char *end, long *out) {
    long v = 0;
    int neg = 0;
    if (p < end && *p == '-') { neg = 1; p++; }
    while (p < end && *p >= '0' && *p <= '9') v = v * 10 + (*p++ - '0');
    if (p + 1 >= end || *p != '\r') return NULL;
    *out = neg ? -v : v;
    return p + 2;
}

/* Answers every complete request in the input buffer; keeps an incomplete tail. */
static void serve(conn *c) {
    const char *p = c->in, *end = c->in + c->in_len;
    while (p < end) {
        const char *q = p, *name = NULL;
        size_t name_len = 0;
        long start = 0, stop = -1;
        if (*q == '*') {
            long argc;
            if (!(q = number(q + 1, end, &argc))) break;
            int complete = 1;
            for (long i = 0; i < argc; i++) {
                long len;
                if (q >= end || *q != '$' || !(q = number(q + 1, end, &len)) || end - q < len + 2) { complete = 0; break; }
                if (i == 0) { name = q; name_len = (size_t) len; }
                else if (i == 2) start = strtol(q, NULL, 10);
                else if (i == 3) stop = strtol(q, NULL, 10);
                q += len + 2;
            }
            if (!complete) break;
        } else {   /* inline command: the first word of the line */
            const char *nl = memchr(q, '\n', (size_t) (end - q));
            if (!nl) break;
            name = q;
            while (name + name_len < nl && name[name_len] != ' ' && name[name_len] != '\r') name_len++;
            q = nl + 1;
        }
        reply(c, name, name_len, start, stop);
        p = q;
    }
    size_t left = (size_t) (end - p);
    memmove(c->in, p, left);
    c->in_len = left;
}

static void drop(int epfd, int fd) {
    epoll_ctl(epfd, EPOLL_CTL_DEL, fd, NULL);
    close(fd);
    if (conns[fd]) { free(conns[fd]->in); free(conns[fd]->out); free(conns[fd]); conns[fd] = NULL; }
}

/* Writes pending replies; waits for EPOLLOUT when the socket buffer is full. -1: connection gone. */
static int flush(int epfd, int fd, conn *c) {
    while (c->out_off < c->out_len) {
        ssize_t w = write(fd, c->out + c->out_off, c->out_len - c->out_off);
        if (w < 0 && errno == EAGAIN) break;
        if (w < 0) return -1;
        c->out_off += (size_t) w;
    }
    int pending = c->out_off < c->out_len;
    if (!pending) c->out_off = c->out_len = 0;
    if (pending != c->waiting_out) {
        struct epoll_event ev = {.events = EPOLLIN | (pending ? EPOLLOUT : 0), .data.fd = fd};
        epoll_ctl(epfd, EPOLL_CTL_MOD, fd, &ev);
        c->waiting_out = pending;
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: null-server PORT\n"); return 2; }
    int lfd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((unsigned short) atoi(argv[1])),
                               .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (bind(lfd, (struct sockaddr *) &addr, sizeof addr) || listen(lfd, 511)) { perror("listen"); return 1; }
    int epfd = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = lfd}, events[MAX_EVENTS];
    epoll_ctl(epfd, EPOLL_CTL_ADD, lfd, &ev);
    fprintf(stderr, "null-server ready on port %s\n", argv[1]);
    for (;;) {
        int n = epoll_wait(epfd, events, MAX_EVENTS, -1);
        for (int i = 0; i < n; i++) {
            int fd = events[i].data.fd;
            if (fd == lfd) {
                int cfd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK);
                if (cfd < 0 || cfd >= 65536) { if (cfd >= 0) close(cfd); continue; }
                setsockopt(cfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                conns[cfd] = calloc(1, sizeof(conn));
                struct epoll_event cev = {.events = EPOLLIN, .data.fd = cfd};
                epoll_ctl(epfd, EPOLL_CTL_ADD, cfd, &cev);
                continue;
            }
            conn *c = conns[fd];
            if (events[i].events & EPOLLIN) {
                need(&c->in, &c->in_cap, c->in_len + READ_CHUNK);
                ssize_t r = read(fd, c->in + c->in_len, READ_CHUNK);
                if (r == 0 || (r < 0 && errno != EAGAIN)) { drop(epfd, fd); continue; }
                if (r > 0) { c->in_len += (size_t) r; serve(c); }
            } else if (events[i].events & (EPOLLERR | EPOLLHUP)) { drop(epfd, fd); continue; }
            if (flush(epfd, fd, c) < 0) drop(epfd, fd);
        }
    }
}

package io.brisk.util;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Redis's glob matcher (stringmatchlen): * ? [abc] [^a-z] and \ escapes, optionally case-insensitive. */
public final class Glob {
    private final byte[] pattern;
    private final boolean nocase;

    public Glob(byte[] pattern, boolean nocase) {
        this.pattern = pattern;
        this.nocase = nocase;
    }

    public static boolean matches(String pattern, String s) {
        return new Glob(pattern.getBytes(java.nio.charset.StandardCharsets.UTF_8), true)
                .matches(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** True when the pattern is "*", so callers can skip matching altogether. */
    public boolean matchesEverything() {
        return pattern.length == 1 && pattern[0] == '*';
    }

    public boolean matches(byte[] s) {
        return matches(MemorySegment.ofArray(s), 0, s.length);
    }

    public boolean matches(MemorySegment seg, long off, int len) {
        return match(0, seg, off, len, 0);
    }

    private byte at(MemorySegment seg, long off, int i) {
        return seg.get(ValueLayout.JAVA_BYTE, off + i);
    }

    private boolean match(int p, MemorySegment seg, long off, int len, int depth) {
        if (depth > 1000) return false; // guards against pathological patterns, as Redis does
        int s = 0;
        int plen = pattern.length;
        while (p < plen && s < len) {
            byte c = pattern[p];
            switch (c) {
                case '*' -> {
                    while (p + 1 < plen && pattern[p + 1] == '*') p++;
                    if (p + 1 == plen) return true;
                    for (int k = s; k <= len; k++) {
                        if (match(p + 1, seg.asSlice(off + k, len - k), 0, len - k, depth + 1)) return true;
                    }
                    return false;
                }
                case '?' -> s++;
                case '[' -> {
                    p++;
                    boolean not = p < plen && pattern[p] == '^';
                    if (not) p++;
                    boolean hit = false;
                    byte ch = at(seg, off, s);
                    while (p < plen && pattern[p] != ']') {
                        if (pattern[p] == '\\' && p + 1 < plen) {
                            p++;
                            if (eq(pattern[p], ch)) hit = true;
                        } else if (p + 2 < plen && pattern[p + 1] == '-') {
                            int a = lower(pattern[p]) & 0xFF, b = lower(pattern[p + 2]) & 0xFF;
                            if (a > b) { int t = a; a = b; b = t; }
                            int x = lower(ch) & 0xFF;
                            if (x >= a && x <= b) hit = true;
                            p += 2;
                        } else if (eq(pattern[p], ch)) {
                            hit = true;
                        }
                        p++;
                    }
                    if (p == plen) p--; // unterminated class: Redis treats end of pattern as ']'
                    if (not) hit = !hit;
                    if (!hit) return false;
                    s++;
                }
                case '\\' -> {
                    if (p + 1 < plen) p++;
                    if (!eq(pattern[p], at(seg, off, s))) return false;
                    s++;
                }
                default -> {
                    if (!eq(c, at(seg, off, s))) return false;
                    s++;
                }
            }
            p++;
        }
        while (p < plen && pattern[p] == '*') p++;
        return p == plen && s == len;
    }

    private boolean eq(byte a, byte b) {
        return a == b || (nocase && lower(a) == lower(b));
    }

    private byte lower(byte b) {
        return nocase && b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }
}

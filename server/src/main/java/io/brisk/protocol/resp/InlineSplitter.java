package io.brisk.protocol.resp;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Splits an inline command line into words like Redis's sdssplitargs (quotes, \x escapes). */
final class InlineSplitter {
    private InlineSplitter() {}

    /** Returns the words, or null when quotes are unbalanced. */
    static List<byte[]> split(byte[] line) {
        List<byte[]> out = new ArrayList<>();
        int i = 0, n = line.length;
        while (true) {
            while (i < n && isSpace(line[i])) i++;
            if (i >= n) return out;
            ByteArrayOutputStream w = new ByteArrayOutputStream();
            boolean inDq = false, inSq = false;
            while (true) {
                if (inDq) {
                    if (i >= n) return null;
                    byte c = line[i];
                    if (c == '\\' && i + 3 < n && line[i + 1] == 'x' && isHex(line[i + 2]) && isHex(line[i + 3])) {
                        w.write(Character.digit(line[i + 2], 16) * 16 + Character.digit(line[i + 3], 16));
                        i += 3;
                    } else if (c == '\\' && i + 1 < n) {
                        i++;
                        byte e = line[i];
                        w.write(switch (e) { case 'n' -> '\n'; case 'r' -> '\r'; case 't' -> '\t'; case 'b' -> '\b'; case 'a' -> 7; default -> e; });
                    } else if (c == '"') {
                        if (i + 1 < n && !isSpace(line[i + 1])) return null;
                        inDq = false;
                        i++;
                        break;
                    } else {
                        w.write(c);
                    }
                } else if (inSq) {
                    if (i >= n) return null;
                    byte c = line[i];
                    if (c == '\\' && i + 1 < n && line[i + 1] == '\'') {
                        i++;
                        w.write('\'');
                    } else if (c == '\'') {
                        if (i + 1 < n && !isSpace(line[i + 1])) return null;
                        inSq = false;
                        i++;
                        break;
                    } else {
                        w.write(c);
                    }
                } else {
                    if (i >= n) break;
                    byte c = line[i];
                    if (isSpace(c)) break;
                    if (c == '"') inDq = true;
                    else if (c == '\'') inSq = true;
                    else w.write(c);
                }
                i++;
            }
            out.add(w.toByteArray());
        }
    }

    static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c;
    }

    private static boolean isHex(byte c) {
        return Character.digit(c, 16) >= 0;
    }
}

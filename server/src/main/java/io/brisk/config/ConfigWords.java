package io.brisk.config;

import java.util.ArrayList;
import java.util.List;

/** Splits a configuration line into words, honouring "double" and 'single' quotes. */
final class ConfigWords {
    private ConfigWords() {}

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        int i = 0, n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) i++;
            if (i >= n) break;
            StringBuilder w = new StringBuilder();
            char q = 0;
            boolean quoted = false;
            for (; i < n; i++) {
                char c = line.charAt(i);
                if (q != 0) {
                    if (c == '\\' && q == '"' && i + 1 < n) {
                        w.append(line.charAt(++i));
                    } else if (c == q) {
                        q = 0;
                    } else {
                        w.append(c);
                    }
                } else if (c == '"' || c == '\'') {
                    q = c;
                    quoted = true;
                } else if (Character.isWhitespace(c)) {
                    break;
                } else {
                    w.append(c);
                }
            }
            if (q != 0) return null;
            if (w.length() > 0 || quoted) out.add(w.toString());
        }
        return out;
    }
}

package io.brisk.command.server;

import io.brisk.command.Session;

/** Redis's yes / no / local switches (enable-debug-command, enable-protected-configs). */
final class LocalOnly {
    private LocalOnly() {}

    /** True when the parameter says yes, or local and the client is on loopback or a Unix socket. */
    static boolean allowed(Session s, String parameter) {
        String mode = s.server().config.get(parameter);
        if (mode.equals("yes")) return true;
        if (!mode.equals("local")) return false;
        if (s.connection().isUnixSocket()) return true;
        String addr = s.connection().remoteAddress();
        return addr.startsWith("127.") || addr.startsWith("0:0:0:0:0:0:0:1:") || addr.startsWith("::1");
    }
}

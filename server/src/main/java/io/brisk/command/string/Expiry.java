package io.brisk.command.string;

/** Turns EX/PX/EXAT/PXAT arguments into an absolute unix time in ms, with Redis's range checks. */
public final class Expiry {
    public static final long INVALID = Long.MIN_VALUE;

    private Expiry() {}

    public static long absolute(String unit, long v, long nowMillis) {
        if (v <= 0) return INVALID;
        try {
            return switch (unit) {
                case "EX" -> Math.addExact(nowMillis, Math.multiplyExact(v, 1000L));
                case "PX" -> Math.addExact(nowMillis, v);
                case "EXAT" -> Math.multiplyExact(v, 1000L);
                case "PXAT" -> v;
                default -> INVALID;
            };
        } catch (ArithmeticException e) {
            return INVALID;
        }
    }
}

package io.brisk.protocol.resp;

/** Request-size limits, named and defaulted as Redis names them. */
public record RespLimits(long protoMaxBulkLen, long clientQueryBufferLimit, int maxMultibulkLength, int maxInlineLength) {
    public static final RespLimits DEFAULTS = new RespLimits(512L * 1024 * 1024, 1024L * 1024 * 1024, 1024 * 1024, 64 * 1024);
}

package io.brisk.store;

/** The type nibble in an entry header; names are what TYPE answers. */
public enum ValueType {
    STRING("string"), LIST("list"), SET("set"), ZSET("zset"), HASH("hash"), STREAM("stream");

    private static final ValueType[] BY_CODE = values();
    private final String typeName;

    ValueType(String typeName) {
        this.typeName = typeName;
    }

    public String typeName() { return typeName; }
    public int code() { return ordinal(); }
    public static ValueType of(int code) { return BY_CODE[code]; }

    public static ValueType byName(String name) {
        for (ValueType t : BY_CODE) if (t.typeName.equalsIgnoreCase(name)) return t;
        return null;
    }
}

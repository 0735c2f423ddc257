package io.brisk.config;

import java.util.List;
import java.util.function.Consumer;

/**
 * One configuration parameter. {@code acted} says whether Brisk acts on it or only stores and
 * returns it (the README lists those). Values are kept in their canonical text form, as CONFIG GET
 * shows them.
 */
public final class Param {
    public enum Kind { BOOL, INT, MEMORY, ENUM, STRING, SPECIAL }

    final String name;
    final List<String> aliases;
    final Kind kind;
    final long min, max;
    final List<String> choices;
    final boolean immutable;
    final boolean acted;
    final String defaultValue;
    /** Checks and canonicalises a SPECIAL value. */
    SpecialValues.Check check = SpecialValues::any;
    /** Redis's PROTECTED_CONFIG: CONFIG SET refuses it unless enable-protected-configs allows. */
    boolean protectedConfig;
    volatile String value;
    volatile Consumer<Param> onChange;

    Param(String name, List<String> aliases, Kind kind, long min, long max, List<String> choices,
          boolean immutable, boolean acted, String defaultValue) {
        this.name = name;
        this.aliases = aliases;
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.choices = choices;
        this.immutable = immutable;
        this.acted = acted;
        this.defaultValue = defaultValue;
        this.value = defaultValue;
    }

    public String name() { return name; }
    public String value() { return value; }
    public Kind kind() { return kind; }
    public boolean immutable() { return immutable; }
    public boolean acted() { return acted; }
    public List<String> aliases() { return aliases; }
    public String defaultValue() { return defaultValue; }
    public boolean protectedConfig() { return protectedConfig; }

    /** Checks and normalises a new value; throws with Redis's wording on bad input. */
    String normalise(String v) throws ConfigException {
        switch (kind) {
            case BOOL -> {
                String l = v.toLowerCase();
                if (l.equals("yes") || l.equals("no")) return l;
                throw new ConfigException("argument must be 'yes' or 'no'");
            }
            case INT -> {
                long n;
                try {
                    n = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw new ConfigException("argument couldn't be parsed into an integer");
                }
                if (n < min || n > max) throw new ConfigException("argument must be between " + min + " and " + max + " inclusive");
                return Long.toString(n);
            }
            case MEMORY -> {
                long n = Units.parseMemory(v);
                if (n < 0 && !(min < 0)) throw new ConfigException("argument must be a memory value");
                if (n < min || n > max) throw new ConfigException("argument must be between " + min + " and " + max + " inclusive");
                return Long.toString(n);
            }
            case ENUM -> {
                String l = v.toLowerCase();
                if (choices.contains(l)) return l;
                throw new ConfigException("argument(s) must be one of the following: " + String.join(", ", choices));
            }
            case SPECIAL -> {
                return check.apply(v, value);
            }
            default -> {
                return check.apply(v, value); // plain strings: any value unless a check says otherwise
            }
        }
    }
}

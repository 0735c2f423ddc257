package io.brisk.command.set;

import static io.brisk.command.CommandFlag.DENYOOM;
import static io.brisk.command.CommandFlag.READONLY;
import static io.brisk.command.CommandFlag.WRITE;

import io.brisk.command.CardLimit;
import io.brisk.command.CommandError;
import io.brisk.command.CommandHandler;
import io.brisk.command.CommandSpec;
import io.brisk.command.NumKeys;
import io.brisk.command.Session;
import io.brisk.command.StoredObjects;
import io.brisk.protocol.CommandArgs;
import io.brisk.protocol.Reply;
import io.brisk.store.ValueType;
import io.brisk.store.set.MemberTable;
import io.brisk.store.set.SetLimits;
import io.brisk.store.set.SetValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Multi-key set algebra: SINTER, SINTERCARD, SUNION, SDIFF and their *STORE forms. */
final class SetAlgebraCommands {
    private SetAlgebraCommands() {}

    private enum Op { INTER, UNION, DIFF }

    static List<CommandSpec> specs() {
        return List.of(
                read("sinter", (s, a, r) -> reply(r, compute(s, a, 1, a.count() - 1, Op.INTER, Long.MAX_VALUE)),
                        "Returns the intersect of multiple sets.", "1.0.0"),
                read("sunion", (s, a, r) -> reply(r, compute(s, a, 1, a.count() - 1, Op.UNION, Long.MAX_VALUE)),
                        "Returns the union of multiple sets.", "1.0.0"),
                read("sdiff", (s, a, r) -> reply(r, compute(s, a, 1, a.count() - 1, Op.DIFF, Long.MAX_VALUE)),
                        "Returns the difference of multiple sets.", "1.0.0"),
                store("sinterstore", Op.INTER, "Stores the intersect of multiple sets in a key.", "1.0.0"),
                store("sunionstore", Op.UNION, "Stores the union of multiple sets in a key.", "1.0.0"),
                store("sdiffstore", Op.DIFF, "Stores the difference of multiple sets in a key.", "1.0.0"),
                CommandSpec.of("sintercard", -3, SetAlgebraCommands::sintercard).flags(READONLY).keyFinder(NumKeys.at(1, 0))
                        .acl("read", "set", "slow").group("set")
                        .doc("Returns the number of members of the intersect of multiple sets.", "7.0.0").build());
    }

    private static CommandSpec read(String name, CommandHandler h, String doc, String since) {
        return CommandSpec.of(name, -2, h).flags(READONLY).keys(1, -1, 1).acl("read", "set", "slow").group("set").doc(doc, since).build();
    }

    private static CommandSpec store(String name, Op op, String doc, String since) {
        CommandHandler h = (s, a, r) -> {
            List<byte[]> result = compute(s, a, 2, a.count() - 2, op, Long.MAX_VALUE);
            SetValue v = SetValue.emptyIntset();
            SetLimits lim = SetCommands.limits(s);
            v.maybeConvert(result.size(), lim);
            for (byte[] m : result) v.add(m, lim);
            StoredObjects.store(s, a, 1, ValueType.SET, v, result.isEmpty(), s.ref);
            r.integer(result.size());
        };
        return CommandSpec.of(name, -3, h).flags(WRITE, DENYOOM).keys(1, -1, 1).acl("write", "set", "slow").group("set").doc(doc, since).build();
    }

    private static void reply(Reply r, List<byte[]> members) {
        r.set(members.size());
        for (byte[] m : members) r.bulk(m);
    }

    /** SINTERCARD numkeys key [key ...] [LIMIT limit]. */
    static void sintercard(Session s, CommandArgs a, Reply r) {
        long numkeys;
        try {
            numkeys = a.longValue(1);
        } catch (NumberFormatException e) {
            throw new CommandError("ERR numkeys should be greater than 0");
        }
        if (numkeys <= 0) throw new CommandError("ERR numkeys should be greater than 0");
        if (numkeys > a.count() - 2) throw new CommandError("ERR Number of keys can't be greater than number of args");
        long limit = CardLimit.parse(a, 2 + (int) numkeys);
        r.integer(compute(s, a, 2, (int) numkeys, Op.INTER, limit).size());
    }

    /** Looks up n sets from args[first] (WRONGTYPE for any other type) and combines them. */
    private static List<byte[]> compute(Session s, CommandArgs a, int first, int n, Op op, long limit) {
        SetValue[] sets = new SetValue[n];
        boolean anyMissing = false;
        for (int j = 0; j < n; j++) {
            sets[j] = SetCommands.read(s, a, first + j);
            if (sets[j] == null) anyMissing = true;
        }
        List<byte[]> out = new ArrayList<>();
        switch (op) {
            case INTER -> {
                if (anyMissing) return out;
                SetValue[] bySize = sets.clone();
                Arrays.sort(bySize, Comparator.comparingInt(SetValue::size));
                SetValue smallest = bySize[0];
                smallest.forEachMember(m -> {
                    if (out.size() >= limit) return;
                    for (int j = 1; j < bySize.length; j++) if (bySize[j] != smallest && !bySize[j].contains(m)) return;
                    out.add(m);
                });
            }
            case UNION -> {
                MemberTable seen = new MemberTable(0, false);
                for (SetValue v : sets) {
                    if (v != null) v.forEachMember(m -> { if (seen.add(m)) out.add(m); });
                }
            }
            case DIFF -> {
                if (sets[0] == null) return out;
                sets[0].forEachMember(m -> {
                    for (int j = 1; j < n; j++) if (sets[j] != null && sets[j] != sets[0] && sets[j].contains(m)) return;
                    for (int j = 1; j < n; j++) if (sets[j] == sets[0]) return; // SDIFF k k is empty
                    out.add(m);
                });
            }
        }
        return out;
    }
}

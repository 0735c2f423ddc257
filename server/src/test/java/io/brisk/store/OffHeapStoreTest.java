package io.brisk.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.util.Crc16;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The off-heap store without a network: slot tables, backward-shift deletion, compaction and
 * expiry, checked against plain Java models. Runs single-threaded, so each test takes the slot
 * locks only where the code under test expects them (the Housekeeper does its own locking).
 */
class OffHeapStoreTest {
    private Keyspace ks;
    private Db db;
    private final EntryRef ref = new EntryRef();

    @BeforeEach
    void newKeyspace() {
        ks = new Keyspace(16);
        db = ks.db(0);
    }

    /** Gives the segments back (off-heap memory is not garbage collected): everything dead, all sealed ones freed. */
    @org.junit.jupiter.api.AfterEach
    void freeSegments() {
        ks.flushAll();
        new Housekeeper(ks).compact(1.0);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String get(Db d, String key) {
        if (!d.find(b(key), ref)) return null;
        return new String(ref.valueBytes(), StandardCharsets.UTF_8);
    }

    private boolean peek(String key) {
        byte[] k = b(key);
        return db.peek(java.lang.foreign.MemorySegment.ofArray(k), 0, k.length, ref);
    }

    private void put(String key, String value) {
        db.putString(b(key), b(value), 0, ref);
    }

    private long keys(Db d) {
        long n = 0;
        for (int s = 0; s < Crc16.SLOTS; s++) n += d.slotSize(s);
        return n;
    }

    @Test
    void oneSlotGrowsPastThousandsOfBuckets() {
        int n = 20_000;
        for (int i = 0; i < n; i++) put("{t}key:" + i, "value:" + i);
        int slot = Crc16.slot(b("{t}"));
        assertThat(db.slotSize(slot)).isEqualTo(n);
        assertThat(db.slots[slot].capacity()).isGreaterThan(1 << 14);
        for (int i = 0; i < n; i++) assertThat(get(db, "{t}key:" + i)).isEqualTo("value:" + i);
        assertThat(get(db, "{t}key:" + n)).isNull();
        assertThat(keys(db)).isEqualTo(n);
    }

    /** Lookups read each slot's table through Db.directory: it must follow every table made, grown, swapped and dropped. */
    @Test
    void theSlotDirectoryFollowsItsTablesThroughGrowthSwapAndFlush() {
        for (int i = 0; i < 5_000; i++) put("{d}key:" + i, "v" + i); // one slot, grown many times
        for (int i = 0; i < 2_000; i++) put("spread:" + i, "v" + i);
        ks.db(1).putString(b("other"), b("db1"), 0, ref);
        assertDirectoryMatches();
        ks.swap(0, 1);
        assertDirectoryMatches();
        assertThat(get(ks.db(1), "{d}key:4999")).isEqualTo("v4999");
        assertThat(get(ks.db(0), "other")).isEqualTo("db1");
        assertThat(get(ks.db(0), "{d}key:1")).isNull();
        ks.flush(1);
        assertDirectoryMatches();
        assertThat(get(ks.db(1), "spread:7")).isNull();
        ks.db(1).putString(b("spread:7"), b("again"), 0, ref);
        assertThat(get(ks.db(1), "spread:7")).isEqualTo("again");
        assertDirectoryMatches();
    }

    private void assertDirectoryMatches() {
        for (int d = 0; d < 2; d++) {
            Db x = ks.db(d);
            for (int s = 0; s < Crc16.SLOTS; s++) {
                assertThat(x.directory[s]).as("db %d slot %d", d, s).isEqualTo(Db.directoryEntry(x.slots[s]));
            }
        }
    }

    /** Past 2^20 buckets the home bucket needs more hash bits than the word's tag: grow and shift read the entry. */
    @Test
    void oneSlotBeyondTheTagBits() {
        int n = 900_000;
        byte[] v = b("v");
        for (int i = 0; i < n; i++) db.putString(b("{big}" + i), v, 0, ref);
        int slot = Crc16.slot(b("{big}"));
        assertThat(db.slots[slot].capacity()).isEqualTo(1 << 21);
        for (int i = 0; i < n; i += 2) assertThat(db.delete(b("{big}" + i), ref)).isTrue();
        for (int i = 0; i < n; i++) assertThat(db.find(b("{big}" + i), ref)).as("key %d", i).isEqualTo(i % 2 == 1);
        assertThat(db.slotSize(slot)).isEqualTo(n / 2);
    }

    @Test
    void randomInsertsAndDeletesMatchAHashMap() {
        Random rnd = new Random(42);
        Map<String, String> model = new HashMap<>();
        // few hash tags: long probe runs in a handful of tables, wrapping around their ends
        String[] tags = {"{a}", "{b}", "{c}"};
        for (int op = 0; op < 60_000; op++) {
            String key = tags[rnd.nextInt(tags.length)] + rnd.nextInt(2_000);
            int what = rnd.nextInt(10);
            if (what < 5) {
                String v = "v" + op;
                put(key, v);
                model.put(key, v);
            } else if (what < 8) {
                assertThat(db.delete(b(key), ref)).as("delete %s at op %d", key, op).isEqualTo(model.remove(key) != null);
            } else {
                assertThat(get(db, key)).as("get %s at op %d", key, op).isEqualTo(model.get(key));
            }
            if (op % 5_000 == 0) assertAllPresent(model);
        }
        assertAllPresent(model);
        for (String key : new ArrayList<>(model.keySet())) {
            assertThat(db.delete(b(key), ref)).isTrue();
            model.remove(key);
            if (model.size() % 500 == 0) assertAllPresent(model);
        }
        assertThat(keys(db)).isZero();
    }

    /** Small tables (8..64 buckets) wrap their probe runs constantly: delete must shift across the end. */
    @Test
    void backwardShiftAcrossTheTableEnd() {
        Random rnd = new Random(7);
        for (int round = 0; round < 300; round++) {
            Map<String, String> model = new HashMap<>();
            int keys = 1 + rnd.nextInt(40);
            String tag = "{r" + round + "}";
            for (int i = 0; i < keys; i++) {
                put(tag + i, "x" + i);
                model.put(tag + i, "x" + i);
            }
            List<String> order = new ArrayList<>(model.keySet());
            java.util.Collections.shuffle(order, rnd);
            for (String k : order) {
                assertThat(db.delete(b(k), ref)).isTrue();
                model.remove(k);
                assertAllPresent(model);
            }
        }
        assertThat(keys(db)).isZero();
    }

    private void assertAllPresent(Map<String, String> model) {
        for (Map.Entry<String, String> e : model.entrySet()) {
            assertThat(get(db, e.getKey())).as("key %s", e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(keys(db)).isEqualTo(model.size());
    }

    @Test
    void compactionKeepsEveryValueAndFreesSegments() {
        Housekeeper hk = new Housekeeper(ks);
        int n = 2_000;
        // each round's values are one byte longer: a new version each time, not an in-place rewrite
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < n; i++) put("key:" + i, round + ":" + i + "p".repeat(1_000 + round));
        }
        // 20 rounds x 2000 x ~1 KB = ~40 MB written (20 segments of 2 MiB), ~2 MB live
        int before = ks.segments().count();
        assertThat(before).isGreaterThan(15);
        hk.compact(0.5);
        int after = ks.segments().count();
        assertThat(after).isLessThan(before / 2);
        for (int i = 0; i < n; i++) assertThat(get(db, "key:" + i)).isEqualTo("19:" + i + "p".repeat(1_019));
        assertThat(keys(db)).isEqualTo(n);
        assertThat(ks.segmentBytes()).isEqualTo((long) after * Segments.SEGMENT_SIZE);
    }

    /** The compactor moves live entries by their location and deletes the expired ones it meets. */
    @Test
    void compactionDropsExpiredEntriesAndKeepsTheRest() throws InterruptedException {
        int n = 2_000;
        long soon = ks.now() + 50;
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < n; i++) {
                String value = round + ":" + i + "q".repeat(1_000 + round);
                db.putString(b("key:" + i), b(value), i % 2 == 0 ? soon : 0, ref); // even keys expire
            }
        }
        Thread.sleep(100);
        long expiredBefore = ks.expiredKeys.sum();
        new Housekeeper(ks).compact(0.5);
        assertThat(ks.expiredKeys.sum() - expiredBefore).as("expired keys met while compacting").isPositive();
        for (int i = 0; i < n; i++) {
            assertThat(get(db, "key:" + i)).isEqualTo(i % 2 == 0 ? null : "9:" + i + "q".repeat(1_009));
        }
        assertThat(keys(db)).isEqualTo(n / 2);
        assertThat(ks.volatileCount(0)).isZero();
    }

    /**
     * Compaction moves an entry a client was given the version of without making it a new version: a
     * memcached client's CAS (and the fetched bit) outlive the move, the stamp is carried once (8
     * bytes) however often it moves, and an in-place rewrite of a moved entry is still a new version.
     * An entry whose version nobody was given moves as it is.
     */
    @Test
    void compactionKeepsTheVersionOfWhatItMoves() {
        Housekeeper hk = new Housekeeper(ks);
        long at = ks.now() + 100_000;
        String[] keepers = {"plain", "ttl", "flagged", "both", "rewritten"};
        putWith("plain", "p", 0, false, 0);
        putWith("ttl", "t", at, false, 0);
        putWith("flagged", "f", 0, true, 42);
        putWith("both", "b", at + 1, true, 7);
        put("rewritten", "r0");
        put("rewritten", "r1"); // same length: rewritten in place, rewrite count 1
        put("unseen", "u");
        assertThat(db.find(b("unseen"), ref)).isTrue();
        int unseenSize = ref.entrySize();
        assertThat(db.find(b("plain"), ref)).isTrue();
        ref.markFetched();
        java.util.Map<String, long[]> before = new java.util.HashMap<>(); // version, location, size, expiry, flags
        java.util.Set<Long> versions = new java.util.HashSet<>();
        for (String k : keepers) {
            assertThat(db.find(b(k), ref)).isTrue();
            ref.markVersionSeen(); // as a memcached gets would
            before.put(k, new long[] {ref.version(), ref.location, ref.entrySize(), ref.expireAt(), ref.clientFlags()});
            versions.add(ref.version());
        }
        for (int pass = 1; pass <= 2; pass++) {
            for (int round = 0; round < 10; round++) { // growing values: every round's versions die
                for (int i = 0; i < 1_000; i++) put("churn:" + i, pass + ":" + round + "c".repeat(1_000 + round));
            }
            hk.compact(0.5);
            for (String k : keepers) {
                long[] was = before.get(k);
                assertThat(db.find(b(k), ref)).isTrue();
                assertThat(ref.location).as("%s moved by pass %d", k, pass).isNotEqualTo(was[1]);
                was[1] = ref.location;
                assertThat(ref.version()).as("%s's version after pass %d", k, pass).isEqualTo(was[0]);
                assertThat(ref.entrySize()).as("%s carries its stamp once", k).isEqualTo(was[2] + 8);
                assertThat(ref.expireAt()).isEqualTo(was[3]);
                assertThat(ref.clientFlags()).isEqualTo((int) was[4]);
            }
            assertThat(get(db, "rewritten")).isEqualTo("r1");
            assertThat(get(db, "both")).isEqualTo("b");
            assertThat(db.find(b("unseen"), ref)).isTrue();
            assertThat(ref.entrySize()).as("an unseen version moves without a stamp").isEqualTo(unseenSize);
            assertThat(get(db, "unseen")).isEqualTo("u");
            assertThat(db.find(b("plain"), ref)).isTrue();
            assertThat(ref.fetched()).as("the fetched bit moves with the entry").isTrue();
        }
        long location = before.get("rewritten")[1];
        for (int i = 2; i <= EntryRef.MAX_REWRITES; i++) { // a moved entry's rewrites are new versions too
            put("rewritten", "r" + Integer.toHexString(i));
            assertThat(db.find(b("rewritten"), ref)).isTrue();
            assertThat(ref.location).isEqualTo(location);
            assertThat(get(db, "rewritten")).isEqualTo("r" + Integer.toHexString(i));
            assertThat(versions.add(ref.version())).as("version after rewrite %d is new", i).isTrue();
        }
        put("rewritten", "rx"); // rewrite count used up: appended, a version of where it now lies
        assertThat(db.find(b("rewritten"), ref)).isTrue();
        assertThat(ref.location).isNotEqualTo(location);
        assertThat(ref.entrySize()).isEqualTo(before.get("rewritten")[2]);
        assertThat(versions.add(ref.version())).isTrue();
        for (String k : keepers) assertThat(versions).contains(before.get(k)[0]);
    }

    private void putWith(String key, String value, long expireAt, boolean hasFlags, int flags) {
        byte[] k = b(key), v = b(value);
        db.begin(ref, java.lang.foreign.MemorySegment.ofArray(k), 0, k.length, ValueType.STRING, v.length, expireAt, hasFlags, flags);
        java.lang.foreign.MemorySegment.copy(java.lang.foreign.MemorySegment.ofArray(v), 0, ref.mem, ref.valOff, v.length);
        db.commit(ref);
    }

    /** Two compaction passes at once (the housekeeper and a DEBUG-style call) must not free a segment twice. */
    @Test
    void concurrentCompactionsFreeEachSegmentOnce() throws Exception {
        int n = 1_000;
        for (int round = 0; round < 10; round++) { // growing values: new versions, see above
            for (int i = 0; i < n; i++) put("key:" + i, round + "c".repeat(1_000 + round));
        }
        int before = ks.segments().count();
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Runnable pass = () -> {
            try {
                start.await();
                new Housekeeper(ks).compact(0.5);
            } catch (Throwable e) {
                failures.add(e);
            }
        };
        Thread a = Thread.ofPlatform().start(pass), c = Thread.ofPlatform().start(pass);
        a.join();
        c.join();
        assertThat(failures).isEmpty();
        int after = ks.segments().count();
        assertThat(after).isLessThan(before / 2);
        for (int i = 0; i < n; i++) assertThat(get(db, "key:" + i)).isEqualTo("9" + "c".repeat(1_009));
        long allocated = 0;
        for (int id = 1; id <= after + before; id++) {
            Segment s = ks.segments().get(id);
            if (s != null) allocated += s.capacity();
        }
        assertThat(ks.segmentBytes()).isEqualTo(allocated);
    }

    @Test
    void compactionMovesEntriesOfSwappedDatabasesIntoTheRightOne() {
        Housekeeper hk = new Housekeeper(ks);
        String pad = "q".repeat(1_000);
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 1_000; i++) put("k" + i, round + pad);
        }
        ks.swap(0, 1);
        hk.compact(0.5);
        for (int i = 0; i < 1_000; i++) {
            assertThat(get(ks.db(1), "k" + i)).isEqualTo("4" + pad);
            assertThat(get(ks.db(0), "k" + i)).isNull();
        }
    }

    @Test
    void expireSlotRemovesOnlyExpiredKeys() throws InterruptedException {
        long now = ks.now();
        int slot = Crc16.slot(b("{e}"));
        for (int i = 0; i < 3_000; i++) {
            long at = i % 3 == 0 ? now + 60 : i % 3 == 1 ? now + 3_600_000 : 0;
            db.putString(b("{e}" + i), b("v" + i), at, ref);
        }
        assertThat(db.slotVolatileSize(slot)).isEqualTo(2_000);
        Thread.sleep(120);
        assertThat(db.expireSlot(slot, ref)).isEqualTo(1_000);
        assertThat(db.slotSize(slot)).isEqualTo(2_000);
        assertThat(db.slotVolatileSize(slot)).isEqualTo(1_000);
        for (int i = 0; i < 3_000; i++) {
            assertThat(get(db, "{e}" + i)).isEqualTo(i % 3 == 0 ? null : "v" + i);
        }
        assertThat(db.expireSlot(slot, ref)).isZero();
    }

    @Test
    void activeExpireCycleFindsKeysInEveryDatabase() throws InterruptedException {
        Housekeeper hk = new Housekeeper(ks);
        long at = ks.now() + 30;
        for (int d = 0; d < 16; d += 5) {
            for (int i = 0; i < 100; i++) ks.db(d).putString(b("x" + i), b("v"), at, ref);
        }
        Thread.sleep(60);
        long removed = 0;
        for (int i = 0; i < 100 && removed < 400; i++) removed += hk.activeExpireCycle(1_000_000_000L);
        assertThat(removed).isEqualTo(400);
        assertThat(ks.expiredKeys.sum()).isEqualTo(400);
        for (int d = 0; d < 16; d++) assertThat(ks.keyCount(d)).isZero();
    }

    @Test
    void lazyExpiryOnLookup() throws InterruptedException {
        db.putString(b("gone"), b("v"), ks.now() + 20, ref);
        db.putString(b("stays"), b("v"), ks.now() + 60_000, ref);
        assertThat(peek("gone")).isTrue();
        Thread.sleep(40);
        assertThat(peek("gone")).isFalse();
        assertThat(ks.expiredKeys.sum()).isEqualTo(1);
        assertThat(ks.keyCount(0)).isEqualTo(1);
        assertThat(ks.volatileCount(0)).isEqualTo(1);
        assertThat(db.find(b("stays"), ref)).isTrue();
    }

    @Test
    void setExpireInPlaceAddAndRemove() {
        put("k", "value");
        assertThat(db.find(b("k"), ref)).isTrue();
        long at = ks.now() + 100_000;
        db.setExpire(ref, at); // none -> some: a new version
        assertThat(ref.expireAt()).isEqualTo(at);
        assertThat(db.find(b("k"), ref)).isTrue();
        assertThat(ref.expireAt()).isEqualTo(at);
        assertThat(ks.volatileCount(0)).isEqualTo(1);
        db.setExpire(ref, at + 5); // some -> some: rewritten in place
        assertThat(db.find(b("k"), ref)).isTrue();
        assertThat(ref.expireAt()).isEqualTo(at + 5);
        db.setExpire(ref, 0); // persist
        assertThat(db.find(b("k"), ref)).isTrue();
        assertThat(ref.expireAt()).isZero();
        assertThat(new String(ref.valueBytes(), StandardCharsets.UTF_8)).isEqualTo("value");
        assertThat(ks.volatileCount(0)).isZero();
        // an overwrite without expiry clears one
        db.putString(b("k"), b("v2"), at, ref);
        assertThat(ks.volatileCount(0)).isEqualTo(1);
        put("k", "v3");
        assertThat(db.find(b("k"), ref)).isTrue();
        assertThat(ref.expireAt()).isZero();
        assertThat(ks.volatileCount(0)).isZero();
    }

    @Test
    void sameLayoutOverwritesRewriteInPlaceAndStillChangeTheVersion() {
        put("k", "aaaa");
        assertThat(db.find(b("k"), ref)).isTrue();
        long location = ref.location, live = ks.liveEntryBytes.sum();
        java.util.Set<Long> versions = new java.util.HashSet<>();
        versions.add(ref.version());
        for (int i = 1; i <= EntryRef.MAX_REWRITES; i++) {
            put("k", String.format("%04d", i)); // same length: the entry is rewritten where it is
            assertThat(get(db, "k")).isEqualTo(String.format("%04d", i));
            assertThat(ref.location).isEqualTo(location);
            assertThat(versions.add(ref.version())).as("version after rewrite %d is new", i).isTrue();
        }
        assertThat(ks.liveEntryBytes.sum()).isEqualTo(live);
        put("k", "next"); // rewrite count used up: a new version is appended elsewhere
        assertThat(get(db, "k")).isEqualTo("next");
        assertThat(ref.location).isNotEqualTo(location);
        assertThat(versions.add(ref.version())).isTrue();
        assertThat(ks.liveEntryBytes.sum()).isEqualTo(live);
        put("k", "longer value"); // another length: appended
        assertThat(get(db, "k")).isEqualTo("longer value");
        assertThat(ks.keyCount(0)).isEqualTo(1);
        assertThat(ks.liveEntryBytes.sum()).isEqualTo(live + "longer value".length() - 4);
    }

    @Test
    void inPlaceRewritesFollowTheNewExpiryAndClearTheFetchedBit() {
        long at = ks.now() + 100_000;
        db.putString(b("k"), b("v1"), at, ref);
        assertThat(db.find(b("k"), ref)).isTrue();
        ref.markFetched();
        long location = ref.location;
        db.putString(b("k"), b("v2"), at + 7, ref); // expiry to expiry: in place, new time
        assertThat(db.find(b("k"), ref)).isTrue();
        assertThat(ref.location).isEqualTo(location);
        assertThat(ref.expireAt()).isEqualTo(at + 7);
        assertThat(ref.fetched()).as("a new version starts unfetched").isFalse();
        assertThat(ks.volatileCount(0)).isEqualTo(1);
        put("k", "v3"); // SET without a TTL drops it: another layout, a new version
        assertThat(db.find(b("k"), ref)).isTrue();
        assertThat(ref.location).isNotEqualTo(location);
        assertThat(ref.expireAt()).isZero();
        assertThat(ks.volatileCount(0)).isZero();
        // rewriteInPlace itself: the same layout is taken, another value length is not
        assertThat(db.rewriteInPlace(ref, 2, 0, false, 0)).isTrue();
        assertThat(db.find(b("k"), ref)).isTrue();
        assertThat(db.rewriteInPlace(ref, 3, 0, false, 0)).as("another length").isFalse();
    }

    @Test
    void rewriteWithAPastTimeKeepsTheRefThenExpiresLazily() {
        put("k", "value");
        assertThat(db.find(b("k"), ref)).isTrue();
        db.setExpire(ref, ks.now() - 1_000); // none -> past: a new version, no exception
        assertThat(ref.expireAt()).isLessThan(ks.now());
        assertThat(new String(ref.valueBytes(), StandardCharsets.UTF_8)).isEqualTo("value");
        db.rewrite(ref, ks.now() - 500, true, 7); // memcached touch with a past time
        assertThat(ref.clientFlags()).isEqualTo(7);
        assertThat(db.find(b("k"), ref)).isFalse();
        assertThat(ks.expiredKeys.sum()).isEqualTo(1);
        assertThat(ks.keyCount(0)).isZero();
        assertThat(ks.volatileCount(0)).isZero();
    }

    @Test
    void aKeyLivesUntilNowPassesItsTime() {
        assertThat(Db.expired(0, Long.MAX_VALUE)).isFalse();
        assertThat(Db.expired(1_000, 1_000)).isFalse();
        assertThat(Db.expired(1_000, 1_001)).isTrue();
    }

    /** SCAN inside one slot while its table grows from 64 to 16k buckets and other keys come and go. */
    @Test
    void scanSlotVisitsEveryStableKeyWhileTheTableGrows() {
        int slot = Crc16.slot(b("{s}"));
        java.util.Set<String> stable = new java.util.HashSet<>();
        for (int i = 0; i < 40; i++) {
            put("{s}stable" + i, "v");
            stable.add("{s}stable" + i);
        }
        for (int i = 0; i < 40; i++) put("{s}doomed" + i, "v");
        List<String> seen = new ArrayList<>();
        long cursor = 0;
        int step = 0, added = 0;
        do {
            cursor = db.scanSlot(slot, cursor, ref, e -> seen.add(new String(e.keyBytes(), StandardCharsets.UTF_8)));
            if (step < 60) for (int i = 0; i < 200; i++) put("{s}new" + added++, "v"); // grows the table between steps
            if (step < 40) db.delete(b("{s}doomed" + step), ref);
            step++;
        } while (cursor != 0);
        assertThat(seen).containsAll(stable);
        for (String k : stable) assertThat(seen.stream().filter(k::equals).count()).as(k).isEqualTo(1);
        assertThat(db.slots[slot].capacity()).isGreaterThanOrEqualTo(1 << 12);
    }

    @Test
    void scanSlotOfAnEmptyOrMissingSlotIsDone() {
        assertThat(db.scanSlot(Crc16.slot(b("{none}")), 0, ref, e -> { throw new AssertionError(); })).isZero();
    }

    @Test
    void randomInSlotReturnsLiveKeysOnly() throws InterruptedException {
        int slot = Crc16.slot(b("{r}"));
        db.putString(b("{r}dead"), b("v"), ks.now() + 10, ref);
        put("{r}live", "v");
        Thread.sleep(30);
        Random rnd = new Random(1);
        for (int i = 0; i < 50; i++) {
            assertThat(db.randomInSlot(slot, rnd.nextLong(), ref)).isTrue();
            assertThat(new String(ref.keyBytes(), StandardCharsets.UTF_8)).isEqualTo("{r}live");
        }
        assertThat(db.randomInSlot(Crc16.slot(b("{other}")), 1, ref)).isFalse();
    }

    @Test
    void objectsFollowRenameAndAreFreedOnDelete() {
        TestObject o = new TestObject(1_000);
        db.putObject(b("{o}a"), ValueType.LIST, o, 0, ref);
        assertThat(ks.objectBytes.sum()).isEqualTo(1_000);
        assertThat(db.find(b("{o}a"), ref)).isTrue();
        assertThat(ref.type()).isEqualTo(ValueType.LIST);
        db.copyTo(ref, db, java.lang.foreign.MemorySegment.ofArray(b("{o}b")), 0, 4, 0, true);
        assertThat(db.delete(b("{o}a"), ref)).isTrue();
        assertThat(db.find(b("{o}b"), ref)).isTrue();
        assertThat(db.object(ref)).isSameAs(o);
        db.copyTo(ref, ks.db(3), java.lang.foreign.MemorySegment.ofArray(b("{o}b")), 0, 4, 0, false);
        assertThat(ks.db(3).find(b("{o}b"), ref)).isTrue();
        assertThat(ks.db(3).object(ref)).isNotSameAs(o).isInstanceOf(TestObject.class);
        assertThat(ks.objectBytes.sum()).isEqualTo(2_000);
        assertThat(db.delete(b("{o}b"), ref)).isTrue();
        assertThat(ks.db(3).delete(b("{o}b"), ref)).isTrue();
        assertThat(ks.objectBytes.sum()).isZero();
    }

    private record TestObject(long size) implements StoredObject {
        public long estimatedBytes() { return size; }
        public StoredObject deepCopy() { return new TestObject(size); }
        public String encoding() { return "test"; }
    }

    @Test
    void commitOverAFoundVersionReplacesItInPlaceAndFallsBackForAnotherKey() {
        put("a", "1");
        put("b", "2");
        long liveBefore = ks.liveEntryBytes.sum();
        EntryRef found = new EntryRef();
        assertThat(db.find(b("a"), found)).isTrue();
        EntryRef w = new EntryRef();
        byte[] k = b("a");
        db.begin(w, java.lang.foreign.MemorySegment.ofArray(k), 0, k.length, ValueType.STRING, 2, 0, false, 0);
        w.memory().set(java.lang.foreign.ValueLayout.JAVA_BYTE, w.valueOffset(), (byte) '4');
        w.memory().set(java.lang.foreign.ValueLayout.JAVA_BYTE, w.valueOffset() + 1, (byte) '2');
        db.commit(w, found);
        assertThat(get(db, "a")).isEqualTo("42");
        assertThat(db.keyCount()).isEqualTo(2);
        assertThat(ks.liveEntryBytes.sum() - liveBefore).isEqualTo(1); // one byte longer, the old version dead
        // a found ref of "b" handed in for a write of "a": the key check makes it a plain commit
        assertThat(db.find(b("b"), found)).isTrue();
        db.begin(w, java.lang.foreign.MemorySegment.ofArray(k), 0, k.length, ValueType.STRING, 1, 0, false, 0);
        w.memory().set(java.lang.foreign.ValueLayout.JAVA_BYTE, w.valueOffset(), (byte) '7');
        db.commit(w, found);
        assertThat(get(db, "a")).isEqualTo("7");
        assertThat(get(db, "b")).isEqualTo("2");
        assertThat(db.keyCount()).isEqualTo(2);
    }
}

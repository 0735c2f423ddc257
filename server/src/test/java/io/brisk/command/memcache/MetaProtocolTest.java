package io.brisk.command.memcache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The meta protocol (mg ms md ma mn me) over a raw socket, flag by flag. */
class MetaProtocolTest extends MemcacheTestBase {

    @Test
    void msAndMgReturnFlags() throws Exception {
        try (Raw r = raw()) {
            assertThat(r.line("ms foo 2 T0 F5 k O123\r\nhi\r\n")).isEqualTo("HD kfoo O123\r\n");
            String va = r.call("mg foo v f k s t h l O9\r\n", "hi\r\n");
            assertThat(va).matches("VA 2 f5 kfoo s2 t-1 h0 l[01] O9\r\nhi\r\n"); // l: seconds since the last access
            assertThat(r.line("mg foo h\r\n")).isEqualTo("HD h1\r\n"); // fetched by the previous mg
            assertThat(r.line("mg foo u h\r\n")).isEqualTo("HD h1\r\n");
            assertThat(r.line("mg nokey v\r\n")).isEqualTo("EN\r\n");
            assertThat(r.line("mg nokey v q\r\nmn\r\n")).isEqualTo("MN\r\n"); // q hides the miss
        }
    }

    @Test
    void casTokens() throws Exception {
        try (Raw r = raw()) {
            String hd = r.line("ms k 1 c\r\na\r\n");
            assertThat(hd).matches("HD c\\d+\r\n");
            long cas = Long.parseLong(hd.substring(4, hd.length() - 2));
            assertThat(r.line("mg k c\r\n")).isEqualTo("HD c" + cas + "\r\n");
            assertThat(r.line("ms k 1 C" + (cas + 1) + "\r\nb\r\n")).isEqualTo("EX\r\n");
            String again = r.line("ms k 1 c C" + cas + "\r\nb\r\n");
            assertThat(again).startsWith("HD c").isNotEqualTo("HD c" + cas + "\r\n");
            assertThat(r.line("ms nope 1 C1\r\nb\r\n")).isEqualTo("NF\r\n");
            // E: the client picks the new CAS
            assertThat(r.line("ms k 1 E777 c\r\nz\r\n")).isEqualTo("HD c777\r\n");
            assertThat(r.call("gets k\r\n", "END\r\n")).isEqualTo("VALUE k 0 1 777\r\nz\r\nEND\r\n");
            assertThat(r.line("md k C776\r\n")).isEqualTo("EX\r\n");
            assertThat(r.line("md k C777 q\r\nmn\r\n")).isEqualTo("MN\r\n");
            assertThat(r.line("mg k\r\n")).isEqualTo("EN\r\n");
        }
    }

    /** A set of the same size, flags and expiry presence rewrites the item in place: still a new item version. */
    @Test
    void sameSizeSetsAreNewVersions() throws Exception {
        try (Raw r = raw()) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            String hd = r.line("ms same 4 F9 T100 c\r\naaaa\r\n");
            assertThat(seen.add(hd)).isTrue();
            for (int i = 0; i < 20; i++) { // more than an entry's in-place rewrites, so both paths run
                String value = String.format("%04d", i);
                String stored = r.line("ms same 4 F9 T100 c\r\n" + value + "\r\n");
                assertThat(stored).matches("HD c\\d+\r\n");
                assertThat(r.line("mg same v h\r\n")).isEqualTo("VA 4 h0\r\n"); // a new version: not fetched yet
                assertThat(r.readUntil("\r\n")).isEqualTo(value + "\r\n");
                assertThat(seen.add(stored)).as("cas after set %d is new", i).isTrue();
                assertThat(r.line("mg same c\r\n")).isEqualTo(stored); // the reply's cas is the item's
                assertThat(r.call("gets same\r\n", "END\r\n")).startsWith("VALUE same 9 4 " + stored.substring(4, stored.length() - 2) + "\r\n" + value);
                assertThat(r.line("mg same t\r\n")).matches("HD t(99|100)\r\n");
            }
            String old = r.line("mg same c\r\n").substring(4).trim();
            assertThat(r.line("set same 9 0 4\r\nbbbb\r\n")).isEqualTo("STORED\r\n");
            assertThat(r.line("mg same c t\r\n")).doesNotContain("c" + old).contains("t-1");
            assertThat(r.line("cas same 9 0 4 " + old + "\r\ncccc\r\n")).isEqualTo("EXISTS\r\n");
        }
    }

    @Test
    void msModes() throws Exception {
        try (Raw r = raw()) {
            assertThat(r.line("ms k 1 ME\r\na\r\n")).isEqualTo("HD\r\n");
            assertThat(r.line("ms k 1 ME\r\nb\r\n")).isEqualTo("NS\r\n");
            assertThat(r.line("ms k 1 MA\r\nc\r\n")).isEqualTo("HD\r\n");
            assertThat(r.line("ms k 1 MP\r\nd\r\n")).isEqualTo("HD\r\n");
            assertThat(r.line("ms k 1 MR q\r\ne\r\nmg k v\r\n")).isEqualTo("VA 1\r\n");
            assertThat(r.readUntil("\r\n")).isEqualTo("e\r\n");
            assertThat(r.line("ms k 1 MS\r\nf\r\n")).isEqualTo("HD\r\n");
            assertThat(r.line("ms nope 1 MR\r\nf\r\n")).isEqualTo("NS\r\n");
            assertThat(r.line("ms nope 1 MA\r\nf\r\n")).isEqualTo("NS\r\n");
            assertThat(r.line("ms viv 1 MA N30\r\nf\r\n")).isEqualTo("HD\r\n"); // N: append vivifies
            assertThat(r.line("mg viv t v\r\n")).isEqualTo("VA 1 t30\r\n");
            r.readUntil("\r\n");
            assertThat(r.line("ms k 1 MX\r\nz\r\n")).isEqualTo("CLIENT_ERROR invalid mode for ms M token\r\n");
            assertThat(r.call("mg k v\r\n", "f\r\n")).isEqualTo("VA 1\r\nf\r\n"); // the refused data was consumed
        }
    }

    @Test
    void ttlFlags() throws Exception {
        try (Raw r = raw()) {
            r.line("ms k 1 T100\r\na\r\n");
            assertThat(r.line("mg k t\r\n")).isEqualTo("HD t100\r\n");
            assertThat(r.line("mg k T500 t\r\n")).isEqualTo("HD t500\r\n"); // T updates, t shows the new TTL
            assertThat(r.line("mg k t\r\n")).isEqualTo("HD t500\r\n");
            r.line("ms gone 1 T-1\r\na\r\n");
            assertThat(r.line("mg gone\r\n")).isEqualTo("EN\r\n");
        }
    }

    @Test
    void stampedeControlWithVivifyAndRecache() throws Exception {
        try (Raw r = raw()) {
            assertThat(r.call("mg hot v N30 t\r\n", "\r\n\r\n")).isEqualTo("VA 0 t30 W\r\n\r\n"); // first miss wins
            assertThat(r.call("mg hot v N30\r\n", "\r\n\r\n")).isEqualTo("VA 0 Z\r\n\r\n"); // others see Z
            r.line("ms warm 1 T10\r\na\r\n");
            assertThat(r.line("mg warm R30\r\n")).isEqualTo("HD W\r\n"); // TTL 10 < 30: win the recache
            assertThat(r.line("mg warm R30\r\n")).isEqualTo("HD Z\r\n");
            r.line("ms fresh 1 T100\r\na\r\n");
            assertThat(r.line("mg fresh R30\r\n")).isEqualTo("HD\r\n");
        }
    }

    @Test
    void invalidateMarksStale() throws Exception {
        try (Raw r = raw()) {
            String hd = r.line("ms k 2 c\r\nv1\r\n");
            long cas = Long.parseLong(hd.substring(4, hd.length() - 2));
            assertThat(r.line("md k I T30\r\n")).isEqualTo("HD\r\n");
            String first = r.call("mg k v c t\r\n", "v1\r\n");
            assertThat(first).matches("VA 2 c\\d+ t30 X W\r\nv1\r\n");
            long staleCas = Long.parseLong(first.substring(first.indexOf(" c") + 2, first.indexOf(" t30")));
            assertThat(staleCas).isNotEqualTo(cas); // invalidation bumps the CAS
            assertThat(r.call("mg k v\r\n", "v1\r\n")).isEqualTo("VA 2 Z X\r\nv1\r\n");
            // a store with an older CAS and I is accepted but stays stale
            assertThat(r.line("ms k 2 I C" + cas + "\r\nv2\r\n")).isEqualTo("HD\r\n");
            assertThat(r.call("mg k v\r\n", "v2\r\n")).isEqualTo("VA 2 Z X\r\nv2\r\n");
            // a normal set clears the state
            r.line("ms k 2\r\nv3\r\n");
            assertThat(r.call("mg k v\r\n", "v3\r\n")).isEqualTo("VA 2\r\nv3\r\n");
        }
    }

    @Test
    void metaArithmetic() throws Exception {
        try (Raw r = raw()) {
            assertThat(r.line("ma cnt\r\n")).isEqualTo("NF\r\n");
            assertThat(r.call("ma cnt N0 J10 v\r\n", "10\r\n")).isEqualTo("VA 2\r\n10\r\n");
            assertThat(r.call("ma cnt v\r\n", "11\r\n")).isEqualTo("VA 2\r\n11\r\n");
            assertThat(r.call("ma cnt v MD D3 t\r\n", "8\r\n")).isEqualTo("VA 1 t-1\r\n8\r\n");
            assertThat(r.call("ma cnt v M- D100\r\n", "0\r\n")).isEqualTo("VA 1\r\n0\r\n");
            assertThat(r.call("ma cnt v M+ D18446744073709551615\r\n", "\r\n")).isEqualTo("VA 20\r\n");
            assertThat(r.readUntil("\r\n")).isEqualTo("18446744073709551615\r\n");
            assertThat(r.line("ma cnt q\r\nmn\r\n")).isEqualTo("MN\r\n");
            assertThat(r.call("ma cnt v T100 t\r\n", "\r\n")).isEqualTo("VA 1 t100\r\n");
            assertThat(r.readUntil("\r\n")).isEqualTo("1\r\n");
            String c = r.line("ma cnt c\r\n");
            assertThat(c).matches("HD c\\d+\r\n");
            assertThat(r.line("ma cnt C1\r\n")).isEqualTo("EX\r\n");
            assertThat(r.line("ma cnt MX\r\n")).isEqualTo("CLIENT_ERROR invalid mode for ma M token\r\n");
            assertThat(r.line("ma cnt Dabc\r\n")).isEqualTo("CLIENT_ERROR invalid numeric delta argument\r\n");
            r.line("ms text 1\r\nx\r\n");
            assertThat(r.line("ma text\r\n")).isEqualTo("CLIENT_ERROR cannot increment or decrement non-numeric value\r\n");
            assertThat(r.call("ma new N0 E42 c v\r\n", "0\r\n")).isEqualTo("VA 1 c42\r\n0\r\n");
        }
    }

    @Test
    void base64KeysOpaqueNoopAndDebug() throws Exception {
        try (Raw r = raw()) {
            assertThat(r.line("ms Zm9v 2 b\r\nhi\r\n")).isEqualTo("HD\r\n"); // key "foo"
            assertThat(r.call("get foo\r\n", "END\r\n")).isEqualTo("VALUE foo 0 2\r\nhi\r\nEND\r\n");
            assertThat(r.call("mg Zm9v b k v\r\n", "hi\r\n")).isEqualTo("VA 2 b kZm9v\r\nhi\r\n");
            assertThat(r.line("mg foo b\r\n")).isEqualTo("CLIENT_ERROR error decoding key\r\n");
            assertThat(r.line("mn\r\n")).isEqualTo("MN\r\n");
            assertThat(r.line("me foo\r\n")).matches("ME foo exp=-1 la=\\d+ cas=\\d+ fetch=yes cls=1 size=\\d+\r\n");
            assertThat(r.line("me nope\r\n")).isEqualTo("EN\r\n");
            assertThat(r.line("md foo O5 k\r\n")).isEqualTo("HD O5 kfoo\r\n");
            assertThat(r.line("md foo O6\r\n")).isEqualTo("NF O6\r\n");
            assertThat(r.line("md foo q\r\nmn\r\n")).isEqualTo("MN\r\n");
        }
    }

    @Test
    void metaErrors() throws Exception {
        try (Raw r = raw()) {
            assertThat(r.line("mg\r\n")).isEqualTo("ERROR\r\n");
            assertThat(r.line("mg k !\r\n")).isEqualTo("CLIENT_ERROR invalid flag\r\n");
            assertThat(r.line("mg k v v\r\n")).isEqualTo("CLIENT_ERROR duplicate flag\r\n");
            assertThat(r.line("mg k Tabc\r\n")).isEqualTo("CLIENT_ERROR bad token in command line format\r\n");
            assertThat(r.line("ms k\r\n")).isEqualTo("CLIENT_ERROR bad command line format\r\n");
            assertThat(r.line("ms k x\r\n")).isEqualTo("CLIENT_ERROR bad command line format\r\n");
            assertThat(r.line("ms k 1 Fx\r\na\r\n")).isEqualTo("CLIENT_ERROR bad token in command line format\r\n");
            assertThat(r.line("me\r\n")).isEqualTo("CLIENT_ERROR bad command line format\r\n");
            assertThat(r.line("mn\r\n")).isEqualTo("MN\r\n"); // still in step
        }
    }
}

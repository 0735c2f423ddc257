package io.brisk.command.zset;

import io.brisk.protocol.Reply;

/**
 * Writes member/score lists the way Redis does: plain members; or WITHSCORES as a flat
 * member, score, ... array in RESP2 and an array of [member, double] pairs in RESP3.
 */
final class ScoredReply {
    private ScoredReply() {}

    static void begin(Reply r, int n, boolean withScores) {
        if (withScores && r.protocol() == 2) r.array(2 * n);
        else r.array(n);
    }

    static void element(Reply r, byte[] member, double score, boolean withScores) {
        if (!withScores) {
            r.bulk(member);
            return;
        }
        if (r.protocol() == 3) r.array(2);
        r.bulk(member);
        r.doubleValue(score);
    }

    /** Always nested [member, score] pairs, in both protocols (ZMPOP, BZMPOP). */
    static void pair(Reply r, byte[] member, double score) {
        r.array(2);
        r.bulk(member);
        r.doubleValue(score);
    }
}

package org.feedlab.ranker;

import java.io.Serializable;

/**
 * Which posts a request considers (see {@link CandidateRetriever}).
 *
 * @param inNetworkCandidates most in-network posts retrieved per request (newest first)
 * @param popularCandidates most out-of-network popular posts retrieved per request
 * @param maxAgeTicks oldest post age (in ticks) eligible as a candidate
 */
public record RetrievalConfig(int inNetworkCandidates, int popularCandidates, int maxAgeTicks)
        implements Serializable {

    /** 200 in-network and 100 popular posts of the last 3 ticks. */
    public static final RetrievalConfig DEFAULTS = new RetrievalConfig(300, 150, 3);

    /**
     * The oldest post tick the platform keeps at tick t: candidates, plus the ticks whose
     * impressions are still due. Posts older than this can never be candidates again, so forgetting
     * them (in the index or a user's seen set) changes no feed.
     */
    public long oldestKept(long tick) {
        return tick - maxAgeTicks - 2;
    }

    public RetrievalConfig withInNetworkCandidates(int v) {
        return new RetrievalConfig(v, popularCandidates, maxAgeTicks);
    }

    public RetrievalConfig withPopularCandidates(int v) {
        return new RetrievalConfig(inNetworkCandidates, v, maxAgeTicks);
    }

    public RetrievalConfig withMaxAgeTicks(int v) {
        return new RetrievalConfig(inNetworkCandidates, popularCandidates, v);
    }
}

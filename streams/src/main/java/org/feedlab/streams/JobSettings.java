package org.feedlab.streams;

import java.io.Serializable;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.serving.Audit;

/**
 * What the ranking job needs to know about the run.
 *
 * @param ranker the ranker's parameters
 * @param topics size of the platform's topic taxonomy
 * @param seed the run seed (for exploration and training draws)
 * @param auditShare share of users, in [0, 1], whose every served feed is explained on the audit
 *     topic (0: no audit)
 * @param scoringDelayMs milliseconds the scoring operator spends on each request on top of the
 *     ranking (a slower ranker; 0: none). It changes the job's speed, never its output.
 */
public record JobSettings(
        RankerConfig ranker, int topics, long seed, double auditShare, int scoringDelayMs)
        implements Serializable {

    public JobSettings {
        if (!(auditShare >= 0.0 && auditShare <= 1.0)) {
            throw new IllegalArgumentException("auditShare must be in [0, 1], got " + auditShare);
        }
        if (scoringDelayMs < 0) {
            throw new IllegalArgumentException(
                    "scoringDelayMs must be >= 0, got " + scoringDelayMs);
        }
    }

    /** Settings with an audit and no added scoring delay. */
    public JobSettings(RankerConfig ranker, int topics, long seed, double auditShare) {
        this(ranker, topics, seed, auditShare, 0);
    }

    /** Settings without an audit. */
    public JobSettings(RankerConfig ranker, int topics, long seed) {
        this(ranker, topics, seed, 0.0);
    }

    /** The users whose feeds are explained: a seeded sample of {@code auditShare}. */
    public Audit audit() {
        return Audit.sample(seed, auditShare);
    }
}

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
 */
public record JobSettings(RankerConfig ranker, int topics, long seed, double auditShare)
        implements Serializable {

    public JobSettings {
        if (!(auditShare >= 0.0 && auditShare <= 1.0)) {
            throw new IllegalArgumentException("auditShare must be in [0, 1], got " + auditShare);
        }
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

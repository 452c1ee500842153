package org.feedlab.streams;

import java.io.Serializable;
import org.feedlab.events.Seeds;
import org.feedlab.ranker.RankerConfig;

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

    /**
     * Whether the audit samples this user: a draw of its own (purpose "audit"), so the sample is
     * the same on every run with this seed and share, whatever the parallelism.
     */
    public boolean audited(int userId) {
        return auditShare > 0.0 && Seeds.derive(seed, userId, 0, "audit").nextDouble() < auditShare;
    }
}

package org.feedlab.lab.oracle;

import java.util.List;
import org.feedlab.events.Head;
import org.feedlab.lab.engine.SimulationRun;
import org.feedlab.ranker.Candidate;
import org.feedlab.ranker.PredictionSource;
import org.feedlab.ranker.features.Viewer;
import org.feedlab.ranker.model.Heads;
import org.feedlab.simulator.Content;
import org.feedlab.simulator.Society;
import org.feedlab.simulator.TrueSession;
import org.feedlab.simulator.User;

/**
 * The oracle's source of predictions: for a user and a candidate, the probability of each head as
 * the society would draw it (actions, long dwell, survey yes, going on, coming back), given the
 * user's hidden state now and the items placed above the slot ({@link TrueSession}). It computes
 * these without a draw, so the society's random streams are the same as without it.
 *
 * <p>It follows the run as a listener only to be handed the society before the first tick.
 */
public final class SocietyOracle implements PredictionSource, SimulationRun.Listener {
    private Society society;

    @Override
    public void started(Society society) {
        this.society = society;
    }

    @Override
    public void ticked(SimulationRun.Tick tick) {}

    @Override
    public List<String> headNames() {
        return Head.names();
    }

    @Override
    public double[][] predict(Viewer viewer, List<Candidate> candidates, List<Candidate> above) {
        if (society == null) {
            throw new IllegalStateException("the oracle was asked before the society existed");
        }
        User user = society.users()[viewer.userId()];
        TrueSession session = new TrueSession(user, society.config());
        for (Candidate c : above) {
            session.read(truth(c), c.inNetwork());
        }
        double[][] out = new double[candidates.size()][];
        for (int j = 0; j < out.length; j++) {
            Candidate c = candidates.get(j);
            out[j] = session.probabilities(truth(c), c.inNetwork(), Heads.DWELL_SECONDS);
        }
        return out;
    }

    private Content truth(Candidate c) {
        long id = c.stats().post().postId();
        Content content = society.content(id);
        if (content == null) {
            throw new IllegalStateException("the society does not know post " + id);
        }
        return content;
    }
}

package org.feedlab.ranker;

import java.util.List;
import org.feedlab.ranker.features.Viewer;

/**
 * Head probabilities from somewhere other than the tick's model: the seam through which the lab's
 * oracle hands {@link FeedRanker} the society's true probabilities ({@code ranker.oracle}). Nothing
 * in the ranker or the stream job implements it; the platform ranks with its model. Everything
 * after the predictions (objective, policies, slate) is the same code either way.
 */
public interface PredictionSource {
    /** Head names in output order. */
    List<String> headNames();

    /**
     * Each candidate's probability per head for this viewer at the slot {@code viewer.session()}
     * describes, after the items {@code above} were read in the same session.
     *
     * @param viewer the user, the tick and the slot's session context
     * @param candidates the candidates to predict
     * @param above the items placed above the slot, in slot order (empty at the top of the feed)
     * @return one row of {@link #headNames()} probabilities per candidate
     */
    double[][] predict(Viewer viewer, List<Candidate> candidates, List<Candidate> above);
}

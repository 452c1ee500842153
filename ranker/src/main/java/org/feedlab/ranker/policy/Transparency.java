package org.feedlab.ranker.policy;

/**
 * Transparency (DSA Art. 27): the run directory receives a plain-language statement of the
 * recommender's main parameters, generated from the scenario by {@link MainParameters}; per-item
 * explanations of served feeds come from {@code feedlab explain}.
 *
 * @param file name of the statement in the run directory
 */
public record Transparency(String file) implements FeedPolicy {
    public static final String TYPE = "transparency";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String describe() {
        return "This statement is published with the run (" + file + ").";
    }
}

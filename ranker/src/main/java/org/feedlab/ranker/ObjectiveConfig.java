package org.feedlab.ranker;

import java.io.Serializable;
import java.util.Objects;
import org.feedlab.ranker.objective.ObjectiveTerms;

/**
 * Which objective orders ranked feeds: a preset and the researcher's terms on top of it (scenario
 * keys {@code objective} and {@code objective_terms}).
 *
 * @param name preset name as written in scenario files (one of {@link Objective#PRESETS})
 * @param terms declared weights and terms added to the preset
 */
public record ObjectiveConfig(String name, ObjectiveTerms terms) implements Serializable {

    public ObjectiveConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(terms, "terms");
    }

    /** The engagement objective (the Twitter/X 2023 weights) without extra terms. */
    public static final ObjectiveConfig DEFAULTS = named("engagement");

    /** A preset without extra terms. */
    public static ObjectiveConfig named(String name) {
        return new ObjectiveConfig(name, ObjectiveTerms.none());
    }

    public ObjectiveConfig withName(String newName) {
        return new ObjectiveConfig(newName, terms);
    }

    public ObjectiveConfig withTerms(ObjectiveTerms newTerms) {
        return new ObjectiveConfig(name, newTerms);
    }

    /**
     * The objective these settings select, before any policy changes it.
     *
     * @throws IllegalArgumentException for an unknown preset
     */
    public Objective build() {
        return Objective.of(name, terms);
    }
}

package org.feedlab.lab.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.simulator.SocietyConfig;

/**
 * One fully resolved scenario: what a run simulates, with every default filled in, so a run
 * manifest can state exactly what was run.
 *
 * @param name short identifier, also used in run directory names
 * @param description plain-language description; its first sentence is the one-line summary
 * @param seed run seed from which every random draw is derived
 * @param ticks number of ticks to simulate
 * @param society parameters of the synthetic society
 * @param ranker parameters of the platform's ranker
 * @param stream shape of the streaming pipeline
 */
public record Scenario(
        String name,
        String description,
        long seed,
        int ticks,
        SocietyConfig society,
        RankerConfig ranker,
        StreamConfig stream) {

    /** Fills a missing description and refuses missing parts, so consumers never null-check. */
    public Scenario {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(society, "society");
        Objects.requireNonNull(ranker, "ranker");
        Objects.requireNonNull(stream, "stream");
    }

    /** The same scenario with another seed (the command line's {@code --seed}). */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, ticks, society, ranker, stream);
    }

    /** The same scenario with another number of ticks. */
    public Scenario withTicks(int newTicks) {
        return new Scenario(name, description, seed, newTicks, society, ranker, stream);
    }

    /** The same scenario with another society. */
    public Scenario withSociety(SocietyConfig newSociety) {
        return new Scenario(name, description, seed, ticks, newSociety, ranker, stream);
    }

    /** The same scenario with another ranker configuration. */
    public Scenario withRanker(RankerConfig newRanker) {
        return new Scenario(name, description, seed, ticks, society, newRanker, stream);
    }

    /**
     * The same scenario with another stream parallelism (the command line's {@code --parallelism}).
     */
    public Scenario withParallelism(int parallelism) {
        return new Scenario(
                name,
                description,
                seed,
                ticks,
                society,
                ranker,
                stream.withParallelism(parallelism));
    }

    /**
     * The scenario as resolved, as a tree with snake_case keys in a fixed order; it is what a run
     * manifest records and what {@link ScenarioLoader#parse} reads back to an equal scenario.
     */
    public ObjectNode resolvedTree() {
        return ScenarioLoader.toJson(this);
    }
}

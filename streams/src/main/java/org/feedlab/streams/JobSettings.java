package org.feedlab.streams;

import java.io.Serializable;
import org.feedlab.ranker.RankerConfig;

/**
 * What the ranking job needs to know about the run.
 *
 * @param ranker the ranker's parameters
 * @param topics size of the platform's topic taxonomy
 * @param seed the run seed (for exploration and training draws)
 */
public record JobSettings(RankerConfig ranker, int topics, long seed) implements Serializable {}

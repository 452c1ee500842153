package org.feedlab.lab.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One arm of an experiment: a name and the scenario keys it overrides.
 *
 * @param name arm name, used in file names and result rows
 * @param overrides scenario keys (society, ranker, stream, ticks) merged over the base scenario
 */
public record Arm(String name, ObjectNode overrides) {}

package org.feedlab.simulator;

/**
 * A creator: ideology, main topic, quality, and how outrageous their posts tend to be (fixed in
 * this version).
 *
 * @param id creator id
 * @param ideology ideology in [-1, 1]
 * @param topic main topic
 * @param quality mean quality of their posts in [0, 1]
 * @param outragePropensity mean outrage of their posts in [0, 1]
 */
public record Creator(int id, double ideology, int topic, double quality, double outragePropensity) {}

package org.feedlab.lab.scenario;

/**
 * One thing wrong with a scenario, in the form a researcher can act on: where, what was expected,
 * and what was found.
 *
 * @param path JSON path of the bad field (e.g. {@code $.society.users}), or a YAML line and column
 * @param expected what a valid value looks like
 * @param got what the file holds there
 */
public record Problem(String path, String expected, String got) {

    /** Renders {@code path: expected X, got Y}. */
    @Override
    public String toString() {
        return path + ": expected " + expected + ", got " + got;
    }
}

package org.feedlab.lab.experiment;

import org.feedlab.lab.scenario.Scenario;

/**
 * One run of the grid.
 *
 * @param arm arm name
 * @param seed the seed
 * @param scenario the resolved scenario (base + arm overrides + seed)
 */
public record PlannedRun(String arm, long seed, Scenario scenario) {

    /** Directory name of the run inside the experiment's runs/ folder. */
    public String directoryName() {
        return arm + "-s" + seed;
    }
}

package org.feedlab.lab.validate;

import org.feedlab.lab.experiment.ExperimentSpec;

/**
 * One published finding (one study, one outcome) and the FeedLab design that reproduces it.
 *
 * @param id the file's name without {@code .yaml}
 * @param file the finding's file, as named to the suite
 * @param study short name of the study, e.g. "Guess et al. 2023a"
 * @param citation the full reference
 * @param outcome the outcome in words
 * @param unit the unit of the estimate
 * @param published the published estimate and its interval
 * @param role whether FeedLab was tuned to this figure ({@link Role#CALIBRATION}: reported but not
 *     counted) or not ({@link Role#VALIDATION})
 * @param mechanism the model's mechanisms the finding exercises, in words
 * @param design the runs: a base scenario, arms and seeds, as in an experiment file
 * @param measure what is measured in them
 */
public record Finding(
        String id,
        String file,
        String study,
        String citation,
        String outcome,
        String unit,
        Published published,
        Role role,
        String mechanism,
        ExperimentSpec design,
        Measure measure) {

    /** Whether FeedLab's parameters were chosen to reproduce a finding. */
    public enum Role {
        VALIDATION,
        CALIBRATION
    }

    /** Whether the finding counts in the suite's last line. */
    public boolean counted() {
        return role == Role.VALIDATION && published.kind().hasInterval();
    }
}

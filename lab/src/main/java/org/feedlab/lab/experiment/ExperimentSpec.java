package org.feedlab.lab.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A validated experiment file.
 *
 * @param name experiment name
 * @param description plain-language description
 * @param base the base scenario tree (already read from its file)
 * @param baseFile the base scenario file as named in the experiment
 * @param seeds the seeds every arm runs with
 * @param baseline the arm others are compared with
 * @param arms the arms, in file order
 * @param metrics metrics the summary reports
 * @param lastTicks the summary averages each run over its last this many ticks
 * @param doseResponse how the arms form dose–response curves, or null when they do not
 * @param lossRecovery which arms are compared for a loss and its recovery after a tick, or null
 */
public record ExperimentSpec(
        String name,
        String description,
        ObjectNode base,
        String baseFile,
        List<Long> seeds,
        String baseline,
        List<Arm> arms,
        List<String> metrics,
        int lastTicks,
        DoseResponse doseResponse,
        LossRecovery lossRecovery) {}

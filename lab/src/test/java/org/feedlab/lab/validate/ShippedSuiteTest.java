package org.feedlab.lab.validate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.feedlab.lab.experiment.Grid;
import org.junit.jupiter.api.Test;

/**
 * The shipped suite stays runnable: every finding file of {@code validation/} loads, every arm of
 * every design is a valid scenario, and the suite covers the studies the documentation promises.
 */
class ShippedSuiteTest {
    private static final Path SUITE = Path.of("..", "validation");

    @Test
    void everyFindingLoadsAndEveryDesignIsAValidScenario() throws Exception {
        List<Finding> findings = FindingLoader.loadSuite(SUITE);
        for (Finding f : findings) {
            Grid.expand(f.design(), f.file());
        }
        List<String> studies = findings.stream().map(Finding::study).distinct().toList();
        for (String study :
                List.of(
                        "Milli et al. 2025",
                        "Guess et al. 2023a",
                        "Guess et al. 2023b",
                        "Nyhan et al. 2023",
                        "Piccardi et al. 2025",
                        "Huszár et al. 2022",
                        "Allcott et al. 2020",
                        "Bail et al. 2018")) {
            assertTrue(studies.contains(study), study + " missing from " + studies);
        }
        long counted = findings.stream().filter(Finding::counted).count();
        assertTrue(counted >= 7, "only " + counted + " findings with an interval are counted");
    }
}

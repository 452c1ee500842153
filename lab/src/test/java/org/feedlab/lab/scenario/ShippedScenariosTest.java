package org.feedlab.lab.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario file shipped in the repository's scenarios/ directory loads and validates, and its
 * resolved form (what a manifest records) reads back to the same scenario.
 */
class ShippedScenariosTest {

    /** Maven runs tests in the module directory, so the shipped files are one level up. */
    private static final Path SHIPPED = Path.of("..", "scenarios");

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioIsValid() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(SHIPPED)) {
            files = listing.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no scenario files under " + SHIPPED);
        assertTrue(files.contains(SHIPPED.resolve("classroom.yaml")), files.toString());
        return files.stream()
                .map(
                        file ->
                                DynamicTest.dynamicTest(
                                        file.getFileName().toString(),
                                        () -> {
                                            Scenario s =
                                                    assertDoesNotThrow(
                                                            () -> ScenarioLoader.load(file));
                                            assertEquals(
                                                    s,
                                                    ScenarioLoader.resolve(
                                                            s.resolvedTree(), "resolved"));
                                        }));
    }
}

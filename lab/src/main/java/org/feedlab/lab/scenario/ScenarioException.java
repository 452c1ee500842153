package org.feedlab.lab.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario that cannot be run, with every problem found, so a user fixes the whole file in one
 * pass instead of one error per attempt.
 */
public class ScenarioException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final List<Problem> problems;

    /**
     * @param source the file (or other origin) the scenario came from, as the user named it
     * @param problems at least one problem
     */
    public ScenarioException(String source, List<Problem> problems) {
        super(render(source, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a scenario exception needs at least one problem");
        }
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** Where the scenario came from. */
    public String source() {
        return source;
    }

    /** The problems, in a stable order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String render(String source, List<Problem> problems) {
        return problems.stream()
                .map(problem -> source + ": " + problem)
                .collect(Collectors.joining("\n"));
    }
}

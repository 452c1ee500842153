package org.feedlab.ranker.policy;

/**
 * A policy declaration the ranker cannot honour, in the scenario-error form (field path, what was
 * expected, what the file held) so the lab can report it like a schema violation.
 */
public final class PolicyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String expected;
    private final String got;

    /**
     * @param path field path, e.g. {@code $.ranker.policies[0].latency_budget_ms}
     * @param expected what a valid value looks like
     * @param got what the scenario held
     */
    public PolicyException(String path, String expected, String got) {
        super(path + ": expected " + expected + ", got " + got);
        this.path = path;
        this.expected = expected;
        this.got = got;
    }

    public String path() {
        return path;
    }

    public String expected() {
        return expected;
    }

    public String got() {
        return got;
    }
}

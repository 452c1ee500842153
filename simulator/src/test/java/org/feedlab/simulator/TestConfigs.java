package org.feedlab.simulator;

/** Society configs for tests, built through the typed groups of {@link SocietyConfig}. */
final class TestConfigs {
    private TestConfigs() {}

    /** The defaults with another number of users and creators. */
    static SocietyConfig sized(int users, int creators) {
        SocietyConfig d = SocietyConfig.DEFAULTS;
        return d.withPopulation(d.population().withUsers(users).withCreators(creators));
    }
}

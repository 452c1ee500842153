package org.feedlab.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.feedlab.simulator.metrics.Stats;
import org.junit.jupiter.api.Test;

/**
 * The drawn population against the distributions of docs/MODEL.md ("Population"), on a large sample
 * so the tolerances are a few standard errors.
 */
class PopulationDrawTest {
    private static final int N = 20_000;
    private static final SocietyConfig CONFIG = Fixtures.sized(N, 1000);
    private static final User[] USERS = PopulationDraw.users(CONFIG, 11);
    private static final Creator[] CREATORS = PopulationDraw.creators(CONFIG, 11);

    private static double[] of(java.util.function.ToDoubleFunction<User> f) {
        return Arrays.stream(USERS).mapToDouble(f).toArray();
    }

    @Test
    void campsAreBalancedAndIdeologyCentresOnEachCamp() {
        double right = Arrays.stream(USERS).filter(u -> u.camp == 1).count();
        assertEquals(0.5, right / N, 0.015);
        double centre =
                Arrays.stream(USERS)
                        .filter(u -> u.camp == 1)
                        .mapToDouble(u -> u.ideology)
                        .average()
                        .orElseThrow();
        assertEquals(0.35, centre, 0.01);
        for (User u : USERS) {
            assertEquals(u.anchor, u.ideology, 0.0);
            assertEquals(
                    Behaviour.acceptanceLatitude(u.anchor, CONFIG.opinion()), u.acceptance, 1e-12);
            assertEquals(
                    Behaviour.rejectionLatitude(u.anchor, CONFIG.opinion()), u.rejection, 1e-12);
        }
    }

    @Test
    void tastesHaveVarianceOneOverTheirDimensionsAndStylesOne() {
        int d = CONFIG.population().tasteDims();
        double[] taste = Arrays.stream(USERS).mapToDouble(u -> u.taste[0]).toArray();
        double[] style = Arrays.stream(USERS).mapToDouble(u -> u.style[1]).toArray();
        assertEquals(1.0 / d, Stats.variance(taste), 0.006);
        assertEquals(1.0, Stats.variance(style), 0.04);
        double[] creatorStyle = Arrays.stream(CREATORS).mapToDouble(c -> c.style()[0]).toArray();
        assertEquals(1.0, Stats.variance(creatorStyle), 0.15);
    }

    @Test
    void politicalInterestIsLogNormalAroundTheConfiguredMedian() {
        double[] interest = of(u -> u.topicInterest[Content.POLITICS]);
        assertEquals(CONFIG.population().politicalInterest(), Stats.median(interest), 0.01);
        // Every user has one favourite non-political topic at 1.
        for (User u : USERS) {
            assertEquals(
                    1.0,
                    Arrays.stream(u.topicInterest, 1, u.topicInterest.length).max().orElseThrow(),
                    0.0);
        }
    }

    /**
     * The out-party baseline is a normal draw N(μ, σ) clamped at 0: its mean is μΦ(z) + σφ(z) and
     * its second moment (μ² + σ²)Φ(z) + μσφ(z), z = μ/σ (the clamp at 100 is negligible); with the
     * defaults (22, 26) that is a mean of 24.9 and an SD of 21.7, inside the ANES range (2012:
     * 27.3, SD 21.7; about 20 today, Finkel et al. 2020).
     */
    @Test
    void thermometersStartAtTheirBaselinesWithAnesLikeMeansAndSpreads() {
        double[] out = of(u -> u.thermometer);
        double[] in = of(u -> u.thermometerIn);
        double mu = CONFIG.thermometer().outpartyCentre();
        double sigma = CONFIG.thermometer().outpartySpread();
        double z = mu / sigma;
        double phi = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        double cdf = 0.5 * (1 + erf(z / Math.sqrt(2)));
        double mean = mu * cdf + sigma * phi;
        double second = (mu * mu + sigma * sigma) * cdf + mu * sigma * phi;
        assertEquals(mean, Stats.mean(out), 0.4);
        assertEquals(Math.sqrt(second - mean * mean), Math.sqrt(Stats.variance(out)), 0.4);
        assertEquals(24.9, mean, 0.1);
        assertEquals(71.4, Stats.mean(in), 0.4);
        for (User u : USERS) {
            assertEquals(u.thermometerBaseline, u.thermometer, 0.0);
            assertEquals(u.thermometerInBaseline, u.thermometerIn, 0.0);
        }
    }

    /** Abramowitz and Stegun 7.1.26, enough for a test tolerance. */
    private static double erf(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x));
        double y =
                1
                        - t
                                * (0.254829592
                                        + t
                                                * (-0.284496736
                                                        + t
                                                                * (1.421413741
                                                                        + t
                                                                                * (-1.453152027
                                                                                        + t
                                                                                                * 1.061405429))))
                                * Math.exp(-x * x);
        return Math.signum(x) * y;
    }

    /**
     * Posting rates are log-normal with median r and log-sd σ: the top tenth holds the share 1 −
     * Φ(1.2816 − σ) of the total rate, 0.85 for σ = 2.3 (Pew Research Center 2019, 2020: 80–92 %).
     */
    @Test
    void postingRatesAreHeavyTailed() {
        double[] rates = of(u -> u.postRate);
        assertEquals(CONFIG.posting().userPostRate(), Stats.median(rates), 0.005);
        assertEquals(0.82, Stats.topShare(rates, 0.1), 0.03);
    }

    @Test
    void politicalAndUntrustworthySourcesAreTheirShares() {
        long political = Arrays.stream(CREATORS).filter(Creator::political).count();
        long untrustworthy = Arrays.stream(CREATORS).filter(Creator::untrustworthy).count();
        // Systematic assignment: creator c is political when ⌊(c+1) s⌋ > ⌊c s⌋, so the count
        // telescopes to ⌊C s⌋.
        assertEquals(
                Math.floor(CREATORS.length * CONFIG.population().politicalCreatorShare()),
                political);
        assertEquals(
                Math.floor(political * CONFIG.population().untrustworthyShare()), untrustworthy);
        for (Creator c : CREATORS) {
            assertEquals(c.political(), c.camp() != 0);
            assertEquals(c.political(), c.topic() == Content.POLITICS);
            assertTrue(!c.untrustworthy() || c.political());
        }
    }

    @Test
    void youngUsersAreTheirShareWithTheirSusceptibility() {
        long young = Arrays.stream(USERS).filter(u -> u.segment.equals(User.YOUNG)).count();
        assertEquals(CONFIG.youth().share(), (double) young / N, 0.01);
        for (User u : USERS) {
            assertEquals(
                    u.segment.equals(User.YOUNG) ? CONFIG.youth().susceptibility() : 1.0,
                    u.susceptibility,
                    0.0);
            assertTrue(u.activity >= 0.02 && u.activity <= 1.0);
            assertTrue(u.sessionsPerDay >= 1.0);
        }
        assertEquals(
                CONFIG.reading().sessionsPerDay(), Stats.median(of(u -> u.sessionsPerDay)), 0.1);
        assertEquals(CONFIG.reading().sessionBudget(), Stats.median(of(u -> u.sessionBudget)), 4.0);
    }

    @Test
    void statedWeightsSumToOne() {
        for (User u : USERS) {
            assertEquals(1.0, u.statedQuality + u.statedCalm + u.statedVariety, 1e-12);
        }
        assertEquals(
                CONFIG.statedPreferences().quality(), Stats.mean(of(u -> u.statedQuality)), 0.03);
    }
}

package org.feedlab.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.feedlab.events.Action;
import org.junit.jupiter.api.Test;

/** Checks each ground-truth behaviour mechanism against values worked out by hand. */
class BehaviourTest {
    private static final SocietyConfig CFG = SocietyConfig.DEFAULTS;
    private static final double EPS = 1e-12;

    /** A user with flat topic interest, so interest depends only on ideological distance. */
    private static User user(double ideology, double thermometer) {
        double[] interest = new double[CFG.population().topics()];
        Arrays.fill(interest, 0.5);
        return new User(0, ideology, interest, 0.5, 1.0, 2.5, thermometer);
    }

    private static Content content(
            double stance, double outrage, double animosity, double quality) {
        return new Content(1, 0, 0, 0, stance, outrage, animosity, quality);
    }

    private static double comment(User u, Content c) {
        double[] p = new double[Action.values().length];
        Behaviour.engagementProbabilities(u, c, CFG, p);
        return p[Action.COMMENT.ordinal()];
    }

    private static double logit(double p) {
        return Math.log(p / (1.0 - p));
    }

    @Test
    void outrageRaisesCommentsMoreForOutgroupThanIngroupContent() {
        // Ideology 0 sits on the +1 side; stances ±0.2 are equally far, so interest is equal and
        // only the out-group terms differ. Gains are compared in log-odds, where the model is
        // additive, so the comparison does not depend on the baseline rate.
        User u = user(0.0, 50);
        double ingroupGain =
                logit(comment(u, content(0.2, 0.9, 0.5, 0.5)))
                        - logit(comment(u, content(0.2, 0.1, 0.1, 0.5)));
        double outgroupGain =
                logit(comment(u, content(-0.2, 0.9, 0.5, 0.5)))
                        - logit(comment(u, content(-0.2, 0.1, 0.1, 0.5)));
        assertTrue(ingroupGain > 0, "outrage raises comments at all: " + ingroupGain);
        assertTrue(
                outgroupGain > 1.2 * ingroupGain,
                "out-group gain " + outgroupGain + " vs in-group gain " + ingroupGain);
        assertTrue(
                comment(u, content(-0.2, 0.9, 0.5, 0.5)) > comment(u, content(0.2, 0.9, 0.5, 0.5)),
                "at equal distance, out-group outrage draws more comments");
    }

    @Test
    void outrageDriveIsBoostedForOutgroupTargets() {
        User u = user(0.0, 50);
        assertEquals(
                0.8 * CFG.affect().outgroupBoost(),
                Behaviour.outrageDrive(u, content(-0.2, 0.8, 0.5, 0.5), CFG),
                EPS);
        assertEquals(0.8, Behaviour.outrageDrive(u, content(0.2, 0.8, 0.5, 0.5), CFG), EPS);
    }

    @Test
    void assimilationWithinTheLatitudeMovesOpinionTowardTheContent() {
        User u = user(0.2, 50);
        double after = Behaviour.opinionAfter(u, content(0.5, 0.1, 0.1, 0.5), CFG);
        assertEquals(0.2 + CFG.opinion().assimilation() * 0.3, after, EPS);
        assertTrue(after > 0.2 && after < 0.5);
        // Toward the left as well, across the divide, while still within the latitude.
        double left = Behaviour.opinionAfter(u, content(-0.2, 0.9, 0.9, 0.5), CFG);
        assertEquals(0.2 - CFG.opinion().assimilation() * 0.4, left, EPS);
    }

    @Test
    void hostileOutgroupContentBeyondTheLatitudeRepels() {
        User u = user(0.3, 50);
        double after = Behaviour.opinionAfter(u, content(-0.5, 0.9, 0.8, 0.5), CFG);
        assertEquals(0.3 + CFG.opinion().repulsion() * 0.8, after, EPS);
        assertTrue(after > 0.3, "moved away from the content");
    }

    @Test
    void calmOrIngroupContentBeyondTheLatitudeLeavesOpinionAlone() {
        User u = user(0.3, 50);
        assertEquals(0.3, Behaviour.opinionAfter(u, content(-0.5, 0.2, 0.3, 0.5), CFG), EPS);
        User v = user(0.1, 50);
        assertEquals(0.1, Behaviour.opinionAfter(v, content(0.9, 0.9, 0.9, 0.5), CFG), EPS);
    }

    @Test
    void opinionStaysInsideTheRange() {
        User u = user(-0.999, 50);
        SocietyConfig strong = CFG.withOpinion(CFG.opinion().withRepulsion(1.0));
        assertEquals(-1.0, Behaviour.opinionAfter(u, content(0.5, 1.0, 1.0, 0.5), strong), EPS);
    }

    @Test
    void thermometerDropsAfterHostileOutgroupContent() {
        User u = user(0.3, 50);
        double after = Behaviour.thermometerAfter(u, content(-0.4, 0.8, 0.7, 0.9), CFG);
        assertEquals(50 - CFG.affect().thermometerDrop() * 0.7, after, EPS);
        assertTrue(after < 50);
    }

    @Test
    void thermometerRisesAfterCalmCrossCuttingContentOfQuality() {
        User u = user(0.3, 50);
        double after = Behaviour.thermometerAfter(u, content(-0.4, 0.1, 0.05, 0.9), CFG);
        assertEquals(50 + CFG.affect().thermometerGain() * 0.9, after, EPS);
        assertTrue(after > 50);
        // Better content warms more.
        assertTrue(after > Behaviour.thermometerAfter(u, content(-0.4, 0.1, 0.05, 0.2), CFG));
    }

    @Test
    void ingroupContentLeavesTheThermometerAlone() {
        User u = user(0.3, 50);
        assertEquals(50, Behaviour.thermometerAfter(u, content(0.4, 0.9, 0.9, 0.9), CFG), EPS);
        assertEquals(50, Behaviour.thermometerAfter(u, content(0.4, 0.0, 0.0, 0.9), CFG), EPS);
    }

    @Test
    void thermometerIsClampedToTheScale() {
        assertEquals(
                0.0, Behaviour.thermometerAfter(user(0.3, 0.1), content(-0.4, 0.9, 0.9, 0.5), CFG));
        assertEquals(
                100.0,
                Behaviour.thermometerAfter(user(0.3, 99.99), content(-0.4, 0.0, 0.0, 1.0), CFG));
    }

    @Test
    void continueProbabilityFallsWithPositionAndLowInterest() {
        double top = Behaviour.continueProbability(0.8, 0, false);
        double deep = Behaviour.continueProbability(0.8, 15, false);
        double bored = Behaviour.continueProbability(0.2, 0, false);
        assertTrue(top > 0.5 && top <= 1.0, "top " + top);
        assertTrue(deep < top, "deep " + deep + " vs top " + top);
        assertTrue(Behaviour.continueProbability(0.8, 30, false) < deep);
        assertTrue(bored < top, "bored " + bored + " vs top " + top);
        assertTrue(Behaviour.continueProbability(0.8, 0, true) > top, "engagement keeps users");
        assertEquals(0.0, Behaviour.continueProbability(0.0, 500, false));
    }

    @Test
    void outgroupOutrageAngersMoreThanIngroupOutrage() {
        User u = user(0.3, 50);
        double out = Behaviour.angerIncrement(u, content(-0.4, 0.8, 0.7, 0.5), CFG);
        double in = Behaviour.angerIncrement(u, content(0.4, 0.8, 0.7, 0.5), CFG);
        assertEquals(CFG.affect().angerPerOutrage() * 0.8, out, EPS);
        assertEquals(CFG.affect().angerPerOutrage() * 0.8 * 0.3, in, EPS);
    }

    @Test
    void hostileOutgroupContentIsHiddenMoreOften() {
        User u = user(0.3, 50);
        double[] p = new double[Action.values().length];
        Behaviour.engagementProbabilities(u, content(-0.6, 0.9, 0.8, 0.5), CFG, p);
        double hostile = p[Action.HIDE.ordinal()];
        Behaviour.engagementProbabilities(u, content(0.3, 0.1, 0.1, 0.5), CFG, p);
        double calm = p[Action.HIDE.ordinal()];
        assertTrue(hostile > 2 * calm, "hide " + hostile + " vs " + calm);
    }
}

package org.feedlab.simulator;

import static org.feedlab.simulator.Fixtures.sigmoid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.feedlab.events.Action;
import org.junit.jupiter.api.Test;

/**
 * The item response of {@link Behaviour}, each equation against a case worked out by hand with
 * parameters stated here (not the defaults, so tuning the defaults never hides a wrong formula).
 */
class ItemResponseTest {
    private static final double EPS = 1e-12;

    private static final SocietyConfig.Interest INTEREST =
            new SocietyConfig.Interest(1.0, 1.5, 1.0, 0.5);

    private static final SocietyConfig.Opinion OPINION =
            SocietyConfig.Opinion.DEFAULTS
                    .withAcceptance(0.4)
                    .withRejection(0.8)
                    .withLatitudeShrink(0.5)
                    .withLatitudeGap(0.05);

    /** Actions and partisanship with round numbers, satiation 0.1. */
    private static final SocietyConfig CONFIG =
            SocietyConfig.DEFAULTS
                    .withInterest(INTEREST)
                    .withOpinion(OPINION)
                    .withReading(SocietyConfig.Reading.DEFAULTS.withSatiation(0.1))
                    .withActions(new SocietyConfig.Actions(-6, -5, -8, -7, -7, -8, 0.1))
                    .withPartisanship(
                            SocietyConfig.Partisanship.DEFAULTS
                                    .withOutgroupReferences(2.0)
                                    .withAcceptBonus(0.5)
                                    .withRejectPenalty(1.5)
                                    .withCopartisanClick(0.2)
                                    .withCopartisanLike(0.4)
                                    .withCopartisanReshare(0.5)
                                    .withCopartisanComment(0.45)
                                    .withCounterComment(1.2)
                                    .withAngryReject(1.0)
                                    .withAngryOutparty(2.5)
                                    .withAngryCopartisan(1.0)
                                    .withHideReject(0.5)
                                    .withHideHostile(1.0));

    @Test
    void interestIsTasteTimesStylePlusTopicQualityAndNetwork() {
        User u = Fixtures.user(0, 1, 0.3);
        u.taste[0] = 0.6;
        u.taste[1] = 0.2;
        u.topicInterest[3] = 0.4;
        double[] style = new double[u.taste.length];
        style[0] = 1.0;
        style[1] = -0.5;
        Content c = Fixtures.styled(Fixtures.nonPolitical(1, 0, 3, 0.7), style);
        // 1.0 (0.6 − 0.1) + 1.5 × 0.4 + 1.0 × 0.7 + 0.5 = 2.3
        double taste = Behaviour.taste(u, c, INTEREST);
        assertEquals(2.3, Behaviour.interest(taste, c, true, INTEREST), EPS);
        assertEquals(1.8, Behaviour.interest(taste, c, false, INTEREST), EPS);
    }

    @Test
    void latitudesShrinkWithExtremityAndKeepAGap() {
        // a = 0.4 (1 − 0.5 × 0.6) = 0.28; r = max(0.33, 0.8 × 0.7 = 0.56)
        assertEquals(0.28, Behaviour.acceptanceLatitude(0.6, OPINION), EPS);
        assertEquals(0.56, Behaviour.rejectionLatitude(0.6, OPINION), EPS);
        assertEquals(0.2, Behaviour.acceptanceLatitude(-1.0, OPINION), EPS);
        assertEquals(0.4, Behaviour.rejectionLatitude(-1.0, OPINION), EPS);
        // With r0 close to a0 the gap binds: r = a + g = 0.45 at the centre.
        assertEquals(0.45, Behaviour.rejectionLatitude(0.0, OPINION.withRejection(0.42)), EPS);
    }

    @Test
    void theZoneComesFromTheDistanceToTheLatitudes() {
        User u = Fixtures.user(0, 1, 0.25);
        u.acceptance = 0.25;
        u.rejection = 0.5;
        // Distances 0.25 (the edge of acceptance), 0.375, and 0.5 (the edge of rejection).
        assertEquals(Zone.ACCEPT, Behaviour.zone(u, Fixtures.political(1, 0, 1, 0.5, 0, 0.5)));
        assertEquals(Zone.ACCEPT, Behaviour.zone(u, Fixtures.political(1, 0, 1, 0.0, 0, 0.5)));
        assertEquals(
                Zone.NONCOMMITMENT, Behaviour.zone(u, Fixtures.political(1, 0, 1, 0.625, 0, 0.5)));
        assertEquals(Zone.REJECT, Behaviour.zone(u, Fixtures.political(1, 0, -1, -0.25, 0, 0.5)));
        assertEquals(Zone.NONE, Behaviour.zone(u, Fixtures.nonPolitical(1, 0, 2, 0.5)));
    }

    @Test
    void partyIsTheCampNotTodaysOpinion() {
        // A left-camp user whose opinion drifted right of centre still reads left posts as their
        // own side's.
        User u = Fixtures.user(0, -1, 0.2);
        Content left = Fixtures.political(1, 0, -1, -0.4, 0.8, 0.5);
        Content right = Fixtures.political(2, 0, 1, 0.4, 0.8, 0.5);
        assertEquals(true, Behaviour.copartisan(u, left));
        assertEquals(true, Behaviour.outparty(u, right));
        assertEquals(false, Behaviour.outparty(u, Fixtures.nonPolitical(3, 0, 2, 0.5)));
    }

    @Test
    void hostilityDriveIsSatiatedByTheHostileItemsAlreadySeen() {
        User u = Fixtures.user(0, 1, 0.3);
        u.hostilityAppetite = 1.5;
        u.susceptibility = 1.2;
        Content c = Fixtures.political(1, 0, 1, 0.4, 0.8, 0.5);
        // 0.8 × 1.5 × 1.2 × e^(−0.1 × 3)
        double d = 0.8 * 1.5 * 1.2 * Math.exp(-0.3);
        assertEquals(d, Behaviour.hostilityDrive(u, c, 3, CONFIG), EPS);
        assertEquals(2.0 * d, Behaviour.copartisanDrive(u, c, 3, CONFIG), EPS);
        Content theirs = Fixtures.political(2, 0, -1, -0.4, 0.8, 0.5);
        assertEquals(0.0, Behaviour.copartisanDrive(u, theirs, 3, CONFIG), EPS);
        assertEquals(
                0.0,
                Behaviour.copartisanDrive(u, Fixtures.nonPolitical(3, 0, 2, 0.5), 0, CONFIG),
                EPS);
    }

    @Test
    void aCopartisanInTheLatitudeOfAcceptance() {
        User u = Fixtures.user(0, 1, 0.3);
        Content c = Fixtures.political(1, 0, 1, 0.4, 0.6, 0.5);
        double[] p = new double[Action.values().length];
        Behaviour.engagementProbabilities(u, c, 1.0, Zone.ACCEPT, 1.5, CONFIG, p);
        assertArrayEquals(
                new double[] {
                    sigmoid(-6 + 1 + 0.1 * 0.6 + 0.2 * 1.5),
                    sigmoid(-5 + 1 + 0.5 + 0.4 * 1.5),
                    sigmoid(-8 + 1 + 0.5 + 0.5 * 1.5),
                    sigmoid(-7 + 1 + 0.45 * 1.5),
                    sigmoid(-7 - 1),
                    sigmoid(-8 + 0.6 * 1.0)
                },
                p,
                EPS);
    }

    @Test
    void anOutPartyReaderInTheLatitudeOfRejection() {
        User u = Fixtures.user(0, -1, -0.4);
        Content c = Fixtures.political(1, 0, 1, 0.5, 0.6, 0.5);
        double[] p = new double[Action.values().length];
        Behaviour.engagementProbabilities(u, c, 0.5, Zone.REJECT, 0.0, CONFIG, p);
        assertArrayEquals(
                new double[] {
                    sigmoid(-6 + 0.5 + 0.1 * 0.6),
                    sigmoid(-5 + 0.5 - 1.5),
                    sigmoid(-8 + 0.5 - 1.5),
                    sigmoid(-7 + 0.5 + 1.2 * 0.6),
                    sigmoid(-7 + 0.5 + 1.0 * 0.6 - 0.5),
                    sigmoid(-8 + 1.0 + 2.5 * 0.6)
                },
                p,
                EPS);
    }

    @Test
    void aNonPoliticalItem() {
        User u = Fixtures.user(0, 1, 0.3);
        double[] p = new double[Action.values().length];
        Behaviour.engagementProbabilities(
                u, Fixtures.nonPolitical(1, 0, 2, 0.5), 2.0, Zone.NONE, 0.0, CONFIG, p);
        assertArrayEquals(
                new double[] {
                    sigmoid(-4), sigmoid(-3), sigmoid(-6), sigmoid(-5), sigmoid(-9), sigmoid(-8)
                },
                p,
                EPS);
    }

    /**
     * Rathje et al. 2021: each out-group reference multiplies a post's shares by 1.67 (95 % CI
     * 1.40–2.00). With the defaults, a co-partisan reader of mean appetite, before satiation,
     * reshares a post of hostility 1 (R references) at 1.67^R the odds of the same post at
     * hostility 0.
     */
    @Test
    void theDefaultReshareBoostIsRathjesPerReferenceEffect() {
        SocietyConfig d = SocietyConfig.DEFAULTS;
        assertEquals(1.67, Math.exp(d.partisanship().copartisanReshare()), 0.001);
        User u = Fixtures.user(0, 1, 0.3);
        double[] hot = new double[Action.values().length];
        double[] calm = new double[Action.values().length];
        Content hostile = Fixtures.political(1, 0, 1, 0.4, 1.0, 0.5);
        Content flat = Fixtures.political(2, 0, 1, 0.4, 0.0, 0.5);
        Behaviour.engagementProbabilities(
                u, hostile, 1.0, Zone.ACCEPT, Behaviour.copartisanDrive(u, hostile, 0, d), d, hot);
        Behaviour.engagementProbabilities(
                u, flat, 1.0, Zone.ACCEPT, Behaviour.copartisanDrive(u, flat, 0, d), d, calm);
        int r = Action.RESHARE.ordinal();
        double oddsRatio = hot[r] / (1 - hot[r]) / (calm[r] / (1 - calm[r]));
        assertEquals(
                Math.pow(1.67, d.partisanship().outgroupReferences()), oddsRatio, 0.01 * oddsRatio);
    }
}

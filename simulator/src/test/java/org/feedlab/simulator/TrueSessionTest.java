package org.feedlab.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.feedlab.events.Head;
import org.junit.jupiter.api.Test;

class TrueSessionTest {
    private static final SocietyConfig CFG = SocietyConfig.DEFAULTS;

    /**
     * A reader of camp +1 at x = 0.35 (acceptance 0.33, rejection 0.66; every topic interest 0.5,
     * no taste, appetite 1, anger threshold 3), already at anger 2.9, with a short median budget of
     * 20 s. Above the slot: a hostile out-party post (stance −0.6, h 0.9, q 0.3; distance 0.95, so
     * rejected) and a post on topic 2 (q 0.6). The candidate: an out-party post of stance −0.6, h
     * 0.8, q 0.4, by an unfollowed author. By hand (docs/MODEL.md, "Item response" and "Stopping"):
     *
     * <pre>
     * u = 1.5·0.5 + 0.4 = 1.15; one hostile item seen: D = 0.8 e^(−0.1) = 0.72387; REJECT, out-party
     * click   σ(−7.3 + 1.15 + 0.07·0.8)              = 0.0022512857
     * like    σ(−5.9 + 1.15 − 1.5)                   = 0.0019267347
     * reshare σ(−9.1 + 1.15 − 1.5)                   = 0.0000786834
     * comment σ(−8.8 + 1.15 + 1.5·0.8)               = 0.0015780281
     * hide    σ(−6.9 + 0.5 + 1.0·0.8 − 1.15)         = 0.0011695103
     * angry   σ(−7.6 + 1.6 + 0.8·3.5)                = 0.0391657228
     * pull P = σ(1.15) + 0.3·0.72387 = 0.97667; glance 6.5 (½ + P) = 9.59837 s, after a click + 30 (0.3 + 0.7·0.4)
     * dwell ≥ 10 s: Σ over the click of P(base e^(0.3ε − 0.045) ≥ 10)  = 0.3885717210
     * survey: W = 0.4·0.4 + 0.35·(1 − 0.8) + 0 (politics already seen) = 0.23, σ(10 (W − ½)) = 0.0629733561
     * continuation = (1 − exit)·P(budget > E charged)·scroll:
     *   anger 2.9 + 0.405 (above) + 0.36 (this) = 3.665, exit 0.01 (3.665/3 − 1) = 0.0022167
     *   expected seconds charged 27.2557 (absorption ½ of engaged items), P(20 e^(0.5ε) > 27.2557) = 0.2679384
     *   scroll clamp(0.985 + 0.1 (P − ½) − 0.01 b) = 1                                  → 0.2673445161
     * return: 0.8 (1 + 0.5·0 + 3·0)                  = 0.8
     * </pre>
     */
    @Test
    void theProbabilitiesOfTheNextItemFollowTheSocietysEquationsAtTheSessionStateAbove() {
        User u = Fixtures.user(0, 1, 0.35);
        u.anger = 2.9;
        u.sessionBudget = 20.0;
        TrueSession session = new TrueSession(u, CFG);
        session.read(Fixtures.political(1, 70, -1, -0.6, 0.9, 0.3), false);
        session.read(Fixtures.nonPolitical(2, 71, 2, 0.6), false);
        double[] p =
                session.probabilities(Fixtures.political(3, 72, -1, -0.6, 0.8, 0.4), false, 10.0);
        assertArrayEquals(
                new double[] {
                    0.0022512856552769664,
                    0.0019267346633274757,
                    7.868337371132325e-05,
                    0.001578028060403861,
                    0.0011695102650555148,
                    0.03916572279676437,
                    0.38857172104934956,
                    0.06297335605699649,
                    0.2673445161193531,
                    0.8
                },
                p,
                1e-12);
        assertEquals(Head.values().length, p.length);
    }

    @Test
    void aLongDwellIsTheUpperTailOfTheLogNormalAroundTheBase() {
        // base 10 s: P(e^(0.3ε − 0.045) ≥ 1) = 1 − Φ(0.15) = 0.44038231
        assertEquals(0.4403823076, TrueSession.dwellAtLeast(10.0, 10.0), 1e-9);
        // base 20 s: 1 − Φ((ln ½ + 0.045)/0.3) = 1 − Φ(−2.16049) = 0.9846326
        assertEquals(0.9846326448, TrueSession.dwellAtLeast(20.0, 10.0), 1e-9);
    }

    @Test
    void readingDrawsNothingAndLeavesTheUserAsTheyAre() {
        User u = Fixtures.user(0, 1, 0.35);
        u.anger = 2.9;
        TrueSession session = new TrueSession(u, CFG);
        Content hostile = Fixtures.political(1, 70, -1, -0.6, 0.9, 0.3);
        double[] first = session.probabilities(hostile, false, 10.0);
        double[] again = new TrueSession(u, CFG).probabilities(hostile, false, 10.0);
        assertArrayEquals(first, again, 0.0);
        session.read(hostile, false);
        // The rolled-forward session is the oracle's, not the user's.
        assertEquals(2.9, u.anger, 0.0);
        assertEquals(0.35, u.ideology, 0.0);
    }
}

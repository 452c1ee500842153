package org.feedlab.simulator;

import org.apache.commons.math3.special.Erf;
import org.feedlab.events.Action;
import org.feedlab.events.Head;

/**
 * One user's session as the society would live it, for the lab's oracle ({@code ranker.oracle}),
 * rolled forward item by item without a single draw: the hostile items seen (satiation), anger,
 * boredom, the seconds charged to the time budget (in expectation) and the topics seen. At each
 * point it gives the true probability of every head for a next item, from the society's own
 * equations ({@link Behaviour}, {@link Scrolling}, {@link Attitudes}, {@link Habits}) in the order
 * {@code Society.readDay} applies them. docs/MODEL.md, "The oracle", lists what is exact and what
 * is an expectation.
 */
public final class TrueSession {
    private static final int CLICK = Action.CLICK.ordinal();
    private static final int DWELL = Head.DWELL.ordinal();
    private static final int SURVEY = Head.SURVEY.ordinal();
    private static final int CONTINUATION = Head.CONTINUATION.ordinal();
    private static final int RETURN = Head.RETURN.ordinal();
    private static final double SQRT2 = Math.sqrt(2.0);

    private final User user;
    private final SocietyConfig config;
    private final boolean[] topicsSeen;
    private int hostileSeen;
    private double anger;
    private double boredom;
    private double charged;

    /** The state at the start of the user's first session of the day, as it is now. */
    public TrueSession(User user, SocietyConfig config) {
        this.user = user;
        this.config = config;
        this.topicsSeen = new boolean[config.population().topics()];
        this.anger = user.anger;
    }

    /** What one item does to the session, and the probabilities that come with it. */
    private final class Step {
        final double[] actions = new double[Action.values().length];
        final double taste;
        final Zone zone;
        final double pull;
        final double clickedBase;
        final double glanceBase;
        final double expectedCharge;

        Step(Content c, boolean inNetwork) {
            taste = Behaviour.taste(user, c, config.interest());
            double interest = Behaviour.interest(taste, c, inNetwork, config.interest());
            zone = Behaviour.zone(user, c);
            double drive = Behaviour.hostilityDrive(user, c, hostileSeen, config);
            double copartisan = Behaviour.copartisanDrive(user, c, hostileSeen, config);
            Behaviour.engagementProbabilities(user, c, interest, zone, copartisan, config, actions);
            pull = Scrolling.pull(interest, drive, config);
            clickedBase = Scrolling.dwellBase(pull, true, c.quality(), config);
            glanceBase = Scrolling.dwellBase(pull, false, c.quality(), config);
            // Actions are drawn independently; a click is itself engaging (Impression.engaged).
            double pc = actions[CLICK];
            double noOther = 1.0;
            for (Action a : Action.values()) {
                if (a != Action.CLICK && a != Action.HIDE) {
                    noOther *= 1.0 - actions[a.ordinal()];
                }
            }
            // The charge is linear in the dwell, whose noise has mean 1: E[charge] over the
            // click and the other engaging actions.
            expectedCharge =
                    pc * Scrolling.budgetCharge(clickedBase, true, config)
                            + (1.0 - pc)
                                    * ((1.0 - noOther)
                                                    * Scrolling.budgetCharge(
                                                            glanceBase, true, config)
                                            + noOther
                                                    * Scrolling.budgetCharge(
                                                            glanceBase, false, config));
        }
    }

    /**
     * The true probability of every head ({@link Head} order) for this item read next: the six
     * actions; a dwell of at least {@code dwellSeconds}; a yes when asked the survey; going on to
     * another item in the same session; opening the app tomorrow (today's opening probability).
     *
     * @param c the item
     * @param inNetwork whether the user follows its author
     * @param dwellSeconds the seconds on screen that count as a long dwell
     */
    public double[] probabilities(Content c, boolean inNetwork, double dwellSeconds) {
        Step s = new Step(c, inNetwork);
        double[] out = new double[Head.values().length];
        System.arraycopy(s.actions, 0, out, 0, s.actions.length);
        double pc = s.actions[CLICK];
        out[DWELL] =
                pc * dwellAtLeast(s.clickedBase, dwellSeconds)
                        + (1.0 - pc) * dwellAtLeast(s.glanceBase, dwellSeconds);
        out[SURVEY] =
                Habits.surveyYesProbability(
                        Habits.worth(
                                user,
                                c,
                                !topicsSeen[c.topic()],
                                s.taste,
                                config.statedPreferences()));
        out[CONTINUATION] = continuation(c, s);
        out[RETURN] = Habits.returnProbability(user, config);
        return out;
    }

    /**
     * Society.stopAfter after this item: no anger exit (at the anger the item leaves), the budget
     * not yet spent, then the scroll goes on (with the boredom the item leaves).
     */
    private double continuation(Content c, Step s) {
        double angerAfter = anger + Attitudes.angerIncrement(user, c, s.zone, config);
        double exit = Attitudes.exitProbability(angerAfter, user.angerThreshold, config);
        double withinBudget = budgetAbove(charged + s.expectedCharge);
        double scroll =
                Scrolling.continueProbability(
                        s.pull, Scrolling.boredomAfter(boredom, s.pull), config);
        return (1.0 - exit) * withinBudget * scroll;
    }

    /** The session after reading this item (and going on). */
    public void read(Content c, boolean inNetwork) {
        Step s = new Step(c, inNetwork);
        anger += Attitudes.angerIncrement(user, c, s.zone, config);
        boredom = Scrolling.boredomAfter(boredom, s.pull);
        charged += s.expectedCharge;
        hostileSeen += c.hostile() ? 1 : 0;
        topicsSeen[c.topic()] = true;
    }

    /**
     * P(base · e^(σ ε − σ²/2) ≥ seconds) for ε ~ N(0, 1): the chance that {@link Scrolling#dwell}
     * reaches {@code seconds}.
     */
    static double dwellAtLeast(double base, double seconds) {
        double z = (Math.log(seconds / base) + Scrolling.DWELL_SHIFT) / Scrolling.DWELL_SPREAD;
        return upperTail(z);
    }

    /**
     * P(B e^(0.5 ε) > charged) for the user's median budget B ({@link Scrolling#sessionBudget}):
     * the session's budget is not spent yet. With charged evaluated at its expectation.
     */
    double budgetAbove(double expectedCharged) {
        if (expectedCharged <= 0.0) {
            return 1.0;
        }
        double z = Math.log(expectedCharged / user.sessionBudget) / Scrolling.SESSION_BUDGET_SPREAD;
        return upperTail(z);
    }

    /** 1 − Φ(z). */
    static double upperTail(double z) {
        return 0.5 * Erf.erfc(z / SQRT2);
    }
}

package org.feedlab.simulator;

import java.util.SplittableRandom;

/**
 * How a day's feed is read: how many sessions, how long each lasts, what keeps the reader scrolling
 * and how long an item stays on screen. Each method is one equation of docs/MODEL.md ("Sessions and
 * scrolling").
 */
public final class Scrolling {
    /** Share of boredom kept from one item to the next. */
    public static final double BOREDOM_MEMORY = 0.7;

    /** Log-scale spread of a session's time budget around the user's median. */
    public static final double SESSION_BUDGET_SPREAD = 0.5;

    /** Log-scale spread of an item's seconds on screen around their {@link #dwellBase}. */
    public static final double DWELL_SPREAD = 0.3;

    /** Shift of the log-scale dwell noise, σ²/2 = 0.045, so its mean is 1. */
    public static final double DWELL_SHIFT = 0.045;

    private Scrolling() {}

    /**
     * Sessions on an active day: S = 1 + Poisson(m_i − 1), with m_i the user's mean sessions per
     * active day (several a day for most users: Pew Research Center 2016; IDC 2013).
     */
    public static int sessionsToday(double meanSessions, SplittableRandom r) {
        return 1 + Draws.poisson(r, Math.max(0.0, meanSessions - 1.0));
    }

    /**
     * A session's time budget in seconds: the user's median B_i times exp(0.5 ε) (log-normal around
     * the user's median).
     */
    public static double sessionBudget(double userMedian, double gaussian) {
        return userMedian * Math.exp(SESSION_BUDGET_SPREAD * gaussian);
    }

    /**
     * Pull of an item on further scrolling, in [0, 1]: P = min(1, σ(u) + π min(1, D)), interest
     * plus the arousal of hostility, which captures attention whether or not the reader agrees
     * (Brady, Gantman and Van Bavel 2020; Robertson et al. 2023). D is the satiated {@link
     * Behaviour#hostilityDrive}.
     */
    public static double pull(double interest, double hostilityDrive, SocietyConfig cfg) {
        return Math.min(
                1.0,
                Behaviour.sigmoid(interest)
                        + cfg.reading().arousalPull() * Math.min(1.0, hostilityDrive));
    }

    /** Boredom after an item: b ← 0.7 b + (1 − P); it starts at 0 in every session. */
    public static double boredomAfter(double boredom, double pull) {
        return BOREDOM_MEMORY * boredom + (1.0 - pull);
    }

    /**
     * Probability of scrolling on after an item: c = clamp(c0 + κ (P − ½) − ω b, 0, 1): a geometric
     * scroll (RecSim, Ie et al. 2019; Craswell et al. 2008 for the cascade of attention) moved by
     * the item's pull and the session's boredom.
     */
    public static double continueProbability(double pull, double boredom, SocietyConfig cfg) {
        SocietyConfig.Reading r = cfg.reading();
        double c = r.continueBase() + r.interestPull() * (pull - 0.5) - r.boredom() * boredom;
        return Math.max(0.0, Math.min(1.0, c));
    }

    /**
     * Seconds the item stays on screen: (g (½ + P) + 1[click] R (0.3 + 0.7 q)) exp(0.3 ε − 0.045):
     * a glance that grows with the pull, plus reading after a click that grows with quality;
     * log-normal spread with mean 1.
     */
    public static double dwell(
            double pull, boolean clicked, double quality, SocietyConfig cfg, double gaussian) {
        return dwellBase(pull, clicked, quality, cfg)
                * Math.exp(DWELL_SPREAD * gaussian - DWELL_SHIFT);
    }

    /**
     * The mean seconds on screen of {@link #dwell}: g (½ + P) + 1[click] R (0.3 + 0.7 q), the
     * glance plus the reading after a click.
     */
    public static double dwellBase(
            double pull, boolean clicked, double quality, SocietyConfig cfg) {
        SocietyConfig.Reading r = cfg.reading();
        double glance = r.glanceSeconds() * (0.5 + pull);
        double reading = clicked ? r.readSeconds() * (0.3 + 0.7 * quality) : 0.0;
        return glance + reading;
    }

    /**
     * Seconds an item costs the session's time budget: the user notices only (1 − absorption) of
     * the time spent on an item they engaged with, so engaging feeds overrun the time users plan to
     * spend (Allcott, Gentzkow and Song 2022 attribute about a third of social-media use to habit
     * and self-control problems).
     */
    public static double budgetCharge(double dwell, boolean engaged, SocietyConfig cfg) {
        return engaged ? (1.0 - cfg.reading().absorption()) * dwell : dwell;
    }
}

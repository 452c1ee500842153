package org.feedlab.simulator;

/**
 * What reading does to a user beyond the session: anger and the rare anger exit, the feeling
 * thermometers and their daily decay, issue opinions and their reversion. Each method is one
 * equation of docs/MODEL.md ("Attitudes").
 */
public final class Attitudes {
    private Attitudes() {}

    /**
     * Anger added by an item: α_A χ h (1 for an out-party reader, ρ_in for a co-partisan) (ζ_G in
     * the latitude of rejection); 0 for a non-political item. Hostile partisan content raises
     * readers' anger at once (Piccardi et al. 2025), most on the attacked side.
     */
    public static double angerIncrement(User u, Content c, Zone zone, SocietyConfig cfg) {
        if (!c.political()) {
            return 0.0;
        }
        SocietyConfig.Affect a = cfg.affect();
        double side = Behaviour.outparty(u, c) ? 1.0 : a.angerCopartisan();
        double rejected = zone == Zone.REJECT ? a.angerReject() : 1.0;
        return a.angerPerHostility() * u.susceptibility * c.hostility() * side * rejected;
    }

    /**
     * Probability that anger ends the session after an item: min(1, h_A max(0, G/τ_i − 1)), a small
     * hazard above the user's threshold. Anger exits are rare: hiding toxic content lowers use
     * (Beknazar-Yuzbashev et al. 2022), and more hostile feeds do not lower engagement (Piccardi et
     * al. 2025).
     */
    public static double exitProbability(User u, SocietyConfig cfg) {
        return exitProbability(u.anger, u.angerThreshold, cfg);
    }

    /** The exit probability of {@link #exitProbability(User, SocietyConfig)} at this anger. */
    public static double exitProbability(double anger, double threshold, SocietyConfig cfg) {
        double excess = Math.max(0.0, anger / threshold - 1.0);
        return Math.min(1.0, cfg.affect().angerExitHazard() * excess);
    }

    /**
     * Change of the out-party thermometer from one political item: δT = −θ_h χ h (partisan
     * animosity of either side, as in Piccardi et al.'s AAPA) + θ_c χ q for a calm (not hostile)
     * out-party item; 0 for a non-political item. θ_h is calibrated to Piccardi et al. 2025's
     * reduced arm (docs/CALIBRATION.md).
     */
    public static double thermometerDose(User u, Content c, SocietyConfig cfg) {
        if (!c.political()) {
            return 0.0;
        }
        SocietyConfig.Thermometer t = cfg.thermometer();
        double dose = -t.hostility() * u.susceptibility * c.hostility();
        if (Behaviour.outparty(u, c) && !c.hostile()) {
            dose += t.calm() * u.susceptibility * c.quality();
        }
        return dose;
    }

    /**
     * Change of the in-party thermometer: +θ_in χ h for a co-partisan item (animosity toward the
     * out-party as an expression of identity; Brady et al. 2017), 0 otherwise.
     */
    public static double ingroupDose(User u, Content c, SocietyConfig cfg) {
        return Behaviour.copartisan(u, c)
                ? cfg.thermometer().ingroup() * u.susceptibility * c.hostility()
                : 0.0;
    }

    /**
     * A thermometer clamped to [0, 100] after a dose.
     *
     * @param value the current value
     * @param dose the change
     */
    public static double dosed(double value, double dose) {
        return Math.max(0.0, Math.min(100.0, value + dose));
    }

    /**
     * One day of decay toward the baseline: T ← T + λ (B − T). λ = 0.18 per day is a half-life of
     * 3.5 days: about 75 % of an induced change is gone after a week (Holliday, Lelkes and Westwood
     * 2025).
     */
    public static double decayed(double value, double baseline, SocietyConfig cfg) {
        return value + cfg.thermometer().decay() * (baseline - value);
    }

    /**
     * One day of baseline drift toward the current value: B ← B + ε (T − B), so repeated exposure
     * moves the baseline slowly (effects of repeated treatments persist for a month, PNAS 2025,
     * doi:10.1073/pnas.2424414122). Uses T before the day's decay.
     */
    public static double baselineDrifted(double baseline, double value, SocietyConfig cfg) {
        return baseline + cfg.thermometer().baselineDrift() * (value - baseline);
    }

    /**
     * Issue opinion after a political item, social judgment theory with the polarity factor of
     * Lorenz, Neumann and Schröder 2021: in the latitude of acceptance x ← x + μ_a χ (s − x)(1 −
     * x²); in that of rejection x ← x − μ_c χ h sign(s − x)(1 − x²) (contrast from hostile
     * counter-attitudinal content); otherwise unchanged; clamped to [−1, 1].
     *
     * @param x the opinion on one axis
     * @param stance the item's stance on that axis
     */
    public static double opinionAfter(
            double x,
            double stance,
            Zone zone,
            double hostility,
            double susceptibility,
            SocietyConfig cfg) {
        SocietyConfig.Opinion o = cfg.opinion();
        double polarity = 1.0 - x * x;
        if (zone == Zone.ACCEPT) {
            x += o.assimilation() * susceptibility * (stance - x) * polarity;
        } else if (zone == Zone.REJECT) {
            x -= o.contrast() * susceptibility * hostility * Math.signum(stance - x) * polarity;
        }
        return Math.max(-1.0, Math.min(1.0, x));
    }

    /**
     * One day of reversion toward the anchor: x ← x0 + (x − x0) 2^(−1/H), H the half-life in days
     * (about 50 days for shocks to partisanship, Tucker, Montgomery and Smith 2019 via Green and
     * Platzman 2022; a model choice for issue opinions).
     */
    public static double revertedToAnchor(double x, double anchor, SocietyConfig cfg) {
        return anchor + (x - anchor) * Math.pow(0.5, 1.0 / cfg.opinion().anchorHalfLife());
    }
}

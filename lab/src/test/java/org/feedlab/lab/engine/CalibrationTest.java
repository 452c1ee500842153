package org.feedlab.lab.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The base rates of docs/CALIBRATION.md on the reference population under engagement ranking
 * ({@link DirectionRuns}: every society default, 12 days, seeds 1–8, direct engine): each rate's
 * mean over seeds (days 4–11) must lie inside the published range the table gives, with its source.
 * A rate set directly by a parameter and counted over few events in 12 days (follow-backs: a few
 * dozen requests a run) is checked for consistency instead: its 95 % interval over seeds must meet
 * the range. The test prints every value with its interval. Rates that 12 days cannot measure (the
 * monthly posting median, cascades, which mature after 10 days) come from the 30-day classroom run
 * (docs/CALIBRATION.md says which).
 */
class CalibrationTest {

    /** How a metric is read and judged. */
    enum Reading {
        /** Mean over days 4–11; the mean over seeds must lie inside the range. */
        DAILY,
        /** Counted since tick 0, read on the last day; the mean must lie inside the range. */
        CUMULATIVE,
        /**
         * Counted since tick 0 over few events, for a rate a parameter sets: the interval over
         * seeds must meet the range.
         */
        SPARSE
    }

    /** A published range for a metric: {@code low ≤ value ≤ high}. */
    record Range(String metric, double low, double high, String source, Reading reading) {
        Range(String metric, double low, double high, String source) {
            this(metric, low, high, source, Reading.DAILY);
        }

        boolean accepts(EffectSize v) {
            return reading == Reading.SPARSE
                    ? v.high() >= low && v.low() <= high
                    : v.mean() >= low && v.mean() <= high;
        }
    }

    static final List<Range> RANGES =
            List.of(
                    new Range("daily_active_share", 0.70, 0.80, "Pew 2016/2018: ~76 %, ~3/4"),
                    new Range("sessions_per_active_user", 2, 15, "Pew 2016; IDC 2013: 2-15"),
                    new Range("minutes_per_active_user", 17, 45, "X 17-32, IG 24-32, FB 30-45"),
                    new Range("items_per_active_user", 150, 400, "Backstrom 2013, derived"),
                    new Range("items_per_session", 20, 60, "derived: 150-400 over 5-10 sessions"),
                    new Range("engagement_rate_click", 0.00013, 0.03, "Gabielkov 2016 bound"),
                    new Range("engagement_rate_like", 0.031, 0.067, "Guess 2023a: 3.1-6.7 %"),
                    new Range("engagement_rate_comment", 0.0, 0.01, "well under 1 %"),
                    new Range("engagement_rate_reshare", 0.0, 0.01, "well under 1 %"),
                    new Range("engagement_rate_hide", 0.0002, 0.001, "Socialbakers 2013 0.03 %"),
                    new Range("angry_reaction_share", 0.01, 0.03, "WaPo 2021; 1-3 %"),
                    new Range("angry_reaction_share_political", 0.05, 0.13, "Pew 2018: 5-13 %"),
                    new Range("political_share", 0.06, 0.135, "Meta 2021 6 %; Guess 2023a 13.5 %"),
                    new Range("untrustworthy_share", 0.0, 0.026, "Guess 2023a: 2.6 % (FB)"),
                    new Range("anger_exit_share", 0.0, 0.02, "bound: <= 1-2 % of sessions"),
                    new Range(
                            "posting_top10_share",
                            0.80,
                            0.92,
                            "Pew 2019/2020: 80-92 %",
                            Reading.CUMULATIVE),
                    new Range(
                            "follow_back_rate_same",
                            0.07,
                            0.21,
                            "Mosleh 2021: ~0.14",
                            Reading.SPARSE),
                    new Range(
                            "follow_back_rate_other",
                            0.02,
                            0.07,
                            "Mosleh 2021: ~0.047",
                            Reading.SPARSE),
                    new Range("thermometer_outgroup_mean", 20, 27.3, "Finkel 2020; ANES 2012"),
                    new Range("thermometer_ingroup_mean", 70, 75, "Finkel 2020: 70-75"));

    @Test
    void baseRatesOfTheReferencePopulationLieInsideTheirPublishedRanges() throws Exception {
        List<String> outside = new ArrayList<>();
        for (Range r : RANGES) {
            EffectSize v =
                    DirectionRuns.level("engagement", r.metric(), r.reading() != Reading.DAILY);
            boolean inside = r.accepts(v);
            System.out.printf(
                    Locale.ROOT,
                    "calibration %-32s %.5g [%.5g, %.5g] published %.5g-%.5g (%s) %s%n",
                    r.metric(),
                    v.mean(),
                    v.low(),
                    v.high(),
                    r.low(),
                    r.high(),
                    r.source(),
                    inside ? (r.reading() == Reading.SPARSE ? "consistent" : "inside") : "OUTSIDE");
            if (!inside) {
                outside.add(r.metric() + " " + v);
            }
        }
        assertTrue(outside.isEmpty(), "outside their published ranges: " + outside);
    }
}

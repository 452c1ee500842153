package org.feedlab.simulator.metrics;

import java.util.ArrayList;
import java.util.List;
import org.feedlab.events.Action;
import org.feedlab.simulator.Content;
import org.feedlab.simulator.Exposure;
import org.feedlab.simulator.Society;
import org.feedlab.simulator.TickReadout;
import org.feedlab.simulator.User;

/**
 * Reporters over the population after a tick (Mesa's collector: agents act, reporters measure).
 * Formulas and sources are in docs/METRICS.md; the statistics themselves are in {@link Stats}.
 */
public final class TickMetrics {
    /** Impressions whose true outrage is above this count as outrage exposure. */
    public static final double OUTRAGE_THRESHOLD = 0.5;
    /** Bins and α of the Esteban–Ray index over opinions in [-1, 1]. */
    public static final int ER_BINS = 10;

    public static final double ER_ALPHA = 1.6;

    private static final String ALL = "all";

    private TickMetrics() {}

    /** The metric rows of one tick, in a fixed order. */
    public static List<Measurement> measure(Society society, TickReadout readout) {
        List<Measurement> rows = new ArrayList<>();
        User[] users = society.users();
        double[] x = new double[users.length];
        double[] thermo = new double[users.length];
        for (int i = 0; i < users.length; i++) {
            x[i] = users[i].ideology();
            thermo[i] = users[i].thermometer();
        }
        List<Exposure> ex = readout.exposures();
        int n = ex.size();
        int outrageous = 0;
        int crossCutting = 0;
        double outrageSum = 0;
        int[] actionCounts = new int[Action.values().length];
        int engagements = 0;
        int engagementsOnOutrage = 0;
        List<Double> scored = new ArrayList<>();
        List<Boolean> clicked = new ArrayList<>();
        for (Exposure e : ex) {
            double o = e.content().outrage();
            outrageSum += o;
            boolean isOutrage = o > OUTRAGE_THRESHOLD;
            if (isOutrage) {
                outrageous++;
            }
            if (e.outgroup()) {
                crossCutting++;
            }
            boolean positive = false;
            for (Action a : Action.values()) {
                if ((e.actions() & (1 << a.ordinal())) != 0) {
                    actionCounts[a.ordinal()]++;
                    if (a != Action.HIDE) {
                        positive = true;
                    }
                }
            }
            if (positive) {
                engagements++;
                if (isOutrage) {
                    engagementsOnOutrage++;
                }
            }
            if (!Double.isNaN(e.predictedClick())) {
                scored.add(e.predictedClick());
                clicked.add((e.actions() & (1 << Action.CLICK.ordinal())) != 0);
            }
        }
        double productionMean = Double.NaN;
        if (!readout.newPosts().isEmpty()) {
            double s = 0;
            for (Content c : readout.newPosts()) {
                s += c.outrage();
            }
            productionMean = s / readout.newPosts().size();
        }
        add(rows, "active_users", readout.sessions());
        add(rows, "sessions", readout.sessions());
        add(rows, "items_read", n);
        add(rows, "impressions", n);
        for (Action a : Action.values()) {
            add(rows, "engagements_" + a.key(), actionCounts[a.ordinal()]);
        }
        add(rows, "anger_exits", readout.angerExits());
        add(rows, "outrage_exposure_share", ratio(outrageous, n));
        add(rows, "outrage_impression_mean", n == 0 ? Double.NaN : outrageSum / n);
        add(rows, "outrage_production_mean", productionMean);
        add(rows, "outrage_engagement_share", ratio(engagementsOnOutrage, engagements));
        add(rows, "cross_cutting_share", ratio(crossCutting, n));
        add(rows, "like_minded_share", ratio(n - crossCutting, n));
        add(rows, "opinion_variance", Stats.variance(x));
        add(rows, "opinion_bimodality", Stats.bimodalityCoefficient(x));
        add(rows, "esteban_ray", Stats.estebanRay(x, -1.0, 1.0, ER_BINS, ER_ALPHA));
        add(rows, "opinion_extremity_mean", Stats.meanAbs(x));
        add(rows, "thermometer_outgroup_mean", Stats.mean(thermo));
        add(rows, "model_version", versionNumber(readout.modelVersion()));
        add(rows, "model_auc_click", auc(scored, clicked));
        return rows;
    }

    /** The tick number inside a version id like "v0007"; 0 before the first model. */
    static double versionNumber(String version) {
        if (version == null || version.length() < 2 || version.charAt(0) != 'v') {
            return 0;
        }
        try {
            return Long.parseLong(version.substring(1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double auc(List<Double> scores, List<Boolean> labels) {
        double[] s = new double[scores.size()];
        boolean[] l = new boolean[labels.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = scores.get(i);
            l[i] = labels.get(i);
        }
        return Stats.auc(s, l);
    }

    private static double ratio(int num, int den) {
        return den == 0 ? Double.NaN : (double) num / den;
    }

    private static void add(List<Measurement> rows, String metric, double value) {
        rows.add(new Measurement(metric, ALL, value));
    }

}

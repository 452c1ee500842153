package org.feedlab.lab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.feedlab.lab.run.MetricRow;
import org.junit.jupiter.api.Test;

class SummaryTest {
    private static final double EPS = 1e-9;

    @Test
    void meansIntervalsAndPairedDifferencesByHand() {
        ExperimentSpec spec =
                new ExperimentSpec(
                        "e",
                        "",
                        JsonNodeFactory.instance.objectNode(),
                        "s.yaml",
                        List.of(1L, 2L, 3L),
                        "base",
                        List.of(
                                new Arm("treat", JsonNodeFactory.instance.objectNode()),
                                new Arm("base", JsonNodeFactory.instance.objectNode())),
                        List.of("m"),
                        2,
                        null,
                        null);
        Map<String, Map<Long, List<MetricRow>>> results = new LinkedHashMap<>();
        // Per run, the value is the mean of the last 2 ticks (tick 0 is ignored):
        // treat: seed1 (3+5)/2 = 4, seed2 (5+7)/2 = 6, seed3 (7+9)/2 = 8 → mean 6
        // base:  seed1 (1+1)/2 = 1, seed2 (2+2)/2 = 2, seed3 (6+6)/2 = 6 → mean 3
        results.put("treat", runs(new double[][] {{100, 3, 5}, {100, 5, 7}, {100, 7, 9}}));
        results.put("base", runs(new double[][] {{-50, 1, 1}, {-50, 2, 2}, {-50, 6, 6}}));
        List<SummaryRow> rows = Summary.summarise(spec, results);
        assertEquals(2, rows.size());
        SummaryRow treat = rows.get(0);
        assertEquals("treat", treat.arm());
        assertEquals(3, treat.n());
        assertEquals(6.0, treat.mean(), EPS);
        // sd of {4,6,8} = 2; half-width = t(0.975,2) · 2/√3 = 4.303 · 1.1547005 = 4.968676
        assertEquals(6.0 - 4.303 * 2 / Math.sqrt(3), treat.ciLow(), EPS);
        assertEquals(6.0 + 4.303 * 2 / Math.sqrt(3), treat.ciHigh(), EPS);
        // paired differences {3, 4, 2}: mean 3, sd 1, half-width 4.303/√3
        assertEquals(3.0, treat.diff(), EPS);
        assertEquals(3.0 - 4.303 / Math.sqrt(3), treat.diffLow(), EPS);
        SummaryRow base = rows.get(1);
        assertEquals(0.0, base.diff(), EPS);
        assertEquals(0.0, base.diffLow(), EPS);
    }

    @Test
    void nanValuesAreLeftOutAndOneSeedHasNoInterval() {
        double[] one = Summary.meanAndHalfWidth(List.of(2.5));
        assertEquals(2.5, one[0], EPS);
        assertTrue(Double.isNaN(one[1]));
        Map<Long, List<MetricRow>> r = new TreeMap<>();
        r.put(
                1L,
                List.of(new MetricRow(0, "m", "all", 1), new MetricRow(1, "m", "all", Double.NaN)));
        assertEquals(1.0, Summary.perSeed(r, "m", 2).get(1L), EPS);
    }

    @Test
    void studentQuantiles() {
        assertEquals(12.706, StudentT.q975(1), 0);
        assertEquals(2.042, StudentT.q975(30), 0);
        assertEquals(1.96 + 2.5 / 60, StudentT.q975(60), 0);
        assertTrue(Double.isNaN(StudentT.q975(0)));
    }

    private static Map<Long, List<MetricRow>> runs(double[][] valuesPerSeed) {
        Map<Long, List<MetricRow>> out = new TreeMap<>();
        for (int s = 0; s < valuesPerSeed.length; s++) {
            List<MetricRow> rows = new ArrayList<>();
            for (int t = 0; t < valuesPerSeed[s].length; t++) {
                rows.add(new MetricRow(t, "m", "all", valuesPerSeed[s][t]));
                rows.add(new MetricRow(t, "m", "young", 1000));
            }
            out.put((long) s + 1, rows);
        }
        return out;
    }
}

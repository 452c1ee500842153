package org.feedlab.lab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.feedlab.lab.run.MetricRow;
import org.junit.jupiter.api.Test;

class LossRecoveryTest {
    private static final double EPS = 1e-12;

    /** One run per row (seeds 1, 2, ...): the metric's population value at ticks 0, 1, .... */
    private static Map<Long, List<MetricRow>> runs(double[][] values) {
        Map<Long, List<MetricRow>> out = new TreeMap<>();
        for (int s = 0; s < values.length; s++) {
            List<MetricRow> rows = new ArrayList<>();
            for (int t = 0; t < values[s].length; t++) {
                rows.add(new MetricRow(t, "m", "all", values[s][t]));
                // Another segment and another metric, which must not count.
                rows.add(new MetricRow(t, "m", "teen", 1000));
                rows.add(new MetricRow(t, "other", "all", -1000));
            }
            out.put((long) s + 1, rows);
        }
        return out;
    }

    private static Map<String, LossRecovery.Row> byKey(List<LossRecovery.Row> rows) {
        Map<String, LossRecovery.Row> out = new LinkedHashMap<>();
        for (LossRecovery.Row r : rows) {
            out.put(r.quantity() + (r.tick() >= 0 ? "@" + r.tick() : ""), r);
        }
        return out;
    }

    @Test
    void lossAtTheTickAtTheEndAndTheShareRecoveredByHand() {
        // Treated from tick 3; the end loss averages the last 2 ticks (4 and 5).
        LossRecovery spec =
                new LossRecovery(3, 2, List.of("m"), List.of(new LossRecovery.Pair("w", "c")));
        Map<String, Map<Long, List<MetricRow>>> results = new LinkedHashMap<>();
        results.put(
                "c",
                runs(
                        new double[][] {
                            {10, 10, 10, 10, 10, 10}, {20, 20, 20, 20, 20, 20}, {5, 5, 5, 5, 5, 5}
                        }));
        results.put(
                "w",
                runs(
                        new double[][] {
                            {10, 10, 10, 6, 8, 9}, {20, 20, 20, 18, 19, 19}, {5, 5, 5, 2, 4, 5}
                        }));
        // Gaps (control − treated) per seed from tick 3: [4, 2, 1], [2, 1, 1], [3, 1, 0].
        // first: 4, 2, 3 → mean 3, s = 1.
        // end: (2+1)/2 = 1.5, (1+1)/2 = 1, (1+0)/2 = 0.5 → mean 1, s = 0.5.
        // recovered: 1 − 1.5/4 = 45/72, 1 − 1/2 = 36/72, 1 − 0.5/3 = 60/72 → mean 141/216;
        //   deviations −2/72, −11/72, 13/72 → s = √(294/2)/72 = 7√3/72.
        Map<String, LossRecovery.Row> r = byKey(spec.rows(results, List.of(1L, 2L, 3L)));
        double t = 4.303; // t(0.975, 2)
        LossRecovery.Row first = r.get("first");
        assertEquals(3, first.n());
        assertEquals(3.0, first.mean(), EPS);
        assertEquals(3.0 - t / Math.sqrt(3), first.ciLow(), EPS);
        assertEquals(3.0 + t / Math.sqrt(3), first.ciHigh(), EPS);
        LossRecovery.Row end = r.get("end");
        assertEquals(1.0, end.mean(), EPS);
        assertEquals(1.0 + t * 0.5 / Math.sqrt(3), end.ciHigh(), EPS);
        LossRecovery.Row recovered = r.get("recovered");
        assertEquals(3, recovered.n());
        assertEquals(141.0 / 216, recovered.mean(), EPS);
        assertEquals(141.0 / 216 - t * 7.0 / 72, recovered.ciLow(), EPS);
        assertEquals(141.0 / 216 + t * 7.0 / 72, recovered.ciHigh(), EPS);
        // The per-tick gap: 0 before the tick, then the seeds' mean gap.
        assertEquals(0.0, r.get("gap@2").mean(), EPS);
        assertEquals(3.0, r.get("gap@3").mean(), EPS);
        assertEquals(4.0 / 3, r.get("gap@4").mean(), EPS);
        assertEquals(2.0 / 3, r.get("gap@5").mean(), EPS);
        assertEquals(-1, first.tick());
        assertEquals("w", first.pair());
        assertEquals("m", first.metric());
        assertEquals(
                List.of("gap", "gap", "gap", "gap", "gap", "gap", "first", "end", "recovered"),
                spec.rows(results, List.of(1L, 2L, 3L)).stream()
                        .map(LossRecovery.Row::quantity)
                        .toList());
    }

    @Test
    void theShareIsOneMinusEndOverFirstAndUndefinedWithoutAFirstLoss() {
        assertEquals(0.75, LossRecovery.recovered(4, 1), EPS);
        assertEquals(-0.5, LossRecovery.recovered(2, 3), EPS, "a loss that grew");
        assertEquals(1.5, LossRecovery.recovered(-2, 1), EPS, "an overshoot past the control");
        assertTrue(Double.isNaN(LossRecovery.recovered(0, 1)));
        assertTrue(Double.isNaN(LossRecovery.recovered(Double.NaN, 1)));
        assertTrue(Double.isNaN(LossRecovery.recovered(2, Double.NaN)));
        TreeMap<Long, Double> gaps =
                new TreeMap<>(Map.of(0L, 9.0, 1L, 2.0, 2L, Double.NaN, 3L, 4.0));
        // The last 3 ticks are 1, 2 and 3; the NaN is left out: (2 + 4) / 2.
        assertEquals(3.0, LossRecovery.endLoss(gaps, 3), EPS);
    }

    @Test
    void aSeedWithoutAFirstLossIsLeftOutOfTheShareButNotOfTheLosses() {
        LossRecovery spec =
                new LossRecovery(1, 1, List.of("m"), List.of(new LossRecovery.Pair("w", "c")));
        Map<String, Map<Long, List<MetricRow>>> results = new LinkedHashMap<>();
        results.put("c", runs(new double[][] {{1, 5, 5}, {1, 5, 5}}));
        results.put("w", runs(new double[][] {{1, 1, 3}, {1, 5, 4}}));
        Map<String, LossRecovery.Row> r = byKey(spec.rows(results, List.of(1L, 2L)));
        assertEquals(2, r.get("first").n());
        assertEquals(2.0, r.get("first").mean(), EPS);
        assertEquals(1, r.get("recovered").n());
        assertEquals(0.5, r.get("recovered").mean(), EPS);
        assertTrue(Double.isNaN(r.get("recovered").ciLow()), "one seed: no interval");
    }
}

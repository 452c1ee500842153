package org.feedlab.lab.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentReportTest {
    @TempDir Path dir;

    static final String RESULTS =
            """
            arm,seed,tick,metric,segment,value
            engagement,1,0,outrage_exposure_share,all,0.2
            engagement,1,1,outrage_exposure_share,all,0.6
            engagement,2,0,outrage_exposure_share,all,0.4
            engagement,2,1,outrage_exposure_share,all,0.8
            engagement,1,1,outrage_exposure_share,young,0.9
            chronological,1,0,outrage_exposure_share,all,0.2
            chronological,1,1,outrage_exposure_share,all,NaN
            chronological,2,0,outrage_exposure_share,all,0.3
            chronological,2,1,outrage_exposure_share,all,0.25
            """;

    @Test
    void eachArmHasThe95PercentTIntervalOverSeeds() throws IOException {
        List<ChartPage.Line> outrage =
                ExperimentReport.armBands(RESULTS.lines().toList()).get("outrage_exposure_share");
        ChartPage.Line engagement = outrage.get(0);
        assertEquals("engagement", engagement.label());
        // Tick 0: seeds 0.2 and 0.4; s = 0.1414, t(0.975, 1) = 12.706: 0.3 ± 12.706 · 0.1.
        assertEquals(0.3, engagement.values().get(0L), 1e-12);
        assertEquals(0.3 - 1.2706, engagement.lower().get(0L), 1e-9);
        assertEquals(0.3 + 1.2706, engagement.upper().get(0L), 1e-9);
        // Tick 1 of chronological has one seed with a value: no band.
        assertTrue(Double.isNaN(outrage.get(1).lower().get(1L)));
        // Three values 1, 2, 3: s = 1, t(0.975, 2) = 4.303, half-width 4.303 / √3.
        assertEquals(
                4.303 / Math.sqrt(3), ExperimentReport.halfWidth(List.of(1.0, 2.0, 3.0)), 1e-12);
    }

    @Test
    void eachArmIsTheMeanOverSeedsOfThePopulation() throws IOException {
        Map<String, Map<String, TreeMap<Long, Double>>> m =
                ExperimentReport.armMeans(RESULTS.lines().toList());
        Map<String, TreeMap<Long, Double>> outrage = m.get("outrage_exposure_share");
        assertEquals(List.of("engagement", "chronological"), List.copyOf(outrage.keySet()));
        assertEquals(0.3, outrage.get("engagement").get(0L), 1e-12);
        assertEquals(
                0.7,
                outrage.get("engagement").get(1L),
                1e-12,
                "the young segment is not averaged in");
        assertEquals(0.25, outrage.get("chronological").get(0L), 1e-12);
        assertEquals(0.25, outrage.get("chronological").get(1L), 1e-12, "a NaN seed is left out");
    }

    @Test
    void writesChartsAndTheSummaryTable() throws IOException {
        Files.writeString(dir.resolve("results.csv"), RESULTS);
        Files.writeString(
                dir.resolve("summary.csv"),
                """
                metric,arm,n,mean,ci_low,ci_high,diff_vs_baseline,diff_ci_low,diff_ci_high
                outrage_exposure_share,engagement,2,0.7,0.5,0.9,0.45,0.2,0.7
                outrage_exposure_share,chronological,2,0.25,0.25,0.25,0,0,0
                """);
        Files.writeString(
                dir.resolve("experiment.json"),
                """
                {"experiment": "demo-exp", "description": "Two <arms>", "engine": "direct",
                 "seeds": [1, 2], "baseline": "chronological", "arms": [{}, {}], "summary_last_ticks": 1}
                """);
        Path out = ReportWriter.write(dir);
        String html = Files.readString(out);
        assertEquals(
                1,
                html.split("class=\"chart\"", -1).length - 1,
                "one chart per charted metric present");
        assertTrue(
                html.contains("\"label\":\"engagement\"")
                        && html.contains("\"label\":\"chronological\""),
                "one line per arm");
        assertTrue(html.contains("\"lower\":["), "each arm has its band");
        assertTrue(html.contains("Two &lt;arms&gt;"), "text is escaped");
        assertTrue(
                html.contains(
                        "<td>outrage_exposure_share</td><td>engagement</td><td class=\"num\">2</td>"
                                + "<td class=\"num\">0.7 [0.5, 0.9]</td><td class=\"num\">0.45 [0.2, 0.7]</td>"),
                html);
        assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(ReportWriter.write(dir)));
    }

    @Test
    void aLossRecoveryDrawsTheGapPerTickAndTablesTheLossesAndTheShareRecovered() {
        ObjectNode experiment = JsonNodeFactory.instance.objectNode();
        experiment.putObject("loss_recovery").put("tick", 3).put("end_ticks", 2);
        List<String> recovery =
                List.of(
                        "metric,arm,quantity,tick,n,mean,ci_low,ci_high",
                        "m,lost,gap,2,3,0,0,0",
                        "m,lost,gap,3,3,3,0.5,5.5",
                        "m,lost,gap,4,3,1.5,1,2",
                        "m,lost,first,-1,3,3,0.5,5.5",
                        "m,lost,end,-1,3,1,0.25,1.75",
                        "m,lost,recovered,-1,2,0.65,0.25,1.05");
        Map<String, List<ChartPage.Line>> bands = new java.util.LinkedHashMap<>();
        bands.put("m", List.of(ChartPage.Line.of("lost", new TreeMap<>(Map.of(2L, 7.0)))));
        StringBuilder h = new StringBuilder();
        ExperimentReport.lossRecovery(h, experiment, bands, recovery);
        String html = h.toString();
        assertTrue(html.contains("<h2>Loss and recovery after tick 3</h2>"), html);
        assertTrue(
                html.contains(
                        "\"label\":\"lost\",\"values\":[0.0,3.0,1.5],\"lower\":[0.0,0.5,1.0],"
                                + "\"upper\":[0.0,5.5,2.0]"),
                html);
        assertTrue(html.contains("\"label\":\"lost\",\"values\":[7.0]"), "every arm per tick");
        assertTrue(
                html.contains(
                        "<tr><td>m</td><td>lost</td><td class=\"num\">2</td>"
                                + "<td class=\"num\">3 [0.5, 5.5]</td>"
                                + "<td class=\"num\">1 [0.25, 1.75]</td>"
                                + "<td class=\"num\">0.65 [0.25, 1.05]</td></tr>"),
                html);
        StringBuilder none = new StringBuilder();
        ExperimentReport.lossRecovery(none, JsonNodeFactory.instance.objectNode(), bands, recovery);
        assertEquals("", none.toString());
    }

    @Test
    void theHiddenSizesAModelCapacityPolicyChoseAreTabledByLevel() {
        ObjectNode experiment = JsonNodeFactory.instance.objectNode();
        var arms = experiment.putArray("arms");
        arms.addObject().put("name", "cap-4600000000").putArray("hidden_sizes").add(32).add(16);
        arms.addObject().put("name", "cap-25000000000").putArray("hidden_sizes").add(128).add(64);
        arms.addObject().put("name", "plain-4600000000");
        StringBuilder h = new StringBuilder();
        ExperimentReport.chosenModels(
                h,
                experiment,
                "ranker.policies.model-capacity.flops_per_second",
                List.of(4.6e9, 2.5e10),
                List.of("cap", "plain"));
        assertEquals(
                "<h3>Hidden sizes the model-capacity policy chose at each level of"
                        + " ranker.policies.model-capacity.flops_per_second</h3>\n"
                        + "<table><tr><th>curve</th><th>4600000000</th><th>25000000000</th></tr>\n"
                        + "<tr><td>cap</td><td class=\"num\">[32,16]</td>"
                        + "<td class=\"num\">[128,64]</td></tr>\n"
                        + "<tr><td>plain</td><td class=\"num\">—</td><td class=\"num\">—</td></tr>\n"
                        + "</table>\n",
                h.toString());
        StringBuilder none = new StringBuilder();
        ExperimentReport.chosenModels(
                none,
                JsonNodeFactory.instance.objectNode(),
                "society.anger_threshold",
                List.of(1.0),
                List.of("a"));
        assertEquals("", none.toString());
    }

    @Test
    void aMetricsAxisFollowsWhatItCounts() {
        assertEquals(ChartPage.Kind.SHARE, ChartPage.Kind.of("outrage_exposure_share"));
        assertEquals(ChartPage.Kind.SHARE, ChartPage.Kind.of("engagement_rate_like"));
        assertEquals(ChartPage.Kind.SHARE, ChartPage.Kind.of("model_auc_click"));
        assertEquals(ChartPage.Kind.SHARE, ChartPage.Kind.of("follow_back_rate_other"));
        assertEquals(ChartPage.Kind.POSITIVE, ChartPage.Kind.of("minutes_per_active_user"));
        assertEquals(ChartPage.Kind.POSITIVE, ChartPage.Kind.of("items_read"));
        assertEquals(ChartPage.Kind.POSITIVE, ChartPage.Kind.of("sessions_per_active_user"));
        assertEquals(ChartPage.Kind.POSITIVE, ChartPage.Kind.of("engagements_angry"));
        assertEquals(ChartPage.Kind.POSITIVE, ChartPage.Kind.of("anger_exits"));
        // Either sign: opinions, gaps, thermometer differences; an unknown metric too.
        assertEquals(ChartPage.Kind.VALUE, ChartPage.Kind.of("ideology_left_mean"));
        assertEquals(ChartPage.Kind.VALUE, ChartPage.Kind.of("affective_gap_mean"));
        assertEquals(ChartPage.Kind.VALUE, ChartPage.Kind.of("engagement_satisfaction_gap"));
        assertEquals(ChartPage.Kind.VALUE, ChartPage.Kind.of("thermometer_outgroup_mean"));
        assertEquals(ChartPage.Kind.VALUE, ChartPage.Kind.of("some_new_metric"));
    }

    @Test
    void aDoseResponseIsDrawnAgainstTheDoseAndEachCurvesPeakIsMarked() {
        JsonNode experiment =
                JsonNodeFactory.instance
                        .objectNode()
                        .put("summary_last_ticks", 3)
                        .set(
                                "dose_response",
                                JsonNodeFactory.instance
                                        .objectNode()
                                        .put("dose", "society.anger_threshold")
                                        .<ObjectNode>set(
                                                "levels",
                                                JsonNodeFactory.instance
                                                        .arrayNode()
                                                        .add(0.75)
                                                        .add(3.0))
                                        .set(
                                                "curves",
                                                JsonNodeFactory.instance
                                                        .arrayNode()
                                                        .add("model")
                                                        .add("oracle")));
        List<String> summary =
                List.of(
                        "metric,arm,n,mean,ci_low,ci_high,diff_vs_baseline,diff_ci_low,diff_ci_high",
                        "minutes_per_active_user,model-0.75,3,20,19,21,0,0,0",
                        "minutes_per_active_user,model-3,3,22,21,23,2,1,3",
                        "minutes_per_active_user,oracle-0.75,3,25,24,26,5,4,6",
                        "minutes_per_active_user,oracle-3,3,24,23,25,4,3,5");
        StringBuilder h = new StringBuilder();
        ExperimentReport.doseResponse(h, experiment, summary);
        String html = h.toString();
        // x is the dose's levels; each curve's means in level order, with their intervals.
        assertTrue(html.contains("\"ticks\":[0.75,3.0]"), html);
        assertTrue(html.contains("\"x\":\"society.anger_threshold\""), html);
        // Minutes cannot be negative: the axis is fitted to the curves but stops at 0.
        assertTrue(
                html.contains("\"title\":\"minutes_per_active_user\",\"kind\":\"positive\""), html);
        assertTrue(
                html.contains(
                        "\"label\":\"model\",\"values\":[20.0,22.0],\"lower\":[19.0,21.0],\"upper\":[21.0,23.0]"),
                html);
        assertTrue(html.contains("\"label\":\"oracle\",\"values\":[25.0,24.0]"), html);
        // The model peaks at the higher tolerance, the oracle at the lower.
        assertTrue(
                html.contains(
                        "<td>minutes_per_active_user</td><td>model</td><td class=\"num\">▲ 3</td>"
                                + "<td class=\"num\">22 [21, 23]</td>"),
                html);
        assertTrue(
                html.contains(
                        "<td>minutes_per_active_user</td><td>oracle</td><td class=\"num\">▲ 0.75</td>"
                                + "<td class=\"num\">25 [24, 26]</td>"),
                html);
    }

    @Test
    void refusesResultsWithoutTheExperimentDescription() throws IOException {
        Files.writeString(dir.resolve("results.csv"), RESULTS);
        IOException e = assertThrows(IOException.class, () -> ReportWriter.write(dir));
        assertTrue(e.getMessage().contains("experiment.json"), e.getMessage());
    }

    @Test
    void refusesAFileThatIsNotResults() throws IOException {
        IOException e =
                assertThrows(
                        IOException.class,
                        () -> ExperimentReport.armMeans(List.of("tick,metric,segment,value")));
        assertTrue(e.getMessage().contains("arm,seed,tick,metric,segment,value"), e.getMessage());
    }
}

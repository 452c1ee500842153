package org.feedlab.lab.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.feedlab.lab.charts.ChartLibrary;
import org.feedlab.lab.engine.SimulationRun;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioLoader;
import org.feedlab.simulator.Society;
import org.feedlab.simulator.User;
import org.feedlab.simulator.metrics.Measurement;
import org.junit.jupiter.api.Test;

class LivePageTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private static Society society() throws Exception {
        Scenario s =
                ScenarioLoader.parse(
                        "name: small\nseed: 4\nticks: 3\nsociety: {users: 40, creators: 5,"
                                + " creator_follows_per_user: 3}\n",
                        "small.yaml");
        return Society.create(s.society(), s.seed());
    }

    @Test
    void servesEachTicksPopulationFiguresAndTheOpinionHistogram() throws Exception {
        Society society = society();
        try (LivePage page = LivePage.start(0, "small", "A <small> run", 3)) {
            page.started(society);
            page.ticked(
                    new SimulationRun.Tick(
                            0,
                            List.of(
                                    new Measurement("items_read", "all", 120),
                                    new Measurement("items_read", "young", 7),
                                    new Measurement("model_auc_click", "all", Double.NaN),
                                    new Measurement("anger_exits", "all", 3)),
                            society,
                            List.of()));
            JsonNode d = new ObjectMapper().readTree(get(page.url() + "data.json").body());
            assertEquals("small", d.path("scenario").asText());
            assertEquals(3, d.path("ticks_total").asInt());
            assertEquals(false, d.path("done").asBoolean());
            assertEquals("[0]", d.path("tick").toString());
            assertEquals("[120.0]", d.path("series").path("items_read").toString());
            assertEquals("[3.0]", d.path("series").path("anger_exits").toString());
            assertEquals("[null]", d.path("series").path("model_auc_click").toString());
            assertEquals("[null]", d.path("series").path("outrage_exposure_share").toString());
            // Shares of users per 0.1-wide bin, counted here independently.
            double[] expected = new double[20];
            for (User u : society.users()) {
                expected[Math.min(19, (int) Math.floor((u.ideology() + 1) * 10))] += 1.0 / 40;
            }
            JsonNode now = d.path("opinion").path("now");
            double sum = 0;
            for (int i = 0; i < 20; i++) {
                assertEquals(expected[i], now.get(i).asDouble(), 1e-12, "bin " + i);
                sum += now.get(i).asDouble();
            }
            assertEquals(1.0, sum, 1e-9);
            assertEquals(-0.95, d.path("opinion").path("centres").get(0).asDouble(), 1e-12);
            page.finished();
            assertTrue(get(page.url() + "data.json").body().contains("\"done\":true"));
        }
    }

    @Test
    void servesThePageAndTheChartingLibraryFromTheClasspathOnLoopback() throws Exception {
        try (LivePage page = LivePage.start(0, "small", "", 3)) {
            assertTrue(page.url().startsWith("http://127.0.0.1:"));
            HttpResponse<String> html = get(page.url());
            assertEquals(200, html.statusCode());
            assertTrue(html.body().contains("<script src=\"uPlot.iife.min.js\"></script>"));
            HttpResponse<String> lib = get(page.url() + "uPlot.iife.min.js");
            assertEquals(200, lib.statusCode());
            assertEquals(ChartLibrary.uplotScript(), lib.body());
            assertEquals(200, get(page.url() + "feedlab-charts.js").statusCode());
            assertEquals(200, get(page.url() + "uPlot.min.css").statusCode());
            assertEquals(404, get(page.url() + "elsewhere").statusCode());
            assertEquals("1.6.30", ChartLibrary.VERSION);
            assertTrue(ChartLibrary.uplotLicense().contains("MIT"));
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

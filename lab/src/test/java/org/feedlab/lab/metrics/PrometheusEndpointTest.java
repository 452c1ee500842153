package org.feedlab.lab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrometheusEndpointTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private PrometheusEndpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        endpoint = PrometheusEndpoint.start(0, Map.of("scenario", "s1", "seed", "7"));
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void servesGaugesWithCommonTagsAndLatestValue() throws Exception {
        endpoint.set("opinion_variance", "all", 0.25);
        endpoint.set("opinion_variance", "left", 0.125);
        endpoint.set("churn_rate", "all", 0.5);

        HttpResponse<String> first = get("/metrics");
        assertEquals(200, first.statusCode());
        assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String body = first.body();
        assertContains(body, "feedlab_opinion_variance" + labels("all") + " 0.25\n");
        assertContains(body, "feedlab_opinion_variance" + labels("left") + " 0.125\n");
        assertContains(body, "feedlab_churn_rate" + labels("all") + " 0.5\n");

        endpoint.set("opinion_variance", "all", 0.75);
        String second = get("/metrics").body();
        assertContains(second, "feedlab_opinion_variance" + labels("all") + " 0.75\n");
        assertFalse(second.contains(labels("all") + " 0.25\n"), second);
        assertEquals(second, endpoint.scrape());
    }

    @Test
    void aMetricInMinutesIsServedInSecondsAsPrometheusNamesAsk() throws Exception {
        endpoint.set("minutes_per_active_user", "all", 2.5);

        String body = get("/metrics").body();
        assertContains(body, "feedlab_seconds_per_active_user" + labels("all") + " 150.0\n");
        assertFalse(body.contains("minutes"), body);
    }

    @Test
    void countersAccumulate() throws Exception {
        endpoint.increment("records_processed", 3);
        endpoint.increment("records_processed", 4.5);

        String body = get("/metrics").body();
        assertContains(body, "feedlab_records_processed_total{scenario=\"s1\",seed=\"7\"} 7.5\n");
    }

    @Test
    void onlyTheMetricsPathIsServed() throws Exception {
        assertEquals(404, get("/metricsx").statusCode());
        assertEquals(404, get("/metrics/other").statusCode());
    }

    @Test
    void closeStopsServing() throws Exception {
        int port = endpoint.port();
        endpoint.close();
        endpoint.close();
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
        IOException refused =
                assertThrows(
                        IOException.class,
                        () -> http.send(request, HttpResponse.BodyHandlers.ofString()));
        assertTrue(
                refused instanceof ConnectException
                        || refused.getCause() instanceof ConnectException,
                refused.toString());
    }

    /** Prometheus labels of a gauge: common tags first, sorted by name like the registry does. */
    private static String labels(String segment) {
        return "{scenario=\"s1\",seed=\"7\",segment=\"" + segment + "\"}";
    }

    private static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), () -> "missing " + expected + " in:\n" + text);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
                        .GET()
                        .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

package org.feedlab.lab.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.feedlab.lab.charts.ChartLibrary;
import org.feedlab.lab.engine.SimulationRun;
import org.feedlab.simulator.Society;
import org.feedlab.simulator.User;
import org.feedlab.simulator.metrics.Measurement;
import org.feedlab.simulator.metrics.TickMetrics;

/**
 * The live classroom page of {@code feedlab run --live}: a listener of the run that keeps the
 * population's figures of every tick and serves them, with a page that charts them, on 127.0.0.1.
 * The page polls {@code data.json} once a second; the charting library comes from the classpath
 * ({@link ChartLibrary}), so the page works offline. It stays up until closed.
 */
public final class LivePage implements SimulationRun.Listener, AutoCloseable {
    /** The metrics the page charts, population segment, in the order of data.json. */
    public static final List<String> CHARTED =
            List.of(
                    "outrage_exposure_share",
                    "thermometer_outgroup_mean",
                    "items_read",
                    "anger_exits",
                    "model_version",
                    "model_auc_click");

    /** Bins of the opinion histogram over [−1, 1]. */
    static final int OPINION_BINS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String scenario;
    private final String description;
    private final int ticksTotal;
    private final List<Long> ticks = new ArrayList<>();
    private final Map<String, List<Double>> series = new LinkedHashMap<>();
    private double[] opinionStart = new double[OPINION_BINS];
    private double[] opinionNow = new double[OPINION_BINS];
    private boolean done;

    private LivePage(HttpServer server, String scenario, String description, int ticksTotal) {
        this.server = server;
        this.scenario = scenario;
        this.description = description;
        this.ticksTotal = ticksTotal;
        for (String m : CHARTED) {
            series.put(m, new ArrayList<>());
        }
    }

    /**
     * Starts serving on 127.0.0.1 (the page has no authentication).
     *
     * @param port TCP port, 0 for any free one
     * @throws IOException if the port cannot be bound
     */
    public static LivePage start(int port, String scenario, String description, int ticksTotal)
            throws IOException {
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        LivePage page = new LivePage(server, scenario, description, ticksTotal);
        server.createContext("/", page::handle);
        server.start();
        return page;
    }

    /** The page's address. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public synchronized void started(Society society) {
        opinionStart = opinionShares(society);
        opinionNow = opinionStart;
    }

    @Override
    public synchronized void ticked(SimulationRun.Tick tick) {
        ticks.add(tick.tick());
        Map<String, Double> values = new LinkedHashMap<>();
        for (Measurement m : tick.measurements()) {
            if (m.segment().equals(TickMetrics.POPULATION) && series.containsKey(m.metric())) {
                values.put(m.metric(), m.value());
            }
        }
        series.forEach((metric, list) -> list.add(values.getOrDefault(metric, Double.NaN)));
        opinionNow = opinionShares(tick.society());
    }

    @Override
    public synchronized void finished() {
        done = true;
    }

    /** Share of all users per opinion bin of width 0.1 over [−1, 1] (1 falls in the last). */
    static double[] opinionShares(Society society) {
        User[] users = society.users();
        double[] shares = new double[OPINION_BINS];
        for (User u : users) {
            int bin = (int) Math.floor((u.ideology() + 1) / 2 * OPINION_BINS);
            shares[Math.max(0, Math.min(OPINION_BINS - 1, bin))]++;
        }
        for (int i = 0; i < shares.length; i++) {
            shares[i] = users.length == 0 ? 0 : shares[i] / users.length;
        }
        return shares;
    }

    /** The figures so far, as the page reads them. */
    public synchronized String data() {
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", scenario);
        root.put("description", description);
        root.put("ticks_total", ticksTotal);
        root.put("done", done);
        root.put("notice", "Charts: " + ChartLibrary.NOTICE);
        ArrayNode t = root.putArray("tick");
        ticks.forEach(t::add);
        ObjectNode s = root.putObject("series");
        series.forEach(
                (metric, values) -> {
                    ArrayNode a = s.putArray(metric);
                    for (double v : values) {
                        if (Double.isFinite(v)) {
                            a.add(v);
                        } else {
                            a.addNull();
                        }
                    }
                });
        ObjectNode o = root.putObject("opinion");
        ArrayNode centres = o.putArray("centres");
        ArrayNode start = o.putArray("start");
        ArrayNode now = o.putArray("now");
        for (int i = 0; i < OPINION_BINS; i++) {
            centres.add(-1 + (i + 0.5) * 2.0 / OPINION_BINS);
            start.add(opinionStart[i]);
            now.add(opinionNow[i]);
        }
        return root.toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String body;
            String type;
            switch (exchange.getRequestURI().getPath()) {
                case "/", "/index.html" -> {
                    body = ChartLibrary.read("org/feedlab/lab/live/index.html");
                    type = "text/html; charset=utf-8";
                }
                case "/data.json" -> {
                    body = data();
                    type = "application/json";
                }
                case "/uPlot.iife.min.js" -> {
                    body = ChartLibrary.uplotScript();
                    type = "text/javascript; charset=utf-8";
                }
                case "/feedlab-charts.js" -> {
                    body = ChartLibrary.chartsScript();
                    type = "text/javascript; charset=utf-8";
                }
                case "/uPlot.min.css" -> {
                    body = ChartLibrary.uplotStyle();
                    type = "text/css; charset=utf-8";
                }
                case "/favicon.ico" -> {
                    exchange.sendResponseHeaders(204, -1);
                    return;
                }
                default -> {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops serving. */
    @Override
    public void close() {
        server.stop(0);
    }
}

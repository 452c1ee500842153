package org.feedlab.lab.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.feedlab.lab.metrics.PrometheusEndpoint;
import org.feedlab.simulator.Society;
import org.feedlab.simulator.User;
import org.feedlab.simulator.metrics.Measurement;
import org.feedlab.simulator.metrics.TickMetrics;

/**
 * A listener that shows each tick's measurements as Prometheus gauges, {@code
 * feedlab_<metric>{segment=...}}, and the tick as {@code feedlab_tick{segment="all"}}, and observes
 * every user's opinion into the histogram {@code feedlab_opinion{segment=...}} (the population and
 * each segment), so a live run can be charted while it goes.
 */
public final class PrometheusGauges implements SimulationRun.Listener {
    private final PrometheusEndpoint endpoint;

    public PrometheusGauges(PrometheusEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void ticked(SimulationRun.Tick tick) {
        for (Measurement m : tick.measurements()) {
            endpoint.set(m.metric(), m.segment(), m.value());
        }
        endpoint.set("tick", TickMetrics.POPULATION, tick.tick());
        opinionsBySegment(tick.society()).forEach(endpoint.meters()::observeOpinions);
    }

    /** Every user's opinion, for the population and for each segment. */
    static Map<String, double[]> opinionsBySegment(Society society) {
        Map<String, List<Double>> lists = new LinkedHashMap<>();
        lists.put(TickMetrics.POPULATION, new ArrayList<>());
        for (User u : society.users()) {
            lists.get(TickMetrics.POPULATION).add(u.ideology());
            lists.computeIfAbsent(u.segment(), k -> new ArrayList<>()).add(u.ideology());
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        lists.forEach(
                (segment, xs) ->
                        out.put(segment, xs.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }
}

package org.feedlab.lab.engine;

import org.feedlab.lab.metrics.PrometheusEndpoint;
import org.feedlab.simulator.metrics.Measurement;
import org.feedlab.simulator.metrics.TickMetrics;

/**
 * A listener that shows each tick's measurements as Prometheus gauges, {@code
 * feedlab_<metric>{segment=...}}, and the tick as {@code feedlab_tick{segment="all"}}, so a live
 * run can be charted while it goes.
 */
final class PrometheusGauges implements SimulationRun.Listener {
    private final PrometheusEndpoint endpoint;

    PrometheusGauges(PrometheusEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void ticked(SimulationRun.Tick tick) {
        for (Measurement m : tick.measurements()) {
            endpoint.set(m.metric(), m.segment(), m.value());
        }
        endpoint.set("tick", TickMetrics.POPULATION, tick.tick());
    }
}

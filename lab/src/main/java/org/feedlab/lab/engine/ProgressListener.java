package org.feedlab.lab.engine;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.simulator.metrics.Measurement;
import org.feedlab.simulator.metrics.TickMetrics;

/**
 * A listener that steps a progress bar once per tick and shows the population's active users and
 * outrage exposure beside it. Closing it closes the bar.
 */
final class ProgressListener implements SimulationRun.Listener, AutoCloseable {
    private final ProgressBar bar;

    ProgressListener(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar of the scenario's ticks on standard error, or drawn nowhere when {@code quiet}. */
    static ProgressListener console(Scenario s, boolean quiet) {
        PrintStream out = quiet ? new PrintStream(PrintStream.nullOutputStream()) : System.err;
        return new ProgressListener(
                new ProgressBarBuilder()
                        .setTaskName(s.name())
                        .setInitialMax(s.ticks())
                        .setUnit(" ticks", 1)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(250)
                        .continuousUpdate()
                        .setMaxRenderedLength(120)
                        .setConsumer(new ConsoleProgressBarConsumer(out))
                        .build());
    }

    @Override
    public void ticked(SimulationRun.Tick tick) {
        bar.step();
        bar.setExtraMessage(extra(tick.measurements()));
    }

    /**
     * The text beside the bar: the population's active users and outrage exposure share, in percent
     * with two decimals (hostile items are a few percent of what is read).
     */
    static String extra(List<Measurement> ms) {
        double active = Double.NaN;
        double outrage = Double.NaN;
        for (Measurement m : ms) {
            if (!m.segment().equals(TickMetrics.POPULATION)) {
                continue;
            }
            if (m.metric().equals("active_users")) {
                active = m.value();
            } else if (m.metric().equals("outrage_exposure_share")) {
                outrage = m.value();
            }
        }
        return String.format(Locale.ROOT, "users %.0f  outrage %.2f %%", active, 100 * outrage);
    }

    @Override
    public void close() {
        bar.close();
    }
}

package org.feedlab.lab.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.feedlab.lab.run.MetricRow;
import org.feedlab.lab.run.RunDirectory;
import org.feedlab.simulator.Society;
import org.feedlab.simulator.User;

/**
 * A listener that writes per-user state at chosen ticks ({@code --snapshot-ticks}) as {@code
 * snapshots/users-tick-T.csv}, so researchers can run their own analyses. Snapshot T is the state
 * after T ticks: 0 is the initial population, the scenario's tick count is the final state. Numbers
 * use the format of metrics.csv, so equal runs give equal bytes.
 */
final class UserSnapshots implements SimulationRun.Listener {
    static final String HEADER = "user_id,segment,ideology,thermometer,anger,satisfaction,active";

    private final RunDirectory dir;
    private final Set<Long> ticks;
    private final List<String> written = new ArrayList<>();

    UserSnapshots(RunDirectory dir, List<Long> ticks) {
        this.dir = dir;
        this.ticks = new TreeSet<>(ticks);
    }

    /** Relative name of the snapshot file of tick T. */
    static String fileName(long tick) {
        return "snapshots/users-tick-" + tick + ".csv";
    }

    @Override
    public void started(Society society) throws IOException {
        maybeWrite(0, society);
    }

    @Override
    public void ticked(SimulationRun.Tick tick) throws IOException {
        maybeWrite(tick.tick() + 1, tick.society());
    }

    /** Writes the snapshot of {@code afterTicks} ticks if it was asked for. */
    private void maybeWrite(long afterTicks, Society society) throws IOException {
        if (ticks.contains(afterTicks)) {
            dir.write(fileName(afterTicks), render(society).getBytes(StandardCharsets.UTF_8));
            written.add(fileName(afterTicks));
        }
    }

    /** Files written so far, in tick order. */
    List<String> written() {
        return List.copyOf(written);
    }

    /** The CSV text: header, then one line per user in id order. */
    static String render(Society society) {
        StringBuilder b = new StringBuilder(64 * (society.users().length + 1));
        b.append(HEADER).append('\n');
        for (User u : society.users()) {
            b.append(u.id())
                    .append(',')
                    .append(u.segment())
                    .append(',')
                    .append(MetricRow.formatValue(u.ideology()))
                    .append(',')
                    .append(MetricRow.formatValue(u.thermometer()))
                    .append(',')
                    .append(MetricRow.formatValue(u.anger()))
                    .append(',')
                    .append(MetricRow.formatValue(u.satisfaction()))
                    .append(',')
                    .append(u.active() ? 1 : 0)
                    .append('\n');
        }
        return b.toString();
    }
}

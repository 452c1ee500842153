package org.feedlab.lab.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.JsonSerde;
import org.feedlab.lab.run.RunDirectory;

/**
 * A listener that keeps the platform's feed audits and, when the run finishes, writes them as the
 * run's {@code feed-audit.jsonl}: one JSON {@link FeedAudit} per line, in tick then request order
 * (the audit topic's records in the stream engine). Without audits, no file is written.
 */
final class FeedAuditLog implements SimulationRun.Listener {
    /** The run directory's copy of the audit topic. */
    static final String FILE = "feed-audit.jsonl";

    private final RunDirectory dir;
    private final ByteArrayOutputStream lines = new ByteArrayOutputStream();
    private int count;

    FeedAuditLog(RunDirectory dir) {
        this.dir = dir;
    }

    @Override
    public void ticked(SimulationRun.Tick tick) {
        for (FeedAudit a : tick.audits()) {
            lines.writeBytes(JsonSerde.write(a));
            lines.write('\n');
            count++;
        }
    }

    @Override
    public void finished() throws IOException {
        if (count > 0) {
            dir.write(FILE, lines.toByteArray());
        }
    }

    /** Audited feeds so far: the lines of the file. */
    int count() {
        return count;
    }
}

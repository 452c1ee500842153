package org.feedlab.streams;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.feedlab.events.DeadLetter;
import org.feedlab.events.TickEnd;
import org.feedlab.streams.types.StreamTypes;

/**
 * Splits the source: readable records go on with their origin, dead letters to their side output,
 * tick-end markers stop here (they have already moved the watermark).
 */
public final class RouteInbound extends ProcessFunction<Inbound, Inbound> {
    public static final String UID = "route-inbound";
    public static final String NAME = "Route inbound records";
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", StreamTypes.DEAD_LETTER);

    @Override
    public void processElement(Inbound in, Context ctx, Collector<Inbound> out) {
        if (in.isDead()) {
            ctx.output(DEAD_LETTERS, in.deadLetter());
        } else if (!(in.record() instanceof TickEnd)) {
            out.collect(in);
        }
    }
}

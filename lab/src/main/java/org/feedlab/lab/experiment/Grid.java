package org.feedlab.lab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.feedlab.lab.scenario.ScenarioException;
import org.feedlab.lab.scenario.ScenarioLoader;

/** Expands arms × seeds into runs, each validated as a scenario of its own. */
public final class Grid {
    private Grid() {}

    /** Runs in arm order, then seed order; every scenario is checked before any runs. */
    public static List<PlannedRun> expand(ExperimentSpec spec, String sourceName)
            throws ScenarioException {
        List<PlannedRun> runs = new ArrayList<>();
        for (int a = 0; a < spec.arms().size(); a++) {
            Arm arm = spec.arms().get(a);
            for (long seed : spec.seeds()) {
                ObjectNode tree = spec.base().deepCopy();
                mergeInto(tree, arm.overrides());
                tree.put("seed", seed);
                tree.put("name", spec.name() + "-" + arm.name());
                String where = sourceName + " arms[" + a + "] (" + arm.name() + ")";
                runs.add(new PlannedRun(arm.name(), seed, ScenarioLoader.resolve(tree, where)));
            }
        }
        return runs;
    }

    /** Deep merge: objects merge key by key, anything else replaces. */
    static void mergeInto(ObjectNode target, JsonNode overrides) {
        Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode existing = target.get(f.getKey());
            if (existing instanceof ObjectNode obj && f.getValue().isObject()) {
                mergeInto(obj, f.getValue());
            } else {
                target.set(f.getKey(), f.getValue().deepCopy());
            }
        }
    }
}

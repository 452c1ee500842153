package org.feedlab.ranker.model;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a Tribuo model provenance tree into the dozen string entries a model-version record
 * carries: what was trained, with which configuration, on how much data.
 *
 * <p>Tribuo's tree also holds training and data timestamps, the host's Java version and OS; those
 * are left out so that the flattened provenance, like the weights, is a function of the inputs
 * alone. The full tree stays available on the Tribuo model itself.
 */
final class ProvenanceFlattener {

    /** Our key → path in Tribuo's tree (dotted), in the order a reader wants them. */
    private static final Map<String, String> SELECTED = new LinkedHashMap<>();

    static {
        SELECTED.put("model-version", "instance-values.model-version");
        SELECTED.put("warm-start", "instance-values.warm-start");
        SELECTED.put("model", "class-name");
        SELECTED.put("trainer", "trainer.class-name");
        SELECTED.put("trainer.objective", "trainer.objective.class-name");
        SELECTED.put("trainer.optimiser", "trainer.optimiser.class-name");
        SELECTED.put(
                "trainer.optimiser.initialLearningRate", "trainer.optimiser.initialLearningRate");
        SELECTED.put("trainer.optimiser.epsilon", "trainer.optimiser.epsilon");
        SELECTED.put("trainer.epochs", "trainer.epochs");
        SELECTED.put("trainer.minibatchSize", "trainer.minibatchSize");
        SELECTED.put("trainer.seed", "trainer.seed");
        SELECTED.put("trainer.shuffle", "trainer.shuffle");
        SELECTED.put("dataset.num-examples", "dataset.num-examples");
        SELECTED.put("dataset.num-features", "dataset.num-features");
        SELECTED.put("dataset.num-outputs", "dataset.num-outputs");
        SELECTED.put("tribuo-version", "tribuo-version");
    }

    private ProvenanceFlattener() {}

    /**
     * The selected entries of {@code root}; class names are shortened to simple names. Entries
     * missing from the tree are left out rather than invented.
     */
    static Map<String, String> flatten(ObjectProvenance root) {
        Map<String, String> all = new HashMap<>();
        walk("", root, all);
        Map<String, String> selected = new TreeMap<>();
        for (Map.Entry<String, String> e : SELECTED.entrySet()) {
            String value = all.get(e.getValue());
            if (value != null) {
                boolean className = e.getValue().endsWith("class-name");
                selected.put(e.getKey(), className ? simpleName(value) : value);
            }
        }
        return selected;
    }

    private static void walk(String prefix, Provenance node, Map<String, String> out) {
        if (node instanceof ObjectProvenance object) {
            for (Pair<String, Provenance> child : object) {
                walk(prefix + child.getA() + ".", child.getB(), out);
            }
        } else if (node instanceof ListProvenance<?> list) {
            int i = 0;
            for (Provenance child : list) {
                walk(prefix + i++ + ".", child, out);
            }
        } else if (node instanceof MapProvenance<?> map) {
            for (Pair<String, ? extends Provenance> child : map) {
                walk(prefix + child.getA() + ".", child.getB(), out);
            }
        } else if (node instanceof PrimitiveProvenance<?> primitive) {
            out.put(prefix.substring(0, prefix.length() - 1), String.valueOf(primitive.getValue()));
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}

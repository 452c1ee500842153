package org.feedlab.ranker.model;

import java.util.Map;
import org.tribuo.Model;

/** Public access to {@link ProvenanceFlattener} for trainers in sub-packages. */
public final class ProvenanceView {
    private ProvenanceView() {}

    /** The timestamp-free flattened provenance of a trained model. */
    public static Map<String, String> flatten(Model<?> model) {
        return ProvenanceFlattener.flatten(model.getProvenance());
    }
}

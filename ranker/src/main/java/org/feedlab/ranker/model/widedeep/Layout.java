package org.feedlab.ranker.model.widedeep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tribuo.ImmutableFeatureMap;

/**
 * Which of a Tribuo feature map's ids the deep part reads, and how: numeric inputs as they are,
 * one-hot categorical fields through an embedding. Derived from feature names alone, so training
 * and the compiled scorer agree: a name {@code field=k} is slot k of a one-hot field, a field whose
 * name starts with {@code cross.} is a cross (wide part only), any other name is numeric.
 *
 * @param features size of the feature map (the bias is id {@code features})
 * @param numericIds feature ids fed to the MLP as they are
 * @param fieldNames names of the embedded categorical fields
 * @param fieldIds per field, the feature ids of its slots (slot order = k order)
 */
record Layout(int features, int[] numericIds, String[] fieldNames, int[][] fieldIds)
        implements Serializable {

    /** Prefix of one-hot fields used by the wide part only. */
    static final String CROSS_PREFIX = "cross.";

    static Layout of(ImmutableFeatureMap featureMap) {
        List<Integer> numeric = new ArrayList<>();
        Map<String, Map<Integer, Integer>> fields = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int id = 0; id < featureMap.size(); id++) {
            names.add(featureMap.get(id).getName());
        }
        for (int id = 0; id < names.size(); id++) {
            String name = names.get(id);
            int eq = name.indexOf('=');
            if (eq < 0) {
                numeric.add(id);
            } else if (!name.startsWith(CROSS_PREFIX)) {
                String field = name.substring(0, eq);
                int k = Integer.parseInt(name.substring(eq + 1));
                fields.computeIfAbsent(field, f -> new TreeMap<>()).put(k, id);
            }
        }
        String[] fieldNames = fields.keySet().toArray(new String[0]);
        int[][] fieldIds = new int[fieldNames.length][];
        for (int f = 0; f < fieldNames.length; f++) {
            Map<Integer, Integer> slots = fields.get(fieldNames[f]);
            int card = 0;
            for (int k : slots.keySet()) {
                card = Math.max(card, k + 1);
            }
            int[] ids = new int[card];
            Arrays.fill(ids, -1);
            for (Map.Entry<Integer, Integer> e : slots.entrySet()) {
                ids[e.getKey()] = e.getValue();
            }
            fieldIds[f] = ids;
        }
        return new Layout(
                featureMap.size(),
                numeric.stream().mapToInt(Integer::intValue).toArray(),
                fieldNames,
                fieldIds);
    }

    /** Width of the MLP input: numeric inputs plus one embedding per field. */
    int deepInputs(int embeddingDim) {
        return numericIds.length + fieldIds.length * embeddingDim;
    }

    boolean sameAs(Layout other) {
        return other != null
                && features == other.features
                && Arrays.equals(numericIds, other.numericIds)
                && Arrays.equals(fieldNames, other.fieldNames)
                && Arrays.deepEquals(fieldIds, other.fieldIds);
    }
}

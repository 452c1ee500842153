package org.feedlab.ranker.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.feedlab.ranker.features.FeatureSpace;
import org.tribuo.Example;
import org.tribuo.ImmutableDataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableFeatureMap;
import org.tribuo.MutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Turns logged training examples into a Tribuo multi-label dataset over a chosen subset of the
 * feature vector (a telemetry mask drops the rest), with every head in the output domain.
 */
public final class Datasets {
    private static final MultiLabelFactory FACTORY = new MultiLabelFactory();

    /**
     * Suffix of a marker label: {@code h?} says head {@code h} was observed on the example (see
     * WideDeepTrainer).
     */
    public static final String OBSERVED_SUFFIX = "?";

    private Datasets() {}

    /**
     * @param examples the examples, in the order training will start from
     * @param featureNames names of the full vector's slots
     * @param columns the slots to use (ascending)
     * @param heads head names; head i is label bit i
     * @param markers whether to add, for each of {@link Heads#MASKED}, the marker label {@code h?}
     *     on examples where head {@code h} was observed; the survey marker is put in the output
     *     domain always, the return marker once an example carries it (any window of logs holds the
     *     end of a session)
     * @param description data source description, for provenance
     */
    public static ImmutableDataset<MultiLabel> multiLabel(
            List<TrainingExample> examples,
            List<String> featureNames,
            int[] columns,
            List<String> heads,
            boolean markers,
            String description) {
        String[] names = new String[columns.length];
        MutableFeatureMap allNames = new MutableFeatureMap();
        Set<String> hashedFields = new HashSet<>();
        for (int j = 0; j < columns.length; j++) {
            names[j] = featureNames.get(columns[j]);
            FeatureSpace.Field hashed = FeatureSpace.hashedField(names[j]);
            if (hashed == null) {
                allNames.add(names[j], 0.0);
            } else if (hashedFields.add(hashed.name())) {
                // A hashed field is known to models by its buckets, every one of them.
                for (int b = 0; b < FeatureSpace.ID_BUCKETS; b++) {
                    allNames.add(hashed.bucketName(b), 0.0);
                }
            }
        }
        // Examples carry their non-zero slots only (a candidate has about a quarter of the slots
        // set), which makes building and training several times faster; the feature map still
        // lists every column, so the model's shape does not depend on which slots a window used.
        List<Example<MultiLabel>> rows = new ArrayList<>(examples.size());
        MutableOutputInfo<MultiLabel> domain = FACTORY.generateInfo();
        domain.observe(labels(~0, heads, markers));
        for (int i = 0; i < examples.size(); i++) {
            TrainingExample e = examples.get(i);
            float[] x = e.features();
            if (x.length != featureNames.size()) {
                throw new IllegalArgumentException(
                        "example "
                                + i
                                + " has "
                                + x.length
                                + " features, expected "
                                + featureNames.size());
            }
            MultiLabel label = labels(e.labels(), heads, markers);
            domain.observe(label);
            rows.add(example(label, x, 0, names, columns, "example " + i));
        }
        return new ImmutableDataset<>(
                rows,
                new SimpleDataSourceProvenance(description, FACTORY),
                FACTORY,
                new ImmutableFeatureMap(allNames),
                domain.generateImmutableOutputInfo(),
                false);
    }

    /**
     * One dense row as a Tribuo example of its non-zero slots: a value slot under its name, a
     * hashed slot (1 + bucket) as its bucket {@code field=bucket} worth 1; slots of one hashed
     * field that fall in the same bucket add up (sum pooling).
     *
     * @param x the row is {@code x[offset + column]}
     * @param names names of the given columns
     * @param columns the slots to use
     * @param what how an error names the row
     * @throws IllegalArgumentException on a non-finite value or a bucket out of range
     */
    public static ArrayExample<MultiLabel> example(
            MultiLabel label, float[] x, int offset, String[] names, int[] columns, String what) {
        String[] nz = new String[columns.length];
        double[] nzValues = new double[columns.length];
        int n = 0;
        for (int j = 0; j < columns.length; j++) {
            float v = x[offset + columns[j]];
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException(what + " feature " + names[j] + " is " + v);
            }
            if (v == 0f) {
                continue;
            }
            FeatureSpace.Field hashed = FeatureSpace.hashedField(names[j]);
            if (hashed == null) {
                nz[n] = names[j];
                nzValues[n++] = v;
                continue;
            }
            int bucket = (int) v - 1;
            if (bucket < 0 || bucket >= FeatureSpace.ID_BUCKETS || bucket + 1 != v) {
                throw new IllegalArgumentException(
                        what + " hashed slot " + names[j] + " holds " + v + ", not 1 + a bucket");
            }
            String name = hashed.bucketName(bucket);
            int at = -1;
            for (int k = 0; k < n; k++) {
                if (nz[k].equals(name)) {
                    at = k;
                    break;
                }
            }
            if (at >= 0) {
                nzValues[at] += 1.0;
            } else {
                nz[n] = name;
                nzValues[n++] = 1.0;
            }
        }
        if (n == 0) {
            // Tribuo refuses an example without features: keep one explicit zero.
            FeatureSpace.Field hashed = FeatureSpace.hashedField(names[0]);
            nz[0] = hashed == null ? names[0] : hashed.bucketName(0);
            nzValues[0] = 0.0;
            n = 1;
        }
        return new ArrayExample<>(label, Arrays.copyOf(nz, n), Arrays.copyOf(nzValues, n));
    }

    /** The label set of a bit set (plus the markers of the observed masked heads, when wanted). */
    public static MultiLabel labels(int bits, List<String> heads, boolean markers) {
        Set<Label> set = new HashSet<>();
        for (int h = 0; h < heads.size(); h++) {
            if ((bits >>> h & 1) != 0) {
                set.add(new Label(heads.get(h)));
            }
        }
        for (int h : Heads.MASKED) {
            if (markers && Heads.observed(bits, h)) {
                set.add(new Label(Heads.names().get(h) + OBSERVED_SUFFIX));
            }
        }
        return new MultiLabel(set);
    }

    /** Every column index from 0 to n − 1. */
    public static int[] allColumns(int n) {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = i;
        }
        return c;
    }
}

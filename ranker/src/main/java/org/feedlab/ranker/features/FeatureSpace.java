package org.feedlab.ranker.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout of the dense feature vector as named fields, so that models know which slots form a
 * categorical field (embedded by the deep part), which are crosses (wide part only) and which group
 * each slot belongs to (so a policy can withhold it).
 *
 * <p>Order: the numeric {@link Feature}s at their ordinals, then the one-hot fields, then the
 * crosses. The layout is fixed (topics are folded into {@link #TOPIC_SLOTS} slots, the scenario
 * maximum), so every model and every scorer agrees on it without configuration.
 */
public final class FeatureSpace {
    /** One-hot slots for the post topic; the scenario schema allows at most this many topics. */
    public static final int TOPIC_SLOTS = 64;

    /**
     * Buckets of every hashed id field: ids are hashed into this many buckets (the hashing trick,
     * Weinberger et al. 2009), each with its own wide weight and deep embedding.
     */
    public static final int ID_BUCKETS = 4096;

    /** Length of the recent interaction sequence: the last items the user acted on. */
    public static final int HISTORY = 10;

    /** How models use a field. */
    public enum Kind {
        /** A real-valued slot, used by the wide part and fed as-is to the deep part. */
        NUMERIC,
        /** A one-hot categorical field: wide weights plus a deep embedding. */
        CATEGORICAL,
        /** A one-hot cross of two categorical fields: wide part only (memorisation). */
        CROSS,
        /**
         * Hashed ids: each slot holds 1 + a bucket in [0, {@link #ID_BUCKETS}), or 0 when absent.
         * Models see the slot as the one-hot {@code field=bucket} (wide weight plus deep
         * embedding); a field of several slots (the history's authors) sums their one-hots (sum
         * pooling).
         */
        HASHED
    }

    /**
     * A named run of slots.
     *
     * @param name field name; slot names are {@code name} or {@code name=k}
     * @param group the telemetry group it belongs to
     * @param kind how models use it
     * @param offset first slot
     * @param width number of slots
     */
    public record Field(String name, Feature.Group group, Kind kind, int offset, int width) {
        /** Name of the k-th slot of this field. */
        public String slotName(int k) {
            if (kind == Kind.HASHED) {
                return width == 1 ? name : name + "." + k;
            }
            return width == 1 && kind == Kind.NUMERIC ? name : name + "=" + k;
        }

        /** Name of a bucket of a hashed field, as models know it: {@code name=bucket}. */
        public String bucketName(int bucket) {
            return name + "=" + bucket;
        }
    }

    public static final Field POST_TOPIC;
    public static final Field POST_STANCE_BUCKET;
    public static final Field POST_OUTRAGE_BUCKET;
    public static final Field USER_LEANING_BUCKET;
    public static final Field LEANING_X_STANCE;
    public static final Field TOPIC_MATCH;
    public static final Field OUTRAGE_X_RATE;
    public static final Field USER_ID;
    public static final Field AUTHOR_ID;
    public static final Field HISTORY_AUTHORS;
    public static final Field HISTORY_TOPICS;

    private static final List<Field> FIELDS;
    private static final List<String> NAMES;
    private static final Feature.Group[] SLOT_GROUP;
    private static final Kind[] SLOT_KIND;
    private static final int WIDTH;
    private static final Field[] SLOT_FIELD;
    private static final Map<String, Field> HASHED_BY_SLOT_NAME;

    static {
        List<Field> fields = new ArrayList<>();
        int offset = 0;
        for (Feature f : Feature.values()) {
            fields.add(new Field(f.featureName(), f.group(), Kind.NUMERIC, offset++, 1));
        }
        POST_TOPIC =
                add(fields, "post.topic", Feature.Group.POST_TOPIC, Kind.CATEGORICAL, TOPIC_SLOTS);
        POST_STANCE_BUCKET =
                add(
                        fields,
                        "post.stance_bucket",
                        Feature.Group.POST_STANCE_BUCKET,
                        Kind.CATEGORICAL,
                        Buckets.STANCE);
        POST_OUTRAGE_BUCKET =
                add(
                        fields,
                        "post.outrage_bucket",
                        Feature.Group.POST_OUTRAGE_BUCKET,
                        Kind.CATEGORICAL,
                        Buckets.OUTRAGE);
        USER_LEANING_BUCKET =
                add(
                        fields,
                        "user.leaning_bucket",
                        Feature.Group.USER_LEANING_BUCKET,
                        Kind.CATEGORICAL,
                        Buckets.STANCE);
        LEANING_X_STANCE =
                add(
                        fields,
                        "cross.leaning_x_stance",
                        Feature.Group.LEANING_X_STANCE,
                        Kind.CROSS,
                        Buckets.STANCE * Buckets.STANCE);
        TOPIC_MATCH =
                add(fields, "cross.top_topic_match", Feature.Group.TOPIC_MATCH, Kind.NUMERIC, 1);
        OUTRAGE_X_RATE =
                add(
                        fields,
                        "cross.outrage_bucket_x_rate",
                        Feature.Group.OUTRAGE_X_RATE,
                        Kind.NUMERIC,
                        Buckets.OUTRAGE);
        USER_ID = add(fields, "id.user", Feature.Group.USER_ID, Kind.HASHED, 1);
        AUTHOR_ID = add(fields, "id.author", Feature.Group.AUTHOR_ID, Kind.HASHED, 1);
        HISTORY_AUTHORS =
                add(fields, "hist.author", Feature.Group.USER_HISTORY, Kind.HASHED, HISTORY);
        HISTORY_TOPICS =
                add(
                        fields,
                        "hist.topic",
                        Feature.Group.USER_HISTORY,
                        Kind.CATEGORICAL,
                        TOPIC_SLOTS);
        FIELDS = Collections.unmodifiableList(fields);
        Field last = fields.get(fields.size() - 1);
        WIDTH = last.offset() + last.width();
        List<String> names = new ArrayList<>(WIDTH);
        SLOT_GROUP = new Feature.Group[WIDTH];
        SLOT_KIND = new Kind[WIDTH];
        SLOT_FIELD = new Field[WIDTH];
        Map<String, Field> hashed = new HashMap<>();
        for (Field f : fields) {
            for (int k = 0; k < f.width(); k++) {
                names.add(f.slotName(k));
                SLOT_GROUP[f.offset() + k] = f.group();
                SLOT_KIND[f.offset() + k] = f.kind();
                SLOT_FIELD[f.offset() + k] = f;
                if (f.kind() == Kind.HASHED) {
                    hashed.put(f.slotName(k), f);
                }
            }
        }
        HASHED_BY_SLOT_NAME = Map.copyOf(hashed);
        NAMES = Collections.unmodifiableList(names);
    }

    private FeatureSpace() {}

    private static Field add(
            List<Field> fields, String name, Feature.Group group, Kind kind, int width) {
        Field last = fields.get(fields.size() - 1);
        Field f = new Field(name, group, kind, last.offset() + last.width(), width);
        fields.add(f);
        return f;
    }

    /** Vector length. */
    public static int width() {
        return WIDTH;
    }

    /** Slot names in vector order (the names Tribuo's feature map holds). */
    public static List<String> names() {
        return NAMES;
    }

    /** Every field in vector order. */
    public static List<Field> fields() {
        return FIELDS;
    }

    /** The one-hot categorical fields, which the deep part embeds. */
    public static List<Field> categoricalFields() {
        List<Field> out = new ArrayList<>();
        for (Field f : FIELDS) {
            if (f.kind() == Kind.CATEGORICAL) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * The slots whose group is {@linkplain Feature.Group#userSide() user-side}, ascending: equal in
     * every candidate row of one request.
     */
    public static int[] userSideSlots() {
        int count = 0;
        for (int s = 0; s < WIDTH; s++) {
            count += SLOT_GROUP[s].userSide() ? 1 : 0;
        }
        int[] slots = new int[count];
        int k = 0;
        for (int s = 0; s < WIDTH; s++) {
            if (SLOT_GROUP[s].userSide()) {
                slots[k++] = s;
            }
        }
        return slots;
    }

    /**
     * The hashed field a slot name belongs to, or null when the name is not a hashed slot: how
     * datasets and compiled models tell a bucket-holding slot from a value-holding one.
     */
    public static Field hashedField(String slotName) {
        return HASHED_BY_SLOT_NAME.get(slotName);
    }

    /**
     * The bucket of an id in a hashed field: a SplitMix64 finaliser of (field, id), so each field
     * spreads ids differently and equal runs give equal buckets.
     */
    public static int bucket(Field field, long id) {
        long z = id * 0x9E3779B97F4A7C15L + field.offset();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (int) Math.floorMod(z, (long) ID_BUCKETS);
    }

    /** The field a slot belongs to. */
    public static Field field(int slot) {
        return SLOT_FIELD[slot];
    }

    /** Group of a slot. */
    public static Feature.Group group(int slot) {
        return SLOT_GROUP[slot];
    }

    /** Kind of a slot. */
    public static Kind kind(int slot) {
        return SLOT_KIND[slot];
    }
}

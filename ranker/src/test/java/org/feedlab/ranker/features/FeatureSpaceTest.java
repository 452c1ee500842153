package org.feedlab.ranker.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The vector's layout (fields, slot names, groups, kinds, hashing) and the telemetry mask. */
class FeatureSpaceTest {

    @Test
    void fieldsFollowEachOtherInVectorOrder() {
        int numeric = Feature.values().length;
        assertEquals(numeric, FeatureSpace.POST_TOPIC.offset());
        assertEquals(
                List.of(
                        FeatureSpace.POST_TOPIC,
                        FeatureSpace.POST_STANCE_BUCKET,
                        FeatureSpace.POST_OUTRAGE_BUCKET,
                        FeatureSpace.USER_LEANING_BUCKET,
                        FeatureSpace.LEANING_X_STANCE,
                        FeatureSpace.TOPIC_MATCH,
                        FeatureSpace.OUTRAGE_X_RATE,
                        FeatureSpace.USER_ID,
                        FeatureSpace.AUTHOR_ID,
                        FeatureSpace.HISTORY_AUTHORS,
                        FeatureSpace.HISTORY_TOPICS),
                FeatureSpace.fields().subList(numeric, FeatureSpace.fields().size()));
        int[] widths = {64, 5, 3, 5, 25, 1, 3, 1, 1, 10, 64};
        int offset = numeric;
        for (int i = 0; i < widths.length; i++) {
            FeatureSpace.Field f = FeatureSpace.fields().get(numeric + i);
            assertEquals(offset, f.offset(), f.name());
            assertEquals(widths[i], f.width(), f.name());
            offset += widths[i];
        }
        assertEquals(offset, FeatureSpace.width());
        assertEquals(offset, Feature.count());
        assertEquals(offset, FeatureSpace.names().size());
    }

    @Test
    void slotsKnowTheirNameFieldGroupAndKind() {
        List<String> names = FeatureSpace.names();
        int topic = FeatureSpace.POST_TOPIC.offset();
        assertEquals("post.topic=0", names.get(topic));
        assertEquals("post.topic=63", names.get(topic + 63));
        assertEquals(
                "cross.leaning_x_stance=24",
                names.get(FeatureSpace.LEANING_X_STANCE.offset() + 24));
        // A numeric field of one slot is named as the field; of several, by index.
        assertEquals("cross.top_topic_match", names.get(FeatureSpace.TOPIC_MATCH.offset()));
        assertEquals(
                "cross.outrage_bucket_x_rate=2",
                names.get(FeatureSpace.OUTRAGE_X_RATE.offset() + 2));
        // Hashed slots: the field's name, or name.k for a sequence.
        assertEquals("id.user", names.get(FeatureSpace.USER_ID.offset()));
        assertEquals("hist.author.9", names.get(FeatureSpace.HISTORY_AUTHORS.offset() + 9));
        assertEquals("hist.author=17", FeatureSpace.HISTORY_AUTHORS.bucketName(17));
        assertEquals("post.age_ticks", names.get(Feature.AGE.ordinal()));

        int slot = FeatureSpace.HISTORY_AUTHORS.offset() + 3;
        assertSame(FeatureSpace.HISTORY_AUTHORS, FeatureSpace.field(slot));
        assertEquals(Feature.Group.USER_HISTORY, FeatureSpace.group(slot));
        assertEquals(FeatureSpace.Kind.HASHED, FeatureSpace.kind(slot));
        assertEquals(FeatureSpace.Kind.CATEGORICAL, FeatureSpace.kind(topic + 5));
        assertEquals(
                FeatureSpace.Kind.CROSS, FeatureSpace.kind(FeatureSpace.LEANING_X_STANCE.offset()));
        assertEquals(FeatureSpace.Kind.NUMERIC, FeatureSpace.kind(Feature.AGE.ordinal()));
        assertEquals(Feature.Group.POST_TOPIC, FeatureSpace.group(topic + 63));
        assertEquals(Feature.Group.SESSION, FeatureSpace.group(Feature.SESSION_OUTRAGE.ordinal()));
        assertSame(FeatureSpace.POST_TOPIC, FeatureSpace.field(topic));

        assertEquals(
                List.of(
                        FeatureSpace.POST_TOPIC,
                        FeatureSpace.POST_STANCE_BUCKET,
                        FeatureSpace.POST_OUTRAGE_BUCKET,
                        FeatureSpace.USER_LEANING_BUCKET,
                        FeatureSpace.HISTORY_TOPICS),
                FeatureSpace.categoricalFields());

        assertSame(FeatureSpace.USER_ID, FeatureSpace.hashedField("id.user"));
        assertSame(FeatureSpace.AUTHOR_ID, FeatureSpace.hashedField("id.author"));
        assertSame(FeatureSpace.HISTORY_AUTHORS, FeatureSpace.hashedField("hist.author.0"));
        assertNull(FeatureSpace.hashedField("hist.author=0"));
        assertNull(FeatureSpace.hashedField("post.topic=0"));
    }

    @Test
    void idsHashIntoEveryBucketRangeDifferentlyPerField() {
        // The SplitMix64 finaliser of id · golden ratio + the field's offset, modulo the buckets.
        long id = 12345;
        long z = id * 0x9E3779B97F4A7C15L + FeatureSpace.USER_ID.offset();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        assertEquals((int) Math.floorMod(z, 4096L), FeatureSpace.bucket(FeatureSpace.USER_ID, id));
        int[] count = new int[FeatureSpace.ID_BUCKETS];
        int same = 0;
        for (long i = -2000; i < 40000; i++) {
            int b = FeatureSpace.bucket(FeatureSpace.USER_ID, i);
            assertTrue(b >= 0 && b < FeatureSpace.ID_BUCKETS);
            count[b]++;
            same += b == FeatureSpace.bucket(FeatureSpace.AUTHOR_ID, i) ? 1 : 0;
        }
        // Every bucket used, none more than three times its share; fields disagree.
        assertTrue(Arrays.stream(count).min().getAsInt() > 0);
        assertTrue(Arrays.stream(count).max().getAsInt() < 3 * 42000 / 4096);
        assertTrue(same < 100, "same bucket in both fields for " + same + " ids");
    }

    @Test
    void groupsParseFromScenarioNames() {
        assertEquals(Feature.Group.USER_X_POST, Feature.Group.parse(" user-x-post "));
        assertEquals(Feature.Group.AUTHOR_ID, Feature.Group.parse("Author_Id"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Feature.Group.parse("users"));
        assertEquals(
                "unknown feature group 'users', expected one of " + Feature.Group.names(),
                e.getMessage());
        assertEquals(Feature.Group.CROSS_GROUPS, Feature.Group.parseAll(" Crosses"));
        assertEquals(List.of(Feature.Group.SESSION), Feature.Group.parseAll("session"));
        assertEquals(List.of(Feature.Group.USER_ID), Feature.Group.parseAll("user_id"));
        List<String> names = Feature.Group.names();
        assertEquals(Feature.Group.values().length + 1, names.size());
        assertEquals("post", names.get(0));
        assertEquals("user_history", names.get(Feature.Group.USER_HISTORY.ordinal()));
        assertEquals("crosses", names.get(names.size() - 1));
        assertTrue(Feature.Group.USER.userSide());
        assertFalse(Feature.Group.POST.userSide());
    }

    @Test
    void aMaskZeroesAndHidesTheWithheldGroups() {
        FeatureMask mask = FeatureMask.ofNames(List.of("user-id", "crosses"));
        Set<Feature.Group> withheld = EnumSet.of(Feature.Group.USER_ID);
        withheld.addAll(Feature.Group.CROSS_GROUPS);
        assertEquals(withheld, mask.withheld());
        int w = FeatureSpace.width();
        int user = FeatureSpace.USER_ID.offset();
        int cross = Feature.SAME_SIDE.ordinal();
        int kept = Feature.AGE.ordinal();
        assertFalse(mask.keeps(user));
        assertFalse(mask.keeps(cross));
        assertFalse(mask.keeps(FeatureSpace.LEANING_X_STANCE.offset() + 3));
        assertTrue(mask.keeps(kept));
        int withheldSlots = 1 + 7 + 1 + 25 + 1 + 3;
        assertEquals(w - withheldSlots, mask.names().size());
        assertFalse(mask.names().contains("id.user"));
        assertTrue(mask.names().contains("id.author"));
        assertEquals(FeatureSpace.names().get(0), mask.names().get(0));
        float[] xs = new float[2 * w];
        Arrays.fill(xs, 3f);
        mask.apply(xs, 2);
        for (int row = 0; row < 2; row++) {
            for (int j = 0; j < w; j++) {
                assertEquals(mask.keeps(j) ? 3f : 0f, xs[row * w + j], "row " + row + " slot " + j);
            }
        }
        // Only the given rows.
        float[] three = new float[3 * w];
        Arrays.fill(three, 3f);
        mask.apply(three, 2);
        assertEquals(3f, three[2 * w + user]);

        assertSame(FeatureMask.NONE, FeatureMask.ofNames(null));
        assertSame(FeatureMask.NONE, FeatureMask.ofNames(List.of()));
        assertTrue(FeatureMask.NONE.withheld().isEmpty());
        assertEquals(FeatureSpace.names(), FeatureMask.NONE.names());
        FeatureMask empty = new FeatureMask(List.of());
        assertEquals(FeatureSpace.names(), empty.names());
        float[] untouched = new float[w];
        Arrays.fill(untouched, 3f);
        empty.apply(untouched, 1);
        float[] threes = new float[w];
        Arrays.fill(threes, 3f);
        assertArrayEquals(threes, untouched);
        assertThrows(UnsupportedOperationException.class, () -> mask.names().add("x"));
        assertThrows(
                UnsupportedOperationException.class, () -> mask.withheld().add(Feature.Group.POST));
    }
}

package org.feedlab.streams.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedItem;
import org.feedlab.events.FeedKind;
import org.feedlab.events.Impression;
import org.feedlab.events.JsonSerde;
import org.junit.jupiter.api.Test;

/**
 * The wire form of records ({@link JsonSerde#writeWire}): the text of a double may differ from
 * {@link JsonSerde#write}'s, the record read back never does.
 */
class WireJsonTest {

    private static Feed feed(double[] values) {
        List<FeedItem> items = new ArrayList<>();
        for (int i = 0; i + 3 <= values.length; i += 3) {
            items.add(
                    new FeedItem(
                            100 + i,
                            values[i],
                            new double[] {values[i + 1], values[i + 2]},
                            i % 2 == 0));
        }
        return Feed.of(7, 3, 2, 1, FeedKind.RANKED, "engagement", items, true, new long[] {5, 9});
    }

    @Test
    void aDoubleIsWrittenAsItsShortestDecimalWhereJava17WritesMoreDigits() throws Exception {
        // Java 17's Double.toString writes 2e23 with 17 digits; the shortest decimal is 2.0E23.
        assertEquals("1.9999999999999998E23", Double.toString(2e23));
        Feed f = feed(new double[] {2e23, 0.25, 0.1});
        String plain = new String(JsonSerde.write(f), StandardCharsets.UTF_8);
        String wire = new String(JsonSerde.writeWire(f), StandardCharsets.UTF_8);
        assertEquals(plain.replace("1.9999999999999998E23", "2.0E23"), wire);
        assertNotEquals(plain, wire);
        // Read back, the wire text is the same record: the same bytes through write.
        assertArrayEquals(JsonSerde.write(f), JsonSerde.write(JsonSerde.read(wire.getBytes())));
    }

    @Test
    void everyDoubleReadsBackBitForBit() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        double[] values = new double[30_000];
        for (int i = 0; i < values.length; i++) {
            double d;
            switch (i % 3) {
                case 0 -> d = random.nextDouble(); // a probability
                case 1 -> d = random.nextDouble() * Math.pow(10, random.nextInt(-30, 30));
                default -> {
                    do { // any finite double, subnormals included
                        d = Double.longBitsToDouble(random.nextLong());
                    } while (!Double.isFinite(d));
                }
            }
            values[i] = d;
        }
        values[0] = -0.0;
        values[1] = Double.MIN_VALUE;
        values[2] = Double.MAX_VALUE;
        Feed f = feed(values);
        Feed back = (Feed) JsonSerde.read(JsonSerde.writeWire(f));
        int k = 0;
        for (FeedItem item : back.items()) {
            assertEquals(
                    Double.doubleToRawLongBits(values[k]),
                    Double.doubleToRawLongBits(item.score()));
            assertEquals(
                    Double.doubleToRawLongBits(values[k + 1]),
                    Double.doubleToRawLongBits(item.predictions()[0]));
            assertEquals(
                    Double.doubleToRawLongBits(values[k + 2]),
                    Double.doubleToRawLongBits(item.predictions()[1]));
            k += 3;
        }
        assertEquals(values.length, k);
        assertArrayEquals(JsonSerde.write(f), JsonSerde.write(back));
    }

    @Test
    void flinksSerializersCarryTheWireFormAndGiveTheSameRecordBack() throws Exception {
        Feed f = feed(new double[] {2e23, 0.30000000000000004, 1e-7, 0.5, 1.0 / 3, 9e-310});
        DataOutputSerializer out = new DataOutputSerializer(256);
        FeedSerializer.INSTANCE.serialize(f, out);
        Feed back =
                FeedSerializer.INSTANCE.deserialize(
                        new DataInputDeserializer(out.getCopyOfBuffer()));
        assertArrayEquals(JsonSerde.write(f), JsonSerde.write(back));
        String onWire = new String(out.getCopyOfBuffer(), StandardCharsets.UTF_8);
        assertEquals(true, onWire.contains("2.0E23"), onWire);

        Impression i = Impression.of(7, 3, 11, 2, 0, 1, 1, 12.300000000000001, -1, 4);
        out.clear();
        PlatformRecordSerializer.INSTANCE.serialize(i, out);
        Impression read =
                (Impression)
                        PlatformRecordSerializer.INSTANCE.deserialize(
                                new DataInputDeserializer(out.getCopyOfBuffer()));
        assertEquals(i, read);
        assertArrayEquals(JsonSerde.write(i), JsonSerde.write(read));
    }
}

package org.feedlab.lab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fixed number format of metrics.csv: same bytes for the same double, on any machine. */
class MetricRowTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1.0 | 1",
                "2000 | 2000",
                "-3 | -3",
                "-0.0 | 0",
                "0.0 | 0",
                // Ten significant digits, trailing zeros stripped: 0.1234567890 prints as
                // 0.123456789.
                "0.1234567890123 | 0.123456789",
                "0.1234567891789 | 0.1234567892",
                "-0.5 | -0.5",
                "0.1 | 0.1",
                "1234.5 | 1234.5",
                "3.141592653589793 | 3.141592654",
                "1e-9 | 1E-9",
                "2.5e-7 | 0.00000025",
                "1.5e15 | 1500000000000000",
                "1e22 | 1E+22",
                "NaN | NaN",
                "Infinity | Infinity",
                "-Infinity | -Infinity",
            })
    void formatsValuesWithAFixedFormat(double value, String expected) {
        assertEquals(expected, MetricRow.formatValue(value));
    }

    @Test
    void defaultLocaleDoesNotChangeTheOutput() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("1234.5", MetricRow.formatValue(1234.5));
            assertEquals("-0.5", MetricRow.formatValue(-0.5));
            assertEquals("0.123456789", MetricRow.formatValue(0.1234567890123));
            assertEquals("12000000", MetricRow.formatValue(12_000_000.0));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void formattedValuesReadBackWithinTenSignificantDigits() {
        SplittableRandom random = new SplittableRandom(20_240_601L);
        for (int i = 0; i < 10_000; i++) {
            double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-12, 14));
            double readBack = Double.parseDouble(MetricRow.formatValue(value));
            assertTrue(
                    Math.abs(readBack - value) <= Math.abs(value) * 5e-10,
                    () -> value + " read back as " + readBack);
        }
    }

    @Test
    void csvLineQuotesOnlyWhereNeeded() {
        assertEquals(
                "3,active_users,all,2000",
                new MetricRow(3, "active_users", "all", 2000).toCsvLine());
        assertEquals(
                "0,satisfaction_mean,\"left,young\",0.25",
                new MetricRow(0, "satisfaction_mean", "left,young", 0.25).toCsvLine());
        assertEquals(
                "0,m,\"say \"\"hi\"\"\",NaN",
                new MetricRow(0, "m", "say \"hi\"", Double.NaN).toCsvLine());
    }
}

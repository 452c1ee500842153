package org.feedlab.lab.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir Path dir;

    @Test
    void chartsEachMetricAndListsLastValues() throws IOException {
        Files.writeString(
                dir.resolve("metrics.csv"),
                """
                tick,metric,segment,value
                0,outrage_exposure_share,all,0.2
                1,outrage_exposure_share,all,0.5
                0,outrage_exposure_share,young,0.25
                1,outrage_exposure_share,young,0.75
                0,items_read,all,100
                1,items_read,all,NaN
                """);
        Files.writeString(
                dir.resolve("manifest.json"),
                """
                {"seed": 9, "engine": "direct", "scenario": {"name": "demo", "description": "A <test> run",
                 "ticks": 2, "society": {"users": 10}, "ranker": {"objective": "engagement"}},
                 "model_versions": []}
                """);
        Path out = ReportWriter.write(dir);
        String html = Files.readString(out);
        assertEquals(
                2,
                html.split("class=\"chart\"", -1).length - 1,
                "one chart per charted metric present");
        // The charting library is inline: the file opens offline.
        assertTrue(html.contains("uPlot") && html.contains("FeedLabCharts.lineChart"));
        assertTrue(!html.contains("src=\"http") && !html.contains("href=\"http"), "no network");
        assertTrue(html.contains("A &lt;test&gt; run"), "text is escaped");
        assertTrue(
                html.contains(
                        "<td>outrage_exposure_share</td><td>young</td><td class=\"num\">0.75</td>"));
        assertTrue(html.contains("<td>items_read</td><td>all</td><td class=\"num\">NaN</td>"));
        // Both segments are drawn, counts on an axis that starts at zero.
        assertTrue(html.contains("\"label\":\"young\"") && html.contains("\"label\":\"all\""));
        assertTrue(html.contains("\"title\":\"items_read\",\"kind\":\"count\""), html);
        // The same run gives the same bytes.
        byte[] first = Files.readAllBytes(out);
        assertArrayEquals(first, Files.readAllBytes(ReportWriter.write(dir)));
    }

    @Test
    void refusesADirectoryWithoutMetrics() {
        IOException e = assertThrows(IOException.class, () -> ReportWriter.write(dir));
        assertTrue(
                e.getMessage().contains("metrics.csv") && e.getMessage().contains("results.csv"),
                e.getMessage());
    }
}

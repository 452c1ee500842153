package org.feedlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineTest {
    @Test
    void cpuModelIsTheFirstModelNameOfCpuinfo(@TempDir Path dir) throws IOException {
        Path cpuinfo = dir.resolve("cpuinfo");
        Files.writeString(
                cpuinfo,
                "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel\t\t: 207\n"
                        + "model name\t: Intel(R) Xeon(R) Processor\n\nprocessor\t: 1\n"
                        + "model name\t: Other\n");
        assertEquals("Intel(R) Xeon(R) Processor", Machine.cpuModel(cpuinfo));
        assertEquals("unknown CPU", Machine.cpuModel(dir.resolve("missing")));
    }

    @Test
    void printsProcessorsModelAndLoad() {
        assertEquals(
                "2 processors, Intel(R) Xeon(R) Processor, load average 6.65 (1 min)",
                new Machine(2, "Intel(R) Xeon(R) Processor", 6.654).toString());
        assertEquals("n/a", new Machine(2, "x", -1.0).load());
    }
}

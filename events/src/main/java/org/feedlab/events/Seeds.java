package org.feedlab.events;

import java.util.SplittableRandom;

/**
 * Derives every random generator of a run from (run seed, entity, tick, purpose), so a draw never
 * depends on thread scheduling, Flink parallelism or the order in which entities are visited.
 */
public final class Seeds {
    private Seeds() {}

    /** A generator for one purpose of one entity in one tick. */
    public static SplittableRandom derive(long runSeed, long entity, long tick, String purpose) {
        return new SplittableRandom(mix(runSeed, entity, tick, purpose));
    }

    /** The 64-bit seed behind {@link #derive}. */
    public static long mix(long runSeed, long entity, long tick, String purpose) {
        long h = stafford(runSeed ^ 0x9E3779B97F4A7C15L);
        h = stafford(h ^ entity);
        h = stafford(h ^ (tick * 0xC2B2AE3D27D4EB4FL));
        // String.hashCode is specified by the language, so it is stable across JVMs.
        return stafford(h ^ purpose.hashCode());
    }

    /** Stafford's variant 13 of the SplitMix64 finalizer: a cheap, well-mixing bijection. */
    private static long stafford(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A standard normal draw (Box–Muller; uses two uniforms). */
    public static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}

/**
 * Benchmarks that need the society: {@code feedlab bench scale} ({@link
 * org.feedlab.lab.bench.ScaleBench}), user-steps per second of the direct engine at population
 * scale and the heap it needed ({@link org.feedlab.lab.bench.HeapWatch}). The ranker's own
 * benchmarks live in the bench module, which does not see the society.
 */
package org.feedlab.lab.bench;

/**
 * Benchmarks of the ranker. The whole request path ({@code feedlab bench ranker}, {@link
 * org.feedlab.bench.RequestPath}): one user's request served by the platform's serving step at 300
 * and 1,000 candidates, timed request by request in an HdrHistogram ({@link
 * org.feedlab.bench.PathLatency}) and by JMH with its stages alone ({@link
 * org.feedlab.bench.RequestPathBenchmark}), the forward pass alone, and this machine's arithmetic
 * bound ({@link org.feedlab.bench.GemmBenchmark}). The model comparison of {@code feedlab bench
 * models} ({@link org.feedlab.bench.ModelComparison}): wide&amp;deep against Tribuo's linear and
 * factorization-machine models on the same logs.
 */
package org.feedlab.bench;

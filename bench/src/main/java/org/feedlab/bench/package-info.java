/**
 * Benchmarks of the ranker. JMH benchmarks of the serving path ({@code feedlab bench ranker}):
 * candidates scored per second per core by the default compiled model, the latency of a
 * 500-candidate request, and this machine's arithmetic bound. The model comparison of {@code
 * feedlab bench models} ({@link org.feedlab.bench.ModelComparison}): wide&amp;deep against Tribuo's
 * linear and factorization-machine models on the same logs.
 */
package org.feedlab.bench;

/**
 * JMH benchmarks of the serving path: candidates scored per second per core by the default compiled
 * model, the latency of a 500-candidate request, and this machine's arithmetic bound.
 */
package org.feedlab.bench;

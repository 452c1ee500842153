/**
 * Online training: the platform's replay of its own logs into training examples, the sliding
 * window, and the retraining schedule that produces a model epoch for every tick.
 */
package org.feedlab.ranker.training;

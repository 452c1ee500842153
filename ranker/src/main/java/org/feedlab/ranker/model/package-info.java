/**
 * The ranker's model: logged impressions as training examples, a trainer that fits Tribuo's
 * multi-label linear SGD model, and the dense scorer compiled from it that serves every feed.
 * Tribuo's own {@code predict} goes through string-named features and allocates per call, so
 * serving uses the compiled {@link org.feedlab.ranker.model.DenseLinearScorer}; a test keeps the
 * two in agreement.
 */
package org.feedlab.ranker.model;

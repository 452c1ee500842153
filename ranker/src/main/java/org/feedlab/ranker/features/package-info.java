/**
 * What the platform can observe and the features it derives from it: per-user behaviour aggregates,
 * per-post counters, and the dense feature vector the models score. Nothing here can see the
 * society's hidden state; it is built only from events on the platform's topics.
 */
package org.feedlab.ranker.features;

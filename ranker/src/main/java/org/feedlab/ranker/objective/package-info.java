/**
 * What the feed optimises: objective presets, researcher-declared weights and terms, and the
 * platform-side state some objectives need (the bridging factorisation, the Lagrangian weight of an
 * outrage cap), fitted in the platform replay and shipped to scorers in the tick context.
 */
package org.feedlab.ranker.objective;

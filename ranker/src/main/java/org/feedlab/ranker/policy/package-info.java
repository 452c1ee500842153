/**
 * Policies: composable stages after scoring, each a regulation or design intervention declared in
 * the scenario file ({@code ranker.policies}): who gets which feed, which candidates may be
 * distributed, how scores are adjusted, and which prompts ride along with the feed.
 */
package org.feedlab.ranker.policy;

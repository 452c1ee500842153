/**
 * The oracle ranker ({@code ranker.oracle}): the society's true probabilities handed to the
 * platform's own serving path in place of the model's, as an upper bound on what a model could
 * learn. It reads the users' hidden state, so it lives here, in the lab, and runs on the direct
 * engine only (docs/MODEL.md, "The oracle").
 */
package org.feedlab.lab.oracle;

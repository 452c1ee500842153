/**
 * Experiments as data (Mesa's batch_run): arms × seeds expand to a list of runs; results are flat
 * rows; the summary gives each arm's mean and its paired difference from the baseline arm with 95 %
 * confidence intervals over seeds.
 */
package org.feedlab.lab.experiment;

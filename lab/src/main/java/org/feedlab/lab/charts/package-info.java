/**
 * The charting library shared by the live classroom page and the HTML reports: uPlot from a pinned
 * web jar, and FeedLab's helpers on top of it.
 */
package org.feedlab.lab.charts;

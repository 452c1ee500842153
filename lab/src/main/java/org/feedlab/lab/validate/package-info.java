/**
 * {@code feedlab validate}: the shipped validation suite. Each finding (one study, one outcome)
 * names a published estimate with its interval and a design that reproduces the study in FeedLab;
 * the suite runs the design over seeds and says whether FeedLab's estimate falls inside the
 * published interval.
 */
package org.feedlab.lab.validate;

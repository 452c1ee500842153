/** The FeedLab launcher: the command line and everything a run needs around the engines. */
package org.feedlab.lab;

/** The embedded Flink MiniCluster the default run submits the ranking job to. */
package org.feedlab.lab.flink;

/** The live classroom page of {@code feedlab run --live}, served on 127.0.0.1 while a run goes. */
package org.feedlab.lab.live;
